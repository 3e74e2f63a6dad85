/**
 * The atomic upload of the WebDAV Remote. On OwnCloud the server makes PUT atomic itself (it
 * writes a .part and renames it), so we PUT to the target with its conditions. On a plain WebDAV
 * server (SabreDAV in Apache, webdav-server … write in place) we PUT to a scratch name in the same
 * folder (`.arsipd-<random>.part`, see scratch.ts) and MOVE it over the target; a failed upload
 * removes its scratch file. Either way the target ends with its old content or the whole new one.
 * The target is looked at first only for an If-Match (its ETag is compared here, weakly: RFC
 * 9110); If-None-Match is the MOVE's Overwrite: F, and an unconditional upload moves with
 * Overwrite: T, so a new file costs a PUT and a MOVE, not a PROPFIND before them. The scratch
 * file's size is checked before it replaces anything, unless the caller checks the target's
 * (sizeCheck "caller") and nothing is replaced (If-None-Match).
 */
import { stat } from "node:fs/promises";
import { ArsipdError } from "../errors.js";
import { etagsMatchWeak } from "./etag.js";
import type { PutOptions, PutResult, RemoteEntry } from "./types.js";

export interface PutContext {
  ownCloud(): Promise<unknown | null>;
  stat(path: string, signal?: AbortSignal): Promise<RemoteEntry | null>;
  retry<T>(
    what: string,
    signal: AbortSignal | undefined,
    fn: (attempt: number) => Promise<T>,
  ): Promise<T>;
  /**
   * One PUT of the whole file: whether the server said X-OC-Mtime: accepted, and the ETag it
   * gave the stored file (OwnCloud's OC-ETag), if any.
   */
  upload(
    path: string,
    localFile: string,
    headers: Record<string, string>,
    o: PutOptions,
  ): Promise<Uploaded>;
  move(from: string, to: string, overwrite: boolean, signal?: AbortSignal): Promise<void>;
  remove(path: string): Promise<void>;
  /** A fresh scratch path in the same folder as `target` (scratch.ts names). */
  scratchName(target: string): string;
}

export interface Uploaded {
  mtimeKept: boolean;
  etag?: string | undefined;
}

/**
 * Removes `scratch` again, later, if it is there. A server may still be handling the failed or
 * aborted PUT when our DELETE arrives (webdav-server creates the file only once it reads the
 * request; SabreDAV writes until PHP notices the client gone): the DELETE finds nothing, and
 * the partial scratch file appears after it. The timers hold no process open; the next full
 * pass's scratch sweep stays the safety net.
 */
function sweepLater(ctx: PutContext, scratch: string): void {
  for (const ms of SWEEP_AFTER_MS) {
    setTimeout(() => {
      ctx
        .stat(scratch)
        .then((e) => (e ? ctx.remove(scratch) : undefined))
        .catch(() => undefined);
    }, ms).unref();
  }
}

const SWEEP_AFTER_MS = [1_000, 5_000];

function conflict(path: string, why: string): ArsipdError {
  return new ArsipdError("REMOTE_CONFLICT", "conflict", `${path}: ${why}`);
}

function isKind(err: unknown, kind: ArsipdError["kind"]): err is ArsipdError {
  return err instanceof ArsipdError && err.kind === kind;
}

function shortWrite(path: string, entry: RemoteEntry | null, size: number): ArsipdError {
  return new ArsipdError(
    "REMOTE_SHORT_WRITE",
    "retryable",
    `${path}: server stored ${entry?.size ?? 0} bytes of ${size}`,
  );
}

/** After a lost answer, a retried conditional PUT conflicts with our own first attempt. */
async function alreadyOurs(ctx: PutContext, path: string, o: PutOptions): Promise<boolean> {
  if (!o.sha1) return false;
  const e = await ctx.stat(path, o.signal);
  return e !== null && e.size === o.size && e.checksums?.sha1 === o.sha1;
}

export async function putFile(
  ctx: PutContext,
  path: string,
  localFile: string,
  o: PutOptions,
): Promise<PutResult> {
  // A body shorter than its Content-Length would hang until the timeout, longer would be cut:
  // a file that changed since the caller measured it is refused before any byte is sent.
  const size = o.content ? o.content.length : (await stat(localFile)).size;
  if (size !== o.size) {
    throw new ArsipdError(
      "LOCAL_CHANGED",
      "retryable",
      `${localFile}: is ${size} bytes, expected ${o.size} (changed while queued; will retry)`,
    );
  }
  const headers: Record<string, string> = {
    "Content-Length": String(o.size),
    "Content-Type": "application/octet-stream",
    "X-OC-Mtime": String(Math.floor(o.mtimeMs / 1000)),
  };
  if (o.sha1) headers["OC-Checksum"] = `SHA1:${o.sha1}`;
  let mtimeKept: boolean;

  if ((await ctx.ownCloud()) !== null) {
    if (o.ifMatch) headers["If-Match"] = o.ifMatch;
    if (o.ifNoneMatch) headers["If-None-Match"] = "*";
    const up = await ctx.retry(`PUT ${path}`, o.signal, async (attempt): Promise<Uploaded> => {
      try {
        return await ctx.upload(path, localFile, headers, o);
      } catch (err) {
        if (!isKind(err, "conflict")) throw err;
        if (attempt > 0 && (await alreadyOurs(ctx, path, o))) return { mtimeKept: false };
        throw conflict(
          path,
          o.ifNoneMatch ? "already exists on the remote" : "changed on the remote",
        );
      }
    });
    // OwnCloud stores a PUT carrying OC-Checksum only when the body it received has that SHA-1
    // (and a Content-Length's worth of bytes): its success answer, with the new file's ETag, is
    // the proof a listing would give, without the listing.
    if (o.sha1 && up.etag) {
      const entry: RemoteEntry = {
        path,
        type: "file",
        size: o.size,
        etag: up.etag,
        mtimeMs: up.mtimeKept ? Math.floor(o.mtimeMs / 1000) * 1000 : undefined,
        checksums: { sha1: o.sha1 },
      };
      return { entry, mtimeKept: up.mtimeKept };
    }
    mtimeKept = up.mtimeKept;
  } else {
    if (o.ifMatch) {
      const existing = await ctx.stat(path, o.signal);
      if (!existing || !etagsMatchWeak(existing.etag, o.ifMatch))
        throw conflict(path, "changed on the remote");
    }
    const scratch = ctx.scratchName(path);
    const checkScratch = !(o.ifNoneMatch && o.sizeCheck === "caller");
    try {
      mtimeKept = await ctx.retry(`PUT ${scratch}`, o.signal, async () => {
        const { mtimeKept: kept } = await ctx.upload(scratch, localFile, headers, o);
        if (checkScratch) {
          const e = await ctx.stat(scratch, o.signal);
          if (!e || e.size !== o.size) throw shortWrite(path, e, o.size);
        }
        return kept;
      });
      const overwrite = !o.ifNoneMatch;
      await ctx.retry(`MOVE ${scratch}`, o.signal, async (attempt) => {
        try {
          await ctx.move(scratch, path, overwrite, o.signal);
        } catch (err) {
          if (attempt > 0 && isKind(err, "notFound") && !(await ctx.stat(scratch, o.signal)))
            return;
          if (isKind(err, "conflict")) throw conflict(path, "already exists on the remote");
          throw err;
        }
      });
    } catch (err) {
      await ctx.remove(scratch).catch(() => undefined);
      sweepLater(ctx, scratch);
      throw err;
    }
  }

  if (o.sizeCheck === "caller") return { entry: null, mtimeKept };
  const entry = await ctx.stat(path, o.signal);
  if (!entry || entry.size !== o.size) throw shortWrite(path, entry, o.size);
  return { entry, mtimeKept };
}
