/**
 * The daemon as a real process, the way the README and systemd start it: the built-in default,
 * SIGTERM, SIGHUP (good and bad config), and the systemd credentials directory.
 */
import { existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { type DaemonProc, startDaemon } from "../helpers/daemon.js";

const running: DaemonProc[] = [];
afterEach(() => {
  for (const d of running.splice(0)) if (d.child.exitCode === null) d.child.kill("SIGKILL");
});

function tempDir(): string {
  return mkdtempSync(path.join(tmpdir(), "arsipd-daemon-"));
}

async function waitForFile(file: string, timeoutMs = 30_000): Promise<void> {
  const end = Date.now() + timeoutMs;
  while (!existsSync(file)) {
    if (Date.now() > end) throw new Error(`timed out waiting for ${file}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

describe("arsipd run (process)", () => {
  it("on the built-in default, files and mirrors a dropped file to ./data/mirror, and stops on SIGTERM", async () => {
    const cwd = tempDir();
    const d = startDaemon([], { cwd });
    running.push(d);
    const first = await d.waitFor(
      (l) => typeof l.msg === "string" && l.msg.includes("arsipd starting"),
    );
    expect(first.msg).toContain("built-in defaults");
    expect(first.msg).toContain("(created)");
    expect(first.msg).toContain("standing in for OwnCloud");
    expect(existsSync(path.join(cwd, "arsip"))).toBe(true);
    await d.waitFor((l) => l.msg === "first pass done; watching for changes");

    const content = `%PDF-1.4 scan ${Date.now()}\n%%EOF\n`;
    writeFileSync(path.join(cwd, "arsip", "SK Ketua No 12 Th 2024 ttg Penetapan DPT.pdf"), content);
    const canonical = "KPT-KETUA/2024/KPT-KETUA_2024_012_penetapan-dpt.pdf";
    await waitForFile(path.join(cwd, "arsip", canonical));
    await waitForFile(path.join(cwd, "data/mirror", canonical));
    expect(readFileSync(path.join(cwd, "data/mirror", canonical), "utf8")).toBe(content);

    d.signal("SIGTERM");
    const exit = await d.exited;
    expect(exit.code).toBe(0);
    expect(d.lines().some((l) => l.msg === "stopped")).toBe(true);
    expect(existsSync(path.join(cwd, "data/state/arsipd.pid"))).toBe(false);
  });

  it("reloads the config on SIGHUP and keeps the running config when the new one is invalid", async () => {
    const cwd = tempDir();
    const cfg = path.join(cwd, "arsipd.yaml");
    writeFileSync(cfg, "share: ./share-a\nremote:\n  path: ./mirror\n");
    mkdirSync(path.join(cwd, "share-a"));
    const d = startDaemon(["--config", cfg], { cwd });
    running.push(d);
    await d.waitFor((l) => l.msg === "first pass done; watching for changes");

    writeFileSync(cfg, "share: ./share-a\nremote:\n  path: ./mirror\n  concurrency: lots\n");
    d.signal("SIGHUP");
    const bad = await d.waitFor((l) => String(l.msg).startsWith("config reload failed"));
    expect(String(bad.msg)).toContain("remote.concurrency");

    writeFileSync(cfg, "share: ./share-b\nremote:\n  path: ./mirror\n");
    d.signal("SIGHUP");
    await d.waitFor((l) => l.msg === "SIGHUP: reloading the config");
    await d.waitFor(
      (l) => typeof l.msg === "string" && l.msg.includes("share-b") && l.msg.includes("watching"),
    );

    d.signal("SIGTERM");
    expect((await d.exited).code).toBe(0);
  });
});
