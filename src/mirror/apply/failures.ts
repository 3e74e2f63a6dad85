/**
 * Failure records: an action that failed marks its file with doubling back-off (1 min … 6 h) and
 * names it among the unmirrored files of the pass; auth and quota errors instead stop the whole
 * pass (retrying would only hammer the server): in-flight work is aborted and the error is
 * rethrown by applyPlan once the journal is flushed. Work aborted by a stop is not a failure.
 */
import { ArsipdError, describeError } from "../../errors.js";
import type { Logger } from "../../log/logger.js";
import { backoffMs } from "../../state/journal-types.js";
import type { LocalFile, MirrorAction } from "../types.js";
import type { Run } from "./run.js";

export const STOPPING = new Set(["auth", "quota"]);

export const isKind = (err: unknown, kind: string) =>
  err instanceof ArsipdError && err.kind === kind;

/** The share path an action is about (for logs and failure records). */
export const actionPath = (a: MirrorAction) =>
  "rel" in a ? a.rel : a.kind === "move" ? a.to : a.path;

export function failed(run: Run, a: MirrorAction, err: unknown, log: Logger): void {
  if (run.signal.aborted && !run.stopError) return; // stopping: not the file's fault
  if (err instanceof ArsipdError && STOPPING.has(err.kind)) {
    run.stopError ??= err;
    run.abort();
    return;
  }
  const { journal } = run.ctx;
  run.res.failed++;
  const rel = actionPath(a);
  if (a.kind !== "remove-scratch")
    run.res.unmirrored.push({ path: rel, reason: describeError(err) });
  const prev = journal.failure(rel);
  const failures = (prev?.failures ?? 0) + 1;
  const wait = backoffMs(failures, err instanceof ArsipdError ? err.retryAfterSec : undefined);
  const local = "local" in a ? a.local : undefined;
  journal.recordFailure(rel, {
    failures,
    lastError: describeError(err),
    nextRetryAt: run.ctx.now().getTime() + wait,
    size: local?.size,
    mtimeMs: local?.mtimeMs,
  });
  log.warn(
    { err: describeError(err), failures, retryInS: Math.round(wait / 1000) },
    "mirror action failed",
  );
}

/** An upload whose PUT returned but whose size check failed: taken back and failed. */
export function notStored(
  run: Run,
  it: { rel: string; remotePath: string; f: LocalFile },
  err: unknown,
): void {
  run.notStored++;
  const a: MirrorAction = {
    kind: "upload",
    rel: it.rel,
    remotePath: it.remotePath,
    local: it.f,
    reason: "new",
  };
  failed(run, a, err, run.ctx.log.child({ path: it.rel }));
}

/** Skipped files (in back-off) are unmirrored too: named, with when they are tried again. */
export function noteSkips(run: Run, actions: MirrorAction[]): void {
  for (const a of actions) {
    if (a.kind !== "skip") continue;
    run.res.skipped++;
    const until = new Date(a.until).toISOString();
    run.res.unmirrored.push({
      path: a.rel,
      reason: `waiting to retry until ${until}: ${a.reason}`,
    });
    run.ctx.log.warn(
      { path: a.rel, retryAt: until, lastError: a.reason },
      "not mirrored: waiting to retry after a failure",
    );
  }
}
