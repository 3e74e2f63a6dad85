/**
 * `arsipd sync` and `arsipd verify` end to end on every WebDAV server of the matrix
 * (test/servers/matrix.ts), judged by the files on disk behind the server, never by arsipd's own
 * journal: first mirror byte-exact, untouched passes that upload nothing and keep no konflik copy
 * (Apache's weak ETags), a rename that is one MOVE, a delete into `_Dihapus`, an edit on both
 * sides that keeps exactly one konflik copy, kill -9 mid-upload of a 60 MB scan followed by a pass
 * that ends byte-exact without a konflik copy, and `verify` failing for each injected difference.
 * The CLI talks to each server through a TCP relay (test/servers/relay.ts) that counts request
 * bytes, so the kill lands while the big PUT is on the wire.
 */
import { type ChildProcess, spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import {
  existsSync,
  readdirSync,
  readFileSync,
  renameSync,
  rmSync,
  statSync,
  utimesSync,
  writeFileSync,
} from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { BIN, runCli } from "../helpers/cli.js";
import { treeHashes, type Workspace, workspace, writeTree } from "../helpers/workspace.js";
import { basicAuth, type DavServer, SERVER_KINDS, startServer } from "../servers/index.js";
import { startRelay } from "../servers/relay.js";

const isKonflik = (p: string) => p.includes(" (konflik ");

/** Every file below `root` as rel → content hash, hidden names and the trash left out. */
const remoteTree = (ws: Workspace) => treeHashes(ws.remoteDir, ["_Dihapus"]);
const konflikCopies = (ws: Workspace) => [...remoteTree(ws).keys()].filter(isKonflik);

function expectMirrored(ws: Workspace): void {
  const local = treeHashes(ws.share);
  const remote = new Map([...remoteTree(ws)].filter(([p]) => !isKonflik(p)));
  expect([...remote.keys()].sort()).toEqual([...local.keys()].sort());
  for (const [rel, h] of local) expect(remote.get(rel), rel).toBe(h);
}

for (const kind of SERVER_KINDS) {
  describe(`arsipd on ${kind}`, () => {
    let server: DavServer;
    let ws: Workspace;
    let rel: Awaited<ReturnType<typeof startRelay>>;
    let onBytes: (total: number) => void = () => undefined;

    async function cli(args: string[]) {
      return runCli([...args, "--config", ws.config], {
        cwd: ws.dir,
        env: ws.env,
        timeoutMs: 180_000,
      });
    }
    async function sync() {
      const r = await cli(["sync", "--json"]);
      let summary: Record<string, unknown> = {};
      try {
        summary = JSON.parse(r.stdout);
      } catch {
        // asserted through r.code / r.stderr
      }
      return { ...r, summary };
    }
    async function verify(extra: string[] = []) {
      const r = await cli(["verify", "--json", ...extra]);
      const out = r.code === 0 || r.code === 1 ? JSON.parse(r.stdout) : { differences: [] };
      return {
        code: r.code,
        stderr: r.stderr,
        differences: out.differences as { path: string; problem: string }[],
      };
    }

    beforeAll(async () => {
      server = await startServer(kind);
      rel = await startRelay(Number(new URL(server.url).port), (n) => onBytes(n));
      const viaRelay = { ...server, url: server.url.replace(/:\d+/, `:${rel.port}`) };
      ws = workspace(viaRelay);
      // Names with characters that need care in hrefs (#, %, &, ').
      writeTree(ws.share, {
        "Lain-lain/notulen #3 50% & 'rapat'.txt": "notulen",
        "Lain-lain/sub/a.txt": randomBytes(2_000),
        "Lain-lain/sub/b.txt": randomBytes(3_000),
        "Lain-lain/edit.txt": "versi satu",
        "Lain-lain/hapus.txt": "akan dihapus",
        "Lain-lain/pindah.txt": randomBytes(5_000),
      });
    }, 60_000);
    afterAll(async () => {
      await rel?.close();
      await server?.stop();
    });

    it("first mirror byte-exact; three untouched passes upload nothing and keep no konflik copy", async () => {
      const first = await sync();
      expect(first.stderr, server.logs?.()).toBe("");
      expect(first.code).toBe(0);
      expect(first.summary).toMatchObject({ uploaded: 6, failed: 0, skipped: 0 });
      expectMirrored(ws);
      for (let i = 0; i < 3; i++) {
        const again = await sync();
        expect(again.code, again.stderr).toBe(0);
        expect(again.summary).toMatchObject({ uploaded: 0, conflicts: 0, failed: 0, skipped: 0 });
      }
      expect(konflikCopies(ws)).toEqual([]);
      expectMirrored(ws);
      const v = await verify();
      expect(v.differences).toEqual([]);
      expect(v.code).toBe(0);
    }, 120_000);

    it("a rename is one MOVE, a delete goes to _Dihapus, an edit on both sides keeps one konflik copy", async () => {
      renameSync(
        path.join(ws.share, "Lain-lain/pindah.txt"),
        path.join(ws.share, "Lain-lain/sub/pindah.txt"),
      );
      const gone = readFileSync(path.join(ws.share, "Lain-lain/hapus.txt"));
      rmSync(path.join(ws.share, "Lain-lain/hapus.txt"));
      const theirs = Buffer.from("their edit, made on the server");
      const put = await fetch(`${server.url}/${path.basename(ws.remoteDir)}/Lain-lain/edit.txt`, {
        method: "PUT",
        body: theirs,
        headers: { Authorization: basicAuth(server) },
      });
      expect(put.status).toBeLessThan(300);
      const ours = Buffer.from("versi dua, from the share");
      writeFileSync(path.join(ws.share, "Lain-lain/edit.txt"), ours);

      const r = await sync();
      expect(r.code, r.stderr).toBe(0);
      expect(r.summary).toMatchObject({
        moved: 1,
        trashed: 1,
        conflicts: 1,
        uploaded: 1,
        failed: 0,
      });
      expectMirrored(ws);
      const day = readdirSync(path.join(ws.remoteDir, "_Dihapus"));
      expect(day).toHaveLength(1);
      expect(
        readFileSync(path.join(ws.remoteDir, "_Dihapus", day[0]!, "Lain-lain/hapus.txt")),
      ).toEqual(gone);
      const copies = konflikCopies(ws);
      expect(copies).toHaveLength(1);
      expect(readFileSync(path.join(ws.remoteDir, copies[0]!))).toEqual(theirs);

      // The konflik copy is a difference someone must look at; once removed, all is in order.
      const v = await verify();
      expect(v.code).toBe(1);
      expect(v.differences).toEqual([
        { path: copies[0], problem: "konflik", detail: expect.any(String) },
      ]);
      rmSync(path.join(ws.remoteDir, copies[0]!));
      expect((await verify()).code).toBe(0);
    }, 120_000);

    it("verify fails for each injected difference on the server", async () => {
      const a = path.join(ws.remoteDir, "Lain-lain/sub/a.txt");
      const b = path.join(ws.remoteDir, "Lain-lain/sub/b.txt");
      const n = path.join(ws.remoteDir, "Lain-lain/notulen #3 50% & 'rapat'.txt");
      const aBytes = readFileSync(a);
      const bBytes = readFileSync(b);
      // Restored with their modification times, so the server sees the files it had before.
      const times = new Map([a, b, n].map((f) => [f, statSync(f)]));
      const restore = (f: string, bytes: Buffer | string) => {
        writeFileSync(f, bytes);
        const st = times.get(f)!;
        utimesSync(f, st.atime, st.mtime);
      };
      const cases: [string, () => void, string, string[]][] = [
        ["missing", () => rmSync(a), "Lain-lain/sub/a.txt", []],
        [
          "size",
          () => writeFileSync(b, Buffer.concat([bBytes, Buffer.from("x")])),
          "Lain-lain/sub/b.txt",
          [],
        ],
        [
          "extra",
          () => writeFileSync(path.join(ws.remoteDir, "Lain-lain/asing.txt"), "x"),
          "Lain-lain/asing.txt",
          [],
        ],
        // Same size, other bytes: only reading it back (or a server checksum) can tell.
        [
          "content",
          () => writeFileSync(n, Buffer.from("NOTULEN")),
          "Lain-lain/notulen #3 50% & 'rapat'.txt",
          ["--deep"],
        ],
        [
          "unmirrored",
          () => writeFileSync(path.join(ws.share, "Lain-lain/baru.txt"), "baru"),
          "Lain-lain/baru.txt",
          [],
        ],
      ];
      for (const [problem, inject, where, flags] of cases) {
        inject();
        const v = await verify(flags);
        expect(v.code, `${problem}: ${v.stderr}`).toBe(1);
        expect(v.differences.map((d) => d.path)).toContain(where);
        if (problem !== "content")
          expect(v.differences.find((d) => d.path === where)?.problem).toBe(problem);
        else
          expect(["content", "checksum"]).toContain(
            v.differences.find((d) => d.path === where)?.problem,
          );
      }
      restore(a, aBytes);
      restore(b, bBytes);
      restore(n, "notulen");
      rmSync(path.join(ws.remoteDir, "Lain-lain/asing.txt"));
      rmSync(path.join(ws.share, "Lain-lain/baru.txt"));
      const v = await verify(["--deep"]);
      expect(v.differences).toEqual([]);
      expect(v.code).toBe(0);
    }, 120_000);

    it("kill -9 mid-upload of a 60 MB scan: the next pass ends byte-exact without a konflik copy", async () => {
      const big = "KPT-SEKRETARIS/2022/KPT-SEKRETARIS_2022_001_scan-besar.pdf";
      writeTree(ws.share, { [big]: randomBytes(60 * 1024 * 1024) });
      let child: ChildProcess | undefined;
      let killedAt = 0;
      rel.reset();
      onBytes = (total) => {
        if (total > 20 * 1024 * 1024 && child && !killedAt) {
          killedAt = total;
          child.kill("SIGKILL");
        }
      };
      const exit = await new Promise<NodeJS.Signals | null>((resolve) => {
        child = spawn(process.execPath, [BIN, "sync", "--config", ws.config], {
          cwd: ws.dir,
          env: { ...process.env, ARSIPD_CONFIG: "", ...ws.env },
          stdio: "ignore",
        });
        child.on("exit", (_code, signal) => resolve(signal));
      });
      onBytes = () => undefined;
      expect(exit).toBe("SIGKILL");
      expect(killedAt).toBeGreaterThan(0);
      const remoteBig = path.join(ws.remoteDir, big);
      // Whatever the server kept of the cut upload, it is not the whole scan.
      expect(existsSync(remoteBig) && statSync(remoteBig).size === 60 * 1024 * 1024).toBe(false);

      const r = await sync();
      expect(r.code, r.stderr).toBe(0);
      expect(r.summary).toMatchObject({ conflicts: 0, failed: 0 });
      expectMirrored(ws);
      expect(konflikCopies(ws)).toEqual([]);
      expect((await verify()).code).toBe(0);
    }, 240_000);
  });
}
