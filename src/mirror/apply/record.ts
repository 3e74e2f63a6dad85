/** Journal records of confirmed remote copies: an upload the server reports, an adoption. */
import { ArsipdError } from "../../errors.js";
import type { RemoteEntry } from "../../remote/types.js";
import type { LocalFile } from "../types.js";
import type { Run } from "./run.js";

/** Records `f` as stored at `entry`; throws (retryable) when the server holds another size. */
export function recordUpload(
  run: Run,
  rel: string,
  f: LocalFile,
  entry: RemoteEntry,
  mtimeKept: boolean,
): void {
  if (entry.size !== f.size)
    throw new ArsipdError(
      "MIRROR_SIZE_MISMATCH",
      "retryable",
      `the server holds ${entry.size} bytes, expected ${f.size}`,
    );
  run.ctx.journal.set(rel, {
    size: f.size,
    mtimeMs: f.mtimeMs,
    sha256: f.sha256,
    sha1: f.sha1,
    remotePath: entry.path,
    etag: entry.etag,
    remoteSize: entry.size,
    remoteMtimeMs: entry.mtimeMs,
    mtimeKept,
    uploadedAt: run.ctx.now().getTime(),
  });
}

/** The remote copy already holds `f`'s content: recorded as ours, nothing is sent. */
export function adoptRemote(run: Run, rel: string, f: LocalFile, r: RemoteEntry): void {
  const kept =
    r.mtimeMs !== undefined && Math.floor(r.mtimeMs / 1000) === Math.floor(f.mtimeMs / 1000);
  recordUpload(run, rel, f, r, kept);
  run.res.adopted++;
}
