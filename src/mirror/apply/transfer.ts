/**
 * Transfers: hashing a FreshFile right before its upload (in its transfer slot, so hashing
 * overlaps the other transfers), and one PUT with progress, its upload intent and its size check.
 */
import { describeError } from "../../errors.js";
import type { Logger } from "../../log/logger.js";
import { type ReadForUpload, readForUpload } from "../digests.js";
import { parentOf } from "../names.js";
import { type FreshFile, isFresh, type LocalFile } from "../types.js";
import { recordUpload } from "./record.js";
import type { Run } from "./run.js";

/**
 * Uploads at least this large record an intent (durably) before their PUT, so that what a kill
 * or a dropped connection leaves at the target on a server that writes in place is recognised
 * as ours next pass (plan.ts leftByOurUpload). Smaller ones are sent within moments; an fsync
 * each would cost a first mirror of thousands of small files more than it protects.
 */
export const INTENT_MIN_BYTES = 1024 * 1024;

export type PutCondition = { ifMatch?: string | undefined; ifNoneMatch?: boolean | undefined };

/**
 * Uploads `f` to `remotePath`. Recorded at once when the server's answer reports the entry
 * (OwnCloud), else queued for the folder's size check (size-check.ts).
 */
export async function putFile(
  run: Run,
  rel: string,
  remotePath: string,
  f: LocalFile,
  cond: PutCondition,
  content?: Buffer,
): Promise<void> {
  const { remote, journal } = run.ctx;
  let sent = 0;
  if (f.size >= INTENT_MIN_BYTES) {
    journal.recordIntent(rel, {
      remotePath,
      size: f.size,
      sha256: f.sha256,
      at: run.ctx.now().getTime(),
    });
    await journal.flush();
  }
  const r = await remote.put(remotePath, f.abs, {
    size: f.size,
    mtimeMs: f.mtimeMs,
    sha1: f.sha1,
    ...cond,
    content,
    sizeCheck: "caller",
    signal: run.signal,
    onProgress: (b) => {
      run.progress.bytes += b - sent;
      sent = b;
      run.report();
    },
  });
  const dir = parentOf(remotePath);
  if (r.entry) {
    run.sizes.answered.add(dir);
    recordUpload(run, rel, f, r.entry, r.mtimeKept);
    return;
  }
  await run.sizes.add(run, dir, { rel, remotePath, f, mtimeKept: r.mtimeKept });
}

/**
 * The file with its digests, or undefined when it is left alone this pass: a FreshFile whose
 * size changed since the scan is `deferred` (still being written), one that cannot be read is
 * left for the next pass. A small one comes with the bytes it was hashed from (to send those).
 */
export async function hashed(
  run: Run,
  f: LocalFile | FreshFile,
  log: Logger,
): Promise<ReadForUpload | undefined> {
  if (!isFresh(f)) return { file: f };
  try {
    const h = await readForUpload(f, run.signal);
    if (h !== "changed") return h;
    run.res.deferred.push(f.rel);
    log.info("changed since the scan (still being written): left for the next pass");
  } catch (err) {
    if (!run.signal.aborted) {
      log.warn({ err: describeError(err) }, "could not read the file; left for the next pass");
      // Gone since the scan is the next pass's business; unreadable (permissions, I/O) is a
      // file that should be on the server and is not.
      if ((err as NodeJS.ErrnoException).code !== "ENOENT")
        run.res.unmirrored.push({ path: f.rel, reason: describeError(err) });
    }
  }
  return undefined;
}
