/**
 * The archive engine: what one pass does, in order — organize the share (file decrees,
 * quarantine the unreadable), mirror it to the remote, rebuild the register when asked.
 * The daemon and `arsipd sync` both drive this, so they can never disagree about a pass.
 *
 * Remote trouble is decided here, once per pass, from the remote's health check:
 * maintenance or an unreachable server is retryable (the loop backs off); a refused login
 * pauses remote work until the config is reloaded or the next scheduled full pass, so a wrong
 * password never turns into a storm of logins (OwnCloud throttles those).
 */
import { lstat } from "node:fs/promises";
import path from "node:path";
import type { LoadedConfig } from "../config/load.js";
import { parse } from "../convention/parse.js";
import { ArsipdError } from "../errors.js";
import type { Logger } from "../log/logger.js";
import { mirrorPass } from "../mirror/pass.js";
import { quickView } from "../mirror/quick-view.js";
import type { MirrorSummary } from "../mirror/types.js";
import { ContentReader } from "../ocr/checker.js";
import {
  changedShare,
  type OrganizeReport,
  organize,
  touchedPaths,
} from "../organizer/organize.js";
import { ensureInboxes } from "../organizer/tidy.js";
import type { BuildResult } from "../register/build.js";
import type { SyncStatusFn } from "../register/types.js";
import { createRemote } from "../remote/create.js";
import type { Remote } from "../remote/types.js";
import { makeIgnore } from "../share/ignore.js";
import { scanShare } from "../share/scan.js";
import { Journal } from "../state/journal.js";
import type { Engine, PassResult } from "./daemon.js";
import { type SyncOptions, type SyncOutcome, syncOnce } from "./sync-once.js";
import { journalSyncStatus } from "./sync-status.js";

export interface PassReport {
  organize: OrganizeReport;
  mirror: MirrorSummary | undefined;
}

export interface PassOptions {
  full: boolean;
  /** A full pass that lists every remote folder, trusting no recorded folder ETag. */
  deep?: boolean;
  paths?: string[] | undefined;
  dryRun?: boolean;
  acceptDeletes?: boolean;
  /** Contact the server even though it refused our login before. */
  retryAuth?: boolean;
  /** Leave OCR of scans to the daemon's background queue (ocrOne) instead of this pass. */
  ocrInBackground?: boolean;
  signal?: AbortSignal | undefined;
  onProgress?: Parameters<typeof mirrorPass>[1] extends infer O
    ? O extends { onProgress?: infer P }
      ? P
      : never
    : never;
}

export class ArchiveEngine implements Engine {
  readonly remoteDescription: string;
  #day = { filed: 0, quarantined: 0, uploaded: 0, moved: 0, trashed: 0, failed: 0 };
  #authBlocked: string | undefined;
  /**
   * Why the share cannot be trusted now (the last full pass's mirror refused: the share looks
   * empty, unreadable, or too much of it vanished at once), or undefined. While set, the
   * register, the feed and the metadata template are not rewritten: written from a share that is
   * not mounted they would replace the real ones, on the share and then on the server.
   */
  #suspect: string | undefined;
  /** Scans the OCR queue could not read (OCR failed or missing): filed by name, checked later. */
  readonly #ocrGaveUp = new Set<string>();
  #ocrReader: ContentReader | undefined;
  #unread: string[] = [];

  private constructor(
    readonly loaded: LoadedConfig,
    readonly log: Logger,
    readonly remote: Remote,
    readonly journal: Journal,
    /** What to do once the password is fixed: reload the daemon, or run a command again. */
    private readonly afterPasswordFix: string,
  ) {
    this.remoteDescription = remote.description;
  }

  /** `oneShot`: a command (`arsipd sync`), not the daemon; it only changes advice to people. */
  static async open(
    loaded: LoadedConfig,
    log: Logger,
    opts: { oneShot?: boolean } = {},
  ): Promise<ArchiveEngine> {
    const { config } = loaded;
    const remote = await createRemote(config.remote, loaded.remotePassword, log);
    const journal = await Journal.open(config.stateDir);
    const after = opts.oneShot ? "run it again" : "reload (systemctl reload arsipd)";
    return new ArchiveEngine(loaded, log, remote, journal, after);
  }

  get config() {
    return this.loaded.config;
  }

  /** One pass: organize, then mirror. Throws (retryable/auth) when the remote is unusable. */
  async run(opts: PassOptions): Promise<PassReport> {
    const { config } = this;
    // One walk of the share per pass: the organizer plans from it, and the mirror reuses it
    // when the organizer changed nothing (the usual case once the share is tidy).
    const scan = opts.paths
      ? undefined
      : await scanShare(path.resolve(config.share), {
          ignore: makeIgnore(config.convention.ignore),
        });
    const org = await organize(
      { config, log: this.log, stateDir: config.stateDir },
      {
        ...(opts.dryRun ? { dryRun: true } : {}),
        ...(opts.signal ? { signal: opts.signal } : {}),
        ...(opts.paths ? { paths: opts.paths } : {}),
        ...(scan ? { scan } : {}),
        ...(opts.ocrInBackground ? { ocrInBackground: true, ocrGaveUp: this.#ocrGaveUp } : {}),
      },
    );
    for (const m of [...org.moves, ...org.quarantined.map((q) => ({ from: q.path }))])
      this.#ocrGaveUp.delete(m.from);
    if (!opts.dryRun) {
      this.#day.filed += org.moves.length + org.unquarantined.length;
      this.#day.quarantined +=
        org.quarantined.length + org.duplicates.length + org.conflicts.length;
    }
    // After a refused login only a scheduled full pass (or a reload) tries the server again.
    if (this.#authBlocked && !opts.retryAuth) {
      throw new ArsipdError("REMOTE_AUTH", "auth", this.#authBlocked);
    }
    const health = await this.remote.check(opts.signal);
    if (!health.ok) {
      if (health.auth) {
        // A login the server accepted before: the password is not the problem (message says why).
        this.#authBlocked = health.loginDropped
          ? `${this.remote.description}: ${health.message}; then ${this.afterPasswordFix}`
          : `${this.remote.description}: ${health.message}; fix the password, then ${this.afterPasswordFix}`;
        throw new ArsipdError("REMOTE_AUTH", "auth", this.#authBlocked);
      }
      throw new ArsipdError(
        health.maintenance ? "REMOTE_MAINTENANCE" : "REMOTE_DOWN",
        "retryable",
        `${this.remote.description}: ${health.message}`,
      );
    }
    this.#authBlocked = undefined;
    // A quick pass reads what the watcher named and the organizer touched, and takes the rest
    // from the journal (mirror/quick-view.ts) instead of walking the whole share again.
    const view = opts.paths
      ? await quickView(
          path.resolve(config.share),
          this.journal,
          [...opts.paths, ...touchedPaths(org)],
          {
            ignore: makeIgnore(config.convention.ignore),
            skipDir: config.deletes.trashDir,
          },
        )
      : scan && (opts.dryRun || !changedShare(org))
        ? scan
        : undefined;
    const mirror = await mirrorPass(
      { config, log: this.log, remote: this.remote, journal: this.journal },
      {
        full: opts.full,
        ...(opts.deep ? { deep: true } : {}),
        ...(opts.dryRun ? { dryRun: true } : {}),
        ...(opts.acceptDeletes ? { acceptDeletes: true } : {}),
        ...(opts.signal ? { signal: opts.signal } : {}),
        ...(opts.onProgress ? { onProgress: opts.onProgress } : {}),
        ...(view ? { scan: view } : {}),
        // A cut-short file is not mirrored either: the server would hold part of a decree.
        leave: org.deferred
          .filter((d) => d.why === "writing" || d.why === "incomplete")
          .map((d) => d.path),
      },
    );
    if (!opts.dryRun && (opts.full || mirror.refused)) this.#suspect = mirror.refused;
    // Only a full pass that trusted the share: an unmounted mount point gets no MASUK.
    if (!opts.dryRun && opts.full && !mirror.refused) {
      await ensureInboxes(path.resolve(config.share), config, this.log);
    }
    if (!opts.dryRun) {
      this.#day.uploaded += mirror.uploaded;
      this.#day.moved += mirror.moved;
      this.#day.trashed += mirror.trashed;
      this.#day.failed += mirror.failed;
    }
    return { organize: org, mirror };
  }

  async pass(
    kind: "full" | "quick",
    paths: string[],
    signal: AbortSignal,
    reason: string,
  ): Promise<PassResult> {
    const r = await this.run({
      full: kind === "full",
      paths: kind === "quick" ? paths : undefined,
      signal,
      retryAuth: reason === "schedule",
      ocrInBackground: true,
    });
    // A cut-short file is looked at again when it is written to (a watcher event) or at the
    // next full pass: its mtime is old, so a timer on the quiet window would spin. A scan
    // waiting for OCR is looked at again when the OCR queue has read it.
    const untimed = new Set(
      r.organize.deferred
        .filter((d) => d.why === "incomplete" || d.why === "ocr")
        .map((d) => d.path),
    );
    return {
      ok: isClean(r),
      changed: hasChanges(r),
      deferred: deferredPaths(r).filter((p) => !untimed.has(p)),
      ocr: r.organize.deferred.filter((d) => d.why === "ocr").map((d) => d.path),
      filed: [...r.organize.moves, ...r.organize.unquarantined].map((m) => m.to),
      summary: summarize(r),
    };
  }

  /**
   * The OCR of one scan waiting in the share (`rel`), for the daemon's background queue: its
   * reading lands in the OCR cache (by SHA-256), where the next pass finds it and checks the
   * filing at once. A scan OCR could not read is remembered and filed by its name. Returns
   * whether the scan should be passed over again.
   */
  async ocrOne(rel: string, signal: AbortSignal): Promise<boolean> {
    const abs = path.join(path.resolve(this.config.share), ...rel.split("/"));
    const st = await lstat(abs).catch(() => null);
    if (!st?.isFile()) return false;
    this.#ocrReader ??= new ContentReader(this.config, this.config.stateDir, this.log);
    const ext = rel.slice(rel.lastIndexOf(".") + 1).toLowerCase();
    const r = await this.#ocrReader.read(abs, ext, st.size, undefined, true, signal);
    if (signal.aborted) return false;
    if (!r.reading && r.note !== undefined) this.#ocrGaveUp.add(rel);
    return true;
  }

  async index(signal?: AbortSignal): Promise<string[]> {
    const { config } = this;
    if (!config.index.enabled && !config.feed.enabled) return [];
    if (signal?.aborted) return [];
    if (this.#suspect) {
      this.log.warn(
        { reason: this.#suspect },
        "register and feed not rebuilt: the share cannot be trusted until a full pass succeeds",
      );
      return [];
    }
    const r = await this.register();
    this.#unread = (r.unread ?? []).filter((rel) => !this.#ocrGaveUp.has(rel));
    return r.written;
  }

  /** Filed decrees the last register build found never read (for the background OCR). */
  unreadFiled(): string[] {
    return this.#unread;
  }

  /** Rebuilds the register and feed now (what `arsipd index` asks for, enabled or not). */
  async register(): Promise<BuildResult> {
    const { config } = this;
    // Loaded on first use: the spreadsheet and PDF libraries are heavy for every start-up.
    const { buildRegister } = await import("../register/build.js");
    const { makePublicLinks } = await import("../publish/index.js");
    return buildRegister({
      publicLinks: makePublicLinks(config, this.loaded.remotePassword, this.log),
      config,
      log: this.log,
      now: new Date(),
      syncStatus: this.syncStatus,
      parse,
      cacheDir: config.stateDir,
    });
  }

  /** What `arsipd sync` does (sync-once.ts), on this engine. */
  async sync(opts: SyncOptions): Promise<SyncOutcome> {
    return syncOnce(this, opts);
  }

  readonly syncStatus: SyncStatusFn = (rel, file) => journalSyncStatus(this.journal)(rel, file);

  summary(): Record<string, number> {
    const s = this.#day;
    this.#day = { filed: 0, quarantined: 0, uploaded: 0, moved: 0, trashed: 0, failed: 0 };
    return s;
  }

  async close(): Promise<void> {
    await this.journal.close();
    await this.remote.close?.();
  }
}

/** A pass that left nothing undone: every file mirrored, none the organizer failed on. */
export function isClean(r: PassReport): boolean {
  // Files still in back-off after an earlier failure are not mirrored either (skipped ≠ done).
  return (
    !!r.mirror &&
    r.mirror.failed === 0 &&
    !r.mirror.refused &&
    (r.mirror.unmirrored?.length ?? 0) === 0 &&
    r.organize.errors.length === 0
  );
}

/** Paths left for later because they were still being written (organizer or mirror). */
export function deferredPaths(r: PassReport): string[] {
  return [...new Set([...r.organize.deferred.map((d) => d.path), ...(r.mirror?.deferred ?? [])])];
}

export function hasChanges(r: PassReport): boolean {
  const o = r.organize;
  const m = r.mirror;
  return (
    o.moves.length +
      o.unquarantined.length +
      o.quarantined.length +
      o.duplicates.length +
      o.conflicts.length >
      0 ||
    (!!m && m.uploaded + m.moved + m.trashed + m.adopted > 0)
  );
}

/** The counts `sync --json`, status.json and the log report for a pass. */
export function summarize(r: PassReport): Record<string, number | string | undefined> {
  const o = r.organize;
  const m = r.mirror;
  return {
    filed: o.moves.length + o.unquarantined.length,
    quarantined: o.quarantined.length + o.duplicates.length + o.conflicts.length,
    deferred: o.deferred.length,
    /** Not decrees, left where they are (only a full pass sees them all). */
    left: o.left.length,
    uploaded: m?.uploaded ?? 0,
    moved: m?.moved ?? 0,
    trashed: m?.trashed ?? 0,
    adopted: m?.adopted ?? 0,
    conflicts: m?.conflicts ?? 0,
    skipped: m?.skipped ?? 0,
    failed: (m?.failed ?? 0) + o.errors.length,
    refused: m?.refused,
  };
}
