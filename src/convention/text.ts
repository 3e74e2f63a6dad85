/**
 * Text helpers of the convention: accent folding that keeps string positions, and the slug.
 * Pure; no I/O.
 */
import { isWordChar } from "./numbers.js";
import { cutSlug } from "./slug-cut.js";

const MARKS = /[\u0300-\u036f]/g;
const NON_WORD_RUN = /[^a-z0-9]+/g;
/** A gap that is not a single space: a control character, "_", other white space, two in a row. */
// biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are what we look for
const ODD_GAP = /[\u0000-\u001f\u007f_]|[^\S ]|\s\s/;

/** "tentang" and its short forms as a word of folded text: where a subject starts. */
export const TENTANG = /(?<![a-z0-9])(?:tentang|ttg|tntg)(?![a-z0-9])/;

/** C0 control characters and DEL (built from a string: they are the point, not a typo). */
// biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are what we match
export const CONTROL_CHARS = /[\u0000-\u001f\u007f]/g;

// biome-ignore lint/suspicious/noControlCharactersInRegex: the ASCII range is the point
const NON_ASCII = /[^\u0000-\u007f]/;
// biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are what we look for
const CONTROL_CHAR = /[\u0000-\u001f\u007f]/;
const NOT_PRINTABLE_OR_SLASH = /[^\u0020-\u002e\u0030-\u007e]/;

/**
 * Whether `s` is plain ASCII. Most names are, and ASCII is already NFC/NFD/NFKD with nothing to
 * fold, so callers use this to skip Unicode normalisation, which costs far more than the test.
 * (A regex scans a string several times faster than a charCodeAt loop in V8.)
 */
export function isAscii(s: string): boolean {
  return !NON_ASCII.test(s);
}

/**
 * Whether `s` is printable ASCII (U+0020–U+007E) without "/": ASCII (see isAscii), and free of
 * control characters and "/", which most names are; one scan instead of four.
 */
export function isPrintableAsciiNoSlash(s: string): boolean {
  return !NOT_PRINTABLE_OR_SLASH.test(s);
}

/** Whether the UTF-16 unit is one a regex `\s` matches (and `String.prototype.trim` removes). */
export function isSpace(code: number): boolean {
  if (code < 0x80) return code === 0x20 || (code >= 0x09 && code <= 0x0d);
  return (
    code === 0xa0 ||
    code === 0x1680 ||
    (code >= 0x2000 && code <= 0x200a) ||
    code === 0x2028 ||
    code === 0x2029 ||
    code === 0x202f ||
    code === 0x205f ||
    code === 0x3000 ||
    code === 0xfeff
  );
}

/** Whether `s` holds a C0 control character or DEL (what CONTROL_CHARS matches). */
export function hasControlChar(s: string): boolean {
  return CONTROL_CHAR.test(s);
}

/** Characters no one sees: zero-width space, joiners, word joiner, BOM, soft hyphen. */
const INVISIBLE = /[\u200b-\u200d\u2060\ufeff\u00ad]/g;
/** The numero sign and "N°"/"Nº" (what "No" is typed as from a symbol table or a French keyboard). */
const NUMERO = /\u2116|(?<![A-Za-z])([Nn])[\u00b0\u00ba]/g;

/**
 * `nfc` as a clerk sees it: invisible characters removed ("SK Ket\u200bua No 2\u200b5" is "SK
 * Ketua No 25" on screen), the numero sign read as "No" and a Roman numeral's character as its
 * letters ("Lampiran Ⅱ"). The same string when it has none.
 */
export function asSeen(nfc: string): string {
  return nfc
    .replace(INVISIBLE, "")
    .replace(NUMERO, (_, n: string | undefined) => `${n ?? "N"}o`)
    .replace(ROMAN_NUMERALS, (ch) => ch.normalize("NFKC"));
}
/** Unicode's Roman numerals ("Ⅱ", "ⅳ"), which a symbol table types for "Lampiran II": the letters. */
const ROMAN_NUMERALS = /[\u2160-\u217f]/g;

/**
 * Folds accents per code point ("é" → "e"), full-width ASCII and dashes ("–" → "-"), and
 * lower-cases ASCII, keeping the UTF-16 length of an NFC string, so an index into the result is
 * an index into the input. Characters that do not fold to a single unit are kept as they are.
 */
export function foldSameLength(nfc: string): string {
  if (isAscii(nfc)) return nfc.toLowerCase();
  let out = "";
  for (const ch of nfc) {
    // Full-width ASCII ("１２", "ＳＫ", typed with an East Asian input method): the ASCII form,
    // one unit for one, as the slug's NFKD fold reads it.
    const code = ch.charCodeAt(0);
    if (code >= 0xff01 && code <= 0xff5e) {
      out += String.fromCharCode(code - 0xfee0).toLowerCase();
      continue;
    }
    // Dashes other than "-" (hyphen, figure dash, en and em dash, minus sign): "-" for every
    // reader, so "No 15‒A" is read as "No 15-A" is (its letter apart), never as "No 15".
    if ((code >= 0x2010 && code <= 0x2015) || code === 0x2212) {
      out += "-";
      continue;
    }
    // A dotless "ı" (a Turkish keyboard's "i"), which no decomposition makes "i": "Sekretarıs".
    if (code === 0x131) {
      out += "i";
      continue;
    }
    const base = ch.normalize("NFD").replace(MARKS, "");
    const one = base.length === ch.length ? base : ch;
    out += one.replace(/[A-Z]/g, (c) => c.toLowerCase());
  }
  return out;
}

/** The words `[a-z0-9]+` of `s` after the full fold (phrases from the config). */
export function foldedWords(s: string): string[] {
  return foldFull(s)
    .split(/[^a-z0-9]+/)
    .filter((w) => w.length > 0);
}

/** A word `[a-z0-9]+` of a folded text and where it ends. */
export interface WordAt {
  word: string;
  end: number;
}

/** The word `[a-z0-9]+` of `folded` at `at` ("" when none starts there). */
export function wordAt(folded: string, at: number): string {
  let end = at;
  while (end < folded.length && isWordChar(folded.charCodeAt(end))) end++;
  return folded.slice(at, end);
}

/** The word `[a-z0-9]+` of `folded` that ends before `at`, other characters apart ("" for none). */
export function wordBefore(folded: string, at: number): string {
  let end = at;
  while (end > 0 && !isWordChar(folded.charCodeAt(end - 1))) end--;
  let start = end;
  while (start > 0 && isWordChar(folded.charCodeAt(start - 1))) start--;
  return folded.slice(start, end);
}

/** The words `[a-z0-9]+` of `s` from `at` on (U+0000 blanks separate words like any other). */
export function wordsFrom(s: string, at: number): WordAt[] {
  const out: WordAt[] = [];
  let i = at;
  while (i < s.length) {
    while (i < s.length && !isWordChar(s.charCodeAt(i))) i++;
    const start = i;
    while (i < s.length && isWordChar(s.charCodeAt(i))) i++;
    if (i > start) out.push({ word: s.slice(start, i), end: i });
  }
  return out;
}

/** Full fold for slugs: NFKD, marks stripped, a dotless "ı" made "i", lower-case. */
export function foldFull(s: string): string {
  if (isAscii(s)) return s.toLowerCase();
  return s
    .normalize("NFKD")
    .replace(MARKS, "")
    .replace(/\u0131/g, "i")
    .toLowerCase();
}

/**
 * The subject as a slug: lower-case ASCII words `[a-z0-9]+` joined by "-", a leading "tentang"
 * dropped, cut at a word boundary to at most `budget` characters. A first word longer than the
 * budget is cut hard (an archive name keeps at least the start of the subject). Empty string
 * when nothing is left or the budget is not positive.
 */
export function slug(tentang: string, budget: number): string {
  if (budget <= 0) return "";
  return cutSlug(foldFull(tentang).replace(NON_WORD_RUN, "-"), budget);
}

/** Anything but words `[a-z0-9]+` apart by a single " " or "-". */
const NOT_SINGLE_GAPS = /[^a-z0-9 -]|[ -]{2}/;

/**
 * Whether folded text is words `[a-z0-9]+` apart by single spaces or dashes, perhaps with one at
 * either end: most subjects, every canonical slug. Such a subject, folded from printable ASCII,
 * holds no odd gap either (cleanTentang).
 */
export function hasSingleGaps(folded: string): boolean {
  return !NOT_SINGLE_GAPS.test(folded);
}

/**
 * The slug of a folded subject: `cutSlug(folded.replace(/[^a-z0-9]+/g, "-"), budget)`, for text
 * folded to lower-case ASCII (a canonical name's slug is such text). When its words are apart
 * by single spaces or dashes (most subjects, every canonical slug), every gap stays one
 * character, so the ends, the "tentang" and the cut are found in `folded` itself and only the
 * kept words are joined: the same result without building the joined text and scanning it again.
 * `singleGaps` is hasSingleGaps(folded), when the caller knows it.
 */
export function slugOfFolded(
  folded: string,
  budget: number,
  singleGaps = hasSingleGaps(folded),
): string {
  if (budget <= 0) return "";
  if (!singleGaps) return cutSlug(folded.replace(NON_WORD_RUN, "-"), budget);
  let start = 0;
  let end = folded.length;
  if (start < end && !isWordChar(folded.charCodeAt(start))) start++;
  if (end > start && !isWordChar(folded.charCodeAt(end - 1))) end--;
  if (folded.startsWith("tentang", start)) {
    if (end - start === 7) return "";
    if (!isWordChar(folded.charCodeAt(start + 7))) start += 8;
  }
  // A subject too long for the name is cut by cutSlug, which keeps an election year at its end.
  if (end - start > budget) return cutSlug(folded.slice(start, end).replace(/ /g, "-"), budget);
  const kept = start === 0 && end === folded.length ? folded : folded.slice(start, end);
  return kept.includes(" ") ? spacesToDashes(kept) : kept;
}

/** `s` with each " " made "-", joined by hand: several times cheaper than a regex replace. */
function spacesToDashes(s: string): string {
  let out = "";
  let from = 0;
  for (let i = s.indexOf(" "); i >= 0; i = s.indexOf(" ", from)) {
    out += `${s.slice(from, i)}-`;
    from = i + 1;
  }
  return out + s.slice(from);
}

/** A control character, "_" or white space: a gap between words of a subject. */
function isGap(code: number): boolean {
  return code < 0x20 || code === 0x7f || code === 0x5f || isSpace(code);
}

/** Dashes (-, –, —) and . , ; : ( [ — with gaps, what is stripped from the end of a subject. */
function isTrailJunk(code: number): boolean {
  return (
    isGap(code) ||
    code === 0x2d ||
    code === 0x2013 ||
    code === 0x2014 ||
    code === 0x2e ||
    code === 0x2c ||
    code === 0x3b ||
    code === 0x3a ||
    code === 0x28 ||
    code === 0x5b
  );
}

/** What is stripped from the start: the same, and closing brackets too. */
function isLeadJunk(code: number): boolean {
  return code === 0x29 || code === 0x5d || isTrailJunk(code);
}

/**
 * The subject as typed: control characters, "_" and white space runs read as one space, stray
 * punctuation at the ends removed (a closing bracket ends a subject, so it stays at the end).
 * Null when nothing is left. One scan; most subjects come back as a single slice. `noOddGap`:
 * the caller knows `raw` holds no gap but single spaces (e.g. hasSingleGaps of it folded).
 */
export function cleanTentang(raw: string, noOddGap = false): string | null {
  let start = 0;
  let end = raw.length;
  while (start < end && isLeadJunk(raw.charCodeAt(start))) start++;
  while (end > start && isTrailJunk(raw.charCodeAt(end - 1))) end--;
  if (start === end) return null;
  if (noOddGap || !ODD_GAP.test(raw)) return raw.slice(start, end);
  // Both ends are now words, so every gap run below is inside the subject.
  let out = "";
  let from = start;
  for (let i = start; i < end; i++) {
    if (!isGap(raw.charCodeAt(i))) continue;
    let j = i + 1;
    while (isGap(raw.charCodeAt(j))) j++;
    if (j - i > 1 || raw.charCodeAt(i) !== 0x20) {
      out += `${raw.slice(from, i)} `;
      from = j;
    }
    i = j - 1;
  }
  return from === start ? raw.slice(start, end) : out + raw.slice(from, end);
}

/** `s` with the characters a regex gives a meaning escaped: a word or phrase as a pattern. */
export function escapeRe(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}
