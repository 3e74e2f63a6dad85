/** Data the register is built from. Shared by collect, rows, xlsx/csv and the JDIHN feed. */
import type { ConventionConfig } from "../config/schema.js";
import type { Decree, ParseResult } from "../convention/types.js";

/** The convention parser, injected so the register does not depend on one implementation. */
export type ParseFn = (name: string, rules: ConventionConfig) => ParseResult;

export type SyncState = "tersinkron" | "menunggu" | "gagal";
/**
 * Sync status of one file (share-relative POSIX path), from the mirror journal; injected. Given
 * the file's current size and SHA-256, "tersinkron" only when the server has those bytes.
 */
export type SyncStatusFn = (
  rel: string,
  file?: { size: number; sha256: string },
) => { state: SyncState; detail?: string } | undefined;

/** One archived file below `<JENIS>/<TAHUN>/` whose name parses. */
export interface ArchivedDecree {
  /** Share-relative POSIX path, NFC. */
  rel: string;
  /** Absolute path on disk. */
  abs: string;
  /** File name (last segment of rel). */
  name: string;
  /** Folder part of rel, e.g. "KPT-KETUA/2024". */
  folder: string;
  size: number;
  mtimeMs: number;
  /** Lower-case hex SHA-256 of the content. */
  sha256: string;
  decree: Decree;
}

/** One file waiting in the quarantine folder, with the organizer's reason. */
export interface QuarantineItem {
  /** Share-relative POSIX path, e.g. "_KARANTINA/scan 1.pdf". */
  path: string;
  /** Stable reason code from the sidecar (`Kode:`), or "TANPA_ALASAN". */
  reason: string;
  /** Indonesian message from the sidecar (`Alasan:`). */
  message: string;
  /** Folder the file came from (`Asal:`), when recorded. */
  origin?: string | undefined;
  /** When it was quarantined (`Waktu:`, as written: office time or ISO), when recorded. */
  time?: string | undefined;
  mtimeMs: number;
}

export type DecreeStatus = "berlaku" | "dicabut" | "diubah";

/** Register facts not in the file name, from the staff metadata file (validated). */
export interface DecreeMeta {
  jenis: string;
  tahun: number;
  /** Normalised serial: no leading zeros, upper-case suffix ("12A"). */
  nomor: string;
  tanggalPenetapan?: string | undefined;
  status?: DecreeStatus | undefined;
  terkait?: string | undefined;
  subjek?: string | undefined;
  penandatangan?: string | undefined;
  lokasiFisik?: string | undefined;
  abstrak?: string | undefined;
  keterangan?: string | undefined;
  tentang?: string | undefined;
  /** Row in the metadata file (1 = header), for messages. */
  row: number;
}

/** A problem in the metadata file: one cell (or the whole row when column is "-"). */
export interface BadMetadataRow {
  row: number;
  column: string;
  /** Indonesian, one sentence. */
  message: string;
}

/** Facts read from a PDF's text layer. Dates are YYYY-MM-DD. */
export interface PdfFields {
  tanggalPenetapan?: string | undefined;
  tentang?: string | undefined;
}

/** Key of a decree (not of a file): jenis/tahun/nomor. */
export function decreeKey(jenis: string, tahun: number, nomor: string): string {
  return `${jenis}/${tahun}/${nomor}`;
}
