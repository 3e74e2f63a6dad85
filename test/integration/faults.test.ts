/**
 * Failure paths against a real SabreDAV server: a refused login, 500s and dropped connections
 * from a fault-injecting proxy, a server restarted in the middle of a pass.
 */
import { randomBytes } from "node:crypto";
import { describe, expect, it } from "vitest";
import { runCli } from "../helpers/cli.js";
import { treeHashes, type Workspace, workspace, writeTree } from "../helpers/workspace.js";
import { sabreBehindProxy } from "./sabre-fixture.js";

function manyFiles(n: number, size: number): Record<string, Buffer> {
  const files: Record<string, Buffer> = {};
  for (let i = 1; i <= n; i++) {
    const nomor = String(i).padStart(3, "0");
    files[`KPT-KETUA/2024/KPT-KETUA_2024_${nomor}_keputusan-nomor-${i}.pdf`] = randomBytes(size);
  }
  return files;
}

async function sync(ws: Workspace, env: NodeJS.ProcessEnv = ws.env) {
  return runCli(["sync", "--json", "--config", ws.config], {
    cwd: ws.dir,
    env,
    timeoutMs: 180_000,
  });
}

function expectMirrored(ws: Workspace): void {
  const local = treeHashes(ws.share);
  const remote = treeHashes(ws.remoteDir, ["_Dihapus"]);
  expect([...remote.entries()].sort()).toEqual([...local.entries()].sort());
}

describe("arsipd sync when things go wrong (SabreDAV)", () => {
  const fx = sabreBehindProxy();

  it("a refused login exits 77 with one line, tries once, and never shows the password", async () => {
    const ws = workspace({ ...fx.server, url: fx.proxy.url });
    writeTree(ws.share, manyFiles(3, 1000));
    const before = fx.proxy.requests.length;
    const r = await sync(ws, { ARSIPD_REMOTE_PASSWORD: "wrong-Password-123" });
    expect(r.code).toBe(77);
    const lines = r.stderr.trim().split("\n");
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/login refused \(401\); fix the password, then run it again$/);
    expect(r.stdout + r.stderr).not.toContain("wrong-Password-123");
    const authed = fx.proxy.requests.slice(before).filter((q) => q.headers.authorization);
    expect(authed.length).toBeGreaterThan(0);
    expect(authed.length).toBeLessThanOrEqual(2);
  });

  it("rides out 500s, 503 with Retry-After and dropped connections", async () => {
    const ws = workspace({ ...fx.server, url: fx.proxy.url });
    writeTree(ws.share, manyFiles(12, 40_000));
    fx.proxy.inject({ kind: "status", status: 500 }, { method: "PUT" });
    fx.proxy.inject({ kind: "status", status: 503, retryAfter: "1" }, { method: "PUT" });
    fx.proxy.inject({ kind: "dropMidBody", afterBytes: 10_000 }, { method: "PUT" });
    fx.proxy.inject({ kind: "dropBeforeResponse" }, { method: "PUT" });
    fx.proxy.inject({ kind: "status", status: 502 }, { method: "PROPFIND" });
    const r = await sync(ws);
    expect(r.stderr).toBe("");
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout)).toMatchObject({ uploaded: 12, failed: 0 });
    expect(fx.proxy.pending()).toBe(0);
    expectMirrored(ws);
  });

  it("finishes after the server is restarted in the middle of a pass", async () => {
    const ws = workspace(fx.server);
    writeTree(ws.share, manyFiles(120, 60_000));
    const running = sync(ws);
    // Restart once some files have arrived.
    for (let i = 0; i < 300 && treeHashes(ws.remoteDir).size < 10; i++) {
      await new Promise((r) => setTimeout(r, 50));
    }
    await fx.server.restart();
    const first = await running;
    expect([0, 1], first.stderr).toContain(first.code);
    const second = await sync(ws);
    expect(second.code, second.stderr + second.stdout).toBe(0);
    expectMirrored(ws);
  });
});
