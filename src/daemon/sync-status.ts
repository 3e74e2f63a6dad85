/**
 * The register's `Status Sinkronisasi` for a share file, read from the mirror journal: the
 * same answer whether the daemon or a one-shot `arsipd index` builds the register.
 * "tersinkron" only when the journal's last upload is the file's bytes now (size and SHA-256,
 * when the caller knows them): a file changed since then is "menunggu", never reported synced.
 */
import type { SyncStatusFn } from "../register/types.js";
import type { Journal } from "../state/journal.js";

export function journalSyncStatus(journal: Journal): SyncStatusFn {
  return (rel, file) => {
    const fail = journal.failure(rel);
    if (fail) return { state: "gagal", detail: fail.lastError };
    const e = journal.get(rel);
    if (!e) return { state: "menunggu" };
    if (file && (e.size !== file.size || e.sha256 !== file.sha256))
      return { state: "menunggu", detail: "berkas berubah sejak unggahan terakhir" };
    return { state: "tersinkron" };
  };
}
