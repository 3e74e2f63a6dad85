/**
 * One PUT of a whole file (http-put.ts: node:http directly, for speed), from the caller's bytes or
 * streamed from the local file with progress; the answer's X-OC-Mtime goes to the capabilities.
 */
import { createReadStream } from "node:fs";
import type { Readable } from "node:stream";
import type { DavCaps } from "./dav-caps.js";
import type { DavHttp, Headers } from "./dav-http.js";
import { safeUrl } from "./http-errors.js";
import { rawPut } from "./http-put.js";
import type { PutOptions } from "./types.js";
import type { Uploaded } from "./webdav-put.js";

/** Upload throughput assumed for the PUT timeout: the per-request timeout plus 64 KiB/s. */
const MIN_UPLOAD_BYTES_PER_SEC = 64 * 1024;

async function send(
  h: DavHttp,
  caps: DavCaps,
  rel: string,
  body: Readable | Buffer,
  headers: Headers,
  o: PutOptions,
): Promise<Uploaded> {
  const url = h.url(rel);
  const res = await h.noteAuth(
    rawPut({
      url,
      agent: h.agent,
      headers,
      authorization: h.authorization,
      body,
      signal: o.signal,
      timeoutMs: Math.ceil(h.o.timeoutMs + (1000 * o.size) / MIN_UPLOAD_BYTES_PER_SEC),
      what: `PUT ${safeUrl(url)}`,
    }),
  );
  const m = res.header("x-oc-mtime");
  caps.notePut(m);
  return { mtimeKept: m === "accepted", etag: res.header("oc-etag") };
}

export async function upload(
  h: DavHttp,
  caps: DavCaps,
  rel: string,
  localFile: string,
  headers: Headers,
  o: PutOptions,
): Promise<Uploaded> {
  if (o.content) {
    const up = await send(h, caps, rel, o.content, headers, o);
    o.onProgress?.(o.content.length);
    return up;
  }
  // rawPut pipes the file into the request and takes on its errors as soon as it is called
  // (synchronously, inside send); the progress count listens alongside.
  const src = createReadStream(localFile);
  try {
    const up = send(h, caps, rel, src, headers, o);
    let sent = 0;
    src.on("data", (d: string | Buffer) => {
      sent += d.length;
      o.onProgress?.(sent);
    });
    return await up;
  } finally {
    src.destroy();
  }
}
