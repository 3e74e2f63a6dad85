/**
 * The register's `Status Sinkronisasi` for a share file, read from the mirror journal: the
 * same answer whether the daemon or a one-shot `arsipd index` builds the register.
 */
import type { SyncStatusFn } from "../register/types.js";
import type { Journal } from "../state/journal.js";

export function journalSyncStatus(journal: Journal): SyncStatusFn {
  return (rel) => {
    const fail = journal.failure(rel);
    if (fail) return { state: "gagal", detail: fail.lastError };
    return journal.get(rel) ? { state: "tersinkron" } : { state: "menunggu" };
  };
}
