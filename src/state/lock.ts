/**
 * One writer per state folder: `<stateDir>/journal.lock` holds the owner's pid. A lock left by a
 * process that no longer runs (kill -9, power cut) is taken over. A pid reused by an unrelated
 * process after a reboot would look alive; the message then tells the person what to delete.
 */
import { open, readFile, unlink } from "node:fs/promises";
import { ArsipdError } from "../errors.js";

function alive(pid: number): boolean {
  if (!Number.isInteger(pid) || pid <= 0) return false;
  if (pid === process.pid) return false;
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === "EPERM";
  }
}

export async function acquireLock(file: string): Promise<() => Promise<void>> {
  for (let attempt = 0; attempt < 3; attempt++) {
    try {
      // No fsync: the pid only matters while this process runs. After a crash or a power cut
      // the file is empty, stale or gone, and all three are taken over (below). An fsync here
      // waited for every dirty page on the disk: up to 0.3 s of a no-change pass right after
      // a big copy.
      const fh = await open(file, "wx", 0o600);
      await fh.writeFile(`${process.pid}\n`);
      await fh.close();
      return async () => {
        await unlink(file).catch(() => undefined);
      };
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== "EEXIST") throw err;
    }
    const pid = Number.parseInt(await readFile(file, "utf8").catch(() => ""), 10);
    if (alive(pid)) {
      throw new ArsipdError(
        "LOCKED",
        "fatal",
        `another arsipd process (pid ${pid}) is using the state folder; stop it first (or delete ${file} if that process is not arsipd)`,
      );
    }
    await unlink(file).catch(() => undefined);
  }
  throw new ArsipdError("LOCKED", "fatal", `could not take the lock ${file}`);
}
