/**
 * Crash recovery on servers that give no checksums (plain WebDAV, or a file whose upload
 * finished just as the server or arsipd died): a remote file at our path, of the same size as
 * the local one, that the journal does not know. Without proof it would be treated as someone
 * else's file and kept as a "konflik" copy. Here it is read back and hashed; when the bytes are
 * ours, the listing entry gets the SHA-256 so the pure planner adopts it. Rare and bounded: only
 * files the journal lacks, only on full passes, only on an exact size match.
 */

import type { Remote, RemoteCapabilities, RemoteEntry } from "../remote/types.js";
import type { Journal } from "../state/journal.js";
import { hashStream } from "../util/hash.js";
import { eachLimit } from "../util/limit.js";
import { sameContent } from "./plan.js";
import { type FreshFile, isFresh, type LocalFile } from "./types.js";

export async function confirmByContent(
  listing: RemoteEntry[],
  /** FreshFiles are passed over: nothing is at their remote path (fresh.ts). */
  local: (LocalFile | FreshFile)[],
  journal: Journal,
  remote: Remote,
  caps: RemoteCapabilities,
  concurrency: number,
  signal?: AbortSignal,
): Promise<number> {
  // Only files the journal does not know can be in doubt: usually none, and then the listing
  // is not indexed at all.
  const unknown = local.filter((f): f is LocalFile => !isFresh(f) && !journal.get(f.rel));
  if (unknown.length === 0) return 0;
  const byPath = new Map(listing.map((e) => [e.path, e]));
  const doubtful = unknown.filter((f) => {
    const r = byPath.get(f.rel);
    return (
      !!r &&
      r.type === "file" &&
      r.size === f.size &&
      !r.checksums?.sha256 &&
      !r.checksums?.sha1 &&
      !sameContent(f, r, caps)
    );
  });
  let confirmed = 0;
  await eachLimit(
    doubtful,
    concurrency,
    async (f) => {
      const r = byPath.get(f.rel) as RemoteEntry;
      try {
        const d = await hashStream(await remote.read(f.rel, signal));
        if (d.sha256 === f.sha256) {
          r.checksums = { ...r.checksums, sha256: d.sha256 };
          confirmed++;
        }
      } catch {
        // unreadable: leave it to the planner's normal (conservative) handling
      }
    },
    () => signal?.aborted === true,
  );
  return confirmed;
}
