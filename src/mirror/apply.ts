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
 *   as failures).
 */
import { ArsipdError, describeError } from "../errors.js";
import type { Logger } from "../log/logger.js";
import type { DirListing, Remote, RemoteCapabilities, RemoteEntry } from "../remote/types.js";
import type { Journal } from "../state/journal.js";
import { backoffMs } from "../state/journal-types.js";
import { eachLimit } from "../util/limit.js";
import { type ReadForUpload, readForUpload } from "./digests.js";
import { observeFolder, recordFolders } from "./discover.js";
import { conflictPath, parentOf, withCounter } from "./names.js";
import { sameContent } from "./plan.js";
import {
  type FreshFile,
  isFresh,
  type LocalFile,
  type MirrorAction,
  type MirrorSummary,
} from "./types.js";

export interface ApplyContext {
  remote: Remote;
  caps: RemoteCapabilities;
  journal: Journal;
  /** Child logger with module "mirror". */
  log: Logger;
  now: () => Date;
  concurrency: number;
  signal?: AbortSignal | undefined;
  onProgress?: (p: { done: number; total: number; bytes: number; totalBytes: number }) => void;
}

/** The counts of a pass that apply decides; the pass adds the rest of the summary. */
export type ApplyResult = Omit<MirrorSummary, "refused" | "plan" | "durationMs">;

const STOPPING = new Set(["auth", "quota"]);

/** Uploads checked together by one folder listing (see checkSizes). */
const CHECK_BATCH = 256;

export async function applyPlan(actions: MirrorAction[], ctx: ApplyContext): Promise<ApplyResult> {
  const res: ApplyResult = {
    uploaded: 0,
    moved: 0,
    trashed: 0,
    forgotten: 0,
    adopted: 0,
    conflicts: 0,
    skipped: 0,
    failed: 0,
    deferred: [],
  };
  const unread: { path: string; reason: string }[] = [];
  res.unreadFiles = unread;
  const inner = new AbortController();
  const onAbort = () => inner.abort();
  ctx.signal?.addEventListener("abort", onAbort, { once: true });
  const signal = inner.signal;
  let stopError: ArsipdError | undefined;
  const { remote, journal } = ctx;
  const work = actions.filter((a) => a.kind !== "mkdir" && a.kind !== "skip");
  res.skipped = actions.filter((a) => a.kind === "skip").length;
  let totalBytes = work.reduce(
    (n, a) => n + (a.kind === "upload" || a.kind === "conflict-keep" ? a.local.size : 0),
    0,
  );
  let bytesDone = 0;
  let done = 0;
  const progress = () =>
    ctx.onProgress?.({ done, total: work.length, bytes: bytesDone, totalBytes });

  const record = (rel: string, f: LocalFile, entry: RemoteEntry, mtimeKept: boolean) => {
    if (entry.size !== f.size)
      throw new ArsipdError(
        "MIRROR_SIZE_MISMATCH",
        "retryable",
        `the server holds ${entry.size} bytes, expected ${f.size}`,
      );
    journal.set(rel, {
      size: f.size,
      mtimeMs: f.mtimeMs,
      sha256: f.sha256,
      sha1: f.sha1,
      remotePath: entry.path,
      etag: entry.etag,
      remoteSize: entry.size,
      remoteMtimeMs: entry.mtimeMs,
      mtimeKept,
      uploadedAt: ctx.now().getTime(),
    });
  };
  const adopt = (rel: string, f: LocalFile, r: RemoteEntry) => {
    const kept =
      r.mtimeMs !== undefined && Math.floor(r.mtimeMs / 1000) === Math.floor(f.mtimeMs / 1000);
    record(rel, f, r, kept);
    res.adopted++;
  };
  /** Moves `from` to `to`, or to "to (2)", "to (3)" … when taken; returns where it went. */
  const moveAside = async (from: string, to: string): Promise<string> => {
    for (let n = 1; ; n++) {
      const target = n === 1 ? to : withCounter(to, n);
      try {
        await remote.move(from, target, signal);
        return target;
      } catch (err) {
        if (!(err instanceof ArsipdError && err.kind === "conflict") || n >= 50) throw err;
      }
    }
  };
  const put = async (
    rel: string,
    remotePath: string,
    f: LocalFile,
    cond: { ifMatch?: string | undefined; ifNoneMatch?: boolean | undefined },
    content?: Buffer,
  ) => {
    let sent = 0;
    const r = await remote.put(remotePath, f.abs, {
      size: f.size,
      mtimeMs: f.mtimeMs,
      sha1: f.sha1,
      ...cond,
      content,
      sizeCheck: "caller",
      signal,
      onProgress: (b) => {
        bytesDone += b - sent;
        sent = b;
        progress();
      },
    });
    const dir = parentOf(remotePath);
    if (r.entry) {
      answered.add(dir);
      return record(rel, f, r.entry, r.mtimeKept);
    }
    const list = unchecked.get(dir) ?? [];
    list.push({ rel, remotePath, f, mtimeKept: r.mtimeKept });
    unchecked.set(dir, list);
    if (++uncheckedCount >= CHECK_BATCH) await checkSizes(false);
  };
  /** Folders of uploads the server's answer confirmed (OwnCloud): listed once at the end. */
  const answered = new Set<string>();
  /**
   * Uploads are recorded in the journal only once the server reports their size. Instead of a
   * PROPFIND per file, one listing per folder checks a batch of them: half the requests on a
   * first mirror. Until checked an upload is not in the journal, so a crash loses nothing: the
   * next full pass finds the file on the server and adopts it by checksum.
   */
  const unchecked = new Map<
    string,
    { rel: string; remotePath: string; f: LocalFile; mtimeKept: boolean }[]
  >();
  let uncheckedCount = 0;
  const checkSizes = async (final: boolean): Promise<void> => {
    const batches = [...unchecked];
    unchecked.clear();
    uncheckedCount = 0;
    for (const [dir, items] of batches) {
      let listing: DirListing;
      try {
        listing = await remote.listDir(dir, signal);
      } catch (err) {
        if (!final && !signal.aborted) {
          unchecked.set(dir, [...(unchecked.get(dir) ?? []), ...items]); // try again later
          uncheckedCount += items.length;
          continue;
        }
        for (const it of items) uploadFailed(it, err);
        continue;
      }
      const listed = new Map(listing.children.map((e) => [e.path, e]));
      for (const it of items) {
        try {
          const e = listed.get(it.remotePath);
          if (!e) {
            throw new ArsipdError(
              "MIRROR_NOT_STORED",
              "retryable",
              `the server does not list ${it.remotePath} after the upload`,
            );
          }
          record(it.rel, it.f, e, it.mtimeKept);
        } catch (err) {
          uploadFailed(it, err);
        }
      }
      // The same answer may show the folder as the journal now knows it: then its ETag is
      // recorded and the next full pass need not list it again (see discover.ts).
      if (ctx.caps.folderEtags) observeFolder(journal, dir, listing);
    }
  };
  // Counted as uploaded when the PUT returned; taken back from the total at the end.
  let notStored = 0;
  const uploadFailed = (it: { rel: string; remotePath: string; f: LocalFile }, err: unknown) => {
    notStored++;
    const a: MirrorAction = {
      kind: "upload",
      rel: it.rel,
      remotePath: it.remotePath,
      local: it.f,
      reason: "new",
    };
    fail(a, err, ctx.log.child({ path: it.rel }));
  };
  const keepTheirsThenPut = async (
    rel: string,
    remotePath: string,
    keepAs: string,
    f: LocalFile,
    log: Logger,
  ) => {
    const kept = await moveAside(remotePath, keepAs);
    log.warn({ keptAs: kept }, "remote copy differs from our last upload: kept as a conflict copy");
    res.conflicts++;
    await put(rel, remotePath, f, { ifNoneMatch: true });
    res.uploaded++;
  };
  /** The remote changed under a conditional upload: adopt the same content or keep theirs. */
  const resolveConflict = async (rel: string, remotePath: string, f: LocalFile, log: Logger) => {
    const cur = await remote.stat(remotePath, signal);
    if (!cur)
      return put(rel, remotePath, f, { ifNoneMatch: true }).then(() => {
        res.uploaded++;
      });
    if (sameContent(f, cur, ctx.caps)) return adopt(rel, f, cur);
    await keepTheirsThenPut(rel, remotePath, conflictPath(remotePath, ctx.now()), f, log);
  };
  const isKind = (err: unknown, kind: string) => err instanceof ArsipdError && err.kind === kind;
  /** The file with its digests, or undefined when it is left alone this pass (see the header). */
  const hashed = async (
    f: LocalFile | FreshFile,
    log: Logger,
  ): Promise<ReadForUpload | undefined> => {
    if (!isFresh(f)) return { file: f };
    try {
      const h = await readForUpload(f, signal);
      if (h !== "changed") return h;
      res.deferred.push(f.rel);
      log.info("changed since the scan (still being written): left for the next pass");
    } catch (err) {
      if (!signal.aborted) {
        log.warn({ err: describeError(err) }, "could not read the file; left for the next pass");
        if ((err as NodeJS.ErrnoException).code !== "ENOENT")
          unread.push({ path: f.rel, reason: describeError(err) });
      }
    }
    return undefined;
  };

  /** Resolves to "left" when the action was not carried out and nothing is recorded. */
  const run = async (a: MirrorAction, log: Logger): Promise<"left" | undefined> => {
    switch (a.kind) {
      case "upload": {
        const h = await hashed(a.local, log);
        if (!h) return "left";
        const f = h.file;
        try {
          const cond = { ifMatch: a.ifMatch, ifNoneMatch: a.ifNoneMatch };
          await put(a.rel, a.remotePath, f, cond, h.content);
          res.uploaded++;
        } catch (err) {
          if (!isKind(err, "conflict")) throw err;
          await resolveConflict(a.rel, a.remotePath, f, log);
        }
        return;
      }
      case "conflict-keep":
        await keepTheirsThenPut(a.rel, a.remotePath, a.keepAs, a.local, log);
        return;
      case "move": {
        const old = journal.get(a.from);
        try {
          await remote.move(a.fromRemote, a.toRemote, signal);
        } catch (err) {
          if (isKind(err, "notFound")) {
            journal.delete(a.from); // the source is gone on the server: upload the new name
            return run(
              {
                kind: "upload",
                rel: a.to,
                remotePath: a.toRemote,
                local: a.local,
                ifNoneMatch: true,
                reason: "new",
              },
              log,
            );
          }
          if (isKind(err, "conflict")) {
            await resolveConflict(a.to, a.toRemote, a.local, log);
            return;
          }
          throw err;
        }
        const st = await remote.stat(a.toRemote, signal);
        if (!st)
          throw new ArsipdError(
            "MIRROR_MOVE_LOST",
            "retryable",
            `moved to ${a.toRemote} but it is not there`,
          );
        journal.set(a.to, {
          size: a.local.size,
          mtimeMs: a.local.mtimeMs,
          sha256: a.local.sha256,
          sha1: a.local.sha1 ?? old?.sha1,
          remotePath: a.toRemote,
          etag: st.etag,
          remoteSize: st.size,
          remoteMtimeMs: st.mtimeMs,
          mtimeKept: old?.mtimeKept ?? false,
          uploadedAt: old?.uploadedAt ?? ctx.now().getTime(),
        });
        journal.delete(a.from);
        res.moved++;
        return;
      }
      case "trash":
        try {
          const to = await moveAside(a.remotePath, a.to);
          log.info({ to }, "removed from the share: moved to the remote trash");
        } catch (err) {
          if (!isKind(err, "notFound")) throw err;
          log.warn("removed from the share and already gone from the remote");
        }
        journal.delete(a.rel);
        res.trashed++;
        return;
      case "forget":
        journal.delete(a.rel);
        log.info({ reason: a.reason }, "forgotten (remote copy left in place)");
        res.forgotten++;
        return;
      case "adopt":
        adopt(a.rel, a.local, a.remote);
        return;
      case "refresh": {
        const e = journal.get(a.rel);
        if (e) journal.set(a.rel, { ...e, size: a.local.size, mtimeMs: a.local.mtimeMs });
        return;
      }
      case "remove-scratch":
        await remote.removeScratch(a.path, signal);
        return;
      default:
        return;
    }
  };

  const fail = (a: MirrorAction, err: unknown, log: Logger) => {
    if (signal.aborted && !stopError) return; // stopping: not the file's fault
    if (err instanceof ArsipdError && STOPPING.has(err.kind)) {
      stopError ??= err;
      inner.abort();
      return;
    }
    res.failed++;
    const rel = "rel" in a ? a.rel : a.kind === "move" ? a.to : a.path;
    const prev = journal.failure(rel);
    const failures = (prev?.failures ?? 0) + 1;
    const wait = backoffMs(failures, err instanceof ArsipdError ? err.retryAfterSec : undefined);
    const local = "local" in a ? a.local : undefined;
    journal.recordFailure(rel, {
      failures,
      lastError: describeError(err),
      nextRetryAt: ctx.now().getTime() + wait,
      size: local?.size,
      mtimeMs: local?.mtimeMs,
    });
    log.warn(
      { err: describeError(err), failures, retryInS: Math.round(wait / 1000) },
      "mirror action failed",
    );
  };

  try {
    for (const a of actions) {
      if (a.kind !== "mkdir" || signal.aborted) continue;
      try {
        await remote.mkdirp(a.path, signal);
      } catch (err) {
        // Only stop-the-pass errors matter here; the uploads below it fail and back off on their own.
        if (err instanceof ArsipdError && STOPPING.has(err.kind)) fail(a, err, ctx.log);
        else
          ctx.log.warn(
            { path: a.path, err: describeError(err) },
            "could not create a remote folder",
          );
      }
    }
    await eachLimit(
      work,
      ctx.concurrency,
      async (a) => {
        const log = ctx.log.child({ path: "rel" in a ? a.rel : a.kind === "move" ? a.to : a.path });
        try {
          const left = (await run(a, log)) === "left";
          if (left) {
            if ("local" in a) totalBytes -= a.local.size; // none of it will be sent
            log.debug({ action: a.kind }, "left for the next pass");
          } else if (a.kind === "move") log.info({ from: a.from }, "moved on the remote");
          else if (a.kind === "refresh" || a.kind === "remove-scratch")
            log.debug({ action: a.kind }, "done");
          else if (a.kind !== "trash" && a.kind !== "forget")
            log.info({ action: a.kind }, "mirrored");
        } catch (err) {
          fail(a, err, log);
        }
        done++;
        progress();
      },
      () => signal.aborted,
    );
    await checkSizes(true);
    res.uploaded -= notStored;
    // One listing per folder that received uploads, after the last of them, and of the folders
    // above them, lets the next full pass skip them all (see discover.ts recordFolders).
    if (ctx.caps.folderEtags) await recordFolders(remote, journal, answered, signal);
  } finally {
    ctx.signal?.removeEventListener("abort", onAbort);
    await journal.flush();
  }
  if (stopError) {
    throw new ArsipdError(
      stopError.code,
      stopError.kind,
      `mirror pass stopped: ${describeError(stopError)}`,
      { cause: stopError },
    );
  }
  return res;
}
