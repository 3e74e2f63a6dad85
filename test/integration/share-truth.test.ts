/**
 * What `arsipd sync` tells about the share is true (issue: truth in the share), asserted on the
 * files behind real WebDAV servers and in the share:
 * - an unmounted (empty-looking) share changes not one byte on the server, and nothing is
 *   written into the share: no fresh register, no empty feed, no metadata template over the
 *   staff's own;
 * - a file the organizer could not file makes `sync` exit 1 and names it.
 */
import { mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runCli } from "../helpers/cli.js";
import { treeHashes } from "../helpers/workspace.js";
import { type DavServer, type ServerKind, startServer } from "../servers/index.js";

interface Ws {
  dir: string;
  share: string;
  config: string;
  env: Record<string, string>;
  remoteDir: string;
}

function ws(server: DavServer): Ws {
  const dir = mkdtempSync(path.join(tmpdir(), "arsipd-truth-"));
  const share = path.join(dir, "share");
  mkdirSync(share);
  const root = `Arsip-${path.basename(dir)}`;
  const config = path.join(dir, "arsipd.yaml");
  writeFileSync(
    config,
    `share: ./share\nstateDir: ./state\nremote:\n  type: webdav\n  url: ${server.url}\n  username: ${server.username}\n  root: /${root}\n  retries: 2\n  timeoutMs: 20000\nwatch:\n  stabilityMs: 0\n`,
  );
  return {
    dir,
    share,
    config,
    env: { ARSIPD_REMOTE_PASSWORD: server.password },
    remoteDir: path.join(server.root, root),
  };
}

async function sync(w: Ws) {
  return runCli(["sync", "--config", w.config], { cwd: w.dir, env: w.env, timeoutMs: 120_000 });
}

for (const kind of ["sabre", "nginx", "apache-dav"] as ServerKind[]) {
  describe(`the share's truth against ${kind}`, () => {
    let server: DavServer;
    beforeAll(async () => {
      server = await startServer(kind);
    });
    afterAll(async () => {
      await server?.stop();
    });

    it("an unmounted share changes 0 bytes on the server and writes nothing into the share", async () => {
      const w = ws(server);
      for (let i = 1; i <= 6; i++) {
        writeFileSync(
          path.join(w.share, `SK Ketua No ${i} Th 2024 ttg Penetapan ${i}.pdf`),
          `%PDF-1.4 decree ${i}\n%%EOF\n`,
        );
      }
      const first = await sync(w);
      expect(first.stderr).toBe("");
      expect(first.code).toBe(0);
      const before = treeHashes(w.remoteDir);
      // The register, the feed and the metadata template were written and mirrored.
      expect([...before.keys()]).toEqual(
        expect.arrayContaining(["Indeks-Keputusan.xlsx", "Indeks-Keputusan.csv", "jdihn.json"]),
      );
      // The mount is gone: the folder is there, empty.
      rmSync(w.share, { recursive: true });
      mkdirSync(w.share);
      const r = await sync(w);
      expect(r.code).toBe(1);
      expect(r.stdout + r.stderr).toMatch(/looks empty/);
      expect(treeHashes(w.remoteDir)).toEqual(before);
      expect(readdirSync(w.share)).toEqual([]);
    });

    it("a file the organizer could not file makes sync exit 1 and names it", async () => {
      const w = ws(server);
      // A plain file where the organizer needs the folder KPT-KETUA: the move cannot happen.
      writeFileSync(path.join(w.share, "KPT-KETUA"), "not a folder");
      writeFileSync(path.join(w.share, "SK Ketua No 9 Th 2024 ttg Tim.pdf"), "%PDF-1.4\n%%EOF\n");
      const r = await sync(w);
      expect(r.code).toBe(1);
      expect(r.stderr).toMatch(/could not be filed:\n {2}SK Ketua No 9 Th 2024 ttg Tim\.pdf: /);
    });
  });
}
