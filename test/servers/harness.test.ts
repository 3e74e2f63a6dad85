/** Self-test of the test servers and the fault proxy, with raw HTTP (no arsipd code). */
import { createHash } from "node:crypto";
import { existsSync } from "node:fs";
import { readFile, stat } from "node:fs/promises";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type FaultProxy, startFaultProxy } from "./fault-proxy.js";
import {
  basicAuth,
  type DavServer,
  SERVER_KINDS,
  serverCaps,
  startSabre,
  startServer,
} from "./index.js";

const PROPFIND_BODY = `<?xml version="1.0"?><d:propfind xmlns:d="DAV:" xmlns:oc="http://owncloud.org/ns"><d:prop><d:getetag/><d:getcontentlength/><d:resourcetype/><oc:checksums/></d:prop></d:propfind>`;

function dav(s: DavServer, method: string, rel: string, init: RequestInit = {}) {
  const headers = new Headers(init.headers);
  headers.set("authorization", basicAuth(s));
  return fetch(`${s.url}/${rel}`, { ...init, method, headers });
}

async function etagOf(s: DavServer, rel: string): Promise<string | undefined> {
  const res = await dav(s, "PROPFIND", rel, { headers: { depth: "0" }, body: PROPFIND_BODY });
  const xml = await res.text();
  return /<[\w-]+:getetag>([^<]*)<\/[\w-]+:getetag>/i.exec(xml)?.[1]?.replace(/&quot;/g, '"');
}

for (const kind of SERVER_KINDS) {
  const caps = serverCaps(kind);
  describe(`${kind} test server (${caps.label})`, () => {
    let s: DavServer;
    beforeAll(async () => {
      s = await startServer(kind);
    });
    afterAll(async () => {
      await s?.stop();
    });

    it("round-trips MKCOL, PUT, PROPFIND and GET against the folder on disk", async () => {
      expect((await dav(s, "MKCOL", "sub/")).status).toBe(201);
      const put = await dav(s, "PUT", "sub/a%20b.txt", { body: "hello" });
      expect([201, 204]).toContain(put.status);
      expect(await readFile(path.join(s.root, "sub", "a b.txt"), "utf8")).toBe("hello");
      const pf = await dav(s, "PROPFIND", "sub", { headers: { depth: "1" }, body: PROPFIND_BODY });
      expect(pf.status).toBe(207);
      expect(await pf.text()).toContain("a%20b.txt");
      const get = await dav(s, "GET", "sub/a%20b.txt");
      expect(await get.text()).toBe("hello");
    });

    it("refuses a wrong password with 401", async () => {
      const res = await fetch(`${s.url}/`, {
        method: "PROPFIND",
        headers: { authorization: basicAuth({ username: s.username, password: "wrong" }) },
      });
      expect(res.status).toBe(401);
      expect(res.headers.get("www-authenticate")).toMatch(/Basic/);
    });

    it.skipIf(caps.etags === "none")(
      "changes a file's ETag when it is uploaded again",
      async () => {
        await dav(s, "PUT", "e.txt", { body: "one" });
        const a = await etagOf(s, "e.txt");
        // An mtime-only ETag changes only when the clock has (declared: etags "mtime").
        if (caps.etags === "mtime") await new Promise((r) => setTimeout(r, 5));
        await dav(s, "PUT", "e.txt", { body: "two!" });
        const b = await etagOf(s, "e.txt");
        expect(a).toBeTruthy();
        expect(b).toBeTruthy();
        expect(b).not.toBe(a);
      },
    );

    it("serves through the fault proxy, with injected faults", async () => {
      const proxy: FaultProxy = await startFaultProxy(s.url);
      try {
        const auth = { authorization: basicAuth(s) };
        proxy.inject({ kind: "status", status: 503, retryAfter: "2" }, { method: "PUT" });
        const r1 = await fetch(`${proxy.url}/p.txt`, { method: "PUT", headers: auth, body: "x" });
        expect(r1.status).toBe(503);
        expect(r1.headers.get("retry-after")).toBe("2");
        expect(existsSync(path.join(s.root, "p.txt"))).toBe(false);
        const r2 = await fetch(`${proxy.url}/p.txt`, { method: "PUT", headers: auth, body: "x" });
        expect(r2.status).toBe(201);
        expect(await readFile(path.join(s.root, "p.txt"), "utf8")).toBe("x");

        proxy.inject({ kind: "dropMidBody", afterBytes: 1000 }, { method: "PUT" });
        const big = Buffer.alloc(200_000, 7);
        await expect(
          fetch(`${proxy.url}/drop.bin`, {
            method: "PUT",
            headers: { ...auth, "content-length": String(big.length) },
            body: big,
          }),
        ).rejects.toThrow();
        proxy.inject({ kind: "status", status: 507 });
        expect((await fetch(`${proxy.url}/`, { method: "PROPFIND", headers: auth })).status).toBe(
          507,
        );
        expect(proxy.pending()).toBe(0);
        expect(proxy.requests.map((r) => r.fault ?? "-")).toEqual([
          "status",
          "-",
          "dropMidBody",
          "status",
        ]);
      } finally {
        await proxy.close();
      }
    });

    it.skipIf(!caps.atomicPut)("keeps the previous content when an upload is cut off", async () => {
      await dav(s, "PUT", "cut.bin", { body: "previous" });
      const proxy = await startFaultProxy(s.url);
      try {
        proxy.inject({ kind: "dropMidBody", afterBytes: 100_000 }, { method: "PUT" });
        const big = Buffer.alloc(1_000_000, 7);
        await fetch(`${proxy.url}/cut.bin`, {
          method: "PUT",
          headers: { authorization: basicAuth(s), "content-length": String(big.length) },
          body: big,
        }).catch(() => undefined);
      } finally {
        await proxy.close();
      }
      await new Promise((r) => setTimeout(r, 300));
      expect(await readFile(path.join(s.root, "cut.bin"), "utf8")).toBe("previous");
    });

    it("declares whether it keeps the X-OC-Mtime it is sent", async () => {
      const res = await dav(s, "PUT", "mt.txt", {
        body: "m",
        headers: { "x-oc-mtime": "1500000000" },
      });
      expect(res.headers.get("x-oc-mtime") === "accepted").toBe(caps.setMtime);
      expect((await stat(path.join(s.root, "mt.txt"))).mtimeMs === 1_500_000_000_000).toBe(
        caps.setMtime,
      );
    });

    it("declares whether a PUT creates missing folders", async () => {
      const res = await dav(s, "PUT", "no/such/dir/f.txt", { body: "f" });
      expect(res.ok).toBe(caps.createsParents);
      expect(existsSync(path.join(s.root, "no", "such", "dir", "f.txt"))).toBe(caps.createsParents);
    });

    it("declares whether it lists reserved characters unencoded in hrefs", async () => {
      await dav(s, "MKCOL", "h/");
      await dav(s, "PUT", "h/a%23b.txt", { body: "#" });
      const xml = await (await dav(s, "PROPFIND", "h/", { headers: { depth: "1" } })).text();
      const hrefs = [...xml.matchAll(/<[\w-]+:href>([^<]*)</gi)].map((m) => m[1]!.trim());
      const href = hrefs.find((h) => h.endsWith("a#b.txt") || h.endsWith("a%23b.txt"));
      expect(href?.endsWith("a#b.txt")).toBe(caps.rawHrefs);
    });

    it.skipIf(caps.etags !== "weak-when-fresh")("gives a weak ETag to a fresh file", async () => {
      await dav(s, "PUT", "w.txt", { body: "w" });
      expect(await etagOf(s, "w.txt")).toMatch(/^W\//);
      await new Promise((r) => setTimeout(r, 1100));
      expect(await etagOf(s, "w.txt")).toMatch(/^"/);
    });

    it.skipIf(caps.etags !== "none")("gives no ETag in listings", async () => {
      await dav(s, "PUT", "ne.txt", { body: "n" });
      expect(await etagOf(s, "ne.txt")).toBeUndefined();
    });

    it.skipIf(!caps.passAuthSwitch)(
      "refuses a right password when Apache does not pass it to PHP-FPM",
      async () => {
        await s.setPassAuth!(false);
        try {
          expect((await dav(s, "PROPFIND", "", { headers: { depth: "0" } })).status).toBe(401);
        } finally {
          await s.setPassAuth!(true);
        }
        expect((await dav(s, "PROPFIND", "", { headers: { depth: "0" } })).status).toBe(207);
      },
    );

    it("comes back after restart on the same port with the same files", async () => {
      await dav(s, "PUT", "keep.txt", { body: "kept" });
      await s.restart();
      expect(await (await dav(s, "GET", "keep.txt")).text()).toBe("kept");
    });
  });
}

describe("sabre OwnCloud emulation", () => {
  let s: DavServer;
  beforeAll(async () => {
    s = await startSabre();
  });
  afterAll(async () => {
    await s?.stop();
  });

  it("answers status.php like OwnCloud", async () => {
    const res = await fetch(`${s.baseUrl}/status.php`);
    expect(await res.json()).toMatchObject({
      installed: true,
      maintenance: false,
      productname: "ownCloud",
    });
  });

  it("answers capabilities and user over OCS", async () => {
    const auth = { authorization: basicAuth(s) };
    const caps = await fetch(`${s.baseUrl}/ocs/v1.php/cloud/capabilities?format=json`, {
      headers: auth,
    });
    const body = (await caps.json()) as {
      ocs: { data: { capabilities: { checksums: { preferredUploadType: string } } } };
    };
    expect(body.ocs.data.capabilities.checksums.preferredUploadType).toBe("SHA1");
    const xml = await (
      await fetch(`${s.baseUrl}/ocs/v2.php/cloud/capabilities`, { headers: auth })
    ).text();
    expect(xml).toContain("<webdav-root>remote.php/webdav</webdav-root>");
    const user = await fetch(`${s.baseUrl}/ocs/v1.php/cloud/user?format=json`, { headers: auth });
    expect(((await user.json()) as { ocs: { data: { id: string } } }).ocs.data.id).toBe(s.username);
  });

  it("serves the same folder at /remote.php/webdav", async () => {
    await dav(s, "PUT", "legacy.txt", { body: "L" });
    const res = await fetch(`${s.baseUrl}/remote.php/webdav/legacy.txt`, {
      headers: { authorization: basicAuth(s) },
    });
    expect(await res.text()).toBe("L");
  });

  it("honours X-OC-Mtime and reports it accepted", async () => {
    const res = await dav(s, "PUT", "m.txt", {
      body: "m",
      headers: { "x-oc-mtime": "1500000000" },
    });
    expect(res.headers.get("x-oc-mtime")).toBe("accepted");
    expect((await stat(path.join(s.root, "m.txt"))).mtimeMs).toBe(1_500_000_000_000);
  });

  it("rejects an OC-Checksum mismatch with 400 and keeps no file; reports a good one", async () => {
    const bad = await dav(s, "PUT", "c.txt", {
      body: "data",
      headers: { "oc-checksum": `SHA1:${"0".repeat(40)}` },
    });
    expect(bad.status).toBe(400);
    expect(existsSync(path.join(s.root, "c.txt"))).toBe(false);
    const sha1 = createHash("sha1").update("data").digest("hex");
    const ok = await dav(s, "PUT", "c.txt", {
      body: "data",
      headers: { "oc-checksum": `SHA1:${sha1}` },
    });
    expect(ok.status).toBe(201);
    const pf = await dav(s, "PROPFIND", "c.txt", { headers: { depth: "0" }, body: PROPFIND_BODY });
    expect(await pf.text()).toContain(`SHA1:${sha1}`);
  });

  it("changes a folder's ETag when something below it changes", async () => {
    await dav(s, "MKCOL", "f");
    await dav(s, "MKCOL", "f/g");
    const before = await etagOf(s, "f");
    await dav(s, "PUT", "f/g/new.txt", { body: "n" });
    const after = await etagOf(s, "f");
    expect(before).toBeTruthy();
    expect(after).not.toBe(before);
  });

  it("answers 503 in maintenance mode and says so in status.php", async () => {
    await s.setMaintenance!(true);
    try {
      expect((await dav(s, "PROPFIND", "", { headers: { depth: "0" } })).status).toBe(503);
      const st = (await (await fetch(`${s.baseUrl}/status.php`)).json()) as {
        maintenance: boolean;
      };
      expect(st.maintenance).toBe(true);
    } finally {
      await s.setMaintenance!(false);
    }
    expect((await dav(s, "PROPFIND", "", { headers: { depth: "0" } })).status).toBe(207);
  });
});
