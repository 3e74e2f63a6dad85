/**
 * The readings of a name's head (the folded text before the subject), in the order that decides
 * them: jenis phrases, LAMPIRAN n / SALINAN, "12/2024" / "3-2023", "No 12" / "Nomor: 12",
 * "Th 2024" / "Tahun 2024", then bare numbers. Each reading blanks what it read (with U+0000, never
 * a word character), so a later reading does not read the same words again. Every reading of a
 * field must agree; two different readings, or none, reject the name. Pure.
 *
 * The patterns are tried only when a substring test says they can match: most heads hold two or
 * three of the seven, and the test costs far less than a regex run.
 */

import { MONTH_ALTERNATION, MONTH_NAMES } from "./months.js";
import {
  HEAD_KEYWORDS,
  isDigit,
  isLetter,
  isWordChar,
  isYearShaped,
  LAMPIRAN_WORD,
  NUMBER_WORD,
  NUMBER_WORDS_MANY,
  normNomor,
  PAGE_WORD,
  PART_WORDS,
  wordsValue,
} from "./numbers.js";
import type { OldNumber } from "./old-numbers.js";
import { reject, rejectVariant } from "./reasons.js";
import { isOtherRegionCode, isRegionCodeSerial } from "./region-code.js";
import type { CompiledRules } from "./rules.js";

import type { ParseRejected } from "./types.js";

export interface Head {
  jenis: string;
  tahun: number;
  /** Normalised serial (numbers.ts normNomor). */
  nomor: string;
  qualifier: string | null;
  /**
   * Every number that could be the serial belongs to a counting word ("Dapil 5", "Tahap 2") or
   * is a region code ("3172", this office's; "3171", of another's shape), typed without "No":
   * the head has no serial, and `nomor` is that number. The name is refused as NO_NUMBER once
   * the checks of whose decree it is have passed (lenient.ts), so another body's decree keeps
   * its own reason.
   */
  counted: boolean;
}

const PAIR = /(?<![a-z0-9.])(\d{1,4}[a-z]?)\s*[/-]\s*(\d{4})(?![0-9])/g;
/** "Lampiran" and a letter, after its number or alone: "Lampiran I.A", "lamp 2a", "Lampiran B". */
export const LETTER_LAMPIRAN = new RegExp(
  String.raw`(?<![a-z0-9])${LAMPIRAN_WORD}[\s.:_-]*(?:ke[\s.:_-]*)?(?:(?:\d{1,3}|[ivx]{1,4})[\s._-]*)?[a-h](?![a-z0-9])`,
);
/**
 * "Lampiran 2", "lamp. III", "Lampiran ke-2", "Lampiran No 2" (but "Lampiran No 5 Th 2024" is
 * the attachment of decree 5), "Lampiran Dua", "Lampiran Dua Puluh"; a range or pair after the
 * number ("Lampiran 1-3", "Lampiran I-III", "Lampiran 1 s.d 3", "Lampiran I II") is read as its
 * second attachment (group 2), so the name is refused as AMBIGUOUS_QUALIFIER instead of filed
 * as attachment 1.
 */
const LAMPIRAN = new RegExp(
  String.raw`(?<![a-z0-9])${LAMPIRAN_WORD}(?:[\s.:_-]*(?:ke[\s.:_-]*|(?:no|nomor|nmr)[\s.:_-]*(?=\d{1,3}(?![0-9])(?![\s.:_/-]*(?:th|thn|tahun|(?:19|20)\d\d)(?![a-z]))))?(\d{1,3}|[ivx]{1,4}|${NUMBER_WORDS_MANY}|${NUMBER_WORD})(?![a-z0-9])(?:(?:\s*(?:[,&+-]|(?:dan|s[\s.]*d|sampai|hingga)(?![a-z0-9]))[\s._-]*|\s+(?=[ivx]{1,4}(?![a-z0-9])))(\d{1,3}|[ivx]{1,4}|${NUMBER_WORDS_MANY}|${NUMBER_WORD})(?![a-z0-9]))?)?(?![a-z0-9])`,
  "g",
);
/**
 * Dates (a scan date in front, "tgl 10-05-2024", "20240510", "10 Mei 2024", "10 Mei"): never a
 * serial or a pair ("05-2024" inside "10-05-2024" is no "No 5 Th 2024"), so they are blanked
 * before the numbers are read. Only real calendar shapes: day 1–31, month 1–12 or a month name,
 * year 19xx/20xx; a day and a month's name need no year ("SK Ketua Th 2024 10 Mei ttg …"), and
 * take a year of two digits with them ("tgl 12 Mei 24": no second number 24).
 */
const DATES = new RegExp(
  `(?<![0-9])(?:(?:19|20)\\d{2}[-._/](?:0?[1-9]|1[0-2])[-._/](?:0?[1-9]|[12]\\d|3[01])|(?:0?[1-9]|[12]\\d|3[01])[-._/](?:0?[1-9]|1[0-2])[-._/](?:19|20)\\d{2}|(?:19|20)\\d{2}(?:0[1-9]|1[0-2])(?:0[1-9]|[12]\\d|3[01])|(?:0[1-9]|[12]\\d|3[01])(?:0[1-9]|1[0-2])(?:19|20)\\d{2}|(?:0?[1-9]|[12]\\d|3[01])[\\s.-]*(?:${MONTH_ALTERNATION})(?:[\\s.-]*(?:19|20)?\\d{2}|(?![a-z0-9])))(?![0-9])`,
  "g",
);
/**
 * Whether a head may hold a date, in one regex test (most heads hold none): a numeric date's
 * shape, "tgl"/"tanggal", or a digit before the first three letters of a month's name ("10 Mei
 * 2024": without it, "SK Ketua 10 Mei 2024 ttg DPT" was filed as decree 10). Only the digit is
 * matched, so the scan this is part of (rules.ts headHint) reads the words after it as before.
 */
export const DATE_HINT = new RegExp(
  `tgl|tanggal|\\d[-._/]\\d{1,2}[-._/]\\d|\\d(?=[\\s.-]*(?:${[
    ...new Set(MONTH_NAMES.map((m) => m.slice(0, 3))),
  ].join("|")}))`,
);
/**
 * "Salinan", or a copy's number glued to it ("Salinan2": the second copy, no serial). A number
 * typed apart ("Salinan 2", "Salinan ke-2") is group 1: never the serial either (without this
 * "SK Ketua Th 2024 Salinan 2" was filed as decree 2), but beside another number it still makes
 * the head ambiguous (readHead). A legalised copy ("Legalisir SK Ketua …", "Dilegalisir",
 * "Legalisasi": a copy stamped "sesuai dengan aslinya") is a certified copy too: filed as the
 * decree, it took the signed original's slot.
 */
const SALINAN =
  /(?<![a-z0-9])(?:salinan|(?:di)?legalis(?:ir|asi))(?:\d{1,2}|[\s._-]+(?:ke[\s._-]*)?(\d{1,2}))?(?![a-z0-9])/g;
/** "No Urut 12" / "Nomor Urut: 12": a place in a list, blanked before the numbers are read. */
const LIST_ORDER = /(?<![a-z0-9])(?:no|nomor|nomer|nmr)[^a-z0-9]*urut[^a-z0-9]*\d{1,4}(?![0-9])/g;
/**
 * A budget year ("TA 2014", "T.A. 2014", "Tahun Anggaran 2014", "DIPA 2013"): the year of the
 * budget a decree on budget roles is for, often not the decree's own (such decrees for 2014 are
 * signed in December 2013). Read as ELECTION_YEAR is: alone, the head has no year (NO_YEAR).
 */
const BUDGET_YEAR =
  /(?<![a-z0-9])(?:t\.?\s?a\.?|(?:tahun|thn|th)[^a-z0-9]+anggaran|dipa(?:[^a-z0-9]+(?:ta|tahun))?)[^a-z0-9]*(?:19|20)\d{2}(?![0-9])/g;
/** "TA" as a word: BUDGET_YEAR is asked only of a head that has one, "anggaran" or "dipa". */
const TA = /(?<![a-z0-9])t\.?a(?![a-z0-9])/;
/**
 * An election and its year ("Pilkada 2024", "Pemilu Tahun 2024", "Pemilihan Serentak 2024"):
 * the year of the election a decree is about, often not the decree's own (decrees for the 2024
 * election were issued in 2022 and 2023). A head whose only years are such is refused as NO_YEAR;
 * with another year beside it, the years compete as before (AMBIGUOUS_YEAR unless equal). Not
 * after "Komisi" ("Komisi Pemilihan Umum" is the office).
 */
const ELECTION_YEAR =
  /(?<![a-z0-9])(?<!komisi[^a-z0-9]{1,3})(?:pemilu|pemilihan(?:[^a-z0-9]+umum)?|pilkada|pilgub|pilwalkot|pilwako|pilbup|pileg|pilpres)(?:[^a-z0-9]+(?:serentak|nasional|tahun|thn|th|tah))*[^a-z0-9]*(?:19|20)\d{2}(?![0-9])/g;
/**
 * The last three readings in one pass: "No 12" / "Nomor: 12" (group 1), "Th 2024" / "Tahun 2024"
 * (group 2), else a word `[a-z0-9]+` that starts with a digit. Read one after the other, each
 * blanking what it read, they find the same: a No match ends before a non-word character and a
 * Th match before a non-digit, so blanking one never makes a word start where another reading
 * (or a bare number) could begin; the two never overlap (neither keyword can start inside the
 * other's match); and a word cut by a Th match continues with a letter, which no bare number
 * starts with. Only the order of the findings differs, so they are kept apart by kind.
 * Group 3 is a lone letter right after any of them ("No 12 B"), no abbreviation ("s.d.", "a.n."):
 * after a serial it may be the serial's own letter typed apart (12B is another decree than 12),
 * see readFields.
 */
const FIELDS =
  /(?<![a-z0-9])(?:(?:nomor|nomer|nmr|no)[\s.:_-]*(\d+[a-z]?)(?![a-z0-9])|(?:tahun|thn|th|tah)[\s.:_-]*(\d{4})(?![0-9])|[0-9][a-z0-9]*)(?:[\s._-]+([a-z])(?![a-z0-9]|[./]\s*[a-z]))?/g;
/**
 * A year's keyword and its year, from where `lastIndex` is set (sticky): after a FIELDS match
 * (readFields), after a lone letter (subject-start.ts).
 */
export const YEAR_KEYWORD_AT = /[\s._-]*(?:tahun|thn|th)[\s.:_-]*\d{4}(?![0-9])/y;
const BLANK = "\u0000";
const WORD_CHAR = /[a-z0-9]/;

/** `s` with each [start, end) span of `spans` (flat, ascending, disjoint) blanked. */
export function blankSpans(s: string, spans: readonly number[]): string {
  let out = "";
  let from = 0;
  for (let i = 0; i < spans.length; i += 2) {
    out += s.slice(from, spans[i]) + BLANK.repeat(spans[i + 1]! - spans[i]!);
    from = spans[i + 1]!;
  }
  return out + s.slice(from);
}

/** `work` with its dates blanked (DATES); the caller has seen a DATE_HINT in it. */
export function blankDates(work: string): string {
  return take(work, DATES);
}

/**
 * The year of the date a decree says it was signed on ("No 57 tgl 2 Mei 2024", "ditetapkan 12
 * Januari 2014", glued "Th2024tgl28-12-2023"), or null. A serial counts within its year of
 * signing, so that year is the decree's: for a head with no other year it is read (lenient.ts),
 * and one that differs from the head's is refused (parse.ts signedInOtherYear). A date after a
 * scan's or a receipt's word ("scan tgl …", "diterima tgl …") is no signing date. With
 * `nearNewYear` false, null for a date around the New Year (aroundNewYear).
 */
export function signingYear(folded: string, nearNewYear = true): string | null {
  const m = SIGNING_DATE.exec(folded);
  if (m === null) return null;
  return nearNewYear || !aroundNewYear(m[0]) ? (m[1] ?? m[2]!) : null;
}

/** The signing date of `folded` as matched, when it falls around the New Year (aroundNewYear). */
export function newYearSigning(folded: string): string | null {
  const m = SIGNING_DATE.exec(folded);
  return m !== null && aroundNewYear(m[0]) ? m[0] : null;
}

/**
 * Whether the signing date `date` (SIGNING_DATE's match) falls from 20 December to 10 January:
 * then a decree of either year's series may carry it (the last numbers of a year signed in its
 * first days, a clerk's "Tahun" of habit), so the date gives a year only to compare with one
 * typed (signingYear's `nearNewYear`), never one to file by.
 */
function aroundNewYear(date: string): boolean {
  const ymd = YMD.exec(date);
  let day: number;
  let month: number;
  if (ymd !== null) {
    month = Number(ymd[1]);
    day = Number(ymd[2]);
  } else {
    const dmy = DMY.exec(date);
    if (dmy === null) return false;
    day = Number(dmy[1]);
    month = dmy[3] !== undefined ? Number(dmy[3]) : monthOfName(dmy[2]!);
  }
  return (month === 12 && day >= 20) || (month === 1 && day <= 10);
}
const YMD = /(?:19|20)\d{2}[-./](0?[1-9]|1[0-2])[-./](0?[1-9]|[12]\d|3[01])(?![0-9])/;
const DMY = /(?<![0-9])(0?[1-9]|[12]\d|3[01])(?:[\s./-]*([a-z]+)|[-./](0?[1-9]|1[0-2])[-./])/;
/** January 1, December 12, any other month 0: only those two matter here. */
function monthOfName(name: string): number {
  if (name.startsWith("jan")) return 1;
  return name.startsWith("des") || name.startsWith("dec") ? 12 : 0;
}
const SIGNING_DATE = new RegExp(
  String.raw`(?<!(?:scan|pindai|terima|diterima|kirim|dikirim|upload|unggah|diunggah|masuk|cetak|print|foto)[^a-z0-9]+)(?<![a-z])(?:ditetapkan|ditandatangani|tgl|tanggal|ttd)(?:[^a-z0-9]+(?:pada|tgl|tanggal|ditetapkan))?[^a-z0-9]*(?:(?:0?[1-9]|[12]\d|3[01])(?:[\s./-]*(?:${MONTH_ALTERNATION})[\s./-]*|[-./](?:0?[1-9]|1[0-2])[-./])((?:19|20)\d{2})|((?:19|20)\d{2})[-./](?:0?[1-9]|1[0-2])[-./](?:0?[1-9]|[12]\d|3[01]))(?![0-9])`,
);

/** Runs a global regex over `work`, reporting every match; returns `work` with them blanked. */
function take(work: string, re: RegExp, onMatch?: (m: RegExpExecArray) => void): string {
  const spans: number[] = [];
  re.lastIndex = 0;
  for (let m = re.exec(work); m; m = re.exec(work)) {
    onMatch?.(m);
    spans.push(m.index, m.index + m[0].length);
  }
  return spans.length === 0 ? work : blankSpans(work, spans);
}

/**
 * `take` for "12/2024" pairs: a year-shaped first number is no serial, but the pair is still
 * read. A first number that is no serial (notSerial) goes to `owned` too, and to `filed` when
 * it says where the file is kept.
 */
function takePairs(
  work: string,
  numbers: string[],
  years: number[],
  owned: string[],
  filed: string[],
  c: CompiledRules,
): string {
  const spans: number[] = [];
  PAIR.lastIndex = 0;
  for (let m = PAIR.exec(work); m; m = PAIR.exec(work)) {
    if (!isYearShaped(m[1]!)) {
      numbers.push(m[1]!);
      years.push(Number(m[2]));
      owns(notSerial(work, m.index, m[1]!, c), m[1]!, owned, filed);
    } else if (
      !isYearShaped(m[2]!) &&
      !isMonthDay(m[2]!) &&
      notSerial(work, m.index + m[0].length - 4, m[2]!, c) === SERIAL
    ) {
      // The year first, a serial of four digits after it ("sk-ketua-2024-0012", a web slug);
      // not a date's month and day ("2024-0312 SK Ketua No 18 …"), nor a region code
      // ("Kep-Sekretaris-2024-3172-…").
      years.push(Number(m[1]));
      numbers.push(m[2]!);
    }
    spans.push(m.index, m.index + m[0].length);
  }
  return spans.length === 0 ? work : blankSpans(work, spans);
}

/**
 * What readHead reads from a head that holds no word but the old-style number `old` (lenient.ts
 * onlyNumberIn): the number's fields. With the number blanked, the head has no letter or digit
 * left, so no phrase, qualifier, keyword or second number is found: the jenis is the marker's
 * (NO_JENIS without one), the serial and year the number's. Old-style names are one in seven
 * of a share's, and the scans readHead would run over the blank head are most of their cost.
 */
export function numberOnlyHead(old: OldNumber): Head | ParseRejected {
  if (old.jenis === null) return reject("NO_JENIS");
  const nomor = normNomor(old.serial);
  if (nomor === null) return reject("BAD_NUMBER", old.serial);
  return { jenis: old.jenis, tahun: old.year, nomor, qualifier: null, counted: false };
}

/**
 * `old` is the old-style number in the head, already blanked in `work`, or null; `codeJenis`
 * the jenis a classification code's marker names ("KU.02.1-Kpt-Sek-Kot", old-numbers.ts
 * findClassCodes), the code already blanked, or null.
 */
export function readHead(
  work: string,
  c: CompiledRules,
  old: OldNumber | null,
  codeJenis: string | null = null,
): Head | ParseRejected {
  const spans: number[] = [];
  const jenis = readJenis(work, c, old ? old.jenis : codeJenis, spans);
  if (typeof jenis !== "string") return jenis;
  // Blanking phrases only matters when a later reading could read inside one (rules.ts).
  if (!c.inertPhrases) work = blankJenis(work, c, spans);

  const quals: string[] = [];
  let lampiranWithoutNumber = false;
  if (work.includes("lamp")) {
    // An attachment marked with a letter ("Lampiran I.A", "Lampiran 2a"): the archive numbers
    // attachments 1, 2, 3 …, and "I.A" read as attachment 1 took its slot (subject.ts reads the
    // same at a subject's end).
    const letter = LETTER_LAMPIRAN.exec(work);
    if (letter !== null) return rejectVariant("NO_LAMPIRAN_NUMBER:letter", letter[0]);
    work = take(work, LAMPIRAN, (m) => {
      const n = m[1] === undefined ? 0 : romanOrInt(m[1]);
      if (n > 0) addOnce(quals, `LAMPIRAN-${n}`);
      else lampiranWithoutNumber = true;
      const to = m[2] === undefined ? 0 : romanOrInt(m[2]);
      if (to > 0) addOnce(quals, `LAMPIRAN-${to}`);
    });
  }
  let copyNumber: string | null = null;
  if (work.includes("salinan") || work.includes("legalis")) {
    work = take(work, SALINAN, (m) => {
      addOnce(quals, "SALINAN");
      copyNumber ??= m[1] ?? null;
    });
  }

  // "No Urut 12": a place in a list (of candidates, of files), never the decree's serial.
  if (work.includes("urut")) work = take(work, LIST_ORDER);
  let elections = 0;
  if (work.includes("pemil") || work.includes("pil")) {
    ELECTION_YEAR.lastIndex = 0;
    while (ELECTION_YEAR.test(work)) elections++;
  }
  // A budget year counts as an election's does ("No 3 TA 2014", "DIPA 2013").
  if (
    work.includes("dipa") ||
    work.includes("anggaran") ||
    ((work.includes("ta") || work.includes("t.a")) && TA.test(work))
  ) {
    BUDGET_YEAR.lastIndex = 0;
    while (BUDGET_YEAR.test(work)) elections++;
  }
  const numbers: string[] = [];
  const years: number[] = [];
  if (old) {
    numbers.push(old.serial);
    years.push(old.year);
  }
  // The bare numbers that are no serial ("Dapil 5", the region code), also in `numbers`; of
  // those, the ones that say where the file is kept or logged ("Box 12", "Reg 0932").
  const owned: string[] = [];
  const filed: string[] = [];
  // The serials typed with their year ("14-2024") or after "No": marked as the decree's.
  const marked: string[] = [];
  if (work.includes("-") || work.includes("/")) {
    work = takePairs(work, numbers, years, owned, filed, c);
    marked.push(...numbers);
  }
  // "Th 24": a year of two digits after its keyword, its 20xx (TWO_DIGIT_YEAR); blanked, so
  // its digits are no second serial.
  let short: RegExpExecArray | null = null;
  if (c.twoDigitYears && (work.includes("th") || work.includes("tah"))) {
    short = TWO_DIGIT_YEAR.exec(work);
    if (short !== null) {
      work = blankSpans(work, [short.index, short.index + short[0].length]);
      years.push(2000 + Number(short[1]));
    }
  }
  const before = numbers.length;
  const apart = readFields(work, numbers, years, owned, filed, c, marked);
  if (apart !== null) return reject("LETTER_APART", apart.toUpperCase());
  // "Th 2024 - 2" with no other number: the "- 2" may be a copy counter or a page, no serial;
  // "2024-12 SK Ketua …" in front, a year and its month as likely.
  if (
    numbers.length === 1 &&
    before === 0 &&
    (counterAfterYear(work, numbers[0]!) || monthAfterLeadingYear(work, numbers[0]!))
  ) {
    return reject("NO_NUMBER");
  }

  // "No 5 … Salinan 2": the copy's number competes with the serial, as it did when it was read.
  if (copyNumber !== null && numbers.length > 0) {
    return reject("AMBIGUOUS_NUMBER", `${normNomor(numbers[0]!) ?? numbers[0]}, ${copyNumber}`);
  }
  // A page's or a part's number in the head ("Hal 2 SK Ketua No 93 …", "… Th 2024 bag 2 ttg …"),
  // counted above: one page of the decree, never all of it (subject.ts reads the same at a
  // subject's end).
  if (owned.length > 0) {
    const page = PAGE_IN_HEAD.exec(work);
    if (page !== null) return reject("PAGE_ONLY", page[0]);
  }
  const nomor = oneNumber(
    owned.length === 0 ? numbers : uncounted(numbers, owned, filed, marked, c),
  );
  if (typeof nomor !== "string") return years.length === 0 ? (shortYear(work) ?? nomor) : nomor;
  // "No 2024 Th 12": the labels swapped, not decree 2024 of 2012.
  if (short !== null && isYearShaped(nomor))
    return reject("SHORT_YEAR", short[0].trim().toUpperCase());
  if (elections > 0 && years.length <= elections) return reject("NO_YEAR");
  let tahun = oneYear(years);
  if (typeof tahun !== "number") {
    if (years.length === 0) return shortYear(work) ?? tahun;
    // An old-style number carries its own year ("Pembentukan PPS Pemilu 2019 SK Ketua 12_PP.05.2-
    // Kpt_3172_KPU-Kot_XII_2018"): beside elections' years only, that one is the decree's.
    const decreeYear =
      elections === 0
        ? null
        : old !== null && years.length - 1 <= elections
          ? old.year
          : yearBesideElections(work, years);
    if (decreeYear === null) return tahun;
    tahun = decreeYear;
  }
  if (quals.length > 1) return reject("AMBIGUOUS_QUALIFIER", quals.join(", "));
  if (lampiranWithoutNumber && !quals.some((q) => q.startsWith("LAMPIRAN-"))) {
    return reject("NO_LAMPIRAN_NUMBER");
  }
  // Only numbers that are no serial: none is the decree's. Beside a serial typed bare they
  // still make the head ambiguous (uncounted): which of two bare numbers a clerk meant is not
  // read from a word, unless the counts only say where the file is kept.
  const counted = owned.length > 0 && owned.length === numbers.length;
  return { jenis, tahun, nomor, qualifier: quals[0] ?? null, counted };
}

/**
 * COUNTERS that say where a file is kept or logged, or count a device's files: never a decree's
 * serial, whatever else the name has (uncounted).
 */
const FILED_COUNTERS: readonly string[] = [
  // A scanner's counter in front ("scan 12 SK Ketua 2024", "SCAN_0012 …"); so is a camera's
  // ("IMG_0012 SK Ketua 2024").
  "scan",
  "img",
  "dsc",
  // A phone's or an app's count of scanned documents ("Scanned Document 2 SK Ketua 2024",
  // "Dokumen 3 SK …").
  "document",
  "dokumen",
  // A register's, an agenda book's or an archive's number in front ("Reg 0015 SK Ketua 2024",
  // "Agd 45 - SK Ketua …", "Box 3 SK Ketua 2019", "Folder 5 …").
  "reg",
  "register",
  "registrasi",
  "agd",
  "agenda",
  "box",
  "boks",
  "kotak",
  "rak",
  "lemari",
  "folder",
  "map",
  "ordner",
  "bundel",
  "berkas",
];

/**
 * Words that count, order or place something, after which clerks type a number that is no
 * decree's serial: an electoral district ("Dapil 5"), a stage ("Tahap 2", "Tahapan 2"), an
 * ordinal ("Ke-2"), a month, quarter or half-year ("Bulan 3", "Triwulan 2", "Semester 1"), a
 * round, wave or period ("Putaran 2", "Gelombang 2", "Periode 2"), a working group or team
 * ("Pokja 2", "Tim 3"), an area ("Kec 6", "Kel 2", "RT 3", "RW 5", "TPS 12", "Zona 1",
 * "Wilayah 2", "Dusun 1"), a part of a document or of a scan ("Bab 2", "Pasal 5", "Jilid 2",
 * "Hal 1", "Lembar 2", "Bagian 2"), a group or session ("Angkatan 3", "Batch 2", "Sesi 2",
 * "Kelompok 4", "Regu 1", "Shift 2"), a procurement package or payment ("Paket 2", "Termin 3"),
 * a day or week ("Tgl 5", "Minggu 2"). Read only for a number typed without "No".
 */
export const COUNTERS: ReadonlySet<string> = new Set([
  "dapil",
  "tahap",
  "tahapan",
  "thp",
  "ke",
  "bulan",
  "bln",
  "triwulan",
  "tw",
  "kuartal",
  "caturwulan",
  "cawu",
  "semester",
  "smt",
  "smstr",
  "gelombang",
  "gel",
  "putaran",
  "periode",
  "pokja",
  "tim",
  "kelompok",
  "klp",
  "regu",
  "kec",
  "kecamatan",
  "kel",
  "kelurahan",
  "desa",
  "dusun",
  "rt",
  "rw",
  "tps",
  "zona",
  "wilayah",
  "wil",
  "sektor",
  "blok",
  "lantai",
  "lt",
  "ruang",
  "bagian",
  "bag",
  "bab",
  "pasal",
  "ayat",
  "jilid",
  "buku",
  "volume",
  "vol",
  "edisi",
  "seri",
  ...FILED_COUNTERS,
  "file",
  "urut",
  "hal",
  "halaman",
  "hlm",
  "lembar",
  "lbr",
  "page",
  "part",
  "angkatan",
  "batch",
  "sesi",
  "shift",
  "giliran",
  "kloter",
  "paket",
  "lot",
  "termin",
  "tgl",
  "tanggal",
  "hari",
  "minggu",
  "pekan",
]);

/**
 * Words a bare number before them counts ("31 Kelurahan", "18 Parpol", "6 Kecamatan", "2.345
 * TPS"): never zero-padded, as a serial often is ("012 PPS Rorotan" is decree 12). The ad-hoc
 * bodies (PPK, PPS, KPPS) are left out: a decree's subject starts with them as often.
 */
const COUNTED_AFTER: ReadonlySet<string> = new Set([
  "kelurahan",
  "kecamatan",
  "desa",
  "parpol",
  "partai",
  "orang",
  "kursi",
  "tps",
]);

/**
 * Whether the subject starting at `at` (without "tentang") starts with a word COUNTED_AFTER and
 * right before it stands a bare number of one to three digits, not zero-padded ("SK KPU Jakut
 * 2024 31 Kelurahan PPS"): the number counts the subject's word as likely as it is the serial,
 * which "No 31 Kelurahan" would settle. Filed, 31 kelurahan made decree 31.
 */
export function countsSubject(folded: string, at: number): boolean {
  let e = at;
  while (e < folded.length && isLetter(folded.charCodeAt(e))) e++;
  if (e === at || !COUNTED_AFTER.has(folded.slice(at, e))) return false;
  let i = at;
  while (i > 0 && isApartGap(folded.charCodeAt(i - 1))) i--;
  let d = i;
  while (d > 0 && isDigit(folded.charCodeAt(d - 1))) d--;
  if (d === i || i === at || i - d > 3 || folded.charCodeAt(d) === 0x30) return false;
  if (d > 0 && isWordChar(folded.charCodeAt(d - 1))) return false;
  let k = d;
  while (k > 0 && !isWordChar(folded.charCodeAt(k - 1))) k--;
  let w = k;
  while (w > 0 && isWordChar(folded.charCodeAt(w - 1))) w--;
  return !HEAD_KEYWORDS.has(folded.slice(w, k));
}

/** A space, "_" or "-": what stands between a count and its word in a name typed apart. */
function isApartGap(code: number): boolean {
  return code === 0x20 || code === 0x5f || code === 0x2d;
}

/** A page's or a part's word and its number (COUNTERS count them too). */
const PAGE_IN_HEAD = new RegExp(
  String.raw`(?<![a-z0-9])(?:${PAGE_WORD}|${PART_WORDS.join("|")})[\s.:_#-]*\d{1,4}(?![0-9])`,
);

/** What may stand between a counting word and its number: " ", ".", "-", "_", ":", "#". */
function isCounterGap(code: number): boolean {
  return (
    code === 0x20 ||
    code === 0x2e ||
    code === 0x2d ||
    code === 0x5f ||
    code === 0x3a ||
    code === 0x23
  );
}

/** notSerial's answers: a serial maybe, a count, a count that says where the file is kept. */
const SERIAL = 0;
const COUNTED = 1;
const FILED = 2;

/** Records `raw` in `owned` (and `filed`) as `kind`, notSerial's answer, says. */
function owns(kind: number, raw: string, owned: string[], filed: string[]): void {
  if (kind === SERIAL) return;
  owned.push(raw);
  if (kind === FILED) filed.push(raw);
}

/**
 * What the bare number `raw` at `at` in `work` is: COUNTED, no serial, when it is a region code,
 * this office's or one of another office's shape (region-code.ts isRegionCodeSerial), a
 * counter in brackets before the decree's word, or it follows a counting word (COUNTERS) as a
 * word of its own; FILED when that word or a shelf's letter says where the file is kept or
 * logged, or a device's count (FILED_WORDS); else SERIAL. Runs only for a number typed without
 * "No".
 */
function notSerial(work: string, at: number, raw: string, c: CompiledRules): number {
  if (isRegionCode(raw, c)) return COUNTED;
  // In brackets right before the decree's word ("Adobe Scan 12 Mar 2024 (4) SK Sekretaris …"):
  // a copy's or a list's counter, as "(4) SK …" in front is (repair.ts NUMBER_BEFORE_DECREE).
  if (
    work.charCodeAt(at - 1) === 0x28 &&
    BRACKETED_BEFORE_DECREE.test(work.slice(at + raw.length))
  ) {
    return COUNTED;
  }
  const before = wordBefore(work, at);
  if (before === null) return yearOfFiled(work, at) ? FILED : SERIAL;
  const word = work.slice(before[0], before[1]);
  if (COUNTERS.has(word)) return FILED_WORDS.has(word) ? FILED : COUNTED;
  // A shelf's or a box's letter between its word and the number ("Rak B-2", "Box A 3").
  if (word.length !== 1) return SERIAL;
  const shelf = wordBefore(work, before[0]);
  return shelf !== null && SHELVES.has(work.slice(shelf[0], shelf[1])) ? FILED : SERIAL;
}

/**
 * The word of letters right before `at` in `work`, apart from it by counter gaps (one at
 * least) and a word of its own, as [start, end); null when there is none.
 */
function wordBefore(work: string, at: number): [number, number] | null {
  let i = at;
  while (i > 0 && isCounterGap(work.charCodeAt(i - 1))) i--;
  if (i === at) return null;
  let j = i;
  while (j > 0 && isLetter(work.charCodeAt(j - 1))) j--;
  if (j === i || (j > 0 && WORD_CHAR.test(work[j - 1]!))) return null;
  return [j, i];
}

/**
 * Whether a year stands right before `at` in `work`, apart from it by counter gaps, and a word
 * of FILED_WORDS before that: a register's or an agenda book's number of that year
 * ("Agd_2024_0088_SK Ketua 2024", "Reg 2023 15 …").
 */
function yearOfFiled(work: string, at: number): boolean {
  let end = at;
  while (end > 0 && isCounterGap(work.charCodeAt(end - 1))) end--;
  const y = end - 4;
  if (end === at || y < 1 || !isYearShaped(work.slice(y, end)) || isDigit(work.charCodeAt(y - 1))) {
    return false;
  }
  const word = wordBefore(work, y);
  return word !== null && FILED_WORDS.has(work.slice(word[0], word[1]));
}

/** FILED_COUNTERS, looked up. */
const FILED_WORDS: ReadonlySet<string> = new Set(FILED_COUNTERS);
/** An archive's places whose numbers carry a letter: "Rak B-2", "Lemari C-4", "Box A 3". */
const SHELVES: ReadonlySet<string> = new Set(["rak", "lemari", "box", "boks", "kotak", "ordner"]);

/** Whether the bare number `raw` is a region code, this office's or of another's shape. */
function isRegionCode(raw: string, c: CompiledRules): boolean {
  if (raw.length < 4) return false;
  const nomor = normNomor(raw);
  return nomor !== null && isRegionCodeSerial(nomor, c.office);
}

/**
 * "Th 24", "Thn 09", "Tahun '22": a year of two digits after its keyword, read as 20xx (group
 * 1) when the archive's first year rules out 19xx (rules.ts twoDigitYears) and the digits are
 * at most 30; a later 20xx has not come, and "Th 99" may be 1999. Not "20": a title cut at
 * the file system's limit ("…-Tahun-20") ends so. Blind corpora's writers filed such names as
 * 2024, 2009, 2022: the century is no guess where only one is in range.
 */
const TWO_DIGIT_YEAR = /(?<![a-z0-9])(?:tahun|thn|th|tah)[\s.:_'-]*(0\d|1\d|2[1-9]|30)(?![a-z0-9])/;

/** "Th 24" / "Tahun 24": a year typed short, its digits then read as a second number. */
const SHORT_YEAR = /(?<![a-z0-9])(?:tahun|thn|th|tah)[\s.:_'-]*(\d{1,3})(?![a-z0-9])/;

/**
 * For a head refused without a year: a year typed short ("No 12 Tahun 245") is refused as
 * SHORT_YEAR, telling the clerk to write the year in four digits instead of advice about the
 * number its digits were taken for. Two digits after the keyword are read (TWO_DIGIT_YEAR).
 */
function shortYear(work: string): ParseRejected | null {
  const m = SHORT_YEAR.exec(work);
  return m ? reject("SHORT_YEAR", m[0].trim().toUpperCase()) : null;
}

/**
 * The one serial the readings give (normalised), or why not. Most heads read one number, or the
 * same one twice, which is decided without building the list of distinct readings.
 */
function oneNumber(numbers: readonly string[]): string | ParseRejected {
  if (numbers.length === 0) return reject("NO_NUMBER");
  const first = normNomor(numbers[0]!) ?? `!${numbers[0]}`;
  for (let i = 1; i < numbers.length; i++) {
    if ((normNomor(numbers[i]!) ?? `!${numbers[i]}`) !== first) {
      const distinct: string[] = [];
      // Indexed loops: a for-of loop makes an iterator result per item until V8 optimises it.
      for (let k = 0; k < numbers.length; k++) {
        const n = numbers[k]!;
        addOnce(distinct, normNomor(n) ?? `!${n}`);
      }
      return reject("AMBIGUOUS_NUMBER", distinct.map((n) => n.replace("!", "")).join(", "));
    }
  }
  return first.startsWith("!") ? reject("BAD_NUMBER", first.slice(1)) : first;
}

/**
 * The numbers that may be the serial, of a head in which some are counted (of `owned`, those
 * after a counting word: "Tahap 2", "TPS 012", notSerial): when the others are one serial typed
 * after "No" or with its year (`marked`: "Penetapan DPTb Tahap 2 - SK Ketua No 14 Th 2024",
 * "… 14-2024"), or when every count says where the file is kept (`filed`: "Box 12 Reg 0932 Kep
 * Ketua 27 2014"), that serial alone, the counts being the subject's or the archive's; else all
 * of them (`numbers`), and two make the head ambiguous. Each count stands for one entry of `numbers`
 * ("TPS 2 No 2" keeps one 2). Another office's region code stays: it names its issuer, which
 * lenient.ts reads from the ambiguity; this office's own ("SK Ketua KPU Kota Jakarta Utara 3172
 * No 12 …") is counted as the others are.
 */
function uncounted(
  numbers: readonly string[],
  owned: readonly string[],
  filed: readonly string[],
  marked: readonly string[],
  c: CompiledRules,
): readonly string[] {
  const counts = owned.filter((n) => !isOtherRegionCode(normNomor(n) ?? "", c.office));
  const rest: string[] = [];
  for (const n of numbers) {
    const i = counts.indexOf(n);
    if (i >= 0) counts.splice(i, 1);
    else rest.push(n);
  }
  if (rest.length === 0) return numbers;
  const serial = normNomor(rest[0]!);
  const one = serial !== null && rest.every((n) => normNomor(n) === serial);
  // Counts that only say where the file is kept ("Box 12 Folder 4 Kep Ketua 27 2014") leave
  // the one other number the serial, typed bare or not.
  const keptOnly = owned.every((n) => filed.includes(n));
  return one && (keptOnly || marked.some((n) => normNomor(n) === serial)) ? rest : numbers;
}

/**
 * For a head whose `years` differ, of which some are elections' typed in a subject before the
 * decree's "No" ("DPS Pemilu 2024_SK Ketua No 45 Th 2023", ELECTION_YEAR): the one other year,
 * typed after "Th"/"Tahun", is the decree's. Null when there is none or more than one, when a
 * year is typed bare besides, or when an election's year follows the "No" ("No 12 Pilkada 2024
 * Th 2023": two years in competing roles).
 */
function yearBesideElections(work: string, years: readonly number[]): number | null {
  const serial = KEYED_SERIAL.exec(work);
  if (serial === null) return null;
  const elected: number[] = [];
  ELECTION_YEAR.lastIndex = 0;
  for (let m = ELECTION_YEAR.exec(work); m; m = ELECTION_YEAR.exec(work)) {
    if (m.index > serial.index) return null;
    elected.push(Number(m[0].slice(-4)));
  }
  const rest = years.filter((y) => !elected.includes(y));
  if (rest.length === 0 || rest.some((y) => y !== rest[0])) return null;
  KEYED_YEAR.lastIndex = 0;
  for (let m = KEYED_YEAR.exec(work); m; m = KEYED_YEAR.exec(work)) {
    if (Number(m[1]) === rest[0] && !elected.includes(rest[0]!)) return rest[0]!;
  }
  return null;
}

/** A serial after "No"/"Nomor", as FIELDS reads it. */
const KEYED_SERIAL = /(?<![a-z0-9])(?:nomor|nomer|nmr|no)[\s.:_-]*\d/;
/** A year after "Th"/"Tahun", as FIELDS reads it (group 1). */
const KEYED_YEAR = /(?<![a-z0-9])(?:tahun|thn|th|tah)[\s.:_-]*(\d{4})(?![0-9])/g;

/** The one year the readings give, or why not (as oneNumber). */
function oneYear(years: readonly number[]): number | ParseRejected {
  if (years.length === 0) return reject("NO_YEAR");
  const first = years[0]!;
  for (let i = 1; i < years.length; i++) {
    if (years[i] !== first) {
      const distinct: number[] = [];
      for (let k = 0; k < years.length; k++) addOnce(distinct, years[k]!);
      return reject("AMBIGUOUS_YEAR", distinct.join(", "));
    }
  }
  return first;
}

/** Appends `v` unless already there: a set that keeps first-seen order, for a handful of items. */
function addOnce<T>(list: T[], v: T): void {
  if (!list.includes(v)) list.push(v);
}

/**
 * Appends the No serials, then the bare serials, to `numbers`, and the Th years, then the bare
 * years, to `years` (the order the readings report them in; it shows in rejection details).
 * A year-shaped bare word is a year, any other a serial; one that is no serial (notSerial) goes
 * to `owned` too. Returns a serial followed by a lone letter ("12 B"), if any: the head cannot
 * tell 12 from 12B then.
 */
function readFields(
  work: string,
  numbers: string[],
  years: number[],
  owned: string[],
  filed: string[],
  c: CompiledRules,
  marked: string[],
): string | null {
  // Where the No serials and Th years go: before the bare ones found so far.
  let numbersAt = numbers.length;
  let yearsAt = years.length;
  let apart: string | null = null;
  FIELDS.lastIndex = 0;
  for (let m = FIELDS.exec(work); m; m = FIELDS.exec(work)) {
    if (m[1] !== undefined) {
      // A letter between the serial and its year's keyword ("No 75 B Th 2024", "No 19 A Tahun
      // 2024") can be nothing but the serial's own, typed apart: 75B.
      let serial = m[1];
      if (m[3] !== undefined) {
        YEAR_KEYWORD_AT.lastIndex = FIELDS.lastIndex;
        if (!isLetter(serial.charCodeAt(serial.length - 1)) && YEAR_KEYWORD_AT.test(work)) {
          serial += m[3];
        } else apart ??= `${m[1]} ${m[3]}`;
      }
      insertAt(numbers, numbersAt++, serial);
      marked.push(serial);
      continue;
    }
    if (m[2] !== undefined) {
      insertAt(years, yearsAt++, Number(m[2]));
      continue;
    }
    // A bare word: the match may hold a lone letter after it.
    const w = m[3] === undefined ? m[0] : m[0].slice(0, m[0].search(/[^a-z0-9]/));
    if (isYearShaped(w)) years.push(Number(w));
    else if (w.length === 8 && isDate8(w)) continue;
    else {
      const owner = notSerial(work, m.index, w, c);
      // As after "No": a letter between a bare serial and its year's keyword ("SK Sek 12-A Th
      // 2024", "SK Ketua 45.A Tahun 2024") is the serial's own.
      let serial = w;
      if (m[3] !== undefined && owner === SERIAL) {
        YEAR_KEYWORD_AT.lastIndex = FIELDS.lastIndex;
        if (YEAR_KEYWORD_AT.test(work)) serial += m[3];
        else apart ??= `${w} ${m[3]}`;
      } else if (m[3] !== undefined) apart ??= `${w} ${m[3]}`;
      numbers.push(serial);
      owns(owner, serial, owned, filed);
    }
  }
  return apart;
}

/**
 * Whether `serial`, a bare number the head read as its only serial, is what `work` ends with,
 * one digit, or two up to 12, after a dash right after a year ("SK Ketua Th 2024 - 2", "SK
 * Ketua 2024-2", "2024-12"): as likely a copy counter, a page or the month as the decree's
 * number, which a clerk who means it writes "No 2". Typed apart without a dash ("kpt ketua 2024
 * 012"), before the year ("2 - 2024"), or past any month ("sk ketua 2021-15"), it is the
 * serial. Called only for a head with one serial, and most do not end so.
 */
function counterAfterYear(work: string, serial: string): boolean {
  if (serial.length > 2 || (serial.length === 2 && Number(serial) > 12)) return false;
  let i = work.length;
  while (i > 0 && !isWordChar(work.charCodeAt(i - 1))) i--;
  // Most heads end with their year or a "No" serial of other digits: one comparison tells.
  if (work.charCodeAt(i - 1) !== serial.charCodeAt(serial.length - 1)) return false;
  if (!work.endsWith(serial, i) || i - serial.length < 6) return false;
  let j = i - serial.length;
  while (j > 0 && isGap(work.charCodeAt(j - 1))) j--;
  if (!DASHES.includes(work[j - 1] ?? "")) return false;
  j--;
  while (j > 0 && isGap(work.charCodeAt(j - 1))) j--;
  return j >= 4 && isYearShaped(work.slice(j - 4, j)) && !isWordChar(work.charCodeAt(j - 5));
}

/**
 * Whether `serial`, a bare number the head read as its only serial, is a month (1–12, one or two
 * digits) joined by "-", "_" or "." to a year that starts the name ("2024-12 SK Ketua ttg DPT",
 * "2024_05_SK Ketua …"): a filing date's year and month as likely as the year and the decree's
 * number. A serial padded to three digits ("2024_012_SK Ketua") is the number.
 */
function monthAfterLeadingYear(work: string, serial: string): boolean {
  const month = Number(serial);
  if (serial.length > 2 || month < 1 || month > 12) return false;
  let i = 0;
  while (i < work.length && !isWordChar(work.charCodeAt(i))) i++;
  const sep = work.charCodeAt(i + 4);
  if ((sep !== 0x2d && sep !== 0x5f && sep !== 0x2e) || !isYearShaped(work.slice(i, i + 4))) {
    return false;
  }
  return work.startsWith(serial, i + 5) && !isWordChar(work.charCodeAt(i + 5 + serial.length));
}

/** The rest of a bracketed number whose decree's word follows ("(4) SK …", "(4)_Kep …"). */
const BRACKETED_BEFORE_DECREE = /^\)[\s_]*(?:keputusan|sk|kep)(?![a-z0-9])/;

/** A space or "_" around a dash. */
function isGap(code: number): boolean {
  return code === 0x20 || code === 0x5f;
}

/** A hyphen, an en dash, an em dash. */
const DASHES = "-\u2013\u2014";

/** Whether four digits are a month and a day ("0312", "1231"). */
function isMonthDay(w: string): boolean {
  const m = Number(w.slice(0, 2));
  const d = Number(w.slice(2, 4));
  return m >= 1 && m <= 12 && d >= 1 && d <= 31;
}

/** A scan date typed as 8 digits: yyyymmdd or ddmmyyyy, a real day and month of 19xx/20xx. */
function isDate8(w: string): boolean {
  const ok = (y: number, m: number, d: number) =>
    y >= 1900 && y <= 2099 && m >= 1 && m <= 12 && d >= 1 && d <= 31;
  const n = (a: number, b: number) => Number(w.slice(a, b));
  return ok(n(0, 4), n(4, 6), n(6, 8)) || ok(n(4, 8), n(2, 4), n(0, 2));
}

/** Inserts `v` at `at`; at the end (the usual case: no bare number before it) a plain push. */
function insertAt<T>(list: T[], at: number, v: T): void {
  if (at === list.length) list.push(v);
  else list.splice(at, 0, v);
}

/**
 * A number typed in digits, in Roman numerals (i, v, x) or in words (numbers.ts wordsValue:
 * "dua", "dua puluh satu").
 */
export function romanOrInt(s: string): number {
  if (/^\d+$/.test(s)) return Number(s);
  if (!/^[ivx]+$/.test(s)) return wordsValue(s);
  const v: Record<string, number> = { i: 1, v: 5, x: 10 };
  let n = 0;
  for (let i = 0; i < s.length; i++) {
    const a = v[s[i]!]!;
    const b = i + 1 < s.length ? v[s[i + 1]!]! : 0;
    n += a < b ? -a : a;
  }
  return n;
}

/**
 * The one jenis the head names: its phrases (code, label, aliases) and the old-style number's
 * issuer marker must agree. A phrase inside a longer phrase of another jenis does not count.
 * `spans` receives every phrase found, as (start, end, index into `c.jenis`) triples, when they
 * are needed: unless the phrases are inert (rules.ts), or when more than one jenis has one.
 */
function readJenis(
  work: string,
  c: CompiledRules,
  fromMarker: string | null,
  spans: number[],
): string | ParseRejected {
  // With inert phrases nothing blanks them, so where they are matters only when two jenis have
  // one (keptCodes): for most heads, whether each jenis has one is a single test.
  if (c.inertPhrases) {
    let found: string | null = null;
    let several = false;
    for (let k = 0; k < c.jenis.length; k++) {
      const j = c.jenis[k]!;
      j.re.lastIndex = 0;
      if (!j.re.test(work)) continue;
      if (found === null) found = j.code;
      else if (j.code !== found) several = true;
    }
    if (!several) {
      if (found === null) return fromMarker || reject("NO_JENIS");
      if (fromMarker && fromMarker !== found) {
        return reject("AMBIGUOUS_JENIS", `${found}, ${fromMarker}`);
      }
      return found;
    }
  }
  let codes: string[] = [];
  for (let k = 0; k < c.jenis.length; k++) {
    const j = c.jenis[k]!;
    j.re.lastIndex = 0;
    for (let m = j.re.exec(work); m; m = j.re.exec(work)) {
      spans.push(m.index, m.index + m[0].length, k);
      addOnce(codes, j.code);
    }
  }
  // Only phrases of different jenis can hide one another; most heads name one jenis.
  if (codes.length > 1) codes = keptCodes(spans, c);
  if (fromMarker) addOnce(codes, fromMarker);
  if (codes.length === 0) return reject("NO_JENIS");
  if (codes.length > 1) return reject("AMBIGUOUS_JENIS", codes.join(", "));
  return codes[0]!;
}

/** Codes of the phrases not inside a longer one (longest first), in first-kept order. */
function keptCodes(spans: readonly number[], c: CompiledRules): string[] {
  const hits: { start: number; end: number; code: string }[] = [];
  for (let i = 0; i < spans.length; i += 3) {
    hits.push({ start: spans[i]!, end: spans[i + 1]!, code: c.jenis[spans[i + 2]!]!.code });
  }
  hits.sort((a, b) => b.end - b.start - (a.end - a.start));
  const kept: typeof hits = [];
  for (const h of hits) {
    if (!kept.some((k) => h.start < k.end && k.start < h.end)) kept.push(h);
  }
  const codes: string[] = [];
  for (const k of kept) addOnce(codes, k.code);
  return codes;
}

/**
 * Blanks the jenis phrases as `take` would, jenis by jenis in config order, reusing what
 * readJenis found: until the first blank a search finds what it found. After a blank, a later
 * jenis can find a phrase that readJenis did not: a blank separates words, so it can join the
 * words on either side into one phrase. With no word before the blanks (the usual "SK Ketua
 * No 12 …"), nothing can be joined and a jenis that found nothing is not searched again.
 */
function blankJenis(work: string, c: CompiledRules, spans: readonly number[]): string {
  if (spans.length === 0) return work;
  const first = spans[2]!;
  const own: number[] = [];
  let i = 0;
  for (; i < spans.length && spans[i + 2] === first; i += 3) own.push(spans[i]!, spans[i + 1]!);
  let out = blankSpans(work, own);
  let joinable = WORD_CHAR.test(out.slice(0, own[own.length - 2]));
  for (let k = first + 1; k < c.jenis.length; k++) {
    const found = i < spans.length && spans[i + 2] === k;
    while (i < spans.length && spans[i + 2] === k) i += 3;
    if (!found && !joinable) continue;
    const before = out;
    out = take(out, c.jenis[k]!.re);
    // A new blank may have words before it: from here on, search every jenis again.
    if (out !== before) joinable = true;
  }
  return out;
}
