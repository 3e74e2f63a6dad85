/**
 * Another office named in a tag after the subject: a group in brackets ("… ttg DPT (KPU Jakpus)",
 * "[KPU Jakbar]"), a part after a spaced dash or an underscore ("… Bendahara - Bawaslu Jakut", "…
 * DPT_KPU Jakpus"), or the words after an origin word ("… DPT dari KPU Jakbar", "kiriman KPU DKI",
 * "milik KPU Jaksel"); a decree's word may come first ("(SK KPU Jaksel)"). Such a tag says whose
 * copy or document the file is, not what the decree is about, so the name is refused with
 * office.ts's two ways out (OFFICE_IN_SUBJECT), even after "tentang". The tag must be that office
 * and nothing more: a body named in the subject's running text ("Kerja Sama dengan Bawaslu Jakut",
 * "Bimtek di Bandung", "Hibah dari Pemprov DKI") is the subject's, and a body without a place
 * ("(Bawaslu)") or this office's own name ("(KPU Jakut)", "- KPU Jakarta Utara") is no other
 * office. A tag that says where the file came from ("(dari Kemendagri)", "(kiriman Pemprov DKI)",
 * "… kiriman Kemendagri") names any body other than this office, with at most its place after it.
 * Pure.
 */
import { DISTRICT, dkiDistrict } from "./area.js";
import { isWordChar } from "./numbers.js";
import {
  type CompiledOffice,
  FORMING,
  ORIGIN,
  originEnd,
  originFirst,
  otherKpuIn,
  otherPlaceFirst,
} from "./office.js";
import { mayStartPlace } from "./place-start.js";
import { reject } from "./reasons.js";
import { isOtherRegionCode } from "./region-code.js";
import { wordsFrom } from "./text.js";
import type { ParseRejected } from "./types.js";

/**
 * Whether the head names this office, asked of a subject only where it may name another office (a
 * tag here; "KPU" or a place, subject-read.ts otherOfficeIn): a plain head (fast.ts) learns it the
 * first time, most subjects never ask.
 */
export interface OwnNamed {
  ownNamed(): boolean;
}

/** The answers of a head read in full (lenient.ts). */
export const OWN_NAMED: OwnNamed = { ownNamed: () => true };
export const NOT_OWN_NAMED: OwnNamed = { ownNamed: () => false };

/**
 * The refusal for another office named in a tag of the subject `folded` from `from` on, or
 * null. A head that names this office does not change it: "SK KPU Jakut No 3 … (KPU Jakbar)"
 * and "… (SK KPU Jaksel)" name two issuers, and the tag is what a clerk adds to say whose
 * document it is. Most subjects hold no bracket, dash, underscore or origin word: one pass over
 * the characters tells (mayHoldTag).
 */
export function officeTag(folded: string, from: number, o: CompiledOffice): ParseRejected | null {
  const at = mayHoldTag(folded, from);
  if (at < 0) return null;
  // Another office's region code alone as the last tag ("…_penetapan-dpt_3174", "… (3174)"), or
  // beside an issuer's marker ("… Tim KPU-Kot 3174"): whose document it is, as a region code
  // says in an old-style number. Not a bare code that is all the subject (the head's number's
  // business: NO_NUMBER:regionCode), and "_" sets a tag apart only in a name with spaces or
  // dashes ("SK_Ketua_2024_3171": there it is a space).
  const subject = folded.slice(from);
  const code = CODE_TAG.exec(subject);
  if (
    code !== null &&
    isOtherRegionCode(code[1]!, o) &&
    (LETTER.test(code[0]) || LETTER.test(subject.slice(0, code.index))) &&
    (code[0].charCodeAt(0) !== 0x5f || APART.test(subject))
  ) {
    return reject("OTHER_OFFICE_CODE", code[1]);
  }
  // "_" separates a tag only where words are apart by spaces ("DPT_KPU Jakpus"); in a name typed
  // with "_" for every space it is a space.
  const underscore = folded.includes(" ", from);
  const len = folded.length;
  for (let i = at; i < len; i++) {
    const c = folded.charCodeAt(i);
    let start = -1;
    let end = -1;
    if (c === 0x28 || c === 0x5b) {
      start = i + 1;
      end = closing(folded, start, c === 0x28 ? 0x29 : 0x5d);
    } else if (
      isDash(c) &&
      (folded.charCodeAt(i - 1) === 0x20 || folded.charCodeAt(i + 1) === 0x20)
    ) {
      start = i + 1;
      end = partEnd(folded, start, underscore);
    } else if (c === 0x5f && underscore) {
      start = i + 1;
      end = partEnd(folded, start, underscore);
    } else if (isWordChar(c) && (i === from || !isWordChar(folded.charCodeAt(i - 1)))) {
      start = originEnd(folded, i);
      if (start < 0) continue;
      end = partEnd(folded, start, underscore);
      // "kiriman", "milik", "punya" say whose copy the file is wherever they stand, so any
      // body after them is a tag ("… ttg DPT kiriman Pemprov DKI"); "dari" is running text too.
      const sent = SENT.has(folded.slice(i, start)) ? sentBy(folded.slice(i, end), o) : null;
      if (sent) return reject("OFFICE_IN_SUBJECT", sent);
      // After a word of handing over ("Penerimaan Arsip dari KPU Provinsi DKI Jakarta"), "dari"
      // names the other party of the decree's own business, no origin of the file.
      if (!SENT.has(folded.slice(i, start)) && handedOver(folded, from, i)) continue;
    } else {
      continue;
    }
    const named =
      officeOnly(folded.slice(start, end), o) ?? bodyTag(folded, from, i, start, end, o);
    if (named) return reject("OFFICE_IN_SUBJECT", named);
  }
  return null;
}

/** An old-style number's issuer marker typed apart from it ("KPU-Kot", "Sek-Kab", "kpu kota"). */
const MARKER = String.raw`(?:kpu|sek)[\s_-]*(?:kota?|kab)`;
/**
 * Four digits at the end set apart by "_" or in brackets, or beside an issuer's MARKER, either
 * side ("… Tim KPU-Kot 3174", "…_3174_KPU-Kot", "… (Sek-Kab 3201)").
 */
const CODE_TAG = new RegExp(
  String.raw`(?:_|[([]\s*|(?<![a-z0-9])${MARKER}[\s_-]*)(\d{4})(?:[\s_-]*${MARKER})?\s*[)\]]?[^a-z0-9]*$`,
);
const LETTER = /[a-z]/;
const APART = /[ -]/;

/**
 * Words of a handing over between bodies: receiving, transferring, borrowing from another body
 * is a decree's business, and "dari <body>" after them is part of its subject.
 */
const HANDING_OVER =
  /(?<![a-z0-9])(?:penerimaan|penyerahan|serah[^a-z0-9]*terima|pelimpahan|pengalihan|peminjaman|pinjam[^a-z0-9]*pakai|hibah|mutasi|pindahan|permintaan|usulan|pengembalian)(?![a-z0-9])/;

/** Whether `folded.slice(from, at)`, the subject before an origin word, hands something over. */
function handedOver(folded: string, from: number, at: number): boolean {
  return HANDING_OVER.test(folded.slice(from, at));
}

/**
 * Each ASCII character's class for mayHoldTag: 1 a letter or digit, 2 a character that starts a
 * tag ("(", "[", "_", "-"), 3 a letter an ORIGIN word (office.ts) starts with.
 */
const CLASS = new Uint8Array(128);
for (let c = 0x30; c <= 0x39; c++) CLASS[c] = 1;
for (let c = 0x61; c <= 0x7a; c++) CLASS[c] = 1;
for (const c of "([_-") CLASS[c.charCodeAt(0)] = 2;
for (const w of ORIGIN) CLASS[w.charCodeAt(0)] = 3;

/**
 * A character that starts a tag or an ORIGIN word anywhere, word starts or not: where it finds
 * nothing, mayHoldTag finds nothing. Most subjects hold none, and a regex tells that in one
 * native scan, also while V8 still runs the parser unoptimised (a fresh process's first names),
 * where a loop over the characters costs several times more.
 */
const TAG_GATE = new RegExp(`[([_\u2013-]|${[...ORIGIN].join("|")}`, "g");

/**
 * Where a tag may start in `folded` from `from` on ("(", "[", a dash, "_", an origin word), -1
 * when nowhere: the gate on every subject. TAG_GATE finds the first candidate; from there one
 * table look-up per character decides (an origin word must start a word).
 */
function mayHoldTag(folded: string, from: number): number {
  TAG_GATE.lastIndex = from;
  const m = TAG_GATE.exec(folded);
  if (m === null) return -1;
  let inWord = m.index > from && isWordChar(folded.charCodeAt(m.index - 1));
  for (let i = m.index; i < folded.length; i++) {
    const c = folded.charCodeAt(i);
    const k = c < 128 ? CLASS[c]! : c === 0x2013 ? 2 : 0;
    if (k === 2) return i;
    if (k === 3 && !inWord && originEnd(folded, i) >= 0) return i;
    inWord = k !== 0;
  }
  return -1;
}

/** "-" or an en dash. */
function isDash(c: number): boolean {
  return c === 0x2d || c === 0x2013;
}

/** Where a bracket opened before `from` closes (`close`), or the end. */
function closing(folded: string, from: number, close: number): number {
  const at = folded.indexOf(String.fromCharCode(close), from);
  return at < 0 ? folded.length : at;
}

/** Where a tag's part from `from` ends: at a bracket, a spaced dash, an underscore or the end. */
function partEnd(folded: string, from: number, underscore: boolean): number {
  for (let i = from; i < folded.length; i++) {
    const c = folded.charCodeAt(i);
    if (c === 0x28 || c === 0x5b || (c === 0x5f && underscore)) return i;
    if (isDash(c) && (folded.charCodeAt(i - 1) === 0x20 || folded.charCodeAt(i + 1) === 0x20)) {
      return i;
    }
  }
  return folded.length;
}

/**
 * Another office that `part` names and nothing else (its words all the office's): "KPU
 * Jakpus", "Bawaslu Jakut", "Jaksel", "Kota Bekasi"; as the rejection shows it, or null. An
 * origin word first ("(dari KPU DKI)") is passed over.
 */
function officeOnly(part: string, o: CompiledOffice): string | null {
  let i = 0;
  while (i < part.length && !isWordChar(part.charCodeAt(i))) i++;
  if (i === part.length) return null;
  let w = i;
  while (w < part.length && isWordChar(part.charCodeAt(w))) w++;
  const first = part.slice(i, w);
  // A tag that says where the file came from names any body ("(kiriman Pemprov DKI)", "(dari
  // Kemendagri)"); without the origin word only an office counts ("(Bawaslu)" is the subject's).
  if (ORIGIN.has(first)) return sentBy(part.slice(i), o) ?? officeOnly(part.slice(w), o);
  if (DECREE.has(first)) return officeOnly(part.slice(w), o);
  let named: string | null = null;
  if (first === "kpu" || first === "kpud" || first === "komisi" || first === "kip") {
    named = otherKpuIn(part.slice(i), o);
  } else if (mayStartPlace(part, i)) {
    named = otherPlaceFirst(part.slice(i), o);
  }
  return named !== null && wordCount(named.toLowerCase()) === wordCount(part) ? named : null;
}

/**
 * An ad hoc body or a supervisor named after its district or village in a tag ("… ttg Pembagian
 * Divisi - PPK Pademangan", "… Jadwal Rapat (PPS Kel. Lagoa)"): the body's own document, even
 * in this office's area, as shown ("PPK PADEMANGAN"); else null. Not after a subject that
 * forms, appoints or pays such bodies ("Penetapan Anggota (PPS Kel Lagoa)", office.ts FORMING):
 * that is this office's decree about them. Nor as the whole subject ("SK Ketua No 1 (PPK
 * Koja)"), which names the decree's subject as often. The tag is `folded.slice(start, end)`,
 * opened at `at`; the subject starts at `from`.
 */
function bodyTag(
  folded: string,
  from: number,
  at: number,
  start: number,
  end: number,
  o: CompiledOffice,
): string | null {
  const before = wordsFrom(folded.slice(from, at), 0);
  if (before.length === 0 || before.some((w) => FORMING.has(w.word))) return null;
  const ws = wordsFrom(folded.slice(start, end), 0);
  if (ws.length < 2 || !AD_HOC_TAG.has(ws[0]!.word)) return null;
  const area = ws.slice(1);
  const named = DISTRICT.has(area[0]!.word)
    ? area.length > 1
    : dkiDistrict([{ word: "" }, ...area], o) !== undefined;
  return named
    ? ws
        .map((w) => w.word)
        .join(" ")
        .toUpperCase()
    : null;
}

/** The ad hoc bodies and supervisors named after their district or village (bodyTag). */
const AD_HOC_TAG = new Set(["ppk", "pps", "kpps", "panwascam", "pkd"]);

/** Words that call what follows a decree: "(SK KPU Jaksel)", "- Keputusan KPU DKI". */
const DECREE = new Set(["sk", "skep", "kep", "keputusan", "kpts"]);

/** The origin words that say whose copy a file is, never the subject's running text. */
const SENT = new Set(["kiriman", "milik", "punya"]);

/**
 * `text` (an origin word first) naming a body that is not this office and at most a place
 * after it ("kiriman Pemprov DKI", "dari Kemendagri"): the body as the rejection shows it
 * (office.ts originFirst), or null.
 */
function sentBy(text: string, o: CompiledOffice): string | null {
  const named = originFirst(text, o);
  return named !== null && wordCount(text) <= wordCount(named.toLowerCase()) + 2 ? named : null;
}

/** How many words `[a-z0-9]+` the folded `s` holds. */
export function wordCount(s: string): number {
  let n = 0;
  for (let i = 0; i < s.length; i++) {
    if (isWordChar(s.charCodeAt(i)) && (i === 0 || !isWordChar(s.charCodeAt(i - 1)))) n++;
  }
  return n;
}
