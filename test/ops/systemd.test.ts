/**
 * The shipped systemd unit: systemd itself accepts it (`systemd-analyze verify`), its hardening
 * scores an exposure of at most 3.0 (`systemd-analyze security --offline=yes`), and it agrees
 * with the code and the example config it ships with.
 */
import { execFile } from "node:child_process";
import { readFileSync, writeFileSync } from "node:fs";
import { mkdtemp, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { CREDENTIAL_NAME, loadConfig } from "../../src/config/load.js";
import { BIN, REPO } from "../helpers/cli.js";
import { last, readUnit } from "./unit-file.js";

const run = promisify(execFile);
const UNIT = path.join(REPO, "systemd/arsipd.service");
const SERVER_CONFIG = path.join(REPO, "config/arsipd.server.yaml");
const CLI_WRAPPER = path.join(REPO, "systemd/arsipd-cli.sh");

let tmp: string;
let copy: string;

beforeAll(async () => {
  tmp = await mkdtemp(path.join(os.tmpdir(), "arsipd-systemd-"));
  // verify checks that ExecStart's program exists: point it at this machine's node and the
  // freshly built CLI, leave everything else as shipped.
  const text = readFileSync(UNIT, "utf8")
    .replace(/^ExecStart=\/usr\/bin\/node /m, `ExecStart=${process.execPath} `)
    .replace(" /opt/arsipd/dist/cli/main.js ", ` ${BIN} `);
  expect(text).toContain(`ExecStart=${process.execPath} ${BIN} run`);
  copy = path.join(tmp, "arsipd.service");
  writeFileSync(copy, text);
});

afterAll(async () => {
  await rm(tmp, { recursive: true, force: true });
});

/** Runs systemd-analyze; resolves with its exit code and output even when it fails. */
async function analyze(args: string[]) {
  try {
    const r = await run("systemd-analyze", args, { cwd: tmp });
    return { code: 0, stdout: r.stdout, stderr: r.stderr };
  } catch (err) {
    const e = err as { code?: number | string; stdout?: string; stderr?: string };
    if (e.code === "ENOENT") throw new Error("systemd-analyze is missing: apt-get install systemd");
    return { code: Number(e.code), stdout: e.stdout ?? "", stderr: e.stderr ?? "" };
  }
}

describe("systemd/arsipd.service", () => {
  it("passes systemd-analyze verify without a warning", async () => {
    const r = await analyze(["verify", "--man=no", "--generators=no", copy]);
    expect(r.stderr.trim()).toBe("");
    expect(r.code).toBe(0);
  });

  it("verify would catch a broken unit (the check above can fail)", async () => {
    const broken = path.join(tmp, "broken.service");
    writeFileSync(broken, readFileSync(copy, "utf8").replace("Restart=on-failure", "Restart=oft"));
    const r = await analyze(["verify", "--man=no", "--generators=no", broken]);
    expect(r.stderr).toContain("restart");
  });

  it("has an exposure of at most 3.0 in systemd-analyze security --offline=yes", async () => {
    const r = await analyze(["security", "--offline=yes", "--no-pager", copy]);
    const m = /Overall exposure level for arsipd\.service: (\d+(?:\.\d+)?)/.exec(r.stdout);
    expect(m, r.stdout + r.stderr).not.toBeNull();
    const score = Number(m![1]);
    process.stdout.write(`systemd-analyze security exposure: ${score}\n`);
    expect(score).toBeLessThanOrEqual(3.0);
  });

  const unit = readUnit(UNIT);
  const svc = (key: string) => unit.Service?.[key] ?? [];

  it("runs `arsipd run` from the built CLI as the dedicated user", () => {
    expect(last(unit, "Service", "ExecStart")).toBe(
      "/usr/bin/node /opt/arsipd/dist/cli/main.js run",
    );
    expect(last(unit, "Service", "User")).toBe("arsipd");
    expect(last(unit, "Service", "Restart")).toBe("on-failure");
    expect(last(unit, "Service", "ExecReload")).toBe("/bin/kill -HUP $MAINPID");
    expect(last(unit, "Service", "KillSignal")).toBe("SIGTERM");
    expect(last(unit, "Install", "WantedBy")).toBe("multi-user.target");
  });

  it("hands over the password as the credential src/config/load.ts reads", () => {
    expect(svc("LoadCredential")).toEqual([`${CREDENTIAL_NAME}:/etc/arsipd/remote-password`]);
    expect(svc("Environment")).toContain("ARSIPD_CONFIG=/etc/arsipd/arsipd.yaml");
    expect(svc("Environment").join(" ")).not.toMatch(/PASSWORD/);
  });

  it("can write the share and the state folder of the example server config", () => {
    const { config } = loadConfig({
      configPath: SERVER_CONFIG,
      env: { ARSIPD_REMOTE_PASSWORD: "example-only" },
    });
    const writable = [
      ...svc("ReadWritePaths").flatMap((v) => v.split(/\s+/).map((p) => p.replace(/^-/, ""))),
      ...svc("StateDirectory").map((d) => `/var/lib/${d}`),
    ];
    const covers = (dir: string) =>
      writable.some((w) => dir === w || dir.startsWith(`${w.replace(/\/$/, "")}/`));
    expect(covers(config.share), `share ${config.share} in ${writable}`).toBe(true);
    expect(covers(config.stateDir), `stateDir ${config.stateDir} in ${writable}`).toBe(true);
    expect(last(unit, "Service", "WorkingDirectory")).toBe(config.stateDir);
    expect(unit.Unit?.RequiresMountsFor ?? []).toContain(config.share);
    expect(last(unit, "Service", "ProtectSystem")).toBe("strict");
  });

  it("is hardened as documented, and leaves MemoryDenyWriteExecute off for Node's JIT", () => {
    expect(last(unit, "Service", "NoNewPrivileges")).toBe("yes");
    expect(last(unit, "Service", "CapabilityBoundingSet")).toBe("");
    expect(last(unit, "Service", "RestrictAddressFamilies")?.split(/\s+/).sort()).toEqual([
      "AF_INET",
      "AF_INET6",
      "AF_UNIX",
    ]);
    expect(svc("SystemCallFilter")[0]).toBe("@system-service");
    expect(svc("MemoryDenyWriteExecute")).toEqual([]);
    expect(readFileSync(UNIT, "utf8")).toMatch(/MemoryDenyWriteExecute.*NOT set.*JIT/s);
  });

  it("ships an admin wrapper that runs the same program with the same config", async () => {
    const text = readFileSync(CLI_WRAPPER, "utf8");
    expect(text).toContain("NODE=/usr/bin/node");
    expect(text).toContain("MAIN=/opt/arsipd/dist/cli/main.js");
    expect(text).toContain("ARSIPD_CONFIG:=/etc/arsipd/arsipd.yaml");
    await run("sh", ["-n", CLI_WRAPPER]);
  });
});
