import { spawn } from "node:child_process";
import { appendFileSync, mkdirSync, readdirSync, writeFileSync } from "node:fs";
import { mkdtemp, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { createLogger } from "../../src/log/logger.js";
import { BIN, runCli } from "../helpers/cli.js";

let tmp: string;
let stateDir: string;
let configFile: string;

beforeEach(async () => {
  tmp = await mkdtemp(path.join(os.tmpdir(), "arsipd-logs-"));
  stateDir = path.join(tmp, "state");
  configFile = path.join(tmp, "arsipd.yaml");
  // A webdav remote with a user but no password: `logs` must still work without the secret.
  writeFileSync(
    configFile,
    `share: ${JSON.stringify(path.join(tmp, "share"))}\nstateDir: ${JSON.stringify(stateDir)}\n` +
      "remote:\n  type: webdav\n  url: https://cloud.example/remote.php/dav/files/arsip\n  username: arsip\n",
  );
});

afterEach(async () => {
  await rm(tmp, { recursive: true, force: true });
});

const logs = (...args: string[]) =>
  runCli(["logs", "--config", configFile, ...args], {
    env: { ARSIPD_REMOTE_PASSWORD: "", ARSIPD_REMOTE_PASSWORD_FILE: "", CREDENTIALS_DIRECTORY: "" },
  });

function line(o: Record<string, unknown>): string {
  return `${JSON.stringify(o)}\n`;
}

function writeLog(n: number, text: string): string {
  const dir = path.join(stateDir, "logs");
  mkdirSync(dir, { recursive: true });
  const file = path.join(dir, `arsipd.${n}.log`);
  appendFileSync(file, text);
  return file;
}

const ago = (ms: number) => new Date(Date.now() - ms).toISOString();
const HOUR = 3_600_000;

function handWritten(): void {
  writeLog(
    1,
    line({ level: 30, time: ago(5 * HOUR), msg: "daemon started", module: "daemon" }) +
      line({
        level: 40,
        time: ago(4 * HOUR),
        msg: "quarantined: no number",
        module: "convention",
        path: "MASUK/SK Ketua tanpa nomor.pdf",
      }) +
      '{"level":50,"time":"2026-0', // torn by a crash mid-write
  );
  writeLog(
    2,
    "\n" +
      "not json at all\n" +
      line({
        level: 50,
        time: ago(30 * 60_000),
        msg: "upload failed",
        module: "mirror",
        path: "KPT-KETUA/2024/KPT-KETUA_2024_012_penetapan-dpt.pdf",
        err: { type: "ArsipdError", message: "server answered 507 Insufficient Storage" },
      }) +
      line({
        level: 30,
        time: ago(10 * 60_000),
        msg: "renamed",
        module: "convention",
        path: "KPT-KETUA/2024/KPT-KETUA_2024_013_pembentukan-tim.pdf",
        from: "MASUK/kep ketua 13 2024 Pembentukan Tim.pdf",
      }),
  );
}

describe("arsipd logs", () => {
  it("prints every entry of every rotated file, oldest first, and survives torn lines", async () => {
    handWritten();
    const r = await logs();
    expect(r.code).toBe(0);
    const out = r.stdout.trim().split("\n");
    expect(out).toHaveLength(4);
    // In the office's zone (config timezone, Asia/Jakarta by default).
    expect(out[0]).toMatch(
      /^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d WIB {2}INFO {3}daemon {6}daemon started$/,
    );
    expect(out[1]).toContain("WARN");
    expect(out[1]).toContain("MASUK/SK Ketua tanpa nomor.pdf");
    expect(out[2]).toContain("ERROR");
    expect(out[2]).toContain("— server answered 507 Insufficient Storage");
    expect(out[3]).toContain("renamed");
    expect(r.stdout).not.toContain("\x1b["); // not a TTY: no colours
    expect(r.stderr).toContain("skipped 2 unreadable line(s)");
  });

  it("filters by level", async () => {
    handWritten();
    const r = await logs("--level", "warn");
    expect(r.code).toBe(0);
    const out = r.stdout.trim().split("\n");
    expect(out).toHaveLength(2);
    expect(out.every((l) => /WARN|ERROR/.test(l))).toBe(true);
    const e = await logs("--level", "error");
    expect(e.stdout.trim().split("\n")).toHaveLength(1);
  });

  it("filters by --since as a duration, a day and an ISO time", async () => {
    handWritten();
    const r = await logs("--since", "1h");
    expect(r.stdout.trim().split("\n")).toHaveLength(2);
    const iso = await logs("--since", ago(4.5 * HOUR));
    expect(iso.stdout.trim().split("\n")).toHaveLength(3);
    const future = new Date(Date.now() + 3 * 86_400_000);
    const day = `${future.getFullYear()}-${String(future.getMonth() + 1).padStart(2, "0")}-${String(future.getDate()).padStart(2, "0")}`;
    const none = await logs("--since", day);
    expect(none.code).toBe(0);
    expect(none.stdout).toBe("");
    const bad = await logs("--since", "yesterday-ish");
    expect(bad.code).toBe(64);
    expect(bad.stderr.trim().split("\n")).toHaveLength(1);
    expect(bad.stderr).toContain("--since");
  });

  it("finds what happened to one file, case-insensitively, by old or new name", async () => {
    handWritten();
    const r = await logs("--file", "sk ketua TANPA");
    expect(r.stdout.trim().split("\n")).toHaveLength(1);
    expect(r.stdout).toContain("quarantined: no number");
    const renamed = await logs("--file", "kep ketua 13");
    expect(renamed.stdout.trim().split("\n")).toHaveLength(1);
    expect(renamed.stdout).toContain("renamed");
    const none = await logs("--file", "no-such-file");
    expect(none.stdout).toBe("");
  });

  it("prints the raw JSON lines that match with --json, and the last N with -n", async () => {
    handWritten();
    const r = await logs("--json", "--level", "warn");
    const out = r.stdout.trim().split("\n");
    expect(out).toHaveLength(2);
    const parsed = out.map((l) => JSON.parse(l));
    expect(parsed.map((p) => p.level)).toEqual([40, 50]);
    expect(parsed[1].err.message).toBe("server answered 507 Insufficient Storage");
    const last = await logs("--json", "-n", "1");
    expect(JSON.parse(last.stdout).msg).toBe("renamed");
  });

  it("reads what createLogger wrote, across a size rotation, in order", async () => {
    const log = await createLogger({ level: "info", stateDir, maxSizeMB: 1, stdout: false });
    const pad = "x".repeat(120);
    const total = 9000; // ~1.6 MB: at least one rotation at 1 MB
    for (let i = 0; i < total; i++) {
      log.child({ module: "test", path: `DIR/file-${i}.pdf` }).info({ seq: i, pad }, "line");
    }
    log.flush();
    await new Promise((r) => setTimeout(r, 200));
    expect(readdirSync(path.join(stateDir, "logs")).length).toBeGreaterThan(1);
    const r = await logs("--json");
    expect(r.code).toBe(0);
    const seqs = r.stdout
      .trim()
      .split("\n")
      .map((l) => JSON.parse(l).seq);
    expect(seqs).toHaveLength(total);
    expect(seqs).toEqual([...seqs].sort((a, b) => a - b));
    const one = await logs("--file", "FILE-4242.PDF");
    expect(one.stdout.trim().split("\n")).toHaveLength(1);
    expect(one.stdout).toContain("DIR/file-4242.pdf");
  });

  it("says so in one line, exit 0, when there is no log folder yet", async () => {
    const r = await logs();
    expect(r.code).toBe(0);
    expect(r.stdout.trim().split("\n")).toHaveLength(1);
    expect(r.stdout).toContain("no log folder yet");
  });

  it("rejects an unknown level and a bad -n with one line and exit 64", async () => {
    const r = await logs("--level", "loud");
    expect(r.code).toBe(64);
    expect(r.stderr).toContain("unknown level 'loud'");
    const n = await logs("-n", "ten");
    expect(n.code).toBe(64);
  });

  it("follows new lines, also into a file created by rotation, until SIGTERM", async () => {
    handWritten();
    const child = spawn(
      process.execPath,
      [BIN, "logs", "--config", configFile, "--follow", "--level", "info"],
      { env: { ...process.env, ARSIPD_CONFIG: "" }, stdio: ["ignore", "pipe", "pipe"] },
    );
    let out = "";
    child.stdout.on("data", (d) => {
      out += d;
    });
    const waitFor = (text: string) =>
      new Promise<void>((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error(`never saw '${text}' in: ${out}`)), 20_000);
        const check = () => {
          if (!out.includes(text)) return;
          clearTimeout(timer);
          child.stdout.off("data", check);
          resolve();
        };
        child.stdout.on("data", check);
        check();
      });
    const exited = new Promise<number | null>((resolve) => child.on("close", resolve));
    await waitFor("renamed"); // the backlog
    appendFileSync(
      path.join(stateDir, "logs", "arsipd.2.log"),
      line({ level: 40, time: new Date().toISOString(), msg: "appended while following" }),
    );
    await waitFor("appended while following");
    // A half-written line is held back until its newline arrives.
    writeLog(3, '{"level":30,"time":"2026-01-01T00:00:00Z","msg":"after rot');
    await new Promise((r) => setTimeout(r, 800));
    expect(out).not.toContain("after rot");
    writeLog(3, 'ation"}\n');
    await waitFor("after rotation");
    appendFileSync(
      path.join(stateDir, "logs", "arsipd.3.log"),
      line({ level: 20, time: new Date().toISOString(), msg: "debug is filtered" }) +
        line({ level: 30, time: new Date().toISOString(), msg: "last one" }),
    );
    await waitFor("last one");
    expect(out).not.toContain("debug is filtered");
    child.kill("SIGTERM");
    expect(await exited).toBe(0);
    expect(out.match(/appended while following/g)).toHaveLength(1);
  });
});
