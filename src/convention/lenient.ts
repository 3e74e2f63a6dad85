/**
 * The lenient reading of a name that is not canonical: where the head (the fields) ends and the
 * subject starts (subject-start.ts), then the head's readings (head.ts) and the subject's
 * (subject-read.ts). Pure.
 */

import { sharedPlaceOnly } from "./area.js";
import { officeAfterSubject } from "./body-place.js";
import { inBudgetRole } from "./budget-role.js";
import { dayBeforeMonth } from "./day-month.js";
import { namesKind, notADecree } from "./doc-kind.js";
import {
  blankDates,
  blankSpans,
  countsSubject,
  LETTER_LAMPIRAN,
  newYearSigning,
  numberOnlyHead,
  readHead,
  romanOrInt,
  signingYear,
} from "./head.js";
import { frontNumbers, headSubject, nameStart, regulationSerial } from "./head-subject.js";
import { checkDecree, checkIssuer } from "./issuer.js";
import { MONTH_ALTERNATION } from "./months.js";
import { isDigit, isWordChar } from "./numbers.js";
import {
  type CompiledOffice,
  checkOldOffice,
  institutionNamed,
  officeWordAt,
  otherPlaceBeforeName,
  otherPlaceFirst,
  otherPlaceInFront,
} from "./office.js";
import {
  type ClassCodes,
  findClassCodes,
  findOldNumber,
  findPartialOldNumber,
  hasNumberKpt,
  type OldNumber,
  type PartialOldNumber,
  plainSeparators,
  slashLikeAfterKpt,
} from "./old-numbers.js";
import { mayStartPlace } from "./place-start.js";
import { reject, rejectVariant } from "./reasons.js";
import { foreignRegionCode, isOtherRegionCode, isRegionCodeShape } from "./region-code.js";
import type { CompiledRules } from "./rules.js";
import { blankHeadNoise, pageAtEnd } from "./subject.js";
import { subjectHints } from "./subject-hints.js";
import {
  isApart,
  type LenientDecree,
  letterApart,
  otherOfficeIn,
  secondInUnmarked,
  withSubject,
} from "./subject-read.js";
import {
  firstWordAt,
  ROMAN,
  type Span,
  subjectStart,
  subjectStartAround,
} from "./subject-start.js";
import { NOT_OWN_NAMED, OWN_NAMED } from "./subject-tag.js";
import { CONTROL_CHARS, foldSameLength, hasControlChar, TENTANG } from "./text.js";
import type { ParseRejected } from "./types.js";

/**
 * The decree in `stem` (the name without its extension; `ascii` when it is plain ASCII), or why
 * not. `printableFolded` is the stem lower-cased when it is printable ASCII, else null. The
 * serial is normalised; the year is not range-checked yet.
 *
 * The head is the text before "tentang"/"ttg"; without it, the text up to the first free word
 * after the numbers (subjectStart). The subject is the rest, as typed (text.ts cleanTentang).
 */
export function lenient(
  stem: string,
  printableFolded: string | null,
  ext: string,
  c: CompiledRules,
  ascii: boolean,
): LenientDecree | ParseRejected {
  const folded = printableFolded ?? fold(stem, ascii);
  const marker = TENTANG.exec(folded);
  let headEnd = marker ? marker.index : folded.length;
  let tailStart = marker ? marker.index + marker[0].length : folded.length;
  // Old-style numbers are read with slashes typed as look-alikes ("∕", or ":" after "Kpt") made
  // "/", at the same positions (old-numbers.ts); look-alike dashes are folded to "-" already.
  const numbers = slashLikeAfterKpt(ascii ? folded : plainSeparators(folded));
  const kpt = hasNumberKpt(numbers, headEnd);
  const old = kpt ? findOldNumber(numbers, headEnd, stem, c) : null;
  // An old-style number typed without its month or with a two-digit year: its place is found as
  // the number's, so its words are neither the subject nor another institution; refused below.
  const partial = kpt && old === null ? findPartialOldNumber(numbers, headEnd, stem, c) : null;
  // A classification code typed without the rest of its number ("No 9 KU.02.1-Kpt-Sek Th
  // 2021"): read as the number's words, never as a serial or another office.
  const codes =
    kpt && old === null && partial === null ? findClassCodes(numbers, headEnd, stem, c) : null;
  if (!marker) {
    headEnd = subjectStartAround(folded, old ?? partial ?? firstSpan(codes), c);
    tailStart = headEnd;
  }
  const apart = marker ? null : letterApart(folded, headEnd);
  const inHead = old && old.end <= headEnd ? old : null;
  let work = folded.slice(0, headEnd);
  if (inHead) {
    // A marker that is no configured jenis' is another office's; a number printed without one
    // takes the jenis the name types (old-numbers.ts STYLE_B_BARE).
    if (c.office && c.hasMarkers && inHead.jenis === null && inHead.issuer !== "") {
      return unknownMarker(inHead, c.office);
    }
    const odd = c.office && oddRegion(inHead, c.office);
    if (odd) return odd;
    const foreign = c.office && checkOldOffice(c.office, inHead.region, inHead.officeCode);
    if (foreign) return foreign;
    work = blankSpans(work, [inHead.start, inHead.end]);
  }
  if (codes) {
    if (c.office && c.hasMarkers && codes.foreign !== null) {
      return reject("OTHER_OFFICE_CODE", codes.foreign);
    }
    if (c.office && codes.region !== null) {
      const other = oddRegion(codes, c.office) ?? checkOldOffice(c.office, codes.region, null);
      if (other) return other;
    }
    work = blankSpans(work, spansBefore(codes.spans, headEnd));
  }
  // An old-style number typed without its month or with a two-digit year: refused (partialRefusal).
  if (partial && partial.end <= headEnd) {
    return partialRefusal(folded, work, headEnd, partial, ext, c);
  }
  // Whose decree it is, and whether it is a decree at all, come first: another office's decree
  // or a letter must not be told to "add SK Ketua" (scanHead). A head that is an old-style
  // number alone leaves the scan nothing to find.
  const numberOnly = inHead !== null && onlyNumberIn(folded, inHead, headEnd);
  const scan = numberOnly ? NOTHING_FOUND : scanHead(work, ext, c);
  if ("reason" in scan) return scan;
  const { kind, date, ownNamed, ownLevel } = scan;
  // A letter, an invitation, minutes …: no decree, whatever number and year it carries.
  if (kind !== null) return notADecree(kind);
  if (date) work = blankDates(work);
  // A head that is an old-style number alone has no word left for the noise to hide.
  if (!numberOnly && (work.includes("rev") || work.includes("("))) {
    work = blankHeadNoise(work);
  }
  const codeJenis = codes ? codes.jenis : null;
  let head = numberOnly ? numberOnlyHead(inHead) : readHead(work, c, inHead, codeJenis);
  // "No 12 Pilkada 2024 Th 2023": without "tentang" the subject was cut at the election, so the
  // head lost the year typed after it. Read with them, as with "tentang": two years in competing
  // roles are AMBIGUOUS_YEAR, the same year twice is the decree's.
  if (!marker && "reason" in head && head.reason === "NO_YEAR") {
    const next = yearAfterElection(folded, tailStart);
    if (next > 0) {
      work += folded.slice(headEnd, next);
      head = readHead(work, c, inHead, codeJenis);
      headEnd = next;
      tailStart = next;
    }
  }
  // "SK Ketua No 57 tgl 2 Mei 2024": a head whose only year is its signing date's (head.ts
  // signingYear; subject-start.ts keeps that date in the head) is read with the year typed.
  if (date && "reason" in head && head.reason === "NO_YEAR") {
    const year = signingYear(folded.slice(0, headEnd), false);
    if (year !== null) head = readHead(`${work} th ${year}`, c, inHead, codeJenis);
  }
  // Another office's place typed in front of the decree's name ("Kab Malang SK Ketua …",
  // "Surabaya SK Ketua …") names its issuer, before any advice on the numbers. A head that
  // names no jenis (or is an old-style number alone) has no decree's name for a place to stand
  // in front of.
  if (c.office && !numberOnly && !("reason" in head && head.reason === "NO_JENIS")) {
    const front = otherPlaceInFront(work, c.phraseAt, c.office);
    if (front) return reject("OTHER_OFFICE", front);
  }
  // Without "tentang", an attachment's letter typed after its number starts the subject
  // ("Lampiran II.B Lokasi TPS"): a part of attachment 2, refused as the head refuses it.
  if (
    !marker &&
    !("reason" in head) &&
    head.qualifier?.startsWith("LAMPIRAN") &&
    loneLetterAt(folded, tailStart)
  ) {
    const letter = LETTER_LAMPIRAN.exec(folded.slice(0, tailStart + 1));
    if (letter !== null) return rejectVariant("NO_LAMPIRAN_NUMBER:letter", letter[0]);
  }
  // ... or a second attachment's number in Roman numerals ("Lampiran I II"): two attachments.
  if (
    !marker &&
    !("reason" in head) &&
    head.qualifier?.startsWith("LAMPIRAN") &&
    ROMAN_ALONE.test(folded.slice(tailStart))
  ) {
    const second = ROMAN_ALONE.exec(folded.slice(tailStart))![1]!;
    return reject("AMBIGUOUS_QUALIFIER", `${head.qualifier}, LAMPIRAN-${romanOrInt(second)}`);
  }
  // A letter apart from the serial: refused once the name reads as a decree, or when it took
  // the year into the subject ("No 12 B 2024").
  if (apart && (!("reason" in head) || head.reason === "NO_YEAR")) return apart;
  // A letter alone after the year ("SK Ketua No 12 Th 2024 A"): 12A's, typed last, or not.
  const last =
    !marker && !apart && !("reason" in head) ? letterApart(folded, tailStart, head.nomor) : null;
  if (last) return last;
  if ("reason" in head) return refusalOf(head, folded, work, tailStart, marker === null, inHead, c);
  // A day before a month's name where the subject starts ("… Th 2024 5 Mei 2024"): read as the
  // serial unless a "No" keyword gave one (day-month.ts).
  if (!marker && !inHead && tailStart < folded.length) {
    const day = dayBeforeMonth(folded, tailStart);
    if (day) return day;
  }
  // Whose decree it is, now that the name reads as one (issuer.ts).
  const unclear = checkDecree(work, folded, tailStart, marker !== null, inHead !== null, head, c);
  if (unclear) return unclear;
  // Another office's place right before the decree's name, a subject typed first before it
  // ("Penetapan DPT Surabaya SK Ketua No 3 …").
  if (c.office && !inHead) {
    const before = otherPlaceBeforeName(work, c.phraseAt, c.office);
    if (before) return before;
  }
  // Another office's level and place typed between the numbers and "tentang" (officeBeforeTentang).
  if (marker && !ownNamed && c.office) {
    const other = officeBeforeTentang(folded, work, headEnd, c);
    if (other) return other;
  }
  // A head that names this office by a place another level's office shares ("KPU Bogor") leaves
  // the subject's office checks on: "… ttg PPK Kecamatan Cibinong" is KPU Kabupaten Bogor's.
  const owner = ownLevel ? OWN_NAMED : NOT_OWN_NAMED;
  // What the subject's checks may find, in one scan (subject-hints.ts).
  const hints = subjectHints(folded, tailStart);
  if (!marker && c.office && tailStart < folded.length) {
    const other = otherOfficeIn(folded, tailStart, c.office, owner, hints);
    if (other) return other;
  }
  if (!marker && tailStart < folded.length) {
    const second = secondInUnmarked(folded, tailStart, head, c, hints);
    if (second) return second;
  }
  // Another office in a tag after the subject ("… ttg DPT (KPU Jakpus)", "… - Bawaslu Jakut"),
  // or its voter list or ad-hoc body as the subject ("… ttg DPT Kota Bekasi", body-place.ts).
  if (c.office && tailStart < folded.length) {
    const tag = officeAfterSubject(folded, tailStart, c.office, owner, hints);
    if (tag) return tag;
  }
  // Where the decree's name starts in the head (most heads start with it, 0). Numbers of a
  // subject typed before it: a cited document's, or the subject's year (frontNumbers).
  // Before an old-style number, its own name: "Penetapan DPT - 56_PP.04.2-Kpt_3172_…" (its year
  // is the number's, so frontNumbers has none to look for).
  // (A head that is the old-style number alone has none: nothing before it to read.)
  const name = !inHead
    ? nameStart(work, c.phraseAt)
    : numberOnly
      ? -1
      : oldNumberName(work, inHead.start, c);
  const front = name > 0 && !inHead ? frontNumbers(work, name, head.tahun) : null;
  if (front) return rejectVariant(front.variant, front.detail);
  // "SK Ketua Pelaksanaan UU No 7 Th 2017": the law's number read as the decree's.
  if (!marker && !inHead) {
    const regulation = regulationSerial(work, head.nomor);
    if (regulation !== null) return rejectVariant("NUMBER_OF_OTHER:regulation", regulation);
  }
  // A subject typed in the head, before the decree's name or its numbers ("Penetapan DPT Kota
  // Bekasi - SK Ketua No 12 …", "SK Ketua Penetapan Hasil Pengawasan … No 3 …"): its words get
  // the subject's office checks too, or the head would hide another office's decree.
  if (c.office && !numberOnly) {
    const inHeadSubject = officeAfterSubject(work, 0, c.office, owner);
    if (inHeadSubject) return inHeadSubject;
  }
  // The only numbers are a counter's ("Dapil 5", "Tahap 2") or a region code: no serial. Told
  // only now, so another body's decree gets the reason that says so, not "add the number".
  if (head.counted) return noSerial(head.nomor, c);
  // A bare serial that counts the subject's first word ("SK KPU Jakut 2024 31 Kelurahan PPS").
  if (!marker && !inHead && countsSubject(folded, firstWordAt(folded, tailStart))) {
    return noSerial(head.nomor, c);
  }
  const read = withSubject(
    stem,
    folded,
    printableFolded !== null,
    ext,
    ascii,
    head,
    tailStart,
    inHead,
    c,
    hints,
  );
  // No subject after the numbers, or only noise there ("… SK Ketua 15-2024 final"): one typed in
  // the head, if any (head-subject.ts), is the subject.
  if ("reason" in read || read.tentang !== null || numberOnly || ownNamed) return read;
  const typed = headSubject(work, name, c.phraseAt, (w) => isHeadWord(w, c));
  if (typed === null || folded.slice(typed[0], typed[1]) !== work.slice(typed[0], typed[1])) {
    return read;
  }
  const [from, to] = typed;
  const f = folded.slice(from, to);
  const again = withSubject(
    stem.slice(from, to),
    f,
    printableFolded !== null,
    ext,
    ascii,
    head,
    0,
    inHead,
    c,
  );
  return "reason" in again ? read : { ...again, qualifier: read.qualifier };
}

/** A Roman numeral as the subject's first word, alone or before a gap ("ii", "iii - rekap"). */
const ROMAN_ALONE = /^([ivx]{1,4})(?![a-z0-9])/;

/** Whether one letter a–h stands alone at `at` ("b lokasi", not "a.n." or "bendahara"). */
function loneLetterAt(folded: string, at: number): boolean {
  const c = folded.charCodeAt(at);
  if (c < 0x61 || c > 0x68 || isWordChar(folded.charCodeAt(at + 1))) return false;
  return folded.charCodeAt(at + 1) !== 0x2e || !isWordChar(folded.charCodeAt(at + 2));
}

/**
 * Where the decree's name starts in a head with the old-style number at `number` (`work`, the
 * number blanked): a jenis phrase before the number ("SK Ketua Penetapan DPT 56_PP…"), else the
 * number itself, which names the decree.
 */
function oldNumberName(work: string, number: number, c: CompiledRules): number {
  const phrase = nameStart(work, c.phraseAt);
  return phrase >= 0 && phrase < number ? phrase : number;
}

/**
 * A word of a jenis phrase ("name"), or of this office's names or of a place ("office"): never a
 * subject's in a head (head-subject.ts). The phrase words a subject uses as often ("Surat
 * Suara", "Pemilihan Gubernur", "Pemilihan Umum") are the subject's there.
 */
function isHeadWord(word: string, c: CompiledRules): "name" | "office" | null {
  if (SUBJECT_PHRASE_WORDS.has(word)) return null;
  // A place's word first: the configured phrases spell this office's place too.
  const o = c.office;
  if (o !== null && (o.ownPlaceWords.has(word) || o.placeWords.has(word))) return "office";
  if (c.vocabulary.has(word)) return "name";
  return o?.own.has(word) ? "office" : null;
}

const SUBJECT_PHRASE_WORDS = new Set(["surat", "pemilihan", "umum"]);

/**
 * The refusal of a name whose head holds an old-style number `partial` typed without its month or
 * its region code or with a two-digit year, ending at or before `headEnd`: another office's number,
 * another institution or a document that is no decree in the head (scanHead), else how to write the
 * number. `work` is the head as read (`folded` up to `headEnd`).
 */
function partialRefusal(
  folded: string,
  work: string,
  headEnd: number,
  partial: PartialOldNumber,
  ext: string,
  c: CompiledRules,
): ParseRejected {
  const foreign = c.office && partialOffice(partial, c);
  if (foreign) return foreign;
  const blanked = blankSpans(work, [partial.start, partial.end]);
  const scan = onlyNumberIn(folded, partial, headEnd) ? NOTHING_FOUND : scanHead(blanked, ext, c);
  if ("reason" in scan) return scan;
  // A letter, an invitation, minutes …: no decree, whatever number and year it carries.
  if (scan.kind !== null) return notADecree(scan.kind);
  if (partial.shortYear) return rejectVariant("SHORT_YEAR:oldNumber", partial.asli);
  return partial.region === null
    ? rejectVariant("BAD_NUMBER:oldNoRegion", partial.asli)
    : rejectVariant("BAD_NUMBER:oldNoMonth", partial.asli);
}

/** What lenient()'s scan of a head found (scanHead). */
interface HeadScan {
  /** A kind of document that is no decree ("undangan", "berita acara"), as typed, or null. */
  kind: string | null;
  /** A date's hint: blankDates blanks the dates before the numbers are read. */
  date: boolean;
  /** The head names this office ("KPU <place>"). */
  ownNamed: boolean;
  /**
   * The head names this office with its level ("KPU Kota Bogor"), or by a place no office of
   * another level shares ("KPU Jakut"; area.ts sharedPlaceOnly): only then are the subject's
   * office checks waived for it.
   */
  ownLevel: boolean;
}

/** The scan of a head that has nothing to find (an old-style number alone). */
const NOTHING_FOUND: HeadScan = { kind: null, date: false, ownNamed: false, ownLevel: false };

/**
 * One scan of the head `work` for the words that say whose decree it is and whether it is a
 * decree at all: another institution (its refusal, at once), a kind of document that is no
 * decree, a date's hint. Until the office's words are read, the scan passes over this office's
 * own "KPU <place>" (rules.ts headHintOwn; groups shift by one); once read, office words are
 * only skipped. A head that is an old-style number alone is not scanned (NOTHING_FOUND).
 */
function scanHead(work: string, ext: string, c: CompiledRules): HeadScan | ParseRejected {
  let kind: string | null = null;
  let date = false;
  let ownNamed = false;
  let ownLevel = false;
  let re = c.office === null ? c.headHint : c.headHintOwn;
  re.lastIndex = 0;
  for (let m = re.exec(work); m; m = re.exec(work)) {
    const own = re === c.headHintOwn;
    if (own && m[1] !== undefined) {
      ownNamed = true;
      ownLevel ||= !sharedPlaceOnly(m[1], c.office!);
      continue;
    }
    if (m[own ? 3 : 2] !== undefined) {
      date = true;
    } else if (m[own ? 2 : 1] === undefined) {
      if (
        kind === null &&
        namesKind(m[0], m.index, work, c.jenis, ext) &&
        !inBudgetRole(work, m.index)
      ) {
        kind = m[0];
      }
    } else if (own) {
      const at = officeWordAt(work, m.index, c.office!);
      if (typeof at === "number") {
        re.lastIndex = at;
        ownNamed = true;
        ownLevel ||= !sharedPlaceOnly(work.slice(m.index, at), c.office!);
      } else if (at) return at.reason === "OFFICE_UNCLEAR" ? placeInFrontOr(at, work, c) : at;
      else {
        c.headHint.lastIndex = re.lastIndex;
        re = c.headHint;
      }
    }
  }
  return kind === null && !date && !ownNamed ? NOTHING_FOUND : { kind, date, ownNamed, ownLevel };
}

/**
 * The refusal of a name refused for a missing year whose only year is a date's ("SK Ketua No 57
 * 2024-05-02", a scan's date in front), or null: "add the year" would read as if none were typed.
 */
export function dateOnly(folded: string): ParseRejected | null {
  const date = DATED.exec(folded);
  if (date === null) return null;
  // A signing date around the New Year: the year is unread for another reason, and says so.
  const signed = newYearSigning(folded);
  const variant =
    signed !== null && signed.includes(date[0].trim()) ? "NO_YEAR:newYear" : "NO_YEAR:dateOnly";
  return rejectVariant(variant, date[0].trim());
}
/** A whole date with its year: "2 Mei 2024", "02-05-2024", "2024-05-02", "20240502". */
const DATED = new RegExp(
  String.raw`(?<![0-9])(?:(?:0?[1-9]|[12]\d|3[01])(?:[\s.-]*(?:${MONTH_ALTERNATION})[\s.-]*|[-./](?:0?[1-9]|1[0-2])[-./])(?:19|20)\d{2}|(?:19|20)\d{2}(?:[-./](?:0?[1-9]|1[0-2])[-./](?:0?[1-9]|[12]\d|3[01])|(?:0[1-9]|1[0-2])(?:0[1-9]|[12]\d|3[01])))(?![0-9])`,
);

/**
 * The refusal of a head read as `head` (refused), said so that it tells what is wrong: one
 * page of a scan, an old-style number's month, another office's region code or institution
 * before "add the number/jenis". `work` is the head as read, the subject starts at `tailStart`
 * of `folded`; `unmarked` when no "tentang" ends the head; `old` is its old-style number.
 */
function refusalOf(
  head: ParseRejected,
  folded: string,
  work: string,
  tailStart: number,
  unmarked: boolean,
  old: OldNumber | null,
  c: CompiledRules,
): ParseRejected {
  // "Th 2024 (1 of 3)": a page mark right after the numbers, its first number read as a
  // second serial. One page of a scan, as at a subject's end (withSubject).
  if (head.reason === "AMBIGUOUS_NUMBER" && unmarked) {
    const page = pageAfterNumbers(folded, work, c, old);
    if (page) return page;
  }
  // "No 12 XII 2024": the year after an old-style number's month is the subject's.
  if (head.reason === "NO_YEAR" && unmarked) {
    const month = romanMonthAt(folded, tailStart);
    if (month) return rejectVariant("NO_YEAR:romanMonth", month);
  }
  // "SK Ketua No 57 scan 2 Mei 2024": the only year is a date's that is not the signing's.
  if (head.reason === "NO_YEAR") {
    const dated = dateOnly(folded);
    if (dated) return dated;
  }
  // Another office's region code typed apart ("… kode 3171 ttg …") read as a second number.
  const code = c.office && foreignRegionCode(work, 0, c.office);
  if (code) return code;
  // No jenis, and another institution named anywhere ("SK No 360 Th 2024 KPU RI"): not only
  // "add 'SK Ketua'", which would file that institution's decree.
  // The head was scanned for institutions above: only a subject is read for one.
  if (head.reason === "NO_JENIS" && c.office && tailStart < folded.length) {
    const named = institutionNamed(folded.slice(tailStart), c.office);
    if (named) return reject("NO_JENIS_OTHER", named);
  }
  return head;
}

/**
 * Another office's level and place typed between the numbers and "tentang" ("SK Ketua No 5
 * Th 2024 Kota Bekasi ttg DPT"), in a head that does not name this office: the head's office
 * check reads "KPU <place>" and the foreign words there, not a bare level word; read like a
 * subject, only when the head holds one. `work` is the head as read, `headEnd` where
 * "tentang" starts in `folded`.
 */
function officeBeforeTentang(
  folded: string,
  work: string,
  headEnd: number,
  c: CompiledRules,
): ParseRejected | null {
  if (!mayHoldLevel(work) && endsWithDigit(work)) return null;
  const headText = folded.slice(0, headEnd);
  const free = subjectStart(headText, c, -1, -1);
  if (free < headEnd && mayStartPlace(headText, free)) {
    const other = otherPlaceFirst(headText.slice(free), c.office!);
    if (other) return reject("OFFICE_IN_SUBJECT", other);
  }
  return null;
}

/**
 * The refusal of a head whose only number `nomor`, typed without "No", is no serial (head.ts
 * `counted`): NO_NUMBER, whose text says a counter's number or the region code is none. A code
 * of another office's shape ("SK Ketua 3171 2024") may be the code of the office whose decree
 * it is: its text gives both ways out (move another office's decree out; write this office's
 * number with "No"), not only "write the number", which a clerk could follow by typing "No
 * 3171" and file another office's decree. Not OTHER_OFFICE_CODE: no old-style number or "kode"
 * says the digits are a code, a serial that high is only unlikely.
 */
function noSerial(nomor: string, c: CompiledRules): ParseRejected {
  return isOtherRegionCode(nomor, c.office)
    ? rejectVariant("NO_NUMBER:regionCode", nomor)
    : reject("NO_NUMBER");
}

/**
 * `unclear` (OFFICE_UNCLEAR: "KPU" without a place), unless another office's place stands in
 * front of the decree's name ("Bekasi Keputusan KPU No 3 …"): then the "KPU" is that place's,
 * as "Bekasi SK Ketua …" is KPU Bekasi's decree. `head` is the folded head as scanned.
 */
function placeInFrontOr(unclear: ParseRejected, head: string, c: CompiledRules): ParseRejected {
  const front = otherPlaceInFront(head, c.phraseAt, c.office!);
  return front ? reject("OTHER_OFFICE", front) : unclear;
}

/**
 * For a name refused as NO_JENIS even after its second readings (parse.ts): a title other than
 * this office's after the decree's word and before the number ("Keputusan Rektor No 3 …", "SK
 * Direktur RSUD No 5 …", "Keputusan Dirjen …") makes it another body's decree as likely as this
 * office's typed without its jenis, so issuer.ts checkIssuer's refusal, which gives both ways
 * out, replaces the advice to add "SK Ketua" (a wrong fix for another body's decree). The
 * arguments are lenient()'s; null when no such title.
 */
export function otherTitle(
  stem: string,
  printableFolded: string | null,
  c: CompiledRules,
  ascii: boolean,
): ParseRejected | null {
  if (c.office === null) return null;
  const folded = printableFolded ?? fold(stem, ascii);
  // Two words need a character between them: a name of one ("scan12") has no title after a
  // decree's word, and most refused names are such (this runs for each of them).
  let gap = 0;
  while (gap < folded.length && isWordChar(folded.charCodeAt(gap))) gap++;
  if (gap === folded.length) return null;
  const marker = TENTANG.exec(folded);
  return checkIssuer(marker ? folded.slice(0, marker.index) : folded, c, c.office);
}

/**
 * The Roman numeral (upper-case) that starts the subject at `at`, typed right after a number
 * ("No 12 XII 2024", "12-XII-2024", "No 12 XII"), or null: most likely an old-style number's
 * month, where subjectStart cut the head, so a year after it is not read. For a name refused
 * without a year.
 */
function romanMonthAt(folded: string, at: number): string | null {
  let end = at;
  while (end < folded.length && isWordChar(folded.charCodeAt(end))) end++;
  const word = folded.slice(at, end);
  if (!ROMAN.test(word)) return null;
  let i = at;
  while (i > 0 && isApart(folded.charCodeAt(i - 1))) i--;
  return i < at && i > 0 && isDigit(folded.charCodeAt(i - 1)) ? word.toUpperCase() : null;
}

/**
 * An election and its year, then a year ("Pilkada 2024 Th 2023", "Pemilu Tahun 2024 2023"),
 * where a subject typed without "tentang" starts (sticky): head.ts ELECTION_YEAR's words.
 */
const ELECTION_THEN_YEAR =
  /(?:pemilu|pemilihan(?:[^a-z0-9]+umum)?|pilkada|pilgub|pilwalkot|pilwako|pilbup|pileg|pilpres)(?:[^a-z0-9]+(?:serentak|nasional|tahun|thn|th|tah))*[^a-z0-9]*(?:19|20)\d{2}[^a-z0-9]+(?:(?:tahun|thn|th|tah)[\s.:_-]*)?\d{4}(?![0-9])/y;

/**
 * Where an election's year and a year after it end, if the subject at `at` starts with them
 * (ELECTION_THEN_YEAR), else -1. Every election word starts with "p": most subjects do not.
 */
function electionThenYear(folded: string, at: number): number {
  if (folded.charCodeAt(at) !== 0x70) return -1;
  ELECTION_THEN_YEAR.lastIndex = at;
  return ELECTION_THEN_YEAR.test(folded) ? ELECTION_THEN_YEAR.lastIndex : -1;
}

/** Where the word after an election's year and a year at `at` starts (electionThenYear), or -1. */
function yearAfterElection(folded: string, at: number): number {
  const end = electionThenYear(folded, at);
  return end > 0 ? firstWordAt(folded, end) : -1;
}

/**
 * For a head without "tentang" refused for two numbers: PAGE_ONLY when the name ends with a
 * page mark (subject.ts pageAtEnd: "(1 of 3)", "1of3") that starts in the head `work` and
 * the head reads without it. Its first number was the second serial: "keep one number" would
 * file one page as the whole decree.
 */
function pageAfterNumbers(
  folded: string,
  work: string,
  c: CompiledRules,
  old: OldNumber | null,
): ParseRejected | null {
  const mark = pageAtEnd(folded, 0, folded.length);
  if (mark === null) return null;
  const at = folded.lastIndexOf(mark);
  if (at >= work.length) return null;
  const rest = readHead(blankSpans(work, [at, work.length]), c, old);
  return "reason" in rest ? null : reject("PAGE_ONLY", mark);
}

/** The first classification code of `codes` as a Span, or null. */
function firstSpan(codes: ClassCodes | null): Span | null {
  return codes === null ? null : { start: codes.spans[0]!, end: codes.spans[1]! };
}

/** The [start, end) pairs of `spans` (flat, ascending) that end at or before `end`. */
function spansBefore(spans: number[], end: number): number[] {
  let n = 0;
  while (n < spans.length && spans[n + 1]! <= end) n += 2;
  return n === spans.length ? spans : spans.slice(0, n);
}

/**
 * Another office's old-style number, typed incompletely, as lenient() refuses a complete one:
 * its issuer marker is no configured jenis' (when some are configured) or its region code is
 * not this office's. Null when it is this office's number.
 */
function partialOffice(p: PartialOldNumber, c: CompiledRules): ParseRejected | null {
  if (c.hasMarkers && p.jenis === null) return unknownMarker(p, c.office!);
  return oddRegion(p, c.office!) ?? checkOldOffice(c.office!, p.region, null);
}

/**
 * The refusal of an old-style number whose issuer marker (`old.issuer`) is no configured
 * jenis': with another office's region code, that code; with this office's, the marker,
 * refused with both ways out ("…/1207/KPU-Kab/…" of an office configured as "KPU-Kot", or a
 * marker such as "Kab" alone), since the code says the number is this office's; without a
 * region code (Style C), the marker.
 */
function unknownMarker(
  old: { issuer: string; region: string | null },
  o: CompiledOffice,
): ParseRejected {
  const region = old.region;
  if (region !== null && o.regionCodes.has(region)) {
    return rejectVariant("OTHER_OFFICE_CODE:marker", old.issuer);
  }
  if (region !== null && isOtherRegionCode(region, o)) return reject("OTHER_OFFICE_CODE", region);
  return reject("OTHER_OFFICE_CODE", old.issuer);
}

/**
 * The refusal of an old-style number of a configured issuer marker ("Sek-Kot") whose region
 * place holds no region code's shape ("9/SDM.08-Kpt/01/Sek-Kot/2021"), or null. It names no
 * other office, so "move it out, or configure the code" (OTHER_OFFICE_CODE) could lose this
 * office's decree or configure a slip; the refusal names the code and both ways out.
 */
function oddRegion(
  old: { jenis: string | null; region: string | null; asli: string },
  o: CompiledOffice,
): ParseRejected | null {
  const region = old.region;
  if (old.jenis === null || region === null || o.regionCodes.size === 0) return null;
  if (o.regionCodes.has(region) || isRegionCodeShape(region)) return null;
  return rejectVariant("BAD_NUMBER:oldRegion", `'${region}' (${old.asli})`);
}

/**
 * Whether the head [0, headEnd) of `folded` holds no word but the old-style number `old`
 * ("5_PL.01.3-Kpt_3172_KPU-Kot_IV_2015 penetapan"): with the number blanked, lenient's head
 * scan has nothing to find, since each of its words starts with a letter or a digit. Two
 * short loops over the flat name cost less than that regex over the blanked head.
 */
function onlyNumberIn(folded: string, old: Span, headEnd: number): boolean {
  for (let i = 0; i < old.start; i++) if (isWordChar(folded.charCodeAt(i))) return false;
  for (let i = old.end; i < headEnd; i++) if (isWordChar(folded.charCodeAt(i))) return false;
  return true;
}

/**
 * Whether a head may hold a level word office.ts otherPlaceFirst reads (kota, kab, prov, dki,
 * dkj: "dk" tells the last two in one test).
 */
function mayHoldLevel(head: string): boolean {
  return (
    head.includes("kota") || head.includes("kab") || head.includes("prov") || head.includes("dk")
  );
}

/**
 * Whether a head ends with a digit (its numbers), before "tentang": no word after the numbers
 * for otherPlaceFirst to read.
 */
function endsWithDigit(head: string): boolean {
  let i = head.length;
  while (i > 0 && !isWordChar(head.charCodeAt(i - 1))) i--;
  return i > 0 && isDigit(head.charCodeAt(i - 1));
}

/** The stem lower-cased, accents folded and control characters made spaces, keeping its length. */
function fold(stem: string, ascii: boolean): string {
  const spaced = hasControlChar(stem) ? stem.replace(CONTROL_CHARS, " ") : stem;
  return ascii ? spaced.toLowerCase() : foldSameLength(spaced);
}
