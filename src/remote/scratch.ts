/**
 * Names of arsipd's own scratch files on a remote (temp uploads renamed into place when done).
 * They are hidden (leading dot) so the share side can never produce one (hidden names are
 * ignored there), and they carry a marker so a full pass can clear those a crash left behind.
 */
const MARK = ".arsipd-";
const SUFFIX = ".part";

/**
 * A scratch name for an upload to `target` (a POSIX path), in the same folder. `token` makes it
 * unique (e.g. 12 random hex digits); this file stays pure so the planner can use it.
 */
export function scratchPathFor(target: string, token: string): string {
  const slash = target.lastIndexOf("/");
  const dir = slash === -1 ? "" : target.slice(0, slash + 1);
  return `${dir}${MARK}${token}${SUFFIX}`;
}

/**
 * The capability probe's file (dav-probe.ts), in `dir`. Not ".part": ownCloud refuses uploads of
 * names ending in .part (reserved for its own part files), and the probe runs there too.
 */
export function probePathFor(dir: string, token: string): string {
  return `${dir === "" ? "" : `${dir}/`}${MARK}probe-${token}${PROBE_SUFFIX}`;
}
const PROBE_SUFFIX = ".tmp";

/** True for a path whose last segment is one of arsipd's scratch names (uploads or the probe). */
export function isScratchPath(p: string): boolean {
  const name = p.slice(p.lastIndexOf("/") + 1);
  if (!name.startsWith(MARK)) return false;
  return name.endsWith(SUFFIX) || (name.startsWith(`${MARK}probe-`) && name.endsWith(PROBE_SUFFIX));
}
