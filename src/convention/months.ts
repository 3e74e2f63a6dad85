/**
 * Month names as clerks type them in dates ("10 Mei 2024", "5 Agust 2024", "12 Nop 2023"):
 * full, abbreviated and the old spellings. One list for every reading of a date (head.ts
 * blanks dates, stamps.ts drops them, day-month.ts refuses a day read as the serial). Data only.
 */
export const MONTH_NAMES: readonly string[] = [
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
];

/**
 * MONTH_NAMES as a regex alternation. Where it is used a date's year must follow the name after
 * separators only, so at most one alternative can match and their order does not matter.
 */
export const MONTH_ALTERNATION = MONTH_NAMES.join("|");
