/** Builds WebDavRemotes against the test servers, with a quiet or capturing logger. */
import path from "node:path";
import { Writable } from "node:stream";
import pino from "pino";
import { Secret } from "../../src/config/secret.js";
import { WebDavRemote } from "../../src/remote/webdav.js";
import type { DavServer } from "../servers/index.js";

export const ROOT = "/Arsip";

export function captureLogger(): { log: pino.Logger; lines: () => string } {
  let out = "";
  const sink = new Writable({
    write(chunk, _enc, cb) {
      out += chunk.toString();
      cb();
    },
  });
  return { log: pino({ level: "debug" }, sink), lines: () => out };
}

export function makeWebDav(
  s: DavServer,
  o: { url?: string; password?: string; retries?: number; log?: pino.Logger } = {},
): WebDavRemote {
  return new WebDavRemote({
    url: o.url ?? s.url,
    username: s.username,
    password: new Secret(o.password ?? s.password),
    root: ROOT,
    concurrency: 4,
    timeoutMs: 30_000,
    retries: o.retries ?? 3,
    retryBaseDelayMs: 10,
    log: o.log ?? pino({ level: "silent" }),
  });
}

export const rootOnDisk = (s: DavServer) => path.join(s.root, ROOT.slice(1));
