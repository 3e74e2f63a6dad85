/**
 * Saves that pause or go on after filing, with the daemon as a process and a local mirror:
 * - a PDF written in two halves 2x the quiet window apart is filed once, complete, and the
 *   mirror ends byte-exact without a full pass;
 * - bytes written through a handle still open after the file was filed reach the mirror by a
 *   quick pass (no full pass runs in the test: its schedule is once a day).
 * Judged by the files in the mirror folder, not by arsipd's journal.
 */
import {
  closeSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  openSync,
  readFileSync,
  writeFileSync,
  writeSync,
} from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { type DaemonProc, startDaemon } from "../helpers/daemon.js";

const WINDOW = 1000;
const running: DaemonProc[] = [];
afterEach(() => {
  for (const d of running.splice(0)) if (d.child.exitCode === null) d.child.kill("SIGKILL");
});
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

function setup(polling = false): { dir: string; share: string; mirror: string; d: DaemonProc } {
  const dir = mkdtempSync(path.join(tmpdir(), "arsipd-half-"));
  const share = path.join(dir, "share");
  mkdirSync(path.join(share, "MASUK"), { recursive: true });
  writeFileSync(
    path.join(dir, "arsipd.yaml"),
    "share: ./share\nstateDir: ./state\nremote:\n  type: local\n  path: ./mirror\n" +
      `watch:\n  stabilityMs: ${WINDOW}\n  debounceMs: 100\n  polling: ${polling}\n  pollIntervalMs: 300\n` +
      'schedule:\n  fullPass: "0 3 * * *"\nindex:\n  enabled: false\nfeed:\n  enabled: false\n',
  );
  const d = startDaemon(["--config", path.join(dir, "arsipd.yaml")], { cwd: dir });
  running.push(d);
  return { dir, share, mirror: path.join(dir, "mirror"), d };
}

/** Waits until `file` holds exactly `want` (bounded: far below the daily full pass). */
async function waitForBytes(file: string, want: Buffer, timeoutMs = 20_000): Promise<void> {
  const end = Date.now() + timeoutMs;
  while (!(existsSync(file) && readFileSync(file).equals(want))) {
    if (Date.now() > end) throw new Error(`${file} never held the expected ${want.length} bytes`);
    await sleep(100);
  }
}

const fullPasses = (d: DaemonProc) =>
  d.lines().filter((l) => l.msg === "mirror pass done" && l.full === true).length;

const pdf = (body: string) => Buffer.from(`%PDF-1.4\n${body}\ntrailer\n<<>>\n%%EOF\n`, "latin1");

// Polling is what SMB/NFS mounts use: no file-system events, chokidar stats each file.
describe.each([false, true])("half-written files (daemon process, polling %s)", (polling) => {
  it("a PDF written in two halves 2x the window apart is filed once, complete, and mirrored byte-exact", async () => {
    const { share, mirror, d } = setup(polling);
    await d.waitFor((l) => l.msg === "first pass done; watching for changes");
    const fullAtStart = fullPasses(d);
    const whole = pdf("x".repeat(50_000));
    const src = path.join(share, "MASUK", "SK Ketua No 9 Th 2024 ttg Rapat Pleno.pdf");
    const fd = openSync(src, "w");
    writeSync(fd, whole, 0, 25_000);
    await sleep(2 * WINDOW);
    const canonical = "KPT-KETUA/2024/KPT-KETUA_2024_009_rapat-pleno.pdf";
    // Quiet for 2 windows but cut short: neither filed nor mirrored.
    expect(existsSync(path.join(share, canonical))).toBe(false);
    expect(existsSync(path.join(mirror, canonical))).toBe(false);
    expect(existsSync(path.join(mirror, "MASUK", path.basename(src)))).toBe(false);
    writeSync(fd, whole, 25_000, whole.length - 25_000);
    closeSync(fd);
    await waitForBytes(path.join(mirror, canonical), whole);
    expect(readFileSync(path.join(share, canonical)).equals(whole)).toBe(true);
    expect(existsSync(src)).toBe(false);
    const filed = d.lines().filter((l) => l.msg === "filed decree" && l.path === canonical);
    expect(filed).toHaveLength(1);
    expect(fullPasses(d)).toBe(fullAtStart);
  });

  it("a write through a handle still open after filing reaches the mirror without a full pass", async () => {
    const { share, mirror, d } = setup(polling);
    await d.waitFor((l) => l.msg === "first pass done; watching for changes");
    const fullAtStart = fullPasses(d);
    const first = pdf("first save");
    const src = path.join(share, "MASUK", "SK Ketua No 10 Th 2024 ttg Anggaran.pdf");
    const fd = openSync(src, "w"); // Word keeps the file open
    writeSync(fd, first, 0, first.length, 0);
    const canonical = "KPT-KETUA/2024/KPT-KETUA_2024_010_anggaran.pdf";
    await waitForBytes(path.join(mirror, canonical), first);
    const second = pdf("second save, longer than the first one");
    writeSync(fd, second, 0, second.length, 0);
    closeSync(fd);
    await waitForBytes(path.join(mirror, canonical), second);
    expect(readFileSync(path.join(share, canonical)).equals(second)).toBe(true);
    expect(fullPasses(d)).toBe(fullAtStart);
  });
});
