/**
 * When files that were still being written may be looked at again: once the youngest of them
 * has been left alone for the stability window (plus a little slack), not a whole window from
 * now. A file saved just before a pass goes up as soon as it may, and on a share whose passes
 * take seconds the wait does not start over after each pass.
 */
import { statSync } from "node:fs";
import path from "node:path";

/** Past this many files, the wait is a whole window (stat'ing them all would cost more). */
const MAX_STATS = 500;
const SLACK_MS = 50;

/**
 * Milliseconds to wait before `rels` (share-relative) have all been unchanged for `windowMs`.
 * A file that cannot be read (gone, renamed, an NFD name) counts as written just now.
 */
export function untilSettled(
  share: string,
  rels: readonly string[],
  windowMs: number,
  now = Date.now(),
): number {
  let newest = 0;
  if (rels.length > MAX_STATS) newest = now;
  else {
    for (const rel of rels) {
      try {
        newest = Math.max(newest, statSync(path.join(share, rel)).mtimeMs);
      } catch {
        newest = now;
      }
    }
  }
  return Math.ceil(
    Math.min(windowMs + 250, Math.max(SLACK_MS, newest + windowMs - now + SLACK_MS)),
  );
}

/**
 * `untilSettled` per file, grouped: delay (rounded up to 100 ms) → the files that settle then.
 * The first file of a batch then goes up when it has settled, not when the batch's last has.
 */
export function settleGroups(
  share: string,
  rels: readonly string[],
  windowMs: number,
  now = Date.now(),
): Map<number, string[]> {
  const groups = new Map<number, string[]>();
  if (rels.length > MAX_STATS) {
    groups.set(untilSettled(share, rels, windowMs, now), [...rels]);
    return groups;
  }
  for (const rel of rels) {
    const ms = Math.ceil(untilSettled(share, [rel], windowMs, now) / 100) * 100;
    const group = groups.get(ms);
    if (group) group.push(rel);
    else groups.set(ms, [rel]);
  }
  return groups;
}
