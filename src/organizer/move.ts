/**
 * Moving a file without ever overwriting or losing it.
 * - Same file system: `link(from, to)` then `unlink(from)` (link fails with EEXIST if `to`
 *   exists, so a concurrent file at the target is never overwritten). Where hard links are not
 *   supported (some SMB/CIFS mounts) it falls back to lstat-then-rename.
 * - Across file systems (EXDEV) or with `copy: true`: record an intent in `<stateDir>/moves/`,
 *   copy to a hidden temp name next to the target, fsync, verify SHA-256, link into place,
 *   unlink the source, drop the intent. A crash at any point leaves the whole file in at least
 *   one place; `recoverMoves` finishes or rolls back what the intents describe.
 * Errors are node errno errors: EEXIST when the target is taken; EBUSY/EACCES/EPERM when the
 * file is locked by another program.
 */
import { createHash, randomBytes } from "node:crypto";
import { constants } from "node:fs";
import {
  copyFile,
  link,
  lstat,
  mkdir,
  open,
  readdir,
  readFile,
  rename,
  unlink,
  writeFile,
} from "node:fs/promises";
import path from "node:path";
import { sha256File } from "../util/hash.js";

function errno(code: string, message: string): NodeJS.ErrnoException {
  const e = new Error(`${code}: ${message}`) as NodeJS.ErrnoException;
  e.code = code;
  return e;
}

async function exists(p: string): Promise<boolean> {
  try {
    await lstat(p);
    return true;
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === "ENOENT") return false;
    throw err;
  }
}

const NO_LINK = new Set(["EPERM", "ENOTSUP", "EOPNOTSUPP", "ENOSYS", "EMLINK", "EINVAL"]);

/** Puts `from` at `to` on one file system without overwriting `to`. */
async function placeNoClobber(from: string, to: string): Promise<void> {
  try {
    await link(from, to);
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code ?? "";
    if (!NO_LINK.has(code)) throw err;
    if (await exists(to)) throw errno("EEXIST", to);
    await rename(from, to);
    return;
  }
  crashPoint("after-link");
  await unlink(from);
}

/**
 * Test hook, the one place it lives: ARSIPD_TEST_CRASH_AT=<step> kills the process at that step
 * (after-link, after-copy, after-place here; sidecar-tmp, quarantine-moved, quarantine-sidecar in
 * quarantine-intent.ts and apply.ts).
 */
export function crashPoint(step: string): void {
  if (process.env.ARSIPD_TEST_CRASH_AT === step) process.kill(process.pid, "SIGKILL");
}

async function fsyncPath(p: string): Promise<void> {
  const fh = await open(p, "r");
  try {
    await fh.sync();
  } catch {
    // Some file systems (and directories on some platforms) refuse fsync; the data is still written.
  } finally {
    await fh.close();
  }
}

interface Intent {
  from: string;
  to: string;
  tmp: string;
  sha256: string;
}

function intentDir(stateDir: string): string {
  return path.join(stateDir, "moves");
}

async function writeAtomic(file: string, text: string): Promise<void> {
  const tmp = `${file}.${randomBytes(4).toString("hex")}.tmp`;
  await writeFile(tmp, text);
  await fsyncPath(tmp);
  await rename(tmp, file);
}

export interface MoveOptions {
  stateDir: string;
  /** Always copy+verify (as across file systems). */
  copy?: boolean;
}

export async function moveFile(from: string, to: string, opts: MoveOptions): Promise<void> {
  if (!opts.copy) {
    try {
      await placeNoClobber(from, to);
      return;
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== "EXDEV") throw err;
    }
  }
  await copyMove(from, to, opts.stateDir);
}

async function copyMove(from: string, to: string, stateDir: string): Promise<void> {
  if (await exists(to)) throw errno("EEXIST", to);
  const sha = await sha256File(from);
  const tmp = path.join(path.dirname(to), `.arsipd-${randomBytes(6).toString("hex")}.tmp`);
  const dir = intentDir(stateDir);
  await mkdir(dir, { recursive: true });
  const intentFile = path.join(
    dir,
    `${createHash("sha256").update(to).digest("hex").slice(0, 32)}.json`,
  );
  await writeAtomic(intentFile, JSON.stringify({ from, to, tmp, sha256: sha } satisfies Intent));
  try {
    await copyFile(from, tmp, constants.COPYFILE_EXCL);
    await fsyncPath(tmp);
    if ((await sha256File(tmp)) !== sha) throw errno("EIO", `copy of ${from} does not verify`);
    crashPoint("after-copy");
    await placeNoClobber(tmp, to);
    await fsyncPath(path.dirname(to));
  } catch (err) {
    await unlink(tmp).catch(() => {});
    await unlink(intentFile).catch(() => {});
    throw err;
  }
  crashPoint("after-place");
  await unlink(from);
  await unlink(intentFile);
}

/**
 * Finishes or rolls back copy-moves a crash interrupted. Returns the finished ones.
 * - target holds the recorded content: the source (if it still has that content) is removed;
 * - otherwise the temp copy is removed and the source stays (the next pass moves it again).
 */
export async function recoverMoves(stateDir: string): Promise<{ from: string; to: string }[]> {
  const dir = intentDir(stateDir);
  let names: string[];
  try {
    names = await readdir(dir);
  } catch {
    return [];
  }
  const done: { from: string; to: string }[] = [];
  for (const n of names.filter((x) => x.endsWith(".json"))) {
    const file = path.join(dir, n);
    let it: Intent;
    try {
      it = JSON.parse(await readFile(file, "utf8")) as Intent;
    } catch {
      continue;
    }
    const targetOk = (await exists(it.to)) && (await sha256File(it.to)) === it.sha256;
    await unlink(it.tmp).catch(() => {});
    if (targetOk && (await exists(it.from)) && (await sha256File(it.from)) === it.sha256) {
      await unlink(it.from);
      done.push({ from: it.from, to: it.to });
    }
    await unlink(file);
  }
  return done;
}
