/**
 * Real WebDAV servers for tests, each on a random 127.0.0.1 port with a fresh temp root and random
 * credentials:
 *  - startSabre(): SabreDAV 1.8 under `php -S`, laid out like OwnCloud (see sabre/router.php), with
 *    the OwnCloud emulation plugin (X-OC-Mtime, OC-Checksum, oc:checksums, etags, atomic PUT) and
 *    a maintenance switch;
 *  - startRclone(): `rclone serve webdav`, a plain WebDAV server with none of those extras.
 * Servers run in their own process group (php -S workers outlive their master), stopped by
 * killing the group. A missing tool is an error, never a silent skip.
 */
import { type ChildProcess, spawn, spawnSync } from "node:child_process";
import { randomBytes } from "node:crypto";
import { existsSync } from "node:fs";
import { mkdir, mkdtemp, rm, unlink, writeFile } from "node:fs/promises";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";

export interface DavServer {
  kind: "sabre" | "rclone";
  /** Origin, e.g. http://127.0.0.1:PORT */
  baseUrl: string;
  /** The user's DAV root: …/remote.php/dav/files/<user> for sabre, the base for rclone. */
  url: string;
  /** The folder on disk behind `url`. */
  root: string;
  username: string;
  password: string;
  stop(): Promise<void>;
  /** Stops and starts again with the same port, root and credentials. */
  restart(): Promise<void>;
  setMaintenance?(on: boolean): Promise<void>;
}

const INSTALL_HINT =
  "install php-cli php-sabre-dav rclone (apt-get install php-cli php-sabre-dav rclone)";
const SABRE_AUTOLOAD = "/usr/share/php/Sabre/autoload.php";
const ROUTER = path.join(path.dirname(fileURLToPath(import.meta.url)), "sabre", "router.php");

function requireTool(cmd: string, args: string[]): void {
  const r = spawnSync(cmd, args, { stdio: "ignore" });
  if (r.error || r.status !== 0) throw new Error(`${cmd} is not usable: ${INSTALL_HINT}`);
}

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.on("error", reject);
    srv.listen(0, "127.0.0.1", () => {
      const addr = srv.address();
      const port = typeof addr === "object" && addr ? addr.port : 0;
      srv.close(() => resolve(port));
    });
  });
}

function randomName(prefix: string): string {
  return prefix + randomBytes(4).toString("hex");
}

/** Polls `probe` until it answers (any HTTP status), or fails after `timeoutMs`. */
async function waitUntilUp(url: string, child: ChildProcess, logs: () => string): Promise<void> {
  const deadline = Date.now() + 15_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`test server exited early: ${logs().slice(-500)}`);
    try {
      const res = await fetch(url, { method: "GET", signal: AbortSignal.timeout(2000) });
      await res.arrayBuffer();
      return;
    } catch {
      if (Date.now() > deadline)
        throw new Error(`test server did not answer: ${logs().slice(-500)}`);
      await new Promise((r) => setTimeout(r, 50));
    }
  }
}

interface Proc {
  child: ChildProcess;
  logs: () => string;
}

function launch(cmd: string, args: string[], env: NodeJS.ProcessEnv): Proc {
  const child = spawn(cmd, args, { detached: true, stdio: ["ignore", "pipe", "pipe"], env });
  let out = "";
  const keep = (d: Buffer) => {
    out = (out + d.toString()).slice(-20_000);
  };
  child.stdout?.on("data", keep);
  child.stderr?.on("data", keep);
  return { child, logs: () => out };
}

async function killGroup(p: Proc): Promise<void> {
  const pid = p.child.pid;
  if (pid === undefined || p.child.exitCode !== null || p.child.signalCode !== null) return;
  const exited = new Promise<void>((r) => p.child.once("exit", () => r()));
  try {
    process.kill(-pid, "SIGTERM");
  } catch {
    return;
  }
  const timer = setTimeout(() => {
    try {
      process.kill(-pid, "SIGKILL");
    } catch {}
  }, 3000);
  await exited;
  clearTimeout(timer);
  // php -S workers are separate processes in the group: make sure none is left behind.
  try {
    process.kill(-pid, "SIGKILL");
  } catch {}
}

/** Waits until nothing listens on the port any more, so a restart can bind it again. */
async function waitPortFree(port: number): Promise<void> {
  for (let i = 0; i < 100; i++) {
    const inUse = await new Promise<boolean>((resolve) => {
      const s = net.connect(port, "127.0.0.1");
      s.once("connect", () => {
        s.destroy();
        resolve(true);
      });
      s.once("error", () => resolve(false));
    });
    if (!inUse) return;
    await new Promise((r) => setTimeout(r, 50));
  }
}

export async function startSabre(): Promise<DavServer> {
  requireTool("php", ["--version"]);
  if (!existsSync(SABRE_AUTOLOAD)) throw new Error(`SabreDAV is missing: ${INSTALL_HINT}`);
  const base = await mkdtemp(path.join(os.tmpdir(), "arsipd-sabre-"));
  const root = path.join(base, "root");
  const control = path.join(base, "control");
  await mkdir(root);
  await mkdir(path.join(control, "uploads"), { recursive: true });
  const username = randomName("user");
  const password = randomBytes(12).toString("base64url");
  await writeFile(path.join(control, "config.json"), JSON.stringify({ root, username, password }));
  const port = await freePort();
  const baseUrl = `http://127.0.0.1:${port}`;
  let proc: Proc | undefined;

  const start = async () => {
    proc = launch("php", ["-S", `127.0.0.1:${port}`, ROUTER], {
      ...process.env,
      PHP_CLI_SERVER_WORKERS: "4",
      ARSIP_SABRE_CONTROL: control,
    });
    await waitUntilUp(`${baseUrl}/status.php`, proc.child, proc.logs);
  };
  const stop = async () => {
    if (proc) await killGroup(proc);
    proc = undefined;
    await waitPortFree(port);
  };
  await start();
  return {
    kind: "sabre",
    baseUrl,
    url: `${baseUrl}/remote.php/dav/files/${username}`,
    root,
    username,
    password,
    async stop() {
      await stop();
      await rm(base, { recursive: true, force: true });
    },
    async restart() {
      await stop();
      await start();
    },
    async setMaintenance(on: boolean) {
      const flag = path.join(control, "maintenance");
      if (on) await writeFile(flag, "on");
      else await unlink(flag).catch(() => undefined);
    },
  };
}

export async function startRclone(): Promise<DavServer> {
  requireTool("rclone", ["version"]);
  const base = await mkdtemp(path.join(os.tmpdir(), "arsipd-rclone-"));
  const root = path.join(base, "root");
  await mkdir(root);
  const rcConf = path.join(base, "rclone.conf");
  await writeFile(rcConf, "");
  const username = randomName("user");
  const password = randomBytes(12).toString("base64url");
  const port = await freePort();
  const baseUrl = `http://127.0.0.1:${port}`;
  let proc: Proc | undefined;
  const start = async () => {
    proc = launch(
      "rclone",
      [
        "serve",
        "webdav",
        root,
        "--addr",
        `127.0.0.1:${port}`,
        "--user",
        username,
        "--pass",
        password,
        "--config",
        rcConf,
        "--dir-cache-time",
        "0s",
        "--poll-interval",
        "0",
      ],
      { ...process.env, RCLONE_CONFIG: rcConf },
    );
    await waitUntilUp(`${baseUrl}/`, proc.child, proc.logs);
  };
  const stop = async () => {
    if (proc) await killGroup(proc);
    proc = undefined;
    await waitPortFree(port);
  };
  await start();
  return {
    kind: "rclone",
    baseUrl,
    url: baseUrl,
    root,
    username,
    password,
    async stop() {
      await stop();
      await rm(base, { recursive: true, force: true });
    },
    async restart() {
      await stop();
      await start();
    },
  };
}

/** Basic-auth header for raw requests in tests. */
export function basicAuth(s: Pick<DavServer, "username" | "password">): string {
  return `Basic ${Buffer.from(`${s.username}:${s.password}`).toString("base64")}`;
}
