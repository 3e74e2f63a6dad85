/**
 * What the convention reads out of a file name. Shared by the parser, the formatter, the
 * organizer and the register.
 */

export interface Decree {
  /** Jenis code from config, e.g. "KPT-KETUA". */
  jenis: string;
  tahun: number;
  /** Serial as numbered, without zero padding: "12", "12A". */
  nomor: string;
  /** "LAMPIRAN-<n>" | "SALINAN" | null. */
  qualifier: string | null;
  /** Subject as read (human text), or null when the name has none. */
  tentang: string | null;
  /** Lower-case extension without the dot. */
  ext: string;
  /** Old-style number as printed, e.g. "45/PL.01.3-Kpt/3172/KPU-Kot/IV/2019", when read. */
  nomorAsli?: string | undefined;
}

export interface ParseOk {
  ok: true;
  decree: Decree;
  /** Canonical relative path (POSIX): <JENIS>/<TAHUN>/<name>. */
  path: string;
}

export interface ParseRejected {
  ok: false;
  /** Stable code, e.g. "NO_YEAR", "NO_JENIS", "AMBIGUOUS_NUMBER". */
  reason: string;
  /** One sentence in Indonesian for a clerk. */
  message: string;
  /** The same in English, for the log. */
  messageEn: string;
}

export type ParseResult = ParseOk | ParseRejected;
