/**
 * Two decrees in one name, found in its subject after the head was read: a second decree's
 * heading joined to the subject ("… ttg DPT dan SK No 13 Th 2024", "… ttg DPT_SK Ketua No 13
 * Th 2024 ttg DPS", "… ttg DPT - Kep Sekretaris 4-2024"), most likely a scan of two decrees
 * bundled into one file (secondDecree); and a tag after the subject that names the other kind
 * of decree ("SK Ketua No 12 … ttg DPT - SK Sekretaris", "(Kep Sekretaris)"), which leaves the
 * file's kind unclear (otherKindTag). Filed, either took one decree's slot with a file that may
 * be the other. A decree that amends, revokes or replaces others names them in its subject
 * ("ttg Pencabutan SK Ketua No 12 dan SK Ketua No 13", AMENDS), and stays filed; so does a
 * decree cited in running text ("Pelaksanaan Keputusan KPU Nomor 360 Tahun 2024"): only one
 * after a joiner or separator is read. Where nothing marks the subject as a subject, another
 * decree's name and number anywhere in it make two decrees unless words before it make it the
 * topic (decreeInUnmarked): a subject typed without "tentang" ("SK Ketua No 7 Th 2022 rev SK
 * No 9"), or a second decree typed whole with its own "tentang" (decreeBeforeTentang). Pure;
 * works on the folded name, positions into it.
 */
import { AMENDING } from "./kpu-business.js";
import { isLetter, isWordChar, isYearShaped, normNomor } from "./numbers.js";
import { rejectVariant } from "./reasons.js";
import type { CompiledRules } from "./rules.js";
import { TENTANG, wordAt } from "./text.js";
import type { ParseRejected } from "./types.js";

/**
 * What joins a second decree to the subject: "dan", "serta", "jo"/"juncto" (a decree read with
 * the one that amended it, issue #15), "atau"/"or"/"vs" (two candidates: "(lawas) vs No 15 Th
 * 2024 (anyar)"), "&", "+", ",", an en dash, a dash
 * with a space on one side, an opening bracket ("… ttg DPT (SK Sekretaris No 2 Th 2024)": the
 * bracket names a second decree as a dash or "dan" does); `UNDERSCORE` adds "_" (only where the
 * name's words are apart by spaces: in "SK_Ketua_No_12_…" it is the gap between words).
 */
const JOINER = String.raw`(?:(?:^|[^a-z0-9])(?:dan|serta|jo|juncto|atau|or|vs|versus)|[&+,\u2013([]|\s-|-\s`;
const UNDERSCORE = "|_";

/**
 * After a joiner: "Lampiran" maybe, a decree's name (SK, Kep, Kpt, Kpts, Keputusan, Surat
 * Keputusan) with "Ketua"/"Sekretaris" maybe, and its number, bare ("SK 13-2024", "Kep
 * Sekretaris 4-2024") or after "No"/"Nomor" with up to six words between ("Keputusan KPU Kota
 * Jakarta Utara Nomor 13"). Group 1 the number's digits after "No", group 2 a bare one's.
 */
const DECREE_AFTER = String.raw`)[^a-z0-9]*(?:(?:lampiran|lamp)[^a-z0-9]+)?(?:sk|kep|kpts?|keputusan|surat[^a-z0-9]+keputusan)(?:(?:[^a-z0-9]+[a-z]+){0,6}?[^a-z0-9]+(?:no|nomor|nomer|nmr)[^a-z0-9]*(\d{1,4})|(?:[^a-z0-9]+(?:ketua|sekretaris|sek|sekr))?[^a-z0-9]*(\d{1,4}))(?![0-9])`;

const SECOND_DECREE = new RegExp(JOINER + DECREE_AFTER);
const SECOND_DECREE_SPACED = new RegExp(JOINER + UNDERSCORE + DECREE_AFTER);

/**
 * This decree replacing another: after "tentang" the replaced decree is its topic (AMENDS), as
 * in a head typed before it with "tentang" after it (numbers-last.ts amendedAfterHead); without
 * "tentang", a note of which number the file replaces ("(pengganti No 10 Th 2023)", "Kep Sek 7
 * 2024 pengganti Kep Sek 3 2024") names two decrees, and which one the file holds nothing says.
 */
const REPLACING = ["penggantian", "pengganti", "mengganti", "menggantikan"];

/** One of `words` (regex sources) as a whole word. */
function wordsRegex(words: readonly string[]): RegExp {
  return new RegExp(`(?:^|[^a-z0-9])(?:${words.join("|")})(?![a-z0-9])`);
}

/**
 * Words that make the decrees named in a subject the ones this decree amends, revokes, replaces
 * or corrects ("ttg Perubahan atas SK No 5 dan SK No 7", "Pencabutan SK Ketua No 12 dan SK
 * Ketua No 13"): those are its topic, not a second decree in the file.
 */
const AMENDS = wordsRegex([
  ...AMENDING,
  ...REPLACING,
  "diubah",
  "dicabut",
  "dibatalkan",
  "diganti",
  "ralat",
  "perbaikan",
  "pembetulan",
  "koreksi",
  "revisi",
  "adendum",
  "addendum",
]);

/**
 * The number of a second decree joined to the subject `folded.slice(from, end)`
 * (SECOND_DECREE), normalised, or null: none, the same number as the decree's own (`nomor`:
 * "… dan Lampiran SK No 12" is its attachment), a year typed bare ("dan SK 2024"), or a subject
 * that amends, revokes or replaces decrees (AMENDS) before it. `spaced`: the name's words are
 * apart by spaces, so "_" joins too.
 */
export function secondDecree(
  folded: string,
  from: number,
  end: number,
  nomor: string,
  spaced: boolean,
): string | null {
  const subject = folded.slice(from, end);
  const m = (spaced ? SECOND_DECREE_SPACED : SECOND_DECREE).exec(subject);
  if (m === null) return null;
  const digits = m[1] ?? m[2]!;
  if (m[1] === undefined && isYearShaped(digits)) return null;
  const n = serialAt(subject, digits, m.index + m[0].length);
  if (n === null || n === nomor || AMENDS.test(subject.slice(0, m.index))) return null;
  return n;
}

/**
 * The serial `digits` ending at `after` in `text`, normalised, with the letter glued after it
 * when that letter ends the word ("No 13A", "rev SK 12A": 12A is another decree than 12).
 */
function serialAt(text: string, digits: string, after: number): string | null {
  const letter = isLetter(text.charCodeAt(after)) && !isLetter(text.charCodeAt(after + 1));
  return normNomor(letter ? digits + text[after] : digits);
}

/**
 * After a joiner, a number and its year without a decree's word ("… ttg DPT - No 14 Th 2024
 * ttg DPTb", "… dan No 14 Th 2024"), or the number alone ("PPS Ancol & No 61 Sunter Agung",
 * the year the decree's): a second decree typed short. Group 1 the number, 2 its letter.
 */
const SECOND_NUMBERED = new RegExp(
  `${JOINER})[^a-z0-9]*(?:no|nomor|nomer|nmr)[^a-z0-9]*(\\d{1,4})([a-z]?)(?:[^a-z0-9]+(?:th|thn|tahun)[^a-z0-9]*(?:19|20)\\d\\d(?![0-9])|(?![a-z0-9]))`,
);

/**
 * The number of a second decree typed as "No <n> Th <year>" after a joiner in the subject
 * `folded.slice(from, end)` (SECOND_NUMBERED), normalised, or null: none, the decree's own
 * number (`nomor`), or a subject that amends, revokes or replaces decrees (AMENDS) before it.
 */
export function numberedSecond(
  folded: string,
  from: number,
  end: number,
  nomor: string,
): string | null {
  const subject = folded.slice(from, end);
  const m = SECOND_NUMBERED.exec(subject);
  if (m === null) return null;
  const n = normNomor(m[1]! + m[2]!);
  // "(Perubahan) dan Nomor 9 …": the amending word in brackets labels this decree, the
  // amendment, beside the one it amends; no subject amends "… dan Nomor 9".
  const before = subject.slice(0, m.index).replace(AMENDING_LABEL, " ");
  return n === null || n === nomor || AMENDS.test(before) ? null : n;
}
/**
 * An amending word alone in brackets: a label of the decree it follows ("(Perubahan)"; its
 * opening bracket may stand before the subject's start).
 */
const AMENDING_LABEL = /(?:^[^a-z0-9]*|[([]\s*)(?:perubahan|perubahannya|revisi)\s*[)\]]/g;

/**
 * A decree's name and number anywhere in a subject typed without "tentang" (group 1 or 2 as in
 * DECREE_AFTER), and the words before it that make it the subject's topic: this decree amends,
 * revokes or replaces it, carries it out or rests on it (a passive "diubah"/"dicabut" says the
 * file's decree was itself amended by the second one, and names two decrees; "rev" or "ralat"
 * says nothing of which is the file's).
 */
const DECREE_IN_UNMARKED = new RegExp(String.raw`(?:(?:^|[^a-z0-9])${DECREE_AFTER}`);
const TOPIC_WORDS = [
  ...AMENDING,
  // A decree correcting another's slip ("Kep Sek No 6 Th 2024 Pembetulan Kep Sek No 5 Th 2024",
  // "… Perbaikan SK No 111 Th 2024").
  "pembetulan",
  "perbaikan",
  "pelaksanaan",
  "melaksanakan",
  "tindak[^a-z0-9]+lanjut",
  "menindaklanjuti",
  "berdasarkan",
  "sesuai",
  "sebagaimana",
  "atas",
  "terhadap",
];
const TOPIC_OF = wordsRegex(TOPIC_WORDS);
/** A passive amending word: the file's decree was amended, revoked or replaced by another. */
const AMENDED_BY = /(?<![a-z0-9])di(?:ubah|cabut|ganti|batalkan)(?![a-z0-9])/;
/** TOPIC_OF, and a decree replaced (REPLACING): in a subject marked by "tentang". */
const TOPIC_OF_MARKED = wordsRegex([...TOPIC_WORDS, ...REPLACING]);

/**
 * The number of another decree named in a subject typed without "tentang", `folded.slice(from,
 * end)` ("SK Ketua No 7 Th 2022 SK No 9", "… rev SK No 9", "… diubah SK No 201 Th 2024"), or
 * null: none, the decree's own number (`nomor`), a bare year, or one the words before it make
 * the subject's topic (TOPIC_OF: "Perubahan atas SK No 3 Th 2024", "Pelaksanaan Keputusan KPU
 * Nomor 360"). Without "tentang" nothing else says the file holds this decree and not the other.
 * `marked`: the subject follows "tentang", where a replaced decree is the topic too (REPLACING).
 */
export function decreeInUnmarked(
  folded: string,
  from: number,
  end: number,
  nomor: string,
  marked = false,
): string | null {
  const subject = folded.slice(from, end);
  const m = DECREE_IN_UNMARKED.exec(subject);
  if (m === null) return null;
  const digits = m[1] ?? m[2]!;
  if (m[1] === undefined && isYearShaped(digits)) return null;
  const n = serialAt(subject, digits, m.index + m[0].length);
  const topic = marked ? TOPIC_OF_MARKED : TOPIC_OF;
  const before = subject.slice(0, m.index + 1);
  // "… sebagaimana telah diubah dgn SK 45 Th 2024": the file's decree as amended by the other
  // (a consolidated text?): two decrees, whatever topic word stands before.
  if (n === null || n === nomor || (topic.test(before) && !AMENDED_BY.test(before))) return null;
  return n;
}

/**
 * The kind (its code) of a decree of the decree's own number named in a subject typed without
 * "tentang", `folded.slice(from, end)`, when it is another kind than `jenis` ("SK Sekretaris No 3
 * Th 2023 (Salinan dari SK Ketua No 3 Th 2023)": the copy of which decree?), or null. A decree of
 * another number is decreeInUnmarked's. `roleJenis` maps a kind's own word ("ketua") to its code.
 */
export function otherKindInUnmarked(
  folded: string,
  from: number,
  end: number,
  nomor: string,
  jenis: string,
  roleJenis: ReadonlyMap<string, string>,
): string | null {
  const m = DECREE_IN_UNMARKED.exec(folded.slice(from, end));
  if (m === null || normNomor(m[1] ?? m[2]!) !== nomor) return null;
  for (const w of m[0].split(NON_WORD)) {
    const code = roleJenis.get(w);
    if (code !== undefined) return code === jenis ? null : code;
  }
  return null;
}

/**
 * A decree's number named as the one this file replaces, was, or was amended or corrected by ("…
 * ganti No 15 Th 2024", "(pengganti No 10 Th 2023)", "(lama No 18 Th 2024)", "semula No 3", "-
 * Diubah dgn No. 9 Th. 2020", "(perbaikan No 5A Th 2023)"), with its letter: group 1. Which of
 * the two the file is, nothing says.
 */
const OTHER_NUMBER =
  /(?<![a-z0-9])(?:(?:peng)?ganti|lama|semula|eks|ex|dulu|sebelumnya|menjadi|rev|revisi|perbaikan|ralat|pembetulan|(?:diubah|dicabut|diganti|diperbaiki)(?:[^a-z0-9]+(?:dengan|dgn|dg|oleh))?)[^a-z0-9]+(?:no|nomor|nmr|nomer)[^a-z0-9]*(\d{1,4}[a-z]?)(?![a-z0-9])/;

/**
 * The number of the decree `folded.slice(from, end)`, a subject typed without "tentang", names as
 * the one this file replaces or was (OTHER_NUMBER), when it is not the decree's own (`nomor`).
 */
export function otherNumberInUnmarked(
  folded: string,
  from: number,
  end: number,
  nomor: string,
): string | null {
  const m = OTHER_NUMBER.exec(folded.slice(from, end));
  if (m === null) return null;
  const n = normNomor(m[1]!);
  return n === null || n === nomor ? null : n;
}

/**
 * The number of a second decree typed whole after the first one's subject, with its own
 * "tentang" ("SK Ketua No 4 Th 2025 ttg Tim JDIH SK Ketua No 5 Th 2025 ttg Tim PPID"), or null:
 * decreeInUnmarked on the subject `folded.slice(from, end)` up to that "tentang". A decree the
 * subject amends or carries out keeps its own "tentang" ("ttg Perubahan atas SK No 3 Th 2024
 * ttg DPT", TOPIC_OF).
 */
export function decreeBeforeTentang(
  folded: string,
  from: number,
  end: number,
  nomor: string,
): string | null {
  const again = TENTANG.exec(folded.slice(from, end));
  return again === null ? null : decreeInUnmarked(folded, from, from + again.index, nomor, true);
}

/** The refusal of a subject that joins a second decree numbered `second` (secondDecree). */
export function twoDecrees(nomor: string, second: string): ParseRejected {
  return rejectVariant("AMBIGUOUS_NUMBER:twoDecrees", `${nomor}, ${second}`);
}

/**
 * What sets a tag apart after the subject's words: an opening bracket, a dash with a space on
 * one side, an en dash, ",", "+", "&", "_" (only where the name's words are apart by spaces).
 */
const KIND_TAG_START = /[([\u2013_,+&]|\s-|-\s/g;

/**
 * The refusal of a subject `folded.slice(from, end)` that ends with a tag naming another kind
 * of decree than the head's (`jenis`): a configured jenis phrase (its code, label or an alias,
 * rules.ts tagPhraseAt; a kind's own word, "Sekretaris", only in a bracket) alone after a
 * separator or in the subject's last bracket ("… ttg DPT - SK Sekretaris", "(Kep Sekretaris)", "_SK
 * Ketua"). The file may be either kind's decree: AMBIGUOUS_JENIS. A tag naming the head's own
 * kind says again what the head says, and the name stays filed. The same words in running text
 * ("Penunjukan Sekretaris PPK", "Penetapan Sekretaris KPU …") are the subject's. Called for
 * subjects that are not plain (subject.ts isPlainSubject): a plain one has no bracket, "_",
 * ",", "+", "&" or spaced dash. `spaced` as for secondDecree.
 */
export function otherKindTag(
  folded: string,
  from: number,
  end: number,
  jenis: string,
  spaced: boolean,
  c: CompiledRules,
): ParseRejected | null {
  KIND_TAG_START.lastIndex = from;
  for (
    let m = KIND_TAG_START.exec(folded);
    m !== null && m.index < end;
    m = KIND_TAG_START.exec(folded)
  ) {
    if (m[0] === "_" && !spaced) continue;
    // In the last bracket, a kind's own word alone is a tag too ("… DPT (Sekretaris)").
    const code = kindEnding(folded, m.index + m[0].length, end, m[0] === "(" || m[0] === "[", c);
    if (code === null) continue;
    if (code === "" || code === jenis) return null;
    return rejectVariant("AMBIGUOUS_JENIS:kindTag", `${jenis}, ${code}`);
  }
  return null;
}

/**
 * The kind named from `from` (after a tag's separator, past any other character) to the
 * subject's end `end`: a configured jenis phrase (rules.ts tagPhraseAt), or with `roleAlone` a
 * kind's own word alone ("Sekretaris"), and nothing after it but other characters. Its jenis
 * code ("" for a phrase no kind is configured for), or null when none ends the subject there.
 */
function kindEnding(
  folded: string,
  from: number,
  end: number,
  roleAlone: boolean,
  c: CompiledRules,
): string | null {
  let at = from;
  while (at < end && !isWordChar(folded.charCodeAt(at))) at++;
  c.tagPhraseAt.lastIndex = at;
  const phrase = c.tagPhraseAt.exec(folded);
  const role = phrase === null && roleAlone ? wordAt(folded, at) : null;
  if (phrase === null && (role === null || !c.roleJenis.has(role))) return null;
  let i = at + (phrase !== null ? phrase[0].length : role!.length);
  while (i < end && !isWordChar(folded.charCodeAt(i))) i++;
  if (i < end) return null;
  const code =
    phrase !== null
      ? c.tagPhrases.get(phrase[0].split(NON_WORD).join(" "))
      : c.roleJenis.get(role!);
  return code ?? "";
}

const NON_WORD = /[^a-z0-9]+/;

/**
 * "atau" ("or"), or a correction's word ("harusnya", "seharusnya": "should be"), as a word: the
 * start of another kind offered (global, for otherKindOffered), "opo" as Javanese clerks ask it
 * ("(opo SK Sek)": or is it …?); group 1 for a correction.
 */
const OR_WORD = /(?<![a-z0-9])(?:atau|opo|((?:se)?harusnya|(?:se)?mestinya))(?![a-z0-9])/g;

/** Whether the word before `end` of `folded`, spaces apart, is a kind's own word ("ketua"). */
function roleBefore(folded: string, end: number, c: CompiledRules): boolean {
  while (end > 0 && folded.charCodeAt(end - 1) === 0x20) end--;
  let start = end;
  while (start > 0 && isLetter(folded.charCodeAt(start - 1))) start--;
  return start < end && c.roleJenis.has(folded.slice(start, end));
}

/**
 * The refusal of a subject `folded.slice(from, end)` that ends by offering another kind of
 * decree than the head's (`jenis`) as an alternative: "atau" and a configured jenis phrase
 * ("SK Ketua No 78 Th 2024 atau SK Sekretaris", "… ttg DPT atau Kep Sekretaris"), or a kind's
 * own word alone right after a bracket's "atau" ("… (atau Sekretaris)"); or as a correction,
 * "harusnya" and the phrase or the kind's own word ("… (salah ketik, harusnya Sek)"). The name
 * does not say which kind the decree is: AMBIGUOUS_JENIS, as with "SK Ketua atau Sekretaris No
 * 78". The phrase must end the subject; the words in running text ("Penetapan Ketua atau
 * Sekretaris PPK") are the subject's. Plain subjects too: "atau" needs no separator
 * (otherKindTag).
 */
export function otherKindOffered(
  folded: string,
  from: number,
  end: number,
  jenis: string,
  c: CompiledRules,
): ParseRejected | null {
  OR_WORD.lastIndex = from;
  for (let m = OR_WORD.exec(folded); m !== null && m.index < end; m = OR_WORD.exec(folded)) {
    let before = m.index;
    while (before > from && folded.charCodeAt(before - 1) === 0x20) before--;
    const bracketed = before > 0 && (folded[before - 1] === "(" || folded[before - 1] === "[");
    // After a correction's word a kind's own word alone says the kind ("harusnya Sek"); so it
    // does after the head's own kind's word and "atau" ("SK KPU Jakut No 102 Th 2024 (Ketua atau
    // Sekretaris)"), where the subject starts at "atau"; inside a subject the words are its own
    // ("ttg Pemilihan Ketua atau Sekretaris").
    const roleAlone =
      bracketed || m[1] !== undefined || (before <= from && roleBefore(folded, before, c));
    const code = kindEnding(folded, m.index + m[0].length, end, roleAlone, c);
    if (code === null) continue;
    if (code === "" || code === jenis) return null;
    return rejectVariant("AMBIGUOUS_JENIS:kindTag", `${jenis}, ${code}`);
  }
  return null;
}
