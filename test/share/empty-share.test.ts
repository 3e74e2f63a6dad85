/**
 * An unmounted share (an empty folder where the share was): `arsipd sync` writes nothing at all,
 * neither into the share (no fresh register, feed or metadata template) nor onto the server.
 * Judged by the server's files and the share on disk, not by arsipd's journal.
 */
import { randomBytes } from "node:crypto";
import { readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { runCli } from "../helpers/cli.js";
import { treeHashes, workspace, writeTree } from "../helpers/workspace.js";

describe("an empty-looking share", () => {
  it("changes 0 bytes on the server and writes nothing into the share", async () => {
    const ws = workspace("local");
    writeFileSync(
      ws.config,
      readFileSync(ws.config, "utf8")
        .replace("index:\n  enabled: false", "index:\n  enabled: true")
        .replace("feed:\n  enabled: false", "feed:\n  enabled: true"),
    );
    const files: Record<string, Buffer> = {};
    for (let i = 1; i <= 30; i++)
      files[`KPT-KETUA/2024/KPT-KETUA_2024_${String(i).padStart(3, "0")}_hal.pdf`] =
        randomBytes(200);
    writeTree(ws.share, files);
    const cli = (args: string[]) => runCli([...args, "--config", ws.config], { cwd: ws.dir });
    const first = await cli(["sync"]);
    expect(first.stderr).toBe("");
    expect(first.code).toBe(0);
    // The staff's metadata, mirrored like any file.
    const meta = path.join(ws.share, "Metadata-Keputusan.csv");
    writeFileSync(meta, `${readFileSync(meta, "utf8")}KPT-KETUA;1;2024;Lokasi: Lemari 1\n`);
    expect((await cli(["sync"])).code).toBe(0);
    const before = treeHashes(ws.remoteDir);
    expect(before.size).toBeGreaterThanOrEqual(33); // 30 decrees, register, feed, metadata

    // Unmounted: the mount point is an empty folder.
    for (const n of readdirSync(ws.share)) rmSync(path.join(ws.share, n), { recursive: true });
    const r = await cli(["sync"]);
    expect(r.code).toBe(1);
    expect(readdirSync(ws.share)).toEqual([]);
    expect(treeHashes(ws.remoteDir)).toEqual(before);
  });
});
