/**
 * The lenient reading of a name that is not canonical: where the head (the fields) ends and the
 * subject starts, then the head's readings (head.ts). Pure.
 */

import { sharedPlaceOnly } from "./area.js";
import { officeAfterSubject } from "./body-place.js";
import { inBudgetRole } from "./budget-role.js";
import { dayBeforeMonth } from "./day-month.js";
import { documentAsSubject, draftRefusal, namesKind, notADecree } from "./doc-kind.js";
import type { FastHead } from "./fast.js";
import {
  blankDates,
  blankSpans,
  COUNTERS,
  type Head,
  LETTER_LAMPIRAN,
  numberOnlyHead,
  readHead,
} from "./head.js";
import { frontNumbers, headSubject, nameStart } from "./head-subject.js";
import { checkDecree, checkIssuer, checkTail } from "./issuer.js";
import {
  afterLampiran,
  FIRST_NUMBER,
  HEAD_KEYWORDS,
  isDigit,
  isWordChar,
  isYearShaped,
  NUMBER_WORDS,
  NUMBER_WORDS_MANY,
} from "./numbers.js";
import {
  type CompiledOffice,
  checkOldOffice,
  institutionNamed,
  officeWordAt,
  originEnd,
  originFirst,
  otherKpuIn,
  otherPlaceBeforeName,
  otherPlaceFirst,
  otherPlaceInFront,
  ownPlaceEnd,
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
import { englishQualifier, leadingQualifierTypo } from "./qualifier-typo.js";
import { reject, rejectVariant } from "./reasons.js";
import { foreignRegionCode, isOtherRegionCode, isRegionCodeShape } from "./region-code.js";
import type { CompiledRules } from "./rules.js";
import {
  blankHeadNoise,
  DOUBLED_EXTENSIONS,
  isPlainSubject,
  pageAtEnd,
  subjectQualifier,
} from "./subject.js";
import { conflictMark, documentTag, subjectEnd } from "./subject-end.js";
import { NOT_OWN_NAMED, OWN_NAMED, type OwnNamed, wordCount } from "./subject-tag.js";
import {
  CONTROL_CHARS,
  cleanTentang,
  foldSameLength,
  hasControlChar,
  hasSingleGaps,
  TENTANG,
} from "./text.js";
import {
  decreeInUnmarked,
  otherKindInUnmarked,
  otherKindTag,
  otherNumberInUnmarked,
  twoDecrees,
} from "./two-decrees.js";
import type { Decree, ParseRejected } from "./types.js";

/**
 * Words that join two numbers ("No 12 dan 13", "No 12 jo No 3") or span a range of them ("No 12
 * sd 42", "No 12 s.d. 42", "No 12 sampai 42"): the head goes on after them, so both numbers are
 * read and the name is refused for two (a file of several decrees), not for a missing year.
 */
const JOINERS = new Set(["dan", "jo", "juncto", "serta", "atau", "sd", "sampai", "hingga"]);
const LONGEST_KEYWORD = 8;
const ROMAN = /^[ivx]{1,4}$/;

/** A lenient reading: the decree, with its subject's slug words when they come cheap. */
export interface LenientDecree extends Decree {
  /**
   * For an ASCII name with a subject, the subject folded as it stands in the name (before
   * cleaning): what format.ts formatNameWith takes as `folded`. Its slug (text.ts slugOfFolded)
   * is the slug of `tentang`, since cleaning only drops or rewrites characters other than
   * `[a-z0-9]`, which the slug makes gaps of anyway. Null to slug the subject from `tentang`.
   */
  folded: string | null;
  /** Whether `folded` has single gaps (text.ts hasSingleGaps). */
  singleGaps: boolean;
}

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
  // A letter apart from the serial: refused once the name reads as a decree, or when it took
  // the year into the subject ("No 12 B 2024").
  if (apart && (!("reason" in head) || head.reason === "NO_YEAR")) return apart;
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
  if (!marker && c.office && tailStart < folded.length) {
    const other = otherOfficeIn(folded, tailStart, c.office, owner);
    if (other) return other;
  }
  if (!marker && tailStart < folded.length) {
    const second = secondInUnmarked(folded, tailStart, head, c);
    if (second) return second;
  }
  // Another office in a tag after the subject ("… ttg DPT (KPU Jakpus)", "… - Bawaslu Jakut"),
  // or its voter list or ad-hoc body as the subject ("… ttg DPT Kota Bekasi", body-place.ts).
  if (c.office && tailStart < folded.length) {
    const tag = officeAfterSubject(folded, tailStart, c.office, owner);
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
 * The refusal of a name whose head holds an old-style number `partial` typed without its month
 * or with a two-digit year, ending at or before `headEnd`: another office's number, another
 * institution or a document that is no decree in the head (scanHead), else how to write the
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
  return partial.shortYear
    ? rejectVariant("SHORT_YEAR:oldNumber", partial.asli)
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
 * The name whose plain head fast.ts read (`fast`), as lenient() reads it; null when lenient()
 * must read it itself. `folded` is the printable stem lower-cased. Without "tentang", the
 * subject is read by lenient()'s own checks, in its order; a name lenient() would cut elsewhere
 * (a "tentang" later on, an old-style number, also one typed without its month or with a
 * two-digit year, a subject that starts with a keyword or phrase) is left to it.
 */
export function readPlain(
  stem: string,
  folded: string,
  ext: string,
  c: CompiledRules,
  fast: FastHead,
): LenientDecree | ParseRejected | null {
  const { head, tailStart } = fast;
  if (!fast.marked && tailStart < folded.length) {
    if (
      TENTANG.test(folded) ||
      (hasNumberKpt(folded, folded.length) &&
        (findOldNumber(folded, folded.length, stem, c) !== null ||
          findPartialOldNumber(folded, folded.length, stem, c) !== null))
    ) {
      return null;
    }
    // The head's words after its first number are numbers and No/Th: subjectStart's scan
    // reaches the subject's first word as it stands; it starts the subject unless it is a
    // keyword or a phrase.
    if (subjectFrom(folded, c, tailStart, -1, -1) !== tailStart) return null;
    // A day or a count before the subject's first word ("2024 5 Mei 2024", day-month.ts); a
    // year there is neither (dayBeforeMonth's first test), so a head ending in its year skips it.
    const day = fast.yearLast ? null : dayBeforeMonth(folded, tailStart);
    if (day) return day;
    const unclear = letterApart(folded, tailStart) ?? checkTail(folded, tailStart, false, head, c);
    if (unclear) return unclear;
    // Another office in the subject: whether the head names this office is asked of the plain
    // head only where the subject may name one (fast.ts PlainHead.ownNamed); a probe that reads
    // otherwise leaves the name to lenient() (`left`).
    if (c.office) {
      const other = otherOfficeIn(folded, tailStart, c.office, fast);
      if (fast.left) return null;
      if (other) return other;
    }
    const second = secondInUnmarked(folded, tailStart, head, c);
    if (second) return second;
  }
  if (c.office && tailStart < folded.length) {
    const tag = officeAfterSubject(folded, tailStart, c.office, fast);
    if (fast.left) return null;
    if (tag) return tag;
  }
  return withSubject(stem, folded, true, ext, true, head, tailStart, null, c);
}

/**
 * The refusal of a subject typed without "tentang", from `tailStart`, that names another decree
 * than `head`'s with nothing making it the subject's topic ("… Th 2022 rev SK No 9", two-decrees.ts
 * decreeInUnmarked) or a number the file replaced or had ("… ganti No 15", otherNumberInUnmarked),
 * or null. Substring tests first: most subjects name neither.
 */
function secondInUnmarked(
  folded: string,
  tailStart: number,
  head: Head,
  c: CompiledRules,
): ParseRejected | null {
  // "… ganti No 15 Th 2024", "(lama No 18 …)": the number it replaced or had (OTHER_NUMBER).
  if (folded.includes("no", tailStart)) {
    const other = otherNumberInUnmarked(folded, tailStart, folded.length, head.nomor);
    if (other !== null) return reject("AMBIGUOUS_NUMBER", `${head.nomor}, ${other}`);
  }
  if (
    !folded.includes("sk", tailStart) &&
    !folded.includes("kep", tailStart) &&
    !folded.includes("kpt", tailStart)
  ) {
    return null;
  }
  const second = decreeInUnmarked(folded, tailStart, folded.length, head.nomor);
  if (second !== null) return twoDecrees(head.nomor, second);
  // The same number of another kind ("SK Sekretaris No 3 … Salinan dari SK Ketua No 3 …").
  const kind = otherKindInUnmarked(
    folded,
    tailStart,
    folded.length,
    head.nomor,
    head.jenis,
    c.roleJenis,
  );
  return kind === null ? null : rejectVariant("AMBIGUOUS_JENIS:kindTag", `${head.jenis}, ${kind}`);
}

/**
 * The decree of a head read as `head` whose subject starts at `tailStart` in `folded` (the
 * stem folded, same length): its attachment and copy markers and noise taken out, the rest
 * cleaned as typed. `printable` when the stem is printable ASCII; `old` is the head's old-style
 * number, if any. A refusal when the subject's markers disagree with the head's.
 * Most subjects are plain (subject.ts isPlainSubject): no marker, and single gaps; the others
 * are read apart (markedSubject).
 */
export function withSubject(
  stem: string,
  folded: string,
  printable: boolean,
  ext: string,
  ascii: boolean,
  head: Head,
  tailStart: number,
  old: OldNumber | null,
  c: CompiledRules,
): LenientDecree | ParseRejected {
  let tailEnd = folded.length;
  if (tailStart < tailEnd && !isPlainSubject(folded, tailStart)) {
    const marked = markedSubject(stem, folded, ext, head, tailStart);
    if ("reason" in marked) return marked;
    // "… ttd Sekretaris" after "SK Ketua …": who signed says the other kind.
    const signed = marked.signer === null ? undefined : c.roleJenis.get(marked.signer);
    if (signed !== undefined && signed !== head.jenis) {
      return rejectVariant("AMBIGUOUS_JENIS:kindTag", `${head.jenis}, ${signed}`);
    }
    // A tag naming the other kind of decree ("… ttg DPT - SK Sekretaris"): only a subject that
    // is not plain may end with one (two-decrees.ts).
    const ms = marked.subject;
    const kind = otherKindTag(ms.folded, ms.start, ms.end, head.jenis, ms.spaced, c);
    if (kind) return kind;
    return subjectDecree(marked.subject, printable, ext, ascii, head, marked.qualifier, old);
  }
  // "… Th 2024.docx.pdf": the doubled extension is all the subject there is.
  if (
    tailStart < tailEnd &&
    folded.charCodeAt(tailStart - 1) === 0x2e &&
    DOUBLED_EXTENSIONS.has(folded.slice(tailStart))
  ) {
    tailEnd = tailStart;
  }
  const subject: Subject = {
    text: stem,
    folded,
    start: tailStart,
    end: tailEnd,
    plain: true,
    spaced: false,
  };
  return subjectDecree(subject, printable, ext, ascii, head, head.qualifier, old);
}

/** A subject as withSubject reads it: [start, end) of the stem and of its folded text. */
interface Subject {
  text: string;
  folded: string;
  start: number;
  end: number;
  /** Plain (subject.ts isPlainSubject): no tag to look for, single gaps. */
  plain: boolean;
  /** The name has a space (subject-end.ts documentTag); asked only when not plain. */
  spaced: boolean;
}

/**
 * withSubject's reading of a subject that is not plain: a conflict copy's mark, attachment and
 * copy markers and scanner or editor noise, at its end or in brackets (subject.ts), are never
 * part of the subject, never the decree's own slot. The subject left, with the qualifier the
 * head's (`head.qualifier`) and its markers make, or the refusal when they disagree.
 */
function markedSubject(
  stem: string,
  folded: string,
  ext: string,
  head: Head,
  tailStart: number,
): { subject: Subject; qualifier: string | null; signer: string | null } | ParseRejected {
  // A sync client's conflict copy (subject-end.ts): two versions of one decree, for a person to
  // choose between; read before its words are taken for noise. Its mark is set apart by a
  // bracket, "_" or ".", which a plain subject has none of.
  const conflict =
    folded.includes("onfli", tailStart) || folded.includes("top-", tailStart)
      ? conflictMark(folded, tailStart)
      : null;
  if (conflict) {
    return rejectVariant(
      "AMBIGUOUS_QUALIFIER:conflictCopy",
      stem.slice(conflict[0], conflict[1]).trim(),
    );
  }
  let qualifier = head.qualifier;
  const subject: Subject = {
    text: stem,
    folded,
    start: tailStart,
    end: folded.length,
    plain: false,
    spaced: folded.includes(" "),
  };
  const sq = subjectQualifier(folded, tailStart);
  if (sq) {
    // A draft's mark ("… ttg DPT (draft)"): no decree as a PDF or scan, as in the head.
    const draft = sq.draft === null ? null : draftRefusal(sq.draft, ext);
    if (draft) return draft;
    if (sq.lampiranWithoutNumber && !sq.qualifiers.some((q) => q.startsWith("LAMPIRAN-"))) {
      return reject("NO_LAMPIRAN_NUMBER");
    }
    if (sq.letter !== null) return rejectVariant("NO_LAMPIRAN_NUMBER:letter", sq.letter);
    for (const q of sq.qualifiers) {
      if (qualifier !== null && qualifier !== q) {
        return reject("AMBIGUOUS_QUALIFIER", `${qualifier}, ${q}`);
      }
      qualifier = q;
    }
    subject.end = sq.end;
    if (sq.blanks.length > 0) {
      subject.text = blankWith(stem, sq.blanks);
      subject.folded = blankWith(folded, sq.blanks);
    }
  }
  return { subject, qualifier, signer: sq?.signer ?? null };
}

/**
 * The decree of `head` with the subject `s` and the attachment or copy `qualifier`: one page or
 * part of a scan ("… DPT hal 1.jpg", "… part 1") is never the whole decree, nor is a second
 * decree joined to the subject ("… ttg DPT dan SK No 13 Th 2024") this one (subject-end.ts
 * subjectEnd); a subject that is a document's name ("… Th 2024 Telaah Staf", "… ttg Undangan")
 * is that document, which would take the decree's slot (doc-kind.ts documentAsSubject), and so
 * is a tag after a subject that is not plain ("… ttg DPT - Berita Acara", documentTag).
 */
function subjectDecree(
  s: Subject,
  printable: boolean,
  ext: string,
  ascii: boolean,
  head: Head,
  qualifier: string | null,
  old: OldNumber | null,
): LenientDecree | ParseRejected {
  const { folded, start, end } = s;
  const ending = start < end ? subjectEnd(folded, start, end, head.nomor, s.plain, s.spaced) : null;
  if (ending !== null) return ending;
  // "Sallinan SK Ketua …", "… Th 2023 Lmpiran 6 PPK": a misspelt copy or attachment mark
  // first in the name or in the subject (qualifier-typo.ts).
  const typo =
    leadingQualifierTypo(folded) ?? (start < end ? leadingQualifierTypo(folded, start, end) : null);
  if (typo !== null) return rejectVariant("AMBIGUOUS_QUALIFIER:typo", typo);
  const english = englishQualifier(folded);
  if (english !== null) return rejectVariant("AMBIGUOUS_QUALIFIER:english", english);
  const about = start < end ? documentAsSubject(folded, start, end) : null;
  if (about !== null) return about;
  const tag = !s.plain && start < end ? documentTag(folded, start, end, s.spaced) : null;
  if (tag !== null) return tag;
  // For a printable name, one scan of the folded subject serves both the cleaning and the slug.
  const tail = ascii ? folded.slice(start, end) : null;
  const singleGaps = printable && (s.plain || hasSingleGaps(tail!));
  const tentang = cleanTentang(s.text.slice(start, end), singleGaps);
  return {
    jenis: head.jenis,
    tahun: head.tahun,
    nomor: head.nomor,
    qualifier,
    tentang,
    ext,
    nomorAsli: old ? old.asli : undefined,
    folded: tentang !== null ? tail : null,
    singleGaps,
  };
}

/** A joining word first in a subject typed without "tentang": "dan", "serta", "bersama" (sticky). */
const JOINT = /(?:dan|serta|bersama)(?![a-z0-9])/y;

/**
 * Without "tentang", another office named first in the subject from `tailStart` (lenient's
 * last checks): another body named as the document's origin ("… Th 2024 dari Bawaslu"),
 * another office's region code ("… Th 2024 kode 3171", "… KPU 3578"), and, unless the head
 * names this office (`owner`, asked only where such a word stands), another KPU office after
 * the numbers ("SK Ketua No 5 Th 2024 KPU Kota Bekasi") or another office's place without "KPU"
 * ("… Th 2024 Kota Bekasi", "… Jakarta Selatan"): each as likely the issuer as the subject, so
 * both ways out, never filed.
 * Only a subject with a word that may name one is read. After a head that names this office
 * ("SK KPU Kota Jakarta Utara No 3 … (KPU DKI)"), another KPU office is the subject.
 */
function otherOfficeIn(
  folded: string,
  tailStart: number,
  office: CompiledOffice,
  owner: OwnNamed,
): ParseRejected | null {
  const at = firstWordAt(folded, tailStart);
  // A second issuer joined after the numbers ("SK Ketua KPU Kota Jakut No 5 Th 2024 dan Kepala
  // Sudin Dukcapil"): a joint decree's heading, whose kind and issuer a person must tell.
  JOINT.lastIndex = at;
  if (JOINT.test(folded)) {
    const second = institutionNamed(folded.slice(at), office);
    if (second) return reject("OFFICE_IN_SUBJECT", second);
  }
  if (originEnd(folded, at) >= 0) {
    const origin = originFirst(folded.slice(at), office);
    if (origin) return reject("OFFICE_IN_SUBJECT", origin);
  }
  // A region code and a KPU office both need one of these words: most subjects have none.
  SUBJECT_HINT.lastIndex = tailStart;
  const hinted = SUBJECT_HINT.test(folded);
  const code = hinted ? foreignRegionCode(folded, tailStart, office) : null;
  if (code) return code;
  if (hinted && mayNameKpu(folded, tailStart)) {
    const rest = folded.slice(tailStart);
    const other = otherKpuIn(rest, office);
    // After a head that names this office, another KPU office in the subject is what the
    // decree is about ("… Koordinasi dengan KPU Jakbar"), unless it is all the subject says
    // ("SK KPU Jakut No 3 Th 2024 (KPU Jakbar)"): two offices named, and whose it is unclear.
    if (
      owner.ownNamed() &&
      (other === null || wordCount(other.toLowerCase()) !== wordCount(rest))
    ) {
      return null;
    }
    if (other) return reject("OFFICE_IN_SUBJECT", other);
  }
  if (mayStartPlace(folded, at)) {
    if (owner.ownNamed()) return null;
    const other = otherPlaceFirst(folded.slice(tailStart), office);
    if (other) return reject("OFFICE_IN_SUBJECT", other);
  }
  return null;
}

/**
 * Without "tentang", a subject that starts with a lone letter right after a serial ("No 12 B",
 * "No 12-A Th 2024"): the letter may be the serial's own, typed apart (12B is another decree
 * than 12), so the name is refused instead of filed as 12. After a year ("2024 A") it is a
 * subject. `at` is where subjectStart put the subject; the usual subject's first word is
 * longer than a letter, which the first test sees.
 */
function letterApart(folded: string, at: number): ParseRejected | null {
  if (at >= folded.length || isWordChar(folded.charCodeAt(at + 1))) return null;
  if (ABBREVIATION.test(folded.slice(at + 1, at + 4))) return null;
  let i = at;
  while (i > 0 && isApart(folded.charCodeAt(i - 1))) i--;
  let j = i;
  while (j > 0 && isDigit(folded.charCodeAt(j - 1))) j--;
  if (i === at || j === i || (j > 0 && isWordChar(folded.charCodeAt(j - 1)))) return null;
  const serial = folded.slice(j, i);
  if (isYearShaped(serial)) return null;
  return reject("LETTER_APART", `${serial} ${folded[at]!.toUpperCase()}`);
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

/** Where an old-style number stands in the folded name. */
type Span = { readonly start: number; readonly end: number };

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

/** Where the first letter or digit from `at` stands (the length when none). */
function firstWordAt(folded: string, at: number): number {
  let i = at;
  while (i < folded.length && !isWordChar(folded.charCodeAt(i))) i++;
  return i;
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

/**
 * What region-code.ts foreignRegionCode ("kode", "kd", "kpu") and mayNameKpu ("kpu", "komisi",
 * "kip") need somewhere in the subject, in one scan.
 */
const SUBJECT_HINT = /k(?:ode|d|pu|omisi|ip)/g;

/** Whether the text from `at` may name a KPU office (otherKpuIn), in three substring tests. */
function mayNameKpu(folded: string, at: number): boolean {
  return folded.includes("kpu", at) || folded.includes("komisi", at) || folded.includes("kip", at);
}

/** After a lone letter: an abbreviation's next letter ("s.d.", "s/d", "a.n."), no serial's letter. */
const ABBREVIATION = /^[./]\s*[a-z]/;

/** What may stand between a serial and its letter typed apart: " ", ".", "_", "-". */
function isApart(code: number): boolean {
  return code === 0x20 || code === 0x2e || code === 0x5f || code === 0x2d;
}

/** `s` with each [start, end) of `spans` (flat) made spaces: same length, so positions hold. */
function blankWith(s: string, spans: readonly number[]): string {
  let out = "";
  let from = 0;
  for (let i = 0; i < spans.length; i += 2) {
    out += s.slice(from, spans[i]) + " ".repeat(spans[i + 1]! - spans[i]!);
    from = spans[i + 1]!;
  }
  return out + s.slice(from);
}

/** The stem lower-cased, accents folded and control characters made spaces, keeping its length. */
function fold(stem: string, ascii: boolean): string {
  const spaced = hasControlChar(stem) ? stem.replace(CONTROL_CHARS, " ") : stem;
  return ascii ? spaced.toLowerCase() : foldSameLength(spaced);
}

/**
 * `subjectStart` with the old number's words (issuer marker, Roman month) read as no free words:
 * as if the number were one number word and spaces. Scanning `folded` itself and skipping the
 * number finds the same unless a jenis phrase could run into the number, which takes a phrase
 * word that starts with a digit (the number starts with one, after a non-word character); only
 * then is the text with the number replaced built and scanned. Without an old number (`old`
 * null), subjectStart itself: lenient() calls this one function either way, so V8 compiles the
 * scan into it once instead of into two callers.
 */
function subjectStartAround(folded: string, old: Span | null, c: CompiledRules): number {
  if (old === null) return subjectStart(folded, c, -1, -1);
  if (!c.digitPhraseWord) return subjectStart(folded, c, old.start, old.end);
  const shape =
    folded.slice(0, old.start) + "0".padEnd(old.end - old.start, " ") + folded.slice(old.end);
  return subjectStart(shape, c, -1, -1);
}

/**
 * Without "tentang": the subject starts at the first word `[a-z0-9]+`, after the first number,
 * that is not a keyword (nomor, tahun, lampiran …) and does not start a jenis phrase.
 * [skipFrom, skipTo) is read as a number word (it starts a word) and white space, unless -1.
 */
function subjectStart(shape: string, c: CompiledRules, skipFrom: number, skipTo: number): number {
  // Words before the first number never start the subject.
  let i = shape.search(FIRST_NUMBER);
  // "No11 Th2021" typed glued: the number starts inside its keyword's word.
  if (i < 0 && GLUED_NUMBER.test(shape)) i = shape.search(GLUED_NUMBER);
  // An attachment's number in front ("Lampiran 1 Keputusan KPU Kota Jakarta Utara Nomor 3 …") is
  // not the first of the decree's numbers: from it, "Kota Jakarta Utara" was read as the subject,
  // leaving a head without the decree's number (or "KPU" without its place). The Roman "Lampiran
  // I" was never a number.
  if (i > 0 && afterLampiran(shape, i)) i = nextNumber(shape, i);
  // Nor is a number typed before the decree's name that cannot be its serial: a count in a
  // subject typed first ("TPS 012 Kel Koja - SK Ketua No 5 …"), a date or an upload's time
  // stamp ("20240510 Keputusan KPU Kota Jakarta Utara No 5 …", "1718012345_Kep_KPU_…"). From
  // it, this office's place after the name was read as the subject. The head goes on to the
  // name's numbers; readHead leaves a count out of them, a date is blanked (head.ts DATES), and
  // a time stamp is read again without it (stamps.ts).
  // Where the name starts is looked up once, and only for a number of such a shape.
  // So is a year that starts the name, right before the decree's name ("2024 SK KPU Jakut No
  // 435 …", "2024_Keputusan …") or a bare "SK" and an old-style number ("2019_SK_40_PL.02.6-Kpt_
  // …"): the name's year, read with the head's numbers; from it, the office's place or the old
  // number was read as the subject. Before a subject typed first ("2024 Penetapan DPT SK Ketua
  // …") it may be the subject's, and stays where it is.
  let name = -1;
  while (i >= 0) {
    const year = i === firstWordAt(shape, 0) && yearAt(shape, i);
    if (!year && !noSerialShape(shape, i)) break;
    if (year && skipFrom >= 0 && bareDecreeWordThen(shape, i + 4, skipFrom)) {
      i = skipFrom;
      break;
    }
    if (name < 0) name = nameStart(shape, c.phraseAt);
    if (name <= i || (year && firstWordAt(shape, i + 4) !== name)) break;
    i = nextNumber(shape, i);
  }
  if (skipFrom >= 0 && (i < 0 || i > skipFrom)) i = skipFrom;
  if (i < 0) return shape.length;
  return subjectFrom(shape, c, i, skipFrom, skipTo);
}

/**
 * Whether the word `shape.slice(start, end)`, digits first, is a scan's resolution: two to four
 * digits with "dpi" glued after them or as the next word ("300dpi", "300 dpi").
 */
function resolutionAt(shape: string, start: number, end: number): boolean {
  const n = end - start;
  if (n >= 5 && n <= 7 && shape.endsWith("dpi", end))
    return /^\d{2,4}dpi$/.test(shape.slice(start, end));
  if (n < 2 || n > 4 || !/^\d+$/.test(shape.slice(start, end))) return false;
  let j = end;
  while (j < shape.length && !isWordChar(shape.charCodeAt(j))) j++;
  return shape.startsWith("dpi", j) && !isWordChar(shape.charCodeAt(j + 3)) && j > end;
}

/** Where the first number after the word at `at` in `shape` starts, or -1. */
function nextNumber(shape: string, at: number): number {
  let j = at;
  while (j < shape.length && isWordChar(shape.charCodeAt(j))) j++;
  const next = shape.slice(j).search(FIRST_NUMBER);
  return next < 0 ? -1 : j + next;
}

/**
 * Whether the number at `at` in `shape` is no serial wherever it stands (subjectStart asks
 * before the decree's name): five digits or more (a date, a time stamp), a date's part
 * ("2024-05-10", DATE_AT), or a count (after a word of head.ts COUNTERS: "TPS 012", "Tahap 2").
 */
function noSerialShape(shape: string, at: number): boolean {
  let e = at;
  while (e < shape.length && isWordChar(shape.charCodeAt(e))) e++;
  DATE_AT.lastIndex = at;
  return (
    e - at >= 5 ||
    DATE_AT.test(shape) ||
    (e - at <= 2 &&
      at > 1 &&
      isDateGap(shape.charCodeAt(at - 1)) &&
      isDigit(shape.charCodeAt(at - 2))) ||
    wordBefore(shape, at, COUNTERS)
  );
}

/** A decree's word alone, the head of an old-style number typed without its issuer's kind. */
const BARE_DECREE_WORD = /(?:sk|skep|kep|kpts?|keputusan)(?![a-z0-9])[^a-z0-9]*/y;

/** Whether the text from `at` in `shape` is BARE_DECREE_WORD and then `to` (an old number). */
function bareDecreeWordThen(shape: string, at: number, to: number): boolean {
  BARE_DECREE_WORD.lastIndex = firstWordAt(shape, at);
  return BARE_DECREE_WORD.test(shape) && BARE_DECREE_WORD.lastIndex === to;
}

/** Whether the word at `at` in `shape` is a year, four digits (isYearShaped). */
function yearAt(shape: string, at: number): boolean {
  return !isWordChar(shape.charCodeAt(at + 4)) && isYearShaped(shape.slice(at, at + 4));
}

/** Whether the word before the one at `at` in `shape` is one of `words`. */
function wordBefore(shape: string, at: number, words: ReadonlySet<string>): boolean {
  let end = at;
  while (end > 0 && !isWordChar(shape.charCodeAt(end - 1))) end--;
  let start = end;
  while (start > 0 && isWordChar(shape.charCodeAt(start - 1))) start--;
  return end - start >= 2 && words.has(shape.slice(start, end));
}

/** A date's year, then its month and day, each joined by "-", "." or "_" ("2024-05-10"), sticky. */
const DATE_AT = /(?:19|20)\d\d[-._]\d\d?[-._]\d\d?(?![0-9])/y;

/** "-", "." or "_": what joins a date's parts. */
function isDateGap(code: number): boolean {
  return code === 0x2d || code === 0x2e || code === 0x5f;
}

/** After "salinan" in subjectFrom: the words that certify the copy, to the end of "aslinya". */
const CERTIFIED =
  /[^a-z0-9]+(?:resmi|sesuai(?:[^a-z0-9]+dengan)?[^a-z0-9]+asli(?:nya)?)(?![a-z0-9])/y;

/**
 * subjectStart's scan from `from`, a word start at or after the first number, with no
 * "Lampiran" just before it: where the subject starts.
 */
function subjectFrom(
  shape: string,
  c: CompiledRules,
  from: number,
  skipFrom: number,
  skipTo: number,
): number {
  const len = shape.length;
  let i = from;
  // After "Lampiran", a Roman numeral is its number ("… Th 2024 Lampiran III"), not the subject;
  // so is a number word that ends the name ("… Th 2024 Lampiran Dua"): before other words it may
  // be the subject's ("Lampiran Lima Kecamatan"), and the attachment's number is left unread.
  let afterLamp = false;
  while (i < len) {
    if (i === skipFrom) {
      i = skipTo;
      continue;
    }
    if (!isWordChar(shape.charCodeAt(i))) {
      i++;
      continue;
    }
    const start = i;
    while (i < len && isWordChar(shape.charCodeAt(i))) i++;
    if (isDigit(shape.charCodeAt(start))) {
      // A scan's resolution after the numbers ("… Th 2024 300dpi", "… 2024 300 dpi") is the
      // subject's noise (subject.ts drops it), never a second number.
      if (resolutionAt(shape, start, i)) return start;
      continue;
    }
    const word = i - start <= LONGEST_KEYWORD ? shape.slice(start, i) : "";
    // A keyword glued to its number ("Th2021"), as head.ts FIELDS reads it.
    if (isDigit(shape.charCodeAt(i - 1)) && GLUED_KEYWORD.test(shape.slice(start, i))) continue;
    if (HEAD_KEYWORDS.has(word)) {
      afterLamp = word === "lampiran" || word === "lamp" || (afterLamp && word === "ke");
      // "Salinan Resmi", "Salinan sesuai (dengan) aslinya": the copy's certification, part of
      // the qualifier; from it, "resmi" or "sesuai-aslinya" became the slug.
      if (word === "salinan") {
        CERTIFIED.lastIndex = i;
        if (CERTIFIED.test(shape)) i = CERTIFIED.lastIndex;
      }
      continue;
    }
    // "Kpts" right after the serial, an old-style number's word typed without its issuer ("SK
    // Sek 5-Kpts-2016"): the year after it is the number's.
    if ((word === "kpts" || word === "kpt") && afterNumber(shape, start)) continue;
    if (
      afterLamp &&
      (ROMAN.test(word) || (NUMBER_WORDS.has(word) && firstWordAt(shape, i) === len))
    ) {
      afterLamp = false;
      continue;
    }
    // … or a number in several words that ends the name ("… Th 2024 Lampiran Dua Puluh").
    if (afterLamp && manyWordsToEnd(shape, start)) return len;
    afterLamp = false;
    // "s.d." (sampai dengan) is typed as two letters apart.
    if (word === "s" && shape.startsWith(".d", i) && !isWordChar(shape.charCodeAt(i + 2))) {
      const next = numberAfter(shape, i + 2, c);
      if (next >= 0) {
        i = next;
        continue;
      }
    }
    if (JOINERS.has(word)) {
      const next = numberAfter(shape, i, c);
      if (next >= 0) {
        i = next;
        continue;
      }
    }
    c.phraseAt.lastIndex = start;
    const phrase = c.phraseAt.exec(shape);
    if (phrase) {
      i = start + phrase[0].length;
      // This office's place after "SK KPU" typed after the numbers ("19-Kpts-KPU-Kota-2016 SK
      // KPU Jakut Penetapan DPT"): the head's, as before them; from it, "KPU" stood alone.
      if (c.office !== null && BEFORE_PLACE_END.test(phrase[0])) {
        const place = ownPlaceEnd(shape, firstWordAt(shape, i), c.office);
        if (place > 0) i = place;
      }
      continue;
    }
    return start;
  }
  return len;
}

/** A phrase that ends where a place follows: "SK KPU", "Keputusan KPUD", "… Pemilihan Umum". */
const BEFORE_PLACE_END = /(?:kpud?|umum)[^a-z0-9]*$/;

/** A number glued to its keyword ("No11", "Th2021"): where its digits start. */
const GLUED_NUMBER = /(?<=(?<![a-z0-9])(?:no|nmr|nomor|th|thn|tahun))[0-9]/;
/** A word that is a keyword and its number glued ("th2021", "no11a"). */
const GLUED_KEYWORD = /^(?:no|nmr|nomor|th|thn|tahun)[0-9]+[a-z]?$/;

/** Whether the word at `at` in `shape` follows a number, one separator apart ("5-Kpts"). */
function afterNumber(shape: string, at: number): boolean {
  return at > 1 && !isWordChar(shape.charCodeAt(at - 1)) && isDigit(shape.charCodeAt(at - 2));
}

/** A number in several words (numbers.ts NUMBER_WORDS_MANY) and nothing after it, sticky. */
const MANY_WORDS_TO_END = new RegExp(`(?:${NUMBER_WORDS_MANY})[^a-z0-9]*$`, "y");

/** Whether `shape` from `at` is a number in several words and nothing else (MANY_WORDS_TO_END). */
function manyWordsToEnd(shape: string, at: number): boolean {
  MANY_WORDS_TO_END.lastIndex = at;
  return MANY_WORDS_TO_END.test(shape);
}

/**
 * Where a second number follows `at` (after a joiner), or -1: the next word is a number, or "No"
 * / "Nomor", or jenis words and then a number ("… jo SK 12 2023", "… dan Keputusan Ketua No 3").
 * The subject cannot start before it.
 */
function numberAfter(shape: string, at: number, c: CompiledRules): number {
  let i = at;
  for (;;) {
    while (i < shape.length && !isWordChar(shape.charCodeAt(i))) i++;
    if (i >= shape.length) return -1;
    if (isDigit(shape.charCodeAt(i))) return i;
    let j = i;
    while (j < shape.length && isWordChar(shape.charCodeAt(j))) j++;
    const w = shape.slice(i, j);
    if (w === "no" || w === "nomor" || w === "nomer" || w === "nmr") return i;
    if (!c.vocabulary.has(w)) return -1;
    i = j;
  }
}
