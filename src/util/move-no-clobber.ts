/**
 * Renaming a file or folder on one file system without ever overwriting what is at the target.
 * The organizer's moves (organizer/move.ts) and the local-folder remote's moves (remote/local.ts)
 * both go through here, so both refuse and fall back for the same reasons.
 * - A file: `link(from, to)` (fails with EEXIST when `to` exists, so a file that appears at the
 *   target at the same instant is never overwritten), then `unlink(from)`. A kill in between
 *   leaves one inode under two names, nothing lost; the callers' recoveries drop the source name.
 * - Where hard links are refused (a folder; some SMB/CIFS mounts; NO_LINK below): check that
 *   `to` is free, then `rename`. Only another process writing the same name between check and
 *   rename could be overwritten; callers serialise their own moves.
 * - Across file systems: EXDEV is thrown (the caller copies, see organizer/move.ts).
 * Both folders are fsynced, so the move survives a power cut. Errors are node errno errors:
 * EEXIST when the target is taken.
 */
import type { PathLike } from "node:fs";
import { link, lstat, rename, unlink } from "node:fs/promises";
import path from "node:path";
import { fsyncDir } from "./atomic-write.js";

/** Errors of `link` meaning "no hard links here", not "this move cannot be done". */
const NO_LINK = new Set(["EPERM", "ENOTSUP", "EOPNOTSUPP", "ENOSYS", "EMLINK", "EINVAL"]);

export function errnoError(code: string, message: string): NodeJS.ErrnoException {
  const e = new Error(`${code}: ${message}`) as NodeJS.ErrnoException;
  e.code = code;
  return e;
}

export async function pathExists(p: PathLike): Promise<boolean> {
  try {
    await lstat(p);
    return true;
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === "ENOENT") return false;
    throw err;
  }
}

/**
 * Moves `from` (a text path, or the raw bytes of a name that is not UTF-8) to `to` on the same
 * file system without overwriting `to` (see the file comment).
 */
export async function moveNoClobber(from: string | Buffer, to: string): Promise<void> {
  let linked = true;
  try {
    await link(from, to);
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code ?? "";
    if (!NO_LINK.has(code)) throw err;
    linked = false;
  }
  if (linked) {
    await unlink(from);
  } else {
    if (await pathExists(to)) throw errnoError("EEXIST", to);
    await rename(from, to);
  }
  await fsyncDir(path.dirname(to));
  await fsyncDir(dirOf(from));
}

function dirOf(p: string | Buffer): string | Buffer {
  if (typeof p === "string") return path.dirname(p);
  const slash = p.lastIndexOf(0x2f);
  return slash <= 0 ? Buffer.from(slash === 0 ? "/" : ".") : p.subarray(0, slash);
}
