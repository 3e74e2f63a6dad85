/**
 * A real Samba server for tests: its own `smbd --foreground` on a random 127.0.0.1 port, with its
 * own smb.conf, private dir (a tdbsam passdb holding one user), lock, state, cache, pid and log
 * folders in a temp folder, serving one share (`arsip`) that points at a folder of the test's
 * choosing. No system service, no nmbd, no printers. `smbclient()` drives it the way a Windows
 * PC does (put, rename, mkdir over SMB2/3), so a test sees what a clerk's PC really leaves on disk.
 *
 * The SMB user maps to the Unix account running the tests (tdbsam wants an existing account).
 * smbd needs root to switch to that account; a test run as another user still works when the
 * SMB user is that same user, but is not what CI does.
 */
import { spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import { readFileSync } from "node:fs";
import { mkdir, mkdtemp, rm, writeFile } from "node:fs/promises";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import {
  freePort,
  killGroup,
  launch,
  type Proc,
  requireBinary,
  requireFile,
  waitPortFree,
} from "./proc.js";

const SMBD = "/usr/sbin/smbd";
const APT = "samba smbclient";

export interface SambaOptions {
  /** The folder the share serves; a fresh temp folder when left out. */
  sharePath?: string;
  /** Extra `key = value` lines for the share section (e.g. `force user = …`, `create mask`). */
  shareLines?: string[];
}

export interface SmbResult {
  code: number;
  stdout: string;
  stderr: string;
}

export interface SambaServer {
  port: number;
  /** `//127.0.0.1/arsip` */
  service: string;
  share: string;
  sharePath: string;
  username: string;
  password: string;
  /** Runs `smbclient //127.0.0.1/arsip -p PORT -U user%pass -c "<commands>"` (cwd for `put`). */
  smbclient(commands: string, cwd?: string): Promise<SmbResult>;
  /** Like smbclient(), but fails with smbclient's output when it reports an error. */
  run(commands: string, cwd?: string): Promise<string>;
  logs(): string;
  stop(): Promise<void>;
}

export async function startSamba(opts: SambaOptions = {}): Promise<SambaServer> {
  requireFile(SMBD, APT);
  requireBinary("smbclient", ["--version"], APT);
  requireBinary("pdbedit", ["-V"], APT);
  const base = await mkdtemp(path.join(os.tmpdir(), "arsipd-samba-"));
  const dirs = ["private", "lock", "state", "cache", "pid", "log", "ncalrpc"];
  for (const d of dirs) await mkdir(path.join(base, d), { mode: 0o700 });
  const sharePath = opts.sharePath ?? path.join(base, "share");
  await mkdir(sharePath, { recursive: true });
  const username = os.userInfo().username;
  const password = `Pw-${randomBytes(9).toString("base64url")}`;
  const port = await freePort();
  const conf = path.join(base, "smb.conf");
  const share = "arsip";
  await writeFile(
    conf,
    [
      "[global]",
      "  server role = standalone server",
      `  smb ports = ${port}`,
      "  interfaces = 127.0.0.1",
      "  bind interfaces only = yes",
      "  disable netbios = yes",
      "  server min protocol = SMB2",
      `  passdb backend = tdbsam:${base}/private/passdb.tdb`,
      `  private dir = ${base}/private`,
      `  lock directory = ${base}/lock`,
      `  state directory = ${base}/state`,
      `  cache directory = ${base}/cache`,
      `  pid directory = ${base}/pid`,
      `  ncalrpc dir = ${base}/ncalrpc`,
      `  log file = ${base}/log/smbd.log`,
      "  log level = 1",
      "  max log size = 0",
      "  usershare max shares = 0",
      "  map to guest = never",
      "  load printers = no",
      "  printing = bsd",
      "  printcap name = /dev/null",
      "  disable spoolss = yes",
      "",
      `[${share}]`,
      `  path = ${sharePath}`,
      "  read only = no",
      `  valid users = ${username}`,
      ...(opts.shareLines ?? []).map((l) => `  ${l}`),
      "",
    ].join("\n"),
  );
  const add = await runTool("smbpasswd", ["-c", conf, "-s", "-a", username], {
    stdin: `${password}\n${password}\n`,
  });
  if (add.code !== 0) {
    await rm(base, { recursive: true, force: true });
    throw new Error(`smbpasswd -a ${username} failed: ${add.stderr}${add.stdout}`);
  }
  const proc: Proc = launch(SMBD, ["--foreground", "--no-process-group", "-s", conf]);
  const logFile = () => {
    try {
      return readFileSync(path.join(base, "log", "smbd.log"), "utf8").slice(-2000);
    } catch {
      return "";
    }
  };
  const logs = () => `${proc.logs()}${logFile()}`;
  try {
    await waitTcp(port, proc, logs);
  } catch (err) {
    await killGroup(proc);
    await rm(base, { recursive: true, force: true });
    throw err;
  }
  const service = `//127.0.0.1/${share}`;
  const smbclient = (commands: string, cwd?: string) =>
    runTool(
      "smbclient",
      [service, "-p", String(port), "-U", `${username}%${password}`, "-m", "SMB3", "-c", commands],
      { cwd, env: { ...process.env, SMB_CONF_PATH: conf } },
    );
  return {
    port,
    service,
    share,
    sharePath,
    username,
    password,
    smbclient,
    async run(commands, cwd) {
      const r = await smbclient(commands, cwd);
      // smbclient exits 0 even after some failed commands; NT_STATUS_ in its output is the tell.
      if (r.code !== 0 || /NT_STATUS_\w+/.test(r.stdout + r.stderr))
        throw new Error(`smbclient -c "${commands}" failed (${r.code}): ${r.stdout}${r.stderr}`);
      return r.stdout;
    },
    logs,
    async stop() {
      await killGroup(proc);
      await waitPortFree(port);
      await rm(base, { recursive: true, force: true });
    },
  };
}

async function waitTcp(port: number, p: Proc, logs: () => string): Promise<void> {
  const deadline = Date.now() + 20_000;
  for (;;) {
    if (p.child.exitCode !== null) throw new Error(`smbd exited early: ${logs().slice(-1500)}`);
    const up = await new Promise<boolean>((resolve) => {
      const s = net.connect(port, "127.0.0.1");
      s.once("connect", () => {
        s.destroy();
        resolve(true);
      });
      s.once("error", () => resolve(false));
    });
    if (up) return;
    if (Date.now() > deadline) throw new Error(`smbd did not listen: ${logs().slice(-1500)}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

function runTool(
  cmd: string,
  args: string[],
  o: { stdin?: string; cwd?: string | undefined; env?: NodeJS.ProcessEnv } = {},
): Promise<SmbResult> {
  return new Promise((resolve) => {
    const child = spawn(cmd, args, { cwd: o.cwd, env: o.env ?? process.env });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (d) => {
      stdout += d;
    });
    child.stderr.on("data", (d) => {
      stderr += d;
    });
    child.on("error", (err) => resolve({ code: 127, stdout, stderr: String(err) }));
    child.on("close", (code) => resolve({ code: code ?? 1, stdout, stderr }));
    child.stdin.end(o.stdin ?? "");
  });
}
