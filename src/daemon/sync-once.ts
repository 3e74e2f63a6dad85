/**
 * What `arsipd sync` does, as one function over an open engine, so the one-shot command and the
 * daemon (asked over its control socket) run the same sequence and answer with the same
 * outcome: a full pass; files still being written waited for (a few windows at most), so that
 * exit 0 means the remote really has everything; the register rebuilt and mirrored too.
 * A dry run is one pass that changes nothing.
 */
import { ArsipdError } from "../errors.js";
import type { MirrorAction } from "../mirror/types.js";
import { untilSettled } from "../share/settle.js";
import { EXIT } from "../util/exit-codes.js";
import type { ArchiveEngine, PassOptions, PassReport } from "./engine.js";
import { deferredPaths, isClean, summarize } from "./engine.js";

export interface SyncOptions {
  /** `--full`: read every remote folder, trusting no recorded folder ETag. */
  deep: boolean;
  dryRun: boolean;
  acceptDeletes: boolean;
  signal?: AbortSignal | undefined;
  onProgress?: PassOptions["onProgress"];
}

/** What `sync` prints (human or `--json`) and exits with; JSON-safe (sent over the socket). */
export interface SyncOutcome {
  code: number;
  dryRun: boolean;
  summary: Record<string, number | string | undefined>;
  /** Files that should be on the server and are not, with why (sorted by path). */
  unmirrored?: { path: string; reason: string }[];
  /** Files the organizer failed on. */
  errors?: { path: string; code: string; message: string }[];
  /** A dry run's plan: what the organizer and the mirror would do. */
  plan?: { organize: PassReport["organize"]; mirror: { plan?: MirrorAction[]; refused?: string } };
}

export async function syncOnce(engine: ArchiveEngine, opts: SyncOptions): Promise<SyncOutcome> {
  const { config } = engine;
  const started = Date.now();
  const signal = opts.signal ? { signal: opts.signal } : {};
  const first = await engine.run({
    full: true,
    deep: opts.deep,
    dryRun: opts.dryRun,
    acceptDeletes: opts.acceptDeletes,
    retryAuth: true,
    ...signal,
    ...(opts.onProgress ? { onProgress: opts.onProgress } : {}),
  });
  const passes = [first];
  if (!opts.dryRun) {
    for (let round = 0; round < 3; round++) {
      const waiting = deferredPaths(passes[passes.length - 1]!);
      if (waiting.length === 0 || opts.signal?.aborted) break;
      await sleep(untilSettled(config.share, waiting, config.watch.stabilityMs), opts.signal);
      passes.push(await engine.run({ full: false, paths: waiting, retryAuth: true, ...signal }));
    }
    if ((config.index.enabled || config.feed.enabled) && !opts.signal?.aborted) {
      const written = await engine.index(opts.signal);
      if (written.length > 0) {
        passes.push(await engine.run({ full: false, retryAuth: true, ...signal }));
      }
    }
  }
  // Stopped halfway (the daemon got SIGTERM): what was not reached is not mirrored, and a
  // pass cut short reports no failure for it. Never answer that as done.
  if (opts.signal?.aborted) throw interrupted();
  const result = passes[passes.length - 1]!;
  // Every file that should be on the server and is not, with why (the last reason wins).
  const missing = new Map<string, string>();
  for (const p of passes) for (const u of p.mirror?.unmirrored ?? []) missing.set(u.path, u.reason);
  const unmirrored = [...missing]
    .sort(([a], [b]) => (a < b ? -1 : 1))
    .map(([path, reason]) => ({ path, reason }));
  const errors = passes.flatMap((p) => p.organize.errors);
  const summary = { ...addUp(passes.map((p) => summarize(p))), durationMs: Date.now() - started };
  if (!opts.dryRun && unmirrored.length > 0) {
    engine.log.warn({ files: unmirrored.length }, "sync: files not on the server after this run");
  }
  const clean =
    passes.every((p) => isClean(p)) &&
    deferredPaths(result).length === 0 &&
    unmirrored.length === 0;
  return {
    code: clean ? EXIT.ok : EXIT.problems,
    dryRun: opts.dryRun,
    summary,
    ...(unmirrored.length > 0 ? { unmirrored } : {}),
    ...(errors.length > 0 ? { errors } : {}),
    ...(opts.dryRun
      ? {
          plan: {
            organize: result.organize,
            mirror: {
              ...(result.mirror?.plan ? { plan: result.mirror.plan } : {}),
              ...(result.mirror?.refused ? { refused: result.mirror.refused } : {}),
            },
          },
        }
      : {}),
  };
}

function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    const t = setTimeout(done, ms);
    function done() {
      clearTimeout(t);
      signal?.removeEventListener("abort", done);
      resolve();
    }
    signal?.addEventListener("abort", done, { once: true });
  });
}

/** Counts summed over the passes of one sync; `deferred` and `refused` as the last pass left them. */
function addUp(summaries: Record<string, number | string | undefined>[]) {
  const out: Record<string, number | string | undefined> = {};
  for (const s of summaries) {
    for (const [k, v] of Object.entries(s)) {
      if (typeof v === "number" && k !== "deferred") out[k] = ((out[k] as number) ?? 0) + v;
      else if (v !== undefined) out[k] = v;
    }
  }
  const last = summaries[summaries.length - 1] ?? {};
  out.deferred = last.deferred;
  out.refused = summaries.map((s) => s.refused).find((r) => r !== undefined);
  return out;
}

/** The answer to a sync the daemon's stop cut short, whatever error the cut caused. */
export function interrupted(): ArsipdError {
  return new ArsipdError(
    "SYNC_INTERRUPTED",
    "retryable",
    "arsipd stopped before this sync finished; run 'arsipd sync' again",
  );
}
