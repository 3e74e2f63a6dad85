/**
 * The read-only web page: GET /, /?q=<words>, /karantina, /kegiatan; anything else 404, any
 * other method 405. Loopback by default (`web.listen`); on another address it refuses to start
 * without `web.password` (HTTP Basic auth, any user name; compared in constant time, never
 * logged) — or keep it on loopback behind a reverse proxy that does the login.
 */
import { timingSafeEqual } from "node:crypto";
import http from "node:http";
import type { Config } from "../config/schema.js";
import type { Secret } from "../config/secret.js";
import { ArsipdError } from "../errors.js";
import type { Logger } from "../log/logger.js";
import { loadActivity, loadQuarantine, loadStatus, searchRegister } from "./data.js";
import { activityPage, homePage, quarantinePage } from "./render.js";

export interface WebServer {
  url: string;
  close(): Promise<void>;
}

const LOOPBACK = /^(127\.\d+\.\d+\.\d+|localhost|\[?::1\]?)$/;

export function parseListen(listen: string): { host: string; port: number } {
  const m = /^(.*):(\d+)$/.exec(listen.trim());
  if (!m) throw new ArsipdError("WEB_LISTEN", "fatal", `web.listen '${listen}' is not host:port`);
  return { host: m[1]!.replace(/^\[|\]$/g, ""), port: Number(m[2]) };
}

function authorised(req: http.IncomingMessage, password: string | undefined): boolean {
  if (password === undefined) return true;
  const m = /^Basic\s+(\S+)$/i.exec(req.headers.authorization ?? "");
  if (!m) return false;
  const pair = Buffer.from(m[1]!, "base64").toString("utf8");
  const given = Buffer.from(pair.slice(pair.indexOf(":") + 1));
  const want = Buffer.from(password);
  return given.length === want.length && timingSafeEqual(given, want);
}

export async function startWebServer(
  config: Config,
  log: Logger,
  password?: Secret,
): Promise<WebServer> {
  const { host, port } = parseListen(config.web.listen);
  const pw = password?.reveal();
  if (!LOOPBACK.test(host) && !pw)
    throw new ArsipdError(
      "WEB_NO_PASSWORD",
      "fatal",
      `web.listen ${config.web.listen} is reachable from the network: set a password (ARSIPD_WEB_PASSWORD) or keep it on 127.0.0.1 behind a reverse proxy`,
    );
  const server = http.createServer((req, res) => {
    handle(req, res).catch((err) => {
      log.warn({ module: "web", err: String(err) }, "web page failed");
      if (!res.headersSent) res.writeHead(500, { "Content-Type": "text/plain; charset=utf-8" });
      res.end("Terjadi kesalahan / Internal error\n");
    });
  });
  async function handle(req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
    const headers = {
      "Content-Type": "text/html; charset=utf-8",
      "Content-Security-Policy":
        "default-src 'none'; style-src 'unsafe-inline'; form-action 'self'",
      "X-Content-Type-Options": "nosniff",
      "Referrer-Policy": "no-referrer",
      "Cache-Control": "no-store",
    };
    if (!authorised(req, pw)) {
      res.writeHead(401, { "WWW-Authenticate": 'Basic realm="arsipd", charset="UTF-8"' });
      res.end("Perlu kata sandi / Password required\n");
      return;
    }
    if (req.method !== "GET" && req.method !== "HEAD") {
      res.writeHead(405, { Allow: "GET, HEAD" });
      res.end();
      return;
    }
    const url = new URL(req.url ?? "/", "http://x");
    let html: string;
    if (url.pathname === "/") {
      const q = (url.searchParams.get("q") ?? "").slice(0, 200);
      const [status, quarantine, hits] = await Promise.all([
        loadStatus(config),
        loadQuarantine(config),
        q.trim() ? searchRegister(config, q) : Promise.resolve(undefined),
      ]);
      html = homePage(status, quarantine.length, q, hits);
    } else if (url.pathname === "/karantina") html = quarantinePage(await loadQuarantine(config));
    else if (url.pathname === "/kegiatan")
      html = activityPage(await loadActivity(config, new Date()));
    else {
      res.writeHead(404, { "Content-Type": "text/plain; charset=utf-8" });
      res.end("Tidak ada / Not found\n");
      return;
    }
    res.writeHead(200, headers);
    res.end(req.method === "HEAD" ? undefined : html);
  }
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(port, host, () => resolve());
  });
  const addr = server.address();
  const actual = typeof addr === "object" && addr ? addr.port : port;
  const url = `http://${host.includes(":") ? `[${host}]` : host}:${actual}/`;
  log.info({ module: "web", url }, "web page listening");
  return {
    url,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
