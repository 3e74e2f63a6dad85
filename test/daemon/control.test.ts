/**
 * One owner of the state folder: while the daemon runs, `arsipd sync` and `arsipd index` ask it
 * over its control socket and print its answer (processes, a real WebDAV server, real files).
 * Judged by the server's files and the register on disk, not by arsipd's own journal.
 */
import { existsSync, mkdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import path from "node:path";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { runCli } from "../helpers/cli.js";
import { type DaemonProc, startDaemon } from "../helpers/daemon.js";
import { treeHashes, type Workspace, workspace } from "../helpers/workspace.js";
import { type DavServer, startSabre } from "../servers/index.js";

const DECREE = "SK Ketua No 12 Th 2024 ttg Penetapan DPT.pdf";
const FILED = "KPT-KETUA/2024/KPT-KETUA_2024_012_penetapan-dpt.pdf";
const PDF = "%PDF-1.4 scan\n%%EOF\n";
// No watcher events in these tests (polling once an hour): only a pass the test asks for
// files and mirrors anything, so what `sync` prints is the daemon's own work.
const QUIET = "  polling: true\n  pollIntervalMs: 3600000\n";

let server: DavServer;
const running: DaemonProc[] = [];
beforeAll(async () => {
  server = await startSabre();
});
afterAll(async () => {
  await server?.stop();
});
afterEach(async () => {
  for (const d of running.splice(0)) {
    if (d.child.exitCode === null && d.child.signalCode === null) {
      d.child.kill("SIGTERM");
      await d.exited;
    }
  }
});

function ws(extra = ""): Workspace {
  const w = workspace(server, extra);
  // workspace() writes a `watch:` block; make this test's watcher quiet.
  const cfg = readFileSync(w.config, "utf8").replace("watch:\n", `watch:\n${QUIET}`);
  writeFileSync(w.config, cfg);
  return w;
}

async function daemon(w: Workspace): Promise<DaemonProc> {
  const d = startDaemon(["--config", w.config], { cwd: w.dir, env: w.env });
  running.push(d);
  await d.waitFor((l) => l.msg === "first pass done; watching for changes");
  return d;
}

const cli = (w: Workspace, ...args: string[]) =>
  runCli([...args, "--config", w.config], { cwd: w.dir, env: w.env, timeoutMs: 60_000 });

const onServer = (w: Workspace) => treeHashes(w.remoteDir);

function withIndex(w: Workspace): Workspace {
  writeFileSync(
    w.config,
    readFileSync(w.config, "utf8")
      .replace("index:\n  enabled: false", "index:\n  enabled: true\n  debounceMs: 0")
      .replace("feed:\n  enabled: false", "feed:\n  enabled: true"),
  );
  return w;
}

describe("arsipd sync/index while the daemon runs", () => {
  it("sync asks the daemon, prints its result, exits 0, and the file is on the server", async () => {
    const w = ws();
    const d = await daemon(w);
    const sock = path.join(w.state, "arsipd.sock");
    expect(statSync(sock).isSocket()).toBe(true);
    expect(statSync(sock).mode & 0o777).toBe(0o600);

    writeFileSync(path.join(w.share, DECREE), PDF);
    // A dry run over the socket changes nothing: the share, the server and the journal stay.
    const journalBefore = readFileSync(path.join(w.state, "journal.log"));
    const dry = await cli(w, "sync", "--dry-run");
    expect(dry.stderr).toBe("");
    expect(dry.code).toBe(0);
    expect(dry.stdout).toContain(`file        ${DECREE} -> ${FILED}`);
    expect(dry.stdout).toContain("(dry run: nothing was changed)");
    expect(existsSync(path.join(w.share, DECREE))).toBe(true);
    expect(onServer(w).has(FILED)).toBe(false);
    expect(readFileSync(path.join(w.state, "journal.log"))).toEqual(journalBefore);

    const r = await cli(w, "sync", "--json");
    expect(r.stderr).toBe("");
    expect(r.code).toBe(0);
    const printed = JSON.parse(r.stdout);
    expect(printed).toMatchObject({ filed: 1, uploaded: 1, failed: 0 });
    // The daemon did the pass (its log has the request and this very result).
    const done = await d.waitFor((l) => l.msg === "arsipd sync: done");
    expect(done.summary).toMatchObject({ filed: 1, uploaded: 1 });
    expect(readFileSync(path.join(w.state, "arsipd.pid"), "utf8").split("\n")[0]).toBe(
      String(d.child.pid),
    );
    // Judged by the server's files: the filed decree, byte for byte.
    expect(readFileSync(path.join(w.remoteDir, FILED), "utf8")).toBe(PDF);
    expect(d.child.exitCode).toBeNull();
  });

  it("index while the daemon runs keeps Status Sinkronisasi filled", async () => {
    const w = withIndex(ws());
    writeFileSync(path.join(w.share, DECREE), PDF);
    const d = await daemon(w);
    expect(onServer(w).has(FILED)).toBe(true);

    const r = await cli(w, "index");
    expect(r.stderr).toBe("");
    expect(r.code).toBe(0);
    expect(r.stdout).toContain("1 keputusan");
    const csv = readFileSync(path.join(w.share, "Indeks-Keputusan.csv"), "utf8");
    expect(statusColumn(csv, "KPT-KETUA_2024_012")).toBe("tersinkron");
    // Built by the daemon, in its loop, not beside it.
    await d.waitFor((l) => l.msg === "arsipd index: running");
  });

  it("index without a daemon takes the lock and fills Status Sinkronisasi from the journal", async () => {
    const w = withIndex(ws());
    writeFileSync(path.join(w.share, DECREE), PDF);
    const s = await cli(w, "sync");
    expect(s.code).toBe(0);
    const r = await cli(w, "index");
    expect(r.stderr).toBe("");
    expect(r.code).toBe(0);
    const csv = readFileSync(path.join(w.share, "Indeks-Keputusan.csv"), "utf8");
    expect(statusColumn(csv, "KPT-KETUA_2024_012")).toBe("tersinkron");
    expect(existsSync(path.join(w.state, "arsipd.pid"))).toBe(false);
  });

  it("after kill -9 of the daemon, sync removes the dead socket and runs itself", async () => {
    const w = ws();
    const d = await daemon(w);
    d.child.kill("SIGKILL");
    await d.exited;
    const sock = path.join(w.state, "arsipd.sock");
    expect(existsSync(sock)).toBe(true); // left behind by the killed daemon

    writeFileSync(path.join(w.share, DECREE), PDF);
    const r = await cli(w, "sync", "--json");
    expect(r.stderr).toBe("");
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout)).toMatchObject({ filed: 1, uploaded: 1, failed: 0 });
    expect(readFileSync(path.join(w.remoteDir, FILED), "utf8")).toBe(PDF);
    expect(existsSync(sock)).toBe(false);
    expect(d.lines().some((l) => String(l.msg).includes("control socket"))).toBe(false);
  });

  it("two syncs asked at once never run in parallel", async () => {
    const w = ws();
    const d = await daemon(w);
    for (let i = 1; i <= 20; i++) {
      writeFileSync(
        path.join(w.share, `SK Ketua No ${i} Th 2024 ttg Uji Beban ${i}.pdf`),
        `%PDF-1.4 ${"x".repeat(50_000)}${i}\n%%EOF\n`,
      );
    }
    const [a, b] = await Promise.all([cli(w, "sync", "--json"), cli(w, "sync", "--json")]);
    expect([a.code, b.code, a.stderr, b.stderr]).toEqual([0, 0, "", ""]);
    const filed = JSON.parse(a.stdout).filed + JSON.parse(b.stdout).filed;
    // Coalesced (both got the one run: 20 each) or serialized (20 then 0): never filed twice.
    expect([20, 40]).toContain(filed);
    const decrees = [...onServer(w).keys()].filter((k) => k.startsWith("KPT-KETUA/2024/"));
    expect(decrees).toHaveLength(20);
    // The daemon's log: each run ends before the next begins.
    const marks = d
      .lines()
      .filter((l) => l.msg === "arsipd sync: running" || l.msg === "arsipd sync: done")
      .map((l) => l.msg);
    expect(marks.length).toBeGreaterThanOrEqual(2);
    for (let i = 0; i < marks.length; i++) {
      expect(marks[i]).toBe(i % 2 === 0 ? "arsipd sync: running" : "arsipd sync: done");
    }
  });

  it("a sync cut short by SIGTERM of the daemon never exits 0 with files missing on the server", async () => {
    const w = ws();
    const d = await daemon(w);
    for (let i = 1; i <= 300; i++) {
      writeFileSync(
        path.join(w.share, `SK Ketua No ${i} Th 2024 ttg Uji Beban ${i}.pdf`),
        `%PDF-1.4 ${"y".repeat(100_000)}${i}\n%%EOF\n`,
      );
    }
    const asked = cli(w, "sync");
    await d.waitFor((l) => l.msg === "arsipd sync: running");
    d.signal("SIGTERM");
    const r = await asked;
    expect((await d.exited).code).toBe(0);
    const decrees = [...onServer(w).keys()].filter((k) => k.startsWith("KPT-KETUA/2024/"));
    if (r.code === 0) expect(decrees).toHaveLength(300);
    else {
      expect(r.code).toBe(70);
      expect(r.stderr).toMatch(/stopp/);
    }
  });

  it("keeps the socket in a state folder whose path is longer than a socket path may be", async () => {
    const w = ws();
    const deep = path.join(w.dir, "s".repeat(60), "t".repeat(60));
    mkdirSync(deep, { recursive: true });
    writeFileSync(
      w.config,
      readFileSync(w.config, "utf8").replace("stateDir: ./state", `stateDir: ${deep}`),
    );
    expect(Buffer.byteLength(path.join(deep, "arsipd.sock"))).toBeGreaterThan(107);
    const d = await daemon(w);
    expect(statSync(path.join(deep, "arsipd.sock")).mode & 0o777).toBe(0o600);
    writeFileSync(path.join(w.share, DECREE), PDF);
    const r = await cli(w, "sync", "--json");
    expect(r.stderr).toBe("");
    expect(r.code).toBe(0);
    await d.waitFor((l) => l.msg === "arsipd sync: done");
    expect(readFileSync(path.join(w.remoteDir, FILED), "utf8")).toBe(PDF);
    d.signal("SIGTERM");
    expect((await d.exited).code).toBe(0);
    // Removed by its own path on stop, nothing left in the daemon's working folder.
    expect(existsSync(path.join(deep, "arsipd.sock"))).toBe(false);
    expect(existsSync(path.join(w.dir, "arsipd.sock"))).toBe(false);
  });
});

/** The `Status Sinkronisasi` cell of the CSV row whose line mentions `key`. */
function statusColumn(csv: string, key: string): string | undefined {
  const lines = csv.replace(/^\uFEFF/, "").split(/\r?\n/);
  const sep = lines[0]!.includes(";") ? ";" : ",";
  const header = lines[0]!.split(sep).map((h) => h.replace(/^"|"$/g, ""));
  const col = header.indexOf("Status Sinkronisasi");
  expect(col).toBeGreaterThanOrEqual(0);
  const row = lines.find((l) => l.includes(key));
  expect(row).toBeDefined();
  return row!.split(sep)[col]?.replace(/^"|"$/g, "");
}
