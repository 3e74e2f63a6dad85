/**
 * Moving a file without ever overwriting or losing it.
 * - Same file system: util/move-no-clobber.ts (link then unlink; rename after a check where
 *   hard links are refused).
 * - Across file systems (EXDEV) or with `copy: true`: record an intent in `<stateDir>/moves/`,
 *   copy to a temp name next to the target (util/atomic-write.ts's pattern), fsync, verify
 *   SHA-256, move it into place without overwriting, unlink the source, drop the intent. A crash
 *   at any point leaves the whole file in at least one place; `recoverMoves` finishes or rolls
 *   back what the intents describe.
 * Errors are node errno errors: EEXIST when the target is taken; EBUSY/EACCES/EPERM when the
 * file is locked by another program.
 */
import { createHash } from "node:crypto";
import { constants } from "node:fs";
import { copyFile, mkdir, readdir, readFile, unlink } from "node:fs/promises";
import path from "node:path";
import { fsyncPath, isOwnTempName, tempPathBeside, writeFileAtomic } from "../util/atomic-write.js";
import { sha256File } from "../util/hash.js";
import { errnoError, moveNoClobber, pathExists } from "../util/move-no-clobber.js";

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
      await moveNoClobber(from, to);
      return;
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== "EXDEV") throw err;
    }
  }
  await copyMove(from, to, opts.stateDir);
}

async function copyMove(from: string, to: string, stateDir: string): Promise<void> {
  if (await pathExists(to)) throw errnoError("EEXIST", to);
  const sha = await sha256File(from);
  const tmp = tempPathBeside(to);
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
    if ((await sha256File(tmp)) !== sha) throw errnoError("EIO", `copy of ${from} does not verify`);
    await moveNoClobber(tmp, to);
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
 * Temp files of intents a kill left half-written are removed.
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
      if (isOwnTempName(n)) await unlink(file).catch(() => {});
      continue;
    }
    let it: Intent;
    try {
      it = JSON.parse(await readFile(file, "utf8")) as Intent;
    } catch {
      continue;
    }
    const targetOk = (await pathExists(it.to)) && (await sha256File(it.to)) === it.sha256;
    await unlink(it.tmp).catch(() => {});
    if (targetOk && (await pathExists(it.from)) && (await sha256File(it.from)) === it.sha256) {
      await unlink(it.from);
      done.push({ from: it.from, to: it.to });
    }
    await unlink(file);
  }
  return done;
}
