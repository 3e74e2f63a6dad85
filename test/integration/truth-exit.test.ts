/**
 * `sync` never says "done" while files are missing on the server (issue #13): files that failed
 * stay failed on the next run (in back-off, "skipped") and the run exits 1 naming them, on stderr
 * and in the log; a stopped pass (507) leaves its reason in the log; a server answering 500 or
 * not answering at all is a one-line error with exit 75 (try again later). Judged by the server's
 * files on disk.
 */
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { runCli } from "../helpers/cli.js";
import { treeHashes, type Workspace, workspace, writeTree } from "../helpers/workspace.js";
import { startSabre } from "../servers/index.js";
import { sabreBehindProxy } from "./sabre-fixture.js";

const cli = (ws: Workspace, args: string[]) =>
  runCli([...args, "--config", ws.config], { cwd: ws.dir, env: ws.env, timeoutMs: 120_000 });

/** Everything arsipd wrote to its log files in the state folder. */
function logText(ws: Workspace): string {
  const out: string[] = [];
  const walk = (d: string) => {
    for (const n of readdirSync(d, { withFileTypes: true })) {
      const p = path.join(d, n.name);
      if (n.isDirectory()) walk(p);
      else if (/\.log/.test(n.name) && !n.name.startsWith("journal"))
        out.push(readFileSync(p, "utf8"));
    }
  };
  walk(ws.state);
  return out.join("\n");
}

describe("sync and verify tell the truth about what is on the server (SabreDAV)", () => {
  const fx = sabreBehindProxy();

  it("files that failed are not 'done' on the next run: exit 1, named on stderr and in the log", async () => {
    const ws = workspace({ ...fx.server, url: fx.proxy.url });
    writeTree(ws.share, { "Lain-lain/satu.txt": "satu", "Lain-lain/dua.txt": "dua" });
    // Every attempt at every PUT (4 attempts each with retries: 3) is answered 500.
    for (let i = 0; i < 8; i++)
      fx.proxy.inject({ kind: "status", status: 500 }, { method: "PUT", path: "Lain-lain" });
    const first = await cli(ws, ["sync", "--json"]);
    expect(first.code).toBe(1);
    expect(treeHashes(ws.remoteDir).size).toBe(0);

    const second = await cli(ws, ["sync", "--json"]);
    expect(JSON.parse(second.stdout)).toMatchObject({ skipped: 2, failed: 0, uploaded: 0 });
    expect(second.code).toBe(1);
    expect(second.stderr).toContain("2 file(s) are not on the server");
    expect(second.stderr).toContain("Lain-lain/satu.txt: waiting to retry until");
    expect(second.stderr).toContain("Lain-lain/dua.txt: waiting to retry until");
    expect(logText(ws)).toContain("not mirrored: waiting to retry after a failure");
    expect(treeHashes(ws.remoteDir).size).toBe(0);

    const v = await cli(ws, ["verify", "--json"]);
    expect(v.code).toBe(1);
    const diffs = JSON.parse(v.stdout).differences as { path: string; problem: string }[];
    expect(diffs.map((d) => [d.path, d.problem]).sort()).toEqual([
      ["Lain-lain/dua.txt", "unmirrored"],
      ["Lain-lain/satu.txt", "unmirrored"],
    ]);
  });

  it("a pass stopped by a full server (507) exits non-zero and logs why", async () => {
    const ws = workspace({ ...fx.server, url: fx.proxy.url });
    writeTree(ws.share, { "Lain-lain/penuh.txt": "penuh" });
    fx.proxy.inject({ kind: "status", status: 507 }, { method: "PUT", path: "Lain-lain" });
    const r = await cli(ws, ["sync"]);
    expect(r.code).not.toBe(0);
    expect(logText(ws)).toContain("mirror pass stopped");
    expect(treeHashes(ws.remoteDir).size).toBe(0);
  });

  it("a server answering 500 to every listing exits 75 with one line", async () => {
    const ws = workspace({ ...fx.server, url: fx.proxy.url });
    writeTree(ws.share, { "Lain-lain/x.txt": "x" });
    for (let i = 0; i < 40; i++)
      fx.proxy.inject({ kind: "status", status: 500 }, { method: "PROPFIND" });
    const r = await cli(ws, ["sync"]);
    expect(r.code, r.stderr).toBe(75);
    expect(r.stderr.trim().split("\n")).toHaveLength(1);
    expect(r.stderr).not.toMatch(/\n\s+at /);
  });
});

describe("a server that is down", () => {
  it("sync and verify exit 75 with one line", async () => {
    const server = await startSabre();
    const ws = workspace(server);
    writeTree(ws.share, { "Lain-lain/x.txt": "x" });
    await server.stop();
    for (const args of [["sync"], ["verify"]]) {
      const r = await cli(ws, args);
      expect(r.code, `${args[0]}: ${r.stderr}`).toBe(75);
      expect(r.stderr.trim().split("\n")).toHaveLength(1);
    }
  });
});
