/**
 * Moving a file to a new name on one file system without ever overwriting what is there: the
 * one rule for the organizer's moves (organizer/move.ts) and the local mirror (remote/local.ts).
 * `link(from, to)` fails with EEXIST when `to` exists, so a file that appeared at the target
 * meanwhile is never replaced; then `from` is unlinked (a kill in between leaves one file under
 * two names, which the callers' recovery resolves). Where hard links are not supported (some
 * SMB/CIFS mounts, FAT) it falls back to a check then a rename. Errors are errno errors: EEXIST
 * when the target is taken, EXDEV across file systems (the caller copies instead).
 */
import { link, lstat, rename, unlink } from "node:fs/promises";

/** errno codes that say "no hard links here", not "something is wrong". */
const NO_LINK = new Set(["EPERM", "ENOTSUP", "EOPNOTSUPP", "ENOSYS", "EMLINK", "EINVAL"]);

export function errno(code: string, message: string): NodeJS.ErrnoException {
  const e = new Error(`${code}: ${message}`) as NodeJS.ErrnoException;
  e.code = code;
  return e;
}

export async function exists(p: string): Promise<boolean> {
  try {
    await lstat(p);
    return true;
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === "ENOENT") return false;
    throw err;
  }
}

/** Puts `from` at `to` (same file system) without overwriting `to`. */
export async function placeNoClobber(from: string, to: string): Promise<void> {
  try {
    await link(from, to);
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code ?? "";
    if (!NO_LINK.has(code)) throw err;
    if (await exists(to)) throw errno("EEXIST", to);
    await rename(from, to);
    return;
  }
  await unlink(from);
}
