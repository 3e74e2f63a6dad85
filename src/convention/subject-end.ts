/**
 * What the end of a subject may say about the file besides the decree's topic, each a reason to
 * refuse a name that otherwise reads as a decree, since filed it would take the whole decree's
 * slot:
 * - one part of a decree split into files ("… DPT part 1", "(bagian 2)", "_Part2", "- Bagian
 *   II", "Bagian Dua"): partAtEnd; one page, by its number or named for what is on it ("hal
 *   2", "hal ttd", "- Halaman Depan": NAMED_PAGE);
 * - a sync client's conflict copy ("(conflicted copy 2024-05-12 142233)", Dropbox's "(Budi's
 *   conflicted copy 2024-05-12)", "_conflict-20240512-142233", Syncthing's
 *   ".sync-conflict-…"): two versions of one decree, which a person must choose between
 *   (conflictMark);
 * - a document's name as a tag after the subject ("… ttg DPT - Berita Acara", "(Nota Dinas)",
 *   "_Undangan Rapat"): that document about the decree (documentTag);
 * - a second decree joined to the subject ("… ttg DPT dan SK No 13 Th 2024", "dan Lampiran SK
 *   No 13", "_SK Ketua No 13 Th 2024 ttg DPS"): two decrees in one name (two-decrees.ts
 *   secondDecree), or typed whole with its own "tentang" ("… ttg Tim JDIH SK Ketua No 5 Th
 *   2025 ttg Tim PPID", decreeBeforeTentang). A decree that amends, revokes or replaces another
 *   names it in its subject ("ttg Pencabutan SK No 13 …"), and stays filed;
 * - a second serial alone at the end ("… ttg Penetapan DPT No 13"), neither counted nor cited
 *   (serialAtEnd).
 * Most subjects end with a word and hold no bracket: a look at their end answers for them.
 * Pure; works on the folded name (text.ts foldSameLength), positions into it.
 */
import { documentAsSubject } from "./doc-kind.js";
import { COUNTERS } from "./head.js";
import {
  isLetter,
  isWordChar,
  NUMBER_WORD,
  NUMBER_WORDS,
  NUMBER_WORDS_MANY,
  PAGE_WORD,
  PART_WORDS,
} from "./numbers.js";
import { autocorrectAtEnd, qualifierTypo, trailingQualifierTypo } from "./qualifier-typo.js";
import { reject, rejectVariant } from "./reasons.js";
import {
  AMENDED_BEFORE,
  BEFORE_PAGE_NUMBER,
  pageMarkAfter,
  wordBeforeEndNumber,
} from "./subject.js";
import {
  HINT_DECREE,
  HINT_KPT,
  HINT_NUMBERED,
  HINT_PAGE,
  HINT_PART,
  HINT_VOLUME,
} from "./subject-hints.js";
import { wordsFrom } from "./text.js";
import { decreeBeforeTentang, numberedSecond, secondDecree, twoDecrees } from "./two-decrees.js";
import type { ParseRejected } from "./types.js";

/**
 * The refusal of a subject `folded.slice(from, end)` that ends with a page's or a part's number,
 * or that joins a second decree, or null; `nomor` is the decree's own serial. Most subjects end
 * with a word, and only a part's number written as a word or Roman numeral may end one here
 * (partWordAtEnd, a look at the last two words); of those that end with a number, the word
 * before it (subject.ts wordBeforeEndNumber) tells which regex, if any, to run. A second decree
 * may stand anywhere in the subject, but only a subject with "sk" or "kep" in it may hold one,
 * or with "kpt" one that is not `plain` (subject.ts isPlainSubject). `spaced`: the name's words
 * are apart by spaces, so "_" may join a second decree. `hints`: subject-hints.ts
 * subjectHints(folded, from), or ALL_HINTS; a clear bit skips its substring tests.
 */
export function subjectEnd(
  folded: string,
  from: number,
  end: number,
  nomor: string,
  plain: boolean,
  spaced: boolean,
  hints: number,
): ParseRejected | null {
  // "Lampu III", "lampu 2": a phone's autocorrect of "Lamp" (qualifier-typo.ts).
  const lampu = autocorrectAtEnd(folded, from, end);
  if (lampu !== null) return rejectVariant("AMBIGUOUS_QUALIFIER:typo", lampu);
  const word = wordBeforeEndNumber(folded, from, end);
  if (word === null) {
    // Substring tests, native calls, keep the look at the last words off most subjects.
    if (
      (hints & HINT_PART) !== 0 &&
      (folded.includes("bagian", from) || folded.includes("part", from))
    ) {
      // A number of one word ("Bagian Dua"), else of more ("Bagian Dua Puluh", PART_AT_END).
      const part = partWordAtEnd(folded, from, end) ?? partAtEnd(folded, from, end);
      if (part !== null) return rejectVariant("PAGE_ONLY:part", part);
    } else if (
      (hints & HINT_VOLUME) !== 0 &&
      (folded.includes("jilid", from) || folded.includes("vol", from))
    ) {
      // A volume's number in words or Roman numerals ("Jilid Dua", "Vol. II").
      const volume = partAtEnd(folded, from, end);
      if (volume !== null) return rejectVariant("PAGE_ONLY:part", volume);
    }
    // A page's number in words ("… DPT hal. dua", "Halaman Dua Belas"): asked only of a subject
    // whose last word is a number's.
    const page = endsWithNumberWord(folded, from, end) ? pageWordsAtEnd(folded, from, end) : null;
    if (page !== null) return reject("PAGE_ONLY", page);
    // "… - Sallinan": a misspelt copy or attachment mark ends the subject (qualifier-typo.ts).
    const last = trailingQualifierTypo(folded, from, end);
    if (last !== null) return rejectVariant("AMBIGUOUS_QUALIFIER:typo", last);
    // A page named for what is on it ("hal ttd", "Halaman Depan"), to the name's end.
    if (
      (hints & HINT_PAGE) !== 0 &&
      (folded.includes("hal", from) || folded.includes("hlm", from))
    ) {
      const named = NAMED_PAGE.exec(folded.slice(from));
      if (named !== null) return reject("PAGE_ONLY", named[1]!);
    }
  } else {
    // "Lmpiran 4": a misspelt attachment mark, not the subject's words (qualifier-typo.ts).
    if (qualifierTypo(word) !== null) return rejectVariant("AMBIGUOUS_QUALIFIER:typo", word);
    const kind = BEFORE_END_NUMBER.get(word);
    const atEnd = kind === undefined ? null : numberAtEnd(folded, from, end, word, kind);
    if (atEnd !== null) return atEnd;
    const serial = SERIAL_WORDS.has(word) ? serialAtEnd(folded, from, end, nomor) : null;
    if (serial !== null) return serial;
  }
  // A second decree joined inside the subject, its own subject or letter after it ("… DPT dan
  // SK No 13 ttg DPS", "_SK Ketua No 13 Th 2024", "dan SK No 13A"): its decree's word first,
  // native tests (two-decrees.ts). "Kpt"/"Kpts" is looked for only in a subject that is not
  // plain (after a separator): most subjects are plain and hold neither "sk" nor "kep".
  if (
    (hints & HINT_DECREE) === 0 ||
    (!folded.includes("sk", from) && !folded.includes("kep", from))
  ) {
    if (plain || (hints & HINT_KPT) === 0 || !folded.includes("kpt", from)) {
      // "… ttg DPT - No 14 Th 2024 ttg DPTb": a second decree without its decree's word.
      const numbered =
        (hints & HINT_NUMBERED) === 0 ? null : numberedSecond(folded, from, end, nomor);
      return numbered === null ? null : twoDecrees(nomor, numbered);
    }
  }
  const second =
    secondDecree(folded, from, end, nomor, spaced) ?? decreeBeforeTentang(folded, from, end, nomor);
  return second === null ? null : twoDecrees(nomor, second);
}

/**
 * A page named for what is on it, the whole subject or a tag ending the name ("… Th 2024 hal
 * ttd", "Halaman Depan", "… - hlm. pengesahan"): the signature page, the front page, one page
 * of the decree. In running text it is the subject's ("ttg Tata Cara Pengisian Halaman Depan").
 */
const NAMED_PAGE =
  /(?:^|[-_([\u2013])[^a-z0-9]*((?:hal(?:aman)?|hlm)[^a-z0-9]+(?:ttd|tte|tanda[^a-z0-9]+tangan|depan|muka|belakang|terakhir|akhir|pertama|awal|sampul|cover|judul|pengesahan))[^a-z0-9]*$/;

/** The keywords of a serial: a subject that ends with one and a number may hold a second. */
const SERIAL_WORDS: ReadonlySet<string> = new Set(["no", "nomor", "nmr", "nomer"]);
/** Right before "No <n>" at a subject's end, what the number counts (head.ts COUNTERS): "TPS No 13". */
export const COUNTED: ReadonlySet<string> = new Set([...COUNTERS, "tps", "urut"]);
/**
 * Anywhere before "No <n>" at a subject's end, the decree, law, letter or other document whose
 * number it is ("Perubahan atas SK Ketua No 3", "Pelaksanaan UU No 7", "… Keputusan KPU Provinsi
 * No 5", "Tindak Lanjut Rekomendasi Bawaslu No 88").
 */
export const CITING: ReadonlySet<string> = new Set([
  "keputusan",
  "kep",
  "kpts",
  "sk",
  "skep",
  "ketua",
  "sekretaris",
  "peraturan",
  "pkpu",
  "perkpu",
  "perbawaslu",
  "uu",
  "undang",
  "perpres",
  "pp",
  "permendagri",
  "perda",
  "pergub",
  "perwali",
  "surat",
  "edaran",
  "se",
  "instruksi",
  "putusan",
  "nota",
  // Another body's or party's document: "Tindak Lanjut Rekomendasi Bawaslu No 88 Th 2024".
  "rekomendasi",
  "rekom",
  "berita",
  "laporan",
  "undangan",
  "kontrak",
  "perjanjian",
  "spk",
  "mou",
  "memorandum",
]);

/**
 * A subject `folded.slice(from, end)` that ends with "No <n>" which neither counts (COUNTED)
 * nor cites (CITING): "… ttg Penetapan DPT No 13". A second serial beside the decree's own
 * (`nomor`), as when two decrees share one name: refused with both. Else null.
 */
function serialAtEnd(
  folded: string,
  from: number,
  end: number,
  nomor: string,
): ParseRejected | null {
  const ws = wordsFrom(folded.slice(from, end), 0);
  const n = ws.length;
  if (n < 3 || COUNTED.has(ws[n - 3]!.word)) return null;
  for (let k = 0; k < n - 2; k++) if (CITING.has(ws[k]!.word)) return null;
  const second = ws[n - 1]!.word.toUpperCase();
  return rejectVariant("AMBIGUOUS_NUMBER:subjectSerial", `${nomor}, ${second}`);
}

/** What the number that ends a subject may be, by the word before it (BEFORE_END_NUMBER). */
const PAGE = 1;
const PART = 2;

/**
 * The words a page's (subject.ts BEFORE_PAGE_NUMBER) or a part's (PART_AT_END: "part 1",
 * "Part2", "bagian 1 dari 3") number follows, each with what it may end: one look-up for a
 * subject that ends with a number. A second decree is looked for anywhere (subjectEnd).
 */
const BEFORE_END_NUMBER: ReadonlyMap<string, number> = (() => {
  const kinds = new Map<string, number>();
  const add = (words: Iterable<string>, kind: number) => {
    for (const w of words) kinds.set(w, (kinds.get(w) ?? 0) | kind);
  };
  add(BEFORE_PAGE_NUMBER, PAGE);
  add([...PART_WORDS, "of", "dari"], PART);
  return kinds;
})();

/**
 * subjectEnd for a subject that ends with a number after `word`, which may end a mark of the
 * kinds `kind` (BEFORE_END_NUMBER).
 */
function numberAtEnd(
  folded: string,
  from: number,
  end: number,
  word: string,
  kind: number,
): ParseRejected | null {
  // One page of a scan ("… DPT hal 1.jpg") is never the whole decree.
  const page = kind & PAGE ? pageMarkAfter(folded, from, end, word) : null;
  if (page !== null) return reject("PAGE_ONLY", page);
  const part = kind & PART ? partAtEnd(folded, from, end) : null;
  return part === null ? null : rejectVariant("PAGE_ONLY:part", part);
}

/**
 * A part's or a volume's number at the subject's end, alone or in a bracketed or dashed tag:
 * "part 1", "Part2", "part1of3", "(bagian 2)", "- Bagian II", "Bagian Dua", "Bagian Kedua",
 * "Bagian Dua Puluh", "bagian 1 dari 3", "Jilid 2", "Vol. II". Group 1 is the mark as typed
 * (folded). A Roman numeral or a word needs a gap after "part"/"bagian" ("parti" is no part).
 */
const PART_AT_END = new RegExp(
  String.raw`(?:^|[^a-z0-9])((?:${PART_WORDS.join("|")})(?:[^a-z0-9]*\d{1,2}|[^a-z0-9]+(?:[ivx]{1,4}|${NUMBER_WORDS_MANY}|${NUMBER_WORD}))(?:[^a-z0-9]*(?:of|dari)[^a-z0-9]*(?:\d{1,2}|[ivx]{1,4}|${NUMBER_WORDS_MANY}|${NUMBER_WORD}))?)[^a-z0-9]*$`,
);

/**
 * The part mark (PART_AT_END) that ends the subject `folded.slice(from, end)`, or null. A word of
 * the subject ("Pembentukan Bagian Hukum", "Kepala Bagian Umum", "Partai") is no part's mark:
 * only "part"/"bagian" and a number that ends the subject are.
 */
function partAtEnd(folded: string, from: number, end: number): string | null {
  const subject = folded.slice(from, end);
  const m = PART_AT_END.exec(subject);
  if (m === null || AMENDED_BEFORE.test(subject.slice(0, m.index))) return null;
  return m[1]!;
}

/**
 * For a subject `folded.slice(from, end)` that ends with a word: the part mark when that word is
 * a part's number written as a word or a Roman numeral up to ten after "part"/"bagian" and one
 * space, dash or underscore ("… DPT Bagian Dua", "(Bagian Kedua)", "- Part II", "bagian-dua"),
 * else null. Every such subject is
 * asked: its last word's length and the letter before the space before it (the "n" of
 * "bagian", the "t" of "part") answer for most.
 */
function partWordAtEnd(folded: string, from: number, end: number): string | null {
  let e = end;
  while (e > from && !isWordChar(folded.charCodeAt(e - 1))) e--;
  // Back over the last word's letters (at most LONGEST_NUMBER_WORD), the tests written out as in
  // subject.ts wordBeforeEndNumber: String#lastIndexOf, a runtime call, cost several times more.
  let gap = e;
  let c = folded.charCodeAt(gap - 1);
  while (gap > from && e - gap <= LONGEST_NUMBER_WORD && c >= 0x61 && c <= 0x7a) {
    c = folded.charCodeAt(--gap - 1);
  }
  // "Bagian Dua", "bagian-dua", "part_ii".
  if ((c !== 0x20 && c !== 0x2d && c !== 0x5f) || --gap - from < 4) return null;
  c = folded.charCodeAt(gap - 1);
  const mark = c === 0x6e ? "bagian" : c === 0x74 ? "part" : null;
  if (mark === null || !folded.startsWith(mark, gap - mark.length)) return null;
  const at = gap - mark.length;
  if (at > from && isWordChar(folded.charCodeAt(at - 1))) return null;
  const word = folded.slice(gap + 1, e);
  if (!ROMAN_TO_TEN.test(word) && !NUMBER_WORDS.has(word)) return null;
  if (AMENDED_BEFORE.test(folded.slice(from, at))) return null;
  return folded.slice(at, e);
}

/**
 * A page's number in words at the subject's end, as PAGE_AT_END (subject.ts) reads one in
 * digits: "hal. dua", "Halaman Kedua", "page two" aside ("two" is no word of ours). Group 1 is
 * the mark as typed (folded).
 */
const PAGE_WORDS_AT_END = new RegExp(
  `(?<![a-z0-9])((?:${PAGE_WORD})[^a-z0-9]*(?:${NUMBER_WORDS_MANY}|${NUMBER_WORD}))[^a-z0-9]*$`,
);

/** The page mark in words (PAGE_WORDS_AT_END) that ends the subject, or null. */
function pageWordsAtEnd(folded: string, from: number, end: number): string | null {
  const m = PAGE_WORDS_AT_END.exec(folded.slice(from, end));
  return m === null ? null : m[1]!;
}

/** The last words of a number in words: NUMBER_WORDS and those only a longer number ends with. */
const NUMBER_WORD_ENDS: ReadonlySet<string> = new Set([
  ...NUMBER_WORDS.keys(),
  "sebelas",
  "kesebelas",
  "seratus",
  "keseratus",
  "belas",
  "puluh",
  "ratus",
]);

/** The last two letters of NUMBER_WORD_ENDS' words, as `lastTwo` gives them. */
const NUMBER_WORD_LAST_TWO: ReadonlySet<number> = new Set(
  [...NUMBER_WORD_ENDS].map((w) => lastTwo(w, w.length)),
);

/** The two characters before `e` in `s`, as one number. */
function lastTwo(s: string, e: number): number {
  return s.charCodeAt(e - 2) * 0x10000 + s.charCodeAt(e - 1);
}

/**
 * Whether the subject `folded.slice(from, end)` ends with a number's word (NUMBER_WORD_ENDS).
 * Most subjects' last two letters are no number word's, which a look-up of a number tells
 * before the word is cut out.
 */
function endsWithNumberWord(folded: string, from: number, end: number): boolean {
  let e = end;
  while (e > from && !isWordChar(folded.charCodeAt(e - 1))) e--;
  if (e - from < 2 || !NUMBER_WORD_LAST_TWO.has(lastTwo(folded, e))) return false;
  let s = e;
  while (s > from && e - s <= LONGEST_NUMBER_WORD && isWordChar(folded.charCodeAt(s - 1))) s--;
  return s < e && NUMBER_WORD_ENDS.has(folded.slice(s, e));
}

/** A Roman numeral from I to X. */
const ROMAN_TO_TEN = /^(?:i{1,3}|iv|vi{0,3}|ix|x)$/;
/** The longest number word (NUMBER_WORDS: "kesembilan"). */
const LONGEST_NUMBER_WORD = Math.max(...[...NUMBER_WORDS.keys()].map((w) => w.length));

/**
 * The marks sync clients put into a conflict copy's name: ownCloud's and Nextcloud's desktop
 * clients and Dropbox "conflicted copy", Seafile "SFConflict", ownCloud's older client
 * "_conflict-<date>", Syncthing ".sync-conflict-<date>", Nextcloud's "case clash", Dropbox's
 * "Case Conflict" and "Selective Sync Conflict"; in
 * Indonesian, "salinan (yang) konflik" or "konflik" with a date in brackets; OneDrive's
 * computer name after a dash at the end ("… DPT-DESKTOP-AB12CDE", "-LAPTOP-KPU01XYZ": Windows'
 * default names), and its counter after it ("-DESKTOP-AB12CDE-2"). "Konflik" alone is a
 * subject's word ("Penanganan Konflik Sosial", "(Konflik Kepentingan)").
 */
const CONFLICT_MARK =
  /-\s*(?:desktop|laptop)-[a-z0-9]{5,8}(?:-\d{1,2})?\s*$|conflicted[\s_-]*cop(?:y|ies)|sfconflict|case[\s_-]+(?:clash|conflict)|selective[\s_-]+sync[\s_-]+conflict|salinan[\s_-]+(?:yang[\s_-]+)?konflik|konflik[\s_-]+salinan|(?<![a-z0-9])(?:sync[\s_-]*)?conflict[\s_-]*(?:19|20)\d{2}|[([]\s*konflik(?![a-z0-9])[^)\]]*(?:19|20)\d{2}/;

/**
 * The conflict copy's mark in the subject of `folded` from `from`, as [start, end) of the text
 * to show: the bracket around it, else from the mark to the subject's end. Null without one.
 */
export function conflictMark(folded: string, from: number): [number, number] | null {
  const m = CONFLICT_MARK.exec(folded.slice(from));
  if (m === null) return null;
  let start = from + m.index;
  // The bracket may open before the subject does ("… Th 2024 (conflicted copy …)": the
  // subject starts inside it).
  let open = -1;
  for (let i = start; i >= 0 && open < 0; i--) {
    const c = folded.charCodeAt(i);
    if (c === 0x28 || c === 0x5b) open = i;
    else if (i < start && (c === 0x29 || c === 0x5d)) break;
  }
  let end = folded.length;
  if (open >= 0) {
    start = open + 1;
    const close = folded.slice(start).search(/[)\]]/);
    if (close >= 0) end = start + close;
  }
  return [start, end];
}

/**
 * What sets a tag apart after the subject's words: an opening bracket, a dash with a space on
 * one side, an en dash, "_" (only where the name's words are apart by spaces).
 */
const TAG_START = /[([\u2013_]|\s-|-\s/g;

/**
 * The refusal of a tag after the subject `folded.slice(from, end)` that is a document's name
 * (doc-kind.ts documentAsSubject: a kind of document and nothing else, or a document made about
 * a decree first): "… ttg DPT - Berita Acara", "(Nota Dinas)", "_Undangan Rapat", "[Telaah
 * Staf]". The file is most likely that document about the decree, and filed it took the
 * decree's slot; the refusal gives both ways out. The same words in the subject's running text
 * ("ttg Penetapan Berita Acara …") are its topic. `spaced`: the name's words are apart by
 * spaces, so "_" sets a tag apart. Called for subjects that are not plain (subject.ts
 * isPlainSubject): a plain one has no bracket, "_" or spaced dash.
 */
export function documentTag(
  folded: string,
  from: number,
  end: number,
  spaced: boolean,
): ParseRejected | null {
  TAG_START.lastIndex = from;
  for (let m = TAG_START.exec(folded); m !== null && m.index < end; m = TAG_START.exec(folded)) {
    if (m[0] === "_" && !spaced) continue;
    // "… Pelaksana Perjalanan Dinas (SPPD)": the bracket spells out the words before it, the
    // subject's own short name, no tag.
    if (m[0] === "(" && spelledBefore(folded, from, m.index)) continue;
    const r = documentAsSubject(folded, m.index + m[0].length, end);
    if (r) return r;
  }
  return null;
}

/**
 * Whether the word in brackets at `open` in `folded` is the initials of the words before it
 * (from `from`), all but its first letter at least and two at the least ("Perjalanan Dinas
 * (SPPD)", "Daftar Pemilih Tetap (DPT)"): a short name the subject gives itself.
 */
function spelledBefore(folded: string, from: number, open: number): boolean {
  let e = open + 1;
  while (e < folded.length && isLetter(folded.charCodeAt(e))) e++;
  if (folded.charCodeAt(e) !== 0x29 || e - open - 1 < 2) return false;
  const acronym = folded.slice(open + 1, e);
  let matched = 0;
  let i = open;
  for (let k = acronym.length - 1; k >= 0; k--) {
    while (i > from && !isLetter(folded.charCodeAt(i - 1))) i--;
    let w = i;
    while (w > from && isLetter(folded.charCodeAt(w - 1))) w--;
    if (w === i || folded[w] !== acronym[k]) break;
    matched++;
    i = w;
  }
  return matched >= 2 && matched >= acronym.length - 1;
}
