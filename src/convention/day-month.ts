/**
 * A day typed before a month's name right where the subject starts ("SK Ketua Th 2024 5 Mei
 * 2024", "… 2024 (5 Juni)"): the subject starts at the month, so the day stayed in the head and
 * was read as a bare serial, filing the decree as number 5. Without a "No"/"Nomor" keyword
 * before a number the head's serial may be that day: the name is refused as NO_NUMBER (parse.ts
 * reads it again without a dated "5 Mei 2024", stamps.ts). With the keyword the serial is the
 * typed one. Pure.
 */
import { isDigit, isWordChar } from "./numbers.js";
import { reject } from "./reasons.js";
import type { ParseRejected } from "./types.js";

const MONTHS = new Set([
  "januari",
  "jan",
  "februari",
  "pebruari",
  "feb",
  "peb",
  "maret",
  "mar",
  "april",
  "apr",
  "mei",
  "juni",
  "jun",
  "juli",
  "jul",
  "agustus",
  "agust",
  "agu",
  "agt",
  "september",
  "sept",
  "sep",
  "oktober",
  "okt",
  "november",
  "nopember",
  "nov",
  "nop",
  "desember",
  "des",
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

const NO_KEYWORD = /(?<![a-z0-9])(?:nomor|nomer|nmr|no)[\s.:_-]*[0-9]/;

/** What may stand between a day and its month: " ", ".", "-", "_", "(". */
function isGap(code: number): boolean {
  return code === 0x20 || code === 0x2e || code === 0x2d || code === 0x5f || code === 0x28;
}

/**
 * The refusal for a head whose serial may be a day (see above), or null. `folded` is the name,
 * `head` its head, `tail` where the subject starts (typed without "tentang").
 */
export function dayBeforeMonth(folded: string, head: string, tail: number): ParseRejected | null {
  // The day: one or two digits, then only gaps up to the subject. Most subjects follow a year
  // (four digits) or a word, which the first steps see.
  let i = tail;
  while (i > 0 && isGap(folded.charCodeAt(i - 1))) i--;
  let j = i;
  while (j > 0 && isDigit(folded.charCodeAt(j - 1))) j--;
  if (i - j < 1 || i - j > 2 || i === tail || (j > 0 && isWordChar(folded.charCodeAt(j - 1)))) {
    return null;
  }
  let e = tail;
  while (e < folded.length && isWordChar(folded.charCodeAt(e))) e++;
  if (e - tail > 9 || !MONTHS.has(folded.slice(tail, e))) return null;
  return NO_KEYWORD.test(head) ? null : reject("NO_NUMBER");
}
