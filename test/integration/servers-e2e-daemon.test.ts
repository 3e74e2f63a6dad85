/**
 * The daemon's newer promises on real WebDAV servers (SabreDAV, nginx dav-ext, Apache mod_dav_fs),
 * judged by the files on the server's disk against the share's (bytes, SHA-256, and the
 * modification time where the server keeps the one arsipd sends), never by arsipd's journal:
 * - bytes written through a handle still open after the decree was filed reach the server;
 * - a scan filed after background OCR, and its searchable copy in `_PDF-TEKS`, reach the server;
 * - the register's `tersinkron` turns to `menunggu` when a filed file changes while the server is
 *   lost, and back once the daemon put the bytes there;
 * - with no daemon running: `index` says `menunggu` and `verify` fails for a changed file, and
 *   after `sync` the server holds it, `index` says `tersinkron` and `verify --deep` passes.
 * The daemon runs as a process with a daily full pass, so only its quick passes (and the retry
 * after the outage) can do the work. The server is "lost" through a TCP relay that cuts it off.
 */
import { createHash } from "node:crypto";
import {
  closeSync,
  existsSync,
  openSync,
  readdirSync,
  readFileSync,
  statSync,
  writeFileSync,
  writeSync,
} from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { runCli } from "../helpers/cli.js";
import { type DaemonProc, startDaemon } from "../helpers/daemon.js";
import { until, type Workspace, workspace, writeTree } from "../helpers/workspace.js";
import { decreePages, makeDoc } from "../ocr/docs.js";
import { startFaultProxy } from "../servers/fault-proxy.js";
import { type DavServer, type ServerKind, serverCaps, startServer } from "../servers/index.js";
import { type Relay, startRelay } from "../servers/relay.js";

/** SabreDAV (OwnCloud emulation, keeps mtime), SabreDAV in mod_php, nginx dav-ext, mod_dav_fs. */
const KINDS: ServerKind[] = ["sabre", "sabre-modphp", "nginx", "apache-dav"];
/**
 * Where a scan is read by OCR (tesseract's time dominates and the server sees the same MOVE and
 * PUTs for any file): the OwnCloud engine, and nginx, which gives neither ETags nor mtimes.
 */
const OCR_KINDS: ServerKind[] = ["sabre", "nginx"];

const fullPasses = (d: DaemonProc) =>
  d.lines().filter((l) => l.msg === "mirror pass done" && l.full === true).length;
const sha = (f: string) => createHash("sha256").update(readFileSync(f)).digest("hex");
const pdf = (body: string) => Buffer.from(`%PDF-1.4\n${body}\ntrailer\n<<>>\n%%EOF\n`, "latin1");

/** rel → absolute path of every regular file below `root` (hidden names and `_Dihapus` left out). */
function files(root: string): Map<string, string> {
  const out = new Map<string, string>();
  const walk = (abs: string, rel: string) => {
    for (const n of existsSync(abs) ? readdirSync(abs) : []) {
      if (n.startsWith(".") || (!rel && n === "_Dihapus")) continue;
      const p = path.join(abs, n);
      const r = rel ? `${rel}/${n}` : n;
      const st = statSync(p);
      if (st.isDirectory()) walk(p, r);
      else if (st.isFile()) out.set(r, p);
    }
  };
  walk(root, "");
  return out;
}

/**
 * How the server's disk differs from the share: missing or extra files, other bytes, and (when
 * the server keeps the mtime arsipd sends) another modification time, to the second.
 */
function differences(ws: Workspace, keepsMtime: boolean): string[] {
  const share = files(ws.share);
  const server = files(ws.remoteDir);
  const out: string[] = [];
  for (const [rel, p] of share) {
    const q = server.get(rel);
    if (!q) out.push(`${rel}: not on the server`);
    else if (sha(p) !== sha(q)) out.push(`${rel}: other bytes on the server`);
    else if (
      keepsMtime &&
      Math.floor(statSync(p).mtimeMs / 1000) !== Math.floor(statSync(q).mtimeMs / 1000)
    )
      out.push(`${rel}: mtime ${statSync(q).mtime.toISOString()} on the server`);
  }
  for (const rel of server.keys()) if (!share.has(rel)) out.push(`${rel}: only on the server`);
  return out;
}

/**
 * Every name below `root`, hidden ones, scratch files and the trash included, with its size:
 * what a failure shows of the server's disk.
 */
function listing(root: string): string {
  const out: string[] = [];
  const walk = (abs: string, rel: string) => {
    for (const n of existsSync(abs) ? readdirSync(abs) : []) {
      const st = statSync(path.join(abs, n));
      const r = rel ? `${rel}/${n}` : n;
      if (st.isDirectory()) walk(path.join(abs, n), r);
      else out.push(`${r} (${st.size} B)`);
    }
  };
  walk(root, "");
  return out.join(", ");
}

/**
 * Waits until the server's disk holds the share. One look that finds them equal is the proof: a
 * second look may fall inside a replacement the daemon rightly began since (stock SabreDAV
 * replaces a file by deleting it, then renaming our upload onto its name). A failure names what
 * differed last, the server's whole listing and what the daemon logged about those files.
 */
async function expectServerHoldsShare(
  ws: Workspace,
  keepsMtime: boolean,
  d: DaemonProc | undefined,
): Promise<void> {
  let last: string[] = [];
  await until(
    () => {
      last = differences(ws, keepsMtime);
      return last.length === 0;
    },
    60_000,
    "the server's disk",
  ).catch(() => undefined);
  const about = new Set(last.map((x) => x.slice(0, x.indexOf(": "))));
  const said = (d?.lines() ?? [])
    .filter((l) => about.has(String(l.path)) || Number(l.level) >= 40)
    .map(
      (l) =>
        `${l.time} ${l.msg} ${l.path ?? ""} ${l.action ?? ""} ${l.err ? JSON.stringify(l.err).slice(0, 200) : ""}`,
    )
    .slice(-30);
  expect(last, `server: ${listing(ws.remoteDir)}\ndaemon:\n${said.join("\n")}`).toEqual([]);
}

/** Waits for `pred` and asserts it was seen to hold (once is enough: see above). */
async function eventually(pred: () => boolean, what: string, ms = 60_000): Promise<void> {
  let seen = false;
  await until(
    () => {
      seen = pred();
      return seen;
    },
    ms,
    what,
  ).catch(() => undefined);
  expect(seen, what).toBe(true);
}

/**
 * Waits until the daemon logged nothing for a second: its passes and register rebuilds are over,
 * so what the test does next (cutting the server off, SIGTERM) cuts no transfer short.
 */
async function quiet(d: DaemonProc): Promise<void> {
  let seen = -1;
  let since = Date.now();
  await until(
    () => {
      if (d.lines().length !== seen) {
        seen = d.lines().length;
        since = Date.now();
      }
      return Date.now() - since >= 1_000;
    },
    60_000,
    "the daemon to go quiet",
  );
}

/** `bytes` with its first `from` replaced by `to` (same length: only the content tells). */
function sameSizeEdit(bytes: Buffer, from: string, to: string): Buffer {
  const out = Buffer.from(bytes.toString("latin1").replace(from, to), "latin1");
  expect(out.length).toBe(bytes.length);
  expect(out.equals(bytes)).toBe(false);
  return out;
}

const LATE = "KPT-KETUA/2024/KPT-KETUA_2024_010_anggaran.pdf";
const SCAN = "KPT-KETUA/2024/KPT-KETUA_2024_020_penetapan-ppk.pdf";

// One test per server kind, run side by side: most of each is waiting for quiet windows, the
// register's debounce and the daemon's back-off, not work.
describe.concurrent("the daemon's promises on real WebDAV servers", () => {
  for (const kind of KINDS) {
    const caps = serverCaps(kind);
    const ocr = OCR_KINDS.includes(kind);
    it(`${caps.label}: late write, ${ocr ? "OCR'd scan and searchable copy, " : ""}register status`, async ({
      onTestFailed,
    }) => {
      const server: DavServer = await startServer(kind);
      const relay: Relay = await startRelay(Number(new URL(server.url).port));
      let d: DaemonProc | undefined;
      // What the daemon did, for a failure's report.
      onTestFailed(() => {
        const lines = d?.lines() ?? [];
        console.error(
          `${kind}: daemon log\n${lines
            .map(
              (l) =>
                `${l.time} ${l.msg} ${l.path ?? ""} ${l.err ? JSON.stringify(l.err).slice(0, 300) : ""}`,
            )
            .join("\n")}\n${server.logs?.().slice(-2000) ?? ""}`,
        );
      });
      try {
        const ws = workspace({ ...server, url: server.url.replace(/:\d+/, `:${relay.port}`) });
        const yaml = readFileSync(ws.config, "utf8")
          .replace(/watch:\n {2}stabilityMs: 0\n/, "watch:\n  stabilityMs: 500\n")
          .replace("index:\n  enabled: false\n", "index:\n  enabled: true\n  debounceMs: 200\n");
        writeFileSync(
          ws.config,
          `${yaml}ocr:\n  enabled: ${ocr}\n  searchablePdf: ${ocr}\nschedule:\n  fullPass: "0 3 * * *"\n`,
        );
        const row = () =>
          (existsSync(path.join(ws.share, "Indeks-Keputusan.csv"))
            ? readFileSync(path.join(ws.share, "Indeks-Keputusan.csv"), "utf8")
            : ""
          )
            .split(/\r?\n/)
            .find((l) => l.includes("KPT-KETUA_2024_010")) ?? "";
        const onServer = (rel: string) =>
          existsSync(path.join(ws.remoteDir, rel))
            ? readFileSync(path.join(ws.remoteDir, rel))
            : null;
        const scanBytes = ocr
          ? readFileSync(
              makeDoc(
                path.join(ws.share, "MASUK", "SK Ketua No 20 Th 2024 ttg Penetapan PPK.pdf"),
                {
                  device: "pdfimage24",
                  pages: decreePages({ nomor: "20", tahun: 2024, tentang: "Penetapan PPK" }),
                },
              ),
            )
          : null;

        // 1. A late write through a handle still open after filing (the daemon as a process).
        d = startDaemon(["--config", ws.config], { cwd: ws.dir, env: ws.env });
        await d.waitFor((l) => l.msg === "first pass done; watching for changes", 60_000);
        const fullAtStart = fullPasses(d);
        const first = pdf("first save");
        const fd = openSync(
          path.join(ws.share, "MASUK", "SK Ketua No 10 Th 2024 ttg Anggaran.pdf"),
          "w",
        );
        writeSync(fd, first, 0, first.length, 0); // Word keeps the file open
        await eventually(
          () => onServer(LATE)?.equals(first) === true,
          "the first save on the server",
        );
        const second = sameSizeEdit(first, "first", "FIRST");
        writeSync(fd, second, 0, second.length, 0);
        closeSync(fd);
        if (ocr) {
          await d.waitFor((l) => l.msg === "filed decree" && l.path === SCAN, 120_000);
          await eventually(
            () => existsSync(path.join(ws.share, "_PDF-TEKS", SCAN)),
            "the searchable copy",
          );
        }
        await eventually(
          () => row().includes("tersinkron") && onServer(LATE)?.equals(second) === true,
          "the late write on the server, tersinkron",
        );
        await expectServerHoldsShare(ws, caps.setMtime, d);
        if (ocr) {
          expect(onServer(SCAN)).toEqual(scanBytes);
          expect(onServer(`_PDF-TEKS/${SCAN}`)).not.toBeNull();
          // Filed by what OCR read, in the background.
          expect(d.lines().some((l) => l.msg === "reading a scan (OCR) in the background")).toBe(
            true,
          );
        }
        // Quick passes did it: the only full pass is the start-up one.
        expect(fullPasses(d)).toBe(fullAtStart);

        // 2. The server is lost and a filed decree changes: the register stops saying
        // tersinkron; once the server is back, the daemon puts the bytes there and says it again.
        await quiet(d);
        relay.setDown(true);
        const third = sameSizeEdit(second, "save", "SAVE");
        writeFileSync(path.join(ws.share, LATE), third);
        await d.waitFor((l) => String(l.msg).startsWith("work stopped:"), 60_000);
        await eventually(
          () => row().includes("menunggu"),
          "menunggu while the server is lost",
          20_000,
        );
        expect(row()).not.toContain("tersinkron");
        expect(onServer(LATE)).toEqual(second);
        relay.setDown(false);
        await eventually(
          () => row().includes("tersinkron") && onServer(LATE)?.equals(third) === true,
          "tersinkron again with the bytes on the server",
        );
        await expectServerHoldsShare(ws, caps.setMtime, d);
        await quiet(d);
        d.signal("SIGTERM");
        expect((await d.exited).code).toBe(0);

        // 3. One-shot commands while no daemon runs: index, verify, sync, judged by the server's disk.
        const cli = (args: string[]) =>
          runCli([...args, "--config", ws.config], {
            cwd: ws.dir,
            env: ws.env,
            timeoutMs: 120_000,
          });
        const fourth = sameSizeEdit(third, "SAVE", "save");
        writeFileSync(path.join(ws.share, LATE), fourth);
        const i1 = await cli(["index"]);
        expect(i1.code, i1.stdout + i1.stderr).toBe(0);
        expect(row()).toContain("menunggu");
        expect(row()).not.toContain("tersinkron");
        const v = await cli(["verify", "--json"]);
        expect(v.code, v.stderr).toBe(1);
        expect(JSON.parse(v.stdout).differences.map((x: { path: string }) => x.path)).toContain(
          LATE,
        );
        const s = await cli(["sync"]);
        expect(s.code, s.stderr).toBe(0);
        expect(onServer(LATE)).toEqual(fourth);
        const i2 = await cli(["index"]);
        expect(i2.code, i2.stdout + i2.stderr).toBe(0);
        expect(row()).toContain("tersinkron");
        // The rebuilt register is a share file too: one more sync puts it on the server.
        expect((await cli(["sync"])).code).toBe(0);
        await expectServerHoldsShare(ws, caps.setMtime, undefined);
        const ok = await cli(["verify", "--deep"]);
        expect(ok.code, ok.stdout + ok.stderr).toBe(0);
      } finally {
        if (d && d.child.exitCode === null && d.child.signalCode === null) d.child.kill("SIGKILL");
        await relay.close();
        await server.stop();
      }
    }, 240_000);
  }
});

// nginx answers a PUT without the entry, so arsipd confirms uploads by listing their folder at
// the end of the pass (src/mirror/apply/size-check.ts). A stop in between must not leave the
// server holding bytes of ours the journal does not know: the next edit would keep them as a
// konflik copy, though nobody but arsipd wrote them.
describe("SIGTERM while uploads wait for their size check (nginx)", () => {
  it("the uploads the server took are recorded: a later edit makes no konflik copy", async () => {
    const server = await startServer("nginx");
    const proxy = await startFaultProxy(server.url);
    let d: DaemonProc | undefined;
    try {
      const ws = workspace({ ...server, url: proxy.url });
      const rel = "KPT-KETUA/2024/KPT-KETUA_2024_011_honor.pdf";
      const file = path.join(ws.share, rel);
      writeTree(ws.share, { [rel]: pdf("versi satu") });
      d = startDaemon(["--config", ws.config], { cwd: ws.dir, env: ws.env });
      await d.waitFor((l) => l.msg === "first pass done; watching for changes", 60_000);
      await quiet(d);
      // The listings of the next pass are slow: the stop lands while the upload is unconfirmed.
      for (let i = 0; i < 3; i++)
        proxy.inject({ kind: "delay", ms: 1_500 }, { method: "PROPFIND" });
      const seen = d.lines().length;
      writeFileSync(file, pdf("versi dua, sedikit lebih panjang"));
      await d.waitFor(
        (l) => d!.lines().indexOf(l) >= seen && l.msg === "mirrored" && l.path === rel,
        60_000,
      );
      d.signal("SIGTERM");
      expect((await d.exited).code).toBe(0);
      expect(readFileSync(path.join(ws.remoteDir, rel))).toEqual(readFileSync(file));

      writeFileSync(file, pdf("versi tiga"));
      const r = await runCli(["sync", "--json", "--config", ws.config], {
        cwd: ws.dir,
        env: ws.env,
      });
      expect(r.code, r.stderr).toBe(0);
      expect(JSON.parse(r.stdout)).toMatchObject({ conflicts: 0, failed: 0 });
      expect(differences(ws, false)).toEqual([]);
    } finally {
      if (d && d.child.exitCode === null && d.child.signalCode === null) d.child.kill("SIGKILL");
      await proxy.close();
      await server.stop();
    }
  }, 120_000);
});
