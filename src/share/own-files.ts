/**
 * Files arsipd itself writes into the share: the register, the feed and the metadata template
 * in the share root, and the reason files beside quarantined files. The organizer never files
 * or quarantines them, and the mirror uploads them at once (they are written atomically, so the
 * "still being written" window does not apply to them).
 */
import type { Config } from "../config/schema.js";

export const SIDECAR_SUFFIX = ".ALASAN.txt";

/** Names (in the share root) of the files arsipd writes there. */
export function ownRootFiles(config: Config): string[] {
  const b = config.index.baseName;
  const meta = config.index.metadataFile.replace(/\.(csv|xlsx)$/i, "");
  return [
    `${b}.xlsx`,
    `${b}.csv`,
    config.feed.fileName,
    `${meta}.csv`,
    `${meta}.xlsx`,
    config.index.metadataFile,
  ];
}

/** Whether a share-relative path is one of arsipd's own files. */
export function isOwnFile(config: Config, rel: string): boolean {
  if (!rel.includes("/")) return ownRootFiles(config).includes(rel);
  return rel.startsWith(`${config.convention.quarantineDir}/`) && rel.endsWith(SIDECAR_SUFFIX);
}

/** The share folder of searchable copies of scans (ocr/searchable.ts): mirrored, never organized. */
export const SEARCHABLE_DIR = "_PDF-TEKS";
