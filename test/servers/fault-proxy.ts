/**
 * A fault-injecting HTTP proxy in front of a real server, on a random 127.0.0.1 port. Requests
 * pass through untouched (Host included, so servers that check the MOVE Destination host still
 * agree) unless a queued fault matches; each fault is used once, in order. Every request is
 * recorded (method, path, headers, body bytes seen) so tests can count attempts and check headers.
 */
import http from "node:http";
import type { AddressInfo } from "node:net";

export type Fault =
  /** Answer this status without reaching the server (the request body is read first). */
  | { kind: "status"; status: number; retryAfter?: string; body?: string }
  /** Forward the request, then cut the connection instead of answering. */
  | { kind: "dropBeforeResponse" }
  /** Cut the connection after `afterBytes` bytes of the request body (the server gets a partial body, then a reset). */
  | { kind: "dropMidBody"; afterBytes: number }
  /** Wait, then forward. */
  | { kind: "delay"; ms: number };

export interface FaultMatch {
  method?: string;
  /** Substring or pattern of the request path (as sent, percent-encoded). */
  path?: string | RegExp;
}

export interface RecordedRequest {
  method: string;
  path: string;
  headers: http.IncomingHttpHeaders;
  bodyBytes: number;
  fault?: Fault["kind"];
}

export interface FaultProxy {
  /** Same shape as the target URL, with the proxy's origin. */
  url: string;
  port: number;
  requests: RecordedRequest[];
  inject(fault: Fault, match?: FaultMatch): void;
  /** Faults still waiting for a request. */
  pending(): number;
  close(): Promise<void>;
}

export async function startFaultProxy(targetUrl: string): Promise<FaultProxy> {
  const target = new URL(targetUrl);
  const queue: { fault: Fault; match: FaultMatch }[] = [];
  const requests: RecordedRequest[] = [];
  const sockets = new Set<import("node:net").Socket>();

  const take = (req: http.IncomingMessage): Fault | undefined => {
    const i = queue.findIndex(({ match }) => {
      if (match.method && match.method.toUpperCase() !== req.method) return false;
      if (match.path !== undefined) {
        const p = req.url ?? "";
        if (typeof match.path === "string" ? !p.includes(match.path) : !match.path.test(p))
          return false;
      }
      return true;
    });
    if (i < 0) return undefined;
    return queue.splice(i, 1)[0]!.fault;
  };

  const server = http.createServer((req, res) => {
    const fault = take(req);
    const rec: RecordedRequest = {
      method: req.method ?? "",
      path: req.url ?? "",
      headers: req.headers,
      bodyBytes: 0,
      ...(fault ? { fault: fault.kind } : {}),
    };
    requests.push(rec);
    req.on("data", (d: Buffer) => {
      rec.bodyBytes += d.length;
    });
    // Held until forwarded: a delayed request's body (a PROPFIND's XML) must not flow away first.
    if (fault?.kind === "delay") req.pause();

    if (fault?.kind === "status") {
      req.resume();
      req.on("end", () => {
        const headers: Record<string, string> = { "content-type": "text/plain" };
        if (fault.retryAfter !== undefined) headers["retry-after"] = fault.retryAfter;
        res.writeHead(fault.status, headers);
        res.end(fault.body ?? `injected ${fault.status}\n`);
      });
      return;
    }

    const forward = () => {
      const up = http.request({
        host: target.hostname,
        port: target.port,
        method: req.method,
        path: req.url,
        headers: req.headers,
      });
      up.on("error", () => req.socket.destroy());
      up.on("response", (ur) => {
        if (fault?.kind === "dropBeforeResponse") {
          ur.resume();
          req.socket.destroy();
          return;
        }
        res.writeHead(ur.statusCode ?? 502, ur.headers);
        ur.pipe(res);
      });
      if (fault?.kind === "dropMidBody") {
        let seen = 0;
        req.on("data", (d: Buffer) => {
          if (seen >= fault.afterBytes) return;
          const part = d.subarray(0, fault.afterBytes - seen);
          seen += d.length;
          up.write(part);
          if (seen >= fault.afterBytes) {
            up.destroy();
            req.socket.destroy();
          }
        });
        req.on("end", () => {
          up.destroy();
          req.socket.destroy();
        });
        return;
      }
      req.pipe(up);
    };
    if (fault?.kind === "delay") setTimeout(forward, fault.ms);
    else forward();
  });
  server.on("connection", (s) => {
    sockets.add(s);
    s.on("close", () => sockets.delete(s));
  });
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
  const port = (server.address() as AddressInfo).port;
  const url = new URL(targetUrl);
  url.port = String(port);
  return {
    url: url.toString().replace(/\/$/, ""),
    port,
    requests,
    inject(fault, match = {}) {
      queue.push({ fault, match });
    },
    pending: () => queue.length,
    close: () =>
      new Promise<void>((r) => {
        for (const s of sockets) s.destroy();
        server.close(() => r());
      }),
  };
}
