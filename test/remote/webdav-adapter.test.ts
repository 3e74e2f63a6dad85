/**
 * WebDavRemote behaviour beyond the contract, against a real SabreDAV server behind the
 * fault-injecting proxy: retries, Retry-After, dropped connections, auth and quota errors, the
 * headers really sent, maintenance mode, and secrets kept out of logs.
 */
import { createHash } from "node:crypto";
import { readdir, readFile, writeFile } from "node:fs/promises";
import path from "node:path";
import pino from "pino";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { Secret } from "../../src/config/secret.js";
import { ArsipdError } from "../../src/errors.js";
import type { PutOptions } from "../../src/remote/types.js";
import { WebDavRemote } from "../../src/remote/webdav.js";
import { type FaultProxy, startFaultProxy } from "../servers/fault-proxy.js";
import { type DavServer, startRclone, startSabre } from "../servers/index.js";
import { captureLogger, makeWebDav, rootOnDisk } from "./helpers.js";

const sha1 = (b: Buffer | string) => createHash("sha1").update(b).digest("hex");

async function caught(p: Promise<unknown>): Promise<ArsipdError> {
  try {
    await p;
  } catch (err) {
    if (err instanceof ArsipdError) return err;
    throw err;
  }
  throw new Error("expected a rejection");
}

describe.each(["sabre", "rclone"] as const)("WebDavRemote through the fault proxy (%s)", (kind) => {
  let s: DavServer;
  let proxy: FaultProxy;
  let remote: WebDavRemote;
  let logs: () => string;
  let src: string;
  const content = Buffer.alloc(300_000, "a");

  beforeAll(async () => {
    s = kind === "sabre" ? await startSabre() : await startRclone();
    src = path.join(s.root, "..", "src.bin");
    await writeFile(src, content);
  });
  afterAll(async () => {
    await s?.stop();
  });
  beforeEach(async () => {
    proxy = await startFaultProxy(s.url);
    const cap = captureLogger();
    logs = cap.lines;
    remote = makeWebDav(s, { url: proxy.url, log: cap.log });
    await remote.mkdirp("d");
    proxy.requests.length = 0;
  });
  afterEach(async () => {
    await remote.close();
    await proxy.close();
  });

  const put = (name: string, extra: Partial<PutOptions> = {}) =>
    remote.put(`d/${name}`, src, {
      size: content.length,
      mtimeMs: Date.UTC(2024, 1, 2),
      sha1: sha1(content),
      ...extra,
    });
  const puts = () => proxy.requests.filter((r) => r.method === "PUT");

  it("sends Content-Length, not a chunked body", async () => {
    await put("len.bin");
    const [req] = puts();
    expect(req?.headers["content-length"]).toBe(String(content.length));
    expect(req?.headers["transfer-encoding"]).toBeUndefined();
    expect(req?.bodyBytes).toBe(content.length);
    expect(req?.headers["x-oc-mtime"]).toBe(String(Date.UTC(2024, 1, 2) / 1000));
    expect(req?.headers["oc-checksum"]).toBe(`SHA1:${sha1(content)}`);
  });

  it("refuses a local file whose size changed, sending nothing", async () => {
    const err = await caught(
      remote.put("d/changed.bin", src, { size: content.length + 1, mtimeMs: 0 }),
    );
    expect(err.code).toBe("LOCAL_CHANGED");
    expect(puts()).toHaveLength(0);
  });

  it("retries a 500 and then succeeds", async () => {
    proxy.inject({ kind: "status", status: 500 }, { method: "PUT" });
    await put("r500.bin");
    expect(puts().map((r) => r.fault ?? "ok")).toEqual(["status", "ok"]);
    expect(await readFile(path.join(rootOnDisk(s), "d", "r500.bin"))).toEqual(content);
  });

  it("honours Retry-After on a 503", async () => {
    proxy.inject({ kind: "status", status: 503, retryAfter: "1" }, { method: "PUT" });
    await put("r503.bin");
    expect(puts()).toHaveLength(2);
    const retryLine = logs()
      .split("\n")
      .filter(Boolean)
      .map((l) => JSON.parse(l) as { delayMs?: number; msg: string })
      .find((l) => l.msg.includes("retrying"));
    expect(retryLine?.delayMs).toBe(1000);
  });

  it("retries an upload whose connection dropped mid-body, leaving no partial file", async () => {
    proxy.inject({ kind: "dropMidBody", afterBytes: 50_000 }, { method: "PUT" });
    await put("drop.bin", { ifNoneMatch: true });
    expect(puts().map((r) => r.fault ?? "ok")).toEqual(["dropMidBody", "ok"]);
    expect(await readFile(path.join(rootOnDisk(s), "d", "drop.bin"))).toEqual(content);
    expect(
      (await readdir(path.join(rootOnDisk(s), "d"))).filter((n) => n.includes("drop")),
    ).toEqual(["drop.bin"]);
  });

  it("sends bytes already in memory with a Content-Length, again on a retry", async () => {
    proxy.inject({ kind: "dropMidBody", afterBytes: 50_000 }, { method: "PUT" });
    const mem = Buffer.alloc(content.length, "m"); // not the file's bytes: these must be sent
    await put("mem.bin", { content: mem, sha1: sha1(mem), ifNoneMatch: true });
    const all = puts();
    expect(all.map((r) => r.fault ?? "ok")).toEqual(["dropMidBody", "ok"]);
    expect(all[1]?.headers["content-length"]).toBe(String(content.length));
    expect(all[1]?.headers["transfer-encoding"]).toBeUndefined();
    expect(await readFile(path.join(rootOnDisk(s), "d", "mem.bin"))).toEqual(mem);
  });

  it("refuses bytes in memory whose length is not the size, sending nothing", async () => {
    const err = await caught(
      remote.put("d/short.bin", src, {
        size: content.length,
        mtimeMs: 0,
        content: content.subarray(1),
      }),
    );
    expect(err.code).toBe("LOCAL_CHANGED");
    expect(puts()).toHaveLength(0);
  });

  it("treats a lost answer to a conditional PUT as done when the server has our bytes", async () => {
    proxy.inject({ kind: "dropBeforeResponse" }, { method: "PUT" });
    const res = await put("lost.bin", { ifNoneMatch: true });
    expect(res.entry.size).toBe(content.length);
    expect(await readFile(path.join(rootOnDisk(s), "d", "lost.bin"))).toEqual(content);
  });

  it("fails with auth after exactly one request on 401, never retrying", async () => {
    proxy.inject({ kind: "status", status: 401 });
    const err = await caught(remote.stat("d/x.bin"));
    expect(err.kind).toBe("auth");
    expect(proxy.requests).toHaveLength(1);
  });

  it("fails with quota on 507 without retrying", async () => {
    proxy.inject({ kind: "status", status: 507 }, { method: "PUT" });
    const err = await caught(put("full.bin"));
    expect(err.kind).toBe("quota");
    expect(puts()).toHaveLength(1);
  });

  it("gives up with a retryable error when the retries run out", async () => {
    for (let i = 0; i < 4; i++)
      proxy.inject({ kind: "status", status: 502 }, { method: "PROPFIND" });
    const err = await caught(remote.stat("d"));
    expect(err.kind).toBe("retryable");
    expect(proxy.requests.filter((r) => r.method === "PROPFIND")).toHaveLength(4);
  });

  it("times out a request the server sits on, and the next request is unaffected", async () => {
    const quick = new WebDavRemote({
      url: proxy.url,
      username: s.username,
      password: new Secret(s.password),
      root: "/Arsip",
      concurrency: 2,
      timeoutMs: 400,
      retries: 0,
      log: pino({ level: "silent" }),
    });
    try {
      proxy.inject({ kind: "delay", ms: 3000 }, { method: "PROPFIND" });
      const err = await caught(quick.stat("d"));
      expect(err).toMatchObject({ code: "REMOTE_TIMEOUT", kind: "retryable" });
      expect((await quick.stat("d"))?.type).toBe("dir");
      // The PUT (sent without the WebDAV client, see http-put.ts) keeps the same contract.
      // 10 bytes: its timeout is 400 ms plus the body's time at 64 KiB/s.
      const small = Buffer.from("keputusan!");
      const opts = { size: small.length, mtimeMs: 0, sha1: sha1(small), content: small };
      proxy.inject({ kind: "delay", ms: 3000 }, { method: "PUT" });
      const putErr = await caught(quick.put("d/slow.bin", src, opts));
      expect(putErr).toMatchObject({ code: "REMOTE_TIMEOUT", kind: "retryable" });
      expect((await quick.put("d/slow.bin", src, opts)).entry?.size).toBe(small.length);
    } finally {
      await quick.close();
    }
  });
});

describe("WebDavRemote health, capabilities and secrets", () => {
  let s: DavServer;
  beforeAll(async () => {
    s = await startSabre();
  });
  afterAll(async () => {
    await s?.stop();
  });

  it("reports maintenance mode as not ok", async () => {
    const remote = makeWebDav(s);
    await s.setMaintenance!(true);
    try {
      const h = await remote.check();
      expect(h).toMatchObject({ ok: false, maintenance: true });
    } finally {
      await s.setMaintenance!(false);
    }
    expect((await remote.check()).ok).toBe(true);
    await remote.close();
  });

  it("check() says login refused for a wrong password, 404 for a wrong URL, never throws when down", async () => {
    const bad = makeWebDav(s, { password: "wrong-password-123" });
    const h = await bad.check();
    expect(h.ok).toBe(false);
    expect(h.message).toContain("401");
    const down = makeWebDav(s, { url: "http://127.0.0.1:1/remote.php/dav/files/x" });
    expect((await down.check()).ok).toBe(false);
    const wrongUrl = makeWebDav(s, { url: `${s.baseUrl}/remote.php/dav/files/nobody` });
    expect(await wrongUrl.check()).toMatchObject({
      ok: false,
      message: expect.stringContaining("404"),
    });
  });

  it("learns setMtime and sha1 checksums from the server's answers", async () => {
    const remote = makeWebDav(s);
    const before = await remote.capabilities();
    expect(before.setMtime).toBe(false);
    await remote.mkdirp("c");
    const file = path.join(s.root, "..", "caps.txt");
    await writeFile(file, "caps");
    const res = await remote.put("c/caps.txt", file, {
      size: 4,
      mtimeMs: 1_600_000_000_000,
      sha1: sha1("caps"),
    });
    expect(res.mtimeKept).toBe(true);
    await remote.list("c");
    expect(await remote.capabilities()).toMatchObject({
      setMtime: true,
      checksums: ["sha1"],
      etags: true,
      folderEtags: true,
    });
    await remote.close();
  });

  it("trusts folder ETags on OwnCloud, where a change deep below changes every ancestor's", async () => {
    const remote = makeWebDav(s);
    await remote.mkdirp("p/A/B");
    const file = path.join(s.root, "..", "deep.txt");
    await writeFile(file, "deep");
    const etags = async () => [
      (await remote.stat(""))?.etag,
      (await remote.listDir("p")).folder?.etag,
      (await remote.listDir("p/A")).folder?.etag,
      (await remote.listDir("p/A/B")).folder?.etag,
    ];
    const before = await etags();
    expect(before.every((e) => typeof e === "string" && e.length > 0)).toBe(true);
    expect(await etags()).toEqual(before); // stable while nothing changes
    await remote.put("p/A/B/deep.txt", file, { size: 4, mtimeMs: 1_600_000_000_000 });
    const after = await etags();
    for (let i = 0; i < before.length; i++) expect(after[i]).not.toBe(before[i]);
    expect((await remote.capabilities()).folderEtags).toBe(true);
    await remote.close();
  });

  it("does not trust folder ETags on a plain WebDAV server (rclone serve webdav)", async () => {
    const r = await startRclone();
    try {
      const remote = makeWebDav(r);
      await remote.check();
      expect((await remote.capabilities()).folderEtags).toBe(false);
      await remote.close();
    } finally {
      await r.stop();
    }
  });

  it("never writes the password to a log line or an error message", async () => {
    const password = "S3cret-Pass-Unique-42";
    const cap = captureLogger();
    const proxy = await startFaultProxy(s.url);
    try {
      proxy.inject({ kind: "status", status: 503 });
      proxy.inject({ kind: "status", status: 401 });
      const remote = makeWebDav(s, { url: proxy.url, password, log: cap.log });
      const err = await caught(remote.stat("x"));
      cap.log.error({ err }, "failed");
      const basic = Buffer.from(`${s.username}:${password}`).toString("base64");
      expect(cap.lines()).toContain("retrying");
      expect(cap.lines()).not.toContain(password);
      expect(cap.lines()).not.toContain(basic);
      expect(err.message).not.toContain(password);
      expect(JSON.stringify(err)).not.toContain(basic);
      expect(remote.description).not.toContain(password);
      await remote.close();
    } finally {
      await proxy.close();
    }
  });
});
