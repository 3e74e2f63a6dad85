import { mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { loadConfig } from "../../src/config/load.js";
import { ConfigError } from "../../src/errors.js";
import { runCli } from "../helpers/cli.js";

function tempDir(): string {
  return mkdtempSync(path.join(tmpdir(), "arsipd-config-"));
}

function problemsOf(fn: () => unknown): string[] {
  try {
    fn();
  } catch (err) {
    if (err instanceof ConfigError) return err.problems;
    throw err;
  }
  throw new Error("expected a ConfigError");
}

describe("loadConfig", () => {
  it("uses built-in defaults when no file exists, resolving paths against cwd", () => {
    const cwd = tempDir();
    const { config, source, remotePassword } = loadConfig({ env: {}, cwd });
    expect(source).toBe("built-in defaults");
    expect(config.share).toBe(path.join(cwd, "arsip"));
    expect(config.remote.type).toBe("local");
    expect(config.remote.path).toBe(path.join(cwd, "data/mirror"));
    expect(remotePassword).toBeUndefined();
  });

  it("reads config/arsipd.yaml from cwd, then ARSIPD_CONFIG, then --config", () => {
    const cwd = tempDir();
    const dir = path.join(cwd, "config");
    mkdirSync(dir);
    writeFileSync(path.join(dir, "arsipd.yaml"), "share: ./a\n");
    writeFileSync(path.join(cwd, "env.yaml"), "share: ./b\n");
    writeFileSync(path.join(cwd, "flag.yaml"), "share: ./c\n");
    expect(loadConfig({ env: {}, cwd }).config.share).toBe(path.join(cwd, "a"));
    expect(loadConfig({ env: { ARSIPD_CONFIG: "env.yaml" }, cwd }).config.share).toBe(
      path.join(cwd, "b"),
    );
    expect(
      loadConfig({ env: { ARSIPD_CONFIG: "env.yaml" }, cwd, configPath: "flag.yaml" }).config.share,
    ).toBe(path.join(cwd, "c"));
  });

  it("reports a missing explicit file in one line that says what to do", () => {
    const cwd = tempDir();
    const problems = problemsOf(() => loadConfig({ env: {}, cwd, configPath: "nope.yaml" }));
    expect(problems).toHaveLength(1);
    expect(problems[0]).toContain("nope.yaml: config file not found");
  });

  it("reports bad types and unknown keys one line per problem with the key path", () => {
    const cwd = tempDir();
    const file = path.join(cwd, "bad.yaml");
    writeFileSync(
      file,
      "remote:\n  type: ftp\n  concurrency: many\nwatch:\n  polling: true\n  pollling: 5\nfoo: 1\n",
    );
    const problems = problemsOf(() => loadConfig({ env: {}, cwd, configPath: file }));
    expect(problems).toHaveLength(4);
    const text = problems.join("\n");
    expect(text).toMatch(/remote\.type: .*; expected: 'webdav'/);
    expect(text).toMatch(
      /remote\.concurrency: wrong type \(expected number, received string\); expected: Parallel transfers/,
    );
    expect(text).toMatch(/watch\.pollling: unknown key/);
    expect(text).toMatch(/: foo: unknown key/);
    for (const p of problems) expect(p.startsWith(file)).toBe(true);
  });

  it("reports YAML syntax errors with a line number", () => {
    const cwd = tempDir();
    const file = path.join(cwd, "broken.yaml");
    writeFileSync(file, "share: ./a\nremote: [unclosed\n");
    const problems = problemsOf(() => loadConfig({ env: {}, cwd, configPath: file }));
    expect(problems[0]).toMatch(/broken\.yaml:\d+: not valid YAML/);
  });

  it("requires a url for webdav and a password when a username is set", () => {
    const cwd = tempDir();
    const file = path.join(cwd, "w.yaml");
    writeFileSync(file, "remote:\n  type: webdav\n  username: arsip\n");
    const problems = problemsOf(() => loadConfig({ env: {}, cwd, configPath: file }));
    expect(problems.join("\n")).toContain("remote.url: missing");
    expect(problems.join("\n")).toContain("remote password: missing");
  });

  it("refuses credentials inside the URL", () => {
    const cwd = tempDir();
    const file = path.join(cwd, "u.yaml");
    writeFileSync(
      file,
      "remote:\n  type: webdav\n  url: https://u:pw@cloud.example/remote.php/webdav\n",
    );
    const problems = problemsOf(() => loadConfig({ env: {}, cwd, configPath: file }));
    expect(problems.join("\n")).toContain("remote.url: contains credentials");
  });

  it("refuses a state folder inside the share", () => {
    const cwd = tempDir();
    const file = path.join(cwd, "s.yaml");
    writeFileSync(file, "share: ./arsip\nstateDir: ./arsip/.state\n");
    const problems = problemsOf(() => loadConfig({ env: {}, cwd, configPath: file }));
    expect(problems.join("\n")).toContain("stateDir: inside the share");
  });

  describe("the remote password", () => {
    const cwd = tempDir();
    const file = path.join(cwd, "p.yaml");
    writeFileSync(
      file,
      "remote:\n  type: webdav\n  url: https://cloud.example/remote.php/webdav\n  username: arsip\n  password: from-file-pw\n",
    );
    const pwFile = path.join(cwd, "pw.txt");
    writeFileSync(pwFile, "from-pw-file\n");
    const creds = path.join(cwd, "creds");
    mkdirSync(creds);
    writeFileSync(path.join(creds, "remote-password"), "from-credential");

    it("comes from ARSIPD_REMOTE_PASSWORD first", () => {
      const l = loadConfig({
        cwd,
        configPath: file,
        env: { ARSIPD_REMOTE_PASSWORD: "from-env", ARSIPD_REMOTE_PASSWORD_FILE: pwFile },
      });
      expect(l.remotePassword?.reveal()).toBe("from-env");
    });
    it("then from ARSIPD_REMOTE_PASSWORD_FILE (trailing newline dropped)", () => {
      const l = loadConfig({
        cwd,
        configPath: file,
        env: { ARSIPD_REMOTE_PASSWORD_FILE: pwFile, CREDENTIALS_DIRECTORY: creds },
      });
      expect(l.remotePassword?.reveal()).toBe("from-pw-file");
    });
    it("then from the systemd credentials directory", () => {
      const l = loadConfig({ cwd, configPath: file, env: { CREDENTIALS_DIRECTORY: creds } });
      expect(l.remotePassword?.reveal()).toBe("from-credential");
      expect(l.passwordSource).toBe("credential remote-password");
    });
    it("then from the config file, and never stays inside the config object", () => {
      const l = loadConfig({ cwd, configPath: file, env: {} });
      expect(l.remotePassword?.reveal()).toBe("from-file-pw");
      expect(JSON.stringify(l.config)).not.toContain("from-file-pw");
      expect(JSON.stringify(l)).not.toContain("from-file-pw");
    });
    it("a missing password file is a one-line config error", () => {
      const problems = problemsOf(() =>
        loadConfig({
          cwd,
          configPath: file,
          env: { ARSIPD_REMOTE_PASSWORD_FILE: path.join(cwd, "none") },
        }),
      );
      expect(problems).toHaveLength(1);
      expect(problems[0]).toContain("cannot read password file");
    });
  });
});

describe("arsipd config (process)", () => {
  it("config check exits 78 with one line per problem and no stack trace", async () => {
    const cwd = tempDir();
    writeFileSync(path.join(cwd, "bad.yaml"), "remote:\n  concurrency: 0\nbogus: true\n");
    const r = await runCli(["config", "check", "--config", "bad.yaml"], { cwd });
    expect(r.code).toBe(78);
    const lines = r.stderr.trim().split("\n");
    expect(lines).toHaveLength(2);
    expect(r.stderr).not.toMatch(/\bat .*\.js:\d+/);
  });

  it("config check prints the effective config with the password masked", async () => {
    const cwd = tempDir();
    mkdirSync(path.join(cwd, "arsip"));
    writeFileSync(
      path.join(cwd, "ok.yaml"),
      "remote:\n  type: webdav\n  url: https://cloud.example/remote.php/webdav\n  username: arsip\n",
    );
    const r = await runCli(["config", "check", "-c", "ok.yaml"], {
      cwd,
      env: { ARSIPD_REMOTE_PASSWORD: "s3cret-Pa55" },
    });
    expect(r.code).toBe(0);
    expect(r.stdout).toContain("url: https://cloud.example/remote.php/webdav");
    expect(r.stdout).toMatch(/password: "?\*{8} \(from ARSIPD_REMOTE_PASSWORD\)/);
    expect(r.stdout + r.stderr).not.toContain("s3cret-Pa55");
  });

  it("config --defaults prints a file that loads back to the defaults", async () => {
    const cwd = tempDir();
    const r = await runCli(["config", "--defaults"], { cwd });
    expect(r.code).toBe(0);
    writeFileSync(path.join(cwd, "d.yaml"), r.stdout);
    const fromFile = loadConfig({ cwd, configPath: "d.yaml", env: {} }).config;
    const builtIn = loadConfig({ cwd, env: {} }).config;
    expect(fromFile).toEqual(builtIn);
    expect(r.stdout).toContain("# Parallel transfers");
  });
});

describe("config/arsipd.example.yaml", () => {
  it("is exactly the commented default file, so it documents every key", async () => {
    const { readFileSync } = await import("node:fs");
    const { defaultsYaml } = await import("../../src/config/defaults-file.js");
    const { REPO } = await import("../helpers/cli.js");
    const example = readFileSync(path.join(REPO, "config/arsipd.example.yaml"), "utf8");
    expect(example).toBe(defaultsYaml());
  });
});
