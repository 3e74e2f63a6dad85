/**
 * The daemon's side of `arsipd sync`/`arsipd index` (asked over the control socket): how a
 * request becomes one job of the work loop, and what that job does. The answer is the object
 * the one-shot command would print, with its exit code.
 */
import { describeError } from "../errors.js";
import type { Logger } from "../log/logger.js";
import type { ControlRequest } from "./control.js";
import type { Engine } from "./daemon.js";
import type { DaemonStatus } from "./status-file.js";
import { interrupted } from "./sync-once.js";
import type { RequestJob } from "./work-loop.js";

export interface RequestResult {
  code: number;
  result: unknown;
}

type SyncRequest = Extract<ControlRequest, { op: "sync" }>;

/**
 * Equal requests share one key, so two `arsipd sync` asked while one waits get one run.
 * A real sync is a full pass that rebuilds the register: it replaces the queued full/quick
 * pass and register rebuild. A dry run changes nothing and replaces nothing.
 */
export function requestJob(req: Exclude<ControlRequest, { op: "status" }>): RequestJob {
  if (req.op === "index") {
    return {
      kind: "request",
      key: "index",
      reason: "arsipd index",
      pass: false,
      absorbs: ["index"],
    };
  }
  const sync: SyncRequest = {
    op: "sync",
    full: req.full,
    dryRun: req.dryRun,
    acceptDeletes: req.acceptDeletes,
  };
  return {
    kind: "request",
    key: `sync ${JSON.stringify(sync)}`,
    reason: req.dryRun ? "arsipd sync --dry-run" : "arsipd sync",
    pass: !req.dryRun,
    absorbs: req.dryRun ? [] : ["full", "quick", "index"],
  };
}

export interface RequestHooks {
  log: Logger;
  saveStatus(patch: Partial<DaemonStatus>): void;
  /** Queues a pass after the request (files it left still being written). */
  again(): void;
}

export async function runRequest(
  engine: Engine,
  job: RequestJob,
  signal: AbortSignal,
  hooks: RequestHooks,
): Promise<RequestResult> {
  const { log, saveStatus } = hooks;
  log.info({ request: job.key }, `${job.reason}: running`);
  if (job.key === "index") {
    const r = await engine.register();
    if (r.written.length > 0) log.info({ files: r.written }, "register rebuilt");
    return { code: 0, result: r };
  }
  const req = JSON.parse(job.key.slice("sync ".length)) as SyncRequest;
  const began = new Date().toISOString();
  try {
    const outcome = await engine.sync({
      deep: req.full,
      dryRun: req.dryRun,
      acceptDeletes: req.acceptDeletes,
      signal,
    });
    if (!req.dryRun) {
      saveStatus({
        lastPass: {
          kind: "full",
          startedAt: began,
          finishedAt: new Date().toISOString(),
          ok: outcome.code === 0,
          summary: outcome.summary,
        },
        remote: { description: engine.remoteDescription, reachable: true, message: "reachable" },
        ...(outcome.code === 0 ? { lastSuccessAt: new Date().toISOString() } : {}),
      });
      // Files the sync left still being written are looked at again by the loop.
      if (Number(outcome.summary.deferred ?? 0) > 0) hooks.again();
    }
    log.info({ code: outcome.code, summary: outcome.summary }, `${job.reason}: done`);
    return { code: outcome.code, result: outcome };
  } catch (err) {
    if (!req.dryRun) {
      saveStatus({
        remote: {
          description: engine.remoteDescription,
          reachable: false,
          message: describeError(err),
        },
      });
    }
    throw signal.aborted ? interrupted() : err;
  }
}
