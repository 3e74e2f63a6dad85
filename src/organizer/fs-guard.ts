/**
 * File-system checks of the organizer: nothing it moves or creates may lead out of the share
 * through a symlink, and a file is touched only while it looks the same as when it was scanned.
 */
import { lstat, mkdir } from "node:fs/promises";
import path from "node:path";
import { ArsipdError } from "../errors.js";

/** Errors a rename gets when another program holds the file open (Word over SMB, antivirus). */
export const LOCKED = new Set(["EBUSY", "EACCES", "EPERM", "ETXTBSY"]);

export function errCode(err: unknown): string {
  return (err as NodeJS.ErrnoException)?.code ?? (err instanceof ArsipdError ? err.code : "EIO");
}

/**
 * Creates `<share>/<relDir>` segment by segment; every segment that exists must be a real
 * directory, never a symlink (which could point out of the share).
 */
export async function ensureDirInside(share: string, relDir: string): Promise<void> {
  let cur = share;
  for (const seg of relDir.split("/").filter((s) => s.length > 0)) {
    cur = path.join(cur, seg);
    let st: Awaited<ReturnType<typeof lstat>> | null = null;
    try {
      st = await lstat(cur);
    } catch (err) {
      if (errCode(err) !== "ENOENT") throw err;
    }
    if (st === null) {
      await mkdir(cur).catch((err) => {
        if (errCode(err) !== "EEXIST") throw err;
      });
      st = await lstat(cur);
    }
    if (st.isSymbolicLink() || !st.isDirectory()) {
      throw new ArsipdError(
        "UNSAFE_TARGET",
        "fatal",
        `${cur} is a symlink or not a folder; arsipd never follows links out of the share`,
      );
    }
  }
}

/**
 * True when `abs` (a path inside `share`, as spelled on disk: a name may be NFD where the
 * share-relative path is NFC) is a regular file and no folder on the way to it is a symlink.
 */
export async function isPlainFileInside(share: string, abs: string): Promise<boolean> {
  const rel = path.relative(share, abs);
  if (rel === "" || rel.startsWith("..") || path.isAbsolute(rel)) return false;
  let cur = share;
  const segs = rel.split(path.sep);
  for (let i = 0; i < segs.length; i++) {
    cur = path.join(cur, segs[i]!);
    const st = await lstat(cur).catch(() => null);
    if (!st || st.isSymbolicLink()) return false;
    if (i < segs.length - 1 ? !st.isDirectory() : !st.isFile()) return false;
  }
  return true;
}
