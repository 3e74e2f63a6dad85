/**
 * Where a name's subject starts when no "tentang" marks it: the first free word after the
 * numbers (subjectStart), with an old-style number's words read as no free words
 * (subjectStartAround). Pure.
 */

import { COUNTERS, YEAR_KEYWORD_AT } from "./head.js";
import { nameStart } from "./head-subject.js";
import { MONTH_ALTERNATION } from "./months.js";
import {
  afterLampiran,
  FIRST_NUMBER,
  HEAD_KEYWORDS,
  isDigit,
  isWordChar,
  isYearShaped,
  NUMBER_WORDS,
  NUMBER_WORDS_MANY,
} from "./numbers.js";
import { ownPlaceEnd } from "./office.js";
import type { CompiledRules } from "./rules.js";
import { SIGNED_WORDS } from "./subject-hints.js";
import { wordBefore } from "./text.js";

/**
 * Words that join two numbers ("No 12 dan 13", "No 12 jo No 3", "No 104 or 105", "No 12 vs 13")
 * or span a range of them ("No 12 sd 42", "No 12 s.d. 42", "No 12 sampai 42"): the head goes on
 * after them, so both numbers are read and the name is refused for two (a file of several
 * decrees, or a number in doubt), not for a missing year.
 */
const JOINERS = new Set([
  "dan",
  "jo",
  "juncto",
  "serta",
  "atau",
  "or",
  "vs",
  "sd",
  "sampai",
  "hingga",
]);
const LONGEST_KEYWORD = 8;
export const ROMAN = /^[ivx]{1,4}$/;

/** Where an old-style number stands in the folded name. */
export type Span = { readonly start: number; readonly end: number };

/** Where the first letter or digit from `at` stands (the length when none). */
export function firstWordAt(folded: string, at: number): number {
  let i = at;
  while (i < folded.length && !isWordChar(folded.charCodeAt(i))) i++;
  return i;
}

/**
 * `subjectStart` with the old number's words (issuer marker, Roman month) read as no free words:
 * as if the number were one number word and spaces. Scanning `folded` itself and skipping the
 * number finds the same unless a jenis phrase could run into the number, which takes a phrase
 * word that starts with a digit (the number starts with one, after a non-word character); only
 * then is the text with the number replaced built and scanned. Without an old number (`old`
 * null), subjectStart itself: lenient() calls this one function either way, so V8 compiles the
 * scan into it once instead of into two callers.
 */
export function subjectStartAround(folded: string, old: Span | null, c: CompiledRules): number {
  if (old === null) return subjectStart(folded, c, -1, -1);
  if (!c.digitPhraseWord) return subjectStart(folded, c, old.start, old.end);
  const shape =
    folded.slice(0, old.start) + "0".padEnd(old.end - old.start, " ") + folded.slice(old.end);
  return subjectStart(shape, c, -1, -1);
}

/**
 * Without "tentang": the subject starts at the first word `[a-z0-9]+`, after the first number,
 * that is not a keyword (nomor, tahun, lampiran …) and does not start a jenis phrase.
 * [skipFrom, skipTo) is read as a number word (it starts a word) and white space, unless -1.
 */
export function subjectStart(
  shape: string,
  c: CompiledRules,
  skipFrom: number,
  skipTo: number,
): number {
  // Words before the first number never start the subject.
  let i = shape.search(FIRST_NUMBER);
  // "No11 Th2021" typed glued: the number starts inside its keyword's word.
  if (i < 0 && GLUED_NUMBER.test(shape)) i = shape.search(GLUED_NUMBER);
  // An attachment's number in front ("Lampiran 1 Keputusan KPU Kota Jakarta Utara Nomor 3 …") is
  // not the first of the decree's numbers: from it, "Kota Jakarta Utara" was read as the subject,
  // leaving a head without the decree's number (or "KPU" without its place). The Roman "Lampiran
  // I" was never a number.
  if (i > 0 && afterLampiran(shape, i)) i = nextNumber(shape, i);
  // Nor is a number typed before the decree's name that cannot be its serial: a count in a
  // subject typed first ("TPS 012 Kel Koja - SK Ketua No 5 …"), a date or an upload's time
  // stamp ("20240510 Keputusan KPU Kota Jakarta Utara No 5 …", "1718012345_Kep_KPU_…"). From
  // it, this office's place after the name was read as the subject. The head goes on to the
  // name's numbers; readHead leaves a count out of them, a date is blanked (head.ts DATES), and
  // a time stamp is read again without it (stamps.ts).
  // Where the name starts is looked up once, and only for a number of such a shape.
  // So is a year that starts the name, right before the decree's name ("2024 SK KPU Jakut No
  // 435 …", "2024_Keputusan …") or a bare "SK" and an old-style number ("2019_SK_40_PL.02.6-Kpt_
  // …"): the name's year, read with the head's numbers; from it, the office's place or the old
  // number was read as the subject. Before a subject typed first ("2024 Penetapan DPT SK Ketua
  // …") it may be the subject's, and stays where it is.
  let name = -1;
  while (i >= 0) {
    const year = i === firstWordAt(shape, 0) && yearAt(shape, i);
    if (!year && !noSerialShape(shape, i)) break;
    if (year && skipFrom >= 0 && bareDecreeWordThen(shape, i + 4, skipFrom)) {
      i = skipFrom;
      break;
    }
    if (name < 0) name = nameStart(shape, c.phraseAt);
    if (name <= i || (year && firstWordAt(shape, i + 4) !== name)) break;
    i = nextNumber(shape, i);
  }
  if (skipFrom >= 0 && (i < 0 || i > skipFrom)) i = skipFrom;
  if (i < 0) return shape.length;
  return subjectFrom(shape, c, i, skipFrom, skipTo);
}

/**
 * Whether the word `shape.slice(start, end)`, digits first, is a scan's resolution: two to four
 * digits with "dpi" glued after them or as the next word ("300dpi", "300 dpi").
 */
function resolutionAt(shape: string, start: number, end: number): boolean {
  const n = end - start;
  if (n >= 5 && n <= 7 && shape.endsWith("dpi", end))
    return /^\d{2,4}dpi$/.test(shape.slice(start, end));
  if (n < 2 || n > 4 || !/^\d+$/.test(shape.slice(start, end))) return false;
  let j = end;
  while (j < shape.length && !isWordChar(shape.charCodeAt(j))) j++;
  return shape.startsWith("dpi", j) && !isWordChar(shape.charCodeAt(j + 3)) && j > end;
}

/** Where the first number after the word at `at` in `shape` starts, or -1. */
function nextNumber(shape: string, at: number): number {
  let j = at;
  while (j < shape.length && isWordChar(shape.charCodeAt(j))) j++;
  const next = shape.slice(j).search(FIRST_NUMBER);
  return next < 0 ? -1 : j + next;
}

/**
 * Whether the number at `at` in `shape` is no serial wherever it stands (subjectStart asks
 * before the decree's name): five digits or more (a date, a time stamp), a date's part
 * ("2024-05-10", DATE_AT), or a count (after a word of head.ts COUNTERS: "TPS 012", "Tahap 2").
 */
function noSerialShape(shape: string, at: number): boolean {
  let e = at;
  while (e < shape.length && isWordChar(shape.charCodeAt(e))) e++;
  DATE_AT.lastIndex = at;
  return (
    e - at >= 5 ||
    DATE_AT.test(shape) ||
    (e - at <= 2 &&
      at > 1 &&
      isDateGap(shape.charCodeAt(at - 1)) &&
      isDigit(shape.charCodeAt(at - 2))) ||
    wordBeforeIn(shape, at, COUNTERS)
  );
}

/** A decree's word alone, the head of an old-style number typed without its issuer's kind. */
const BARE_DECREE_WORD = /(?:sk|skep|kep|kpts?|keputusan)(?![a-z0-9])[^a-z0-9]*/y;

/** Whether the text from `at` in `shape` is BARE_DECREE_WORD and then `to` (an old number). */
function bareDecreeWordThen(shape: string, at: number, to: number): boolean {
  BARE_DECREE_WORD.lastIndex = firstWordAt(shape, at);
  return BARE_DECREE_WORD.test(shape) && BARE_DECREE_WORD.lastIndex === to;
}

/** Whether the word at `at` in `shape` is a year, four digits (isYearShaped). */
function yearAt(shape: string, at: number): boolean {
  return !isWordChar(shape.charCodeAt(at + 4)) && isYearShaped(shape.slice(at, at + 4));
}

/** Whether the word before the one at `at` in `shape` is one of `words`. */
function wordBeforeIn(shape: string, at: number, words: ReadonlySet<string>): boolean {
  const word = wordBefore(shape, at);
  return word.length >= 2 && words.has(word);
}

/** A date's year, then its month and day, each joined by "-", "." or "_" ("2024-05-10"), sticky. */
const DATE_AT = /(?:19|20)\d\d[-._]\d\d?[-._]\d\d?(?![0-9])/y;

/** "-", "." or "_": what joins a date's parts. */
function isDateGap(code: number): boolean {
  return code === 0x2d || code === 0x2e || code === 0x5f;
}

/** After "salinan" in subjectFrom: the words that certify the copy, to the end of "aslinya". */
const CERTIFIED =
  /[^a-z0-9]+(?:resmi|sesuai(?:[^a-z0-9]+dengan)?[^a-z0-9]+asli(?:nya)?)(?![a-z0-9])/y;

/**
 * subjectStart's scan from `from`, a word start at or after the first number, with no
 * "Lampiran" just before it: where the subject starts.
 */
export function subjectFrom(
  shape: string,
  c: CompiledRules,
  from: number,
  skipFrom: number,
  skipTo: number,
): number {
  const len = shape.length;
  let i = from;
  // After "Lampiran", a Roman numeral is its number ("… Th 2024 Lampiran III"), not the subject;
  // so is a number word that ends the name ("… Th 2024 Lampiran Dua"): before other words it may
  // be the subject's ("Lampiran Lima Kecamatan"), and the attachment's number is left unread.
  let afterLamp = false;
  while (i < len) {
    if (i === skipFrom) {
      i = skipTo;
      continue;
    }
    if (!isWordChar(shape.charCodeAt(i))) {
      i++;
      continue;
    }
    const start = i;
    while (i < len && isWordChar(shape.charCodeAt(i))) i++;
    if (isDigit(shape.charCodeAt(start))) {
      // A scan's resolution after the numbers ("… Th 2024 300dpi", "… 2024 300 dpi") is the
      // subject's noise (subject.ts drops it), never a second number.
      if (resolutionAt(shape, start, i)) return start;
      continue;
    }
    const word = i - start <= LONGEST_KEYWORD ? shape.slice(start, i) : "";
    // A keyword glued to its number ("Th2021"), as head.ts FIELDS reads it.
    if (isDigit(shape.charCodeAt(i - 1)) && GLUED_KEYWORD.test(shape.slice(start, i))) continue;
    // "+ Lampiran" / "& Lamp I s.d. IV" after the numbers: the attachments the file holds with
    // the decree, the subject's (subject.ts WITH_AT_START), no attachment's marker of the head.
    if (word === "lampiran" || word === "lamp") {
      const plus = plusBefore(shape, start);
      if (plus >= 0) return plus;
    }
    if (HEAD_KEYWORDS.has(word)) {
      afterLamp = word === "lampiran" || word === "lamp" || (afterLamp && word === "ke");
      // "Salinan Resmi", "Salinan sesuai (dengan) aslinya": the copy's certification, part of
      // the qualifier; from it, "resmi" or "sesuai-aslinya" became the slug.
      if (word === "salinan") {
        CERTIFIED.lastIndex = i;
        if (CERTIFIED.test(shape)) i = CERTIFIED.lastIndex;
      }
      continue;
    }
    // The date the decree was signed on, typed after its number ("SK Ketua No 57 tgl 2 Mei Th
    // 2024", "No 12 ditetapkan 12 Januari 2014"): the head's, which reads the year in it or
    // after it (head.ts blankDates). From "tgl", "Th 2024" was the subject's and the name was
    // refused for a missing year.
    if (SIGNING.has(word === "" ? shape.slice(start, i) : word)) {
      SIGNING_DATE_AT.lastIndex = i;
      if (SIGNING_DATE_AT.test(shape)) {
        i = SIGNING_DATE_AT.lastIndex;
        continue;
      }
    }
    // A lone letter between the serial and its year's keyword ("No 75 B Th 2024"): the serial's
    // own, typed apart, read with it (head.ts readFields); from it, the year was the subject's.
    if (i - start === 1 && afterNumber(shape, start)) {
      YEAR_KEYWORD_AT.lastIndex = i;
      if (YEAR_KEYWORD_AT.test(shape)) continue;
    }
    // "Kpts" right after the serial, an old-style number's word typed without its issuer ("SK
    // Sek 5-Kpts-2016"): the year after it is the number's.
    if ((word === "kpts" || word === "kpt") && afterNumber(shape, start)) continue;
    if (
      afterLamp &&
      (ROMAN.test(word) || (NUMBER_WORDS.has(word) && firstWordAt(shape, i) === len))
    ) {
      afterLamp = false;
      continue;
    }
    // … or a number in several words that ends the name ("… Th 2024 Lampiran Dua Puluh").
    if (afterLamp && manyWordsToEnd(shape, start)) return len;
    afterLamp = false;
    // "s.d." (sampai dengan) is typed as two letters apart.
    if (word === "s" && shape.startsWith(".d", i) && !isWordChar(shape.charCodeAt(i + 2))) {
      const next = numberAfter(shape, i + 2, c);
      if (next >= 0) {
        i = next;
        continue;
      }
    }
    if (JOINERS.has(word)) {
      const next = numberAfter(shape, i, c);
      if (next >= 0) {
        i = next;
        continue;
      }
    }
    c.phraseAt.lastIndex = start;
    const phrase = c.phraseAt.exec(shape);
    if (phrase) {
      i = start + phrase[0].length;
      // This office's place after "SK KPU" typed after the numbers ("19-Kpts-KPU-Kota-2016 SK
      // KPU Jakut Penetapan DPT"): the head's, as before them; from it, "KPU" stood alone.
      if (c.office !== null && BEFORE_PLACE_END.test(phrase[0])) {
        const place = ownPlaceEnd(shape, firstWordAt(shape, i), c.office);
        if (place > 0) i = place;
      } else if (c.office !== null) {
        // … and "KPU <this office's place>" after the decree's name, read from a number typed
        // before it ("DPT 2024 SK Ketua KPU Jakut No 97 …"): from it, "KPU" started the subject.
        c.office.ownAnchor.lastIndex = firstWordAt(shape, i);
        if (c.office.ownAnchor.test(shape)) i = c.office.ownAnchor.lastIndex;
      }
      continue;
    }
    return start;
  }
  return len;
}

/** The words before a decree's date of signing, as head.ts SIGNING_DATE reads them. */
const SIGNING: ReadonlySet<string> = new Set(SIGNED_WORDS);
/**
 * After a SIGNING word (and "pada", "tgl" or "ditetapkan" after it): a day and a month, by
 * number or name, and the year if typed with them ("2 Mei", "2-5-2024", "02.05.2024").
 */
const SIGNING_DATE_AT = new RegExp(
  String.raw`(?:[^a-z0-9]+(?:pada|tgl|tanggal|ditetapkan))?[^a-z0-9]+(?:0?[1-9]|[12]\d|3[01])(?:[\s./-]+(?:0?[1-9]|1[0-2])|[\s./-]*(?:${MONTH_ALTERNATION}))(?:[\s./-]+(?:19|20)\d{2})?(?![a-z0-9])`,
  "y",
);

/** Where "+" or "&" stands right before the word at `at`, spaces apart, or -1. */
function plusBefore(shape: string, at: number): number {
  let i = at - 1;
  while (i >= 0 && shape.charCodeAt(i) === 32) i--;
  const code = shape.charCodeAt(i);
  return code === 43 || code === 38 ? i : -1;
}

/** A phrase that ends where a place follows: "SK KPU", "Keputusan KPUD", "… Pemilihan Umum". */
const BEFORE_PLACE_END = /(?:kpud?|umum)[^a-z0-9]*$/;

/** A number glued to its keyword ("No11", "Th2021"): where its digits start. */
const GLUED_NUMBER = /(?<=(?<![a-z0-9])(?:no|nmr|nomor|th|thn|tahun))[0-9]/;
/** A word that is a keyword and its number glued ("th2021", "no11a"). */
const GLUED_KEYWORD = /^(?:no|nmr|nomor|th|thn|tahun)[0-9]+[a-z]?$/;

/** Whether the word at `at` in `shape` follows a number, one separator apart ("5-Kpts"). */
function afterNumber(shape: string, at: number): boolean {
  return at > 1 && !isWordChar(shape.charCodeAt(at - 1)) && isDigit(shape.charCodeAt(at - 2));
}

/** A number in several words (numbers.ts NUMBER_WORDS_MANY) and nothing after it, sticky. */
const MANY_WORDS_TO_END = new RegExp(`(?:${NUMBER_WORDS_MANY})[^a-z0-9]*$`, "y");

/** Whether `shape` from `at` is a number in several words and nothing else (MANY_WORDS_TO_END). */
function manyWordsToEnd(shape: string, at: number): boolean {
  MANY_WORDS_TO_END.lastIndex = at;
  return MANY_WORDS_TO_END.test(shape);
}

/**
 * Where a second number follows `at` (after a joiner), or -1: the next word is a number, or "No"
 * / "Nomor", or jenis words and then a number ("… jo SK 12 2023", "… dan Keputusan Ketua No 3").
 * The subject cannot start before it.
 */
function numberAfter(shape: string, at: number, c: CompiledRules): number {
  let i = at;
  for (;;) {
    while (i < shape.length && !isWordChar(shape.charCodeAt(i))) i++;
    if (i >= shape.length) return -1;
    if (isDigit(shape.charCodeAt(i))) return i;
    let j = i;
    while (j < shape.length && isWordChar(shape.charCodeAt(j))) j++;
    const w = shape.slice(i, j);
    if (w === "no" || w === "nomor" || w === "nomer" || w === "nmr") return i;
    if (!c.vocabulary.has(w)) return -1;
    i = j;
  }
}
