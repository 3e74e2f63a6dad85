/**
 * Disk full in the state folder (#14 point 6), on a real full file system: the state folder is a
 * 2 MB tmpfs mounted by the test (root only; the test fails, never skips, without it). The
 * daemon keeps running and filing while log, journal and status writes fail with ENOSPC,
 * `status` says degraded naming the path, and once space returns it mirrors and logs again.
 */
import { spawnSync } from "node:child_process";
import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { runCli } from "../helpers/cli.js";
import { type DaemonProc, startDaemon } from "../helpers/daemon.js";

const cleanups: (() => void)[] = [];
afterEach(() => {
  for (const c of cleanups.splice(0).reverse()) c();
});

async function until(what: string, ok: () => boolean, ms = 30_000): Promise<void> {
  const end = Date.now() + ms;
  while (!ok()) {
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

function fill(dir: string): void {
  // dd stops with ENOSPC once the file system is full; that is the point.
  spawnSync("dd", ["if=/dev/zero", `of=${path.join(dir, "filler")}`, "bs=64k"], {
    stdio: "ignore",
  });
}

describe("a full state folder (process, real tmpfs)", () => {
  it("keeps the daemon running, reports degraded with the path, and recovers", async () => {
    const cwd = mkdtempSync(path.join(tmpdir(), "arsipd-full-"));
    const state = path.join(cwd, "state");
    mkdirSync(state);
    const mounted = spawnSync("mount", ["-t", "tmpfs", "-o", "size=2m", "tmpfs", state], {
      encoding: "utf8",
    });
    if (mounted.status !== 0)
      throw new Error(`this test mounts a small tmpfs and needs root: ${mounted.stderr.trim()}`);
    cleanups.push(() => {
      spawnSync("umount", [state]);
      rmSync(cwd, { recursive: true, force: true });
    });
    mkdirSync(path.join(cwd, "arsip"));
    writeFileSync(
      path.join(cwd, "arsipd.yaml"),
      "share: ./arsip\nstateDir: ./state\nremote:\n  path: ./mirror\nwatch:\n  stabilityMs: 0\n  debounceMs: 200\nindex:\n  enabled: false\nfeed:\n  enabled: false\n",
    );
    const d: DaemonProc = startDaemon(["-c", "arsipd.yaml"], { cwd });
    cleanups.push(() => {
      if (d.child.exitCode === null) d.child.kill("SIGKILL");
    });
    await d.waitFor((l) => l.msg === "first pass done; watching for changes");

    fill(state);
    writeFileSync(
      path.join(cwd, "arsip", "SK Ketua No 12 Th 2024 ttg Penetapan DPT.pdf"),
      "%PDF-1 a\n%%EOF\n",
    );
    const filedA = path.join(cwd, "arsip", "KPT-KETUA/2024/KPT-KETUA_2024_012_penetapan-dpt.pdf");
    await until("the first file filed with the disk full", () => existsSync(filedA));
    // a few more events while full: every log line fails
    await new Promise((r) => setTimeout(r, 1500));
    expect(d.child.exitCode).toBeNull();
    const st = await runCli(["status", "--json", "-c", "arsipd.yaml"], { cwd });
    const report = JSON.parse(st.stdout);
    expect(report.health).toBe("degraded");
    expect(report.stateDisk).toMatchObject({ path: state, full: true });
    const human = await runCli(["status", "-c", "arsipd.yaml"], { cwd });
    expect(human.stdout).toContain(`FULL at ${state}`);

    rmSync(path.join(state, "filler"));
    writeFileSync(
      path.join(cwd, "arsip", "SK Ketua No 13 Th 2024 ttg Penetapan TPS.pdf"),
      "%PDF-1 b\n%%EOF\n",
    );
    const mirrorB = path.join(cwd, "mirror", "KPT-KETUA/2024/KPT-KETUA_2024_013_penetapan-tps.pdf");
    const mirrorA = path.join(cwd, "mirror", "KPT-KETUA/2024/KPT-KETUA_2024_012_penetapan-dpt.pdf");
    await until(
      "both files mirrored after space returned",
      () => existsSync(mirrorB) && existsSync(mirrorA),
      60_000,
    );
    expect(readFileSync(mirrorA, "utf8")).toBe("%PDF-1 a\n%%EOF\n");
    await until("the log file written again", () =>
      readdirSync(path.join(state, "logs")).some((n) =>
        readFileSync(path.join(state, "logs", n), "utf8").includes("KPT-KETUA_2024_013"),
      ),
    );
    const after = JSON.parse(
      (await runCli(["status", "--json", "-c", "arsipd.yaml"], { cwd })).stdout,
    );
    expect(after.stateDisk.full).toBe(false);
    d.signal("SIGTERM");
    expect((await d.exited).code).toBe(0);
  });
});
