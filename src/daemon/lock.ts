/**
 * One process at a time acts on a state folder (the daemon, or a one-shot `sync`): two writers
 * would race on the journal and the remote. The lock is a pid file created with O_EXCL; a
 * lock whose process is gone (kill -9, power loss) is taken over.
 */
import { mkdirSync, readFileSync, unlinkSync, writeFileSync } from "node:fs";
import path from "node:path";
import { ArsipdError } from "../errors.js";

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

/** The pid holding the lock, if that process is alive. */
export function lockHolder(stateDir: string): number | undefined {
  try {
    const pid = Number.parseInt(readFileSync(pidFile(stateDir), "utf8"), 10);
    return Number.isInteger(pid) && pid > 0 && isAlive(pid) ? pid : undefined;
  } catch {
    return undefined;
  }
}

export function acquireLock(stateDir: string, what: string): () => void {
  mkdirSync(stateDir, { recursive: true });
  const file = pidFile(stateDir);
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      writeFileSync(file, `${process.pid}\n`, { flag: "wx" });
      return () => {
        try {
          if (readFileSync(file, "utf8").trim() === String(process.pid)) unlinkSync(file);
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
