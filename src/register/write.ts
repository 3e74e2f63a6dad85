/**
 * Writes a file atomically and only when its bytes differ from what is there: temp file in the
 * same folder (hidden, so the share scan ignores it), fsync, rename. An unchanged register is
 * therefore not touched and the mirror does not re-upload it.
 */
import { randomBytes } from "node:crypto";
import { mkdir, open, readFile, rename, rm } from "node:fs/promises";
import path from "node:path";

/** Returns true when the file was (re)written. */
export async function writeIfChanged(file: string, data: Buffer): Promise<boolean> {
  try {
    const old = await readFile(file);
    if (old.equals(data)) return false;
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== "ENOENT") throw err;
  }
  await mkdir(path.dirname(file), { recursive: true });
  const tmp = path.join(
    path.dirname(file),
    `.${path.basename(file)}.${randomBytes(4).toString("hex")}.tmp`,
  );
  try {
    const fh = await open(tmp, "w");
    try {
      await fh.writeFile(data);
      await fh.sync();
    } finally {
      await fh.close();
    }
    await rename(tmp, file);
  } catch (err) {
    await rm(tmp, { force: true });
    throw err;
  }
  return true;
}
