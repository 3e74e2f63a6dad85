/**
 * Text helpers of the convention: accent folding that keeps string positions, and the slug.
 * Pure; no I/O.
 */

const MARKS = /[\u0300-\u036f]/g;

/** C0 control characters and DEL (built from a string: they are the point, not a typo). */
// biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are what we match
export const CONTROL_CHARS = /[\u0000-\u001f\u007f]/g;

// biome-ignore lint/suspicious/noControlCharactersInRegex: the ASCII range is the point
const ASCII_ONLY = /^[\u0000-\u007f]*$/;

/**
 * Whether `s` is plain ASCII. Most names are, and ASCII is already NFC/NFD/NFKD with nothing to
 * fold, so callers use this to skip Unicode normalisation, which costs far more than the test.
 */
export function isAscii(s: string): boolean {
  return ASCII_ONLY.test(s);
}

/**
 * Folds accents per code point ("é" → "e"), dashes ("–" → "-") and a dotless "ı", and lower-cases
 * ASCII, keeping the UTF-16 length of an NFC string, so an index into the result is an index into
 * the input. Characters that do not fold to a single unit are kept as they are.
 */
export function foldSameLength(nfc: string): string {
  if (isAscii(nfc)) return nfc.toLowerCase();
  let out = "";
  for (const ch of nfc) {
    if (/^[\u2010-\u2015\u2212]$/.test(ch)) {
      out += "-";
      continue;
    }
    if (ch === "\u0131") {
      out += "i";
      continue;
    }
    const base = ch.normalize("NFD").replace(MARKS, "");
    const one = base.length === ch.length ? base : ch;
    out += one.replace(/[A-Z]/g, (c) => c.toLowerCase());
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
 * dropped. Empty string when nothing is left.
 */
export function slugWords(tentang: string): string[] {
  const words = foldFull(tentang).match(/[a-z0-9]+/g) ?? [];
  if (words[0] === "tentang") words.shift();
  return words;
}

/**
 * Joins words with "-" up to `budget` characters, cutting at a word boundary; a first word longer
 * than the budget is cut hard (an archive name keeps at least the start of the subject).
 */
export function cutSlug(words: string[], budget: number): string {
  if (budget <= 0) return "";
  let out = "";
  for (const w of words) {
    const next = out ? `${out}-${w}` : w;
    if (next.length <= budget) out = next;
    else {
      if (!out) out = w.slice(0, budget);
      break;
    }
  }
  return out;
}
