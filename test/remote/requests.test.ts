/**
 * Requests a first mirror costs, counted by the fault proxy (test/servers/fault-proxy.ts) in
 * front of real servers, with the real `arsipd sync`: for N files in F folders at most F MKCOLs
 * (each folder created once, with a trailing slash), exactly N PUTs, a listing per folder plus
 * the check's and the capability probe's, and no PROPFIND per name before an upload. On a server that is not OwnCloud each
 * upload is a PUT to a scratch name and a MOVE over the target (one MOVE per file).
 */
import { randomBytes } from "node:crypto";
import { rm } from "node:fs/promises";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runCli } from "../helpers/cli.js";
import { treeHashes, workspace, writeTree } from "../helpers/workspace.js";
import { type FaultProxy, startFaultProxy } from "../servers/fault-proxy.js";
import { type DavServer, type ServerKind, serverCaps, startServer } from "../servers/index.js";

/** 12 files in 2 year folders of one jenis: with the archive root, F = 4 folders. */
function archive(): Record<string, Buffer> {
  const files: Record<string, Buffer> = {};
  for (let i = 1; i <= 12; i++) {
    const year = i % 2 ? 2023 : 2024;
    const nomor = String(i).padStart(3, "0");
    files[`KPT-KETUA/${year}/KPT-KETUA_${year}_${nomor}_keputusan-nomor-${i}.pdf`] = randomBytes(
      2000 + i * 100,
    );
  }
  return files;
}
const N = 12;
const F = 4;

for (const kind of ["sabre", "nginx", "apache-dav", "webdav-server"] as ServerKind[]) {
  const caps = serverCaps(kind);
  describe(`requests of a first mirror on ${caps.label}`, () => {
    let server: DavServer;
    let proxy: FaultProxy;
    beforeAll(async () => {
      server = await startServer(kind);
      proxy = await startFaultProxy(server.url);
    });
    afterAll(async () => {
      await proxy?.close();
      await server?.stop();
    });

    it(`sends at most ${F} MKCOLs, ${N} PUTs and a listing per folder`, async () => {
      const ws = workspace({ ...server, url: proxy.url });
      writeTree(ws.share, archive());
      const r = await runCli(["sync", "--json", "--config", ws.config], {
        cwd: ws.dir,
        env: ws.env,
        timeoutMs: 120_000,
      });
      expect(r.stderr).toBe("");
      expect(r.code).toBe(0);
      const remote = treeHashes(ws.remoteDir);
      expect([...remote.entries()].sort()).toEqual([...treeHashes(ws.share).entries()].sort());

      const count = (m: string) => proxy.requests.filter((q) => q.method === m).length;
      const statuses = proxy.requests.map((q) => `${q.method} ${q.path}`);
      expect(count("MKCOL"), statuses.join("\n")).toBeLessThanOrEqual(F);
      expect(proxy.requests.filter((q) => q.method === "MKCOL" && !q.path.endsWith("/"))).toEqual(
        [],
      );
      // N uploads, plus the capability probe's one PUT (a hidden scratch file, deleted again).
      expect(count("PUT")).toBe(N + 1);
      expect(count("MOVE")).toBe(caps.ownCloud ? 0 : N);
      // One listing per folder, plus the check's, the probe's and the first look at the (not yet
      // existing) archive root; never one per uploaded name.
      expect(count("PROPFIND"), statuses.join("\n")).toBeLessThanOrEqual(F + 3);
      expect(count("DELETE")).toBe(1);
      const others = proxy.requests.filter(
        (q) => !["MKCOL", "PUT", "MOVE", "PROPFIND", "DELETE", "GET"].includes(q.method),
      );
      expect(others).toEqual([]);
      await rm(ws.dir, { recursive: true, force: true });
    });
  });
}
