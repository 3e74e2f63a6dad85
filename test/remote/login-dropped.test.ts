/**
 * The daemon against stock SabreDAV in Apache + PHP-FPM: the site loses `CGIPassAuth On` while
 * arsipd runs (e.g. a move from mod_php to PHP-FPM). Every request is then refused with 401
 * although the password is right; the daemon must say the server may not pass the login
 * through, never ask for a new password.
 */
import { rm, writeFile } from "node:fs/promises";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startDaemon } from "../helpers/daemon.js";
import { treeHashes, until, workspace, writeTree } from "../helpers/workspace.js";
import { type DavServer, startServer } from "../servers/index.js";

describe("a login the server stops passing through", () => {
  let s: DavServer;
  beforeAll(async () => {
    s = await startServer("sabre-fpm");
  });
  afterAll(async () => {
    await s?.stop();
  });

  it("is reported as CGIPassAuth, not as a wrong password", async () => {
    const ws = workspace(s);
    writeTree(ws.share, { "KPT-KETUA/2024/KPT-KETUA_2024_001_pertama.pdf": "satu" });
    const d = startDaemon(["--config", ws.config], { cwd: ws.dir, env: ws.env });
    try {
      await until(() => treeHashes(ws.remoteDir).size === 1, 60_000, "the first file mirrored");
      await s.setPassAuth!(false);
      await writeFile(path.join(ws.share, "KPT-KETUA/2024/KPT-KETUA_2024_002_kedua.pdf"), "dua");
      const line = await d.waitFor((l) => JSON.stringify(l).includes("CGIPassAuth"), 60_000);
      expect(JSON.stringify(line)).toMatch(/accepted before/);
      expect(JSON.stringify(d.lines())).not.toMatch(/fix the password/);
      expect(JSON.stringify(d.lines())).not.toContain(s.password);
    } finally {
      d.signal("SIGTERM");
      await d.exited;
      await s.setPassAuth!(true);
      await rm(ws.dir, { recursive: true, force: true });
    }
  });
});
