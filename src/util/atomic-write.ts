/**
 * Whole-file replacement that a crash or power cut cannot tear: write a temp file beside the
 * target, fsync it, rename it over the target, fsync the folder. Readers see the old file or the
 * new one, never a mix or an empty file. Every whole-file write of arsipd (journal snapshot,
 * status, register, caches, intents, reason files) goes through here; a writer that streams
 * (register/write-stream.ts) uses the same three steps: openTemp, commitTemp, discardTemp.
 *
 * Temp files are named `.arsipd-<12 hex>.tmp` (ownTempName): hidden, so share scans and the
 * mirror ignore them; short, so a target name of 255 bytes still has a temp name; and one
 * pattern, so a recovery can tell its own leftovers (isOwnTempName) from a clerk's files.
 */
import { randomBytes } from "node:crypto";
import type { PathLike } from "node:fs";
import { mkdir, open, rename, rm } from "node:fs/promises";
import path from "node:path";

type Handle = Awaited<ReturnType<typeof open>>;

const OWN_TEMP = /^\.arsipd-[0-9a-f]{12}\.tmp$/;

/** A fresh temp file name of arsipd's pattern (a name, not a path). */
export function ownTempName(): string {
  return `.arsipd-${randomBytes(6).toString("hex")}.tmp`;
}

/** True for a file name (last path segment) that arsipd's temp writers create. */
export function isOwnTempName(name: string): boolean {
  return OWN_TEMP.test(name);
}

/** A temp file's path beside `file` (same folder, so the final rename stays on one file system). */
export function tempPathBeside(file: string): string {
  return path.join(path.dirname(file), ownTempName());
}

export interface TempFile {
  path: string;
  fh: Handle;
}

/** Creates (exclusively) a temp file beside `file`, creating the folder if needed. */
export async function openTemp(file: string, mode = 0o644): Promise<TempFile> {
  await mkdir(path.dirname(file), { recursive: true });
  const tmp = tempPathBeside(file);
  return { path: tmp, fh: await open(tmp, "wx", mode) };
}

/** Fsyncs and closes the temp file, renames it over `file`, fsyncs the folder. */
export async function commitTemp(t: TempFile, file: string): Promise<void> {
  try {
    await t.fh.sync();
  } finally {
    await t.fh.close();
  }
  await rename(t.path, file);
  await fsyncDir(path.dirname(file));
}

/** Closes (if still open) and removes a temp file that will not be committed. */
export async function discardTemp(t: TempFile): Promise<void> {
  await t.fh.close().catch(() => undefined);
  await rm(t.path, { force: true });
}

export async function writeFileAtomic(
  file: string,
  data: string | Uint8Array,
  mode = 0o644,
): Promise<void> {
  const t = await openTemp(file, mode);
  try {
    await t.fh.writeFile(data);
    await commitTemp(t, file);
  } catch (err) {
    await discardTemp(t);
    throw err;
  }
}

/** Fsyncs a folder so a rename or create inside it survives a power cut. */
export function fsyncDir(dir: PathLike): Promise<void> {
  return fsyncPath(dir);
}

/** Fsyncs a file or folder by its path (a copy made by copyFile, a folder after a rename). */
export async function fsyncPath(p: PathLike): Promise<void> {
  let fh: Handle | undefined;
  try {
    fh = await open(p, "r");
    await fh.sync();
  } catch (err) {
    // Some file systems (SMB, some FUSE, Windows) refuse fsync on a folder; the rename happened.
    const code = (err as NodeJS.ErrnoException).code;
    if (code !== "EISDIR" && code !== "EINVAL" && code !== "EPERM" && code !== "EBADF") throw err;
  } finally {
    await fh?.close();
  }
}
