/**
 * One process at a time acts on a state folder (the daemon, or a one-shot `sync`/`index`): two
 * writers would race on the journal, the register cache and the remote. The lock is a pid file
 * created with O_EXCL, holding the pid and the holder's role (`daemon` or the command), so a
 * command knows whether to ask the daemon over its control socket (control.ts) or to report
 * who holds the folder. A lock whose process is gone (kill -9, power loss) is taken over, and
 * so is the control socket that process left behind.
 */
import { lstatSync, mkdirSync, readFileSync, unlinkSync } from "node:fs";
import path from "node:path";
import { ArsipdError } from "../errors.js";
import { livePid, takePidFile } from "../util/pid-file.js";

import { socketPath } from "./control.js";

export type LockRole = "daemon" | "sync" | "index";

export function pidFile(stateDir: string): string {
  return path.join(stateDir, "arsipd.pid");
}

/** The live process holding the lock and its role (undefined when written by an older arsipd). */
export function lockOwner(stateDir: string): { pid: number; role?: string } | undefined {
  try {
    const pid = livePid(pidFile(stateDir));
    if (pid === undefined) return undefined;
    const role = readFileSync(pidFile(stateDir), "utf8").split("\n")[1]?.trim();
    return role ? { pid, role } : { pid };
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
  const release = takePidFile(file, [role ?? what], (holder) =>
    holder === undefined
      ? new ArsipdError("LOCKED", "fatal", `cannot ${what}: could not take the lock ${file}`)
      : new ArsipdError(
          "LOCKED",
          "fatal",
          `cannot ${what}: arsipd (pid ${holder}) is already working on ${stateDir}; see 'arsipd status'`,
        ),
  );
  removeDeadSocket(stateDir);
  return release;
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
