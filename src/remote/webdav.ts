/**
 * The WebDAV Remote: OwnCloud (status.php, X-OC-Mtime, OC-Checksum, oc:checksums, atomic PUT)
 * and any plain WebDAV server (SabreDAV, Apache mod_dav_fs, nginx dav, rclone, webdav-server).
 * This file only wires the parts, each with one job: the request layer with its one retry helper
 * (dav-http.ts, the only importer of the `webdav` package), listings (dav-list.ts), folders
 * (dav-folders.ts), uploads (webdav-put.ts, dav-upload.ts), moves, reads and deletes
 * (dav-move.ts, dav-read.ts, dav-remove.ts), reachability and the capability probe
 * (dav-probe.ts, dav-caps.ts). See docs/servers.md for what each tested server honours.
 */
import { randomBytes } from "node:crypto";
import type { ArsipdError } from "../errors.js";
import { DavCaps } from "./dav-caps.js";
import { DavFolders } from "./dav-folders.js";
import { DavHttp, type DavHttpOptions, drain, LOGIN_DROPPED } from "./dav-http.js";
import { DavLister } from "./dav-list.js";
import { move, moveRaw } from "./dav-move.js";
import { probeCapabilities } from "./dav-probe.js";
import { read } from "./dav-read.js";
import { removeScratch } from "./dav-remove.js";
import { upload } from "./dav-upload.js";
import { safeUrl } from "./http-errors.js";
import { type OcStatus, probeOcStatus } from "./owncloud-status.js";
import { PROPFIND_BODY } from "./propfind.js";
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
import { type PutContext, putFile } from "./webdav-put.js";

export type WebDavRemoteOptions = DavHttpOptions;

export class WebDavRemote implements Remote {
  readonly description: string;
  readonly #h: DavHttp;
  readonly #caps = new DavCaps();
  readonly #folders: DavFolders;
  readonly #lister: DavLister;
  #status: Promise<OcStatus | null> | undefined;

  constructor(opts: WebDavRemoteOptions) {
    this.#h = new DavHttp(opts);
    const root = this.#h.root;
    this.description = `${safeUrl(this.#h.base)}${root ? `/${root}` : ""}`;
    this.#folders = new DavFolders(this.#h);
    this.#lister = new DavLister(this.#h, (entries) => {
      this.#caps.noteEntries(entries);
      for (const e of entries) if (e.type === "dir") this.#folders.saw(e.path);
    });
  }

  #probeStatus(signal?: AbortSignal): Promise<OcStatus | null> {
    const h = this.#h;
    return probeOcStatus(h.base, (url) =>
      h.once("GET", "", {
        url,
        signal,
        timeoutMs: Math.min(h.o.timeoutMs, 15_000),
        authProof: false,
      }),
    );
  }

  #ownCloud(): Promise<OcStatus | null> {
    this.#status ??= this.#probeStatus().then((s) => {
      this.#caps.ownCloud = s;
      return s;
    });
    return this.#status;
  }

  /** Called before every pass: reachability, login, and (once) what the server honours. */
  async check(signal?: AbortSignal): Promise<RemoteHealth> {
    const h = this.#h;
    this.#folders.reset();
    const status = await this.#probeStatus(signal);
    this.#caps.ownCloud = status;
    this.#status = Promise.resolve(status);
    if (status?.maintenance) {
      return { ok: false, maintenance: true, message: "maintenance mode (OwnCloud)" };
    }
    try {
      // The user's DAV root, not the archive folder: proves URL and login before the first mkdirp.
      // A passing hiccup (a 502 from a proxy) is retried briefly; a refused login never is.
      await h.retry(
        "PROPFIND /",
        signal,
        async () =>
          drain(
            await h.once("PROPFIND", "", {
              url: `${h.base}/`,
              headers: { Depth: "0", "Content-Type": "application/xml; charset=utf-8" },
              data: PROPFIND_BODY,
              signal,
            }),
          ),
        Math.min(2, h.o.retries),
      );
    } catch (err) {
      const e = err as ArsipdError;
      if (e.kind === "notFound")
        return { ok: false, message: "no WebDAV folder at remote.url (404)" };
      if (e.code === "REMOTE_LOGIN_DROPPED")
        return { ok: false, auth: true, loginDropped: true, message: LOGIN_DROPPED };
      if (e.kind === "auth")
        return { ok: false, auth: true, message: `login refused (${e.code.replace("HTTP_", "")})` };
      if (e.code === "HTTP_503")
        return { ok: false, maintenance: true, message: "server unavailable (503)" };
      return { ok: false, message: `unreachable: ${e.message}` };
    }
    if (!this.#caps.probed) await probeCapabilities(h, this.#caps, signal);
    return { ok: true, message: status ? `reachable (ownCloud ${status.version})` : "reachable" };
  }

  async capabilities(): Promise<RemoteCapabilities> {
    await this.#ownCloud();
    return this.#caps.get();
  }

  listDir(dir: string, signal?: AbortSignal): Promise<DirListing> {
    return this.#lister.listDir(dir, signal);
  }

  list(dir = "", signal?: AbortSignal): Promise<RemoteEntry[]> {
    return this.#lister.list(dir, this.#h.o.concurrency, signal);
  }

  stat(path: string, signal?: AbortSignal): Promise<RemoteEntry | null> {
    return this.#lister.stat(path, signal);
  }

  mkdirp(path: string, signal?: AbortSignal): Promise<void> {
    return this.#folders.mkdirp(path, signal);
  }

  put(path: string, localFile: string, opts: PutOptions): Promise<PutResult> {
    return putFile(this.#putContext(), path, localFile, opts);
  }

  #putContext(): PutContext {
    const h = this.#h;
    return {
      ownCloud: () => this.#ownCloud(),
      stat: (p, s) => this.stat(p, s),
      retry: (what, s, fn) => h.retry(what, s, fn),
      upload: (rel, localFile, headers, o) => upload(h, this.#caps, rel, localFile, headers, o),
      move: (from, to, overwrite, s) => moveRaw(h, from, to, overwrite, s),
      remove: (rel) => this.removeScratch(rel),
      // One naming scheme for scratch files, so a full pass can clear what a crash left.
      scratchName: (target) => scratchPathFor(target, randomBytes(6).toString("hex")),
    };
  }

  async move(from: string, to: string, signal?: AbortSignal): Promise<void> {
    await move(this.#h, this.description, (p, s) => this.stat(p, s), from, to, signal);
    this.#folders.forget(from);
  }

  read(path: string, signal?: AbortSignal): Promise<NodeJS.ReadableStream> {
    return read(this.#h, path, signal);
  }

  removeScratch(path: string, signal?: AbortSignal): Promise<void> {
    return removeScratch(this.#h, path, signal);
  }

  async close(): Promise<void> {
    this.#h.close();
  }
}
