/** Process exit codes. Documented in the README; monitoring depends on them staying put. */
export const EXIT = {
  ok: 0,
  /** The command ran but found problems (unmirrored files, differences, degraded status). */
  problems: 1,
  /** `status`: the daemon is down or the remote is unreachable. */
  down: 2,
  /** Wrong command line (sysexits EX_USAGE). */
  usage: 64,
  /** The server is down or answered with a server error: try again later (sysexits EX_TEMPFAIL). */
  tempfail: 75,
  /** The remote refused our credentials (sysexits EX_NOPERM). */
  auth: 77,
  /** Bad configuration (sysexits EX_CONFIG). */
  config: 78,
  /** Any other failure. */
  failure: 70,
} as const;
