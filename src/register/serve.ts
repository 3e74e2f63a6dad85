/**
 * Serves the JDIHN feed file read-only over HTTP for the JDIHN harvester: GET and HEAD of `/`
 * or `/<feed file name>`, `application/json; charset=utf-8`, a strong ETag (SHA-256 of the
 * bytes) honoured in If-None-Match (304), 405 with `Allow` for any other method, 404 for other
 * paths, 503 while the feed has not been built. The file is re-read when its mtime or size
 * changes, so a rebuild is served at once.
 */

import { createHash } from "node:crypto";
import http from "node:http";
import path from "node:path";
import { ArsipdError } from "../errors.js";
import { openRegular, SMALL_FILE_CAP, TooLargeError } from "../util/safe-open.js";

export interface FeedServer {
  server: http.Server;
  /** "host:port" actually bound. */
  address: string;
  close(): Promise<void>;
}

export async function serveFeed(file: string, listen: string): Promise<FeedServer> {
  const m = /^(.*):(\d+)$/.exec(listen);
  if (!m)
    throw new ArsipdError("LISTEN_FAILED", "fatal", `listen address '${listen}' is not host:port`);
  const host = m[1]!.replace(/^\[|\]$/g, "");
  const port = Number(m[2]);
  const name = `/${path.basename(file)}`;
  let cached: { key: string; body: Buffer; etag: string } | undefined;

  async function load(): Promise<typeof cached> {
    // Opened without following links and checked regular on the open descriptor: a jdihn.json
    // that is a symlink (to /etc/passwd) or a FIFO is "not built", never served or waited on.
    const { fh, size } = await openRegular(file);
    try {
      const st = await fh.stat();
      const key = `${st.mtimeMs}:${size}`;
      if (cached?.key !== key) {
        if (size > SMALL_FILE_CAP) throw new TooLargeError(file, SMALL_FILE_CAP);
        const body = await fh.readFile();
        cached = { key, body, etag: `"${createHash("sha256").update(body).digest("hex")}"` };
      }
      return cached;
    } finally {
      await fh.close();
    }
  }

  const server = http.createServer((req, res) => {
    let pathname: string;
    try {
      pathname = new URL(req.url ?? "/", "http://x").pathname;
    } catch {
      // A target URL cannot parse (`//[`): the client's fault, never the server's end.
      res.writeHead(400, { "Content-Type": "text/plain; charset=utf-8" });
      res.end("Bad Request\n");
      return;
    }
    if (req.method !== "GET" && req.method !== "HEAD") {
      res.writeHead(405, { Allow: "GET, HEAD", "Content-Type": "text/plain; charset=utf-8" });
      res.end("Method Not Allowed\n");
      return;
    }
    if (pathname !== "/" && pathname !== name) {
      res.writeHead(404, { "Content-Type": "text/plain; charset=utf-8" });
      res.end("Not Found\n");
      return;
    }
    load().then(
      (feed) => {
        const f = feed!;
        const headers = {
          "Content-Type": "application/json; charset=utf-8",
          ETag: f.etag,
          "Cache-Control": "no-cache",
          "X-Content-Type-Options": "nosniff",
        };
        const inm = req.headers["if-none-match"];
        if (inm?.split(",").some((t) => t.trim() === f.etag || t.trim() === "*")) {
          res.writeHead(304, headers);
          res.end();
          return;
        }
        res.writeHead(200, { ...headers, "Content-Length": f.body.length });
        res.end(req.method === "HEAD" ? undefined : f.body);
      },
      () => {
        res.writeHead(503, { "Content-Type": "text/plain; charset=utf-8", "Retry-After": "60" });
        res.end("Feed not built yet\n");
      },
    );
  });
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(port, host, () => resolve());
  });
  const a = server.address();
  const address =
    a && typeof a === "object"
      ? `${a.address.includes(":") ? `[${a.address}]` : a.address}:${a.port}`
      : listen;
  return {
    server,
    address,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
