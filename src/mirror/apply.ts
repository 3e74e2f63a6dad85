/**
 * Executes a mirror plan against a Remote and records every completed action in the journal at
 * once (the journal batches the fsyncs). Contract:
 * - folders first, parents before children, each once; then the rest with at most
 *   `concurrency` in flight;
 * - a FreshFile is hashed right before its upload, in its transfer slot (so hashing overlaps the
 *   other transfers), and a small one is sent from the bytes it was hashed from (digests.ts
 *   readForUpload); one whose size changed since the scan is not uploaded but `deferred`
 *   (still being written), one that cannot be read is left for the next pass;
 * - an upload is recorded only after the Remote confirmed it (size checked);
 * - a conflict on upload (the remote changed since we looked) is resolved on the spot: the same
 *   content already there is adopted, anything else is kept as a konflik copy before ours goes up;
 * - auth and quota errors stop the whole pass at once (in-flight work aborted) and are rethrown
 *   after the journal is flushed: retrying would only hammer the server;
 * - any other error marks the file failed with doubling back-off (1 min … 6 h) and the pass goes on;
 * - once `signal` aborts, no new work starts and in-flight transfers are aborted (not counted
 *   as failures); the uploads already sent are still confirmed and recorded.
 * The parts live in apply/: transfer.ts (hashing, PUT, upload intent), size-check.ts (one
 * listing per folder confirms a batch of uploads), conflicts.ts, failures.ts (back-off, stop
 * errors, unmirrored files), record.ts (journal records), actions.ts (one action).
 */
import { ArsipdError, describeError } from "../errors.js";
import { eachLimit } from "../util/limit.js";
import { runAction } from "./apply/actions.js";
import { actionPath, failed, noteSkips, STOPPING } from "./apply/failures.js";
import { type ApplyContext, type ApplyResult, emptyResult, type Run } from "./apply/run.js";
import { SizeCheck } from "./apply/size-check.js";
import { recordFolders } from "./discover.js";
import type { MirrorAction } from "./types.js";

export type { ApplyContext, ApplyResult } from "./apply/run.js";
export { INTENT_MIN_BYTES } from "./apply/transfer.js";

export async function applyPlan(actions: MirrorAction[], ctx: ApplyContext): Promise<ApplyResult> {
  const inner = new AbortController();
  const onAbort = () => inner.abort();
  ctx.signal?.addEventListener("abort", onAbort, { once: true });
  const work = actions.filter((a) => a.kind !== "mkdir" && a.kind !== "skip");
  const run: Run = {
    ctx,
    res: emptyResult(),
    signal: inner.signal,
    abort: () => inner.abort(),
    sizes: new SizeCheck(),
    notStored: 0,
    progress: {
      done: 0,
      total: work.length,
      bytes: 0,
      totalBytes: work.reduce(
        (n, a) => n + (a.kind === "upload" || a.kind === "conflict-keep" ? a.local.size : 0),
        0,
      ),
    },
    report: () => ctx.onProgress?.({ ...run.progress }),
  };
  noteSkips(run, actions);
  try {
    await makeFolders(run, actions);
    await eachLimit(
      work,
      ctx.concurrency,
      async (a) => {
        const log = ctx.log.child({ path: actionPath(a) });
        try {
          const left = (await runAction(run, a, log)) === "left";
          if (left) {
            if ("local" in a) run.progress.totalBytes -= a.local.size; // none of it will be sent
            log.debug({ action: a.kind }, "left for the next pass");
          } else if (a.kind === "move") log.info({ from: a.from }, "moved on the remote");
          else if (a.kind === "refresh" || a.kind === "remove-scratch")
            log.debug({ action: a.kind }, "done");
          else if (a.kind !== "trash" && a.kind !== "forget")
            log.info({ action: a.kind }, "mirrored");
        } catch (err) {
          failed(run, a, err, log);
        }
        run.progress.done++;
        run.report();
      },
      () => run.signal.aborted,
    );
    await run.sizes.check(run, true, confirmSignal(run.signal));
    run.res.uploaded -= run.notStored;
    // One listing per folder that received uploads, after the last of them, and of the folders
    // above them, lets the next full pass skip them all (see discover.ts recordFolders).
    if (ctx.caps.folderEtags)
      await recordFolders(ctx.remote, ctx.journal, run.sizes.answered, run.signal);
  } finally {
    ctx.signal?.removeEventListener("abort", onAbort);
    await ctx.journal.flush();
  }
  const stop = run.stopError;
  if (stop) {
    // In the log too, not only on the terminal of whoever ran `sync`.
    ctx.log.error(
      { err: describeError(stop), kind: stop.kind },
      "mirror pass stopped: the files not yet mirrored wait for the next pass",
    );
    throw new ArsipdError(stop.code, stop.kind, `mirror pass stopped: ${describeError(stop)}`, {
      cause: stop,
    });
  }
  return run.res;
}

/**
 * Uploads the server took before a stop are still confirmed (one listing per folder, given up
 * CONFIRM_AFTER_STOP_MS after the stop, inside the daemon's grace period): left out of the
 * journal, the next edit of such a file would find our own bytes on the server and keep them as
 * a konflik copy.
 */
export const CONFIRM_AFTER_STOP_MS = 5_000;
function confirmSignal(signal: AbortSignal): AbortSignal {
  const c = new AbortController();
  const later = () => setTimeout(() => c.abort(signal.reason), CONFIRM_AFTER_STOP_MS).unref();
  if (signal.aborted) later();
  else signal.addEventListener("abort", later, { once: true });
  return c.signal;
}

/** Folders first, parents before children, each once (the plan's order). */
async function makeFolders(run: Run, actions: MirrorAction[]): Promise<void> {
  for (const a of actions) {
    if (a.kind !== "mkdir" || run.signal.aborted) continue;
    try {
      await run.ctx.remote.mkdirp(a.path, run.signal);
    } catch (err) {
      // Only stop-the-pass errors matter here; the uploads below it fail and back off on their own.
      if (err instanceof ArsipdError && STOPPING.has(err.kind)) failed(run, a, err, run.ctx.log);
      else
        run.ctx.log.warn(
          { path: a.path, err: describeError(err) },
          "could not create a remote folder",
        );
    }
  }
}
