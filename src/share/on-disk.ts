/**
 * Finding a share file on disk from its share-relative path. Relative paths are NFC everywhere
 * in arsipd (the journal, the watcher's batches, reports), while a Mac writes names in NFD: the
 * NFC path of such a file does not exist as spelled, and treating it as gone would trash a file
 * that is there. Names are therefore matched in NFC, segment by segment, when the plain lookup
 * fails on a path with non-ASCII characters.
 */

import type { Stats } from "node:fs";
import { lstat, readdir } from "node:fs/promises";
import path from "node:path";

// biome-ignore lint/suspicious/noControlCharactersInRegex: the ASCII range is the point
const NON_ASCII = /[^\u0000-\u007f]/;

/** The on-disk path and lstat of `rel` (POSIX, NFC) inside `share`; null when nothing matches. */
export async function findOnDisk(
  share: string,
  rel: string,
): Promise<{ abs: string; st: Stats } | null> {
  const direct = path.join(share, ...rel.split("/"));
  const st = await lstat(direct).catch(() => null);
  if (st) return { abs: direct, st };
  if (!NON_ASCII.test(rel)) return null;
  let cur = share;
  for (const seg of rel.split("/")) {
    const exact = path.join(cur, seg);
    if (await lstat(exact).catch(() => null)) {
      cur = exact;
      continue;
    }
    const names = await readdir(cur).catch(() => [] as string[]);
    const hit = names.find((n) => n.normalize("NFC") === seg);
    if (hit === undefined) return null;
    cur = path.join(cur, hit);
  }
  const found = await lstat(cur).catch(() => null);
  return found ? { abs: cur, st: found } : null;
}
