/**
 * The narrow storage contract the mirror talks to. Every vendor quirk (OwnCloud headers,
 * status.php, retry policy, chunking, atomic replacement) lives behind it, in the adapters:
 * local.ts, and webdav.ts with one file per operation (dav-*.ts) over one request layer.
 *
 * Paths are POSIX, relative to the remote's configured root, NFC, without a leading slash
 * ("KPT-KETUA/2024/KPT-KETUA_2024_012_x.pdf"); "" is the root itself.
 *
 * Errors: implementations throw ArsipdError with a kind decided at the boundary:
 * retryable (5xx, 423, 425, 429, timeouts, resets), auth (401/403), notFound, conflict
 * (412, destination exists), quota (507), fatal (anything else). Retries of retryable errors
 * happen inside the adapter (bounded, with back-off); a retryable error that escapes means
 * the retries ran out.
 */

export interface RemoteEntry {
  path: string;
  type: "file" | "dir";
  /** Bytes; 0 for folders. */
  size: number;
  /** Modification time the server reports, in ms since the epoch, if any. */
  mtimeMs?: number | undefined;
  /** Opaque version tag; changes whenever the content changes. Absent if the server has none. */
  etag?: string | undefined;
  /** Lower-case hex digests the server vouches for (OwnCloud oc:checksums), if any. */
  checksums?: { sha1?: string; md5?: string; sha256?: string } | undefined;
}

export interface RemoteCapabilities {
  /** The server keeps the mtime we send (OwnCloud X-OC-Mtime answered "accepted"). */
  setMtime: boolean;
  /** Digests the server reports back in listings. */
  checksums: ("sha1" | "md5" | "sha256")[];
  /** ETags on files that change with content. */
  etags: boolean;
  /**
   * A folder's ETag changes whenever anything below it changes (OwnCloud propagates them up to
   * the root). Only then may a client skip listing a folder whose ETag it has seen before.
   */
  folderEtags: boolean;
  /**
   * The server gives weak ETags (W/"…") at least sometimes (Apache mod_dav_fs, for a file changed
   * within the last second): compare ETags with etag.ts's weak comparison, never byte for byte.
   */
  weakEtags?: boolean | undefined;
  /** OwnCloud/Nextcloud (status.php answered): the server does its own part-file handling. */
  ownCloud?: boolean | undefined;
  /** The set was probed by `check()` (else it is learnt from uploads and may still grow). */
  probed?: boolean | undefined;
}

/** One folder's listing: the folder itself (its ETag, when the server has one) and its children. */
export interface DirListing {
  /** The folder as the server reported it in the same answer; null when it does not exist. */
  folder: RemoteEntry | null;
  children: RemoteEntry[];
}

export interface PutOptions {
  /** Exact byte count; sent as Content-Length and checked against the server afterwards. */
  size: number;
  mtimeMs: number;
  /** Lower-case hex SHA-1 of the content, sent as OC-Checksum where supported. */
  sha1?: string | undefined;
  /** Replace only if the remote still has this ETag (If-Match); conflict error otherwise. */
  ifMatch?: string | undefined;
  /** Fail with a conflict error if the target exists. */
  ifNoneMatch?: boolean | undefined;
  signal?: AbortSignal | undefined;
  /**
   * The file's bytes, already read by the caller (and hashed: `sha1` is of exactly these). Sent
   * instead of reading `localFile` again; must be `size` bytes long.
   */
  content?: Buffer | undefined;
  /** Called with the bytes sent so far. */
  onProgress?: ((bytes: number) => void) | undefined;
  /**
   * "caller": skip the adapter's own stat after the upload; the caller promises to check the
   * size the server reports (e.g. one `listDir` for a whole folder of uploads) before it
   * trusts the upload. Default "now": the adapter stats the file and checks its size.
   */
  sizeCheck?: "now" | "caller" | undefined;
}

export interface PutResult {
  /**
   * The entry as the server reports it after the upload (size checked by the adapter), or
   * null with `sizeCheck: "caller"` when the adapter did not look.
   */
  entry: RemoteEntry | null;
  /** The server stored our mtime. When false, the journal keeps the local mtime instead. */
  mtimeKept: boolean;
}

export interface RemoteHealth {
  ok: boolean;
  /** One line for a person: "reachable", "maintenance mode", "login refused (401)" … */
  message: string;
  /** Set when the remote is up but asks us to wait (OwnCloud maintenance). */
  maintenance?: boolean;
  /** Set when the server refused our credentials (401/403): retrying will not help. */
  auth?: boolean;
  /**
   * Set with `auth` when the server refused a login it had accepted before in this process:
   * the password is likely right and the server drops it on the way (Apache + PHP-FPM without
   * CGIPassAuth On); `message` says so.
   */
  loginDropped?: boolean;
}

export interface Remote {
  /** Where it points, without credentials, for logs and `status`. */
  readonly description: string;
  /** Reachability and readiness; never throws for a down server (ok=false instead). */
  check(signal?: AbortSignal): Promise<RemoteHealth>;
  capabilities(): Promise<RemoteCapabilities>;
  /** Every entry below `dir` (recursive, folders included, `dir` itself excluded); [] if missing. */
  list(dir?: string, signal?: AbortSignal): Promise<RemoteEntry[]>;
  /**
   * The immediate children of `dir` (not recursive) and the folder itself, from one answer of
   * the server (so the folder's ETag and the children describe the same moment);
   * `{ folder: null, children: [] }` if missing.
   */
  listDir(dir: string, signal?: AbortSignal): Promise<DirListing>;
  /** The entry at `path`, or null when nothing is there. */
  stat(path: string, signal?: AbortSignal): Promise<RemoteEntry | null>;
  /** Creates `path` and its parents. Idempotent: must not fail if they already exist. */
  mkdirp(path: string, signal?: AbortSignal): Promise<void>;
  /**
   * Streams the local file to `path` (parents must exist). Atomic: after any failure or crash
   * the target holds its previous content or nothing new, never a partial file.
   */
  put(path: string, localFile: string, opts: PutOptions): Promise<PutResult>;
  /** Server-side move. Never overwrites: conflict error if `to` exists. Parents of `to` must exist. */
  move(from: string, to: string, signal?: AbortSignal): Promise<void>;
  /** Reads a file (for `verify --deep` and tests). notFound error when missing. */
  read(path: string, signal?: AbortSignal): Promise<NodeJS.ReadableStream>;
  /**
   * Deletes a file arsipd itself created as scratch (a failed temp upload). The mirror never
   * calls it on archived content: removed files are moved to the trash folder instead.
   */
  removeScratch(path: string, signal?: AbortSignal): Promise<void>;
  close?(): Promise<void>;
}
