/**
 * What clerks add to a subject that is not the subject: an attachment or copy marker typed at
 * its end, start or in brackets ("… Penetapan DPT Lampiran 1", "(SALINAN)", "lamp. II"), Windows
 * copy counters ("- Copy", "(2)"), editing and scanning leftovers ("revisi 2", "final",
 * "ttd basah", "paraf", "scan", "300dpi", "scan300dpi"), what PDF tools and scanner apps add to
 * the names they save ("_signed", "-compressed", "-converted", "_merged", "_unlocked", "ocr",
 * "CamScanner", "Scanned by CamScanner"), version marks
 * ("v2", "v.2", "versi 2"), a doubled extension (".pdf.pdf"). The noise is dropped at the end
 * and in brackets only: a word inside the subject ("Sosialisasi OCR Formulir", "Versi Terbaru
 * Pedoman") is the subject's, and so is a date. The markers become the qualifier (an attachment
 * is never the decree's own slot); the rest is dropped. A draft's mark ("… DPT (draft)",
 * "_konsep", "- Rancangan", "… DPT draft") is reported (`draft`): the file is the decree's draft,
 * which doc-kind.ts draftRefusal refuses unless it is an editable file. Pure; works on the
 * folded name (text.ts foldSameLength), reporting positions into it.
 */

import { DRAFTS } from "./doc-kind.js";
import { romanOrInt } from "./head.js";
import {
  isDigit,
  isWordChar,
  LAMPIRAN_WORD,
  NUMBER_WORD,
  NUMBER_WORDS_MANY,
  PAGE_WORD,
  PART_WORDS,
} from "./numbers.js";
import { DEVICE_NAME } from "./stamps.js";
import { wordBefore } from "./text.js";

export interface SubjectQualifier {
  /** The qualifiers found ("LAMPIRAN-1", "SALINAN"), distinct, in order. */
  qualifiers: string[];
  /**
   * "Lampiran" ends the subject without its number (not "… dan Lampiran", the whole document):
   * which attachment is unknown.
   */
  lampiranWithoutNumber: boolean;
  /** Where the subject ends now. */
  end: number;
  /** [start, end) spans (flat) inside the subject to blank. */
  blanks: number[];
  /** A draft's mark as typed (folded: "draft", "konsep" …), or null. */
  draft: string | null;
  /** An attachment marked with a letter, as typed (folded: "lampiran i.a"), or null. */
  letter: string | null;
  /**
   * Who signed, after "ttd"/"tte" at the end ("… ttd Ketua": "ketua"; "ttd Ketua dan
   * Sekretaris": "ketua sekretaris", the roles apart by a space), folded, or null.
   */
  signer: string | null;
  /**
   * A mark that the file's number is wrong or not final ("… (salah nomor)", "nomor belum fix"),
   * as typed (folded), or null.
   */
  numberMark: string | null;
  /** A mark that the file's year is wrong or in doubt ("(cek lagi tahunnya)"), or null. */
  yearMark: string | null;
  /**
   * The subject names attachments the file holds with the decree ("beserta Lampiran I-II", "+
   * Lamp I s.d. IV"): the whole decree, no attachment's slot.
   */
  withAttachments: boolean;
  /** A mark that the file is void or not to be used ("(batal)", "JANGAN DIPAKAI"), or null. */
  voidMark: string | null;
}

/**
 * An unsigned file's mark ("belum ttd", "blm TTE", "menunggu ttd", "tanpa tanda tangan",
 * "unsigned"), as a regex source: a draft's mark, at the subject's end or in brackets.
 */
const UNSIGNED = String.raw`(?:belum|blm|tanpa|tnp|tidak|tdk|menunggu|tunggu)[\s._-]*(?:ada[\s._-]*)?(?:di[\s._-]*)?(?:ttd|tte|paraf|tanda[\s._-]*tangan(?:i)?|tandatangan(?:i)?)|unsigned|not[\s._-]*signed`;
/**
 * A draft sent round for review, as a regex source: "utk paraf" (to be initialled), "untuk
 * TTE" / "untuk ttd" (to be signed, electronically or not), "untuk dikoreksi", "koreksi bu Kadiv", "revisi pak Kasubag 2", "coretan" (marked up), "usulan
 * perubahan" (proposed changes). A draft's mark wherever it ends the subject.
 */
const IN_REVIEW = String.raw`(?:utk|untuk)[\s._-]*(?:di[\s._-]*)?(?:paraf|koreksi|periksa|review|cek|tte|ttd)|(?:koreksi|revisi|rev)[\s._-]+(?:pak|bu|ibu|bapak|bpk)[\s._-]+[a-z]+(?:[\s._-]*\d{1,2})?|coretan|usulan[\s._-]+perubahan`;
/** The words of a draft's mark (doc-kind.ts DRAFTS), as a regex source. */
const DRAFT_WORD = DRAFTS.join("|");
/**
 * Words after which "draft" ends a subject as its object ("… ttg Tim Penyusun Draft",
 * "Pembahasan Draf"), not as a mark: making or discussing one.
 */
const DRAFTED = new Set([
  "penyusunan",
  "penyusun",
  "menyusun",
  "pembahasan",
  "membahas",
  "perumusan",
  "merumuskan",
  "penyempurnaan",
  "finalisasi",
  "harmonisasi",
  "pengajuan",
  "penyampaian",
]);

/**
 * What PDF tools add to the name they save (iLovePDF/Smallpdf "_compressed", "-converted",
 * "_merged", "_unlocked"; e-sign tools and BSrE "_signed"; OCR tools "_ocr"): English words no
 * decree's subject ends with. A regex source, as the version mark below.
 */
const TOOL_WORD = "signed|compress(?:ed)?|converted|merged|unlocked|ocr(?:ed)?";
/**
 * A version mark: "v2", "v.2", "V02", "v2.1", "ver 2", "versi 2", "versi ke-2". A lone "v" only
 * with its one or two digits glued or after a dot: "Tahap V 2" may be a Roman five.
 */
const VERSION_MARK = String.raw`(?:v(?:\.\s?)?|ver(?:si|sion)?[\s._-]*(?:ke[\s._-]*)?)\d{1,2}(?:\.\d{1,2})?`;

/**
 * The extensions a program leaves before the real one ("… DPT.docx.pdf", "….xlsx.pdf" from a
 * spreadsheet printed to PDF, "….png.pdf"): the first file's type, never the subject.
 */
export const DOUBLED_EXTENSIONS: ReadonlySet<string> = new Set([
  "pdf",
  "doc",
  "docx",
  "xls",
  "xlsx",
  "ppt",
  "pptx",
  "odt",
  "ods",
  "odp",
  "rtf",
  "jpg",
  "jpeg",
  "png",
  "tif",
  "tiff",
]);
/** DOUBLED_EXTENSIONS as a regex alternation. */
const EXT_WORD = [...DOUBLED_EXTENSIONS].join("|");

/**
 * An attachment's number: digits, a Roman numeral or words ("Lampiran Dua", "Lampiran Kedua",
 * "Lampiran Dua Belas"; numbers.ts NUMBER_WORDS, NUMBER_WORDS_MANY). "Lampiran 2", "lamp. III",
 * "Lampiran ke-2" (group 1); a range or pair ("Lampiran 1-5", "Lampiran I s.d. IV", "Lampiran 1
 * dan 2", groups 1 and 2).
 */
const ATTACHMENT_NUMBER = String.raw`(\d{1,3}|[ivx]{1,4}|${NUMBER_WORDS_MANY}|${NUMBER_WORD})`;
const LAMPIRAN_N = String.raw`${LAMPIRAN_WORD}[\s.:_-]*(?:(?:ke|no|nomor|nmr)[\s.:_-]*)?${ATTACHMENT_NUMBER}`;
const LAMPIRAN_RANGE = String.raw`${LAMPIRAN_N}(?:\s*(?:[,&+-]|(?:dan|s[\s.]*d|sampai|hingga)(?![a-z0-9]))[\s._-]*|\s+(?=[ivx]{1,4}(?![a-z0-9])))${ATTACHMENT_NUMBER}`;
/** Words that start no caption: a document, its number, a pointer back to one. */
const CAPTION_NOT = `(?:${[
  "keputusan",
  "kep",
  "kpts?",
  "sk",
  "surat",
  "peraturan",
  "perkpu",
  "pkpu",
  "perpres",
  "permen",
  "permendagri",
  "perda",
  "pergub",
  "perwal",
  "perbup",
  "undang",
  "uu",
  "nomor",
  "no",
  "tahun",
  "th",
  "dari",
  "atas",
  "tentang",
  "ttg",
  "ini",
  "tersebut",
  "dan",
  "serta",
  "s",
  "puluh",
  "belas",
  "ratus",
].join("|")})`;
/**
 * A page's, a part's or a volume's mark ("hal 2", "Bagian 2", "halaman dua", "Jilid 2"), which
 * no caption starts with: "Lampiran 1 hal 2" is one page of attachment 1, never all of it.
 */
const PAGE_OR_PART = String.raw`(?:${PAGE_WORD}|${PART_WORDS.join("|")})[^a-z0-9]*(?:\d|(?:[ivx]{1,4}|${NUMBER_WORDS_MANY}|${NUMBER_WORD})(?![a-z0-9]))`;
/**
 * A caption after an attachment's number, to the subject's end: set apart ("(…)", "- …", "_…")
 * or after a space ("Lampiran 1 Rekap Kecamatan"), unless it starts with a word that names a
 * document or its number ("Lampiran II Keputusan KPU No 5 …", "Lampiran 1 Peraturan …"): that
 * attachment is another document's, named in the subject.
 */
const CAPTION = String.raw`(?:\s*[([]|\s*[-\u2013_]|\s+(?=[a-z])(?!${CAPTION_NOT}(?![a-z0-9])))(?![\s._-]*${PAGE_OR_PART}).*$`;

/** The words that say a number is not final or wrong, typed right after its keyword. */
const MARK_WORDS =
  "sementara|tentatif|menyusul|keliru|salah|menunggu|nunggu|dobel|double|ganda|diganti|ragu";

/**
 * A number's keyword and, as the name's last word, a word that says the number is not final or
 * wrong ("nomor sementara", "no menyusul"): the mark (group 1) whole, its keyword read by the head.
 */
const MARK_AFTER_KEYWORD = new RegExp(
  `(?:^|[^a-z0-9])((?:nomor|no|nmr)[\\s._-]*(?:${MARK_WORDS}))[^a-z0-9]*$`,
);

/** One of MARK_AFTER_KEYWORD's words, from where the subject starts (sticky). */
const MARK_WORD_AT = new RegExp(`[^a-z0-9]*(?:${MARK_WORDS})(?![a-z0-9])`, "y");

/**
 * The mark of `folded` whose subject [from, end) is only a MARK_AFTER_KEYWORD's word, its
 * keyword before `from` ("… Th 2024 nomor sementara": "nomor sementara"), or null.
 */
export function markAfterKeyword(folded: string, from: number, end: number): string | null {
  if (end - from > 14) return null;
  // Most subjects are not one of these words: a sticky test at the subject, no copy.
  MARK_WORD_AT.lastIndex = from;
  if (!MARK_WORD_AT.test(folded)) return null;
  const m = MARK_AFTER_KEYWORD.exec(folded.slice(0, end));
  return m !== null && m.index + m[0].indexOf(m[1]!) < from ? m[1]! : null;
}

/** A number's or a year's keyword, as a word. */
const KEYWORD_WORDS: ReadonlySet<string> = new Set([
  "nomor",
  "nomer",
  "nmr",
  "no",
  "nomornya",
  "tahun",
  "thn",
  "th",
]);

/** Trailing pieces, tried at the end of the subject one after the other. */
const AT_END: {
  re: RegExp;
  qualifier?: (m: RegExpExecArray) => (string | null)[];
  /** An attachment marker: the subject's own words after an amending word (AMENDED_BEFORE). */
  attachment?: true;
  /** A draft's word (group 1): a mark only where draftMarkAt says so, unless `anywhere`. */
  draft?: true;
  /** With `draft`: a mark wherever it ends the subject (an unsigned copy's, a draft in review). */
  anywhere?: true;
  /** An attachment marked with a letter (group 1): refused, not read. */
  letter?: true;
  /** A signer's role (group 1): compared with the head's jenis by the caller. */
  signer?: true;
  /** A mark (group 1) that the number is wrong or not final: refused, not read. */
  numberMark?: true;
  /** A mark (group 1) that the file is void: refused; "batal" only where draftMarkAt says so. */
  voidMark?: true;
  /** Not after a number's or a year's keyword ("nomor cek ulang": a doubt about the number). */
  notAfterKeyword?: true;
  /** Only right after this word, before the subject. */
  afterWord?: string;
}[] = [
  // "salinan atau asli" (copy or original?): the clerk could not tell, and neither slot is sure;
  // refused as a name with two qualifiers is.
  {
    re: /(?:^|[^a-z0-9])(?:salinan[\s_-]+atau[\s_-]+asli(?:nya)?|asli(?:nya)?[\s_-]+atau[\s_-]+salinan)[^a-z0-9]*$/,
    qualifier: () => ["SALINAN", "ASLI"],
  },
  // The same with "Salinan" read in the head ("… Th 2024 salinan atau asli").
  {
    re: /^[^a-z0-9]*atau[\s_-]+asli(?:nya)?[^a-z0-9]*$/,
    qualifier: () => ["SALINAN", "ASLI"],
    afterWord: "salinan",
  },
  // An attachment marked with a letter ("Lampiran A", "Lampiran I.A", "Lampiran 1a", "Lampiran
  // I-A"): the archive numbers attachments 1, 2, 3 …; filed as the decree it took the decree's
  // slot, and "I-A" read as LAMPIRAN-1 (its letter a caption) took attachment 1's.
  {
    re: new RegExp(
      String.raw`(?:^|[^a-z0-9])(${LAMPIRAN_WORD}(?:[\s.:_-]+(?:(?:\d{1,3}|[ivx]{1,4})[\s._-]*)?|[\s.:_-]*\d{1,3}[\s._-]*)[a-h])[^a-z0-9]*$`,
    ),
    attachment: true,
    letter: true,
  },
  // A range or pair of attachments in one file ("Lampiran 1-5", "Lampiran I s.d. IV",
  // "Lampiran 1 dan 2"): two qualifiers, which the caller refuses as ambiguous.
  {
    re: new RegExp(`(?:^|[^a-z0-9])${LAMPIRAN_RANGE}[^a-z0-9]*$`),
    qualifier: (m) => [lampiran(m[1]!), lampiran(m[2]!)],
    attachment: true,
  },
  {
    re: new RegExp(`(?:^|[^a-z0-9])${LAMPIRAN_N}[^a-z0-9]*$`),
    qualifier: (m) => [lampiran(m[1]!)],
    attachment: true,
  },
  {
    // A copy's number after it ("Salinan 2", "salinan_2", "Salinan ke-2"): still a copy; so is
    // a legalised one ("… DPT legalisir", head.ts SALINAN).
    re: /(?:^|[^a-z0-9])(?:salinan|(?:di)?legalis(?:ir|asi))(?:[\s_-]+resmi|[\s_-]+sesuai(?:[\s_-]+dengan)?[\s_-]+asli(?:nya)?|[\s._-]*(?:ke[\s._-]*)?\d{1,2})?[^a-z0-9]*$/,
    qualifier: () => ["SALINAN"],
  },
  // "- Salinan sesuai aslinya" with SALINAN read in the head: the rest of the certification;
  // without it, the stamp alone ("… cap sesuai aslinya") certifies the copy too.
  {
    re: /(?:^|[^a-z0-9])(?:cap[\s_-]+)?sesuai(?:[\s_-]+dengan)?[\s_-]+asli(?:nya)?[^a-z0-9]*$/,
    qualifier: () => ["SALINAN"],
  },
  { re: /(?:^|[^a-z0-9])(?:copy|kopi)(?:[\s_-]*(?:of[\s_-]*)?\(?\d{1,3}\)?)?[^a-z0-9]*$/ },
  { re: /[\s_-]*\(\d{1,3}\)[^a-z0-9]*$/ },
  { re: /(?:^|[^a-z0-9])(?:revisi|rev)[\s._-]*\d{0,2}[^a-z0-9]*$/ },
  // The clerk's own mark that the number is wrong or not final yet ("… (salah nomor)", "(salah
  // ketik, benar 21)", "seharusnya No 21", "- nomor belum fix", "no sementara", "(revisi jadi
  // 68)", "(nomor dicoret diganti 5)", "- revisi nomor"; "belum fix" alone where the head took
  // "nomor" as its word): filed, the file would take a number it may not have.
  {
    re: /(?:^|[^a-z0-9])((?:salah|keliru)[\s._-]*(?:nomor|no|nmr|penomoran|ketik|tulis)(?:[^a-z0-9]+(?:(?:yang[\s._-]*)?(?:benar|betul)(?:nya)?|seharusnya|harusnya)[^a-z0-9]*(?:no(?:mor)?[\s.]*)?\d{1,4}[a-z]?)?|(?:(?:yang[\s._-]*)?(?:benar|betul)(?:nya)?|seharusnya|harusnya)[\s._:-]*(?:no(?:mor)?[\s.]*)?\d{1,4}[a-z]?|(?:nomor|no|nmr)[\s._-]*(?:salah|keliru|sementara|menyusul|menunggu|(?:belum|blm)[\s._-]*(?:final|ada))|(?:(?:nomor|no|nmr)[\s._-]*)?(?:belum|blm)[\s._-]*(?:fix|tetap|pasti)|(?:belum|blm)[\s._-]*(?:ada[\s._-]*)?(?:ber)?(?:nomor|no)|(?:revisi|rev|ralat|perbaikan)[\s._-]*(?:nomor|no|nmr)|(?:revisi|rev|ralat|diganti|ganti|diubah|ubah)[\s._-]*(?:jadi|menjadi)[\s._:-]*(?:no(?:mor)?[\s.]*)?\d{1,4}[a-z]?|(?:nomor|no|nmr)[\s._-]*dicoret(?:[\s._-]*(?:diganti|ganti|jadi|menjadi)[\s._:-]*(?:no(?:mor)?[\s.]*)?\d{1,4}[a-z]?)?)[^a-z0-9]*$/,
    numberMark: true,
  },
  // A mark that the file is void or not to be used ("(batal)", "- JANGAN DIPAKAI", "tidak
  // digunakan", "(versi lama)", "yg lama salah": a version another replaced): a person decides whether it
  // belongs in the archive. Set apart only: a plain subject never ends with "versi lama" here.
  {
    re: /(?:^|[^a-z0-9])((?:jangan|jgn|tidak|tdk)[\s._-]*(?:di[\s._-]*)?(?:pakai|gunakan)|batal|dibatalkan|versi[\s._-]*lama(?:[\s._-]*salah)?|(?:(?:yang|yg)[\s._-]*)?lama[\s._-]*salah|old[\s._-]*version)[^a-z0-9]*$/,
    voidMark: true,
  },
  // "SALAH" (wrong) as the whole subject, or set apart at its end ("… IV_2019 SALAH", "…
  // (salah)"): the clerk's mark that the file is the wrong one; filed, it took the decree's slot.
  {
    re: /(?:^|[([]\s*|\s-\s*)((?:salah|keliru)(?:[\s_-]+(?:file|berkas))?)\s*[)\]]?[^a-z0-9]*$/,
    voidMark: true,
  },
  // A draft sent round for review ("… APK utk paraf", "(koreksi bu Kadiv)", "- coretan"), or
  // "koreksi" alone set apart (draftMarkAt): the decree before it was signed, a draft.
  {
    re: new RegExp(String.raw`(?:^|[^a-z0-9])(${IN_REVIEW})[^a-z0-9]*$`),
    draft: true,
    anywhere: true,
  },
  { re: /(?:^|[^a-z0-9])(koreksi)[^a-z0-9]*$/, draft: true },
  // "… - cek", "(perlu dicek)", "(cek lagi)" set apart: the clerk's note that the file is still
  // to be checked, as "koreksi" is (after a number's or a year's keyword, a doubt about it); so
  // is "(ragu)", a doubt about the file itself ("Pemilih Ragu-ragu" is a subject's own).
  {
    re: /(?:^|[^a-z0-9])((?:perlu[\s._-]*|mohon[\s._-]*|harus[\s._-]*)?(?:di)?cek(?:[\s._-]*(?:lagi|ulang))?|ragu(?:[\s._-]*ragu)?)[^a-z0-9]*$/,
    draft: true,
    notAfterKeyword: true,
  },
  // "… yg bener yg mana", "yg mana" (which one is right?) ending the name, set apart or not: a
  // question, never a title's last words.
  {
    re: /(?:^|[^a-z0-9])((?:(?:yg|yang)[\s._-]*(?:bener|benar|betul)[\s._-]*)?(?:yg|yang)[\s._-]*mana)[^a-z0-9]*$/,
    draft: true,
    anywhere: true,
  },
  // An unsigned copy's mark ("… DPT belum ttd", "(blm TTE)", "tanpa tanda tangan", "unsigned"):
  // the decree before it was signed, a draft, whatever the word before it (draftMarkAt is not
  // asked); before the signed mark below, which would leave "belum" as the subject's last word.
  {
    re: new RegExp(String.raw`(?:^|[^a-z0-9])(${UNSIGNED})[^a-z0-9]*$`),
    draft: true,
    anywhere: true,
  },
  // A signed or initialled copy's mark: "ttd", "ttd basah", "tte", "paraf" (initialled; a
  // "Lembar Paraf" is a document's name, doc-kind.ts), "sudah ttd", "sdh diparaf".
  {
    re: /(?:^|[^a-z0-9])(?:(?:sudah|sdh|telah|udah)[\s._-]*(?:di[\s._-]*)?)?(?:ttd|tte|(?<!lembar[^a-z0-9]{1,3})paraf)(?:[\s_-]*basah)?[^a-z0-9]*$/,
  },
  // Who signed it ("… ttd Ketua", "tte Plh Sekretaris", "ttd Ketua dan Sekretaris"): no
  // subject's words; a role of the other kind than the head's makes the kind unclear
  // (subject-read.ts withSubject).
  {
    re: /(?:^|[^a-z0-9])(?:ttd|tte)(?:[^a-z0-9]+(?:plh|plt|pj))?[^a-z0-9]+(ketua|sekretaris|sekr|sek)(?:[^a-z0-9]+(?:dan|&|\+)[^a-z0-9]+(?:(?:plh|plt|pj)[^a-z0-9]+)?(ketua|sekretaris|sekr|sek))?[^a-z0-9]*$/,
    signer: true,
  },
  // A scan's mark, with the app's phrase whole ("Scanned by CamScanner", "Scanned with …").
  {
    re: /(?:^|[^a-z0-9])(?:(?:hasil[\s_-]*)?(?:scan|scanned|scanan|camscanner)|scanned[\s_-]+(?:by|with)[\s_-]+camscanner)[^a-z0-9]*$/,
  },
  // A resolution, with a scan's word glued before it or not ("300dpi", "scan300dpi").
  { re: /(?:^|[^a-z0-9])(?:scan[\s_-]*)?\d{2,4}[\s_-]?dpi[^a-z0-9]*$/ },
  { re: /(?:^|[^a-z0-9])(?:final|fix|fixed|ok)[^a-z0-9]*$/ },
  // A draft's mark ("… DPT (draft)", "_draft_v3", "- Konsep", "… DPT draft 2").
  {
    re: new RegExp(String.raw`(?:^|[^a-z0-9])(${DRAFT_WORD})(?:[\s._-]*\d{1,2})?[^a-z0-9]*$`),
    draft: true,
  },
  { re: new RegExp(`(?:^|[^a-z0-9])(?:${TOOL_WORD})[^a-z0-9]*$`) },
  // A version mark, or "versi" left before another mark ("versi final"); "Versi 2024" is a year.
  { re: new RegExp(`(?:^|[^a-z0-9])(?:${VERSION_MARK}|versi)[^a-z0-9]*$`) },
  // A device's name for the file kept after the clerk's subject ("… DPT WhatsApp Image
  // 2024-05-10 at 10.30.00", "… IMG_20240510_103000", "… CamScanner 10-05-2024 10.30"): the
  // phone's or scanner's, never the subject (stamps.ts reads the same names in front).
  { re: new RegExp(String.raw`(?:^|[^a-z0-9])(?:${DEVICE_NAME})(?:\s*\(\d{1,3}\))?[^a-z0-9]*$`) },
  { re: new RegExp(String.raw`\.(?:${EXT_WORD})[^a-z0-9]*$`) },
  // "… Th 2024.docx.pdf": the doubled extension is all the subject there is.
  { re: new RegExp(`^[^a-z0-9]*(?:${EXT_WORD})[^a-z0-9]*$`) },
  // An attachment's number and its caption after the decree's subject ("… DPT Lampiran 1 (Rekap
  // Kecamatan)", "Lampiran 2 - Rekap", "Lampiran II_Daftar Nama"): the attachment, its caption
  // dropped as the other noise is. Last, so a copy's or scan's mark after the number ("Lampiran
  // 1 - Salinan") is read as such first; only after a word of the subject, so a caption typed
  // first ("ttg Lampiran 1 - Penetapan DPT", AT_START) stays the subject.
  {
    re: new RegExp(`(?<=[a-z0-9])[^a-z0-9]+${LAMPIRAN_RANGE}${CAPTION}`),
    qualifier: (m) => [lampiran(m[1]!), lampiran(m[2]!)],
    attachment: true,
  },
  {
    re: new RegExp(`(?<=[a-z0-9])[^a-z0-9]+${LAMPIRAN_N}${CAPTION}`),
    qualifier: (m) => [lampiran(m[1]!)],
    attachment: true,
  },
];
/**
 * An amending word right before an attachment marker that ends the subject ("… ttg Perubahan
 * Lampiran II", "Penggantian Lampiran 2"): the decree amends or replaces that attachment of
 * another decree, which is its subject, not this file's qualifier (filed as LAMPIRAN-2, it took
 * the attachment's slot). Tested on the subject before the marker.
 */
export const AMENDED_BEFORE =
  /(?:^|[^a-z0-9])(?:perubahan|mengubah|pencabutan|mencabut|penggantian|mengganti)(?:[^a-z0-9]+atas)?[^a-z0-9]*$/;
/** A page count in brackets at the end ("(2 hal)", "(3 lembar)"), as a page mark is not. */
const PAGE_COUNT = /[^a-z0-9]*\(\s*\d{1,3}\s*(?:hal|halaman|hlm|lembar|lbr|pages?)\s*\)[^a-z0-9]*$/;
/** "Lampiran" as the subject's last word, without a number. */
const LAMPIRAN_AT_END = /(?:^|[^a-z0-9])(?:lampiran(?:nya)?|lamp)[^a-z0-9]*$/;
/**
 * "… dan Lampiran", "beserta Lampirannya": the decree with its attachments, the whole document;
 * "(tanpa lampiran)", "non lampiran": the decree without them, its body. Neither is an
 * attachment, and "write the attachment's number" would have the clerk file the decree as one.
 */
const WITH_LAMPIRAN =
  /(?:(?:^|[^a-z0-9])(?:dan|beserta|serta|dengan|dgn|dg|plus|lengkap|termasuk|tanpa|tnp|non|bukan|minus)[^a-z0-9]+|[&+][^a-z0-9]*)(?:lampiran(?:nya)?|lamp)[^a-z0-9]*$/;
/**
 * A word before an attachment's marker that says the file holds it with the decree ("beserta
 * Lampiran I-II", "+ Lamp I s.d. IV", "lengkap dg Lampiran 1"). Not "dan": "Lampiran 1 dan
 * Lampiran 2" are two attachments.
 */
const WITH_BEFORE =
  /(?:(?:^|[^a-z0-9])(?:beserta|dengan|dgn|dg|plus|lengkap|termasuk)|[&+])[^a-z0-9]*$/;
/**
 * Whether `before`, the text of the subject of `folded` (from `from`) before an attachment's
 * marker, says the file holds the decree with it: WITH_BEFORE, or "dan" as the whole subject
 * before it where the head names no attachment ("SK Ketua No 3 Th 2024 dan Lampiran II", not
 * "… Lampiran 2 dan Lampiran 3": two attachments).
 */
function withBefore(before: string, folded: string, from: number): boolean {
  return (
    WITH_BEFORE.test(before) || (DAN_ALONE.test(before) && !folded.slice(0, from).includes("lamp"))
  );
}
const DAN_ALONE = /^[^a-z0-9]*dan[^a-z0-9]*$/;
/** Bracketed markers and noise anywhere in the subject. */
const BRACKETED = new RegExp(
  String.raw`[([]\s*(?:(${LAMPIRAN_WORD})[\s.:_-]*(?:(?:ke|no|nomor|nmr)[\s.:_-]*)?${ATTACHMENT_NUMBER}(?:\s*(?:[,&+-]|dan|s[\s.]*d|sampai|hingga)[\s.]*${ATTACHMENT_NUMBER})?|(salinan|(?:di)?legalis(?:ir|asi))(?:[\s_-]+resmi|[\s_-]+sesuai(?:[\s_-]+dengan)?[\s_-]+asli(?:nya)?|[\s._-]*(?:ke[\s._-]*)?\d{1,2})?|copy|revisi(?:[\s._-]*\d{1,2})?|rev[\s._-]*\d{0,2}|final|fix|scan|camscanner|ttd(?:[\s_-]*basah)?|paraf|\d{1,3}|\d{2,4}[\s_-]?dpi|${TOOL_WORD}|${VERSION_MARK}|(${DRAFT_WORD}|${UNSIGNED})(?:[\s._-]*\d{1,2})?)\s*[)\]]`,
  "g",
);
const AT_START = new RegExp(`^[^a-z0-9]*${LAMPIRAN_N}(?![a-z0-9])`);
/** "+ Lampiran …" / "& Lampiran …" where the subject starts: the attachments the file holds too. */
const WITH_AT_START = /^[^a-z0-9]*[&+]/;
/** A part's letter right after AT_START's number: ".B", "-b", " B" and a gap or the end. */
const LETTER_AFTER = /^(?:[._-]|\s)?[a-h](?![a-z0-9]|\.[a-z])/;
/** A number's keyword as clerks type it before a doubt ("nomor", "nomer e", "nomornya"). */
const MARKED_NUMBER = String.raw`(?:nomor|nomer|no|nmr)(?:nya|[\s._-]?e)?`;
/** A year's keyword ("tahun", "tahunnya", "thn", "th"). */
const YEAR_WORD = "(?:tahun|thn|th)(?:nya)?";
/** What a clerk types about a number in doubt: twice given, wrong, not yet final. */
const DOUBT_WORD = String.raw`(?:${MARK_WORDS}|dicadangkan|error|(?:di)?cek(?:[\s._-]*(?:lagi|ulang))?|dipakai[\s._-]*ulang|(?:bisa|dapat|mungkin)[\s._-]*berubah|(?:belum|blm)[\s._-]*(?:diambil|ada|fix|final|pasti|tetap|resmi)|diubah|diralat)`;
/** "belum bernomor", "blm ada nomor": the file has no number yet, wherever it says so. */
const NOT_NUMBERED = String.raw`(?:belum|blm)[\s._-]*(?:ada[\s._-]*)?(?:ber)?nomor`;
/**
 * A doubt about the number (group 1), the year (group 2) or the file (group 3), wherever it
 * stands in the subject: a doubt's word beside a number's keyword, either order ("nomor dobel",
 * "DOBEL NOMOR", "salah ketik nomor", "nomer e salah", "cek lagi nomornya"); "ganti 127" set
 * apart at the end or in brackets, "revisi nomor jadi 14"; the same of a year ("cek lagi
 * tahunnya", "tahun salah", "harusnya 2025"); "belum pasti nomornya" either way; a file sent by mistake ("salah upload"). Beside
 * no keyword, the words are a subject's own ("Pemilih Ganda", "Pemungutan Suara Ulang").
 */
const DOUBT = new RegExp(
  String.raw`(?<![a-z0-9])(?:(${NOT_NUMBERED}|${MARKED_NUMBER}[\s._-]*(?:${DOUBT_WORD}|(?:di)?(?:ralat|revisi|ubah|ganti)[\s._-]*(?:jadi|menjadi)[\s._:-]*\d{1,4}[a-z]?)|(?:dobel|double|ganda|salah(?:[\s._-]*(?:ketik|tulis))?|keliru|error|ragu(?:[\s._-]*ragu)?|cek(?:[\s._-]*(?:lagi|ulang))?|(?:belum|blm)[\s._-]*(?:pasti|fix|final|tetap|resmi))[\s._-]*${MARKED_NUMBER}|(?:revisi|rev|(?:di)?ralat|perbaikan|(?:di)?ubah|(?:di)?ganti)[\s._-]*${MARKED_NUMBER}[\s._-]*(?:jadi|menjadi)[\s._:-]*\d{1,4}[a-z]?|(?:di)?ganti[\s._:-]*(?:no(?:mor)?[\s.]*)?\d{1,4}[a-z]?(?=[^a-z0-9]*$|[\s._-]*[)\]]))|(${YEAR_WORD}[\s._-]*(?:salah|keliru|dobel|(?:belum|blm)[\s._-]*pasti)|(?:salah|keliru|cek(?:[\s._-]*(?:lagi|ulang))?|(?:belum|blm)[\s._-]*pasti)[\s._-]*${YEAR_WORD}|(?:se)?(?:harus|mesti)nya[\s._:-]*(?:${YEAR_WORD}[\s._-]*)?(?:19|20)\d\d)|(salah[\s._-]*(?:upload|unggah|kirim|file|berkas)))(?![a-z0-9])`,
  "g",
);

/**
 * What a DOUBT needs beside the words NOT_PLAIN and MAY_HOLD hold anyway ("salah", "belum",
 * "pakai", "rev", "harusnya"): "dobel", "nunggu", "error" (no subject's words: alone, as a
 * subject after the "nomor" the head took as its keyword); a doubt's word that is a subject's
 * own too ("Pemilih Ganda", "Cek Kesehatan") beside a number's or a year's keyword; "ganti"
 * before a number; "diralat jadi", "diubah menjadi"; "mestinya"; "cek lagi"/"cek ulang" (after a
 * "nomor" the head took as its keyword: "… Th 2023 nomor cek ulang").
 */
const DOUBT_GATE = String.raw`dobel|double|nunggu|error|ragu|cek[ _-]+(?:lagi|ulang)|(?:nomor|nomer|no|nmr)[ _-]+(?:ganda|(?:di)?cek|tentatif|dicadangkan|diganti|diubah|diralat|(?:bisa|dapat|mungkin)[ _-]+berubah)|(?:ganda|keliru|cek)[ _-]+(?:lagi[ _-]+|ulang[ _-]+)?(?:nomor|nomer|no|nmr|tahun|thn|th)|(?:tahun|thn|th)(?:nya)?[ _-]+(?:keliru|dobel)|ganti[ _-]+(?:no[ _-]+)?\d|(?:ralat|ubah|ganti)[ _-]+(?:men)?jadi|mestinya`;
/** How far before the subject a number's keyword the head took may stand ("(nomor " …). */
const KEYWORD_REACH = 8;

/**
 * The words of an unsigned, void or wrong-number mark and DOUBT_GATE: what MAY_HOLD and
 * NOT_PLAIN both look for, kept once so the two cannot drift apart.
 */
const MARK_GATE = `tt[de]|paraf|tanda|salah|batal|pakai|guna|belum|blm|menunggu|harusnya|mestinya|benar|betul|koreksi|coretan|usulan|y(?:an)?g[ _-]+mana|(?:nomor|no|nmr)[ _-](?:sementara|menyusul|keliru)|${DOUBT_GATE}`;

/**
 * A piece every marker and noise pattern above needs (a bracket, "lamp", "salinan"/"legalis…", "copy"/"kopi",
 * "asli", "rev", "ttd"/"tte", "paraf", "scan", "dpi", "final"/"fix", the words of an unsigned,
 * void or wrong-number mark ("tanda", "salah", "batal", "pakai", "guna", "belum", "nomor
 * sementara"), a PDF tool's word, a device's stamp
 * ("whatsapp", "img_2…"; "camscanner" holds "scan"), "v"/"ver" before
 * a digit or dot, "ok" alone, an extension): most subjects have none, and one regex test over
 * the subject decides it (this runs for every subject isPlainSubject does not call plain).
 */
const MAY_HOLD = new RegExp(
  String.raw`[([]|lamp|salinan|draf|konsep|ranc|legalis|copy|kopi|asli|rev|final|fix|cek|${MARK_GATE}|scan|dpi|sign|compress|convert|merge|unlock|ocr|whatsapp|(?:img|pxl|dsc)_\d|(?<![a-z0-9])v(?:er|\.|\d)|(?<![a-z0-9])ok(?![a-z0-9])|\.(?:${EXT_WORD})|(?<![a-z0-9])(?:${EXT_WORD})(?![a-z0-9])`,
  "g",
);

/**
 * Anything a marker or noise pattern above needs (a bracket, "lamp", "salinan", "asli"/
 * "legalis…", "copy", "rev", "ttd"/"tte", "paraf", "scan", "dpi", "final"/"fix", an unsigned,
 * void or wrong-number mark's word (as MAY_HOLD), OneDrive's "desktop-"/"laptop-" (a conflict
 * copy, subject-end.ts), "ok" alone, a doubled extension's "."), but the PDF
 * tools' words and version marks (endsWithToolMark looks for those at the end), or a gap
 * other than one space or dash (text.ts hasSingleGaps). Only tested, never matched, so the
 * order of the alternatives is free: the words first scan about a fifth faster than the
 * character classes first (V8 can skip ahead on their first letters).
 */
const NOT_PLAIN = new RegExp(
  `lamp|salinan|asli|legalis|copy|rev|final|fix|${MARK_GATE}|scan|dpi|top-|[^a-z0-9 -]|[ -]{2}|(?<![a-z0-9])ok(?![a-z0-9])`,
  "g",
);
/**
 * A PDF tool's word or a version mark (or a draft's mark with its number, "draft 2") ending a
 * plain subject (single gaps, no "." or "_"), with at most one gap after it. Only tested, near the subject's end (endsWithToolMark): a boundary
 * before the word is not asked for, as reading too much only costs subjectQualifier's look.
 */
const TOOL_AT_END = new RegExp(`(?:${TOOL_WORD})[ -]?$`, "g");
const VERSION_AT_END = /(?:v(?:er(?:si(?:on)?)?)?|draft?)[ -]?(?:ke[ -]?)?\d\d?[ -]?$/g;
/**
 * Bits (from "a") of the letters a PDF tool's word or "versi" ends with (d, i, r, s), or a
 * draft's mark typed as the last word ("draft", "draf": t, f).
 */
const TOOL_LAST_LETTERS = (1 << 3) | (1 << 5) | (1 << 8) | (1 << 17) | (1 << 18) | (1 << 19);

/**
 * Whether the subject `folded.slice(from)`, plain otherwise (of "a"–"z", digits, single spaces
 * and dashes), ends with a PDF tool's word, a version mark or a draft's word ("… DPT signed",
 * "… DPT versi 2", "… DPT draft"), with at most one gap after it. Called by isPlainSubject for the few subjects whose last
 * character may end one.
 */
function endsWithToolMark(folded: string, from: number): boolean {
  let end = folded.length;
  let c = folded.charCodeAt(end - 1);
  if (c === 0x20 || c === 0x2d) c = folded.charCodeAt(--end - 1);
  // "… DPT draft " (isPlainSubject reads it without the gap).
  if (c === 0x74) return folded.endsWith("draft", end);
  if (c === 0x66) return folded.endsWith("draf", end);
  if (c === 0x64 || c === 0x73 || c === 0x72) {
    TOOL_AT_END.lastIndex = Math.max(from, end - 11);
    // "… DPT legalisir": a copy's mark (AT_END), looked for here, at the end, where it is one,
    // instead of in NOT_PLAIN, which every subject pays for.
    return TOOL_AT_END.test(folded) || (c === 0x72 && folded.endsWith("legalisir", end));
  }
  // "… versi" is left only before another mark ("versi final"), but the gate must see it alone.
  if (c === 0x69) return folded.endsWith("versi", end) || folded.endsWith("legalisasi", end);
  if (!isDigit(c)) return false;
  VERSION_AT_END.lastIndex = Math.max(from, end - 16);
  return VERSION_AT_END.test(folded);
}

/**
 * A page's number at the subject's end ("… DPT hal 1", "Halaman 2", "page-0001", "hlm 2-3",
 * "1 of 3"): the file is one page, or some pages, of a scan. Filed, it would take the whole
 * decree's slot, and the other pages would then be refused as copies of a decree the archive
 * holds only a page of. Group 1 is the mark as typed (folded). "2 dari 3" is one only in
 * brackets ("(2 dari 3)"): "Tahap 1 dari 2" ends a subject as often.
 */
const PAGE_AT_END = new RegExp(
  String.raw`(?:^|[^a-z0-9])((?:${PAGE_WORD})[^a-z0-9]*\d{1,4}(?:[^a-z0-9]*(?:-|s[^a-z0-9]*d|sampai|of|dari)[^a-z0-9]*\d{1,4}){0,2}|\d{1,3}[^a-z0-9]*of[^a-z0-9]*\d{1,3}|(?<=\(\s*)\d{1,3}\s*dari\s*\d{1,3}(?=\s*\)))[^a-z0-9]*$`,
);

/**
 * The letters PAGE_AT_END's last number may follow, digits and other characters aside: a page
 * word ("hal 1", "hlm 2-3", "page-0001") or what joins two numbers ("1 of 3", "hal 1 s.d 5",
 * "sampai", "dari").
 */
export const BEFORE_PAGE_NUMBER: ReadonlySet<string> = new Set([
  "hal",
  "halaman",
  "hlm",
  "page",
  "pages",
  "pg",
  "p",
  "lembar",
  "lbr",
  "of",
  "d",
  "sd",
  "sampai",
  "dari",
]);
/**
 * The longest word wordBeforeEndNumber reads: "halaman" (PAGE_AT_END), "sekretaris"
 * (subject-end.ts, a second decree's number).
 */
const LONGEST_BEFORE_NUMBER = 10;

/**
 * The page mark (PAGE_AT_END) that ends the subject `folded.slice(from, end)`, or null. Most
 * subjects do not end with a digit, and a look at the last one answers for them; most that do
 * end with a year or a count ("… Pemilu 2024", "Tahap 2"), and the word before the number
 * answers for those: PAGE_AT_END is run only after a word of BEFORE_PAGE_NUMBER.
 */
export function pageAtEnd(folded: string, from: number, end: number): string | null {
  const word = wordBeforeEndNumber(folded, from, end);
  return word === null ? null : pageMarkAfter(folded, from, end, word);
}

/**
 * pageAtEnd for a subject that ends with a number after `word` (wordBeforeEndNumber): its page
 * mark, or null.
 */
export function pageMarkAfter(
  folded: string,
  from: number,
  end: number,
  word: string,
): string | null {
  if (!BEFORE_PAGE_NUMBER.has(word)) return null;
  const m = PAGE_AT_END.exec(folded.slice(from, end));
  return m === null ? null : m[1]!;
}

/**
 * For a subject `folded.slice(from, end)` that ends with a number (non-word characters after it
 * aside), the word of letters before that number, digits and other characters between ("hal"
 * in "hal 1", "of" in "1 of 3", "part" in "Part2", "th" in "No 13 Th 2024"); "" when a word of
 * more than LONGEST_BEFORE_NUMBER letters or none stands there. Null when the subject does not
 * end with a number: most subjects, which one look at the last character tells.
 */
export function wordBeforeEndNumber(folded: string, from: number, end: number): string | null {
  let e = end;
  while (e > from && !isWordChar(folded.charCodeAt(e - 1))) e--;
  if (e === from || !isDigit(folded.charCodeAt(e - 1))) return null;
  // Back to the last letter, then over its word (at most LONGEST_BEFORE_NUMBER letters). The
  // letter tests are written out: this runs for every subject that ends in a number, mostly
  // before V8 has optimised it, where a call per character costs more than the test.
  let c = folded.charCodeAt(e - 1);
  while (e > from && (c < 0x61 || c > 0x7a)) c = folded.charCodeAt(--e - 1);
  let w = e;
  while (w > from && e - w <= LONGEST_BEFORE_NUMBER && c >= 0x61 && c <= 0x7a) {
    c = folded.charCodeAt(--w - 1);
  }
  return e - w > LONGEST_BEFORE_NUMBER ? "" : folded.slice(w, e);
}

/**
 * Whether the subject `folded.slice(from)` is plain: words apart by single spaces or dashes (so
 * text.ts hasSingleGaps holds for it) with no marker or noise in it (so subjectQualifier finds
 * nothing). Most subjects are: one regex test and a look at the last character answer both
 * questions for them. The PDF tools' words and version marks are noise only at the end, so
 * the end is looked at for them, not every position as NOT_PLAIN does (another word there
 * cost about 40% more per test): a letter other than d, i, r, s, or three digits ("… Pemilu
 * 2024"), end no such mark, and most subjects stop there. `mayHold` false: subject-hints.ts
 * found none of NOT_PLAIN's pieces, so its test is skipped.
 */
export function isPlainSubject(folded: string, from: number, mayHold = true): boolean {
  NOT_PLAIN.lastIndex = from;
  if (mayHold && NOT_PLAIN.test(folded)) return false;
  const end = folded.length;
  const c = folded.charCodeAt(end - 1);
  if (c >= 0x61) {
    if (((TOOL_LAST_LETTERS >>> (c - 0x61)) & 1) === 0) {
      // A subject of one word may be a draft's word alone ("… Th 2024 Konsep"); few are that
      // short and end with such a word's last letter.
      return (
        end - from > LONGEST_DRAFT ||
        ((DRAFT_LAST_LETTERS >>> (c - 0x61)) & 1) === 0 ||
        !isDraftAlone(folded, from)
      );
    }
    // Most subjects that end with a "t" ("… DPT") have no "f" before it: no "draft".
    return (c === 0x74 && folded.charCodeAt(end - 2) !== 0x66) || !endsWithToolMark(folded, from);
  }
  if (c >= 0x30 && isDigit(folded.charCodeAt(end - 2)) && isDigit(folded.charCodeAt(end - 3))) {
    return true;
  }
  return !endsWithToolMark(folded, from);
}

/**
 * Bits (from "a") of the last letters of the draft's words (doc-kind.ts DRAFTS), and the
 * length of the longest with a gap before it: what a one-word subject that is one of them has.
 * Those ending with a letter of TOOL_LAST_LETTERS ("draft", "draf") endsWithToolMark reads.
 */
const DRAFT_LAST_LETTERS = DRAFTS.reduce(
  (bits, w) => bits | (1 << (w.charCodeAt(w.length - 1) - 0x61)),
  0,
);
const LONGEST_DRAFT = Math.max(...DRAFTS.map((w) => w.length)) + 1;

/** Whether the subject `folded.slice(from)` is a draft's word alone (doc-kind.ts DRAFTS). */
function isDraftAlone(folded: string, from: number): boolean {
  let i = from;
  while (i < folded.length && !isWordChar(folded.charCodeAt(i))) i++;
  return DRAFTS.includes(folded.slice(i));
}

function lampiran(n: string): string | null {
  const v = romanOrInt(n);
  return v > 0 ? `LAMPIRAN-${v}` : null;
}

/**
 * A certified copy's stamp, "Salinan sesuai (dengan) asli(nya)", or "dilegalisir" (a copy
 * stamped so: "… dilegalisir Kasubbag Hukum"), anywhere.
 */
const CERTIFIED_COPY =
  /(?<![a-z0-9])(?:salinan[\s_-]+sesuai(?:[\s_-]+dengan)?[\s_-]+asli(?:nya)?|dilegalis(?:ir|asi))(?![a-z0-9])/g;

/**
 * The markers and noise in the subject `folded.slice(from)`, or null when there is none (most
 * subjects: a cheap look at the last word and for a bracket decides).
 */
export function subjectQualifier(folded: string, from: number): SubjectQualifier | null {
  // From a few characters before: a doubt's "nomor" the head took as its keyword (DOUBT).
  const back = from > KEYWORD_REACH ? from - KEYWORD_REACH : 0;
  MAY_HOLD.lastIndex = back;
  const markAlone = markAfterKeyword(folded, from, folded.length);
  if (!MAY_HOLD.test(folded) && markAlone === null) return null;
  const qualifiers: string[] = [];
  const add = (q: string | null) => {
    if (q && !qualifiers.includes(q)) qualifiers.push(q);
  };
  const blanks: number[] = [];
  let draft: string | null = null;
  let letter: string | null = null;
  let signer: string | null = null;
  let numberMark: string | null = null;
  let voidMark: string | null = null;
  let withAttachments = false;
  let end = folded.length;
  // A certified copy's stamp copied with the title, its certifier after it ("… Seleksi PPK
  // Salinan sesuai dengan aslinya KEPALA SUBBAGIAN …"): a copy, whatever follows the stamp.
  CERTIFIED_COPY.lastIndex = from;
  const certified = CERTIFIED_COPY.exec(folded);
  // Only a certifier's words may follow; an attachment's mark after it is read as it stands.
  if (certified !== null && !folded.includes("lamp", certified.index)) {
    add("SALINAN");
    end = certified.index;
  }
  // "… Th 2024 nomor sementara": the head took "nomor" as its keyword, leaving the mark's word
  // alone as the subject.
  const alone = end === folded.length ? markAlone : markAfterKeyword(folded, from, end);
  if (alone !== null) {
    numberMark = alone;
    end = from;
  }
  // From the end: one piece after the other ("… Lampiran 1 - Copy (2).pdf").
  for (let guard = 0; guard < 8; guard++) {
    const tail = folded.slice(from, end);
    let hit = false;
    for (const p of AT_END) {
      const m = p.re.exec(tail);
      if (!m) continue;
      if (p.attachment && AMENDED_BEFORE.test(tail.slice(0, m.index))) break;
      if (p.attachment && withBefore(tail.slice(0, m.index), folded, from)) {
        withAttachments = true;
        break;
      }
      if (p.afterWord !== undefined && wordBefore(folded, from) !== p.afterWord) continue;
      if (
        p.notAfterKeyword &&
        KEYWORD_WORDS.has(wordBefore(folded, from + m.index + m[0].indexOf(m[1]!)))
      )
        break;
      if (p.draft) {
        if (!p.anywhere && !draftMarkAt(folded, from, tail, m)) break;
        draft ??= m[1]!;
      }
      if (p.letter) letter ??= m[1]!;
      if (p.signer) signer ??= m[2] === undefined ? m[1]! : `${m[1]} ${m[2]}`;
      if (p.numberMark) numberMark ??= m[1]!;
      if (p.voidMark) {
        // "… Pasangan Calon Batal": "batal" as the subject's last word is its own.
        if (m[1]!.startsWith("batal") && !draftMarkAt(folded, from, tail, m)) break;
        voidMark ??= m[1]!;
      }
      // "Penetapan 5 Kecamatan (2)": a bare number at the end is noise only in brackets.
      if (p.qualifier) for (const q of p.qualifier(m)) add(q);
      end = from + m.index;
      hit = true;
      break;
    }
    if (!hit) break;
  }
  const tail = folded.slice(from, end);
  // "… - Lampiran (2 hal)": how many pages the attachment has, no attachment's number.
  const counted = tail.replace(PAGE_COUNT, "");
  const lampiranWithoutNumber = LAMPIRAN_AT_END.test(counted) && !WITH_LAMPIRAN.test(counted);
  BRACKETED.lastIndex = 0;
  for (let m = BRACKETED.exec(tail); m; m = BRACKETED.exec(tail)) {
    if (m[1] !== undefined) add(lampiran(m[2]!));
    // "(Lampiran 1 s.d 3)": a second attachment, which the caller refuses as ambiguous.
    if (m[3] !== undefined) add(lampiran(m[3]));
    if (m[4] !== undefined) add("SALINAN");
    if (m[5] !== undefined) draft ??= m[5];
    blanks.push(from + m.index, from + m.index + m[0].length);
  }
  const start = AT_START.exec(tail);
  if (start && WITH_AT_START.test(tail)) withAttachments = true;
  else if (start) {
    // A letter after the number ("Lampiran II.B Lokasi TPS"): a part of attachment 2, which
    // the attachment's slot cannot tell from the others, as at the end.
    const part = LETTER_AFTER.exec(tail.slice(start[0].length));
    if (part) letter ??= `${start[0]}${part[0]}`.replace(/^[^a-z0-9]+/, "");
    add(lampiran(start[1]!));
    if (blanks.length === 0 || blanks[0]! >= from + start[0].length) {
      blanks.unshift(from, from + start[0].length);
    }
  }
  // A doubt anywhere in the subject, not only at its end ("(nomor dobel)", "DOBEL NOMOR dgn PAW
  // PPS", "(nomor dipakai ulang, lihat 62A)", "(harusnya 2025) Pembubaran PPK", "(bukan ini,
  // salah upload)"): filed, the file took a number or year its clerk doubted.
  let yearMark: string | null = null;
  // From a few characters before the subject: the head may have taken the doubt's "nomor" as
  // its keyword ("… Th 2024 (nomor dobel)" starts the subject at "dobel").
  DOUBT.lastIndex = back;
  const doubt = DOUBT.exec(folded);
  if (doubt !== null) {
    if (doubt[1] !== undefined) numberMark ??= doubt[1];
    else if (doubt[2] !== undefined) yearMark = doubt[2];
    else voidMark ??= doubt[3]!;
  }
  if (
    qualifiers.length === 0 &&
    blanks.length === 0 &&
    end === folded.length &&
    !lampiranWithoutNumber &&
    doubt === null &&
    !withAttachments
  ) {
    return null;
  }
  return {
    qualifiers,
    end,
    blanks,
    lampiranWithoutNumber,
    draft,
    letter,
    signer,
    numberMark,
    yearMark,
    voidMark,
    withAttachments,
  };
}

/**
 * Whether the draft's word that AT_END's draft pattern matched (`m`, in `tail`, the subject
 * `folded.slice(from, …)`) is a mark rather than the subject's last word: it is the whole
 * subject, or it is set apart (in brackets or after them, after a spaced dash, or after "_" in a name whose
 * words are apart by spaces), or it is "draft"/"draf" after any word but one that makes it the
 * subject's object (DRAFTED: "Tim Penyusun Draft"). "Konsep" and "Rancangan" typed as the last
 * word are running text ("Penyusunan Rancangan").
 */
function draftMarkAt(folded: string, from: number, tail: string, m: RegExpExecArray): boolean {
  const at = m.index + (isWordChar(tail.charCodeAt(m.index)) ? 0 : 1);
  let gap = at;
  while (gap > 0 && !isWordChar(tail.charCodeAt(gap - 1))) gap--;
  if (gap === 0) return true;
  const apart = tail.slice(gap, at);
  if (
    apart.includes("(") ||
    apart.includes("[") ||
    apart.includes(")") ||
    apart.includes("]") ||
    apart.includes(" -") ||
    apart.includes("- ")
  ) {
    return true;
  }
  if (apart.includes("_") && folded.lastIndexOf(" ", from + gap) >= 0) return true;
  const word = m[1]!;
  if (word !== "draft" && word !== "draf") return false;
  let w = gap;
  while (w > 0 && isWordChar(tail.charCodeAt(w - 1))) w--;
  return !DRAFTED.has(tail.slice(w, gap));
}

/**
 * Revision marks in the head ("Revisi 2 SK Ketua …", "… Th 2024 rev 3 ttg …") and a copy counter
 * right after the year ("… Th 2024 (2) ttg …"): blanked (U+0000, as head.ts blanks what it
 * read), so their digits are never read as a second serial. A bracketed number elsewhere in the
 * head stays a number: "No (12)" is a serial.
 */
const HEAD_NOISE =
  /(?<![a-z0-9])(?:revisi|rev)[\s._-]*\d{1,2}(?![0-9])|(?<=(?:19|20)\d\d\s*)\(\d{1,3}\)/g;

export function blankHeadNoise(work: string): string {
  return work.replace(HEAD_NOISE, (m) => "\u0000".repeat(m.length));
}
