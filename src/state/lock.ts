/**
 * One writer per state folder: `<stateDir>/journal.lock` holds the owner's pid. A lock left by a
 * process that no longer runs (kill -9, power cut) is taken over. A pid reused by an unrelated
 * process after a reboot would look alive; the message then tells the person what to delete.
 */
import { ArsipdError } from "../errors.js";
import { takePidFile } from "../util/pid-file.js";

/** Takes the journal's writer lock `file`; resolves to its release (util/pid-file.ts). */
export async function acquireLock(file: string): Promise<() => Promise<void>> {
  const release = takePidFile(file, [], (pid) =>
    pid === undefined
      ? new ArsipdError("LOCKED", "fatal", `could not take the lock ${file}`)
      : new ArsipdError(
          "LOCKED",
          "fatal",
          `another arsipd process (pid ${pid}) is using the state folder; stop it first (or delete ${file} if that process is not arsipd)`,
        ),
  );
  return async () => release();
}
