/**
 * Decree serials and years as the parser reads them. Pure; character scans rather than regexes,
 * because they run several times for every name.
 */

export function isDigit(code: number): boolean {
  return code >= 48 && code <= 57;
}

/** A letter of a word in folded text: `[a-z]`. */
export function isLetter(code: number): boolean {
  return code >= 97 && code <= 122;
}

/** A letter or digit of a word in folded text: `[a-z0-9]`. */
export function isWordChar(code: number): boolean {
  return (code >= 97 && code <= 122) || (code >= 48 && code <= 57);
}

function isAsciiLetter(code: number): boolean {
  return (code >= 97 && code <= 122) || (code >= 65 && code <= 90);
}

/**
 * "012a" → "12A"; null unless the text is digits and at most one ASCII letter, or for 0 or more
 * than 4 digits (not a serial), or for a letter that reads as a digit or stands for one
 * (DIGIT_LIKE: "1S" is 15 as often as a serial with a suffix, when a scanner's text recognition
 * named the file; "1x" is a digit not yet known), unless `anySuffix` (a canonical name, which
 * arsipd wrote: what it filed stays readable).
 */
export function normNomor(raw: string, anySuffix = false): string | null {
  const len = raw.length;
  let d = 0;
  while (d < len && isDigit(raw.charCodeAt(d))) d++;
  if (d === 0 || len - d > 1) return null;
  if (d < len && !isAsciiLetter(raw.charCodeAt(d))) return null;
  if (d < len && !anySuffix && DIGIT_LIKE.has(raw.charCodeAt(d) | 0x20)) return null;
  let z = 0;
  while (z < d - 1 && raw.charCodeAt(z) === 48) z++;
  if (d - z > 4 || (d - z === 1 && raw.charCodeAt(z) === 48)) return null;
  const digits = raw.slice(z, d);
  return d === len ? digits : digits + raw[d]!.toUpperCase();
}

/**
 * Lower-case letters that text recognition reads for digits and that no serial's suffix uses: o, i,
 * l (0, 1), z (2), s (5), g (6), q (0); and x, the placeholder clerks type for a digit they do
 * not know yet ("No 1x", "No 12x": 10–19 or 120–129?). "B" (8) is left: suffixes run A, B, C …
 * and "12B" is as often a real one.
 */
const DIGIT_LIKE: ReadonlySet<number> = new Set([..."oilzsgqx"].map((ch) => ch.charCodeAt(0)));

/** Four digits from 1900 to 2199: read as a year, not a serial. */
export function isYearShaped(t: string): boolean {
  if (t.length !== 4) return false;
  for (let i = 0; i < 4; i++) if (!isDigit(t.charCodeAt(i))) return false;
  return isYearDigits(t);
}

/**
 * isYearShaped for text known to be digits (a regex's `[0-9]` capture): compared as text, with
 * no loop and no number conversion, since fast.ts runs it for most names and TurboFan compiled
 * the inlined loop of isYearShaped three times there (a fresh process waits for that compile).
 */
export function isYearDigits(digits: string): boolean {
  return digits.length === 4 && digits >= "1900" && digits <= "2199";
}

/**
 * The value of four ASCII digits, as the readers capture a year (`[0-9]{4}`): Number() of a
 * fresh string goes through the runtime, which hashes it first (to tell an array index).
 */
export function fourDigits(digits: string): number {
  return (
    (digits.charCodeAt(0) - 48) * 1000 +
    (digits.charCodeAt(1) - 48) * 100 +
    (digits.charCodeAt(2) - 48) * 10 +
    (digits.charCodeAt(3) - 48)
  );
}

/**
 * The words that introduce or qualify a decree's fields in a head (No, Nomor, Th, Tahun, Lampiran,
 * Salinan, "ke"): never the start of a subject, and never the words of an issuer.
 */
export const HEAD_KEYWORDS = new Set([
  "nomor",
  "nomer",
  "nmr",
  "no",
  "tahun",
  "thn",
  "th",
  "tah",
  "lampiran",
  "lamp",
  "ke",
  "salinan",
]);

/**
 * "Lampiran" or "lamp" as a regex source, and the misspellings clerks type that keep "lamp"
 * ("Lampran II", "lampira 2", "Lampiaran 3"): read as any other, such an attachment was filed in
 * its decree's own slot, the misspelt word its subject.
 */
export const LAMPIRAN_WORD = "lamp(?:iran|ran|ira|irn|ian|rian|iarn|irna|iraan|iiran|irran|iaran)?";

/** The words before a page's number ("hal 2", "Halaman 2", "page-0001", "hlm 2-3"), a regex source. */
export const PAGE_WORD = "hal(?:aman)?|hlm|page|pages|pg|p|lembar|lbr";
/** The words before a part's or a volume's number ("part 1", "Bagian 2", "Jilid 2", "Vol. II"). */
export const PART_WORDS: readonly string[] = ["part", "bagian", "bag", "jilid", "volume", "vol"];

/** The start of the first word `[a-z0-9]+` that starts with a digit. */
export const FIRST_NUMBER = /(?<![a-z0-9])[0-9]/;

/**
 * Whether the word at `at` follows "Lampiran" / "Lamp" (and "ke"): it is the attachment's number,
 * not the decree's (subject-start.ts subjectStart, issuer.ts checkIssuer). Reads back at most two
 * words, by hand.
 */
export function afterLampiran(shape: string, at: number): boolean {
  let end = at;
  while (end > 0 && !isWordChar(shape.charCodeAt(end - 1))) end--;
  let start = end;
  while (start > 0 && isWordChar(shape.charCodeAt(start - 1))) start--;
  if (end - start === 2 && shape.startsWith("ke", start)) {
    end = start;
    while (end > 0 && !isWordChar(shape.charCodeAt(end - 1))) end--;
    start = end;
    while (start > 0 && isWordChar(shape.charCodeAt(start - 1))) start--;
  }
  return (
    (end - start === 8 && shape.startsWith("lampiran", start)) ||
    (end - start === 4 && shape.startsWith("lamp", start))
  );
}

/**
 * Numbers written as words, as clerks type an attachment's or a part's number ("Lampiran Dua",
 * "Lampiran Kedua", "Bagian Satu"): the cardinals one to ten and their ordinals ("kesatu" and
 * "pertama" are both "first"). Read only right after such a word, never as a serial.
 */
export const NUMBER_WORDS: ReadonlyMap<string, number> = new Map(
  ["satu", "dua", "tiga", "empat", "lima", "enam", "tujuh", "delapan", "sembilan", "sepuluh"]
    .flatMap((w, i): [string, number][] => [
      [w, i + 1],
      [`ke${w}`, i + 1],
    ])
    .concat([["pertama", 1]]),
);

/** NUMBER_WORDS as a regex alternation, longest first (an ordinal before its cardinal). */
export const NUMBER_WORD = [...NUMBER_WORDS.keys()].sort((a, b) => b.length - a.length).join("|");

/** The units typed as words, "satu" (1) to "sembilan" (9). */
const UNITS = ["satu", "dua", "tiga", "empat", "lima", "enam", "tujuh", "delapan", "sembilan"];
const UNIT = UNITS.join("|");
const UNIT_FROM_TWO = UNITS.slice(1).join("|");
const GAP = String.raw`[\s_-]+`;
const TENS = `sepuluh|sebelas|(?:${UNIT_FROM_TWO})${GAP}belas|(?:${UNIT_FROM_TWO})${GAP}puluh(?:${GAP}(?:${UNIT}))?`;
const HUNDREDS = `seratus|(?:${UNIT_FROM_TWO})${GAP}ratus`;

/**
 * A number from 10 to 999 typed in words, an ordinal's "ke" perhaps first ("sebelas", "dua
 * belas", "dua puluh satu", "kedua puluh", "seratus dua puluh"): a regex alternation, for a
 * caller to try before NUMBER_WORD, whose words start most of these ("Lampiran Dua Puluh" is
 * attachment 20, not attachment 2 and a stray word). wordsValue reads what it matches.
 */
export const NUMBER_WORDS_MANY = `(?:ke[\\s_-]*)?(?:(?:${HUNDREDS})(?:${GAP}(?:${TENS}|${UNIT}))?|${TENS})`;

const UNIT_VALUE: ReadonlyMap<string, number> = new Map(UNITS.map((w, i) => [w, i + 1]));
const MANY_WHOLE = new RegExp(`^(?:${NUMBER_WORDS_MANY})$`);

/**
 * The value of a number typed in words (a NUMBER_WORDS word, or what NUMBER_WORDS_MANY matches,
 * folded), or 0 when `text` is none.
 */
export function wordsValue(text: string): number {
  const single = NUMBER_WORDS.get(text);
  if (single !== undefined) return single;
  if (!MANY_WHOLE.test(text)) return 0;
  // No number word starts with "ke": it is an ordinal's, glued or apart.
  const words = text.replace(/^ke[\s_-]*/, "").split(/[\s_-]+/);
  let total = 0;
  let tens = 0;
  for (const w of words) {
    const unit = UNIT_VALUE.get(w);
    if (unit !== undefined) tens += unit;
    else if (w === "sepuluh") tens += 10;
    else if (w === "sebelas") tens += 11;
    else if (w === "belas") tens += 10;
    else if (w === "puluh") tens *= 10;
    else if (w === "seratus") total += 100;
    else if (w === "ratus") {
      total += tens * 100;
      tens = 0;
    } else return 0;
  }
  return total + tens;
}
