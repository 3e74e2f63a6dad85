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
 * In the subject (after "tentang", or after the numbers) a kind is the decree's topic ("SK
 * Ketua No 12 … tentang Laporan Dana Kampanye"), unless the subject is that document's name
 * and nothing else ("SK Ketua No 12 Th 2024 Undangan", "… ttg Kajian Hukum") or starts with a
 * document made about a decree ("… Th 2024 Telaah Staf …"): then it is that document
 * (documentAsSubject). Words that also start a subject typed before the numbers
 * ("SK Ketua Penetapan Hasil Verifikasi No 3 …") count only in front of the decree's name
 * (BEFORE_DECREE, namesKind). A draft ("Draft SK Ketua …") is the decree's draft in an editable
 * file, which keeps its slot, and no decree in a PDF or scan (DRAFTS). "Surat" alone is a letter; "Surat Keputusan" (and "Surat Kep",
 * "Surat SK") is a decree. A kind all of whose words a configured jenis phrase uses ("Surat
 * Edaran Ketua" configured as a jenis) is that office's own product, not refused.
 */
import { reject, rejectVariant } from "./reasons.js";
import { machineCompiled } from "./regex-tier.js";
import { foldedWords as words } from "./text.js";
import type { ParseRejected } from "./types.js";

/**
 * Documents made about a decree, named after it, whose words never start a decree's subject: an
 * extract for one person (an appointee's copy), the staff review ("Telaah Staf SK Ketua No 12
 * Th 2024"), the initials sheet, the control card, checklists, screenshots. Kinds anywhere in
 * the head, and at the start of the subject too (documentAsSubject).
 */
const ABOUT_DECREE = [
  "petikan",
  "kutipan",
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
  // An e-office system's approval trail of a decree ("Log Persetujuan Naskah SK Ketua 21 2024"),
  // and a mail printed from the browser, titled with its subject ("Gmail - Fwd_ SK Ketua …").
  "log persetujuan",
  "riwayat persetujuan",
  "gmail",
  // An e-signature's verification printout, the e-office's trail of the document, its QR code
  // alone ("Hasil Verifikasi TTE SK Ketua No 12 …", "Riwayat Naskah SRIKANDI SK …", "kode QR SK …").
  "hasil verifikasi tte",
  "verifikasi tte",
  "riwayat naskah",
  "kode qr",
  "qr code",
];

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
  "nd",
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
  ...ABOUT_DECREE,
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
  // What a JDIH or a website publishes about a decree beside it ("Artikel …", "Infografis …").
  "artikel",
  "infografis",
  "infografik",
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
  // A cover letter sent with the decree ("Pengantar SK Ketua 45 2024 ke Kecamatan"), the text
  // read out when it is handed over.
  "pengantar",
  "naskah pembacaan",
  // A model of the decree's text for others to fill in, or a specimen of it ("Template SK Ketua
  // No 7 Th 2024", "Contoh SK …", "Format SK …", "Blanko SK …"): not the signed decree.
  "template",
  "templat",
  "contoh",
  "format",
  "blanko",
  "blangko",
  "sampel",
  "spesimen",
  // The same documents named in English, as some staff name files ("Cover letter for SK Ketua
  // No 12 Th 2024" was filed as decree 12).
  "cover letter",
  "letter",
  "legal opinion",
  "minutes",
  "invitation",
  "receipt",
  "report",
  "request",
  "press release",
];
/**
 * A recap made from a decree, in front of its name only ("Rekap SK Ketua No 112 Th 2024": its
 * appointees, its payments). As a whole subject ("SK Ketua No 88 Th 2024 Rekap") it is a subject
 * cut short, not the recap; "Rekapitulasi Hasil … - SK Ketua …" starts a decree's subject (the
 * result of a recapitulation, set by decree).
 */
const RECAP = ["rekap"];
const LEAD = new Set([...BEFORE_DECREE, ...RECAP]);

/**
 * A draft of the decree ("Draft SK Ketua No 12 …", "Konsep …", "Rancangan …", its short form
 * "Ranc. …"): the decree before it is signed. Its slot is the editable file's
 * (DRAFT_EXTENSIONS: the convention keeps the draft as .docx beside the signed .pdf); as a PDF
 * or a scan it would take the signed decree's slot, so there it is no decree. The same words as
 * a mark at the subject's end ("… ttg DPT (draft)", subject.ts) are read by draftRefusal.
 */
/** The words that mark a draft, in the head or at the subject's end (subject.ts). */
export const DRAFTS: readonly string[] = ["draft", "draf", "konsep", "rancangan", "ranc"];
const DRAFT = new Set(DRAFTS);
const DRAFT_EXTENSIONS = new Set(["docx", "doc", "odt", "rtf"]);

/**
 * The refusal of a file with extension `ext` whose subject ends with the draft mark `mark`
 * (folded, "draft", "konsep" …; subject.ts): NOT_A_DECREE, as for the same word in the head,
 * unless the file is an editable one, which is the draft's own slot (null).
 */
export function draftRefusal(mark: string, ext: string): ParseRejected | null {
  return DRAFT_EXTENSIONS.has(ext)
    ? null
    : rejectVariant("NOT_A_DECREE:draft", words(mark).join(" ").toUpperCase());
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
  // In English ("Revocation of SK Ketua No 8 Th 2023", "Amendment to …").
  "amendment",
  "revocation",
  "annulment",
  "corrigendum",
]);

/** What may follow "surat" in a decree's name: keputusan, kep, kpt, kpts, sk. */
const DECREE_AFTER_SURAT = "[^a-z0-9]+(?:k(?:ep|pt)|sk(?![a-z0-9]))";

/**
 * The kinds that are not the configured jenis' own (`own`: every word of the configured jenis
 * phrases), as a regex alternation of whole words, or null when none is left.
 */
export function docKindSource(own: ReadonlySet<string>): string | null {
  const alts = [...new Set([...KINDS, ...BEFORE_DECREE, ...RECAP, ...DRAFTS, ...AMENDING])]
    .map(words)
    .filter((w) => !w.every((x) => own.has(x)))
    .sort((a, b) => b.join(" ").length - a.join(" ").length)
    .map((w) => w.join("[^a-z0-9]+"));
  // "Surat Suara" is a ballot, a decree's topic ("Penetapan Desain Surat Suara"), no letter.
  if (!own.has("surat")) alts.push(`surat(?!${DECREE_AFTER_SURAT}|[^a-z0-9]+suara(?![a-z0-9]))`);
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
  if (DRAFT.has(phrase)) return rejectVariant("NOT_A_DECREE:draft", phrase.toUpperCase());
  return reject("NOT_A_DECREE", phrase.toUpperCase());
}

/**
 * Names of documents about a decree that clerks type as the whole subject after its numbers
 * ("SK Ketua No 12 Th 2024 Kajian Hukum"), besides the kinds themselves: the words after the
 * first are no kind's, but with it they name the document, not a decree's topic.
 */
const WHOLE_NAMES = [
  "surat",
  "kajian hukum",
  // A correction of the decree ("SK Ketua No 12 Th 2024 (ralat)", "… Ralat Lampiran I"): the
  // correction notice, or a corrected copy; filed, it took the slot of the decree it corrects.
  "ralat",
  "pembetulan",
  "erratum",
  "bukti kirim",
  "bukti pengiriman",
  "lembar disposisi",
  "undangan rapat",
];

/**
 * A subject that starts with ABOUT_DECREE (group 1) or is a kind or WHOLE_NAMES and nothing
 * else (group 2), from where the subject starts (sticky), its words apart by gaps: one regex
 * test, which most subjects fail at their first letters. A look-up by hand (a table of first
 * letters, a Set of the subject's text) cost more than this test in both of V8's tiers (cg.sh),
 * and every subject is read here.
 */
const SUBJECT_DOC = machineCompiled(
  new RegExp(
    `[^a-z0-9]*(?:(${alternation(ABOUT_DECREE, "[^a-z0-9]+")})(?![a-z0-9])|(${alternation(
      [...KINDS, ...BEFORE_DECREE, ...WHOLE_NAMES],
      "[ _.-]",
    )})[^a-z0-9]*$)`,
    "y",
  ),
);

/** `phrases` as one alternation, longest first, grouped by first letter, words apart by `gap`. */
function alternation(phrases: readonly string[], gap: string): string {
  const alts = [...new Set(phrases.map((p) => words(p).join(" ")))]
    .sort((a, b) => b.length - a.length)
    .map((p) => p.split(" ").join(gap));
  return byFirstLetter(alts);
}

/**
 * The refusal of a subject, `folded` [from, to) as the name has it (after "tentang", or the
 * first free word after the numbers; markers and noise taken off), that is a document's name
 * instead of a decree's topic: it starts with a document made about a decree ("SK Ketua No 12
 * Th 2024 Telaah Staf", "… ttg Lembar Paraf", "… Screenshot 2"), whose words never start a
 * decree's subject, or it is a kind of document or a document about a decree and nothing else
 * ("… Th 2024 Undangan", "… Kajian Hukum", "… Verifikasi"). Filed, such a file took the slot of
 * the decree it names. A subject that only holds such a word is the decree's topic ("ttg
 * Pembentukan Tim Verifikasi", "… Laporan Dana Kampanye", "… Undangan Rapat Pleno …"): the
 * words of the second kind start real subjects.
 */
export function documentAsSubject(folded: string, from: number, to: number): ParseRejected | null {
  // The subject ends before noise taken off ("… Undangan (2)"): only then is a copy cut.
  const text = to === folded.length ? folded : folded.slice(0, to);
  SUBJECT_DOC.lastIndex = from;
  const m = SUBJECT_DOC.exec(text);
  if (m === null) return null;
  return rejectVariant(
    "NOT_A_DECREE:subject",
    words(m[1] ?? m[2]!)
      .join(" ")
      .toUpperCase(),
  );
}
