/**
 * What a CLI command is: a name, its help, its flags (node:util parseArgs), and `run`.
 * Commands return an exit code (see util/exit-codes.ts) and throw only ArsipdErrors;
 * main.ts turns those into one-line messages.
 */
import type { ParseArgsConfig } from "node:util";

export type OptionSpec = NonNullable<ParseArgsConfig["options"]>[string] & {
  /** One line for --help. */
  description: string;
  /** Placeholder shown in help for string options, e.g. "FILE". */
  valueName?: string;
};

export interface CommandInput {
  values: Record<string, string | boolean | (string | boolean)[] | undefined>;
  positionals: string[];
  /** --config from the global options. */
  configPath: string | undefined;
  stdout: NodeJS.WriteStream;
  stderr: NodeJS.WriteStream;
}

export interface Command {
  name: string;
  /** One line for the command list. */
  summary: string;
  /** Usage line after "arsipd", e.g. "parse [--json] <name>...". */
  usage: string;
  /** Longer help text (optional). */
  details?: string;
  examples: string[];
  options: Record<string, OptionSpec>;
  /** Whether positional arguments are accepted. */
  positionals?: boolean;
  run(input: CommandInput): Promise<number>;
}
