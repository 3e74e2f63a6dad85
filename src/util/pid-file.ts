/**
 * A pid file as a lock: created with O_EXCL (`wx`), holding the owner's pid on its first line
 * (and what the caller adds). A file whose pid is not a live process (kill -9, power cut, an
 * empty or torn file) is stale and taken over. The one mechanism behind the state folder's
 * owner lock (daemon/lock.ts, `arsipd.pid`) and the journal's writer lock (state/lock.ts).
 * A pid reused by an unrelated process after a reboot looks alive: the callers' messages say
 * which file to delete then.
 */
import { readFileSync, unlinkSync, writeFileSync } from "node:fs";

/** Whether `pid` is a running process (ours counts only when `self` is true). */
export function isAlive(pid: number, self = true): boolean {
  if (!Number.isInteger(pid) || pid <= 0) return false;
  if (pid === process.pid) return self;
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === "EPERM";
  }
}

/** The pid on the file's first line, if that process runs; undefined otherwise. */
export function livePid(file: string, self = true): number | undefined {
  try {
    const pid = Number.parseInt(readFileSync(file, "utf8").split("\n")[0] ?? "", 10);
    return isAlive(pid, self) ? pid : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Takes the pid file `file` with `lines` after the pid, or throws `held(pid)` when another live
 * process holds it (`held(undefined)`: it could not be taken, the file kept reappearing).
 * Returns the release function (removes the file only while it is ours).
 */
export function takePidFile(
  file: string,
  lines: string[],
  held: (pid: number | undefined) => Error,
): () => void {
  for (let attempt = 0; attempt < 3; attempt++) {
    try {
      // No fsync: the pid only matters while this process runs; after a crash the file is
      // empty, stale or gone, and all three are taken over.
      writeFileSync(file, `${[process.pid, ...lines].join("\n")}\n`, { flag: "wx", mode: 0o600 });
      return () => {
        if (livePid(file) === process.pid) unlinkSync(file);
      };
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== "EEXIST") throw err;
    }
    // Our own pid in the file is a leftover of this process (a lock not released): taken over.
    const pid = livePid(file, false);
    if (pid !== undefined) throw held(pid);
    try {
      unlinkSync(file); // stale: its process is gone
    } catch {
      // taken over by someone else meanwhile: try again
    }
  }
  throw held(undefined);
}
