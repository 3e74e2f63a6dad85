/** What the journal remembers per file. Plain data: the pure planner reads these. */

/** A file as last mirrored: the local side we uploaded and what the server confirmed. */
export interface JournalEntry {
  /** Local size and mtime when it was hashed/uploaded (the "did it change?" key). */
  size: number;
  mtimeMs: number;
  /** Lower-case hex digests of the content we uploaded. */
  sha256: string;
  sha1?: string | undefined;
  /** Path on the remote (relative to the remote's root). */
  remotePath: string;
  /** ETag the server reported after our upload (absent if the server has none). */
  etag?: string | undefined;
  /** Size the server confirmed. */
  remoteSize: number;
  /** The mtime the server reports for it (ours when mtimeKept). */
  remoteMtimeMs?: number | undefined;
  /** The server stored the mtime we sent. */
  mtimeKept: boolean;
  /** When the upload (or adoption / move) was confirmed, ms since the epoch. */
  uploadedAt: number;
}

/** A file whose last attempt failed; it is skipped until `nextRetryAt`. */
export interface FailureEntry {
  failures: number;
  /** One line, no secrets. */
  lastError: string;
  /** ms since the epoch. */
  nextRetryAt: number;
  /** Local size/mtime at the failed attempt: a changed file is retried at once. */
  size?: number | undefined;
  mtimeMs?: number | undefined;
}

/**
 * An upload that was started and not yet confirmed: recorded (durably) before the PUT of a
 * large file, cleared when the upload is recorded. A remote file found at `remotePath` later
 * that is no larger than `size` and was written after `at` is our own unfinished upload (a
 * server that writes in place keeps the bytes it got before a kill or a dropped connection),
 * never someone else's edit.
 */
export interface UploadIntent {
  remotePath: string;
  /** Bytes we were sending. */
  size: number;
  /** Lower-case hex SHA-256 of what we were sending. */
  sha256: string;
  /** When the upload started, ms since the epoch (our clock). */
  at: number;
}

/** Back-off after `failures` consecutive failures: 1 min doubling, at most 6 h. */
export function backoffMs(failures: number, retryAfterSec?: number): number {
  const base = Math.min(6 * 3600_000, 60_000 * 2 ** Math.max(0, Math.min(failures - 1, 20)));
  return Math.max(base, (retryAfterSec ?? 0) * 1000);
}
