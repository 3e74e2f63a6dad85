/** What the organizer plans and what it reports. Paths are POSIX, relative to the share root. */

export interface PlanFile {
  rel: string;
  size: number;
  mtimeMs: number;
}

/** Kode line of a sidecar for a file whose name parsed but whose place is taken. */
export type CollisionCode = "DUPLICATE" | "CONFLICT";

export type OrganizeAction =
  /** File (maybe from the quarantine) goes to its canonical path, which looked free. */
  | { kind: "move"; from: string; to: string; fromQuarantine: boolean; sidecar: string | null }
  /**
   * The document is filed already: at `existing` once earlier moves of this plan are done (its
   * canonical path `to`, or another subject's), at `against` as the share is now (what a dry run
   * compares with). The applier hashes to decide duplicate or conflict.
   */
  | { kind: "collide"; from: string; to: string; existing: string; against: string }
  /** Name cannot be read: into the quarantine, with a sidecar. */
  | { kind: "quarantine"; from: string; reason: string; message: string; messageEn: string }
  /** A file already in the quarantine lacks its sidecar (crash after the move): write it. */
  | { kind: "sidecar"; file: string; reason: string; message: string; messageEn: string }
  /** A sidecar whose file is gone from the quarantine (renamed or moved away): remove it. */
  | { kind: "removeSidecar"; path: string }
  /** Modified within the stability window: probably still being written. */
  | { kind: "defer"; path: string; why: "writing" }
  /** No decree (another type, a name that is no decree's): left where it is, on purpose. */
  | { kind: "leave"; path: string };

export interface OrganizeReport {
  dryRun: boolean;
  /** Files looked at. */
  scanned: number;
  /** Filed at their canonical path. */
  moves: { from: string; to: string }[];
  /** Taken out of the quarantine and filed (their name now reads). */
  unquarantined: { from: string; to: string }[];
  /** Unreadable names moved to the quarantine; `to` is the path there. */
  quarantined: { path: string; to: string; reason: string; message: string }[];
  /** Same decree and same bytes as `existing`: moved to the quarantine (`to`). */
  duplicates: { path: string; to: string; existing: string }[];
  /** Same decree, different bytes from `existing`: moved to the quarantine (`to`). */
  conflicts: { path: string; to: string; existing: string }[];
  /** Not touched this pass, retried on the next. */
  deferred: {
    path: string;
    /**
     * incomplete: quiet, but its bytes do not end as its format's do (share/complete.ts);
     * ocr: a scan waiting for the daemon's OCR queue before it is checked and filed.
     */
    why: "writing" | "changed" | "locked" | "aborted" | "incomplete" | "ocr";
  }[];
  /** Moves a crash had interrupted, finished now (the copy at `to` verified, `from` removed). */
  completed: { from: string; to: string }[];
  /** Sidecars removed or written to match the quarantine. */
  sidecars: { path: string; op: "written" | "removed" }[];
  errors: { path: string; code: string; message: string }[];
  /** Files that are no decree, left where they are on purpose (mirrored as they are). */
  left: string[];
}

export function emptyReport(dryRun: boolean): OrganizeReport {
  return {
    dryRun,
    scanned: 0,
    moves: [],
    unquarantined: [],
    quarantined: [],
    duplicates: [],
    conflicts: [],
    deferred: [],
    completed: [],
    sidecars: [],
    errors: [],
    left: [],
  };
}
