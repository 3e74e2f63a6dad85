/**
 * A number typed before a word that makes it a day or a count, right where the subject starts:
 * a month's name ("SK Ketua Th 2024 5 Mei 2024", "… 2024 (5 Juni)"), a page or sheet count
 * ("2 of 3", "2 dari 3", "3 lembar"; not "hal", which also means "subject"). The subject starts
 * at that word, so the number stayed in the head and was read as a bare serial, filing the
 * decree as number 5 or 2. (A resolution, "300 dpi", starts the subject itself: lenient.ts
 * resolutionAt.) Without a "No"/"Nomor" keyword before a number the head's serial may be that one:
 * the name is refused as NO_NUMBER (parse.ts reads it again without a dated "5 Mei 2024",
 * stamps.ts). With the keyword the serial is the typed one. Pure.
 */
import { MONTH_NAMES } from "./months.js";
import { isDigit, isWordChar } from "./numbers.js";
import { reject } from "./reasons.js";
import type { ParseRejected } from "./types.js";

/** The month names of dates, and the English ones of scanner and phone apps' dates. */
const MONTHS = new Set([
  ...MONTH_NAMES,
  "january",
  "february",
  "march",
  "may",
  "june",
  "july",
  "august",
  "october",
  "oct",
  "december",
  "dec",
]);

/** Words after a number that make it a count, not a serial. */
const COUNTS = new Set(["of", "dari", "lembar", "lbr", "halaman", "hlm", "page", "pages"]);

const NO_KEYWORD = /(?<![a-z0-9])(?:nomor|nomer|nmr|no)[\s.:_-]*[0-9]/;

/** What may stand between a day and its month: " ", ".", "-", "_", "(". */
function isGap(code: number): boolean {
  return code === 0x20 || code === 0x2e || code === 0x2d || code === 0x5f || code === 0x28;
}

/**
 * The refusal for a head whose serial may be a day or a count (see above), or null. `folded` is
 * the name; its head is what stands before `tail`, where the subject starts (no "tentang").
 */
export function dayBeforeMonth(folded: string, tail: number): ParseRejected | null {
  // The day or count: one to four digits, then only gaps up to the subject. Most subjects
  // follow a year or a word, which the first steps see.
  let i = tail;
  while (i > 0 && isGap(folded.charCodeAt(i - 1))) i--;
  let j = i;
  while (j > 0 && isDigit(folded.charCodeAt(j - 1))) j--;
  // A year before the subject (most names): no day, and no count clerks type.
  if (i - j === 4 && (folded.charCodeAt(j) === 0x31 || folded.charCodeAt(j) === 0x32)) return null;
  if (i - j < 1 || i - j > 4 || i === tail || (j > 0 && isWordChar(folded.charCodeAt(j - 1)))) {
    return null;
  }
  let e = tail;
  while (e < folded.length && isWordChar(folded.charCodeAt(e))) e++;
  if (e - tail > 9) return null;
  const word = folded.slice(tail, e);
  if (!(i - j <= 2 && MONTHS.has(word)) && !COUNTS.has(word)) return null;
  // "2 of 3", "2 dari 3": only with a number after ("12 dari Bawaslu" is the origin's, office.ts).
  if (word === "of" || word === "dari") {
    while (e < folded.length && isGap(folded.charCodeAt(e))) e++;
    if (!isDigit(folded.charCodeAt(e))) return null;
  }
  return NO_KEYWORD.test(folded.slice(0, tail)) ? null : reject("NO_NUMBER");
}
