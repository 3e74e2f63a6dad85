/**
 * One mirror pass: scan the share, (full pass: list the remote), hash what the plan compares,
 * plan, and unless it is a dry run, apply (which hashes the other new files just before their
 * upload, see fresh.ts). The quarantine folder is mirrored like any other (nothing a clerk saved
 * is lost); a top-level share folder named like the remote trash is not.
 */
import path from "node:path";
import type { Config } from "../config/schema.js";
import type { Logger } from "../log/logger.js";
import type { Remote } from "../remote/types.js";
import { makeIgnore } from "../share/ignore.js";
import { isOwnFile } from "../share/own-files.js";
import { type ScanResult, scanShare } from "../share/scan.js";
import type { Journal } from "../state/journal.js";
import { applyPlan } from "./apply.js";
import { confirmByContent } from "./confirm.js";
import { shareDigests } from "./digests.js";
import { discover } from "./discover.js";
import { planMirror } from "./plan.js";
import type { MirrorSummary } from "./types.js";

export interface MirrorContext {
  config: Config;
  log: Logger;
  remote: Remote;
  journal: Journal;
  now?: () => Date;
}

export interface MirrorOptions {
  dryRun?: boolean;
  /** Read the remote (start-up, schedule, `sync`); otherwise trust the journal. */
  full?: boolean;
  /** On a full pass, list every folder even where the recorded ETags say nothing changed. */
  deep?: boolean;
  /** The operator confirmed that many files vanished on purpose (`sync --accept-deletes`). */
  acceptDeletes?: boolean;
  signal?: AbortSignal;
  onProgress?: (p: { done: number; total: number; bytes: number; totalBytes: number }) => void;
  /**
   * A scan of the whole share that is still current (the organizer's, when it changed nothing),
   * made with the convention's ignore rules; saves walking the share twice in one pass.
   */
  scan?: ScanResult;
  /**
   * Files the organizer left this pass because they are still being written; it will file
   * them once they settle. Left alone here too, like files within the stability window, so
   * that a file is uploaded once, at its place, not first under the name it was saved with.
   */
  leave?: readonly string[];
}

/** The scan as if `dir` (a top-level folder) had been skipped. */
function withoutTopDir(scan: ScanResult, dir: string): ScanResult {
  const inside = (rel: string) => rel === dir || rel.startsWith(`${dir}/`);
  return {
    files: scan.files.filter((f) => !inside(f.rel)),
    errors: scan.errors.filter((e) => !inside(e.rel)),
  };
}

export async function mirrorPass(
  ctx: MirrorContext,
  opts: MirrorOptions = {},
): Promise<MirrorSummary> {
  const started = Date.now();
  const now = ctx.now ?? (() => new Date());
  const { config, journal, remote } = ctx;
  const log = ctx.log.child({ module: "mirror" });
  const share = path.resolve(config.share);

  const scan = opts.scan
    ? withoutTopDir(opts.scan, config.deletes.trashDir)
    : await scanShare(share, {
        ignore: makeIgnore(config.convention.ignore),
        skipDirs: [config.deletes.trashDir],
      });
  const unreadable = scan.errors.map((e) => e.rel);
  for (const e of scan.errors)
    log.warn(
      { path: e.rel || "/", code: e.code },
      "share folder unreadable: its files are left as they are",
    );

  // A file modified within the stability window is probably still being written (a scanner,
  // a copy over SMB): it is left alone this pass, like an unreadable one, and the daemon looks
  // again once the window has passed. A future mtime (a skewed clock) says nothing: go on.
  const nowMs = now().getTime();
  const deferred: string[] = [];
  const leave = new Set(opts.leave);
  const settled = scan.files.filter((f) => {
    const age = nowMs - f.mtimeMs;
    const writing = age >= 0 && age < config.watch.stabilityMs && !isOwnFile(config, f.rel);
    if (!writing && !leave.has(f.rel)) return true;
    deferred.push(f.rel);
    unreadable.push(f.rel);
    return false;
  });

  const caps = await remote.capabilities();
  const found = opts.full
    ? await discover(remote, caps, journal, {
        deep: opts.deep === true,
        record: opts.dryRun !== true,
        concurrency: config.remote.concurrency,
        signal: opts.signal,
      })
    : undefined;
  if (found) log.debug({ listed: found.listed, reused: found.reused }, "remote folders read");
  const listing = found?.entries;
  const unreadFiles: { path: string; reason: string }[] = [];
  const local = await shareDigests(settled, {
    journal,
    listing,
    unreadable,
    deferred,
    unreadFiles,
    log,
    signal: opts.signal,
  });
  if (opts.signal?.aborted) return summary(started, { deferred });
  if (listing) {
    const n = await confirmByContent(
      listing,
      local,
      journal,
      remote,
      caps,
      config.remote.concurrency,
      opts.signal,
    );
    if (n > 0)
      log.info(
        { files: n },
        "found files already on the remote with our content (after a crash); not uploading them again",
      );
  }
  const plan = planMirror({
    local,
    journal,
    remote: listing ? { entries: listing, caps } : undefined,
    unreadable,
    now: now(),
    config: config.deletes,
    acceptVanished: opts.acceptDeletes === true,
  });
  if (plan.refused) log.error({ reason: plan.refused.reason }, plan.refused.message);
  if (opts.dryRun) {
    const s = summary(started, {
      skipped: plan.actions.filter((a) => a.kind === "skip").length,
      deferred,
    });
    return { ...s, plan: plan.actions, ...(plan.refused ? { refused: plan.refused.message } : {}) };
  }

  // Failure records of files that are neither in the share nor mirrored any more. The set of
  // every share path is built only when there is such a record to check (usually none).
  const orphans = [...journal.failures()].filter(([rel]) => !journal.get(rel));
  if (orphans.length > 0) {
    const present = new Set(scan.files.map((f) => f.rel));
    for (const [rel] of orphans) if (!present.has(rel)) journal.clearFailure(rel);
  }

  const res = await applyPlan(plan.actions, {
    remote,
    caps,
    journal,
    log,
    now,
    concurrency: config.remote.concurrency,
    signal: opts.signal,
    onProgress: opts.onProgress,
  });
  const s = summary(started, {
    ...res,
    deferred: [...deferred, ...res.deferred],
    unmirrored: [...unreadFiles, ...res.unmirrored],
  });
  // A pass that did nothing is routine; one that acted or failed is worth an admin's eye.
  const acted = s.uploaded + s.moved + s.trashed + s.adopted + s.conflicts + s.failed > 0;
  log[acted || opts.full ? "info" : "debug"](
    { ...s, full: opts.full === true },
    "mirror pass done",
  );
  return plan.refused ? { ...s, refused: plan.refused.message } : s;
}

function summary(started: number, r: Partial<MirrorSummary>): MirrorSummary {
  return {
    uploaded: r.uploaded ?? 0,
    deferred: r.deferred ?? [],
    unmirrored: r.unmirrored ?? [],
    moved: r.moved ?? 0,
    trashed: r.trashed ?? 0,
    forgotten: r.forgotten ?? 0,
    adopted: r.adopted ?? 0,
    conflicts: r.conflicts ?? 0,
    skipped: r.skipped ?? 0,
    failed: r.failed ?? 0,
    durationMs: Date.now() - started,
  };
}
