/**
 * A secret value that cannot leak by accident: JSON, string conversion and util.inspect all
 * print "[redacted]". Only `reveal()` hands out the value, and only the remote adapter calls it.
 */
import { inspect } from "node:util";

export class Secret {
  readonly #value: string;
  constructor(value: string) {
    this.#value = value;
  }
  reveal(): string {
    return this.#value;
  }
  toString(): string {
    return "[redacted]";
  }
  toJSON(): string {
    return "[redacted]";
  }
  [inspect.custom](): string {
    return "[redacted]";
  }
}
