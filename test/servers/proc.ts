/**
 * Process plumbing shared by the test servers: free loopback ports, launching a server in its own
 * process group (so its workers go with it), waiting until it answers, stopping it by its group
 * id (never by name: other test runs use the same binaries), and the "install with" check.
 */
import { type ChildProcess, spawn, spawnSync } from "node:child_process";
import { createHash, randomBytes } from "node:crypto";
import { existsSync } from "node:fs";
import net from "node:net";

/** Fails with the apt-get line to run when `cmd` (a name on PATH or an absolute path) is missing. */
export function requireBinary(cmd: string, args: string[], debPackages: string): void {
  if (cmd.startsWith("/")) {
    if (!existsSync(cmd)) throw missing(cmd, debPackages);
    return;
  }
  const r = spawnSync(cmd, args, { stdio: "ignore" });
  if (r.error || r.status !== 0) throw missing(cmd, debPackages);
}

export function requireFile(file: string, debPackages: string): void {
  if (!existsSync(file)) throw missing(file, debPackages);
}

function missing(what: string, debPackages: string): Error {
  return new Error(`${what} is not usable: install with: apt-get install ${debPackages}`);
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

export function randomName(prefix: string): string {
  return prefix + randomBytes(4).toString("hex");
}

export interface Proc {
  child: ChildProcess;
  logs: () => string;
}

export function launch(cmd: string, args: string[], env: NodeJS.ProcessEnv = process.env): Proc {
  const child = spawn(cmd, args, { detached: true, stdio: ["ignore", "pipe", "pipe"], env });
  let out = "";
  const keep = (d: Buffer) => {
    out = (out + d.toString()).slice(-20_000);
  };
  child.stdout?.on("data", keep);
  child.stderr?.on("data", keep);
  child.on("error", (err) => keep(Buffer.from(String(err))));
  return { child, logs: () => out };
}

/** Polls `url` until it answers (any HTTP status), or fails after 15 s with the server's output. */
export async function waitUntilUp(url: string, p: Proc, extraLogs?: () => string): Promise<void> {
  const deadline = Date.now() + 15_000;
  const logs = () => `${p.logs()}${extraLogs?.() ?? ""}`.slice(-1500);
  for (;;) {
    if (p.child.exitCode !== null) throw new Error(`test server exited early: ${logs()}`);
    try {
      const res = await fetch(url, { method: "GET", signal: AbortSignal.timeout(2000) });
      await res.arrayBuffer();
      return;
    } catch {
      if (Date.now() > deadline) throw new Error(`test server did not answer: ${logs()}`);
      await new Promise((r) => setTimeout(r, 50));
    }
  }
}

/** SIGTERM to the group, SIGKILL after 3 s, then SIGKILL to whatever of the group is left. */
export async function killGroup(p: Proc): Promise<void> {
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
  // Workers (php -S, Apache children, php-fpm pool) are separate processes in the group.
  try {
    process.kill(-pid, "SIGKILL");
  } catch {}
}

/** Waits until nothing listens on the port any more, so a restart can bind it again. */
export async function waitPortFree(port: number): Promise<void> {
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

/**
 * The unprivileged account a server's workers run as when the tests run as root (Apache refuses
 * to serve as root), or undefined when the tests already run unprivileged (servers then keep the
 * tests' own user). Folders a test creates on disk for such a server must be writable by it.
 */
export function workerAccount(): { user: string; uid: number; gid: number } | undefined {
  if (process.getuid?.() !== 0) return undefined;
  for (const user of ["www-data", "nobody"]) {
    const uid = spawnSync("id", ["-u", user], { encoding: "utf8" });
    const gid = spawnSync("id", ["-g", user], { encoding: "utf8" });
    if (uid.status === 0 && gid.status === 0)
      return { user, uid: Number(uid.stdout.trim()), gid: Number(gid.stdout.trim()) };
  }
  throw new Error("running as root, but neither www-data nor nobody exists for the server workers");
}

/** SHA-1 password line that both Apache (mod_authn_file) and nginx (auth_basic) accept. */
export function htpasswdLine(user: string, password: string): string {
  return `${user}:{SHA}${createHash("sha1").update(password).digest("base64")}\n`;
}
