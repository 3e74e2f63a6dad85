/**
 * The subject's reading once the head is read, on the plain path (readPlain, after fast.ts) and
 * the lenient one alike (withSubject): the checks of a subject typed without "tentang"
 * (letterApart, otherOfficeIn, secondInUnmarked), its marks and noise (markedSubject), and
 * the decree built with its subject (subjectDecree). Pure.
 */

import { officeAfterSubject } from "./body-place.js";
import { dayBeforeMonth } from "./day-month.js";
import { documentAsSubject, draftRefusal } from "./doc-kind.js";
import type { FastHead } from "./fast.js";
import type { Head } from "./head.js";
import { checkTail } from "./issuer.js";
import { isDigit, isWordChar, isYearShaped } from "./numbers.js";
import {
  type CompiledOffice,
  institutionNamed,
  originEnd,
  originFirst,
  otherKpuIn,
  otherPlaceFirst,
} from "./office.js";
import {
  findOldNumber,
  findPartialOldNumber,
  hasNumberKpt,
  type OldNumber,
} from "./old-numbers.js";
import { mayStartPlace } from "./place-start.js";
import { englishQualifier, leadingQualifierTypo } from "./qualifier-typo.js";
import { reject, rejectVariant } from "./reasons.js";
import { foreignRegionCode } from "./region-code.js";
import type { CompiledRules } from "./rules.js";
import {
  DOUBLED_EXTENSIONS,
  isPlainSubject,
  markAfterKeyword,
  subjectQualifier,
} from "./subject.js";
import { conflictMark, documentTag, subjectEnd } from "./subject-end.js";
import {
  ALL_HINTS,
  HINT_DECREE,
  HINT_ENGLISH,
  HINT_KPT,
  HINT_NOT_PLAIN,
  HINT_REGION,
  REGION_WORDS,
} from "./subject-hints.js";
import { firstWordAt, subjectFrom } from "./subject-start.js";
import { type OwnNamed, wordCount } from "./subject-tag.js";
import { cleanTentang, foldedWords, hasSingleGaps, TENTANG } from "./text.js";
import {
  decreeInUnmarked,
  otherKindInUnmarked,
  otherKindOffered,
  otherKindTag,
  otherNumberInUnmarked,
  twoDecrees,
} from "./two-decrees.js";
import type { Decree, ParseRejected } from "./types.js";

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
 * The name whose plain head fast.ts read (`fast`), as lenient() reads it; null when lenient()
 * must read it itself. `folded` is the printable stem lower-cased. Without "tentang", the
 * subject is read by lenient()'s own checks, in its order; a name lenient() would cut elsewhere
 * (a "tentang" later on, an old-style number, also one typed without its month or with a
 * two-digit year, a subject that starts with a keyword or phrase) is left to it. `hints` are
 * subject-hints.ts subjectHints(folded, fast.tailStart).
 */
export function readPlain(
  stem: string,
  folded: string,
  ext: string,
  c: CompiledRules,
  fast: FastHead,
  hints: number,
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
    const unclear =
      letterApart(folded, tailStart, head.nomor) ?? checkTail(folded, tailStart, false, head, c);
    if (unclear) return unclear;
    // Another office in the subject: whether the head names this office is asked of the plain
    // head only where the subject may name one (fast.ts PlainHead.ownNamed); a probe that reads
    // otherwise leaves the name to lenient() (`left`).
    if (c.office) {
      const other = otherOfficeIn(folded, tailStart, c.office, fast, hints);
      if (fast.left) return null;
      if (other) return other;
    }
    const second = secondInUnmarked(folded, tailStart, head, c, hints);
    if (second) return second;
  }
  if (c.office && tailStart < folded.length) {
    const tag = officeAfterSubject(folded, tailStart, c.office, fast, hints);
    if (fast.left) return null;
    if (tag) return tag;
  }
  return withSubject(stem, folded, true, ext, true, head, tailStart, null, c, hints);
}

/**
 * The refusal of a subject typed without "tentang", from `tailStart`, that names another decree
 * than `head`'s with nothing making it the subject's topic ("… Th 2022 rev SK No 9", two-decrees.ts
 * decreeInUnmarked) or a number the file replaced or had ("… ganti No 15", otherNumberInUnmarked),
 * or null. Substring tests first: most subjects name neither. `hints`: subject-hints.ts.
 */
export function secondInUnmarked(
  folded: string,
  tailStart: number,
  head: Head,
  c: CompiledRules,
  hints = ALL_HINTS,
): ParseRejected | null {
  // "… ganti No 15 Th 2024", "(lama No 18 …)": the number it replaced or had (OTHER_NUMBER).
  if (folded.includes("no", tailStart)) {
    const other = otherNumberInUnmarked(folded, tailStart, folded.length, head.nomor);
    if (other !== null) return reject("AMBIGUOUS_NUMBER", `${head.nomor}, ${other}`);
  }
  if (
    (hints & (HINT_DECREE | HINT_KPT)) === 0 ||
    (!folded.includes("sk", tailStart) &&
      !folded.includes("kep", tailStart) &&
      !folded.includes("kpt", tailStart))
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
 * are read apart (markedSubject). `hints`: subject-hints.ts subjectHints(folded, tailStart).
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
  hints = ALL_HINTS,
): LenientDecree | ParseRejected {
  let tailEnd = folded.length;
  if (
    tailStart < tailEnd &&
    (!isPlainSubject(folded, tailStart, (hints & HINT_NOT_PLAIN) !== 0) ||
      markAfterKeyword(folded, tailStart, tailEnd) !== null)
  ) {
    const marked = markedSubject(stem, folded, ext, head, tailStart);
    if ("reason" in marked) return marked;
    // "… ttd Sekretaris" after "SK Ketua …": who signed says the other kind; of two signers
    // ("ttd Ketua dan Sekretaris"), either may.
    for (const role of marked.signer === null ? [] : marked.signer.split(" ")) {
      const signed = c.roleJenis.get(role);
      if (signed !== undefined && signed !== head.jenis) {
        return rejectVariant("AMBIGUOUS_JENIS:kindTag", `${head.jenis}, ${signed}`);
      }
    }
    // A tag naming the other kind of decree ("… ttg DPT - SK Sekretaris"): only a subject that
    // is not plain may end with one (two-decrees.ts).
    const ms = marked.subject;
    const kind = otherKindTag(ms.folded, ms.start, ms.end, head.jenis, ms.spaced, c);
    if (kind) return kind;
    return subjectDecree(
      marked.subject,
      printable,
      ext,
      ascii,
      head,
      marked.qualifier,
      old,
      ALL_HINTS,
      c,
    );
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
  return subjectDecree(subject, printable, ext, ascii, head, head.qualifier, old, hints, c);
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
    if (sq.numberMark !== null)
      return rejectVariant("BAD_NUMBER:marked", foldedWords(sq.numberMark).join(" ").toUpperCase());
    // The decree with its attachments ("beserta Lampiran I-II"): the decree's slot, which an
    // attachment's number in the head ("Lampiran 1 … + Lampiran 2") contradicts.
    if (sq.withAttachments && qualifier !== null) {
      return reject("AMBIGUOUS_QUALIFIER", `${qualifier}, +LAMPIRAN`);
    }
    if (sq.yearMark !== null)
      return rejectVariant(
        "AMBIGUOUS_YEAR:marked",
        foldedWords(sq.yearMark).join(" ").toUpperCase(),
      );
    if (sq.voidMark !== null)
      return rejectVariant("NOT_A_DECREE:void", foldedWords(sq.voidMark).join(" ").toUpperCase());
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
 * `hints`: subject-hints.ts subjectHints(s.folded, s.start), or ALL_HINTS.
 */
function subjectDecree(
  s: Subject,
  printable: boolean,
  ext: string,
  ascii: boolean,
  head: Head,
  qualifier: string | null,
  old: OldNumber | null,
  hints: number,
  c: CompiledRules,
): LenientDecree | ParseRejected {
  const { folded, start, end } = s;
  const ending =
    start < end ? subjectEnd(folded, start, end, head.nomor, s.plain, s.spaced, hints) : null;
  if (ending !== null) return ending;
  // "Sallinan SK Ketua …", "… Th 2023 Lmpiran 6 PPK": a misspelt copy or attachment mark
  // first in the name or in the subject (qualifier-typo.ts).
  const typo =
    leadingQualifierTypo(folded) ?? (start < end ? leadingQualifierTypo(folded, start, end) : null);
  if (typo !== null) return rejectVariant("AMBIGUOUS_QUALIFIER:typo", typo);
  // "… atau SK Sekretaris", "(harusnya Sek)": another kind offered as the alternative or the
  // correction (two-decrees.ts).
  const offered =
    start < end &&
    (folded.includes("atau", start) ||
      folded.includes("nya", start) ||
      folded.includes("opo", start))
      ? otherKindOffered(folded, start, end, head.jenis, c)
      : null;
  if (offered !== null) return offered;
  const english = (hints & HINT_ENGLISH) === 0 ? null : englishQualifier(folded);
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
 * `hints`: subject-hints.ts subjectHints(folded, tailStart), or ALL_HINTS.
 */
export function otherOfficeIn(
  folded: string,
  tailStart: number,
  office: CompiledOffice,
  owner: OwnNamed,
  hints = ALL_HINTS,
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
  const hinted = (hints & HINT_REGION) !== 0 && SUBJECT_HINT.test(folded);
  const code = hinted ? foreignRegionCode(folded, tailStart, office) : null;
  if (code) return code;
  if (hinted && mayNameKpu(folded, tailStart) && !onlyRecipientOrCited(folded, tailStart)) {
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
 * than 12), so the name is refused instead of filed as 12. After a year ("2024 A …") it starts
 * a subject, unless it is all there is after the year and the serial is known (`nomor`): "SK
 * Ketua No 12 Th 2024 A" is as likely 12A, typed last, as decree 12 about "A". `at` is where
 * subjectStart put the subject; the usual subject's first word is longer than a letter, which
 * the first test sees.
 */
export function letterApart(folded: string, at: number, nomor?: string): ParseRejected | null {
  if (at >= folded.length || isWordChar(folded.charCodeAt(at + 1))) return null;
  if (ABBREVIATION.test(folded.slice(at + 1, at + 4))) return null;
  let i = at;
  while (i > 0 && isApart(folded.charCodeAt(i - 1))) i--;
  let j = i;
  while (j > 0 && isDigit(folded.charCodeAt(j - 1))) j--;
  if (i === at || j === i || (j > 0 && isWordChar(folded.charCodeAt(j - 1)))) return null;
  const serial = folded.slice(j, i);
  if (!isYearShaped(serial))
    return reject("LETTER_APART", `${serial} ${folded[at]!.toUpperCase()}`);
  if (nomor === undefined || nomor.length === 0) return null;
  let k = at + 1;
  while (k < folded.length && !isWordChar(folded.charCodeAt(k))) k++;
  return k < folded.length ? null : reject("LETTER_APART", `${nomor} ${folded[at]!.toUpperCase()}`);
}

/**
 * What region-code.ts foreignRegionCode ("kode", "kd", "kpu") and mayNameKpu ("kpu", "komisi",
 * "kip") need somewhere in the subject, in one scan.
 */
const SUBJECT_HINT = new RegExp(REGION_WORDS.join("|"), "g");

/**
 * Whether every KPU the subject from `at` names is the one the file is sent to or made for ("…
 * Th 2024 kirim ke KPU DKI", "… (utk KPU RI)"), or the issuer of a decree this one carries out
 * ("… tindak lanjut Kep KPU Prov DKI No 45 …"): never this file's issuer, as "dari" or
 * "kiriman" would make it.
 */
function onlyRecipientOrCited(folded: string, at: number): boolean {
  let named = 0;
  for (let k = folded.indexOf("kpu", at); k >= 0; k = folded.indexOf("kpu", k + 3)) named++;
  if (named === 0 || folded.includes("komisi", at) || folded.includes("kip", at)) return false;
  SENT_TO.lastIndex = at;
  let sent = 0;
  while (SENT_TO.exec(folded) !== null) sent++;
  return sent === named;
}
/** A recipient's word right before "KPU", or a decree's word after one that it carries out. */
const SENT_TO =
  /(?<![a-z0-9])(?:(?:ke|kepada|untuk|utk|buat)|(?:tindak[^a-z0-9]+lanjut|menindaklanjuti|pelaksanaan|melaksanakan|berdasarkan|sesuai|mengacu|merujuk)[^a-z0-9]+(?:kep|keputusan|sk|surat(?:[^a-z0-9]+edaran)?|se))[^a-z0-9]+kpu/g;

/** Whether the text from `at` may name a KPU office (otherKpuIn), in three substring tests. */
function mayNameKpu(folded: string, at: number): boolean {
  return folded.includes("kpu", at) || folded.includes("komisi", at) || folded.includes("kip", at);
}

/** After a lone letter: an abbreviation's next letter ("s.d.", "s/d", "a.n."), no serial's letter. */
const ABBREVIATION = /^[./]\s*[a-z]/;

/** What may stand between a serial and its letter typed apart: " ", ".", "_", "-". */
export function isApart(code: number): boolean {
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
