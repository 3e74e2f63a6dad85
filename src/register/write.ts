/**
 * Writes a file atomically (util/atomic-write.ts) and only when its bytes differ from what is
 * there, so an unchanged register is not touched and the mirror does not re-upload it.
 */
import { readFile } from "node:fs/promises";
import { writeFileAtomic } from "../util/atomic-write.js";

/** Returns true when the file was (re)written. */
export async function writeIfChanged(file: string, data: Buffer): Promise<boolean> {
  try {
    const old = await readFile(file);
    if (old.equals(data)) return false;
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== "ENOENT") throw err;
  }
  await writeFileAtomic(file, data);
  return true;
}
