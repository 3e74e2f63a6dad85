/**
 * "Lampiran" and "Salinan" misspelt by one letter ("Lmpiran 4", "Sallinan SK Ketua …"): read as
 * any other word, an attachment or a certified copy was filed in the decree's own slot, the
 * misspelt word dropped or kept as its subject. The names that keep "lamp" are read as
 * "Lampiran" (numbers.ts LAMPIRAN_WORD); the others are refused where a qualifier stands,
 * before a number at the subject's end, as the name's first word and as the subject's, with a
 * message that says which word to write; so is a phone's autocorrect "Lampu" with a number at
 * the subject's end (autocorrectAtEnd), and so is a "Lampiran" cut to "Lampi" (cutLampiran).
 * Pure.
 */
import { isLetter, LAMPIRAN_WORD } from "./numbers.js";
import { ENGLISH_WORDS, holdsAny } from "./subject-hints.js";

const READ_AS_LAMPIRAN = new RegExp(`^(?:${LAMPIRAN_WORD})$`);

/**
 * The qualifier word `word` (folded) misspells, one letter off ("lmpiran", "lampiarn",
 * "sallinan", "salian"), or null: itself, a spelling LAMPIRAN_WORD reads, or another word.
 */
export function qualifierTypo(word: string): "Lampiran" | "Salinan" | null {
  const n = word.length;
  if (n < 6 || n > 9) return null;
  const first = word.charCodeAt(0);
  if (first === 0x6c) {
    return !READ_AS_LAMPIRAN.test(word) && oneOff(word, "lampiran") ? "Lampiran" : null;
  }
  return first === 0x73 && word !== "salinan" && oneOff(word, "salinan") ? "Salinan" : null;
}

/** Whether `a` is one letter off `b`: one letter left out, added, changed or swapped with the next. */
function oneOff(a: string, b: string): boolean {
  if (a === b) return false;
  const la = a.length;
  const lb = b.length;
  if (Math.abs(la - lb) > 1) return false;
  let i = 0;
  while (i < la && i < lb && a[i] === b[i]) i++;
  if (la === lb) {
    // Changed, or swapped with the next.
    if (a.slice(i + 1) === b.slice(i + 1)) return true;
    return a[i] === b[i + 1] && a[i + 1] === b[i] && a.slice(i + 2) === b.slice(i + 2);
  }
  // One left out or added.
  return la > lb ? a.slice(i + 1) === b.slice(i) : a.slice(i) === b.slice(i + 1);
}

/**
 * The first word of `folded.slice(from, end)` when it misspells a qualifier (qualifierTypo),
 * else null: the name's first word, or a subject's, where a qualifier after the numbers stands
 * ("… Th 2023 Lmpiran 6 PPK Tanjung Priok").
 */
export function leadingQualifierTypo(folded: string, from = 0, end = folded.length): string | null {
  let s = from;
  while (s < end && !isLetter(folded.charCodeAt(s))) s++;
  // Most names start with "sk", "kep" or a number, most subjects with another letter: a look at
  // one letter answers for them.
  const c = folded.charCodeAt(s);
  if (c !== 0x6c && c !== 0x73) return null;
  let e = s;
  while (e < end && isLetter(folded.charCodeAt(e))) e++;
  // One "1" or "0" between letters: OCR's "i" or "o" ("SAL1NAN", "LAMP1RAN"), one letter off.
  const ocr = folded.charCodeAt(e);
  if ((ocr === 0x31 || ocr === 0x30) && e + 1 < end && isLetter(folded.charCodeAt(e + 1))) {
    e++;
    while (e < end && isLetter(folded.charCodeAt(e))) e++;
  }
  if (e - s < 6 || e - s > 9) return null;
  const word = folded.slice(s, e);
  return qualifierTypo(word) === null ? null : word;
}

/**
 * The last word of the subject `folded.slice(from, end)` when it misspells a qualifier
 * (qualifierTypo), else null. Most subjects end with another letter than "n".
 */
export function trailingQualifierTypo(folded: string, from: number, end: number): string | null {
  let e = end;
  while (e > from && !isLetter(folded.charCodeAt(e - 1))) e--;
  if (folded.charCodeAt(e - 1) !== 0x6e) return null;
  let s = e;
  while (s > from && e - s <= 9 && isLetter(folded.charCodeAt(s - 1))) s--;
  // Only a word of six to nine letters that starts as "lampiran" or "salinan" may be one.
  const first = folded.charCodeAt(s);
  if (e - s < 6 || e - s > 9 || (first !== 0x6c && first !== 0x73)) return null;
  const word = folded.slice(s, e);
  return qualifierTypo(word) === null ? null : word;
}

/**
 * "Lampu" (a lamp) and an attachment's number, digits or Roman, ending the subject `folded.slice(
 * from, end)` ("… Lampu III", "lampu 2"): a phone's autocorrect of "Lamp", as shown, or null.
 * Read as the subject's words, the attachment took the decree's slot. "Lampu" in running text
 * ("Pengadaan Lampu Penerangan TPS") is the subject's.
 */
export function autocorrectAtEnd(folded: string, from: number, end: number): string | null {
  if (!folded.includes("lampu", from)) return null;
  return LAMPU_AT_END.test(folded.slice(from, end)) ? "lampu" : null;
}
const LAMPU_AT_END = /(?:^|[^a-z0-9])lampu[\s._-]*(?:[ivx]{1,4}|\d{1,2})[^a-z0-9]*$/;

/**
 * An attachment or a certified copy named in English ("… - Attachment 2", "(certified copy)"),
 * anywhere in `folded`: as shown, or null. Read as any other word, the attachment or the copy was
 * filed in the decree's own slot; the name is refused, saying to write "Lampiran"/"Salinan".
 * Decree titles in Indonesian use neither word; a substring test answers for most names.
 */
export function englishQualifier(folded: string): string | null {
  if (!holdsAny(folded, ENGLISH_WORDS)) return null;
  const m = ENGLISH_QUALIFIER.exec(folded);
  return m === null ? null : m[0];
}
const ENGLISH_QUALIFIER =
  /(?<![a-z0-9])(?:attach(?:e?ments?)?|certified(?:[^a-z0-9]+(?:true[^a-z0-9]+)?cop(?:y|ies))?)(?![a-z0-9])/;

/**
 * "Lampi" as a word of `stem` (as typed), which the attachment readers take for "Lamp I" glued:
 * or "Lampiran" cut short, a long title cut at a path's limit, whose decree was then filed as
 * its attachment 1. The word as typed, or null (also for "LampI", the numeral plainly glued).
 */
export function cutLampiran(stem: string): string | null {
  const m = CUT_LAMPIRAN.exec(stem);
  return m === null || m[0] === "LampI" ? null : m[0];
}
const CUT_LAMPIRAN = /(?<![a-z0-9])lampi(?![a-z0-9])/i;
