/**
 * The WebDAV request layer: the only file that imports the `webdav` package. One request at a
 * time with its own timeout and the caller's abort (`once`), errors mapped once (http-errors.ts),
 * and ONE retry helper (`retry`, with `call` = retry + once + drain for answers whose body nobody
 * needs). Credentials never reach a message; a 401 after this login was accepted once becomes
 * the "the server may not pass the login through" error (Apache + PHP-FPM without CGIPassAuth).
 */
import { getMaxListeners, setMaxListeners } from "node:events";
import http from "node:http";
import https from "node:https";
import { Readable } from "node:stream";
import { createClient, parseXML, type WebDAVClient } from "webdav";
import type { Secret } from "../config/secret.js";
import { ArsipdError } from "../errors.js";
import type { Logger } from "../log/logger.js";
import { registerSecret } from "../log/redact.js";
import { safeUrl, toArsipdError } from "./http-errors.js";
import { hrefPath } from "./propfind.js";
import { withRetry } from "./retry.js";

export type Headers = Record<string, string>;

export interface DavHttpOptions {
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

export interface RequestOptions {
  headers?: Headers;
  data?: unknown;
  signal?: AbortSignal | undefined;
  timeoutMs?: number;
  /** An absolute URL instead of the Remote path's. */
  url?: string;
  /** false for requests that need no login (status.php): their success proves nothing. */
  authProof?: boolean;
}

export function joinRel(a: string, b: string): string {
  return a === "" ? b : b === "" ? a : `${a}/${b}`;
}

function encodePath(p: string): string {
  return p
    .split("/")
    .map((s) => encodeURIComponent(s.normalize("NFC")))
    .join("/");
}

/** Reads an answer whose body nobody needs, so its socket and timeout are released at once. */
export async function drain(res: Response): Promise<void> {
  await res.arrayBuffer().catch(() => undefined);
}

/** Parses a multistatus body (prefixes stripped, repeated elements as arrays). */
export function parseXml(body: string): Promise<unknown> {
  return parseXML(body);
}

/** Message of a 401 to a login the server accepted before in this process. */
export const LOGIN_DROPPED =
  "the server refused a login it accepted before: it may not pass the login through to WebDAV " +
  "(Apache with PHP-FPM needs `CGIPassAuth On`; see docs/servers.md); the password is not the problem";

export class DavHttp {
  readonly o: DavHttpOptions;
  readonly base: string;
  /** The archive folder inside `base`, without slashes at either end. */
  readonly root: string;
  readonly agent: http.Agent;
  readonly log: Logger;
  /** The Basic credentials the WebDAV client also sends, for requests sent without it. */
  readonly authorization: string | undefined;
  readonly #client: WebDAVClient;
  /** Set once any authenticated request succeeded: a later 401 is then not a wrong password. */
  loginAccepted = false;

  constructor(opts: DavHttpOptions) {
    this.o = opts;
    this.base = opts.url.replace(/\/+$/, "");
    this.root = opts.root.split("/").filter(Boolean).join("/");
    this.log = opts.log.child({ module: "remote" });
    const password = opts.password?.reveal();
    if (password) registerSecret(password, opts.username);
    this.authorization =
      opts.username !== undefined
        ? `Basic ${Buffer.from(`${opts.username}:${password ?? ""}`).toString("base64")}`
        : undefined;
    const https_ = this.base.startsWith("https:");
    const agentOpts = { keepAlive: true, maxSockets: Math.max(2, opts.concurrency + 2) };
    this.agent = https_ ? new https.Agent(agentOpts) : new http.Agent(agentOpts);
    this.#client = createClient(this.base, {
      ...(opts.username !== undefined ? { username: opts.username } : {}),
      ...(password !== undefined ? { password } : {}),
      ...(https_ ? { httpsAgent: this.agent as https.Agent } : { httpAgent: this.agent }),
    });
  }

  /** Absolute URL of a Remote path (relative to the root); folders get a trailing slash. */
  url(rel: string, folder = false): string {
    const p = joinRel(this.root, rel);
    if (p === "") return `${this.base}/`;
    return `${this.base}/${encodePath(p)}${folder ? "/" : ""}`;
  }

  /** Decoded pathname of a Remote path, for matching hrefs. */
  pathname(rel: string): string {
    return hrefPath(this.url(rel));
  }

  /** Turns a 401 after an accepted login into the pass-through hint; notes accepted logins. */
  noteAuth<T>(p: Promise<T>): Promise<T> {
    return p.then(
      (v) => {
        if (this.authorization) this.loginAccepted = true;
        return v;
      },
      (err) => {
        throw this.authError(err);
      },
    );
  }

  authError(err: unknown): unknown {
    if (
      this.loginAccepted &&
      this.authorization &&
      err instanceof ArsipdError &&
      err.code === "HTTP_401"
    )
      return new ArsipdError(
        "REMOTE_LOGIN_DROPPED",
        "auth",
        `${err.message.replace(/ \(login refused[^)]*\)$/, "")}: ${LOGIN_DROPPED}`,
        { cause: err },
      );
    return err;
  }

  /** One HTTP request, no retry: timeout, abort and error mapping. */
  async once(method: string, rel: string, o: RequestOptions & { folder?: boolean } = {}) {
    const url = o.url ?? this.url(rel, o.folder);
    const what = `${method} ${safeUrl(url)}`;
    // The request's own timeout, which also covers reading the answer's body, and the caller's
    // signal. Not AbortSignal.timeout/any: their timer outlives the request and, when it fires
    // long after the answer, builds a DOMException with a stack for each of thousands of
    // requests (a tenth of a first mirror's CPU in the profile). This one ends with the body.
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
    }, o.timeoutMs ?? this.o.timeoutMs);
    timer.unref();
    if (caller?.aborted) ctl.abort(caller.reason);
    else if (caller) {
      // One pass's signal is shared by every request in flight: many listeners are expected.
      if (getMaxListeners(caller) < 64) setMaxListeners(64, caller);
      caller.addEventListener("abort", onCallerAbort, { once: true });
    }
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
        signal: ctl.signal,
      } as Parameters<WebDAVClient["customRequest"]>[1])) as Response;
      const body = res.body as unknown as NodeJS.ReadableStream | null;
      if (body && typeof body.once === "function") {
        body.once("end", done);
        body.once("close", done);
        body.once("error", done);
      } else done();
      if (this.authorization && o.authProof !== false) this.loginAccepted = true;
      return res;
    } catch (err) {
      done();
      // Let an error answer's body go, so its keep-alive socket returns to the pool.
      const b = (err as { response?: { body?: { resume?: () => void } } }).response?.body;
      b?.resume?.();
      throw this.authError(toArsipdError(err, what, o.signal?.aborted === true));
    }
  }

  /** The one retry loop: retryable errors only, bounded, with back-off, logged. */
  retry<T>(
    what: string,
    signal: AbortSignal | undefined,
    fn: (attempt: number) => Promise<T>,
    retries = this.o.retries,
  ): Promise<T> {
    return withRetry(fn, {
      retries,
      signal,
      ...(this.o.retryBaseDelayMs !== undefined ? { baseDelayMs: this.o.retryBaseDelayMs } : {}),
      onRetry: (err, attempt, delayMs) =>
        this.log.warn(
          { op: what, attempt, delayMs, err: err.message },
          "remote request failed, retrying",
        ),
    });
  }

  /** A retried request whose answer body nobody needs. */
  call(
    method: string,
    rel: string,
    o: RequestOptions & { folder?: boolean } = {},
    onError?: (err: unknown, attempt: number) => Promise<void> | void,
  ): Promise<void> {
    return this.retry(`${method} ${rel}`, o.signal, async (attempt) => {
      try {
        await drain(await this.once(method, rel, o));
      } catch (err) {
        if (!onError) throw err;
        await onError(err, attempt);
      }
    });
  }

  close(): void {
    this.agent.destroy();
  }
}
