/**
 * `arsipd sync` end to end against real WebDAV servers (SabreDAV shaped like OwnCloud, and
 * rclone serve webdav): first mirror, edits, renames, deletes, re-adds, someone else's edit,
 * asserting on the files on disk behind the server.
 */
import { randomBytes } from "node:crypto";
import { existsSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runCli } from "../helpers/cli.js";
import { treeHashes, type Workspace, workspace, writeTree } from "../helpers/workspace.js";
import { basicAuth, type DavServer, startRclone, startSabre } from "../servers/index.js";

const SKIP_REMOTE = ["_Dihapus"];

async function sync(ws: Workspace, extra: string[] = []) {
  const r = await runCli(["sync", "--json", "--config", ws.config, ...extra], {
    cwd: ws.dir,
    env: ws.env,
    timeoutMs: 120_000,
  });
  let summary: Record<string, unknown> = {};
  try {
    summary = JSON.parse(r.stdout);
  } catch {
    // asserted by the caller through r.code / r.stderr
  }
  return { ...r, summary };
}

function expectMirrored(ws: Workspace): void {
  const local = treeHashes(ws.share);
  const remote = treeHashes(ws.remoteDir, SKIP_REMOTE);
  expect([...remote.keys()].sort()).toEqual([...local.keys()].sort());
  for (const [rel, h] of local) expect(remote.get(rel), rel).toBe(h);
}

for (const [kind, start] of [
  ["SabreDAV (OwnCloud layout)", startSabre],
  ["rclone serve webdav", startRclone],
] as const) {
  describe(`arsipd sync against ${kind}`, () => {
    let server: DavServer;
    let ws: Workspace;
    beforeAll(async () => {
      server = await start();
      ws = workspace(server);
    });
    afterAll(async () => {
      await server?.stop();
    });

    it("mirrors a tree with nested folders, awkward names and a 50 MB scan", async () => {
      writeTree(ws.share, {
        "KPT-KETUA/2024/KPT-KETUA_2024_012_penetapan-daftar-pemilih-tetap.pdf": randomBytes(70_000),
        "SK Ketua No 7 Th 2023 ttg Pembentukan Tim.pdf": randomBytes(30_000),
        "Lain-lain/catatan rapat 50% & #1 — Jakarta Utara é.txt": "catatan",
        "Lain-lain/sub folder/ü ö ß.txt": "umlaut",
        "KPT-SEKRETARIS/2022/KPT-SEKRETARIS_2022_001_scan-besar.pdf": randomBytes(50 * 1024 * 1024),
      });
      const r = await sync(ws);
      expect(r.stderr).toBe("");
      expect(r.code).toBe(0);
      expect(r.summary).toMatchObject({ uploaded: 5, failed: 0, filed: 1 });
      expect(
        existsSync(path.join(ws.share, "KPT-KETUA/2023/KPT-KETUA_2023_007_pembentukan-tim.pdf")),
      ).toBe(true);
      expectMirrored(ws);

      const again = await sync(ws);
      expect(again.code).toBe(0);
      expect(again.summary).toMatchObject({ uploaded: 0, moved: 0, trashed: 0, failed: 0 });
    });

    it("follows an edit, a rename, a delete and a re-add; a deleted file goes to the dated trash", async () => {
      const edited = "KPT-KETUA/2024/KPT-KETUA_2024_012_penetapan-daftar-pemilih-tetap.pdf";
      writeFileSync(path.join(ws.share, edited), randomBytes(80_000));
      renameSync(
        path.join(ws.share, "Lain-lain/sub folder/ü ö ß.txt"),
        path.join(ws.share, "Lain-lain/sub folder/renamed ü.txt"),
      );
      const gone = "Lain-lain/catatan rapat 50% & #1 — Jakarta Utara é.txt";
      const goneContent = readFileSync(path.join(ws.share, gone));
      rmSync(path.join(ws.share, gone));
      const r = await sync(ws);
      expect(r.code).toBe(0);
      expect(r.summary).toMatchObject({ uploaded: 1, moved: 1, trashed: 1, failed: 0 });
      expectMirrored(ws);
      const trashDays = readdirSync(path.join(ws.remoteDir, "_Dihapus"));
      expect(trashDays).toHaveLength(1);
      expect(trashDays[0]).toMatch(/^\d{4}-\d{2}-\d{2}$/);
      expect(readFileSync(path.join(ws.remoteDir, "_Dihapus", trashDays[0]!, gone))).toEqual(
        goneContent,
      );

      writeFileSync(path.join(ws.share, gone), goneContent);
      const readd = await sync(ws);
      expect(readd.code).toBe(0);
      expect(readd.summary).toMatchObject({ uploaded: 1, failed: 0 });
      expectMirrored(ws);
    });

    it("keeps a remote file someone else changed as a konflik copy before uploading ours", async () => {
      const rel = "KPT-KETUA/2024/KPT-KETUA_2024_012_penetapan-daftar-pemilih-tetap.pdf";
      const theirs = Buffer.from("their edit made in OwnCloud");
      const url = `${server.url}/${path.basename(ws.remoteDir)}/${rel}`;
      const put = await fetch(url, {
        method: "PUT",
        body: theirs,
        headers: { Authorization: basicAuth(server) },
      });
      expect(put.status).toBeLessThan(300);
      const ours = randomBytes(1000);
      writeFileSync(path.join(ws.share, rel), ours);
      const r = await sync(ws);
      expect(r.code).toBe(0);
      expect(readFileSync(path.join(ws.remoteDir, rel))).toEqual(ours);
      const folder = path.join(ws.remoteDir, path.dirname(rel));
      const konflik = readdirSync(folder).filter((n) => n.includes("(konflik "));
      expect(konflik).toHaveLength(1);
      expect(readFileSync(path.join(folder, konflik[0]!))).toEqual(theirs);
    });
  });
}
