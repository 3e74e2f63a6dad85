/**
 * One PUT sent with node:http directly rather than through the WebDAV client's fetch layer.
 * The PUT is the request a first mirror makes thousands of times, and that layer costs CPU the
 * upload does not need (Headers objects, a stream pipeline per answer with its own
 * AbortController and AbortError): measured on 2,000 uploads, about a fifth of the client's CPU.
 *
 * Contract: resolves with the status and headers of a 2xx answer once its body is read (so the
 * keep-alive socket goes back to the pool); rejects with an ArsipdError (http-errors.ts) for any
 * other status, a network error, the timeout (which also covers sending the body) or the
 * caller's abort. The Authorization value never appears in an error.
 */
import http, { type IncomingHttpHeaders } from "node:http";
import https from "node:https";
import type { Readable } from "node:stream";
import { httpError, parseRetryAfter, toArsipdError } from "./http-errors.js";

export interface RawPut {
  url: string;
  agent: http.Agent;
  headers: Record<string, string>;
  /** "Basic …" or undefined for no login. */
  authorization: string | undefined;
  body: Buffer | Readable;
  signal?: AbortSignal | undefined;
  timeoutMs: number;
  /** "PUT https://cloud/…/x.pdf", credential-free, for messages. */
  what: string;
}

export interface RawAnswer {
  status: number;
  header(name: string): string | undefined;
}

export function rawPut(o: RawPut): Promise<RawAnswer> {
  return new Promise<RawAnswer>((resolve, reject) => {
    if (o.signal?.aborted) {
      reject(toArsipdError(o.signal.reason, o.what, true));
      return;
    }
    let settled = false;
    const headers = {
      ...o.headers,
      ...(o.authorization ? { Authorization: o.authorization } : {}),
    };
    const send = o.url.startsWith("https:") ? https.request : http.request;
    const req = send(o.url, { method: "PUT", agent: o.agent, headers });
    const finish = (err: unknown, answer?: RawAnswer) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      o.signal?.removeEventListener("abort", onAbort);
      if (answer) resolve(answer);
      else reject(err);
    };
    const onAbort = () => {
      req.destroy();
      finish(toArsipdError(o.signal?.reason, o.what, true));
    };
    const timer = setTimeout(() => {
      req.destroy();
      finish(toArsipdError(new DOMException("timed out", "TimeoutError"), o.what));
    }, o.timeoutMs);
    timer.unref();
    o.signal?.addEventListener("abort", onAbort, { once: true });
    req.on("error", (err) => finish(toArsipdError(err, o.what)));
    req.on("response", (res) => {
      const status = res.statusCode ?? 0;
      const get = (h: IncomingHttpHeaders, name: string) => {
        const v = h[name.toLowerCase()];
        return Array.isArray(v) ? v.join(", ") : v;
      };
      res.on("error", (err) => finish(toArsipdError(err, o.what)));
      res.on("end", () => {
        // A server may answer (401, 413, 507 …) before it has read the whole body and then stop
        // reading: the rest of the body could never be sent, and the socket would stay taken
        // from the pool for good. Such a request is ended here.
        if (!req.writableFinished) req.destroy();
        if (status >= 200 && status < 300)
          finish(undefined, { status, header: (n) => get(res.headers, n) });
        else {
          const after = parseRetryAfter(get(res.headers, "retry-after"), Date.now());
          finish(httpError(status, o.what, after));
        }
      });
      res.resume();
    });
    if (Buffer.isBuffer(o.body)) req.end(o.body);
    else {
      const body = o.body;
      body.on("error", (err) => {
        req.destroy();
        finish(toArsipdError(err, o.what));
      });
      body.pipe(req);
    }
  });
}
