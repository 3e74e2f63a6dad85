/**
 * Reading the digests a mirror pass needs (SHA-256 + SHA-1, one read per file): up front for the
 * files the plan compares, at upload time for the fresh ones (see fresh.ts for which is which).
 */

import { describeError } from "../errors.js";
import type { Logger } from "../log/logger.js";
import type { RemoteEntry } from "../remote/types.js";
import { digestsOf, hashFile } from "../util/hash.js";
import { eachLimit } from "../util/limit.js";
import { readRegular, TooLargeError } from "../util/safe-open.js";
import { freshPaths } from "./fresh.js";
import { type JournalView, needsHash } from "./plan.js";
import type { FreshFile, LocalFile, ScannedFile } from "./types.js";

/** Files hashed at once before planning: hashing is CPU and disk bound, two keep both busy. */
const HASH_PARALLEL = 2;

/**
 * Hashes `f` now. "changed" when its size is no longer the scanned one: it is still being
 * written, so it is left for the next pass rather than recorded with a mismatched size.
 * Rejects when the file cannot be read (gone, locked) or `signal` aborts.
 */
export async function hashNow(
  f: ScannedFile,
  signal?: AbortSignal,
): Promise<LocalFile | "changed"> {
  const d = await hashFile(f.abs, signal);
  return d.size === f.size ? withDigests(f, d) : "changed";
}

/**
 * `f` with its digests, as one plain literal: V8 gave each object built by spreading and then
 * adding fields (`{ ...f, sha256 }`) a hidden class of its own, ~300 bytes per file.
 */
function withDigests(f: ScannedFile, d: { sha256: string; sha1?: string | undefined }): LocalFile {
  return {
    rel: f.rel,
    abs: f.abs,
    size: f.size,
    mtimeMs: f.mtimeMs,
    sha256: d.sha256,
    sha1: d.sha1,
  };
}

/** Files up to this size are read into memory once, to be hashed and sent from the same bytes. */
export const READ_WHOLE_MAX = 4 << 20;

/** A file hashed for its upload; `content`, when set, is exactly the bytes the digests cover. */
export interface ReadForUpload {
  file: LocalFile;
  content?: Buffer | undefined;
}

/**
 * Hashes `f` for its upload, in the upload's slot. A file up to READ_WHOLE_MAX is read once and
 * its bytes handed to the PUT: no second read, and what is sent is what was hashed, even if the
 * file changes in between. Larger files are streamed (constant memory) and read again to send.
 * "changed" and rejections as hashNow.
 */
export async function readForUpload(
  f: ScannedFile,
  signal?: AbortSignal,
): Promise<ReadForUpload | "changed"> {
  if (f.size > READ_WHOLE_MAX) {
    const h = await hashNow(f, signal);
    return h === "changed" ? h : { file: h };
  }
  signal?.throwIfAborted();
  let content: Buffer;
  try {
    content = await readRegular(f.abs, READ_WHOLE_MAX);
  } catch (err) {
    if (err instanceof TooLargeError) return "changed";
    throw err;
  }
  if (content.length !== f.size) return "changed";
  return { file: withDigests(f, digestsOf(content)), content };
}

export interface ShareDigestsContext {
  journal: JournalView;
  listing: RemoteEntry[] | undefined;
  /** Appended to: files that could not be read (nothing about them is decided this pass). */
  unreadable: string[];
  /** Appended to: files that changed while being read (still being written). */
  deferred: string[];
  /** Appended to: files that exist but could not be read (permissions, I/O), with why. */
  unreadFiles?: { path: string; reason: string }[];
  log: Logger;
  signal?: AbortSignal | undefined;
}

/**
 * The planner's view of `files`: fresh files unhashed, unchanged ones with the journal's
 * digests, the rest hashed now. A file that cannot be read or changed while read is left out.
 */
export async function shareDigests(
  files: ScannedFile[],
  ctx: ShareDigestsContext,
): Promise<(LocalFile | FreshFile)[]> {
  const { journal } = ctx;
  const fresh = freshPaths({ files, ...ctx });
  const out: (LocalFile | FreshFile)[] = [];
  const toHash: ScannedFile[] = [];
  for (const f of files) {
    const e = journal.get(f.rel);
    if (fresh.has(f.rel)) {
      const { rel, abs, size, mtimeMs } = f; // a plain literal, as in withDigests
      out.push({ rel, abs, size, mtimeMs, digests: "at-upload" });
    } else if (e && !needsHash(f, e)) out.push(withDigests(f, e));
    else toHash.push(f);
  }
  await eachLimit(
    toHash,
    HASH_PARALLEL,
    async (f) => {
      try {
        const h = await hashNow(f, ctx.signal);
        if (h !== "changed") return void out.push(h);
        ctx.deferred.push(f.rel);
        ctx.unreadable.push(f.rel);
      } catch (err) {
        ctx.unreadable.push(f.rel); // vanished or locked between scan and hash: next pass decides
        if (ctx.signal?.aborted) return;
        const code = (err as NodeJS.ErrnoException).code;
        if (code !== "ENOENT") ctx.unreadFiles?.push({ path: f.rel, reason: describeError(err) });
        ctx.log.warn(
          { path: f.rel, err: describeError(err) },
          "could not read the file; left for the next pass",
        );
      }
    },
    () => ctx.signal?.aborted === true,
  );
  return out;
}
