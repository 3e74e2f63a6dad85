/**
 * Every `ArsipdError.code`, with what it means: the one list (errors.ts types `code` by it, so a
 * new code is added here or does not compile). Codes are stable: logs, `--json` outputs and
 * tests match on them. Whether to retry is the error's `kind`, decided where it is thrown; the
 * one rule for codes that could go either way is here too (ABORTED: see `aborted`).
 */
export const ERROR_CODES = {
  ABORTED: "stopped by arsipd itself (SIGTERM, a reload, a timeout it set): never retried",
  BAD_DECREE: "a decree that cannot be formatted into a canonical name (a bug if reached)",
  CONFIG_INVALID: "the config file or environment is wrong (one line per problem)",
  DAEMON_NO_ANSWER: "the running daemon did not answer over its control socket",
  DAEMON_UNREACHABLE: "the control socket exists but nobody listens on it",
  ERROR: "a failure without a more precise code",
  INDEX_FAILED: "the register or feed could not be built",
  JOURNAL_CLOSED: "a write to a journal opened read-only or already closed (a bug if reached)",
  JOURNAL_CORRUPT: "the mirror journal cannot be read back",
  LABELS_FAILED: "the box labels PDF could not be written",
  LISTEN_FAILED: "the feed server cannot listen on its address",
  LOCKED: "another arsipd process works on this state folder",
  MIRROR_MOVE_LOST: "a remote MOVE reported done but the file is not at its new name",
  MIRROR_NOT_STORED: "the server answered an upload but does not list the file",
  MIRROR_SIZE_MISMATCH: "the server holds another size than was uploaded",
  NO_SHARE: "the share folder is not set",
  OCR_FAILED: "tesseract or pdftoppm failed on a file",
  OCR_MISSING: "tesseract, its language model or pdftoppm is not installed",
  PUBLIC_LINK_POLICY: "the server refuses public links by its sharing policy",
  QUARANTINE_NO_NAME: "no free name left in the quarantine for a file (10,000 of one name)",
  REMOTE_AUTH: "the server refuses the login",
  REMOTE_CONFLICT: "the server refuses a write because of what is there",
  REMOTE_DOWN: "the server does not answer",
  REMOTE_EXISTS: "the target exists on the server",
  REMOTE_FAILED: "the server failed a request",
  REMOTE_LOGIN_DROPPED: "a login the server accepted is refused later (proxy/FPM drops the header)",
  REMOTE_MAINTENANCE: "ownCloud is in maintenance mode",
  REMOTE_NETWORK: "the connection failed (reset, refused, DNS)",
  REMOTE_NOT_DAV: "the URL answers, but not as WebDAV",
  REMOTE_SHORT_WRITE: "the server stored fewer bytes than were sent",
  REMOTE_TIMEOUT: "a request took longer than remote.timeoutMs",
  SHARE_MISSING: "the share folder does not exist or is not a folder",
  SYNC_INTERRUPTED: "a sync asked of the daemon was cut short by its stop",
  UNSAFE_NAME: "a name arsipd will not write (reserved, too long, control characters)",
  UNSAFE_TARGET: "a folder on the way is a link or not a folder: arsipd never follows links",
  USAGE: "a wrong command line",
  WEB_LISTEN: "the web page cannot listen on its address",
  WEB_NO_PASSWORD: "the web page is public but has no password set",
} as const;

/** A code of the list, or a mapped one: an HTTP status, a local errno, an OCS status. */
export type ErrorCode =
  | keyof typeof ERROR_CODES
  | `HTTP_${number}`
  | `LOCAL_${string}`
  | `OCS_${string}`;
