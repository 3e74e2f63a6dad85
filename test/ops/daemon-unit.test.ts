/**
 * The daemon started the way systemd/arsipd.service starts it: the unit's ExecStart arguments,
 * its Environment= (ARSIPD_CONFIG), its WorkingDirectory, and the password only as the
 * LoadCredential= file in $CREDENTIALS_DIRECTORY. Then SIGHUP, status and SIGTERM.
 */
import { spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import {
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  statSync,
  writeFileSync,
} from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { BIN, REPO, runCli } from "../helpers/cli.js";
import { until } from "../helpers/workspace.js";
import { type DavServer, startSabre } from "../servers/index.js";
import { last, readUnit } from "./unit-file.js";

describe("arsipd run as systemd/arsipd.service starts it", () => {
  let server: DavServer;
  beforeAll(async () => {
    server = await startSabre();
  });
  afterAll(async () => {
    await server?.stop();
  });

  it("reads the password from the credentials directory, reloads on SIGHUP, stops on SIGTERM", async () => {
    const unit = readUnit(path.join(REPO, "systemd/arsipd.service"));
    const execStart = (last(unit, "Service", "ExecStart") ?? "").split(/\s+/);
    const [node, script, ...args] = execStart;
    expect(node).toMatch(/node$/);
    expect(script).toMatch(/dist\/cli\/main\.js$/);
    expect(args).toEqual(["run"]);
    const credName = (last(unit, "Service", "LoadCredential") ?? "").split(":")[0];
    expect(credName).toBe("remote-password");

    const dir = mkdtempSync(path.join(tmpdir(), "arsipd-unit-"));
    const share = path.join(dir, "srv-arsip");
    const state = path.join(dir, "var-lib-arsipd");
    const creds = path.join(dir, "credentials");
    for (const d of [share, state, creds]) mkdirSync(d);
    writeFileSync(path.join(creds, credName!), `${server.password}\n`);
    const config = path.join(dir, "arsipd.yaml");
    writeFileSync(
      config,
      `share: ${share}\nstateDir: ${state}\nremote:\n  type: webdav\n  url: ${server.url}\n  username: ${server.username}\n  root: /Arsip\nwatch:\n  stabilityMs: 500\n`,
    );
    // The unit's environment, with ARSIPD_CONFIG pointed at this test's config file.
    const env: NodeJS.ProcessEnv = { PATH: process.env.PATH, CREDENTIALS_DIRECTORY: creds };
    for (const e of unit.Service?.Environment ?? []) {
      const [k, v] = e.split("=", 2) as [string, string];
      env[k] = k === "ARSIPD_CONFIG" ? config : v;
    }
    expect(env.ARSIPD_CONFIG).toBe(config);
    const child = spawn(process.execPath, [BIN, ...args], {
      cwd: state,
      env,
      stdio: ["ignore", "pipe", "pipe"],
    });
    let out = "";
    child.stdout.on("data", (d) => {
      out += d;
    });
    child.stderr.on("data", (d) => {
      out += d;
    });
    const exited = new Promise<number | null>((r) => child.on("exit", (code) => r(code)));
    try {
      await until(() => out.includes("first pass done"), 30_000, "the first pass");
      const rel = "KPT-KETUA/2024/KPT-KETUA_2024_003_penetapan-tps.pdf";
      const body = randomBytes(3000);
      // The daemon made the inbox the docs tell staff to use on its first pass.
      expect(statSync(path.join(share, "MASUK")).isDirectory()).toBe(true);
      writeFileSync(path.join(share, "MASUK", "SK Ketua No 3 Th 2024 ttg Penetapan TPS.pdf"), body);
      const onServer = path.join(server.root, "Arsip", rel);
      await until(
        () => {
          try {
            return readFileSync(onServer).equals(body);
          } catch {
            return false;
          }
        },
        30_000,
        "the decree on the server",
      );

      const status = await runCli(["status", "--json"], { cwd: state, env });
      expect(JSON.parse(status.stdout).health).toBe("healthy");
      expect(status.code).toBe(0);

      child.kill("SIGHUP");
      await until(() => out.includes("SIGHUP: reloading the config"), 15_000, "the reload");
      await until(
        () => out.split("first pass done").length >= 2 || out.includes("watching"),
        15_000,
        "restart",
      );

      child.kill("SIGTERM");
      const code = await Promise.race([
        exited,
        new Promise((r) => setTimeout(() => r("still running"), 10_000)),
      ]);
      expect(code, out.slice(-1500)).toBe(0);
    } finally {
      child.kill("SIGKILL");
    }
    const logs = readdirSync(path.join(state, "logs"))
      .map((f) => readFileSync(path.join(state, "logs", f), "utf8"))
      .join("");
    expect(logs).toContain("filed decree");
    expect(logs + out).not.toContain(server.password);
  });
});
