/**
 * File name → Decree, or a rejection with a stable reason. Pure: no I/O; the clock only through
 * `opts.now` (it sets the default upper year bound, latestYear(now), when `rules.yearMax` is unset;
 * without either, only the year shape 1900–2199 is checked). Never throws.
 *
 * Reading, in order:
 * 1. the extension must be a configured decree extension;
 * 2. a canonical name (`KPT-KETUA_2024_012[_QUAL][_slug].pdf`) is read field by field;
 * 3. a plain head ("SK Ketua No 12 Th 2024 ttg …", "Kep. Sekretaris 12-2024 …") in one regex
 *    (fast.ts), which reads exactly as step 4 would;
 * 4. otherwise leniently: the text before "tentang"/"ttg" (or, without it, up to the first free
 *    word after the numbers) is the head; the rest is the subject. In the head: an old-style
 *    number (old-numbers.ts), jenis phrases (code, label, aliases), LAMPIRAN n / SALINAN,
 *    "12/2024" / "3-2023", "No 12" / "Nomor: 12", "Th 2024" / "Tahun 2024", then bare numbers.
 *    Every reading of a field must agree; two different readings, or none, reject the name.
 *    (lenient.ts, head.ts)
 *
 * Speed matters (every name in the share is read here), so the hot paths test a substring
 * before running a regex, scan short spans by hand, and build the canonical name from pieces
 * known to be safe instead of re-scanning it, and read the plain head apart; the property tests
 * (test/convention/differential.test.ts, format.test.ts, shortcuts.test.ts, fast.test.ts) hold
 * every result to the plain regex reading and the plain head to the lenient one.
 */
import type { ConventionConfig } from "../config/schema.js";
import { levelSettled } from "./area.js";
import { mayBeDeviceName } from "./device-name.js";
import { plainReader } from "./fast.js";
import { formatNameWith } from "./format.js";
import { signingYear } from "./head.js";
import { dateOnly, lenient, otherTitle } from "./lenient.js";
import { mojibakeRepaired } from "./mojibake.js";
import { MONTH_ALTERNATION } from "./months.js";
import { fourDigits, normNomor } from "./numbers.js";
import { amendedAfterHead, decreeLast, numbersLast, subjectThenDecree } from "./numbers-last.js";
import { officeFirst } from "./office-first.js";
import { oldNumberNonDecree } from "./old-numbers.js";
import { cutLampiran } from "./qualifier-typo.js";
import { reject, rejectVariant } from "./reasons.js";
import { isOtherRegionCode } from "./region-code.js";
import {
  glue,
  issuersApart,
  lineBreaksJoined,
  mayBeRepaired,
  ocrCapitals,
  ocrNumbers,
  stripNoise,
} from "./repair.js";
import { type CompiledRules, compileRules } from "./rules.js";
import { LEADING_SITE, unstamp } from "./stamps.js";
import { conflictMark } from "./subject-end.js";
import {
  ALL_HINTS,
  HINT_REGION,
  HINT_SIGNED,
  holdsAny,
  SIGNED_WORDS,
  subjectHints,
} from "./subject-hints.js";
import { type LenientDecree, readPlain } from "./subject-read.js";
import { asSeen, isAscii, isPrintableAsciiNoSlash, isSpace } from "./text.js";
import type { Decree, ParseRejected, ParseResult } from "./types.js";

export interface ParseOptions {
  now?: Date;
}

const CANONICAL =
  /^([A-Z0-9][A-Z0-9-]*)_(\d{4})_(\d{1,6}[A-Z]?)(?:_(LAMPIRAN-[1-9]\d{0,2}|SALINAN))?(?:_([a-z0-9]+(?:-[a-z0-9]+)*))?$/;
const MAX_EXTENSION = 10;
/** U+FFFD, the replacement of a character that did not decode, beside a digit, with the digits. */
const LOST_BESIDE_DIGIT = /\d*\ufffd+\d+|\d+\ufffd+\d*/;
/**
 * "No"/"Nomor" and a serial followed by blanks for digits ("1..", "4__", "12…") or by a question
 * mark ("1?", a digit the clerk could not read) and a space: a number left to fill in (group 1),
 * in a name whose words are apart by spaces.
 */
const BLANK_DIGITS =
  /(?<![a-z0-9])(?:no|nomor|nomer|nmr)[\s.:]*(\d{1,4}(?:_+|\.{2,}|\u2026|\?+))(?=\s)/;
/** "No"/"Nomor" and a serial typed twice, a space apart (group 1: the serial). */
const SERIAL_TWICE = /(?<![a-z0-9])(?:no|nomor|nomer|nmr)[\s.:]*(\d{1,4})\s+\1(?![0-9a-z])/;
/** "KPU" and a region code typed as one word (group 1: the code). */
const GLUED_CODE = /(?<![a-z0-9])kpud?(\d{4})(?![0-9])/;
/** What browsers, sync clients and editors name a file before it is whole. */
const PARTIAL = new Set(["part", "partial", "crdownload", "download", "opdownload", "tmp", "temp"]);

export function parse(name: string, rules: ConventionConfig, opts: ParseOptions = {}): ParseResult {
  try {
    const typed = name.includes("=?") ? (mimeDecoded(name) ?? name) : name;
    const decoded = typed.includes("%") ? (urlDecoded(typed) ?? typed) : typed;
    return parseName(decoded.includes("+") ? plusesApart(decoded) : decoded, rules, opts);
  } catch {
    return reject("UNSAFE_NAME");
  }
}

/**
 * A name saved from a web form's address, its spaces sent as "+" ("SK+Ketua+No+71+Th+2024+
 * Lampiran+I.pdf"), with spaces: a name with no space and two "+" or more. One "+" is the
 * clerk's ("SK_Ketua_No_12+Lampiran": the decree with its attachments).
 */
function plusesApart(name: string): string {
  if (name.includes(" ")) return name;
  const first = name.indexOf("+");
  return name.indexOf("+", first + 1) < 0 ? name : name.replace(/\+/g, " ");
}

/**
 * A name saved from a web address with its spaces, brackets and slashes still encoded
 * ("SK%20Ketua%20No%2012….pdf", "49%2FPL.01.3-Kpt%2F3172…", "SK%C2%A0Sekretaris…"), decoded,
 * a "/" as "_" as a name types it; null when it holds no such escape or does not decode.
 */
function urlDecoded(name: string): string | null {
  if (!ESCAPED.test(name)) return null;
  try {
    const once = decodeURIComponent(name);
    // Encoded twice ("%2520": a "%" encoded again), as some download pages send it.
    const decoded = name.includes("%25") && ESCAPED.test(once) ? decodeURIComponent(once) : once;
    return decoded.replace(/\//g, "_");
  } catch {
    return null;
  }
}
/**
 * A name saved from a mail as its header carried it, RFC 2047's encoded words not decoded
 * ("=?UTF-8?Q?SK_Ketua_No_230_Th_2024_Lokasi_TPS?=.pdf", "=?utf-8?B?U0sgS2V0dWE…?=.pdf"):
 * decoded, a "/" as "_"; null when it holds no such word or one does not decode.
 */
function mimeDecoded(name: string): string | null {
  if (!ENCODED_WORD.test(name)) return null;
  let failed = false;
  // Encoded words apart by white space are one text (RFC 2047 §6.2): the space between goes.
  const joined = name.replace(/(\?=)\s+(?==\?)/g, "$1");
  const decoded = joined.replace(ENCODED_WORDS, (_, charset: string, how: string, text: string) => {
    const encoding = charset.toLowerCase() === "utf-8" ? "utf8" : "latin1";
    if (how.toUpperCase() === "B") return Buffer.from(text, "base64").toString(encoding);
    const bytes: number[] = [];
    for (let i = 0; i < text.length; i++) {
      const ch = text[i]!;
      if (ch === "_") bytes.push(0x20);
      else if (ch === "=" && HEX2.test(text.slice(i + 1, i + 3))) {
        bytes.push(Number.parseInt(text.slice(i + 1, i + 3), 16));
        i += 2;
      } else if (ch === "=") failed = true;
      else bytes.push(ch.charCodeAt(0));
    }
    return Buffer.from(bytes).toString(encoding);
  });
  return failed ? null : decoded.replace(/\//g, "_");
}
/** An RFC 2047 encoded word: charset (1), Q or B (2), text (3). */
const ENCODED_WORD = /=\?([a-z0-9_-]+)\?([qb])\?([^?]*)\?=/i;
const ENCODED_WORDS = new RegExp(ENCODED_WORD.source, "gi");
const HEX2 = /^[0-9a-f]{2}$/i;

/** A percent escape of a space, punctuation or a UTF-8 lead byte ("%20", "%2F", "%C2"). */
const ESCAPED = /%(?:[2-3][0-9A-F]|[5-7][BDEF]|[C-F][0-9A-F])/i;

function parseName(name: string, rules: ConventionConfig, opts: ParseOptions): ParseResult {
  const printable = isPrintableAsciiNoSlash(name);
  const ascii = printable || isAscii(name);
  // UTF-8 read as Windows-1252 on the way ("No 9â€“2023"): read as the clerk typed it.
  const repaired = ascii ? null : mojibakeRepaired(name);
  if (repaired !== null) return parseName(repaired, rules, opts);
  const nfc = ascii ? name : asSeen(name.normalize("NFC"));
  if (isBlank(nfc) || (!printable && (nfc.includes("/") || nfc.includes("\u0000")))) {
    return reject("UNSAFE_NAME");
  }
  // A character lost to a wrong encoding ("SK Ketua No 1\ufffd Th 2024": "12"? "15"?) beside a
  // digit: the number as typed is unknown.
  if (!ascii && nfc.includes("\ufffd")) {
    const lost = LOST_BESIDE_DIGIT.exec(nfc);
    if (lost) return reject("BAD_NUMBER", lost[0]);
  }
  const c = compileRules(rules);
  // The extension: 1–10 ASCII letters or digits after the last ".", trailing white space and
  // dots aside (Windows drops them; "… DPT.pdf." is a PDF).
  let end = nfc.length;
  while (end > 0 && (isSpace(nfc.charCodeAt(end - 1)) || nfc.charCodeAt(end - 1) === 0x2e)) end--;
  let dot = end;
  while (dot > 0 && end - dot < MAX_EXTENSION && isAsciiAlnum(nfc.charCodeAt(dot - 1))) dot--;
  if (dot === end || dot === 0 || nfc.charCodeAt(dot - 1) !== 0x2e) {
    return reject("BAD_EXTENSION", "tanpa ekstensi");
  }
  const typed = nfc.slice(dot, end).toLowerCase();
  if (!c.extensions.has(typed)) {
    return PARTIAL.has(typed)
      ? rejectVariant("BAD_EXTENSION:partial", `.${typed}`)
      : reject("BAD_EXTENSION", `.${typed}`);
  }
  const stem = nfc.slice(0, dot - 1);
  // Microsoft Office's owner file of an open document ("~$ Ketua No 12 … .docx"): it carries the
  // document's name, its first two letters replaced, and is never a decree.
  if (stem.charCodeAt(0) === 0x7e && stem.charCodeAt(1) === 0x24) {
    return rejectVariant("NOT_A_DECREE:lockFile", "~$");
  }
  // macOS's metadata beside a document on a share ("._SK Ketua No 12 … .pdf"), its name too.
  if (stem.charCodeAt(0) === 0x2e && stem.charCodeAt(1) === 0x5f) {
    return rejectVariant("NOT_A_DECREE:appleDouble", "._");
  }
  // A scanner's or camera's own name ("scan0001", "IMG1234"): no decree's kind (device-name.ts).
  if (printable && c.deviceName !== null && mayBeDeviceName(stem) && c.deviceName.test(stem)) {
    return reject("NO_JENIS");
  }
  // A canonical name starts with a configured code and "_" (the regex reads the code up to the
  // first "_"): most names do not, and this test costs less than the regex.
  const underscore = stem.indexOf("_");
  const canon =
    underscore > 0 && c.codes.has(stem.slice(0, underscore)) ? CANONICAL.exec(stem) : null;
  // A canonical name keeps its extension as filed: an archive filed before canonicalExtension
  // is not renamed (and mirrored twice) for it.
  if (canon) return readCanonical(canon, typed, rules, c, opts);
  const ext = typed === "jpeg" || typed === "tiff" ? canonicalExtension(typed, c) : typed;
  // A printable ASCII name folds by lower-casing; lower-casing the flat name is a fast call,
  // a slice of it (the stem) takes the runtime's slow path.
  let bare = stripNoise(stem);
  let folded = printable
    ? bare === stem
      ? name.toLowerCase().slice(0, dot - 1)
      : bare.toLowerCase()
    : null;
  // The plain head ("SK Ketua No 12 Th 2024 ttg …") in one regex (fast.ts); else the lenient reading.
  const fast = folded === null ? null : plainReader(rules, c)?.(folded);
  // What the subject's checks may find (subject-hints.ts), for a name read on the plain path.
  let hints = fast ? subjectHints(folded!, fast.tailStart) : ALL_HINTS;
  let d = fast && readPlain(bare, folded!, ext, c, fast, hints);
  const lenientRead = !d;
  if (!d) {
    hints = ALL_HINTS;
    // A title in capitals as text recognition spelt it ("KEPUTUSAN K0MISI … N0M0R 3", repair.ts
    // ocrCapitals; "NOMOR 1O TAHUN 2O24", ocrNumbers), read spelt right: asked only here, as no
    // plain head holds such a word.
    const spelt = ocrNumbers(ocrCapitals(bare));
    if (spelt !== bare) {
      bare = spelt;
      folded = printable ? spelt.toLowerCase() : null;
    }
    d = lenient(bare, folded, ext, c, ascii);
  }
  const lower = folded ?? bare.toLowerCase();
  // An issuer glued to its place ("kpujakpus-sk-ketua-no-9-…", "SK Ketua No 9 Th 2024
  // KPUJaksel", "SK KPUKotaBogor No 22 …"): read again with the words apart, so that the office
  // is asked about as when typed apart. Read as one unknown word beside a head read without it,
  // another office's decree was filed; in the head, this office's own was refused. A refused
  // name keeps its first refusal unless apart it is filed (a glued "KPUKotaJakartaUtra" is no
  // other office: its place is this office's, misspelt).
  // A plain head has no glued issuer or code: only its subject may, where the hints scan saw
  // "kpu".
  if (!fast || (hints & HINT_REGION) !== 0) {
    const apart = issuersApart(nfc, lower);
    if (apart !== null) {
      const again = parseName(apart, rules, opts);
      if (!("reason" in d) || again.ok) return again;
    }
    // "KPU3173_SK-KETUA_2024-0045": a commission glued to another office's region code, as a
    // scanner template names its office; read as one word it named no office.
    const code = "reason" in d || c.office === null ? null : GLUED_CODE.exec(lower);
    if (code !== null && isOtherRegionCode(code[1]!, c.office)) {
      return reject("OTHER_OFFICE_CODE", code[1]);
    }
  }
  if ("reason" in d) return readRefused(d, bare, folded, ext, rules, c, ascii, opts);
  // "Lampi" as a word, read as attachment 1 ("Lamp I" glued): or "Lampiran" cut short, a long
  // title cut at a path's limit, whose decree was filed as its attachment.
  const lampi = d.qualifier === "LAMPIRAN-1" ? cutLampiran(bare) : null;
  if (lampi !== null) return rejectVariant("AMBIGUOUS_QUALIFIER:typo", lampi);
  // Numbers the plain head reads no such way, asked of a name the lenient reading took for a
  // decree (another office's stays refused as such): a serial with the rest of its digits left
  // blank ("No 1.. Th 2024", "No 4__ Th 2024"), which the clerk did not know yet; the serial
  // typed twice after "No" ("No 12 12 Th 2024", "no 5 5 2024"): doubled, or one number with a
  // space slipped in (1212, 55)?
  if (lenientRead) {
    const blank = BLANK_DIGITS.exec(lower);
    if (blank !== null) return reject("BAD_NUMBER", blank[1]);
    const twice = SERIAL_TWICE.exec(lower);
    if (twice !== null) return reject("AMBIGUOUS_NUMBER", `${twice[1]}, ${twice[1]}${twice[1]}`);
  }
  // This office's region code typed as the serial ("SK Ketua No 3172 Th 2024"): a number no
  // city's or regency's office reaches in a year, so a slip, not the decree's.
  if (d.nomor.length >= 4 && c.office?.regionCodes.has(d.nomor)) {
    return reject("BAD_NUMBER", d.nomor);
  }
  const signed =
    ((hints & HINT_SIGNED) === 0 && !lenientRead ? null : signedInOtherYear(lower, d.tahun)) ??
    (lower.includes(", ") ? signedAtInOtherYear(lower, d.tahun) : null);
  if (signed !== null) return reject("AMBIGUOUS_YEAR", signed);
  return finish(d, rules, c, opts, d.folded, d.singleGaps);
}

/**
 * The decree's year and that of the date it says it was signed on ("No 12 Th 2023 ditetapkan 5
 * Januari 2024", "Th 2024 tgl 28-12-2023"), when they differ; else null. A serial counts within
 * its year of signing, so one of the two is wrong, and nothing says which.
 */
function signedInOtherYear(lower: string, tahun: number): string | null {
  if (!holdsAny(lower, SIGNED_WORDS)) return null;
  const year = signingYear(lower);
  return year === null || Number(year) === tahun ? null : `${tahun}, ${year}`;
}
/**
 * As signedInOtherYear, for the place and date a decree is signed at, as its signing block
 * reads and a title copied from the document's text keeps it ("… NOMOR 5 TAHUN 2023 TENTANG
 * PEMBENTUKAN PPK Jakarta, 2 Januari 2024"): a word, a comma and a date with its month's name.
 */
function signedAtInOtherYear(lower: string, tahun: number): string | null {
  const m = SIGNED_AT.exec(lower);
  return m === null || Number(m[1]) === tahun ? null : `${tahun}, ${m[1]}`;
}
const SIGNED_AT = new RegExp(
  String.raw`(?<![a-z0-9])[a-z]+,\s*(?:0?[1-9]|[12]\d|3[01])\s+(?:${MONTH_ALTERNATION})\s+((?:19|20)\d{2})(?![0-9])`,
);

/**
 * The decree of a canonical name (`canon`, CANONICAL's match of its stem), or why not.
 */
function readCanonical(
  canon: RegExpExecArray,
  ext: string,
  rules: ConventionConfig,
  c: CompiledRules,
  opts: ParseOptions,
): ParseResult {
  // ownCloud's older desktop client names a conflict copy "<name>_conflict-<date>-<time>": of a
  // canonical name without a subject, that reads as the slug (subject-end.ts conflictMark).
  if (canon[5]?.startsWith("conflict-") && conflictMark(canon[5], 0)) {
    return rejectVariant("AMBIGUOUS_QUALIFIER:conflictCopy", canon[5]);
  }
  const nomor = normNomor(canon[3]!, true);
  if (nomor === null) return reject("BAD_NUMBER", canon[3]);
  return finish(
    {
      jenis: canon[1]!,
      tahun: fourDigits(canon[2]!),
      nomor,
      qualifier: canon[4] ?? null,
      tentang: canon[5] ? canon[5].replace(/-/g, " ") : null,
      ext,
    },
    rules,
    c,
    opts,
    // The slug as read: already folded, and what formatting the subject would join again.
    canon[5] ?? "",
    true,
  );
}

/**
 * A name the first reading refused (`first`; `bare`, `folded`, `ext` and `ascii` as lenient()
 * took them), read again where the refusal may come of how it was typed: a head a glued or
 * misspelt word kept from reading, unglued and respelt (repair.ts), taken only when it reads;
 * then numbers refused with a device stamp or a dated "10 Mei 2024" in them, without it
 * (stamps.ts), whose refusal, if it is still refused, no longer offers the stamp's digits; then
 * a number and year typed after the subject, before it, and an amended decree typed before the
 * amending one, after it (numbers-last.ts).
 * Still without a jenis: an old-style number of a berita acara, a letter … (old-numbers.ts), or
 * another title after "SK"/"Keputusan" (lenient.ts otherTitle) says what the name is.
 */
function readRefused(
  first: ParseRejected,
  bare: string,
  folded: string | null,
  ext: string,
  rules: ConventionConfig,
  c: CompiledRules,
  ascii: boolean,
  opts: ParseOptions,
): ParseResult {
  let d: LenientDecree | ParseRejected = first;
  const printableName = folded !== null;
  // The stem without its stamps (stamps.ts), for the two readings below that may ask for it.
  let unstamped: string | null | undefined;
  const withoutStamps = (): string | null => {
    if (unstamped === undefined) unstamped = unstamp(bare);
    return unstamped;
  };
  if (REPAIRABLE.has(first.reason) && (folded === null || mayBeRepaired(folded, c))) {
    d = reread(first, glue(bare, c), printableName, ext, c, ascii, false);
  }
  // A word broken at a line's end, as text copied from a PDF or recognised from a scan keeps it
  // ("KOTA JAKAR- TA UTARA", "SEKRE- TARIS", "NO- MOR"): read again joined.
  if ("reason" in d && bare.includes("- ")) {
    d = reread(d, lineBreaksJoined(bare), printableName, ext, c, ascii, false);
  }
  // This office named before a bare "Keputusan" or after the numbers, read in the title's order.
  // Stamps aside (stamps.ts), as a web system names it ("kpu-kota-jakarta-utara-keputusan-nomor-
  // 12-tahun-2024-64f2a1c9").
  if ("reason" in d && OFFICE_FIRST.has(d.reason) && c.office !== null) {
    const text = withoutStamps()?.trim() ?? bare;
    const lower = text === bare && folded !== null ? folded : text.toLowerCase();
    const moved = lower.length === text.length ? officeFirst(text, lower, c.office) : null;
    d = reread(d, moved, printableName, ext, c, ascii, false);
  }
  if (
    "reason" in d &&
    (STAMPABLE.has(d.reason) || (d.reason === "OTHER_OFFICE" && LEADING_SITE.test(bare)))
  ) {
    const stamped = d;
    d = reread(d, withoutStamps(), printableName, ext, c, ascii, true);
    // A date taken away as a stamp that held the name's only year ("SK Ketua No 5 2024-05-10"):
    // said so (lenient.ts dateOnly), not "add the year".
    if ("reason" in d && d.reason === "NO_YEAR" && stamped.reason === "NO_YEAR") {
      d = dateOnly(folded ?? bare.toLowerCase()) ?? d;
    }
  }
  // The number and year typed after the subject ("SK Ketua ttg Pembentukan KPPS Nomor 5 Tahun
  // 2024"), moved before "tentang" (numbers-last.ts).
  if ("reason" in d && d.reason === "NO_NUMBER") {
    d = reread(d, numbersLast(bare), printableName, ext, c, ascii, true);
  }
  // The amended decree typed first, this one after it ("Perubahan atas SK Ketua No 3 Th 2023 -
  // SK Ketua No 12 Th 2024"), read in the usual order (numbers-last.ts decreeLast).
  if ("reason" in d && d.reason === "NUMBER_OF_OTHER") {
    d = reread(d, decreeLast(bare, c), printableName, ext, c, ascii, false);
  }
  // This decree's head first, the decree it amends after it and "tentang" only after that one's
  // number ("SK Ketua No 17 Th 2024 Perubahan atas Kep No 3 Th 2024 ttg …"): "tentang" put before
  // the amending word (numbers-last.ts amendedAfterHead).
  if ("reason" in d && (d.reason === "NUMBER_OF_OTHER" || d.reason === "AMBIGUOUS_NUMBER")) {
    d = reread(d, amendedAfterHead(bare, c), printableName, ext, c, ascii, false);
  }
  // The subject typed first and the decree set apart after it ("Honor 2 Bulan PPS - Kep
  // Sekretaris No 38 Th 2024"), read in the usual order (numbers-last.ts subjectThenDecree),
  // where its words and counts were read as the head's. Refusals that name another body or two
  // years stand.
  if ("reason" in d && SUBJECT_FIRST.has(d.reason)) {
    d = reread(d, subjectThenDecree(bare, c), printableName, ext, c, ascii, false);
  }
  // "KPU Bekasi" of KPU Kabupaten Bekasi, a place Kota Bekasi's office shares: read with the
  // level word when the rest of the name says whose (area.ts levelSettled).
  if ("reason" in d && d.reason === "OFFICE_UNCLEAR" && c.office !== null) {
    const lower = folded ?? bare.toLowerCase();
    const settled = lower.length === bare.length ? levelSettled(bare, lower, c.office) : null;
    d = reread(d, settled, printableName, ext, c, ascii, false);
  }
  if (!("reason" in d)) {
    // A date of signing in another year than the decree's, as the first reading refuses it
    // ("SKKetuaNo5Th2024tgl28-12-2023", read unglued).
    const signed = signedInOtherYear(folded ?? bare.toLowerCase(), d.tahun);
    if (signed !== null) return reject("AMBIGUOUS_YEAR", signed);
    return finish(d, rules, c, opts, d.folded, d.singleGaps);
  }
  if (d.reason !== "NO_JENIS" && d.reason !== "NO_JENIS_OTHER") return d;
  // No jenis, and an old-style number that names a berita acara, a letter … (old-numbers.ts).
  const kind = oldNumberNonDecree(folded ?? bare.toLowerCase());
  if (kind) return reject("NOT_A_DECREE", kind);
  // Still no jenis: another title after "SK"/"Keputusan" gives both ways out (lenient.ts).
  return d.reason === "NO_JENIS" ? (otherTitle(bare, folded, c, ascii) ?? d) : d;
}

/**
 * The lenient reading of `text`, a rewritten stem (null: nothing to rewrite, `first` stands);
 * `printable` when the name was printable ASCII. A new refusal replaces `first` only when
 * `refusalToo`.
 */
function reread(
  first: ParseRejected,
  text: string | null,
  printable: boolean,
  ext: string,
  c: CompiledRules,
  ascii: boolean,
  refusalToo: boolean,
): LenientDecree | ParseRejected {
  if (text === null) return first;
  const again = lenient(text, printable ? text.toLowerCase() : null, ext, c, ascii);
  if (!("reason" in again) || refusalToo) return again;
  // Whose decree it is, read once the head is unglued ("Kepkpu 360 Tahun 2024": KPU RI's, or
  // this office's typed without its place), says more than a missing kind, whose "add 'SK
  // Ketua'" could file another office's decree.
  return first.reason === "NO_JENIS" && OFFICE_REASONS.has(again.reason) ? again : first;
}

/** Refusals that name another office, or a doubt about whose decree it is. */
const OFFICE_REASONS = new Set([
  "OTHER_OFFICE",
  "OTHER_OFFICE_CODE",
  "OFFICE_UNCLEAR",
  "OFFICE_IN_SUBJECT",
]);

/**
 * Rejections this office typed before a bare "Keputusan", or after the numbers, can cause: no
 * jenis found (another body in the subject then named as if it were the issuer), or "SK No 81
 * … Ketua KPU <place>" read as a number cited before the decree's name.
 */
const OFFICE_FIRST = new Set(["NO_JENIS", "NO_JENIS_OTHER", "NUMBER_OF_OTHER"]);

/** Rejections a subject typed before the decree's name can cause (subjectThenDecree). */
const SUBJECT_FIRST = new Set(["NO_JENIS", "NO_JENIS_OTHER", "NO_NUMBER"]);

/** Rejections a device stamp or a dated name can cause. */
const STAMPABLE = new Set([
  "OFFICE_UNCLEAR",
  "NO_JENIS",
  "NO_JENIS_OTHER",
  "NO_NUMBER",
  "BAD_NUMBER",
  "NO_YEAR",
  "AMBIGUOUS_NUMBER",
  "AMBIGUOUS_YEAR",
]);

/**
 * Rejections a glued or misspelt head can cause. ISSUER_UNCLEAR too: a word of the title glued
 * or misspelt ("KotaJakarta Utara", "Komisi Pemilihn Umum", "SK Kertua") stands between the
 * decree's name and its number unread. OTHER_OFFICE too: with the decree's name glued
 * unread ("SKKetua235Th2024 PPS Pluit"), the body in its subject was read as the issuer. The
 * repaired name is read anew, every office check with it, and taken only when it reads.
 */
const REPAIRABLE = new Set([
  "ISSUER_UNCLEAR",
  "NO_JENIS",
  "NO_JENIS_OTHER",
  "OTHER_OFFICE",
  "NO_NUMBER",
  "NO_YEAR",
  "BAD_NUMBER",
  "AMBIGUOUS_NUMBER",
]);

/**
 * Two spellings of one format ("jpeg" and "jpg", "tiff" and "tif") get one when a typed name is
 * filed: the short one, the one DOMAIN.md names, when the config allows it too. Otherwise "SK …
 * .jpg" and "SK … .jpeg" would be filed as two files of the decree, and listed twice.
 */
function canonicalExtension(ext: "jpeg" | "tiff", c: CompiledRules): string {
  const short = ext === "jpeg" ? "jpg" : "tif";
  return c.extensions.has(short) ? short : ext;
}

function isBlank(s: string): boolean {
  for (let i = 0; i < s.length; i++) if (!isSpace(s.charCodeAt(i))) return false;
  return true;
}

function isAsciiAlnum(code: number): boolean {
  return (code >= 48 && code <= 57) || (code >= 65 && code <= 90) || (code >= 97 && code <= 122);
}

/**
 * The latest year a decree can carry on `now`: this year, and from 25 December also the next
 * (a decree prepared for January). A later year has not come: a typo ("2027" for "2017"), filed
 * under it, the decree would be lost to whoever looks under its real year. Refused, it waits in
 * the quarantine and is filed by itself once its year begins.
 */
export function latestYear(now: Date): number {
  const y = now.getFullYear();
  return now.getMonth() === 11 && now.getDate() >= 25 ? y + 1 : y;
}

/**
 * latestYear(`now`), kept for the last instant asked: a pass hands every name the same `now`,
 * and the calendar fields cost a time-zone look-up each (three in December).
 */
function latestYearOf(now: Date): number {
  const t = now.getTime();
  if (t !== latestAt) {
    latest = latestYear(now);
    latestAt = t;
  }
  return latest;
}
let latestAt = Number.NaN;
let latest = 0;

/**
 * Checks the year and builds the result; `d.nomor` is already normalised (numbers.ts normNomor),
 * and `folded` and `singleGaps` are the subject as format.ts formatNameWith takes it. The
 * year's upper bound is `rules.yearMax`, else latestYear(`opts.now`) (module comment). The
 * decree is built as one literal, with `nomorAsli` last and only when given: adding it to a
 * finished object afterwards made every old-style result change shape, which V8 pays for on
 * each call.
 */
function finish(
  d: Decree,
  rules: ConventionConfig,
  c: CompiledRules,
  opts: ParseOptions,
  folded: string | null,
  singleGaps: boolean,
): ParseResult {
  const yearMax = rules.yearMax ?? (opts.now ? latestYearOf(opts.now) : 2199);
  if (d.tahun < rules.yearMin || d.tahun > yearMax) {
    return reject("YEAR_OUT_OF_RANGE", String(d.tahun));
  }
  const { jenis, tahun, nomor, qualifier, tentang, ext, nomorAsli } = d;
  const decree: Decree =
    nomorAsli === undefined
      ? { jenis, tahun, nomor, qualifier, tentang, ext }
      : { jenis, tahun, nomor, qualifier, tentang, ext, nomorAsli };
  let name: string;
  try {
    name = formatNameWith(decree, folded, rules, c, singleGaps);
  } catch {
    return reject("NAME_TOO_LONG");
  }
  return { ok: true, decree, path: `${decree.jenis}/${decree.tahun}/${name}` };
}
