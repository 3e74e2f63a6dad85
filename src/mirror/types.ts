/** The mirror's plan as data: what planMirror returns, apply executes and --dry-run prints. */
import type { RemoteEntry } from "../remote/types.js";

/** A scanned share file: what is known before it is read. */
export interface ScannedFile {
  rel: string;
  /** Absolute path on disk (for hashing and apply's upload); never read by the planner. */
  abs: string;
  size: number;
  mtimeMs: number;
}

/** A share file as the planner compares it: hashed this pass, or its digests from the journal. */
export interface LocalFile extends ScannedFile {
  sha256: string;
  sha1?: string | undefined;
}

/**
 * A share file nothing needs to be compared with (see fresh.ts: new, nothing at its remote path,
 * no synced file vanished): the planner can only upload it as new (If-None-Match), and apply
 * hashes it right before its PUT, in the same transfer slot. `digests` says so in a --dry-run
 * JSON plan; a file of this type has no digests at all.
 */
export interface FreshFile extends ScannedFile {
  digests: "at-upload";
}

export const isFresh = (f: LocalFile | FreshFile): f is FreshFile => "digests" in f;

export type MirrorAction =
  | { kind: "mkdir"; path: string }
  | {
      kind: "upload";
      rel: string;
      remotePath: string;
      /** Only a plain new upload (reason "new", ifNoneMatch) may carry a FreshFile. */
      local: LocalFile | FreshFile;
      /** Replace only our last upload (its ETag). */
      ifMatch?: string | undefined;
      /** Fail if anything is there. */
      ifNoneMatch?: boolean | undefined;
      /** "interrupted": what is there is our own unfinished upload (see UploadIntent). */
      reason: "new" | "changed" | "remote-missing" | "interrupted";
    }
  | {
      /** The remote copy is not what we last uploaded: keep it under `keepAs`, then upload ours. */
      kind: "conflict-keep";
      rel: string;
      remotePath: string;
      keepAs: string;
      local: LocalFile;
      reason: string;
    }
  | {
      kind: "move";
      from: string;
      to: string;
      fromRemote: string;
      toRemote: string;
      local: LocalFile;
    }
  | { kind: "trash"; rel: string; remotePath: string; to: string }
  | { kind: "forget"; rel: string; reason: string }
  | { kind: "adopt"; rel: string; local: LocalFile; remote: RemoteEntry }
  /**
   * Same content, new local mtime or new remote ETag (weak → strong): only the journal is
   * updated (the size/mtime key, and the remote entry when `remote` is set).
   */
  | { kind: "refresh"; rel: string; local: LocalFile; remote?: RemoteEntry }
  | { kind: "skip"; rel: string; reason: string; until: number }
  | { kind: "remove-scratch"; path: string };

export interface MirrorPlan {
  actions: MirrorAction[];
  /** Set when the pass must not touch anything destructive (see plan.ts). */
  refused?: {
    reason: "mass-vanish" | "empty-share" | "empty-remote" | "share-unreadable";
    message: string;
  };
}

export interface MirrorSummary {
  uploaded: number;
  moved: number;
  trashed: number;
  forgotten: number;
  adopted: number;
  conflicts: number;
  skipped: number;
  failed: number;
  /**
   * Share files that should be on the server and are not after this pass, with why: failed
   * now, unreadable (permissions, I/O), or skipped while in back-off after an earlier failure.
   * Empty on a pass that is done.
   */
  unmirrored: { path: string; reason: string }[];
  /** Files left alone because they were still being written (see watch.stabilityMs). */
  deferred: string[];
  refused?: string;
  /** The plan, on a dry run. */
  plan?: MirrorAction[];
  durationMs: number;
}
