/**
 * One process at a time acts on a state folder (the daemon, or a one-shot `sync`/`index`): two
 * writers would race on the journal, the register cache and the remote. The lock is a pid file
 * created with O_EXCL, holding the pid and the holder's role (`daemon` or the command), so a
 * command knows whether to ask the daemon over its control socket (control.ts) or to report
 * who holds the folder. A lock whose process is gone (kill -9, power loss) is taken over, and
 * so is the control socket that process left behind.
 */
import { lstatSync, mkdirSync, readFileSync, unlinkSync, writeFileSync } from "node:fs";
import path from "node:path";
import { ArsipdError } from "../errors.js";
import { socketPath } from "./control.js";

export type LockRole = "daemon" | "sync" | "index";

export function pidFile(stateDir: string): string {
  return path.join(stateDir, "arsipd.pid");
}

export function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === "EPERM";
  }
}

/** The live process holding the lock and its role (undefined when written by an older arsipd). */
export function lockOwner(stateDir: string): { pid: number; role?: string } | undefined {
  try {
    const [first, role] = readFileSync(pidFile(stateDir), "utf8").split("\n");
    const pid = Number.parseInt(first ?? "", 10);
    if (!Number.isInteger(pid) || pid <= 0 || !isAlive(pid)) return undefined;
    return role ? { pid, role: role.trim() } : { pid };
  } catch {
    return undefined;
  }
}

/** The pid holding the lock, if that process is alive. */
export function lockHolder(stateDir: string): number | undefined {
  return lockOwner(stateDir)?.pid;
}

export function acquireLock(stateDir: string, what: string, role?: LockRole): () => void {
  mkdirSync(stateDir, { recursive: true });
  const file = pidFile(stateDir);
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      writeFileSync(file, `${process.pid}\n${role ?? what}\n`, { flag: "wx", mode: 0o600 });
      removeDeadSocket(stateDir);
      return () => {
        try {
          const pid = readFileSync(file, "utf8").split("\n")[0]?.trim();
          if (pid === String(process.pid)) unlinkSync(file);
        } catch {
          // already gone
        }
      };
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== "EEXIST") throw err;
      const holder = lockHolder(stateDir);
      if (holder !== undefined && holder !== process.pid) {
        throw new ArsipdError(
          "LOCKED",
          "fatal",
          `cannot ${what}: arsipd (pid ${holder}) is already working on ${stateDir}; see 'arsipd status'`,
        );
      }
      unlinkSync(file); // stale: its process is gone
    }
  }
  throw new ArsipdError("LOCKED", "fatal", `cannot ${what}: could not take the lock ${file}`);
}

/**
 * With the lock held, a control socket in the folder belongs to a daemon that is gone: remove
 * it, so nobody waits on it. Only a socket is removed, never a file that happens to have the name.
 */
function removeDeadSocket(stateDir: string): void {
  const sock = socketPath(stateDir);
  try {
    if (lstatSync(sock).isSocket()) unlinkSync(sock);
  } catch {
    // no socket: nothing to do
  }
}
