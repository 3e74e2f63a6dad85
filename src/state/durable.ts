/**
 * Durable writes for the state folder. `writeFileDurable` puts the bytes in a temp file beside
 * the target, fsyncs it, renames it into place and fsyncs the folder, so after a crash or power
 * cut the target holds either the old or the new content, never a mix or an empty file.
 * `DurableJSONFile` is the same as a lowdb adapter (lowdb's own writer renames but never fsyncs).
 */
import { readFile } from "node:fs/promises";
import type { Adapter } from "lowdb";
import { writeFileAtomic } from "../util/atomic-write.js";

export { fsyncDir } from "../util/atomic-write.js";

/** State files are private to the service user. */
export function writeFileDurable(file: string, data: string | Uint8Array): Promise<void> {
  return writeFileAtomic(file, data, 0o600);
}

/** A lowdb adapter that reads/writes JSON durably. */
export class DurableJSONFile<T> implements Adapter<T> {
  constructor(readonly file: string) {}

  async read(): Promise<T | null> {
    let text: string;
    try {
      text = await readFile(this.file, "utf8");
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code === "ENOENT") return null;
      throw err;
    }
    return JSON.parse(text) as T;
  }

  async write(data: T): Promise<void> {
    await writeFileDurable(this.file, JSON.stringify(data));
  }
}
