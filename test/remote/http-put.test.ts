/**
 * rawPut against a server that answers before reading the body and then stops reading (as a
 * server refusing an upload may): every such PUT fails at once with the answer's kind, and the
 * sockets do not stay taken (more refused PUTs than the pool has sockets all come back).
 */

import http from "node:http";
import net from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ArsipdError } from "../../src/errors.js";
import { rawPut } from "../../src/remote/http-put.js";

describe("rawPut and an early answer", () => {
  let server: net.Server;
  let url: string;
  const sockets = new Set<net.Socket>();
  beforeAll(async () => {
    // Reads the request head, answers 507 at once, keeps the connection and never reads again.
    server = net.createServer((sock) => {
      sockets.add(sock);
      let head = "";
      const onData = (d: Buffer) => {
        head += d.toString("latin1");
        if (!head.includes("\r\n\r\n")) return;
        sock.off("data", onData);
        sock.pause();
        sock.write("HTTP/1.1 507 Insufficient Storage\r\nContent-Length: 0\r\n\r\n");
      };
      sock.on("data", onData);
      sock.on("error", () => undefined);
    });
    await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
    url = `http://127.0.0.1:${(server.address() as net.AddressInfo).port}/f.pdf`;
  });
  afterAll(async () => {
    for (const s of sockets) s.destroy();
    await new Promise((r) => server.close(r));
  });

  it("fails each PUT with quota and gives its socket back", async () => {
    const agent = new http.Agent({ keepAlive: true, maxSockets: 2 });
    const body = Buffer.alloc(16 << 20, 1); // far more than the socket buffers take
    const kinds: string[] = [];
    for (let i = 0; i < 5; i++) {
      const err = await rawPut({
        url,
        agent,
        headers: { "Content-Length": String(body.length) },
        authorization: undefined,
        body,
        timeoutMs: 30_000,
        what: `PUT ${url}`,
      }).catch((e: unknown) => e);
      kinds.push(err instanceof ArsipdError ? err.kind : String(err));
    }
    expect(kinds).toEqual(["quota", "quota", "quota", "quota", "quota"]);
    agent.destroy();
  });
});
