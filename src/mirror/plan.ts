/**
 * The pure mirror planner: share files + journal (+ the remote listing on a full pass) → the
 * actions that make the remote equal the share. No file system, no clock (`now` is passed), no
 * logger; apply.ts executes the result, --dry-run prints it.
 *
 * Two steps: the caller asks `needsHash(file, journalEntry)` for every scanned file and hashes
 * only those (new, or size/mtime changed); the others take their digests from the journal.
 * A new file nothing needs to be compared with may come unhashed (a FreshFile, see fresh.ts): it
 * is planned as a plain upload (If-None-Match) and is never a MOVE target; apply hashes it.
 *
 * Rules, in the order they are decided:
 * - files in back-off (failure record, nextRetryAt > now, file unchanged since) are skipped;
 * - unchanged content → nothing; on a full pass the remote copy is checked against the journal
 *   (missing → upload again; changed by someone else → keep theirs as a konflik copy, upload ours);
 * - new/changed content → upload (If-Match our last ETag / If-None-Match when new); on a full pass
 *   a remote copy with the same content is adopted instead (crash recovery: no second upload) and
 *   an unknown remote copy is kept as a konflik copy first;
 * - a synced file that vanished at A while a new file with the same SHA-256 appeared at B → MOVE
 *   A → B on the server (the organiser's renames), never a re-upload;
 * - other vanished files → MOVE to `<trashDir>/<YYYY-MM-DD>/<path>` (mode trash) or are only
 *   forgotten (mode keep); nothing is ever deleted.
 * Safety: if the share looks empty while the journal has files (an unmounted share), or more than
 * `maxFraction` of the journal vanished (and at least `minFiles` files), the plan is `refused`: no move,
 * trash or forget is planned, and files that would have been MOVE targets are not uploaded.
 * The remote trash folder, hidden names and arsipd's scratch files are never planned from.
 */

import { etagsMatchWeak } from "../remote/etag.js";
import { isScratchPath } from "../remote/scratch.js";
import type { RemoteCapabilities, RemoteEntry } from "../remote/types.js";
import type { FailureEntry, JournalEntry, UploadIntent } from "../state/journal-types.js";
import { ancestors, conflictPath, isMirrorPath, trashPath } from "./names.js";
import {
  type FreshFile,
  isFresh,
  type LocalFile,
  type MirrorAction,
  type MirrorPlan,
} from "./types.js";

/** Read access to the journal (the Journal class satisfies it). */
export interface JournalView {
  readonly size: number;
  get(rel: string): JournalEntry | undefined;
  entries(): Iterable<[string, JournalEntry]>;
  failure(rel: string): FailureEntry | undefined;
  /** An upload of `rel` that was started and never confirmed (absent: none known). */
  intent?(rel: string): UploadIntent | undefined;
}

export interface PlanConfig {
  mode: "trash" | "keep";
  trashDir: string;
  maxFraction: number;
  /** The guard trips only when at least this many files vanished too. */
  minFiles: number;
}

export interface PlanInput {
  /** FreshFiles must have no journal entry (checked: a caller bug throws). */
  local: (LocalFile | FreshFile)[];
  journal: JournalView;
  /** Present on a full pass. */
  remote?: { entries: RemoteEntry[]; caps: RemoteCapabilities } | undefined;
  /** Share folders that could not be read: nothing below them counts as vanished. */
  unreadable?: string[];
  now: Date;
  config: PlanConfig;
  /** The operator confirmed a mass removal (`sync --accept-deletes`). */
  acceptVanished?: boolean;
}

/** Scratch files older than this are leftovers of a crash and are removed on a full pass. */
export const SCRATCH_MAX_AGE_MS = 3600_000;

/** Whether a scanned file must be hashed: new, or its size or mtime differ from the journal. */
export function needsHash(f: { size: number; mtimeMs: number }, e: JournalEntry | undefined) {
  return !e || e.size !== f.size || e.mtimeMs !== f.mtimeMs;
}

const sec = (ms: number) => Math.floor(ms / 1000);

/** The remote copy holds exactly this content (checksum, or size + kept mtime). */
export function sameContent(f: LocalFile, r: RemoteEntry, caps: RemoteCapabilities): boolean {
  if (r.type !== "file" || r.size !== f.size) return false;
  const c = r.checksums;
  if (c?.sha256) return c.sha256 === f.sha256;
  if (c?.sha1 && f.sha1) return c.sha1 === f.sha1;
  return caps.setMtime && r.mtimeMs !== undefined && sec(r.mtimeMs) === sec(f.mtimeMs);
}

/**
 * The remote copy is still the one we last uploaded. ETags are compared weakly (RFC 9110: W/"x"
 * equals "x"); a different ETag alone proves nothing (Apache's weak ETag of a fresh file becomes
 * a strong one later, webdav-server's follows the mtime): the copy counts as changed only when
 * its size, a checksum the server reports, or its modification time differ from what we recorded.
 */
export function unchangedSinceUpload(r: RemoteEntry, e: JournalEntry): boolean {
  if (r.type !== "file" || r.size !== e.remoteSize) return false;
  if (r.etag && e.etag && etagsMatchWeak(r.etag, e.etag)) return true;
  const c = r.checksums;
  if (c?.sha256) return c.sha256 === e.sha256;
  if (c?.sha1 && e.sha1) return c.sha1 === e.sha1;
  if (r.mtimeMs !== undefined && e.remoteMtimeMs !== undefined)
    return sec(r.mtimeMs) === sec(e.remoteMtimeMs);
  return true;
}

/**
 * The remote copy is what an interrupted upload of ours left (see UploadIntent): written since
 * the upload started (1 s of clock slack) and no larger than what we were sending.
 */
export function leftByOurUpload(r: RemoteEntry, i: UploadIntent | undefined): boolean {
  if (!i || r.type !== "file" || r.path !== i.remotePath || r.size > i.size) return false;
  return r.mtimeMs === undefined || r.mtimeMs >= i.at - 1000;
}

export function underAny(rel: string, prefixes: string[]): boolean {
  return prefixes.some((p) => p === "" || rel === p || rel.startsWith(`${p}/`));
}

const adopt = (local: LocalFile, remote: RemoteEntry): MirrorAction => ({
  kind: "adopt",
  rel: local.rel,
  local,
  remote,
});

export function planMirror(input: PlanInput): MirrorPlan {
  const { config: cfg, journal, now } = input;
  const nowMs = now.getTime();
  const unreadable = input.unreadable ?? [];
  const trashRoot = cfg.trashDir;
  const isOurs = (p: string) => isMirrorPath(p, trashRoot);
  const remote = input.remote ? new Map<string, RemoteEntry>() : undefined;
  const remoteDirs = new Set<string>([""]);
  const actions: MirrorAction[] = [];
  for (const r of input.remote?.entries ?? []) {
    if (r.type === "dir") remoteDirs.add(r.path);
    if (isOurs(r.path)) remote?.set(r.path, r);
    else if (
      isScratchPath(r.path) &&
      r.mtimeMs !== undefined &&
      nowMs - r.mtimeMs > SCRATCH_MAX_AGE_MS
    )
      actions.push({ kind: "remove-scratch", path: r.path });
  }
  if (!input.remote)
    for (const [, e] of journal.entries())
      for (const d of ancestors(e.remotePath)) remoteDirs.add(d);

  if (underAny("", unreadable))
    return {
      actions: [],
      refused: {
        reason: "share-unreadable",
        message: "the share could not be read: is it mounted? Nothing was mirrored",
      },
    };
  const local = new Map<string, LocalFile | FreshFile>();
  for (const f of input.local)
    if (f.rel !== cfg.trashDir && !f.rel.startsWith(`${cfg.trashDir}/`)) local.set(f.rel, f);
  if (local.size === 0 && journal.size > 0 && !input.acceptVanished)
    return {
      actions: [],
      refused: {
        reason: "empty-share",
        message: `the share looks empty but ${journal.size} files were mirrored before: is it mounted? Nothing was changed on the remote`,
      },
    };

  if (remote && remote.size === 0 && journal.size > 0 && !input.acceptVanished)
    return {
      actions: [],
      refused: {
        reason: "empty-remote",
        message: `the remote looks empty but ${journal.size} files were mirrored before: is the mirror folder mounted / the right remote? Nothing was uploaded`,
      },
    };

  // Pass 1: every present file.
  const perFile = new Map<string, MirrorAction>();
  const plainNew = new Map<string, LocalFile[]>(); // sha256 → new files planned as plain uploads
  for (const f of local.values()) {
    const e = journal.get(f.rel);
    const fail = journal.failure(f.rel);
    if (
      fail &&
      fail.nextRetryAt > nowMs &&
      (fail.size === undefined || (fail.size === f.size && fail.mtimeMs === f.mtimeMs))
    ) {
      perFile.set(f.rel, {
        kind: "skip",
        rel: f.rel,
        reason: fail.lastError,
        until: fail.nextRetryAt,
      });
      continue;
    }
    const remotePath = e?.remotePath ?? f.rel;
    if (isFresh(f)) {
      if (e) throw new Error(`planMirror: ${f.rel} is in the journal but came unhashed`);
      // Should something be at remotePath after all, If-None-Match fails and apply, which has
      // hashed the file by then, adopts the same content or keeps theirs as a konflik copy.
      perFile.set(f.rel, {
        kind: "upload",
        rel: f.rel,
        remotePath,
        local: f,
        ifNoneMatch: true,
        reason: "new",
      });
      continue;
    }
    const r = remote?.get(remotePath);
    const keep = (reason: string): MirrorAction => ({
      kind: "conflict-keep",
      rel: f.rel,
      remotePath,
      keepAs: conflictPath(remotePath, now),
      local: f,
      reason,
    });
    const upload = (
      reason: "new" | "changed" | "remote-missing" | "interrupted",
      cond: { ifMatch?: string; ifNoneMatch?: boolean },
    ): MirrorAction => ({ kind: "upload", rel: f.rel, remotePath, local: f, ...cond, reason });
    const caps = input.remote?.caps;
    const ours = r !== undefined && leftByOurUpload(r, journal.intent?.(f.rel));
    let a: MirrorAction | undefined;
    if (e && e.sha256 === f.sha256) {
      if (remote && !r) a = upload("remote-missing", { ifNoneMatch: true });
      else if (r && !unchangedSinceUpload(r, e))
        a =
          caps && sameContent(f, r, caps)
            ? adopt(f, r)
            : ours
              ? upload("interrupted", r.etag ? { ifMatch: r.etag } : {})
              : keep("the remote copy was changed by someone else");
      else if (r && r.etag !== e.etag)
        // The same file under a new ETag (weak → strong): recorded silently, nothing moves.
        a = { kind: "refresh", rel: f.rel, local: f, remote: r };
      else if (e.size !== f.size || e.mtimeMs !== f.mtimeMs)
        a = { kind: "refresh", rel: f.rel, local: f };
    } else if (!remote || !caps) {
      // Quick pass: trust the journal; the conditions catch a remote that changed meanwhile.
      a = !e
        ? upload("new", { ifNoneMatch: true })
        : upload("changed", e.etag ? { ifMatch: e.etag } : {});
    } else if (!r) {
      a = upload(e ? "remote-missing" : "new", { ifNoneMatch: true });
    } else if (sameContent(f, r, caps)) {
      a = adopt(f, r);
    } else if (e && unchangedSinceUpload(r, e)) {
      a = upload("changed", r.etag ? { ifMatch: r.etag } : {});
    } else if (ours) {
      // Our own unfinished upload (kill -9, dropped connection): replaced, never kept.
      a = upload("interrupted", r.etag ? { ifMatch: r.etag } : {});
    } else {
      a = keep(
        e
          ? "the remote copy was changed by someone else"
          : "an unknown file already had this name on the remote",
      );
    }
    if (!a) continue;
    perFile.set(f.rel, a);
    if (a.kind === "upload" && !e && a.ifNoneMatch) {
      const list = plainNew.get(f.sha256) ?? [];
      list.push(f);
      plainNew.set(f.sha256, list);
    }
  }

  // Pass 2: vanished files → MOVE to a new file with the same content, else trash/forget.
  const vanished: [string, JournalEntry][] = [];
  for (const [rel, e] of journal.entries())
    if (!local.has(rel) && !underAny(rel, unreadable)) vanished.push([rel, e]);
  vanished.sort((a, b) => (a[0] < b[0] ? -1 : 1));
  const destructive: MirrorAction[] = [];
  let removals = 0;
  for (const [rel, e] of vanished) {
    const r = remote?.get(e.remotePath);
    if (remote && !r) {
      // Nothing left to protect on the remote (e.g. a MOVE finished before a crash): not a removal.
      destructive.push({ kind: "forget", rel, reason: "already gone from the remote" });
      continue;
    }
    const intact = !r || unchangedSinceUpload(r, e);
    const target = intact ? plainNew.get(e.sha256)?.shift() : undefined;
    if (target !== undefined) {
      const t = perFile.get(target.rel) as Extract<MirrorAction, { kind: "upload" }>;
      perFile.delete(target.rel);
      destructive.push({
        kind: "move",
        from: rel,
        to: target.rel,
        fromRemote: e.remotePath,
        toRemote: t.remotePath,
        local: target,
      });
      continue;
    }
    removals++;
    destructive.push(
      cfg.mode === "keep"
        ? { kind: "forget", rel, reason: "removed from the share (deletes.mode keep)" }
        : {
            kind: "trash",
            rel,
            remotePath: e.remotePath,
            to: trashPath(cfg.trashDir, rel, now),
          },
    );
  }

  let refused: MirrorPlan["refused"];
  const limit = Math.max(1, cfg.maxFraction * journal.size);
  if (removals > limit && removals >= cfg.minFiles && !input.acceptVanished) {
    refused = {
      reason: "mass-vanish",
      message: `${removals} of ${journal.size} mirrored files vanished from the share at once (limit ${Math.floor(limit)}): nothing was moved to the trash; check the share, then run "arsipd sync --accept-deletes" if it is intended`,
    };
  } else actions.push(...destructive);
  for (const a of perFile.values()) actions.push(a);

  // Folders: every missing ancestor of a target, parents before children, each once.
  const dirs = new Set<string>();
  for (const a of actions) {
    const target =
      a.kind === "upload"
        ? a.remotePath
        : a.kind === "move"
          ? a.toRemote
          : a.kind === "trash"
            ? a.to
            : undefined;
    if (target === undefined) continue;
    for (const d of ancestors(target)) if (!remoteDirs.has(d)) dirs.add(d);
  }
  const mkdirs = [...dirs]
    .sort((a, b) => a.split("/").length - b.split("/").length || (a < b ? -1 : 1))
    .map((path): MirrorAction => ({ kind: "mkdir", path }));
  return refused
    ? { actions: [...mkdirs, ...actions], refused }
    : { actions: [...mkdirs, ...actions] };
}
