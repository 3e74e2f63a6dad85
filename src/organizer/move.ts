/**
 * Moving a file without ever overwriting or losing it.
 * - Same file system: util/no-clobber.ts placeNoClobber (link then unlink; never overwrites).
 * - Across file systems (EXDEV) or with `copy: true`: record an intent in `<stateDir>/moves/`,
 *   copy to a hidden temp name next to the target, fsync, verify SHA-256, link into place,
 *   unlink the source, drop the intent. A crash at any point leaves the whole file in at least
 *   one place; `recoverMoves` finishes or rolls back what the intents describe.
 * Errors are node errno errors: EEXIST when the target is taken; EBUSY/EACCES/EPERM when the
 * file is locked by another program.
 */
import { createHash } from "node:crypto";
import { constants } from "node:fs";
import { copyFile, mkdir, open, readdir, readFile, unlink } from "node:fs/promises";
import path from "node:path";
import { OWN_TEMP, tempName, writeFileAtomic } from "../util/atomic-write.js";
import { sha256File } from "../util/hash.js";
import { errno, exists, placeNoClobber } from "../util/no-clobber.js";

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
  const tmp = tempName(path.dirname(to));
  const dir = intentDir(stateDir);
  await mkdir(dir, { recursive: true });
  const intentFile = path.join(
    dir,
    `${createHash("sha256").update(to).digest("hex").slice(0, 32)}.json`,
  );
  await writeFileAtomic(
    intentFile,
    JSON.stringify({ from, to, tmp, sha256: sha } satisfies Intent),
  );
  try {
    await copyFile(from, tmp, constants.COPYFILE_EXCL);
    await fsyncPath(tmp);
    if ((await sha256File(tmp)) !== sha) throw errno("EIO", `copy of ${from} does not verify`);
    await placeNoClobber(tmp, to);
    await fsyncPath(path.dirname(to));
  } catch (err) {
    await unlink(tmp).catch(() => {});
    await unlink(intentFile).catch(() => {});
    throw err;
  }
  await unlink(from);
  await unlink(intentFile);
}

/**
 * Finishes or rolls back copy-moves a crash interrupted. Returns the finished ones.
 * - target holds the recorded content: the source (if it still has that content) is removed;
 * - otherwise the temp copy is removed and the source stays (the next pass moves it again).
 * An intent a kill left half-written (its temp file, OWN_TEMP) is removed.
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
  for (const n of names) {
    const file = path.join(dir, n);
    if (!n.endsWith(".json")) {
      if (OWN_TEMP.test(n)) await unlink(file).catch(() => {});
      continue;
    }
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
