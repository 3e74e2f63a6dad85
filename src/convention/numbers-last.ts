/**
 * Two orders of typing read again in the usual one, "<decree> tentang <subject>":
 *
 * A decree's number and year typed after its subject, the head before "tentang" holding only
 * the decree's name ("SK Ketua ttg Pembentukan KPPS Nomor 5 Tahun 2024"): read again with them
 * moved before "tentang", as the clerk would have typed them in the usual order. Asked by
 * parse.ts only for a name refused as NO_NUMBER, and taken only when that reading reads.
 *
 * The numbers must end the name, the serial after "No"/"Nomor" and the year after it, "Th"/
 * "Tahun" or not ("… Website No 8 2024"), and be nobody else's: not what the word before them
 * counts ("TPS Nomor 5", subject-end.ts COUNTED), and no decree, law or letter cited anywhere in
 * the subject ("Perubahan atas SK Nomor 5 Tahun 2023", "Tindak Lanjut Putusan DKPP Nomor 5 …",
 * CITING), whose number it would be.
 *
 * A decree that amends or revokes another typed after it ("Perubahan atas SK Ketua No 3 Th 2023
 * - SK Ketua No 12 Th 2024", "Perubahan Kedua atas SK Ketua 12-2023 (SK Ketua 32-2024)"): the
 * first reading refuses the amended decree's number (NUMBER_OF_OTHER); the last decree's name
 * and what follows it are this decree's, the rest its subject (decreeLast).
 *
 * A decree's own head typed first and the decree it amends, revokes or replaces after it, with
 * "tentang" only after the amended decree's number ("SK Ketua No 17 Th 2024 Perubahan atas Kep
 * No 3 Th 2024 ttg Pokja …"): the first reading takes every word before "ttg" for the head and
 * refuses the second number (NUMBER_OF_OTHER, or AMBIGUOUS_NUMBER after "pengganti"). The
 * subject starts at the word of amending, read so (amendedAfterHead).
 *
 * A subject typed first and the decree's name and numbers set apart after it, to the end
 * ("Penetapan 2.735 TPS Pilkada 2024 - SK Ketua No 62 Th 2024"): read with the decree's part
 * first (subjectThenDecree). Pure.
 */
import { nameStart } from "./head-subject.js";
import { AMENDING } from "./kpu-business.js";
import { HEAD_KEYWORDS, isDigit, isWordChar } from "./numbers.js";
import { otherKpuIn } from "./office.js";
import { COMMISSION_WORDS } from "./office-words.js";
import type { CompiledRules } from "./rules.js";
import { CITING, COUNTED } from "./subject-end.js";
import { TENTANG, wordsFrom } from "./text.js";

/** The words before a street's name, whose house number may follow it ("Jl. Bugis Nomor 14"). */
const STREET = new Set(["jl", "jln", "jalan", "gg", "gang", "komplek", "kompleks", "blok"]);
/** The subject (group 3) and, ending the name, "No <n>" and its year, "Th" or not (group 4). */
const NUMBERS_LAST =
  /^(.*?)(?<![a-z0-9])(tentang|ttg|tntg)(?![a-z0-9])(.*?)[\s_-]+((?:nomor|nomer|nmr|no)[\s.:]*\d{1,4}[a-z]?[\s_-]+(?:(?:tahun|thn|th)[\s.:]*)?(?:19|20)\d\d)[\s_.-]*$/;

/**
 * `stem` with the number and year that end it moved before "tentang" (module comment), or null
 * when it has no such numbers.
 */
export function numbersLast(stem: string): string | null {
  const folded = stem.toLowerCase();
  if (folded.length !== stem.length) return null;
  const m = NUMBERS_LAST.exec(folded);
  if (m === null) return null;
  const ws = wordsFrom(m[3]!, 0);
  if (ws.length === 0 || COUNTED.has(ws[ws.length - 1]!.word)) return null;
  // "… Kantor Jl. Bugis Nomor 14 Tahun 2022": a street's house number, not the decree's.
  for (let k = Math.max(0, ws.length - 4); k < ws.length; k++) {
    if (STREET.has(ws[k]!.word)) return null;
  }
  for (const w of ws) if (CITING.has(w.word)) return null;
  // "… ttg Perubahan Kedua atas Nomor 31 Tahun 2024": the number of the decree amended.
  const last = ws[ws.length - 1]!.word;
  if (last === "atas" || AMENDING.has(last)) return null;
  const head = m[1]!.length;
  const marker = head + m[2]!.length;
  const subjectEnd = marker + m[3]!.length;
  const numbers = folded.indexOf(m[4]!, subjectEnd);
  return `${stem.slice(0, head)}${stem.slice(numbers, numbers + m[4]!.length)} ${stem.slice(head, subjectEnd)}`;
}

/**
 * `stem` typed subject first, then set apart by a dash, an underscore or a bracket, the decree's
 * name and its numbers to the end ("Penetapan 2.735 TPS Pilkada 2024 - SK Ketua No 62 Th 2024",
 * "Honor 2 Bulan PPS (Kep Sekretaris No 38 Th 2024)"): the decree's part first and the rest as the
 * subject after "tentang"; null when the name is not so typed. The subject's own years and counts
 * were read as the decree's there; read this way each check of a subject still applies to it.
 */
export function subjectThenDecree(stem: string, c: CompiledRules): string | null {
  const split = lastDecree(stem, c);
  if (split === null) return null;
  const { folded, last, cut, end } = split;
  if (cut === 0 || !SET_APART.test(folded.slice(cut, last))) return null;
  const tail = folded.slice(last, end);
  if (!/[0-9]/.test(tail) || !onlyHeadWords(tail, c)) return null;
  // The part before must be a subject: a word of letters, no "tentang" (the decree's part is then
  // the subject's words), no decree's name or word with a number ("SK Ketua 12 Th 2024 - SK Ketua
  // 12 Th 2023", "SK 12-2023 … - SK Ketua …": two decrees), no other KPU office ("DPT 2024 KPU DKI
  // - SK Ketua …": its chair's as likely).
  const front = folded.slice(0, cut);
  if (
    !SUBJECT_WORD.test(front) ||
    TENTANG.test(front) ||
    nameStart(front, c.phraseAt) >= 0 ||
    CITED_DECREE.test(front)
  ) {
    return null;
  }
  if (c.office !== null && otherKpuIn(front, c.office) !== null) return null;
  return `${stem.slice(last, end)} tentang ${stem.slice(0, cut)}`;
}
/**
 * Whether every word of `tail` is one a decree's head is made of: a jenis phrase's word, a
 * keyword ("No", "Th", "Lampiran" …), a number, or this office's commission and place words. A
 * word of a subject there ("SK Anggaran Tahun 2020 7") makes it no decree's part alone.
 */
function onlyHeadWords(tail: string, c: CompiledRules): boolean {
  for (const { word } of wordsFrom(tail, 0)) {
    if (isDigit(word.charCodeAt(0))) continue;
    if (c.vocabulary.has(word) || HEAD_KEYWORDS.has(word) || COMMISSION.has(word)) continue;
    if (c.office?.ownPlaceWords.has(word)) continue;
    return false;
  }
  return true;
}
const COMMISSION: ReadonlySet<string> = new Set(COMMISSION_WORDS);

/** A word of three letters or more. */
const SUBJECT_WORD = /[a-z]{3}/;
/** What sets a decree's part apart from a subject typed before it: a dash, "_", a bracket. */
const SET_APART = /^[^a-z0-9]*[-_([\u2013\u2014][^a-z0-9]*$/;

/** A decree's word and a digit: the amended decree named before the last one. */
const CITED_DECREE = /(?<![a-z0-9])(?:sk|kep|keputusan|kpts)(?![a-z0-9]).*[0-9]/;

/**
 * `stem` with the last decree's name and what follows it first and the text before it, an
 * amended decree named with its number, as the subject after "tentang" (module comment), or
 * null when the name is not so typed.
 */
export function decreeLast(stem: string, c: CompiledRules): string | null {
  const split = lastDecree(stem, c);
  if (split === null) return null;
  const { folded, last, end } = split;
  let cut = split.cut;
  // "… oleh SK Ketua No 12", "… dengan SK …": the joining word is neither decree's.
  const joined = JOINED_BEFORE.exec(folded.slice(0, cut));
  if (joined !== null) cut = joined.index;
  const front = folded.slice(0, cut);
  if (!CITED_DECREE.test(front)) return null;
  const tail = folded.slice(last, end);
  if (TENTANG.test(tail) || !amendsLater(front, tail, c)) return null;
  return `${stem.slice(last, end)} tentang ${stem.slice(0, cut)}`;
}

/**
 * Where the last decree's name in `stem` starts (`last`), where the text before it ends, its
 * gap aside (`cut`), and where the name's words end (`end`), on `folded` (the stem lower-cased,
 * same length); null for a stem without a decree's name after its first word, or one whose
 * lower case changes its length.
 */
function lastDecree(
  stem: string,
  c: CompiledRules,
): { folded: string; last: number; cut: number; end: number } | null {
  const folded = stem.toLowerCase();
  if (folded.length !== stem.length) return null;
  const last = nameStart(folded, c.phraseAt, true);
  if (last <= 0) return null;
  let cut = last;
  while (cut > 0 && !isWordChar(folded.charCodeAt(cut - 1))) cut--;
  let end = stem.length;
  while (end > last && !isWordChar(folded.charCodeAt(end - 1))) end--;
  return { folded, last, cut, end };
}

/**
 * A head that ends with a year (group 1), then a word of amending, revoking or replacing and a
 * decree's word right after it (group 2 on: the subject).
 */
const AMENDED_AFTER_HEAD =
  /^(.*?(?:19|20)\d\d)[\s_.-]+((?:perubahan(?:[\s_-]+(?:kedua|ketiga|keempat|kelima))?|pencabutan|pembatalan|pengganti|mencabut|mengubah|membatalkan)(?:[\s_-]+(?:atas|terhadap))?[\s_-]+(?:sk|kep|keputusan|kpts?)(?![a-z0-9]).*)$/;

/**
 * `stem` with "tentang" before the decree it amends, typed after its own head (module comment),
 * or null when the name is not so typed: its head names a decree, has no "tentang", and was
 * made after the amended one by the same kind (amendsLater).
 */
export function amendedAfterHead(stem: string, c: CompiledRules): string | null {
  const folded = stem.toLowerCase();
  if (folded.length !== stem.length) return null;
  const m = AMENDED_AFTER_HEAD.exec(folded);
  if (m === null) return null;
  const front = m[1]!;
  const amended = m[2]!;
  if (TENTANG.test(front) || !CITED_DECREE.test(front)) return null;
  // A replaced decree is the topic only with "tentang" after it (two-decrees.ts REPLACING).
  if (amended.startsWith("pengganti") && !TENTANG.test(amended)) return null;
  // The amended decree's name is what comes before its year: its subject may hold numbers.
  SERIAL_YEAR.lastIndex = 0;
  const cited = SERIAL_YEAR.exec(amended);
  if (cited === null || !amendsLater(amended.slice(0, SERIAL_YEAR.lastIndex), front, c)) {
    return null;
  }
  return `${stem.slice(0, front.length)} tentang ${stem.slice(stem.length - amended.length)}`;
}

const JOINED_BEFORE = /[^a-z0-9]+(?:oleh|dengan|dan|melalui|dgn)$/;
/** The last serial and year of a text: "No 3 Th 2023", "12-2023", "3 2023". */
const SERIAL_YEAR =
  /(?<![a-z0-9])(\d{1,4})[a-z]?[^a-z0-9]+(?:(?:tahun|thn|th)[^a-z0-9]*)?((?:19|20|21)\d\d)(?![0-9])/g;

/**
 * Whether the decree named last (`tail`) can amend the one named first (`front`): made later (a
 * later year, or a higher serial in the same year), and of the same kind when the first names
 * one: only the body that made a decree amends or revokes it.
 */
function amendsLater(front: string, tail: string, c: CompiledRules): boolean {
  const a = lastSerialYear(front);
  const b = lastSerialYear(tail);
  if (a === null || b === null) return false;
  if (b[1] < a[1] || (b[1] === a[1] && b[0] <= a[0])) return false;
  const kindA = c.jenis.find((j) => testFrom0(j.re, front));
  const kindB = c.jenis.find((j) => testFrom0(j.re, tail));
  return kindA === undefined || kindA === kindB;
}

function lastSerialYear(text: string): [number, number] | null {
  let found: [number, number] | null = null;
  SERIAL_YEAR.lastIndex = 0;
  for (let m = SERIAL_YEAR.exec(text); m; m = SERIAL_YEAR.exec(text)) found = [+m[1]!, +m[2]!];
  return found;
}

/** A global regex tested from the start, its lastIndex left at 0. */
function testFrom0(re: RegExp, text: string): boolean {
  re.lastIndex = 0;
  const hit = re.test(text);
  re.lastIndex = 0;
  return hit;
}
