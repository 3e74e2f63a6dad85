/**
 * Whole-file replacement that a crash or power cut cannot tear: write a temp file beside the
 * target (hidden, so share scans ignore it), fsync it, rename it over the target, fsync the
 * folder. Readers see the old file or the new one, never a mix or an empty file. Every
 * whole-file write of arsipd (journal snapshot, status, intents, reason files, caches) goes
 * through here; the register's streamed writes (register/write-stream.ts) use the same temp
 * name and the same fsyncs. A temp file a crash left behind is named by `tempName` (OWN_TEMP):
 * the quarantine's are removed at start-up, the others are hidden and overwritten by nobody.
 */
import { randomBytes } from "node:crypto";
import { mkdir, open, rename, rm } from "node:fs/promises";
import path from "node:path";

/** arsipd's temp files: `.arsipd-<12 hex>.tmp`, in the folder of the file they become. */
export const OWN_TEMP = /^\.arsipd-[0-9a-f]{12}\.tmp$/;

export function tempName(dir: string): string {
  return path.join(dir, `.arsipd-${randomBytes(6).toString("hex")}.tmp`);
}

export async function writeFileAtomic(
  file: string,
  data: string | Uint8Array,
  mode = 0o644,
): Promise<void> {
  const dir = path.dirname(file);
  await mkdir(dir, { recursive: true });
  const tmp = tempName(dir);
  try {
    const fh = await open(tmp, "w", mode);
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
  await fsyncDir(dir);
}

/** Fsyncs a folder so a rename or create inside it survives a power cut. */
export async function fsyncDir(dir: string): Promise<void> {
  let fh: Awaited<ReturnType<typeof open>> | undefined;
  try {
    fh = await open(dir, "r");
    await fh.sync();
  } catch (err) {
    // Some file systems (SMB, some FUSE, Windows) refuse fsync on a folder; the rename happened.
    const code = (err as NodeJS.ErrnoException).code;
    if (code !== "EISDIR" && code !== "EINVAL" && code !== "EPERM" && code !== "EBADF") throw err;
  } finally {
    await fh?.close();
  }
}
