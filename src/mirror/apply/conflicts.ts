/**
 * Conflicts: the remote copy is not what we last uploaded. The same content is adopted; our own
 * unfinished upload (an intent, see plan.ts leftByOurUpload) is replaced; anything else is kept
 * under a konflik name (or "name (2)" … when taken) before ours goes up. Nothing is overwritten
 * that someone else wrote.
 */
import { ArsipdError } from "../../errors.js";
import type { Logger } from "../../log/logger.js";
import { conflictPath, withCounter } from "../names.js";
import { leftByOurUpload, sameContent } from "../plan.js";
import type { LocalFile } from "../types.js";
import { adoptRemote } from "./record.js";
import type { Run } from "./run.js";
import { putFile } from "./transfer.js";

/** Moves `from` to `to`, or to "to (2)", "to (3)" … when taken; returns where it went. */
export async function moveAside(run: Run, from: string, to: string): Promise<string> {
  for (let n = 1; ; n++) {
    const target = n === 1 ? to : withCounter(to, n);
    try {
      await run.ctx.remote.move(from, target, run.signal);
      return target;
    } catch (err) {
      if (!(err instanceof ArsipdError && err.kind === "conflict") || n >= 50) throw err;
    }
  }
}

export async function keepTheirsThenPut(
  run: Run,
  rel: string,
  remotePath: string,
  keepAs: string,
  f: LocalFile,
  log: Logger,
): Promise<void> {
  const kept = await moveAside(run, remotePath, keepAs);
  log.warn({ keptAs: kept }, "remote copy differs from our last upload: kept as a conflict copy");
  run.res.conflicts++;
  await putFile(run, rel, remotePath, f, { ifNoneMatch: true });
  run.res.uploaded++;
}

/** The remote changed under a conditional upload or move: decide on what is there now. */
export async function resolveConflict(
  run: Run,
  rel: string,
  remotePath: string,
  f: LocalFile,
  log: Logger,
): Promise<void> {
  const { remote, journal, caps } = run.ctx;
  const cur = await remote.stat(remotePath, run.signal);
  if (!cur) {
    await putFile(run, rel, remotePath, f, { ifNoneMatch: true });
    run.res.uploaded++;
    return;
  }
  if (sameContent(f, cur, caps)) return adoptRemote(run, rel, f, cur);
  if (leftByOurUpload(cur, journal.intent(rel))) {
    log.info("replacing what an interrupted upload of ours left on the remote");
    await putFile(run, rel, remotePath, f, cur.etag ? { ifMatch: cur.etag } : {});
    run.res.uploaded++;
    return;
  }
  await keepTheirsThenPut(run, rel, remotePath, conflictPath(remotePath, run.ctx.now()), f, log);
}
