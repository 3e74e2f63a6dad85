/**
 * `config check` as a process (#14 point 8): each bad setting is one line naming its key, exit 78,
 * no stack trace; and a daemon keeps its running config when a SIGHUP brings one of them.
 */
import { existsSync, mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { runCli } from "../helpers/cli.js";
import { type DaemonProc, startDaemon } from "../helpers/daemon.js";

function tempDir(): string {
  const d = mkdtempSync(path.join(tmpdir(), "arsipd-check-"));
  mkdirSync(path.join(d, "arsip"));
  return d;
}

const cases: { what: string; yaml: string; key: RegExp; prepare?: (dir: string) => void }[] = [
  {
    what: "an invalid cron expression",
    yaml: "schedule:\n  fullPass: '*/15 * * *  * * *'\n",
    key: /: schedule\.fullPass: not a valid cron expression/,
  },
  {
    what: "a missing share",
    yaml: "share: ./tidak-ada\n",
    key: /: share: .*tidak-ada does not exist/,
  },
  {
    what: "a file as stateDir",
    yaml: "stateDir: ./state\n",
    key: /: stateDir: .*state is a file/,
    prepare: (dir) => writeFileSync(path.join(dir, "state"), "not a folder"),
  },
  {
    what: "an ftp:// URL",
    yaml: "remote:\n  type: webdav\n  url: ftp://cloud.example/dav\n",
    key: /: remote\.url: only http:\/\/ or https:\/\/ URLs/,
  },
  {
    what: "a bad feed.listen",
    yaml: "feed:\n  listen: 'localhost:99999'\n",
    key: /: feed\.listen: not host:port/,
  },
  {
    what: "a feed.listen without a port",
    yaml: "feed:\n  listen: '127.0.0.1'\n",
    key: /: feed\.listen: not host:port/,
  },
];

describe("arsipd config check rejects", () => {
  for (const c of cases) {
    it(c.what, async () => {
      const dir = tempDir();
      c.prepare?.(dir);
      writeFileSync(path.join(dir, "a.yaml"), c.yaml);
      const r = await runCli(["config", "check", "-c", "a.yaml"], { cwd: dir });
      expect(r.code).toBe(78);
      const lines = r.stderr.trim().split("\n");
      expect(lines).toHaveLength(1);
      expect(lines[0]).toMatch(c.key);
      expect(r.stderr).not.toMatch(/\bat .*\.js:\d+/);
    });
  }

  it("and accepts the same settings once they are right", async () => {
    const dir = tempDir();
    writeFileSync(
      path.join(dir, "a.yaml"),
      "schedule:\n  fullPass: '*/5 * * * *'\nfeed:\n  listen: '[::1]:8089'\nremote:\n  type: webdav\n  url: https://cloud.example/dav\n",
    );
    const r = await runCli(["config", "check", "-c", "a.yaml"], { cwd: dir });
    expect(r.stderr).toBe("");
    expect(r.code).toBe(0);
  });
});

const running: DaemonProc[] = [];
afterEach(() => {
  for (const d of running.splice(0)) if (d.child.exitCode === null) d.child.kill("SIGKILL");
});

describe("SIGHUP with a bad config (process)", () => {
  it("keeps the running instance on a bad cron, a file as stateDir, a bad listen; reloads a good one", async () => {
    const cwd = tempDir();
    const cfg = path.join(cwd, "arsipd.yaml");
    const good = "share: ./arsip\nstateDir: ./state\nremote:\n  path: ./mirror\n";
    writeFileSync(cfg, good);
    const d = startDaemon(["--config", cfg], { cwd });
    running.push(d);
    await d.waitFor((l) => l.msg === "first pass done; watching for changes");
    writeFileSync(path.join(cwd, "file-not-dir"), "x");
    const bad = [
      [`${good}schedule:\n  index: 'every hour'\n`, "schedule.index"],
      ["share: ./arsip\nstateDir: ./file-not-dir/state\nremote:\n  path: ./mirror\n", "stateDir"],
      [`${good}feed:\n  listen: nope\n`, "feed.listen"],
    ] as const;
    for (const [yaml, key] of bad) {
      const before = d.lines().length;
      writeFileSync(cfg, yaml);
      d.signal("SIGHUP");
      const line = await d.waitFor(
        (l) => String(l.msg).startsWith("config reload failed") && String(l.msg).includes(key),
      );
      expect(String(line.msg)).not.toContain("\n");
      expect(
        d
          .lines()
          .slice(before)
          .some((l) => l.msg === "SIGHUP: reloading the config"),
      ).toBe(false);
    }
    // still alive and still working on the old config
    writeFileSync(
      path.join(cwd, "arsip", "SK Ketua No 12 Th 2024 ttg Penetapan DPT.pdf"),
      "%PDF-1.4 x\n%%EOF\n",
    );
    const filed = path.join(cwd, "arsip", "KPT-KETUA/2024/KPT-KETUA_2024_012_penetapan-dpt.pdf");
    for (let i = 0; i < 300 && !existsSync(filed); i++)
      await new Promise((r) => setTimeout(r, 100));
    expect(existsSync(filed)).toBe(true);
    writeFileSync(cfg, `${good}schedule:\n  index: '30 * * * *'\n`);
    d.signal("SIGHUP");
    await d.waitFor((l) => l.msg === "SIGHUP: reloading the config");
    d.signal("SIGTERM");
    expect((await d.exited).code).toBe(0);
  });
});
