/**
 * The WebDAV Remote: OwnCloud (status.php, X-OC-Mtime, OC-Checksum, oc:checksums, atomic PUT)
 * and any plain WebDAV server (rclone serve webdav, Apache mod_dav …). The only file that imports
 * the `webdav` package. Every request: a per-request timeout, errors mapped once (http-errors.ts),
 * retryable ones retried here with back-off (retry.ts), credentials never in a message.
 */
import { randomBytes } from "node:crypto";
import { getMaxListeners, setMaxListeners } from "node:events";
import { createReadStream } from "node:fs";
import http from "node:http";
import https from "node:https";
import { Readable } from "node:stream";
import { createClient, parseXML, type WebDAVClient } from "webdav";
import type { Secret } from "../config/secret.js";
import { ArsipdError } from "../errors.js";
import type { Logger } from "../log/logger.js";
import { registerSecret } from "../log/redact.js";
import { safeUrl, toArsipdError } from "./http-errors.js";
import { rawPut } from "./http-put.js";
import { type OcStatus, probeOcStatus } from "./owncloud-status.js";
import { hrefPath, PROPFIND_BODY, parseMultistatus } from "./propfind.js";
import { withRetry } from "./retry.js";
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
import { walkTree } from "./walk.js";
import { type PutContext, putFile, type Uploaded } from "./webdav-put.js";

export interface WebDavRemoteOptions {
  /** The user's DAV root: …/remote.php/dav/files/<user>, …/remote.php/webdav, or any WebDAV URL. */
  url: string;
  username?: string | undefined;
  password?: Secret | undefined;
  /** Folder inside `url` that holds the archive, e.g. "/Arsip". */
  root: string;
  concurrency: number;
  timeoutMs: number;
  retries: number;
  log: Logger;
  /** First back-off step (tests shorten it). */
  retryBaseDelayMs?: number;
}

type Headers = Record<string, string>;

function encodePath(p: string): string {
  return p
    .split("/")
    .map((s) => encodeURIComponent(s.normalize("NFC")))
    .join("/");
}

/** Reads an answer whose body nobody needs, so its socket and timeout are released at once. */
async function drain(res: Response): Promise<void> {
  await res.arrayBuffer().catch(() => undefined);
}

function joinRel(a: string, b: string): string {
  return a === "" ? b : b === "" ? a : `${a}/${b}`;
}

/** Upload throughput assumed for the PUT timeout: the per-request timeout plus 64 KiB/s. */
const MIN_UPLOAD_BYTES_PER_SEC = 64 * 1024;

export class WebDavRemote implements Remote {
  readonly description: string;
  readonly #o: WebDavRemoteOptions;
  readonly #client: WebDAVClient;
  readonly #agent: http.Agent;
  /** The Basic credentials the WebDAV client also sends, for the PUTs sent without it. */
  readonly #authorization: string | undefined;
  readonly #base: string;
  readonly #root: string;
  readonly #log: Logger;
  #status: Promise<OcStatus | null> | undefined;
  #mtimeSeen: "accepted" | "ignored" | undefined;
  #sawSha1 = false;
  #sawEtag = false;

  constructor(opts: WebDavRemoteOptions) {
    this.#o = opts;
    this.#base = opts.url.replace(/\/+$/, "");
    const root = opts.root.split("/").filter(Boolean).join("/");
    this.#root = root;
    this.description = `${safeUrl(this.#base)}${root ? `/${root}` : ""}`;
    this.#log = opts.log.child({ module: "remote" });
    const password = opts.password?.reveal();
    if (password) registerSecret(password, opts.username);
    this.#authorization =
      opts.username !== undefined
        ? `Basic ${Buffer.from(`${opts.username}:${password ?? ""}`).toString("base64")}`
        : undefined;
    const https_ = this.#base.startsWith("https:");
    const agentOpts = { keepAlive: true, maxSockets: Math.max(2, opts.concurrency + 2) };
    this.#agent = https_ ? new https.Agent(agentOpts) : new http.Agent(agentOpts);
    this.#client = createClient(this.#base, {
      ...(opts.username !== undefined ? { username: opts.username } : {}),
      ...(password !== undefined ? { password } : {}),
      ...(https_ ? { httpsAgent: this.#agent as https.Agent } : { httpAgent: this.#agent }),
    });
  }

  /** Absolute URL of a Remote path (relative to the root). */
  #url(rel: string): string {
    const p = joinRel(this.#root, rel);
    return p === "" ? `${this.#base}/` : `${this.#base}/${encodePath(p)}`;
  }

  /** Decoded pathname of a Remote path, for matching hrefs. */
  #pathname(rel: string): string {
    return hrefPath(this.#url(rel));
  }

  /** One HTTP request, no retry: timeout, abort and error mapping. */
  async #once(
    method: string,
    rel: string,
    o: {
      headers?: Headers;
      data?: unknown;
      signal?: AbortSignal | undefined;
      timeoutMs?: number;
      url?: string;
    },
  ): Promise<Response> {
    const url = o.url ?? this.#url(rel);
    const what = `${method} ${safeUrl(url)}`;
    // The request's own timeout, which also covers reading the answer's body, and the caller's
    // signal. Not AbortSignal.timeout/any: their timer outlives the request and, when it fires
    // long after the answer, builds a DOMException with a stack for each of thousands of
    // requests (a tenth of a first mirror's CPU in the profile). This one ends with the body.
    // (Nor AbortSignal.any: measured, it cost more CPU than a listener on the caller's signal.)
    const ctl = new AbortController();
    const caller = o.signal;
    const onCallerAbort = () => ctl.abort(caller?.reason);
    const done = () => {
      clearTimeout(timer);
      caller?.removeEventListener("abort", onCallerAbort);
    };
    const timer = setTimeout(() => {
      done();
      ctl.abort(new DOMException("the request timed out", "TimeoutError"));
    }, o.timeoutMs ?? this.#o.timeoutMs);
    timer.unref();
    if (caller?.aborted) ctl.abort(caller.reason);
    else if (caller) {
      // One pass's signal is shared by every request in flight: many listeners are expected.
      if (getMaxListeners(caller) < 64) setMaxListeners(64, caller);
      caller.addEventListener("abort", onCallerAbort, { once: true });
    }
    const signal = ctl.signal;
    let headers = o.headers ?? {};
    let data = o.data;
    if (typeof data === "string") {
      // The HTTP client turns a string body into a stream of its own and, on an abort or a
      // timeout, destroys it with an error nobody can listen to: the process would crash.
      // Our own stream, with its error noted, and an explicit length (no chunked body) instead.
      const bytes = Buffer.from(data);
      const stream = Readable.from([bytes]);
      stream.on("error", () => undefined);
      headers = { ...headers, "Content-Length": String(bytes.length) };
      data = stream;
    }
    try {
      const res = (await this.#client.customRequest("", {
        url,
        method,
        headers,
        ...(data !== undefined ? { data: data as string } : {}),
        signal,
      } as Parameters<WebDAVClient["customRequest"]>[1])) as Response;
      const body = res.body as unknown as NodeJS.ReadableStream | null;
      if (body && typeof body.once === "function") {
        body.once("end", done);
        body.once("close", done);
        body.once("error", done);
      } else done();
      return res;
    } catch (err) {
      done();
      // Let an error answer's body go, so its keep-alive socket returns to the pool.
      const body = (err as { response?: { body?: { resume?: () => void } } }).response?.body;
      body?.resume?.();
      throw toArsipdError(err, what, o.signal?.aborted === true);
    }
  }

  #retry<T>(what: string, signal: AbortSignal | undefined, fn: (attempt: number) => Promise<T>) {
    return withRetry(fn, {
      retries: this.#o.retries,
      signal,
      ...(this.#o.retryBaseDelayMs !== undefined ? { baseDelayMs: this.#o.retryBaseDelayMs } : {}),
      onRetry: (err, attempt, delayMs) =>
        this.#log.warn(
          { op: what, attempt, delayMs, err: err.message },
          "remote request failed, retrying",
        ),
    });
  }

  async #propfind(rel: string, depth: "0" | "1", signal?: AbortSignal): Promise<RemoteEntry[]> {
    return this.#retry(`PROPFIND ${rel}`, signal, async () => {
      const res = await this.#once("PROPFIND", rel, {
        headers: { Depth: depth, "Content-Type": "application/xml; charset=utf-8" },
        data: PROPFIND_BODY,
        signal,
      });
      if (res.status !== 207) {
        throw new ArsipdError(
          "REMOTE_NOT_DAV",
          "fatal",
          `PROPFIND ${safeUrl(this.#url(rel))}: answered ${res.status}, not a WebDAV folder (check remote.url)`,
        );
      }
      const entries = parseMultistatus(await parseXML(await res.text()), this.#pathname(rel));
      for (const e of entries) {
        if (e.type !== "file") continue;
        if (e.checksums?.sha1) this.#sawSha1 = true;
        if (e.etag) this.#sawEtag = true;
      }
      return entries.map((e) => ({ ...e, path: joinRel(rel, e.path) }));
    });
  }

  #probeStatus(signal?: AbortSignal): Promise<OcStatus | null> {
    return probeOcStatus(this.#base, (url) =>
      this.#once("GET", "", { url, signal, timeoutMs: Math.min(this.#o.timeoutMs, 15_000) }),
    );
  }

  #ownCloud(): Promise<OcStatus | null> {
    this.#status ??= this.#probeStatus();
    return this.#status;
  }

  async check(signal?: AbortSignal): Promise<RemoteHealth> {
    const status = await this.#probeStatus(signal);
    if (status) this.#status = Promise.resolve(status);
    if (status?.maintenance) {
      return { ok: false, maintenance: true, message: "maintenance mode (OwnCloud)" };
    }
    try {
      // The user's DAV root, not the archive folder: proves URL and login before the first mkdirp.
      // A passing hiccup (a 502 from a proxy) is retried briefly; a refused login never is.
      await withRetry(
        async () =>
          drain(
            await this.#once("PROPFIND", "", {
              url: `${this.#base}/`,
              headers: { Depth: "0", "Content-Type": "application/xml; charset=utf-8" },
              data: PROPFIND_BODY,
              signal,
            }),
          ),
        {
          retries: Math.min(2, this.#o.retries),
          signal,
          baseDelayMs: this.#o.retryBaseDelayMs ?? 500,
        },
      );
      return { ok: true, message: status ? `reachable (ownCloud ${status.version})` : "reachable" };
    } catch (err) {
      const e = err as ArsipdError;
      if (e.kind === "notFound")
        return { ok: false, message: "no WebDAV folder at remote.url (404)" };
      if (e.kind === "auth")
        return { ok: false, auth: true, message: `login refused (${e.code.replace("HTTP_", "")})` };
      if (e.code === "HTTP_503")
        return { ok: false, maintenance: true, message: "server unavailable (503)" };
      return { ok: false, message: `unreachable: ${e.message}` };
    }
  }

  async capabilities(): Promise<RemoteCapabilities> {
    const oc = await this.#ownCloud();
    return {
      setMtime: this.#mtimeSeen === "accepted",
      checksums: this.#sawSha1 ? ["sha1"] : [],
      etags: this.#sawEtag || oc !== null,
      // OwnCloud propagates folder ETags to the root; a plain WebDAV server may not.
      folderEtags: oc !== null,
    };
  }

  async listDir(dir: string, signal?: AbortSignal): Promise<DirListing> {
    try {
      const entries = await this.#propfind(dir, "1", signal);
      return {
        folder: entries.find((e) => e.path === dir) ?? null,
        children: entries.filter((e) => e.path !== dir),
      };
    } catch (err) {
      if (err instanceof ArsipdError && err.kind === "notFound")
        return { folder: null, children: [] };
      throw err;
    }
  }

  async list(dir = "", signal?: AbortSignal): Promise<RemoteEntry[]> {
    return walkTree(dir, this.#o.concurrency, async (d) =>
      (await this.#propfind(d, "1", signal)).filter((e) => e.path !== d),
    );
  }

  async stat(path: string, signal?: AbortSignal): Promise<RemoteEntry | null> {
    try {
      const entries = await this.#propfind(path, "0", signal);
      return entries.find((e) => e.path === path) ?? entries[0] ?? null;
    } catch (err) {
      if (err instanceof ArsipdError && err.kind === "notFound") return null;
      throw err;
    }
  }

  async mkdirp(path: string, signal?: AbortSignal): Promise<void> {
    const segs = path.split("/").filter(Boolean);
    // The root folder itself, then each level below it.
    const levels = ["", ...segs.map((_, i) => segs.slice(0, i + 1).join("/"))];
    for (const rel of levels) {
      if (rel === "" && this.#root === "") continue;
      await this.#retry(`MKCOL ${rel}`, signal, async () => {
        try {
          await drain(await this.#once("MKCOL", rel, { signal }));
        } catch (err) {
          // 405: something is there already. A file in the way shows up on the next step.
          if (err instanceof ArsipdError && err.code === "HTTP_405") return;
          throw err;
        }
      });
    }
  }

  async put(path: string, localFile: string, opts: PutOptions): Promise<PutResult> {
    return putFile(this.#putContext(), path, localFile, opts);
  }

  /** One PUT with `body` (a stream, or bytes in memory: one write); see http-put.ts. */
  async #sendPut(
    rel: string,
    body: Readable | Buffer,
    headers: Headers,
    o: PutOptions,
  ): Promise<Uploaded> {
    const url = this.#url(rel);
    const res = await rawPut({
      url,
      agent: this.#agent,
      headers,
      authorization: this.#authorization,
      body,
      signal: o.signal,
      timeoutMs: Math.ceil(this.#o.timeoutMs + (1000 * o.size) / MIN_UPLOAD_BYTES_PER_SEC),
      what: `PUT ${safeUrl(url)}`,
    });
    const m = res.header("x-oc-mtime");
    if (m === "accepted") this.#mtimeSeen = "accepted";
    else if (this.#mtimeSeen === undefined) this.#mtimeSeen = "ignored";
    return { mtimeKept: m === "accepted", etag: res.header("oc-etag") };
  }

  #putContext(): PutContext {
    return {
      ownCloud: () => this.#ownCloud(),
      stat: (p: string, s?: AbortSignal) => this.stat(p, s),
      retry: <T>(what: string, s: AbortSignal | undefined, fn: (a: number) => Promise<T>) =>
        this.#retry(what, s, fn),
      upload: async (rel: string, localFile: string, headers: Headers, o: PutOptions) => {
        if (o.content) {
          const up = await this.#sendPut(rel, o.content, headers, o);
          o.onProgress?.(o.content.length);
          return up;
        }
        // rawPut pipes the file into the request and takes on its errors as soon as it is
        // called (synchronously, inside #sendPut); the progress count listens alongside.
        const src = createReadStream(localFile);
        try {
          const up = this.#sendPut(rel, src, headers, o);
          let sent = 0;
          src.on("data", (d: string | Buffer) => {
            sent += d.length;
            o.onProgress?.(sent);
          });
          return await up;
        } finally {
          src.destroy();
        }
      },
      move: (from: string, to: string, overwrite: boolean, s?: AbortSignal) =>
        this.#once("MOVE", from, {
          headers: { Destination: this.#url(to), Overwrite: overwrite ? "T" : "F" },
          signal: s,
        }).then(drain),
      remove: (rel: string) => this.removeScratch(rel),
      // One naming scheme for scratch files, so a full pass can clear what a crash left.
      scratchName: () => scratchPathFor("", randomBytes(6).toString("hex")),
    };
  }

  async move(from: string, to: string, signal?: AbortSignal): Promise<void> {
    await this.#retry(`MOVE ${from}`, signal, async (attempt) => {
      try {
        await drain(
          await this.#once("MOVE", from, {
            headers: { Destination: this.#url(to), Overwrite: "F" },
            signal,
          }),
        );
      } catch (err) {
        // A retry after a lost answer: the first attempt did the move.
        if (attempt > 0 && err instanceof ArsipdError && err.kind === "notFound") {
          if ((await this.stat(to, signal)) && !(await this.stat(from, signal))) return;
        }
        if (err instanceof ArsipdError && err.kind === "conflict") {
          throw new ArsipdError(
            "REMOTE_EXISTS",
            "conflict",
            `${this.description}/${to} already exists`,
          );
        }
        throw err;
      }
    });
  }

  async read(path: string, signal?: AbortSignal): Promise<NodeJS.ReadableStream> {
    return this.#retry(`GET ${path}`, signal, async () => {
      const res = await this.#once("GET", path, { signal, timeoutMs: 24 * 3600_000 });
      return res.body as unknown as NodeJS.ReadableStream;
    });
  }

  async removeScratch(path: string, signal?: AbortSignal): Promise<void> {
    await this.#retry(`DELETE ${path}`, signal, async () => {
      try {
        await drain(await this.#once("DELETE", path, { signal }));
      } catch (err) {
        if (err instanceof ArsipdError && err.kind === "notFound") return;
        throw err;
      }
    });
  }

  async close(): Promise<void> {
    this.#agent.destroy();
  }
}
