/**
 * Another KPU office's own business as the subject: its secretariat, its work unit, its staff or
 * a team of its own ("Pembentukan Tim Pengelola JDIH Sekretariat KPU Kota Semarang", "Bendahara
 * Sekretariat KPU Jaksel", "Tim Pengelola Hibah Pilgub KPU Jakbar", "PPK pada Satuan Kerja KPU
 * Provinsi DKI Jakarta"). Only that office decides on those, so such a name is most likely its
 * decree typed without its issuer. The office stands in the genitive there: no word before it
 * says how this office deals with it. Running text that does ("Kerja Sama dengan KPU Kota
 * Bekasi", "Penugasan Staf ke Rapat Koordinasi KPU Provinsi", "Narasumber di KPU Provinsi",
 * "Penerimaan Kunjungan Kerja KPU Kota Bekasi") and a cited decree ("Pelaksanaan Keputusan KPU
 * Provinsi …") stay this office's subject. A decree that amends or revokes another office's
 * ("Perubahan atas Keputusan KPU Kota Jakarta Barat Nomor 5 …") is that office's: only the body
 * that made a decree amends or revokes it (amendedOther). Pure.
 */
import { isWordChar } from "./numbers.js";
import { type CompiledOffice, otherKpuIn } from "./office.js";
import { wordsFrom } from "./text.js";

/** At most this many words before "KPU" are read back for what relates the office. */
const LOOK_BACK = 6;

/**
 * The other KPU office (as the rejection shows it) whose own business the subject from `from` in
 * `folded` is, with `amends` when the subject amends or revokes that office's decree, or null.
 * Most subjects hold no "kpu" after `from`: one substring test.
 */
export function otherKpuBusiness(
  folded: string,
  from: number,
  o: CompiledOffice,
): { named: string; amends: boolean } | null {
  for (let at = kpuAt(folded, from, from); at >= 0; at = kpuAt(folded, at + 3, from)) {
    // Up to the next "KPU" word: a "kpu" inside a word ("KPU Jakpus") is no second office.
    const next = kpuAt(folded, at + 3, from);
    const named = otherKpuIn(folded.slice(at, next < 0 ? folded.length : next), o);
    if (named === null) continue;
    const before = wordsFrom(folded.slice(from, at), 0);
    if (amendedOther(before)) return { named, amends: true };
    if (ownBusiness(before)) return { named, amends: false };
  }
  return null;
}

/** Where "kpu" next starts a word in `folded` from `at` (`from` starts one), or -1. */
function kpuAt(folded: string, at: number, from: number): number {
  for (let i = folded.indexOf("kpu", at); i >= 0; i = folded.indexOf("kpu", i + 3)) {
    if (i === from || !isWordChar(folded.charCodeAt(i - 1))) return i;
  }
  return -1;
}
/**
 * Whether the words before "KPU <place>" (`before`, the nearest last) name that office's decree
 * as the one amended or revoked: a decree's words right before it ("Keputusan", "SK Ketua"), and
 * an amending word before them, with "atas" and an ordinal between ("Perubahan Kedua atas").
 */
function amendedOther(before: readonly { word: string }[]): boolean {
  let k = before.length - 1;
  if (k < 1 || !DECREE.has(before[k]!.word)) return false;
  while (k > 0 && DECREE.has(before[k - 1]!.word)) k--;
  for (k--; k >= 0 && BETWEEN_AMENDING.has(before[k]!.word); k--);
  return k >= 0 && AMENDING.has(before[k]!.word);
}

/** A decree's words, right before the office that made it ("Keputusan Ketua KPU …"). */
const DECREE = new Set(["keputusan", "kep", "kpts", "sk", "skep", "ketua", "sekretaris"]);
/** What amends, revokes or annuls a decree ("Perubahan atas", "Pencabutan", "Pembatalan"). */
export const AMENDING: ReadonlySet<string> = new Set([
  "perubahan",
  "mengubah",
  // Typed short or misspelt: "SK Ketua 48 thn 2024 ubah SK 41", "merubah".
  "ubah",
  "merubah",
  "pencabutan",
  "mencabut",
  "pembatalan",
  "membatalkan",
]);
/** Between the amending word and the decree's: "Perubahan Kedua atas Keputusan …". */
const BETWEEN_AMENDING = new Set(["atas", "pertama", "kedua", "ketiga", "keempat", "kelima"]);

/**
 * Whether the words before "KPU <place>" (`before`, the nearest last) make it the genitive of
 * the office's own business: among the last LOOK_BACK, a word of its organisation or staff
 * (BUSINESS) and none that says how this office relates to it (RELATES), and no cited
 * decree's word right before it. "di"/"pada" make it a place ("di KPU Provinsi"), unless a word
 * of the office's organisation stands between ("di Lingkungan Sekretariat KPU …", "pada Satuan
 * Kerja KPU …"). Without a business word ("Honor KPU Provinsi") it may be what this office pays
 * or sends: the subject's.
 */
function ownBusiness(before: readonly { word: string }[]): boolean {
  const n = before.length;
  if (n > 0 && CITED.has(before[n - 1]!.word)) return false;
  let organisation = false;
  let business = false;
  for (let k = n - 1; k >= 0 && k >= n - LOOK_BACK; k--) {
    const w = before[k]!.word;
    if (RELATES.has(w)) return false;
    if (w === "di" || w === "pada") return organisation;
    if (ORGANISATION.has(w)) organisation = true;
    if (ORGANISATION.has(w) || BUSINESS.has(w)) business = true;
  }
  return business;
}

/** Right before "KPU": a document of that office cited by the subject ("Keputusan KPU …"). */
const CITED = new Set([
  "keputusan",
  "kep",
  "kpts",
  "sk",
  "skep",
  "surat",
  "peraturan",
  "pkpu",
  "edaran",
  "se",
  "instruksi",
  "nota",
  "nomor",
  "no",
  "berdasarkan",
]);

/** Words that say how this office deals with the office named after them. */
const RELATES = new Set([
  "dengan",
  "ke",
  "kepada",
  "dari",
  "oleh",
  "untuk",
  "bagi",
  "bersama",
  "antara",
  "terhadap",
  "atas",
  "sebagai",
  "selaku",
  "mengikuti",
  "menghadiri",
  "kunjungan",
  "audiensi",
  "banding",
  "koordinasi",
  "kerjasama",
  "sama",
  "undangan",
  "permintaan",
  "permohonan",
  "fasilitasi",
  "supervisi",
  "asistensi",
  "pendampingan",
  "narasumber",
  "penerimaan",
  "penyerahan",
  "pengembalian",
  "pinjam",
  "peminjaman",
]);

/** Words of an office's own organisation: after "di"/"pada", the office is the genitive. */
const ORGANISATION = new Set(["lingkungan", "sekretariat", "satker", "satuan", "kerja", "kantor"]);

/** Words of an office's staff, teams and budget: what only the office itself appoints or sets. */
const BUSINESS = new Set([
  "tim",
  "panitia",
  "pokja",
  "kelompok",
  "pengelola",
  "pejabat",
  "bendahara",
  "pegawai",
  "staf",
  "petugas",
  "operator",
  "kepala",
  "kasubbag",
  "pengadaan",
  "komitmen",
  "penandatangan",
  "jdih",
  "ppid",
  "arsip",
  "dipa",
  "anggaran",
  "hibah",
  "pengelolaan",
  "keuangan",
]);

/**
 * Every KPU office of a province or the nation named together ("kepada KPU Kota dan Kabupaten
 * se-Provinsi DKI Jakarta", "Satuan Kerja KPU Kabupaten dan Kota se-DKI", "bagi KPU Provinsi dan
 * KPU Kabupaten/Kota"): only the provincial office or KPU RI decides for all of them.
 */
const ALL_OFFICES =
  /(?<![a-z0-9])kpu[^a-z0-9]+(?:(?:kabupaten|kab|kota)[^a-z0-9]+(?:dan[^a-z0-9]+|atau[^a-z0-9]+)?(?:kabupaten|kab|kota)(?![a-z0-9])|provinsi[^a-z0-9]+dan[^a-z0-9]+kpu[^a-z0-9]+(?:kabupaten|kab|kota)(?![a-z0-9]))/g;

/**
 * The words of the subject from `from` in `folded` that name every KPU office of a province or
 * the nation together (ALL_OFFICES), as the rejection shows them, or null. Asked only of a
 * subject that holds "kpu".
 */
export function allKpuOffices(folded: string, from: number): string | null {
  ALL_OFFICES.lastIndex = from;
  const m = ALL_OFFICES.exec(folded);
  if (m === null) return null;
  // This office with its sister offices ("Forum Koordinasi dengan KPU Kota dan Kabupaten …").
  const before = wordsFrom(folded.slice(from, m.index), 0);
  for (let k = before.length - 1; k >= 0 && k >= before.length - 3; k--) {
    if (TOGETHER.has(before[k]!.word)) return null;
  }
  return m[0].toUpperCase();
}

/** Words that put this office among the offices named after them. */
const TOGETHER = new Set(["dengan", "bersama", "antara", "antar", "koordinasi", "forum", "sama"]);
