/**
 * The WebDAV adapter's server-dependent behaviour on every server of the matrix: capabilities
 * probed by check() before any upload, the probe leaving nothing behind, scratch uploads that
 * never show as user files, and the typed errors of a refused, dropped or failing server.
 */
import { readdir, rm, writeFile } from "node:fs/promises";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ArsipdError } from "../../src/errors.js";
import { isScratchPath } from "../../src/remote/scratch.js";
import { startFaultProxy } from "../servers/fault-proxy.js";
import {
  type DavServer,
  freePort,
  SERVER_KINDS,
  serverCaps,
  startServer,
} from "../servers/index.js";
import { makeWebDav } from "./helpers.js";

async function errorOf(p: Promise<unknown>): Promise<ArsipdError> {
  try {
    await p;
  } catch (err) {
    if (err instanceof ArsipdError) return err;
    throw err;
  }
  throw new Error("expected an ArsipdError");
}

for (const kind of SERVER_KINDS) {
  const caps = serverCaps(kind);
  describe(`WebDAV adapter on ${caps.label}`, () => {
    let s: DavServer;
    beforeAll(async () => {
      s = await startServer(kind);
    });
    afterAll(async () => {
      await s?.stop();
    });

    it("knows what the server honours after check(), before any upload", async () => {
      const remote = makeWebDav(s);
      expect((await remote.check()).ok).toBe(true);
      expect(await remote.capabilities()).toMatchObject({
        probed: true,
        setMtime: caps.setMtime,
        checksums: caps.checksums ? ["sha1"] : [],
        etags: caps.etags !== "none",
        weakEtags: caps.etags === "weak-when-fresh",
        ownCloud: caps.ownCloud,
      });
      // The probe's file is gone again.
      expect((await readdir(s.root)).filter((n) => n.startsWith(".arsipd-"))).toEqual([]);
      await remote.close();
    });

    it("uploads through hidden scratch names a listing never offers as user files", async () => {
      const proxy = await startFaultProxy(s.url);
      const remote = makeWebDav(s, { url: proxy.url });
      await remote.mkdirp("sc");
      const seen: string[] = [];
      const src = path.join(s.root, "..", "scratch-src.bin");
      await writeFile(src, Buffer.alloc(3_000_000, 1));
      const listing = setInterval(() => {
        remote.listDir("sc").then(
          (l) => seen.push(...l.children.map((e) => e.path)),
          () => undefined,
        );
      }, 5);
      try {
        await remote.put("sc/big.pdf", src, { size: 3_000_000, mtimeMs: Date.now() });
      } finally {
        clearInterval(listing);
      }
      // Plain servers: a PUT to a hidden scratch name in the same folder, then one MOVE over
      // the target. ownCloud: a PUT to the target itself (it keeps its own part file).
      const puts = proxy.requests.filter((q) => q.method === "PUT").map((q) => q.path);
      const moves = proxy.requests.filter((q) => q.method === "MOVE");
      expect(puts).toHaveLength(1);
      const putName = decodeURIComponent(puts[0]!.slice(puts[0]!.lastIndexOf("/") + 1));
      expect(isScratchPath(putName)).toBe(!caps.ownCloud);
      expect(puts[0]!.includes("/Arsip/sc/")).toBe(true);
      expect(moves).toHaveLength(caps.ownCloud ? 0 : 1);
      // Whatever else a listing showed mid-upload was that scratch name, recognised as ours.
      const others = [...new Set(seen)].filter((p) => p !== "sc/big.pdf");
      for (const p of others) expect(isScratchPath(p), p).toBe(true);
      expect((await remote.listDir("sc")).children.map((e) => e.path)).toEqual(["sc/big.pdf"]);
      await remote.close();
      await proxy.close();
    });

    it("a wrong password is a refused login, not a dropped one", async () => {
      const remote = makeWebDav(s, { password: "wrong-password" });
      const h = await remote.check();
      expect(h).toMatchObject({ ok: false, auth: true });
      expect(h.loginDropped).toBeUndefined();
      expect(h.message).toMatch(/login refused \(401\)/);
      await remote.close();
    });

    it.skipIf(!caps.passAuthSwitch)(
      "a 401 after the login was accepted says the server may not pass it through",
      async () => {
        const remote = makeWebDav(s);
        expect((await remote.check()).ok).toBe(true);
        await s.setPassAuth!(false);
        try {
          const err = await errorOf(remote.listDir(""));
          expect(err.kind).toBe("auth");
          expect(err.message).toMatch(/CGIPassAuth On/);
          expect(err.message).not.toMatch(/check remote.username and the password/);
          const h = await remote.check();
          expect(h).toMatchObject({ ok: false, auth: true, loginDropped: true });
          expect(h.message).toMatch(/CGIPassAuth On/);
        } finally {
          await s.setPassAuth!(true);
        }
        await remote.close();
      },
    );
  });
}

describe("folders are created once per pass", () => {
  it("one MKCOL per folder, with its slash, until the next check() starts a pass", async () => {
    const s = await startServer("nginx");
    const proxy = await startFaultProxy(s.url);
    try {
      const remote = makeWebDav(s, { url: proxy.url });
      expect((await remote.check()).ok).toBe(true);
      const mkcols = () => proxy.requests.filter((q) => q.method === "MKCOL").map((q) => q.path);
      await remote.mkdirp("a/b/c");
      await remote.mkdirp("a/b/c");
      await Promise.all([remote.mkdirp("a/b/d"), remote.mkdirp("a/b/d"), remote.mkdirp("a/e")]);
      expect(mkcols().sort()).toEqual(
        ["/dav/Arsip/", "/dav/Arsip/a/", "/dav/Arsip/a/b/", "/dav/Arsip/a/b/c/"]
          .concat(["/dav/Arsip/a/b/d/", "/dav/Arsip/a/e/"])
          .sort(),
      );
      // A new pass: what existed may have been removed behind arsipd's back.
      await rm(path.join(s.root, "Arsip", "a", "b"), { recursive: true });
      expect((await remote.check()).ok).toBe(true);
      await remote.mkdirp("a/b/c");
      expect(mkcols()).toHaveLength(6 + 4);
      expect((await remote.stat("a/b/c"))?.type).toBe("dir");
      // Folders a listing showed (the root included) need no MKCOL.
      await remote.listDir("a/b");
      expect((await remote.check()).ok).toBe(true);
      await remote.list("");
      await remote.mkdirp("a/b/c");
      expect(mkcols()).toHaveLength(10);
      await remote.close();
    } finally {
      await proxy.close();
      await s.stop();
    }
  });
});

describe("a failing or absent server is a retryable error", () => {
  it("HTTP 500 on the first PROPFIND", async () => {
    const s = await startServer("nginx");
    const proxy = await startFaultProxy(s.url);
    try {
      for (let i = 0; i < 10; i++)
        proxy.inject({ kind: "status", status: 500 }, { method: "PROPFIND" });
      const remote = makeWebDav(s, { url: proxy.url, retries: 1 });
      const h = await remote.check();
      expect(h).toMatchObject({ ok: false });
      expect(h.auth).toBeUndefined();
      expect(h.message).toMatch(/HTTP 500/);
      expect((await errorOf(remote.listDir(""))).kind).toBe("retryable");
      await remote.close();
    } finally {
      await proxy.close();
      await s.stop();
    }
  });

  it("nothing listening", async () => {
    const port = await freePort();
    const remote = makeWebDav(
      { url: "", root: "", username: "u", password: "p", baseUrl: "" } as unknown as DavServer,
      { url: `http://127.0.0.1:${port}/dav`, retries: 1 },
    );
    const h = await remote.check();
    expect(h).toMatchObject({ ok: false });
    expect(h.message).toMatch(/unreachable/);
    expect((await errorOf(remote.stat("x"))).kind).toBe("retryable");
    await remote.close();
  });
});
