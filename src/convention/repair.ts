/**
 * Typing the parser reads only once it is undone, applied to the name before reading it:
 * - in front: a list number ("01. SK Ketua …", "3) Kep Sek …", "12 SK Ketua …"), a device's
 *   name with a counter ("Scan_20240512_0001 …"), an e-mail's "Lampiran email", "Copy of " or
 *   Google Drive's "Salinan dari "; at the end: a Windows copy counter ("… (2)", "… - Copy",
 *   "… - Copy (3)", Indonesian Windows' "… - Salin");
 * - for a second reading, when the first found no jenis, number or year (`glue`): words glued to
 *   numbers or to each other ("SKSekretaris7-2023", "No12Th2024") split, and phrase words
 *   misspelt by one swap of neighbours ("Sekertaris", "Ketau") spelt right.
 * Nothing here adds a field the clerk did not type: it only separates or respells words. Pure.
 */

import { machineCompiled } from "./regex-tier.js";
import type { CompiledRules } from "./rules.js";
import { escapeRe, isSpace } from "./text.js";

/**
 * A list number in front ("01. SK Ketua …", "3) Kep Sek …", "2 - SK …"); not the serial of an
 * old-style number typed with "." for "/" ("12.KU.02.1-Kpt.3172 …"), which a classification
 * code follows.
 */
const LIST_NUMBER = /^\s*\d{1,3}\s*(?:[.)]\s*|\s-\s+)(?=[A-Za-z])(?![A-Za-z]{2,4}\.\d)/;
/**
 * A list number in front of an old-style number, apart from it by a space ("01. 03_PL.01.1-Kpt_
 * 3172_…"): the serial and its classification code follow.
 */
const LIST_BEFORE_OLD =
  /^\s*\d{1,3}(?:[.)]\s+|\s+-\s+)(?=\d{1,4}[A-Za-z]?[\s_/-]+[A-Za-z]{2,4}[.\s_]\d)/;
/**
 * A number of one to three digits (perhaps in brackets), or four zero-padded ("0001_SK_KETUA_2024",
 * a download's counter), set before "SK"/"Kep"/"Keputusan"
 * by a space or "_", or in brackets ("12 SK Ketua Th 2024", "001_SK Ketua No 3 …", "(1) SK Ketua
 * …", "[12]SK Ketua …", a spreadsheet's "#7 SK Sek 2024"): a list
 * number as often as a serial, so never read as either; a name without another number is
 * refused as NO_NUMBER, one with "No 3" reads 3. Not before "Kpts": "24_Kpts_KPU-Prov-010_2012" is
 * an old-style number.
 */
const NUMBER_BEFORE_DECREE =
  /^\s*(?:[([]?\d{1,3}[)\]][\s_]*|#?(?:\d{1,3}|0\d{3})[\s_]+)(?=(?:keputusan|sk|kep)(?![a-z0-9]))/i;
/**
 * An e-mail's attachment saved as it came ("Lampiran email SK Ketua …", "Lampiran Email - …",
 * "lampiran surel …"): the file is what the mail carried, no decree's attachment.
 */
const MAIL_ATTACHMENT = /^\s*lampiran[\s_-]+(?:e-?mail|surel)(?![a-z0-9])[\s_-]*/i;
/**
 * "Copy of …", and Google Drive's Indonesian "Salinan dari …", once or more: a copy's name; a
 * mail's forward or reply mark kept from its subject ("Fwd_ …", "FW: …", "RE_ …").
 */
const COPY_OF = /^\s*(?:(?:copy\s+of|salinan\s+dari)\s+|(?:fwd?|re)(?:_|:|\s*-)\s*)+/i;
/**
 * A device's name kept in front of what the clerk typed, with a counter or a time after its
 * date ("Scan_20240512_0001 SK Ketua …", "IMG_20240512_093015 …", "SCN-20240512-0003 …"): its
 * digits are never a serial, and the counter read as one filed "Scan_20240512_0001 SK Ketua Th
 * 2024" as decree 1. Removed before the first reading, only when the clerk's text follows.
 * (Stamps without a counter are stamps.ts's, read on a second reading.)
 */
const DEVICE_FIRST =
  /^\s*(?:scan(?:ned)?|scn|img|pxl|dsc|doc)[-_ ]?(?:19|20)\d\d(?:0[1-9]|1[0-2])(?:0[1-9]|[12]\d|3[01])(?:[-_](?:\d{3,6}|wa\d{4}))?(?![0-9])(?:\s*\(\d{1,3}\))?[\s_-]+(?=[A-Za-z])/i;
/**
 * A copy counter at the end: "- Copy", "_copy", " copy", "(2)", "- Copy (2)", "- Salin", and a
 * browser's download counter "[1]". "Copy" is a word of its own there: "Mesin Fotocopy" keeps its
 * last word.
 */
const COPY_COUNTER =
  /(?:(?:\s*[-_]\s*|\s+)copy|\s*-\s*salin)?(?:\s*(?:\(\d{1,3}\)|\[\d{1,3}\]))?\s*$/i;

/** The stem without a list number in front and a copy counter at the end (same when none). */
export function stripNoise(stem: string): string {
  let s = stem;
  const c0 = s.charCodeAt(0);
  if (c0 >= 48 && c0 <= 57 && mayBeListNumber(s)) {
    const m = LIST_NUMBER.exec(s) ?? NUMBER_BEFORE_DECREE.exec(s) ?? LIST_BEFORE_OLD.exec(s);
    // "12-2024 SK …" is a pair, not a list number: LIST_NUMBER wants a letter after it.
    if (m) s = s.slice(m[0].length);
  } else if ((c0 === 40 || c0 === 91 || c0 === 35) && NUMBER_BEFORE_DECREE.test(s)) {
    s = s.replace(NUMBER_BEFORE_DECREE, "");
  } else if (mayStartCopyOf(s, c0) && COPY_OF.test(s)) {
    s = s.replace(COPY_OF, "");
  } else if ((c0 | 0x20) === 0x6c && MAIL_ATTACHMENT.test(s)) {
    s = s.replace(MAIL_ATTACHMENT, "");
  } else if (s.length > 14 && mayStartDevice(s) && DEVICE_FIRST.test(s)) {
    s = s.replace(DEVICE_FIRST, "");
  }
  const last = s.charCodeAt(s.length - 1);
  // ")", "]", or "y"/"Y" (… Copy), or Indonesian Windows' "… - Salin": the only endings a
  // counter leaves.
  if (last === 41 || last === 93 || last === 121 || last === 89 || endsWithSalin(s)) {
    const m = COPY_COUNTER.exec(s);
    if (m && m[0].length > 0 && m.index > 0) s = s.slice(0, m.index);
  }
  return s;
}

/**
 * Whether `s` starts "Co…" (Copy of), "Sa…" (Salinan dari), "Fw"/"F_"/"F:" (Fwd) or "Re", either
 * case, its first code `c0`.
 */
function mayStartCopyOf(s: string, c0: number): boolean {
  const a = c0 | 0x20;
  const b = s.charCodeAt(1) | 0x20;
  return (
    (a === 0x63 && b === 0x6f) ||
    (a === 0x73 && b === 0x61) ||
    (a === 0x66 && (b === 0x77 || b === 0x5f || b === 0x3a)) ||
    (a === 0x72 && b === 0x65)
  );
}

/** Whether `s` ends with "salin", either case (Indonesian Windows' copy: "… - Salin"). */
function endsWithSalin(s: string): boolean {
  return (s.charCodeAt(s.length - 1) | 0x20) === 0x6e && s.slice(-5).toLowerCase() === "salin";
}

/**
 * Whether `s` starts with the first two letters of one of DEVICE_FIRST's names, either case: "sc"
 * (scan, scn), "im", "px", "ds", "do". Most names start otherwise ("SK …" among them), and this
 * spares them a case-blind regex.
 */
function mayStartDevice(s: string): boolean {
  const a = s.charCodeAt(0) | 0x20;
  const b = s.charCodeAt(1) | 0x20;
  if (a === 0x73) return b === 0x63;
  if (a === 0x69) return b === 0x6d;
  if (a === 0x70) return b === 0x78;
  return a === 0x64 && (b === 0x73 || b === 0x6f);
}

/**
 * What LIST_NUMBER needs after the digits a name starts with: at most three of them, then a
 * space, "_", "." or ")". Most names that start with a digit are numbers ("12_PL.01.3-Kpt…",
 * "20240510 …"): this test spares them the regex.
 */
function mayBeListNumber(s: string): boolean {
  let i = 1;
  while (i < s.length && s.charCodeAt(i) >= 48 && s.charCodeAt(i) <= 57) i++;
  const c = s.charCodeAt(i);
  // Three digits, or four zero-padded ("0001_SK …", NUMBER_BEFORE_DECREE).
  if (i > 4 || (i === 4 && s.charCodeAt(0) !== 48)) return false;
  // "_" only before "SK"/"Kep…" (NUMBER_BEFORE_DECREE): "12_PL.01.3-Kpt_…" is an old-style number.
  if (c === 95) {
    const d = s.charCodeAt(i + 1) | 0x20;
    return d === 0x73 || d === 0x6b;
  }
  return c === 46 || c === 41 || isSpace(c);
}

/** A word broken at a line's end: letters, "-" glued to them, a space, letters. */
const LINE_BREAK = /(?<=[A-Za-z]{2})-[ ]+(?=[A-Za-z]{2})/g;

/**
 * `stem` with each word broken at a line's end joined again ("JAKAR- TA" → "JAKARTA"), or null
 * when none is. A dash set apart by spaces (" - ") is a separator, not a break, and stays.
 */
export function lineBreaksJoined(stem: string): string | null {
  const out = stem.replace(LINE_BREAK, "");
  return out === stem ? null : out;
}

const TENTANG = /(?<![A-Za-z0-9])(?:tentang|ttg|tntg)(?![A-Za-z0-9])/i;
const WORDS = /[A-Za-z]+|[0-9]+/g;
const NUMBER_KEYWORDS = ["nomor", "nomer", "nmr", "no", "tahun", "thn", "th", "tgl"];

/**
 * The stem with its head (the text before "tentang"/"ttg", or all of it) unglued and respelt, or
 * null when nothing changes. `c` gives the phrase words and their misspellings.
 */
export function glue(stem: string, c: CompiledRules): string | null {
  const marker = TENTANG.exec(stem);
  const headEnd = marker ? marker.index : stem.length;
  const head = stem.slice(0, headEnd);
  let out = "";
  let prevKind = "";
  let prevWord = "";
  let useful = false;
  let last = 0;
  WORDS.lastIndex = 0;
  for (let m = WORDS.exec(head); m; m = WORDS.exec(head)) {
    const word = m[0];
    const kind = /[0-9]/.test(word[0]!) ? "d" : "a";
    const gap = head.slice(last, m.index);
    // Letters and digits typed together: "No12", "SKSekretaris7", "12Th". A one-letter tail of
    // a number is a serial suffix ("12A") and stays.
    const glued = gap === "" && prevKind !== "" && prevKind !== kind;
    const keepSuffix = glued && kind === "a" && word.length === 1;
    const spelt = kind === "a" ? respell(word, c) : word;
    // A split or respelling helps only where it frees a word the parser reads: a phrase word, a
    // No/Th keyword, or a number after one ("scan1" stays as it is: no second reading).
    if (spelt !== word || (glued && !keepSuffix && (known(prevWord, c) || known(word, c)))) {
      useful = true;
    }
    out += gap + (glued && !keepSuffix ? " " : "") + spelt;
    prevWord = kind === "a" ? spelt.toLowerCase() : "";
    prevKind = kind;
    last = m.index + word.length;
  }
  out += head.slice(last);
  if (!useful) return null;
  const fixed = out + stem.slice(headEnd);
  // "12SK Ketua Th 2024" split is "12 SK Ketua …": a list number, as in the first reading.
  return fixed === stem ? null : stripNoise(fixed);
}

/** A word (lower-case letters, perhaps two joined by a space) the parser reads in a head. */
function known(word: string, c: CompiledRules): boolean {
  const w = word.toLowerCase();
  if (w === "") return false;
  const at = w.lastIndexOf(" ");
  const lastPart = at < 0 ? w : w.slice(at + 1);
  return c.vocabulary.has(lastPart) || NUMBER_KEYWORDS.includes(lastPart);
}

/**
 * "Nomor" and "Tahun" misspelt by one letter left out or one swap ("Nmor", "Tahn", "Thun"), or
 * as a phone's keyboard leaves them ("Nomot", "Tahu"): respelt in the second reading, never in
 * the first.
 */
export const KEYWORD_TYPOS = new Map(
  [
    ["nmor", "nomor"],
    ["nomr", "nomor"],
    ["onmor", "nomor"],
    ["nmoor", "nomor"],
    ["nomro", "nomor"],
    ["nomo", "nomor"],
    ["nomot", "nomor"],
    ["thun", "tahun"],
    ["tahn", "tahun"],
    ["taun", "tahun"],
    ["thaun", "tahun"],
    ["tauhn", "tahun"],
    ["tahnu", "tahun"],
    ["tahu", "tahun"],
  ].map(([t, w]) => [t!, w!] as const),
);

/** A letter word: respelt when misspelt, split when two phrase words are glued ("SKSekretaris"). */
function respell(word: string, c: CompiledRules): string {
  const lower = word.toLowerCase();
  const typo = c.typos.get(lower) ?? KEYWORD_TYPOS.get(lower);
  if (typo) return typo;
  if (c.vocabulary.has(lower) || lower.length < 4) return word;
  const near = oneLetterOff(lower, c);
  if (near) return near;
  for (let i = 2; i <= lower.length - 2; i++) {
    const a = lower.slice(0, i);
    const b = lower.slice(i);
    const left = c.vocabulary.has(a) || NUMBER_KEYWORDS.includes(a);
    // An issuer's word after a decree's ("Kepkpu 360 …", "KepSekjen-480-…"): read as the
    // issuer it names.
    const right =
      c.vocabulary.has(b) || NUMBER_KEYWORDS.includes(b) || c.typos.has(b) || ISSUERS.has(b);
    if (left && right) return `${word.slice(0, i)} ${c.typos.get(b) ?? word.slice(i)}`;
    // An issuer and its place glued after a decree's word ("SKKPUKotaBekasi", "KepKPURI",
    // "SKBawasluJakut"): the issuer, a level word, the place.
    const issuer = left ? issuerFirst(b) : "";
    const place = issuer === "" ? null : placeApart(word.slice(i + issuer.length), c);
    if (place !== null) return `${word.slice(0, i)} ${word.slice(i, i + issuer.length)} ${place}`;
    // Three words glued ("SKKetuaNo"): the rest split once more.
    if (left && b.length >= 4) {
      const rest = respell(word.slice(i), c);
      if (rest.includes(" ")) return `${word.slice(0, i)} ${rest}`;
    }
  }
  return word;
}

/**
 * `name` (NFC) with each issuer glued to its place typed apart (GLUED_ISSUER: "kpujakpus-sk-…"
 * → "kpu jakpus-sk-…"), or null when it holds none; `lower` is the name lower-cased, for a
 * cheap test first. Unlike glue(), asked of names the first reading read too: a glued issuer
 * beside a head read without it is no office to that reading.
 */
export function issuersApart(name: string, lower: string): string | null {
  if (!mayHoldGluedIssuer(lower)) return null;
  const apart = name.replace(GLUED_ISSUER, issuerApart);
  return apart === name ? null : apart;
}

/**
 * An issuer's word glued to a place's name of three letters or more or to "RI", perhaps after a
 * decree's word glued before it ("kpujakpus", "KPUSurabaya", "kpuri", "skkpujaksel",
 * "BawasluJakut", "kpukota"): decree's word (1), issuer (2), place (3), a number's keyword glued
 * after it (4: "kepkpujakutno52th2024"). "kpud" only before a consonant ("KPUDJakut";
 * "kpudepok" is KPU Depok). Not an old-style number's issuer marker ("KPUKot", "KPUKab",
 * "KPUProv").
 */
const GLUED_ISSUER =
  /(?<![a-z0-9])(sk|kep|kpt|skep)?(kpud(?=[b-df-hj-np-tv-z][a-z]{2})|kpu|bawaslu|panwaslu)(?!(?:kot|kab|prov)(?![a-z]))([a-z]{3,}?|ri)(no|nomor|nmr|th|thn|tahun)?(?![a-z])/gi;
/** `GLUED_ISSUER`'s words apart by spaces, and from a number glued after them. */
function issuerApart(
  glued: string,
  decree: string | undefined,
  issuer: string,
  place: string,
  keyword: string | undefined,
  at: number,
  name: string,
): string {
  const digit = /[0-9]/.test(name.charAt(at + glued.length));
  return `${decree ? `${decree} ` : ""}${issuer} ${place}${keyword ? ` ${keyword}` : ""}${digit ? " " : ""}`;
}
/** Whether `lower` may hold a GLUED_ISSUER: an issuer's word with a letter right after it. */
function mayHoldGluedIssuer(lower: string): boolean {
  for (const w of ["kpu", "bawaslu"]) {
    for (let at = lower.indexOf(w); at >= 0; at = lower.indexOf(w, at + 1)) {
      const next = lower.charCodeAt(at + w.length);
      if (next >= 0x61 && next <= 0x7a) return true;
    }
  }
  return false;
}

/** Issuers' words a clerk glues to "Kep" or "SK": KPU's, its Secretariat General's, Bawaslu's. */
const ISSUERS = new Set(["kpu", "kpud", "sekjen", "setjen", "bawaslu", "dkpp"]);
/** ISSUERS, the longest first ("kpud" before "kpu"), as a glued word's rest may start. */
const ISSUER_FIRST = [...ISSUERS].sort((a, b) => b.length - a.length);
/** The level words a place's name may be glued to ("KotaBekasi", "KabBogor", "RI"). */
const LEVEL_FIRST = /^(kabupaten|provinsi|kota|prov|kab|ri)(?=[a-z])/i;

/**
 * The issuer's word `rest` (lower-case) starts with, when a place's name of three letters or
 * more, or "RI", follows it glued ("kpujaktim", "kpuri"); "" otherwise.
 */
function issuerFirst(rest: string): string {
  for (const w of ISSUER_FIRST) {
    if (!rest.startsWith(w)) continue;
    const place = rest.slice(w.length);
    return place === "ri" || place.length >= 3 ? w : "";
  }
  return "";
}

/**
 * A place's name typed glued (`typed`), its words apart: one of this office's names ("Kota
 * JakartaUtara" → "Kota Jakarta Utara"), also with a number's keyword glued after it
 * ("JakutNo" → "Jakut No"), else a level word and one word of at most ten letters
 * ("KotaBekasi", "Jaktim", "RI"); null for anything longer, whose words cannot be told apart
 * (a glued "JakartaUtra" must not read as another office).
 */
function placeApart(typed: string, c: CompiledRules): string | null {
  const lower = typed.toLowerCase();
  for (const p of c.office?.places ?? []) {
    const joined = p.join("");
    // This office's name with "No"/"Th" glued after it ("kepkpujakutno52th2024"): the name,
    // then the keyword apart; another office's is never read so ("jakbarno" stays one word).
    if (lower.length > joined.length && lower.startsWith(joined)) {
      const keyword = lower.slice(joined.length);
      if (!NUMBER_KEYWORDS.includes(keyword)) continue;
      const name = placeApart(typed.slice(0, joined.length), c);
      return name === null ? null : `${name} ${typed.slice(joined.length)}`;
    }
    if (joined !== lower) continue;
    const words: string[] = [];
    let at = 0;
    for (const w of p) {
      words.push(typed.slice(at, at + w.length));
      at += w.length;
    }
    return words.join(" ");
  }
  const m = LEVEL_FIRST.exec(typed);
  const name = m === null ? typed : typed.slice(m[1]!.length);
  if (name.length > 10) return null;
  return m === null ? typed : `${m[1]} ${name}`;
}

/** Phrase words of five letters or more, per config: the words a letter too many or too few is read as. */
const longWords = new WeakMap<CompiledRules, string[]>();

function longWordsOf(c: CompiledRules): string[] {
  let ws = longWords.get(c);
  if (!ws) {
    ws = [...c.vocabulary].filter((w) => w.length >= 5 && /^[a-z]+$/.test(w));
    longWords.set(c, ws);
  }
  return ws;
}

/**
 * The one phrase word `w` (lower-case letters, not a phrase word) is with one letter typed twice
 * or slipped in ("ketuaa", "sektretaris"), or, for a word of seven letters or more, one left out
 * ("sekretais"): the misspellings the one-swap list (rules.ts typos) does not hold. Null when
 * none, or when two phrase words are as near (nothing is guessed).
 */
function oneLetterOff(w: string, c: CompiledRules): string | null {
  let found: string | null = null;
  for (const t of longWordsOf(c)) {
    const near =
      (w.length === t.length + 1 && dropsToOne(w, t)) ||
      (t.length >= 7 && w.length === t.length - 1 && dropsToOne(t, w));
    if (!near) continue;
    if (found !== null && found !== t) return null;
    found = t;
  }
  return found;
}

/** Whether leaving one letter out of `long` gives `short` (`long` is one letter longer). */
function dropsToOne(long: string, short: string): boolean {
  let i = 0;
  while (i < short.length && long.charCodeAt(i) === short.charCodeAt(i)) i++;
  return long.slice(i + 1) === short.slice(i);
}

/**
 * Whether a refused folded name may be read again: it may hold what glue() undoes (a phrase word
 * or No/Th keyword glued to a number, "no12", "sksekretaris7", "12th"; two phrase words glued,
 * "sksekretaris"; a misspelt phrase word or keyword), or a phrase word misspelt by a letter too
 * many or too few (oneLetterOff: the first three letters of a long phrase word, "ket", "sek",
 * "kep"). Most refused names ("scan12") hold none and are not read a second time. One regex,
 * built on the first refused name: most names are read at once, and it is a large one.
 */
export function mayBeRepaired(folded: string, c: CompiledRules): boolean {
  let re = hints.get(c);
  if (re === undefined) {
    // The distinct first three letters: a few literal alternatives, which V8 scans for fast.
    const firsts = [...new Set(longWordsOf(c).map((t) => t.slice(0, 3)))];
    // A hint word that holds one of them ("sekretaris7", "sekertaris") is found by it already:
    // left out, the regex is a third as long, and it compiles on the first refused name.
    const unseen = (w: string) => !firsts.some((f) => w.includes(f));
    const alts = [glueHint(c.vocabulary, c.typos, unseen), ...firsts].filter((a) => a !== "");
    re = alts.length > 0 ? machineCompiled(new RegExp(alts.join("|"))) : /(?!)/;
    hints.set(c, re);
  }
  return re.test(folded);
}

const hints = new WeakMap<CompiledRules, RegExp>();

/**
 * glue()'s hints, as a regex source, with only the words `keep` keeps (every match of a hint
 * holds its words as typed, so a word the caller finds another way may go).
 */
function glueHint(
  vocabulary: Set<string>,
  typos: Map<string, string>,
  keep: (word: string) => boolean,
): string {
  const alt = (ws: Iterable<string>) =>
    [...ws]
      .filter((w) => /^[a-z]+$/.test(w) && keep(w))
      .sort((a, b) => b.length - a.length)
      .map(escapeRe)
      .join("|");
  const v = alt(vocabulary);
  const before = alt([...vocabulary, "nomor", "nomer", "nmr", "no", "tahun", "thn", "th", "tgl"]);
  const after = alt(["tahun", "thn", "th", "ttg", "tgl"]);
  const typo = alt([...typos.keys(), ...KEYWORD_TYPOS.keys()]);
  // Each part only with words left: an empty alternation would match anywhere.
  const parts: string[] = [];
  if (before) parts.push(`(?:${before})[0-9]`);
  if (after) parts.push(`[0-9](?:${after})`);
  if (v) parts.push(`(?:${v})(?:${v})`);
  // A misspelt phrase word (rules.ts typos) or "Nomor" / "Tahun" (KEYWORD_TYPOS), as a word.
  if (typo) parts.push(`(?<![a-z0-9])(?:${typo})(?![a-z0-9])`);
  return parts.join("|");
}

/**
 * Text recognition's letters for digits in the number and year of a title in capitals, right
 * after "NOMOR" or "TAHUN" ("NOMOR 1O TAHUN 2O24", "NOMOR 2l", "TAHUN Z024"): "O" for 0, "I" and
 * a small "l" for 1, "Z" for 2, in a token of at most four that holds a digit too. Only after
 * the keyword in capitals, as a title copied from a scan has it: a clerk's "No 1O" stays refused
 * (issuer.ts lookAlikeSuffix), and a letter that may be a suffix ("NOMOR 1B") is left as typed.
 * A year's "o" for 0 is read in any case (TYPED_YEAR): a year has no suffix.
 */
export function ocrNumbers(name: string): string {
  // Every TYPED_YEAR has an "o" beside a digit: most names have none, and skip the scan.
  const out = O_BESIDE_DIGIT.test(name)
    ? name.replace(TYPED_YEAR, (t) => t.replace(/[oO]/g, "0"))
    : name;
  if (!out.includes("NOMOR") && !out.includes("TAHUN")) return out;
  return out.replace(OCR_NUMBER, (t) =>
    t.replace(/O/g, "0").replace(/[Il]/g, "1").replace(/Z/g, "2"),
  );
}
/**
 * A year after its keyword with a letter o for a zero, in any case ("Th 2o24", "Tahun 2O23"):
 * four characters of a year's shape, 19xx or 20xx; a year has no suffix a serial could have.
 */
const TYPED_YEAR =
  /(?<=(?<![A-Za-z0-9])(?:[Tt][Aa][Hh][Uu][Nn]|[Tt][Hh][Nn]?)[\s.:_-]{0,3})(?=[0-9oO]*[oO])(?:2[0oO]|19)[0-9oO]{2}(?![A-Za-z0-9])/g;
const O_BESIDE_DIGIT = /[0-9][oO]|[oO][0-9]/;
const OCR_NUMBER =
  /(?<=(?:NOMOR|TAHUN)[\s:]{1,3})(?=[0-9OIlZ]*[0-9])(?=[0-9OIlZ]*[OIlZ])[0-9OIlZ]{1,4}(?![A-Za-z0-9])/g;

/**
 * Text recognition's digits and letters inside a word in capitals, as a scanner names a file after
 * the title it read ("KEPUTUSAN K0MISI PEMILIHAN UMUM PR0VINSI …", "SEKRETAR1S", "KOMlSl",
 * "NOrnOR"): "0" for O, "1" and a small "l" for I and "rn" for M, each between two capitals,
 * spelt as the letters. Only in a word
 * of at least three letters and no other digit: a number's "0" or "1" has a digit beside it, or no
 * capital on both sides ("PL.01.3", "WA0012", "No 10A"). Without it, "KEPUTUSAN SEKRETARIS
 * K0MISI PEMILIHAN UMUM PR0VINSI DKI JAKARTA N0M0R 3 TAHUN 2023" was filed as this office's
 * secretary's decree 3: the province's office went unread.
 */
export function ocrCapitals(name: string): string {
  if (!OCR_IN_CAPITALS.test(name)) return name;
  return name.replace(ALNUM_WORD, capitalsWord);
}
/** A "0", "1", "l" or "rn" between two capitals: the test for ocrCapitals, most names fail it. */
const OCR_IN_CAPITALS = /[A-Z](?:[01l]|rn)[A-Z]/;
const ALNUM_WORD = /[A-Za-z0-9]+/g;

function isCapital(c: number): boolean {
  return c >= 0x41 && c <= 0x5a;
}

/** `w` with its OCR slips spelt as capitals, or as it is unless it is a word ocrCapitals reads. */
function capitalsWord(w: string): string {
  let out = "";
  let letters = 0;
  for (let i = 0; i < w.length; i++) {
    const c = w.charCodeAt(i);
    if (isCapital(c)) {
      out += w[i];
    } else if (i === 0 || !isCapital(w.charCodeAt(i - 1))) {
      return w;
    } else if (
      (c === 0x30 || c === 0x31 || c === 0x6c) &&
      (isCapital(w.charCodeAt(i + 1)) || (c === 0x6c && i === w.length - 1))
    ) {
      // A small "l" ends such a word too ("KOMlSl"); a digit there is a number's ("TPS1").
      out += c === 0x30 ? "O" : "I";
    } else if (c === 0x72 && w.charCodeAt(i + 1) === 0x6e && isCapital(w.charCodeAt(i + 2))) {
      out += "M";
      i++;
    } else {
      return w;
    }
    letters++;
  }
  return letters >= 3 ? out : w;
}
