/**
 * A subject typed in the head, for a name with none after its numbers: before the decree's name
 * ("Penetapan DPT - SK Ketua No 12 Th 2024") or between the name and its numbers ("SK Ketua
 * Penetapan DPT No 12 Th 2024"). Without it the decree is filed without a slug, and the
 * register's Tentang is empty. Pure.
 *
 * Read only where it cannot be something else: at least two words of letters, none a keyword, a
 * word of this office's names or of a place (`headWord` "office": "SK KPU Jakut Penetapan DPT …"
 * keeps no "jakut"), a jenis phrase's word but at the end (`headWord` "name") or a word of
 * NOT_SUBJECT, and no noise or marker among them (subject.ts isPlainSubject, as for a subject
 * after the numbers). Its only digits are a count after its counting word ("Tahap 2") and, typed
 * before the name, a year after its words ("Pilkada 2024"); a date or a time stamp in front is
 * left out, as is a joining word at the end ("… DPT oleh SK Ketua"). The head's office checks
 * have read these words already (lenient.ts runs officeAfterSubject over the head), so another
 * office's decree typed this way is refused before it gets here.
 */

import { COUNTERS } from "./head.js";
import { JOINING_WORDS } from "./joining-words.js";
import { HEAD_KEYWORDS, isDigit, isWordChar, isYearShaped } from "./numbers.js";
import { isPlainSubject } from "./subject.js";
import { wordBefore } from "./text.js";

/**
 * Words that name the file, not its decision ("Berkas SK Ketua …", "File Baru SK Ketua …"), or
 * the capacity the issuer signs in ("SK Sekretaris selaku KPA No 4 …", budget-role.ts): never a
 * subject typed in the head.
 */
const NOT_SUBJECT = new Set([
  "arsip",
  "baru",
  "berkas",
  "camscanner",
  "dok",
  "doc",
  "dokumen",
  "file",
  "fw",
  "fwd",
  "image",
  "img",
  "kiriman",
  "new",
  "re",
  "sebagai",
  "selaku",
  "untitled",
  "wa",
  "whatsapp",
]);

const JOINING: ReadonlySet<string> = new Set(JOINING_WORDS);

/** The fewest words a subject typed in the head has: one word alone is as likely a tag. */
const MIN_WORDS = 2;

/**
 * Where the subject typed in `head` (the head as lenient.ts read it: `folded` up to its end,
 * dates and noise blanked) starts and ends, or null. The decree's name starts at `name`
 * (nameStart; -1 for none), and `phraseAt` (rules.ts's, sticky) tells where it ends.
 */
export function headSubject(
  head: string,
  name: number,
  phraseAt: RegExp,
  headWord: (word: string) => "name" | "office" | null,
): [number, number] | null {
  if (name < 0) return null;
  let first = 0;
  while (first < name && !isWordChar(head.charCodeAt(first))) first++;
  const before = first < name ? first : -1;
  phraseAt.lastIndex = name;
  phraseAt.test(head);
  // Words before the name: up to it. Else the words after it, up to the first number or keyword.
  const start = before >= 0 ? before : phraseAt.lastIndex;
  const limit = before >= 0 ? name : head.length;
  let words = 0;
  let end = -1;
  let inName = false;
  let last = "";
  for (let j = start; j < limit; ) {
    while (j < limit && !isWordChar(head.charCodeAt(j))) j++;
    if (j >= limit) break;
    const from = j;
    while (j < limit && isWordChar(head.charCodeAt(j))) j++;
    const word = head.slice(from, j);
    // A count typed before the name is the subject's ("Penetapan DPTb Tahap 2 - SK Ketua No
    // 14 …"): readHead left it out of the serial (head.ts uncounted).
    if (COUNTERS.has(last) && isCount(word)) {
      last = word;
      end = j;
      continue;
    }
    last = word;
    // A date or an upload's time stamp in front ("20241127 Penetapan DPT SK Ketua …"): no part
    // of the subject, which starts after it.
    if (before >= 0 && words === 0 && STAMP.test(word)) continue;
    // A year after the subject's words is its own ("Pembentukan PPS Pilkada 2024 - SK Ketua No
    // 141 Th 2024"); the head's year was read apart (frontNumbers refuses a head whose only
    // year stands here).
    if (before >= 0 && words > 0 && isYearShaped(word)) {
      end = j;
      continue;
    }
    if (isDigit(word.charCodeAt(0)) || HEAD_KEYWORDS.has(word)) {
      if (before >= 0) return null;
      break;
    }
    if (NOT_SUBJECT.has(word)) return null;
    const kind = headWord(word);
    if (kind === "office") return null;
    // A jenis phrase's words may end the span, as the name's own ("Penetapan DPK - SK Ketau No
    // 14", where the misspelt "Ketau" is the name and "SK" before it); a subject's may not follow.
    if (kind === "name") {
      inName = true;
      continue;
    }
    if (inName) return null;
    if (JOINING.has(word)) continue;
    if (hasDigit(word)) return null;
    if (words === 0) first = from;
    words++;
    end = j;
  }
  if (words < MIN_WORDS) return null;
  const text = head.slice(first, end);
  return isPlainSubject(text, 0) ? [first, end] : null;
}

/**
 * Where the decree's name starts in `text`: the first word where a jenis phrase (`phraseAt`,
 * rules.ts's, sticky) matches, or with `last` the last such phrase (a word inside one, "Ketua"
 * of "SK Ketua", starts none); -1 for none.
 */
export function nameStart(text: string, phraseAt: RegExp, last = false): number {
  let found = -1;
  for (let i = 0; i < text.length; ) {
    while (i < text.length && !isWordChar(text.charCodeAt(i))) i++;
    if (i >= text.length) break;
    phraseAt.lastIndex = i;
    if (phraseAt.test(text)) {
      if (!last) return i;
      found = i;
      i = phraseAt.lastIndex;
      continue;
    }
    while (i < text.length && isWordChar(text.charCodeAt(i))) i++;
  }
  return found;
}

/**
 * A number typed after a decree's, a law's or a letter's word, before the decree's name
 * ("Pelaksanaan Keputusan Nomor 7 Tahun 2022 - SK Ketua"): the cited document's number, not
 * this decree's. Group 1 is the citing words as typed (folded).
 */
const CITED_NUMBER =
  /(?<![a-z0-9])((?:keputusan|kep|kpts|sk|skep|peraturan|pkpu|perkpu|uu|undang|putusan|surat|edaran|instruksi)(?:[^a-z0-9]+(?:kpu|ketua|sekretaris|ri))*[^a-z0-9]+(?:nomor|nomer|nmr|no))(?![a-z])/;
/**
 * Words that, right before the decree's name, make the file a document that rests on it: a
 * recap, a payment, a list "according to" or "based on" it ("Rekap Honorarium sesuai SK Ketua
 * No 112 …", "Pembayaran Honor berdasarkan SK …"). No decree is named after another thing so.
 */
const CITES = new Set(["sesuai", "berdasarkan", "berdasar", "menurut", "mengacu", "merujuk"]);
/** A year-shaped number after a word of letters: a subject's year ("DPT 2024", "Pemilu 2024"). */
const SUBJECT_YEAR = /(?<![a-z0-9])([a-z]+)[^a-z0-9]+((?:19|20|21)\d\d)(?![0-9])/g;
/** Words a decree's own year follows: "Th 2024", "Tahun 2024", "TA 2024" aside. */
const YEAR_WORDS = new Set(["th", "thn", "tahun", "tah", "ta"]);

/**
 * Numbers the subject typed before the decree's name holds (`head` as lenient.ts read it; the
 * name starts at `name`, nameStart) that are not the decree's: a cited document's number
 * (CITED_NUMBER: NUMBER_OF_OTHER:cited), or the head's only year standing there after a
 * subject's word (`tahun`, read from it: NO_YEAR:subjectYear, "Penetapan DPT 2024 SK Ketua 12",
 * where the list's election year is no decree's). Null when neither.
 */
export function frontNumbers(
  head: string,
  name: number,
  tahun: number,
): {
  variant: "NUMBER_OF_OTHER:cited" | "NO_YEAR:subjectYear" | "NOT_A_DECREE:cites";
  detail: string;
} | null {
  const front = head.slice(0, name);
  const cited = CITED_NUMBER.exec(front);
  if (cited !== null) return { variant: "NUMBER_OF_OTHER:cited", detail: cited[1]!.toUpperCase() };
  let cites = wordBefore(front, name);
  // "sesuai dengan SK …", "sesuai dgn SK …".
  if (cites === "dengan" || cites === "dgn") cites = wordBefore(front, front.lastIndexOf(cites));
  if (CITES.has(cites))
    return { variant: "NOT_A_DECREE:cites", detail: front.trim().toUpperCase() };
  const year = String(tahun);
  if (head.includes(year, name)) return null;
  SUBJECT_YEAR.lastIndex = 0;
  for (let m = SUBJECT_YEAR.exec(front); m; m = SUBJECT_YEAR.exec(front)) {
    if (m[2] === year && !YEAR_WORDS.has(m[1]!))
      return { variant: "NO_YEAR:subjectYear", detail: year };
  }
  return null;
}

/**
 * A regulation's, a law's or a court ruling's word and the number after it, "No" or not ("UU 7",
 * "PKPU Nomor 8", "Perpres No 33"): groups 1 and 2. In a head typed without "tentang" ("SK Ketua
 * Pelaksanaan UU No 7 Th 2017"), that number and year are the regulation's, which the decree
 * carries out; its own number is not typed.
 */
const REGULATION_NUMBER =
  /(?<![a-z0-9])(uu|undang|pkpu|perkpu|perpres|perppu|pp|permendagri|perda|pergub|perwal|perbawaslu|peraturan|putusan|inpres|keppres)[^a-z0-9]+(?:(?:nomor|nomer|nmr|no)[^a-z0-9]*)?(\d{1,4}[a-z]?)(?![0-9])/g;

/**
 * The regulation and number (REGULATION_NUMBER, upper case) whose number the head `work` read as
 * the decree's serial `nomor`, or null.
 */
export function regulationSerial(work: string, nomor: string): string | null {
  REGULATION_NUMBER.lastIndex = 0;
  for (let m = REGULATION_NUMBER.exec(work); m; m = REGULATION_NUMBER.exec(work)) {
    if (m[2]!.replace(/^0+(?=\d)/, "").toUpperCase() === nomor) return m[0].toUpperCase();
  }
  return null;
}

/** Eight digits or more, as a date or a time stamp is typed in front. */
const STAMP = /^[0-9]{8,}$/;

/** Digits alone, as a count is typed after its word ("Tahap 2", "TPS 012"). */
function isCount(word: string): boolean {
  return /^[0-9]{1,3}$/.test(word);
}

function hasDigit(s: string): boolean {
  for (let i = 0; i < s.length; i++) if (isDigit(s.charCodeAt(i))) return true;
  return false;
}
