/**
 * Whether a name's head names a kind of document that is no decree: a letter ("Surat Ketua
 * No 15 …", "Surat Edaran", "Surat Tugas"), an invitation, a memo, minutes, a report, a receipt,
 * an announcement, a regulation. The shared folder holds all of these, and most name the chair or
 * the secretary with a number and a year, so without this check "Undangan Ketua No 12 2024" was
 * filed as decree 12 of 2024, and could be published on JDIH as one. Such a name is refused with
 * NOT_A_DECREE: the archive is for decrees only. Pure.
 *
 * Only the head (the text before the subject) is looked at: "SK Ketua No 12 … tentang Laporan
 * …" is a decree about a report. "Surat" alone is a letter; "Surat Keputusan" (and "Surat Kep",
 * "Surat SK") is a decree. A kind all of whose words a configured jenis phrase uses ("Surat
 * Edaran Ketua" configured as a jenis) is that office's own product, not refused.
 */
import { reject } from "./reasons.js";
import { foldedWords as words } from "./text.js";
import type { ParseRejected } from "./types.js";

/** Kinds of documents that are no decree, as staff type them (longer phrases first). */
const KINDS = [
  "surat edaran",
  "surat tugas",
  "surat perintah tugas",
  "surat perintah",
  "surat kuasa",
  "surat pernyataan",
  "surat keterangan",
  "surat pengantar",
  "surat undangan",
  "surat permohonan",
  "surat balasan",
  "surat masuk",
  "surat keluar",
  "surat dinas",
  "se",
  "spt",
  "sprint",
  "sppd",
  "suket",
  "undangan",
  "nota dinas",
  "nodin",
  "memo",
  "memorandum",
  "disposisi",
  "berita acara",
  "ba",
  "bap",
  "pengumuman",
  "laporan",
  "notulen",
  "notula",
  "notulensi",
  "daftar hadir",
  "absensi",
  "kwitansi",
  "kuitansi",
  "tanda terima",
  "instruksi",
  "peraturan",
  "pkpu",
  "perkpu",
  "putusan",
  "rekomendasi",
  "maklumat",
  "siaran pers",
  "formulir",
  "kontrak",
  "spk",
  "perjanjian",
  "mou",
  "pakta integritas",
  "sertifikat",
  "piagam",
  "proposal",
  "spj",
  "lpj",
  "kwitansi",
  "faktur",
  "invoice",
];

/** What may follow "surat" in a decree's name: keputusan, kep, kpt, kpts, sk. */
const DECREE_AFTER_SURAT = "[^a-z0-9]+(?:k(?:ep|pt)|sk(?![a-z0-9]))";

/**
 * The matcher for the kinds that are not the configured jenis' own (`own`: every word of the
 * configured jenis phrases), or null when none is left.
 */
export function compileDocKinds(own: ReadonlySet<string>): RegExp | null {
  const alts = [...new Set(KINDS)]
    .map(words)
    .filter((w) => !w.every((x) => own.has(x)))
    .sort((a, b) => b.join(" ").length - a.join(" ").length)
    .map((w) => w.join("[^a-z0-9]+"));
  if (!own.has("surat")) alts.push(`surat(?!${DECREE_AFTER_SURAT})`);
  if (alts.length === 0) return null;
  return new RegExp(`(?<![a-z0-9])(?:${alts.join("|")})(?![a-z0-9])`);
}

/** Why `head` (folded, blanks allowed) is no decree's name, or null. */
export function checkDocKind(head: string, kinds: RegExp): ParseRejected | null {
  const m = kinds.exec(head);
  if (!m) return null;
  return reject("NOT_A_DECREE", words(m[0]).join(" ").toUpperCase());
}
