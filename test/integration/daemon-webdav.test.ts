/**
 * The daemon as a process against SabreDAV: killed with SIGKILL in the middle of a pass at
 * several points and restarted, and a file that is still being written when it is noticed.
 * PUTs are counted through a (fault-free) proxy to catch needless re-uploads.
 */
import { randomBytes } from "node:crypto";
import { appendFileSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { type DaemonProc, startDaemon } from "../helpers/daemon.js";
import { treeHashes, until, workspace, writeTree } from "../helpers/workspace.js";
import { sabreBehindProxy } from "./sabre-fixture.js";

const running: DaemonProc[] = [];
afterEach(() => {
  for (const d of running.splice(0)) if (d.child.exitCode === null) d.child.kill("SIGKILL");
});

function putsPerPath(proxy: FaultProxy, from: number): Map<string, number> {
  const m = new Map<string, number>();
  for (const q of proxy.requests.slice(from)) {
    if (q.method !== "PUT") continue;
    const p = decodeURIComponent(q.path);
    m.set(p, (m.get(p) ?? 0) + 1);
  }
  return m;
}

describe("arsipd run against SabreDAV (process)", () => {
  const fx = sabreBehindProxy();

  it("killed with SIGKILL mid-pass at several points, ends with the remote equal to the share", async () => {
    const ws = workspace({ ...fx.server, url: fx.proxy.url });
    const files: Record<string, Buffer> = {};
    for (let i = 1; i <= 150; i++) {
      files[
        `KPT-SEKRETARIS/2023/KPT-SEKRETARIS_2023_${String(i).padStart(3, "0")}_surat-${i}.pdf`
      ] = randomBytes(20_000 + i * 100);
    }
    writeTree(ws.share, files);
    const local = treeHashes(ws.share);
    const from = fx.proxy.requests.length;
    const kills = [15, 60, 110];
    for (const k of kills) {
      const d = startDaemon(["--config", ws.config], { cwd: ws.dir, env: ws.env });
      running.push(d);
      await until(() => treeHashes(ws.remoteDir).size >= k, 90_000, `${k} files on the server`);
      d.signal("SIGKILL");
      await d.exited;
    }
    const d = startDaemon(["--config", ws.config], { cwd: ws.dir, env: ws.env });
    running.push(d);
    await until(
      () => treeHashes(ws.remoteDir, ["_Dihapus"]).size === local.size,
      120_000,
      "all files",
    );
    await d.waitFor((l) => l.msg === "mirror pass done" && l.failed === 0, 60_000);
    const remote = treeHashes(ws.remoteDir, ["_Dihapus"]);
    expect([...remote.entries()].sort()).toEqual([...local.entries()].sort());
    // No needless re-uploads: a file may be sent again only if a kill interrupted it.
    const puts = putsPerPath(fx.proxy, from);
    const total = [...puts.values()].reduce((a, b) => a + b, 0);
    expect(Math.max(...puts.values())).toBeLessThanOrEqual(2);
    expect(total).toBeLessThanOrEqual(local.size + kills.length * 4);
    d.signal("SIGTERM");
    expect((await d.exited).code).toBe(0);
  });

  it("uploads a file that is appended every 200 ms for 3 s once, complete", async () => {
    const ws = workspace({ ...fx.server, url: fx.proxy.url }, "");
    // The real default stability window, not the tests' zero.
    writeFileSync(
      ws.config,
      readFileSync(ws.config, "utf8").replace("stabilityMs: 0", "stabilityMs: 2000"),
    );
    const d = startDaemon(["--config", ws.config], { cwd: ws.dir, env: ws.env });
    running.push(d);
    await d.waitFor((l) => l.msg === "first pass done; watching for changes", 30_000);
    const rel = "KPT-KETUA/2025/KPT-KETUA_2025_004_penetapan-hasil.pdf";
    const file = path.join(ws.share, rel);
    writeTree(ws.share, { [rel]: Buffer.alloc(0) });
    const from = fx.proxy.requests.length;
    for (let i = 0; i < 15; i++) {
      appendFileSync(file, randomBytes(10_000));
      await new Promise((r) => setTimeout(r, 200));
    }
    const final = readFileSync(file);
    const onServer = path.join(ws.remoteDir, rel);
    await until(
      () => {
        try {
          return readFileSync(onServer).equals(final);
        } catch {
          return false;
        }
      },
      30_000,
      "the complete file on the server",
    );
    await new Promise((r) => setTimeout(r, 3000));
    const puts = [...putsPerPath(fx.proxy, from).entries()].filter(([p]) =>
      p.endsWith(path.basename(rel)),
    );
    expect(puts).toHaveLength(1);
    expect(puts[0]![1]).toBe(1);
    d.signal("SIGTERM");
    expect((await d.exited).code).toBe(0);
  });
});
