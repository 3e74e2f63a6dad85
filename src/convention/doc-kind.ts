/**
 * Whether a name's head names a kind of document that is no decree: a letter ("Surat Ketua
 * No 15 …", "Surat Edaran", "Surat Tugas"), an invitation, a memo, minutes, a report, a receipt,
 * an announcement, a regulation. The shared folder holds all of these, and most name the chair or
 * the secretary with a number and a year, so without this check "Undangan Ketua No 12 2024" was
 * filed as decree 12 of 2024, and could be published on JDIH as one. Such a name is refused with
 * NOT_A_DECREE: the archive is for decrees only. "Perubahan" / "Pencabutan" / "Pembatalan" (and
 * their verbs, "Ralat", "Perbaikan") before the number make it the number of the decree amended,
 * revoked or corrected (and "Revisi atas", "Adendum"): NUMBER_OF_OTHER. Pure. The kinds are looked for in the same scan
 * of the head as the office's words (rules.ts headHint, lenient.ts).
 *
 * Documents made about a decree are named after it ("Telaah Staf SK Ketua No 12 Th 2024",
 * "Kartu Kendali SK …", "Bukti Kirim SK …"): refused too, or they take the decree's own slot.
 * Only the head (the text before the subject) is looked at: "SK Ketua No 12 … tentang Laporan
 * …" is a decree about a report. Words that also start a subject typed before the numbers
 * ("SK Ketua Penetapan Hasil Verifikasi No 3 …") count only in front of the decree's name
 * (BEFORE_DECREE, namesKind). A draft ("Draft SK Ketua …") is the decree's draft in an editable
 * file, which keeps its slot, and no decree in a PDF or scan (DRAFTS). "Surat" alone is a letter; "Surat Keputusan" (and "Surat Kep",
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
  // An extract of a decree for one person (an appointee's copy): never the decree's own slot.
  "petikan",
  // Documents made about a decree, named after it, whose words never start a decree's subject:
  // the staff review ("Telaah Staf SK Ketua No 12 Th 2024"), the initials sheet, the control
  // card, checklists, screenshots.
  "telaah",
  "telaahan",
  "telaah staf",
  "telaahan staf",
  "paraf",
  "lembar paraf",
  "kartu kendali",
  "checklist",
  "check list",
  "ceklis",
  "ceklist",
  "cek list",
  "daftar periksa",
  "screenshot",
  "screen shot",
  "ss",
  "tangkapan layar",
  "printscreen",
  "print screen",
];

/**
 * Documents made about a decree and named after it, in front of its name ("Kajian Hukum SK
 * Ketua No 12 …", "Permohonan Penerbitan SK Sekretaris No 5 …", "Bukti Kirim SK …", "Keberatan
 * atas SK …"): the legal review, the request to issue it, objections and replies to it, minutes
 * and summaries, photos and proof of sending. Filed, each took the slot of the decree it names.
 * Their words also start subjects typed after the decree's name and before its numbers ("SK
 * Sekretaris Pembentukan Tim Kajian No 3 …", "SK Ketua Penetapan Hasil Verifikasi No 3 …",
 * "… PPID Informasi dan Dokumentasi …"), as after "tentang": there they are no kind (namesKind).
 */
const BEFORE_DECREE = [
  "kajian",
  "pendapat hukum",
  "nota",
  "lembar",
  "lembar koordinasi",
  "matriks",
  "permohonan",
  "keberatan",
  "sanggahan",
  "gugatan",
  "somasi",
  "pengaduan",
  "aduan",
  "tanggapan",
  "jawaban",
  "resume",
  "risalah",
  "ringkasan",
  "abstrak",
  "paparan",
  "presentasi",
  "bukti",
  "resi",
  "ekspedisi",
  "dokumentasi",
  "foto",
  "verifikasi",
  "evaluasi",
  "review",
  "reviu",
  "harmonisasi",
  "klarifikasi",
  "pertimbangan",
  "catatan",
  "analisis",
  "analisa",
  "usulan",
  "tindak lanjut",
  "pemberitahuan",
  "penyampaian",
  "pengiriman",
];
const LEAD = new Set(BEFORE_DECREE);

/**
 * A draft of the decree ("Draft SK Ketua No 12 …", "Konsep …", "Rancangan …", its short form
 * "Ranc. …"): the decree before it is signed. Its slot is the editable file's
 * (DRAFT_EXTENSIONS: the convention keeps the draft as .docx beside the signed .pdf); as a PDF
 * or a scan it would take the signed decree's slot, so there it is no decree. The same words as
 * a mark at the subject's end ("… ttg DPT (draft)", subject.ts) are read by draftRefusal.
 */
const DRAFTS = ["draft", "draf", "konsep", "rancangan", "ranc"];
const DRAFT = new Set(DRAFTS);
const DRAFT_EXTENSIONS = new Set(["docx", "doc", "odt", "rtf"]);

/**
 * The refusal of a file with extension `ext` whose subject ends with the draft mark `mark`
 * (folded, "draft", "konsep" …; subject.ts): NOT_A_DECREE, as for the same word in the head,
 * unless the file is an editable one, which is the draft's own slot (null).
 */
export function draftRefusal(mark: string, ext: string): ParseRejected | null {
  return DRAFT_EXTENSIONS.has(ext) ? null : reject("NOT_A_DECREE", mark.toUpperCase());
}

/**
 * Words that, before a decree's number, make it the number of another decree: the one amended,
 * revoked or annulled ("Perubahan atas Keputusan Ketua No 12 Tahun 2024" is a new decree with a
 * number of its own, which the name does not give).
 */
const AMENDING = new Set([
  "perubahan",
  "pencabutan",
  "pembatalan",
  // The verbs of the same act, and a correction issued apart ("Ralat SK Ketua No 12 …",
  // "Perbaikan SK Ketua No 12 …"): the number is still the corrected decree's.
  "mencabut",
  "mengubah",
  "ubah",
  "membatalkan",
  "ralat",
  "perbaikan",
  "pembetulan",
  "koreksi",
  // A revision "of" a decree names the decree revised ("Revisi atas SK Ketua No 12 …"); "Revisi"
  // alone is a draft's or scan's edit mark (subject.ts) and stays the decree's own number.
  "revisi atas",
  "revisi terhadap",
  "adendum",
  "addendum",
]);

/** What may follow "surat" in a decree's name: keputusan, kep, kpt, kpts, sk. */
const DECREE_AFTER_SURAT = "[^a-z0-9]+(?:k(?:ep|pt)|sk(?![a-z0-9]))";

/**
 * The kinds that are not the configured jenis' own (`own`: every word of the configured jenis
 * phrases), as a regex alternation of whole words, or null when none is left.
 */
export function docKindSource(own: ReadonlySet<string>): string | null {
  const alts = [...new Set([...KINDS, ...BEFORE_DECREE, ...DRAFTS, ...AMENDING])]
    .map(words)
    .filter((w) => !w.every((x) => own.has(x)))
    .sort((a, b) => b.join(" ").length - a.join(" ").length)
    .map((w) => w.join("[^a-z0-9]+"));
  if (!own.has("surat")) alts.push(`surat(?!${DECREE_AFTER_SURAT})`);
  return alts.length === 0 ? null : `(?:${byFirstLetter(alts)})(?![a-z0-9])`;
}

/**
 * `alts` (each starting with a letter) as one alternation grouped by first letter, each group in
 * the order given: "a(?:bc|b)|d(?:e)". It matches what `alts.join("|")` matches (alternatives
 * with different first letters never match at the same place), but the head scan, run at every
 * word of every head read leniently, tries one letter per group instead of every alternative.
 */
function byFirstLetter(alts: readonly string[]): string {
  const groups = new Map<string, string[]>();
  for (const a of alts) {
    const g = groups.get(a[0]!);
    if (g) g.push(a.slice(1));
    else groups.set(a[0]!, [a.slice(1)]);
  }
  return [...groups].map(([first, rests]) => `${first}(?:${rests.join("|")})`).join("|");
}

/**
 * Whether `kind`, found at `at` in the head `work` of a name with extension `ext`, names the
 * document: a BEFORE_DECREE kind only when it starts the name (no jenis phrase, `jenis`,
 * rules.ts, and no subject's word stands before it), a draft only in a file that is not an
 * editable one. Asked only of a head the scan found a
 * kind in.
 */
export function namesKind(
  kind: string,
  at: number,
  work: string,
  jenis: readonly { re: RegExp }[],
  ext: string,
): boolean {
  const phrase = words(kind).join(" ");
  if (DRAFT.has(phrase)) return !DRAFT_EXTENSIONS.has(ext);
  if (!LEAD.has(phrase)) return true;
  const before = work.slice(0, at);
  for (let k = 0; k < jenis.length; k++) {
    const re = jenis[k]!.re;
    re.lastIndex = 0;
    if (re.test(before)) return false;
  }
  // In front of the decree's name it names the document only as the name's first word (after
  // a date or a list number, a scan's or a draft's mark, or another such word): after a
  // subject typed first it is the subject's ("Penetapan Hasil Verifikasi SK Ketua No 3 …",
  // "Pembentukan Tim Kajian SK Sekretaris …", decrees filed as such).
  for (const w of words(before)) {
    if (!isDigitStart(w) && !LEAD.has(w) && !DRAFT.has(w) && !MARKS.has(w)) return false;
  }
  return true;
}

/** Words a name may start with before the kind of document: a scan's or copy's mark. */
const MARKS = new Set(["scan", "copy", "of", "file", "dokumen", "arsip", "salinan", "fotokopi"]);

function isDigitStart(w: string): boolean {
  const c = w.charCodeAt(0);
  return c >= 48 && c <= 57;
}

/** The rejection of a name whose head names `kind` (as matched, folded). */
export function notADecree(kind: string): ParseRejected {
  const w = words(kind);
  const phrase = w.join(" ");
  if (AMENDING.has(phrase)) return reject("NUMBER_OF_OTHER", phrase.toUpperCase());
  return reject("NOT_A_DECREE", w.join(" ").toUpperCase());
}
