/**
 * A folder standing in for OwnCloud (the default ./data/mirror, or a NAS mount). Implements the
 * Remote contract with plain file-system calls:
 * - put copies to a hidden scratch file beside the target, fsyncs it, sets the mtime, checks
 *   If-Match / If-None-Match, renames it into place (atomic) and fsyncs the folder;
 * - etag = size + mtime (ns) + inode: a put always creates a new inode, an edit in place changes
 *   the mtime, so it changes with the content;
 * - move never overwrites: a hard link (fails if the target exists) then unlink of the source;
 *   where links are unsupported, a check and rename serialised by an in-process lock;
 * - no checksums; the mtime we send is kept.
 * Conditional checks are exact within this process; another process writing the same folder at
 * the same instant could slip between the check and the rename (the journal lock keeps a second
 * arsipd out).
 */

import { randomBytes } from "node:crypto";
import { createReadStream, createWriteStream } from "node:fs";
import { lstat, mkdir, open, readdir, rename, stat, unlink, utimes } from "node:fs/promises";
import path from "node:path";
import { Readable, Transform } from "node:stream";
import { pipeline } from "node:stream/promises";
import { ArsipdError } from "../errors.js";
import { fsyncDir } from "../state/durable.js";
import { placeNoClobber } from "../util/no-clobber.js";
import { localError } from "./local-errors.js";
import { scratchPathFor } from "./scratch.js";
import type {
  DirListing,
  PutOptions,
  PutResult,
  Remote,
  RemoteCapabilities,
  RemoteEntry,
  RemoteHealth,
} from "./types.js";

export class LocalRemote implements Remote {
  readonly description: string;
  private readonly root: string;
  private readonly locks = new Map<string, Promise<void>>();

  constructor(rootDir: string) {
    this.root = path.resolve(rootDir);
    this.description = `local folder ${this.root}`;
  }

  async check(): Promise<RemoteHealth> {
    try {
      const st = await stat(this.root);
      if (!st.isDirectory()) return { ok: false, message: `${this.root} is not a folder` };
      return { ok: true, message: "reachable" };
    } catch (err) {
      // Like a WebDAV server without the archive folder yet: fine if it can be created there.
      if ((err as NodeJS.ErrnoException).code === "ENOENT") {
        const parent = await stat(path.dirname(this.root)).catch(() => undefined);
        if (parent?.isDirectory())
          return { ok: true, message: "reachable (folder not created yet)" };
        return {
          ok: false,
          message: `folder ${this.root} does not exist; create it or fix remote.path`,
        };
      }
      return { ok: false, message: localError("open", "", err).message };
    }
  }

  async capabilities(): Promise<RemoteCapabilities> {
    // A local folder's mtime changes only for its direct children: no propagated folder ETags.
    return { setMtime: true, checksums: [], etags: true, folderEtags: false };
  }

  async list(dir = ""): Promise<RemoteEntry[]> {
    return this.#entriesBelow(dir, true);
  }

  async listDir(dir: string): Promise<DirListing> {
    const folder = await this.entry(this.clean(dir), true);
    if (folder?.type !== "dir") return { folder: null, children: [] };
    return { folder, children: await this.#entriesBelow(dir, false) };
  }

  async #entriesBelow(dir: string, recursive: boolean): Promise<RemoteEntry[]> {
    const out: RemoteEntry[] = [];
    const walk = async (rel: string): Promise<void> => {
      let names: string[];
      try {
        names = await readdir(this.abs(rel));
      } catch (err) {
        const code = (err as NodeJS.ErrnoException).code;
        if (code === "ENOENT" || code === "ENOTDIR") return;
        throw localError("list", rel, err);
      }
      names.sort();
      for (const name of names) {
        const child = rel ? `${rel}/${name.normalize("NFC")}` : name.normalize("NFC");
        const e = await this.entry(child, true);
        if (!e) continue;
        out.push(e);
        if (recursive && e.type === "dir") await walk(child);
      }
    };
    await walk(this.clean(dir));
    return out;
  }

  async stat(p: string): Promise<RemoteEntry | null> {
    return this.entry(this.clean(p), false);
  }

  async mkdirp(p: string): Promise<void> {
    try {
      await mkdir(this.abs(this.clean(p)), { recursive: true });
    } catch (err) {
      throw localError("mkdir", p, err);
    }
  }

  async put(p: string, localFile: string, opts: PutOptions): Promise<PutResult> {
    const rel = this.clean(p);
    if (rel === "") throw new ArsipdError("LOCAL_BAD_PATH", "fatal", "put: empty path");
    const target = this.abs(rel);
    const scratch = this.abs(scratchPathFor(rel, randomBytes(6).toString("hex")));
    let sent = 0;
    try {
      const counter = new Transform({
        transform(chunk: Buffer, _enc, cb) {
          sent += chunk.length;
          opts.onProgress?.(sent);
          cb(null, chunk);
        },
      });
      const out = createWriteStream(scratch, { flags: "wx", mode: 0o644 });
      await pipeline(
        opts.content ? Readable.from([opts.content]) : createReadStream(localFile),
        counter,
        out,
        opts.signal ? { signal: opts.signal } : {},
      );
      // Aborted while the last chunk was written: the pipeline may have finished all the same;
      // an aborted upload is never committed.
      opts.signal?.throwIfAborted();
      if (sent !== opts.size) {
        throw new ArsipdError(
          "LOCAL_SIZE_CHANGED",
          "retryable",
          `put ${rel}: the local file changed while it was copied (${sent} bytes, expected ${opts.size})`,
        );
      }
      const fh = await open(scratch, "r+");
      await fh.sync();
      await fh.close();
      const t = new Date(opts.mtimeMs);
      await utimes(scratch, t, t);
      await this.locked(rel, async () => {
        if (opts.ifNoneMatch) {
          await placeNoClobber(scratch, target); // EEXIST if something is there
        } else {
          if (opts.ifMatch !== undefined) {
            const cur = await this.entry(rel, false);
            if (!cur || cur.etag !== opts.ifMatch)
              throw new ArsipdError(
                "LOCAL_PRECONDITION",
                "conflict",
                `put ${rel}: the mirror copy changed since arsipd last wrote it`,
              );
          }
          await rename(scratch, target);
        }
      });
      await fsyncDir(path.dirname(target));
    } catch (err) {
      await unlink(scratch).catch(() => undefined);
      throw localError("put", rel, err);
    }
    const entry = await this.entry(rel, false);
    if (!entry || entry.size !== opts.size)
      throw new ArsipdError("LOCAL_SIZE_MISMATCH", "retryable", `put ${rel}: size check failed`);
    return { entry, mtimeKept: true };
  }

  async move(from: string, to: string): Promise<void> {
    const a = this.clean(from);
    const b = this.clean(to);
    const src = await this.entry(a, false);
    if (!src) throw new ArsipdError("LOCAL_NOT_FOUND", "notFound", `move ${a}: not found`);
    try {
      await this.locked(b, async () => {
        if (src.type === "file") return await placeNoClobber(this.abs(a), this.abs(b));
        if (await this.entry(b, false))
          throw new ArsipdError("LOCAL_EXISTS", "conflict", `move ${a} → ${b}: target exists`);
        await rename(this.abs(a), this.abs(b));
      });
      await fsyncDir(path.dirname(this.abs(b)));
      await fsyncDir(path.dirname(this.abs(a)));
    } catch (err) {
      throw localError("move", `${a} → ${b}`, err);
    }
  }

  async read(p: string): Promise<NodeJS.ReadableStream> {
    const rel = this.clean(p);
    const e = await this.entry(rel, false);
    if (e?.type !== "file")
      throw new ArsipdError("LOCAL_NOT_FOUND", "notFound", `read ${rel}: not found`);
    return createReadStream(this.abs(rel));
  }

  async removeScratch(p: string): Promise<void> {
    try {
      await unlink(this.abs(this.clean(p)));
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== "ENOENT") throw localError("remove", p, err);
    }
  }

  /** Runs `fn` while no other call of this instance works on `rel`. */
  private async locked(rel: string, fn: () => Promise<void>): Promise<void> {
    const prev = this.locks.get(rel) ?? Promise.resolve();
    const run = prev.then(fn);
    const tail = run.catch(() => undefined);
    this.locks.set(rel, tail);
    try {
      await run;
    } finally {
      if (this.locks.get(rel) === tail) this.locks.delete(rel);
    }
  }

  private async entry(rel: string, quiet: boolean): Promise<RemoteEntry | null> {
    let st: import("node:fs").BigIntStats;
    try {
      st = await lstat(this.abs(rel), { bigint: true });
    } catch (err) {
      const code = (err as NodeJS.ErrnoException).code;
      if (code === "ENOENT" || code === "ENOTDIR") return null;
      if (quiet) return null;
      throw localError("stat", rel, err);
    }
    if (st.isDirectory()) return { path: rel, type: "dir", size: 0, mtimeMs: Number(st.mtimeMs) };
    if (!st.isFile()) return null; // symlinks and devices are not part of the mirror
    const size = Number(st.size);
    return {
      path: rel,
      type: "file",
      size,
      mtimeMs: Number(st.mtimeNs / 1_000_000n),
      etag: `${st.size.toString(16)}-${st.mtimeNs.toString(16)}-${st.ino.toString(16)}`,
    };
  }

  /** Validates a contract path: relative POSIX, no "." / ".." segments. */
  private clean(p: string): string {
    const rel = p.replace(/^\/+|\/+$/g, "");
    if (rel === "") return "";
    for (const seg of rel.split("/")) {
      if (seg === "" || seg === "." || seg === "..")
        throw new ArsipdError("LOCAL_BAD_PATH", "fatal", `invalid remote path: ${p}`);
    }
    return rel.normalize("NFC");
  }

  private abs(rel: string): string {
    return rel === "" ? this.root : path.join(this.root, ...rel.split("/"));
  }
}
