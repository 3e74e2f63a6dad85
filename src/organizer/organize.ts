/**
 * The organizer: files every decree in the share at its canonical path, quarantines what cannot
 * be read, and never overwrites or loses a byte. Plans with planOrganize (pure), then applies one
 * action at a time. With `dryRun` it only reads (hashes included, to tell duplicates from
 * conflicts) and reports what it would do.
 */
import path from "node:path";
import type { Config } from "../config/schema.js";
import type { Logger } from "../log/logger.js";
import { FilingCheck } from "../ocr/filing.js";
import { makeIgnore } from "../share/ignore.js";
import { readNamed } from "../share/named.js";
import { findOnDisk } from "../share/on-disk.js";
import { ownRootFiles } from "../share/own-files.js";
import { type ScanResult, scanShare } from "../share/scan.js";
import { Applier } from "./apply.js";
import { recoverMoves } from "./move.js";
import { recordOrigins } from "./origins.js";
import { planOrganize } from "./plan.js";
import { recoverQuarantines } from "./quarantine-intent.js";
import { SIDECAR_SUFFIX } from "./sidecar.js";
import { emptiedCandidates, removeEmptied } from "./tidy.js";
import { emptyReport, type OrganizeReport, type PlanFile } from "./types.js";

export type { OrganizeReport } from "./types.js";

export interface OrganizeContext {
  config: Config;
  log: Logger;
  now?: () => Date;
  /** Where interrupted-move intents live (default config.stateDir). */
  stateDir?: string;
}

export interface OrganizeOptions {
  dryRun?: boolean;
  signal?: AbortSignal;
  /** Dirty paths (relative to the share, or absolute inside it) from the watcher; full scan when absent. */
  paths?: string[];
  /** Move by copy + verify + rename even on one file system (as across file systems). */
  copyMoves?: boolean;
  /** A scan of the whole share the caller just made (scanShare with the convention's ignore). */
  scan?: ScanResult;
  /** The daemon: OCR runs in its background queue, not in this pass (apply.ts applyHeld). */
  ocrInBackground?: boolean;
  /** Scans the background queue could not read: filed by name. */
  ocrGaveUp?: ReadonlySet<string>;
}

/** Names arsipd writes into the share root itself; never organized or quarantined. */
export const ownFiles = ownRootFiles;

/**
 * Whether a pass of the organizer may have changed the share: it moved, quarantined, finished
 * an interrupted move, or met an error (a move that failed halfway is still safe, but the share
 * is no longer what it scanned).
 */
export function changedShare(r: OrganizeReport): boolean {
  return (
    r.errors.length +
      r.completed.length +
      r.moves.length +
      r.unquarantined.length +
      r.quarantined.length +
      r.duplicates.length +
      r.conflicts.length >
    0
  );
}

/** Every path in the share the organizer's pass created, emptied or touched. */
export function touchedPaths(r: OrganizeReport): string[] {
  return [
    ...r.moves.flatMap((m) => [m.from, m.to]),
    ...r.unquarantined.flatMap((m) => [m.from, m.to]),
    ...r.completed.flatMap((m) => [m.from, m.to]),
    ...[...r.quarantined, ...r.duplicates, ...r.conflicts].flatMap((q) => [
      q.path,
      q.to,
      q.to + SIDECAR_SUFFIX,
    ]),
    ...r.sidecars.map((s) => s.path),
    ...r.errors.map((e) => e.path),
  ];
}

export async function organize(
  ctx: OrganizeContext,
  opts: OrganizeOptions = {},
): Promise<OrganizeReport> {
  const { config } = ctx;
  const dryRun = opts.dryRun === true;
  const now = ctx.now?.() ?? new Date();
  const log = ctx.log.child({ module: "organizer" });
  const share = path.resolve(config.share);
  const stateDir = ctx.stateDir ?? config.stateDir;
  const report = emptyReport(dryRun);
  if (!dryRun) {
    for (const m of await recoverMoves(stateDir)) {
      const done = { from: path.relative(share, m.from), to: path.relative(share, m.to) };
      report.completed.push(done);
      log.info({ path: done.to, from: done.from }, "finished a move interrupted by a crash");
    }
    const qAbs = path.join(share, config.convention.quarantineDir);
    for (const to of await recoverQuarantines(stateDir, qAbs))
      log.info({ path: path.relative(share, to) }, "finished a quarantine interrupted by a crash");
  }
  const ignore = makeIgnore(config.convention.ignore);
  const { files, abs } = opts.paths
    ? await statHinted(share, opts.paths, ignore)
    : await scanAll(share, ignore, report, opts.scan);
  report.scanned = files.length;
  const actions = planOrganize(
    files,
    {
      convention: config.convention,
      stabilityMs: config.watch.stabilityMs,
      ownFiles: ownFiles(config),
    },
    now,
  );
  const applier = new Applier({
    share,
    stateDir,
    config,
    log,
    now,
    dryRun,
    copy: opts.copyMoves === true,
    report,
    abs,
    files,
    content: new FilingCheck(config, stateDir, log, share, now),
    ...(opts.ocrInBackground ? { ocrInBackground: true } : {}),
    ...(opts.ocrGaveUp ? { ocrGaveUp: opts.ocrGaveUp } : {}),
  });
  for (const a of actions) {
    if (opts.signal?.aborted) {
      if ("from" in a) report.deferred.push({ path: a.from, why: "aborted" });
      continue;
    }
    await applier.apply(a);
  }
  await applier.applyHeld(opts.signal);
  if (!dryRun) {
    const filed = [...report.moves, ...report.unquarantined];
    await recordOrigins(stateDir, filed).catch((err) =>
      log.warn({ err: String(err) }, "could not record the typed names of filed decrees"),
    );
    await removeEmptied(share, emptiedCandidates(report), config, log);
  }
  return report;
}

async function scanAll(
  share: string,
  ignore: (n: string) => boolean,
  report: OrganizeReport,
  given?: ScanResult,
) {
  const res = given ?? (await scanShare(share, { ignore }));
  for (const e of res.errors)
    report.errors.push({ path: e.rel, code: e.code, message: "cannot read folder" });
  const abs = new Map<string, string | Buffer>(res.files.map((f) => [f.rel, f.abs]));
  // A name that is not UTF-8 is reached by its bytes (share/scan.ts).
  for (const f of res.files) if (f.raw) abs.set(f.rel, f.raw);
  const files: PlanFile[] = res.files.map(({ rel, size, mtimeMs }) => ({ rel, size, mtimeMs }));
  return { files, abs };
}

async function statHinted(share: string, paths: string[], ignore: (n: string) => boolean) {
  const read = await readNamed(share, paths, { ignore });
  const abs = new Map<string, string | Buffer>(read.files.map((f) => [f.rel, f.abs]));
  const files: PlanFile[] = read.files.map(({ rel, size, mtimeMs }) => ({ rel, size, mtimeMs }));
  for (const rel of read.gone) {
    // A quarantined file renamed or moved away: its sidecar is stale now, not at the next
    // full pass. The plan removes a sidecar it sees without its file.
    const sideRel = rel + SIDECAR_SUFFIX;
    const side = await findOnDisk(share, sideRel);
    if (side?.st.isFile() && !abs.has(sideRel)) {
      files.push({ rel: sideRel, size: side.st.size, mtimeMs: side.st.mtimeMs });
      abs.set(sideRel, side.abs);
    }
  }
  files.sort((a, b) => (a.rel < b.rel ? -1 : a.rel > b.rel ? 1 : 0));
  return { files, abs };
}
