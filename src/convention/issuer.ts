/**
 * Whose chair or secretary a name's head means. "Ketua" and "Sekretaris" are titles every body
 * has: "SK Ketua Yayasan No 5", "Keputusan Sekretaris Kecamatan Koja No 5", "SK Ketua Panitia
 * Penyelenggara Lomba No 5" are decrees of other bodies' chairs and secretaries, and no list of
 * bodies is ever complete. So between the first word of the decree's name (a jenis phrase word:
 * "SK", "Keputusan", "Ketua" …) and its number, a name may hold only words that keep the decree
 * this office's: the rest of the jenis phrases, "KPU" / "Komisi Pemilihan Umum" and this office's
 * place, No/Th keywords, "Plh"/"Plt", editing noise, and the first word of a subject typed before
 * the number ("SK Ketua Penetapan DPT No 12 …"; a decree's subject starts "Pe…an", "Pedoman",
 * "Jadwal" …). Any other word there makes the issuer unclear: refused with ISSUER_UNCLEAR, whose
 * advice gives both ways out. Words before the decree's name (a subject typed first) and after
 * its number (the subject) are not looked at. Pure.
 */

import { budgetRoleEnd, secretaryBefore } from "./budget-role.js";
import { type Head, romanOrInt } from "./head.js";
import {
  afterLampiran,
  FIRST_NUMBER,
  HEAD_KEYWORDS,
  isDigit,
  isWordChar,
  isYearShaped,
} from "./numbers.js";
import { type CompiledOffice, provinceAfterOwnPlace } from "./office.js";
import { CAPACITY } from "./own-place.js";
import { reject, rejectVariant } from "./reasons.js";
import { KEYWORD_TYPOS } from "./repair.js";
import type { CompiledRules } from "./rules.js";
import { escapeRe, foldedWords, wordBefore } from "./text.js";
import type { ParseRejected } from "./types.js";

/** Words that may stand between a decree's name and its number without naming another body. */
const KEEP = new Set([
  ...HEAD_KEYWORDS,
  // "Nomor" / "Tahun" as clerks misspell them (repair.ts reads them in the second reading).
  ...KEYWORD_TYPOS.keys(),
  "tgl",
  "tanggal",
  "dan",
  "plh",
  "plt",
  "pj",
  "pjs",
  "final",
  "fix",
  "ttd",
  "tte",
  "scan",
  "copy",
  "rev",
  "revisi",
  "draft",
  "konsep",
  "baru",
  "ok",
]);
/**
 * First words of a subject typed before the number, besides "Pe…an" (Penetapan, Pembentukan …).
 * Not a working group's or committee's name ("Pokja", "Panitia", "Tim"): "Ketua Pokja" is that
 * group's chair, who issues decisions of its own (the Pokja Pemilihan of a procurement unit).
 */
const SUBJECT_START = new Set([
  "pedoman",
  "petunjuk",
  "juknis",
  "jadwal",
  "tata",
  "honor",
  "honorarium",
  "standar",
  "rekapitulasi",
  "rekap",
  "daftar",
  "hasil",
  "dpt",
  "dps",
  "dct",
  "dcs",
  "dpth",
  "alokasi",
  "lokasi",
  "jumlah",
  "susunan",
  "sosialisasi",
  "rekrutmen",
  "seleksi",
  "tahapan",
  "program",
  "rencana",
  "besaran",
  "anggota",
  "calon",
  "pemilu",
  "pilkada",
  "pileg",
  "pilpres",
  "pilgub",
  "pilwalkot",
  "sk",
]);

const ROMAN = /^[ivx]{1,4}$/;
/** Global, for a search from a position (secondDecree). */
const DIGIT = /[0-9]/g;

/**
 * The usual head: "SK"/"Kep"/"Kpt"/"Kpts"/"Keputusan", then the chair's or secretary's own word
 * ("Ketua", "Sekretaris", "Sek") or "KPU <this office's place>", then the number, perhaps after
 * "No"/"Nomor": one anchored regex per config (compiled with the rules, CompiledRules.plainHead),
 * since this runs for every name and a scan of the words by hand costs more.
 */
export function plainHeadRegex(roleWords: readonly string[], places: readonly string[][]): RegExp {
  const gap = "[^a-z0-9]+";
  const alts = [...roleWords].sort((x, y) => y.length - x.length).map(escapeRe);
  if (places.length > 0) {
    const placeAlt = places.map((p) => p.map(escapeRe).join(gap)).join("|");
    alts.push(`(?:kpud?|komisi${gap}pemilihan${gap}umum(?:${gap}daerah)?)${gap}(?:${placeAlt})`);
  }
  if (alts.length === 0) return /(?!)/;
  return new RegExp(
    `^[^a-z0-9]*(?:sk|kep|kpts?|keputusan)${gap}(?:${alts.join("|")})${gap}(?:(?:nomor|nomer|nmr|no)(?![a-z0-9])[^a-z0-9]*)?[0-9]`,
  );
}

/** Why the head `work` (folded, blanks allowed) does not make its issuer this office, or null. */
export function checkIssuer(
  work: string,
  c: CompiledRules,
  o: CompiledOffice,
): ParseRejected | null {
  if (c.plainHead.test(work)) return null;
  let started = false;
  let lastNameWord = "";
  let i = 0;
  const n = work.length;
  while (i < n) {
    while (i < n && !isWordChar(work.charCodeAt(i))) i++;
    if (i >= n) break;
    const first = work.charCodeAt(i);
    let e = i + 1;
    while (e < n && isWordChar(work.charCodeAt(e))) e++;
    // The number (or an old-style number, blanked) ends what is looked at; an attachment's
    // number in front ("Lampiran 1 SK Ketua Tahap 2 …") does not, as "Lampiran I" does not.
    if (first >= 48 && first <= 57) {
      if (started || !afterLampiran(work, i)) return null;
      i = e;
      continue;
    }
    const w = work.slice(i, e);
    i = e;
    // A word glued to a number ("No12", "Nomor12Tahun2024"): the number is here.
    for (let k = 1; k < w.length; k++) {
      const d = w.charCodeAt(k);
      if (d >= 48 && d <= 57) return null;
    }
    // This office's place continues the name the detail shows ("KPU KOTA JAKARTA UTARA POKJA").
    if (c.vocabulary.has(w) || c.bareWords.has(w)) {
      lastNameWord = started && o.ownPlaceWords.has(w) ? `${lastNameWord} ${w}` : w;
      started = true;
      continue;
    }
    if (!started) continue;
    // A level word no configured place uses ("Provinsi", "Kab", "DKI" for a city office) names
    // another office's level: "SK Ketua Provinsi DKI Jakarta No 7" is not this office's chair.
    if (KEEP.has(w) || o.own.has(w) || ROMAN.test(w)) continue;
    if (o.ownPlaceWords.has(w)) {
      lastNameWord += ` ${w}`;
      continue;
    }
    if (SUBJECT_START.has(w) || (w.startsWith("pe") && w.endsWith("an"))) return null;
    // "KPU Kota Jakarta Utara Provinsi DKI Jakarta": the full title's province (office.ts).
    if (provinceAfterOwnPlace(work, i - w.length, w, o)) continue;
    let detail = `${lastNameWord} ${w}`;
    // "Sekretaris … selaku Kuasa Pengguna Anggaran": the secretary's own decree; a budget role
    // given to the chair or the commission names the role too (budget-role.ts).
    if (w === CAPACITY) {
      const end = budgetRoleEnd(work, i - w.length);
      if (end >= 0) {
        if (secretaryBefore(work, i - w.length, o.ownPlaceWords, c.vocabulary, c.typos)) {
          i = end;
          continue;
        }
        detail = `${lastNameWord} ${foldedWords(work.slice(i - w.length, end)).join(" ")}`;
      }
    }
    detail = detail.toUpperCase();
    return numberFrom(work, i)
      ? reject("ISSUER_UNCLEAR", detail)
      : rejectVariant("ISSUER_UNCLEAR:unnumbered", detail);
  }
  return null;
}

/**
 * Whether `work` from `at` on holds a number that may be a decree's serial (a word of digits that
 * is no year): a refused name's message says the title stands "before the number" only then.
 */
function numberFrom(work: string, at: number): boolean {
  const re = /(?<![a-z0-9])[0-9][a-z0-9]*/g;
  re.lastIndex = at;
  for (let m = re.exec(work); m; m = re.exec(work)) if (!isYearShaped(m[0])) return true;
  return false;
}

/**
 * A typed serial whose letter is O, I or L ("1O", "2l"): a digit mistyped as a letter, not a
 * suffix like "12A". Refused rather than filed as serial 1 with suffix O.
 */
function lookAlikeSuffix(nomor: string): boolean {
  const last = nomor.charCodeAt(nomor.length - 1);
  return last === 0x4f || last === 0x49 || last === 0x4c;
}

/** Words that may stand before a jenis's own word ("SK Plh Ketua", "Kpts Sek", "Salinan Ketua"). */
const DECREE_LEAD = new Set([
  "sk",
  "skep",
  "plh",
  "plt",
  "pj",
  "pjs",
  "salinan",
  "lampiran",
  "lamp",
  "final",
  "ttd",
  "scan",
  "copy",
  "of",
  "rev",
  "revisi",
  "draft",
  "konsep",
]);

/** Whether the word at `i` is "sk" or starts with "kep" / "kpt". */
function startsDecreeWord(s: string, i: number): boolean {
  const a = s.charCodeAt(i);
  const b = s.charCodeAt(i + 1);
  if (a === 0x73) return b === 0x6b && !isWordChar(s.charCodeAt(i + 2)); // "sk"
  if (a !== 0x6b) return false;
  const c = s.charCodeAt(i + 2);
  return (b === 0x65 && c === 0x70) || (b === 0x70 && c === 0x74); // "kep", "kpt"
}

/** A word that makes the jenis word after it a decree's: DECREE_LEAD, "kep…", "kpt…". */
function isDecreeLead(word: string): boolean {
  return DECREE_LEAD.has(word) || word.startsWith("kep") || word.startsWith("kpt");
}

/**
 * When the head names its jenis only by the jenis's own word ("Ketua", "Sekretaris") after a word
 * that does not make it a decree ("Surat Ketua No 5", "Laporan Sekretaris No 3"), that phrase
 * (upper-case), else null. A jenis phrase ("SK Ketua"), the word first in the name ("Ketua No
 * 1 …") or after a decree word ("Keputusan", "Kpts", a misspelt "Keputsan", "Plh") name a decree.
 */
function bareJenisLead(work: string, jenis: string, c: CompiledRules): string | null {
  // Most names start with a decree word ("SK …", "Kep…", "Kpt…"): told by its first letters,
  // without cutting the word out.
  let i = 0;
  while (i < work.length && !isWordChar(work.charCodeAt(i))) i++;
  if (startsDecreeWord(work, i)) return null;
  const j = c.jenis[c.jenisIndex.get(jenis)!]!;
  let unclear: string | null = null;
  j.re.lastIndex = 0;
  for (let m = j.re.exec(work); m; m = j.re.exec(work)) {
    const hit = m[0];
    if (!c.bareWords.has(hit)) return null;
    const prev = wordBefore(work, m.index);
    if (prev === "" || isDigit(prev.charCodeAt(0)) || isDecreeLead(prev)) return null;
    unclear ??= `${prev} ${hit}`.toUpperCase();
  }
  return unclear;
}

/**
 * The role word that gave the head its jenis (`jenis`) with an owner's or addressee's word
 * before it ("sk dpt punya bu sekretaris 12 2024", "sk dpt utk pak ketua"), upper-case, or null:
 * whose file it is or whom it is for, not who signed it, even after a decree's word.
 */
function ownerRole(work: string, jenis: string, c: CompiledRules): string | null {
  const j = c.jenis[c.jenisIndex.get(jenis)!]!;
  j.re.lastIndex = 0;
  for (let m = j.re.exec(work); m; m = j.re.exec(work)) {
    if (!c.bareWords.has(m[0])) return null;
    const prev = wordBefore(work, m.index);
    if (OWNER_WORDS.has(prev)) return `${prev} ${m[0]}`.toUpperCase();
  }
  return null;
}

/** Words before a role that make it the file's owner or addressee: "punya bu", "utk pak". */
const OWNER_WORDS: ReadonlySet<string> = new Set([
  "punya",
  "milik",
  "utk",
  "untuk",
  "buat",
  "kepada",
  "kpd",
  "bu",
  "ibu",
  "pak",
  "bapak",
  "bpk",
]);

/**
 * A subject that starts with the end of an attachment range or a second attachment ("s.d 3",
 * "sampai IV", "- 5", ", II", "dan II", "& 3").
 */
const MORE_ATTACHMENTS =
  /^[\s.]*(?:s[\s.]*d|sd|sampai|hingga|dan|-|,|&|\+)[\s.]*(?:lampiran|lamp)?[\s.]*(\d{1,3}|[ivx]{1,4})(?![a-z0-9])/;

/**
 * What makes a name that reads as a decree (`head`) still not certainly this office's decree,
 * or null: a look-alike serial ("No 1O"), another body's chair or secretary (checkIssuer), an
 * attachment range split by the subject ("Lampiran 1 s.d 3"), a jenis word after a word that
 * makes no decree (bareJenisLead), a second numbered decree after a subject typed first
 * (secondDecree). `inOld`: the head holds an old-style number of this office, which names its
 * issuer itself; `marked`: the name has "tentang".
 */
export function checkDecree(
  work: string,
  folded: string,
  tailStart: number,
  marked: boolean,
  inOld: boolean,
  head: Head,
  c: CompiledRules,
): ParseRejected | null {
  if (lookAlikeSuffix(head.nomor)) return reject("BAD_NUMBER", head.nomor);
  if (!inOld) {
    const issuer = c.office && checkIssuer(work, c, c.office);
    if (issuer) return issuer;
    const lead = bareJenisLead(work, head.jenis, c);
    if (lead !== null) return reject("DECREE_UNCLEAR", lead);
    const owner = ownerRole(work, head.jenis, c);
    if (owner !== null) return rejectVariant("DECREE_UNCLEAR:owner", owner);
  }
  return checkTail(folded, tailStart, marked, head, c);
}

/**
 * checkDecree's look at the subject from `tailStart`: an attachment range the subject ends
 * ("Lampiran 1 s.d 3"), a second numbered decree after a subject typed first. Null when neither.
 */
export function checkTail(
  folded: string,
  tailStart: number,
  marked: boolean,
  head: Head,
  c: CompiledRules,
): ParseRejected | null {
  if (tailStart >= folded.length) return null;
  if (head.qualifier?.startsWith("LAMPIRAN-")) {
    let from = tailStart;
    while (from > 0 && !isWordChar(folded.charCodeAt(from - 1))) from--;
    const more = MORE_ATTACHMENTS.exec(folded.slice(from, tailStart + 24));
    if (more) {
      return reject("AMBIGUOUS_QUALIFIER", `${head.qualifier}, LAMPIRAN-${romanOrInt(more[1]!)}`);
    }
  }
  if (!marked && !isDigit(folded.charCodeAt(0))) {
    const second = secondDecree(folded, tailStart, c);
    if (second !== null) return reject("AMBIGUOUS_NUMBER", `${head.nomor}, ${second}`);
  }
  return null;
}

/**
 * A name typed subject first and without "tentang" ("Perubahan SK Ketua No 5 Th 2024 oleh SK
 * Ketua No 12 Th 2024") whose rest names a decree again, with a number: which of the two the
 * file is cannot be told. Returns that number, or null (the rest is a plain subject, or the name
 * starts with its jenis, so the rest is its subject).
 */
function secondDecree(folded: string, tailStart: number, c: CompiledRules): string | null {
  // Most subjects hold no digit: nothing to number a second decree. (A regex search: it scans
  // several times faster than a charCode loop.)
  DIGIT.lastIndex = tailStart;
  if (!DIGIT.test(folded)) return null;
  let i = 0;
  while (i < folded.length && !isWordChar(folded.charCodeAt(i))) i++;
  c.phraseAt.lastIndex = i;
  if (c.phraseAt.test(folded)) return null;
  let w = i;
  while (w < folded.length && isWordChar(folded.charCodeAt(w))) w++;
  // "Lampiran 1 SK Ketua …", "Salinan SK …": a qualifier in front, the jenis next.
  if (HEAD_KEYWORDS.has(folded.slice(i, w))) return null;
  const tail = folded.slice(tailStart);
  const number = FIRST_NUMBER.exec(tail);
  if (number === null) return null;
  for (const j of c.jenis) {
    j.re.lastIndex = 0;
    const m = j.re.exec(tail);
    if (m && m.index < number.index) {
      let end = number.index;
      while (end < tail.length && isWordChar(tail.charCodeAt(end))) end++;
      return tail.slice(number.index, end);
    }
  }
  return null;
}
