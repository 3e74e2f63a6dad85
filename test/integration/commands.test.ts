/** sync --dry-run, verify and status as processes against SabreDAV. */
import { randomBytes } from "node:crypto";
import { readdirSync, readFileSync, rmSync } from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runCli } from "../helpers/cli.js";
import { treeHashes, type Workspace, workspace, writeTree } from "../helpers/workspace.js";
import { type DavServer, startSabre } from "../servers/index.js";

describe("sync --dry-run, verify, status (SabreDAV)", () => {
  let server: DavServer;
  let ws: Workspace;
  const cli = (args: string[]) =>
    runCli([...args, "--config", ws.config], { cwd: ws.dir, env: ws.env, timeoutMs: 60_000 });
  beforeAll(async () => {
    server = await startSabre();
    ws = workspace(server);
    writeTree(ws.share, {
      "MASUK/SK Sekretaris No 5 Th 2024 ttg Tim Pengelola JDIH.pdf": randomBytes(5000),
      "KPT-KETUA/2024/KPT-KETUA_2024_001_penetapan-jadwal.pdf": randomBytes(7000),
    });
  });
  afterAll(async () => {
    await server?.stop();
  });

  it("--dry-run prints the plan and changes nothing, locally or remotely", async () => {
    const before = treeHashes(ws.share);
    const r = await cli(["sync", "--dry-run"]);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain(
      "file        MASUK/SK Sekretaris No 5 Th 2024 ttg Tim Pengelola JDIH.pdf -> KPT-SEKRETARIS/2024/KPT-SEKRETARIS_2024_005_tim-pengelola-jdih.pdf",
    );
    expect(r.stdout).toContain(
      "upload      KPT-KETUA/2024/KPT-KETUA_2024_001_penetapan-jadwal.pdf",
    );
    expect(r.stdout).toContain("(dry run: nothing was changed)");
    expect(treeHashes(ws.share)).toEqual(before);
    expect(treeHashes(ws.remoteDir).size).toBe(0);
  });

  it("verify finds no difference after a sync, and reports a file removed behind arsipd's back", async () => {
    expect((await cli(["sync"])).code).toBe(0);
    const ok = await cli(["verify", "--json"]);
    expect(ok.code).toBe(0);
    const report = JSON.parse(ok.stdout);
    expect(report.differences).toEqual([]);
    expect(report.checked).toBeGreaterThanOrEqual(2);

    const victim = "KPT-KETUA/2024/KPT-KETUA_2024_001_penetapan-jadwal.pdf";
    rmSync(path.join(ws.remoteDir, victim));
    const bad = await cli(["verify"]);
    expect(bad.code).toBe(1);
    expect(bad.stdout).toMatch(new RegExp(`missing\\s+${victim.replace(/[.]/g, "\\.")}`));
  });

  it("status says down (exit 2) when no daemon runs, with counts, and never shows the password", async () => {
    const r = await cli(["status", "--json"]);
    expect(r.code).toBe(2);
    const s = JSON.parse(r.stdout);
    expect(s.health).toBe("down");
    expect(s.daemon.running).toBe(false);
    expect(s.remote.reachable).toBe(true);
    expect(s.remote.url).toContain("/remote.php/dav/files/");
    // What check() probed: this SabreDAV keeps mtimes and lists SHA-1 checksums.
    expect(s.remote.capabilities).toMatchObject({ setMtime: true, checksums: ["sha1"] });
    expect(s.counts.tracked).toBeGreaterThanOrEqual(2);
    expect(r.stdout).not.toContain(server.password);
    const logs = readdirSync(path.join(ws.state, "logs")).map((f) =>
      readFileSync(path.join(ws.state, "logs", f), "utf8"),
    );
    expect(logs.join("").length).toBeGreaterThan(0);
    expect(logs.join("")).not.toContain(server.password);
  });
});
