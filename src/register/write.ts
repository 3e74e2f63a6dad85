/**
 * Writes a file atomically (util/atomic-write.ts) and only when its bytes differ from what is
 * there, so an unchanged register is not touched and the mirror does not re-upload it.
 */
import { writeFileAtomic } from "../util/atomic-write.js";
import { NotRegularFileError, readRegular, TooLargeError } from "../util/safe-open.js";

/** Returns true when the file was (re)written. */
export async function writeIfChanged(file: string, data: Buffer): Promise<boolean> {
  try {
    const old = await readRegular(file);
    if (old.equals(data)) return false;
  } catch (err) {
    // A FIFO, link or giant at our own file's name is replaced (the rename swaps the name only).
    const replaceable = err instanceof NotRegularFileError || err instanceof TooLargeError;
    if (!replaceable && (err as NodeJS.ErrnoException).code !== "ENOENT") throw err;
  }
  await writeFileAtomic(file, data);
  return true;
}
