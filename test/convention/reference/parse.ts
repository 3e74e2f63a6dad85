/**
 * A frozen copy of the parser as it stood before the speed work (with its helpers in this
 * folder), kept only as the oracle of the differential property test (differential.test.ts):
 * the fast parser must give deep-equal results. Do not "fix" anything here.
 */
/**
 * File name → Decree, or a rejection with a stable reason. Pure: no I/O; the clock only through
 * `opts.now` (it sets the default upper year bound, `now`'s year, and from 25 December the next, when `rules.yearMax` is unset;
 * without either, only the year shape 1900–2199 is checked). Never throws.
 *
 * Reading, in order:
 * 1. the extension must be a configured decree extension;
 * 2. a canonical name (`KPT-KETUA_2024_012[_QUAL][_slug].pdf`) is read field by field;
 * 3. otherwise leniently: the text before "tentang"/"ttg" (or, without it, up to the first free
 *    word after the numbers) is the head; the rest is the subject. In the head: an old-style
 *    number (old-numbers.ts), jenis phrases (code, label, aliases), LAMPIRAN n / SALINAN,
 *    "12/2024" / "3-2023", "No 12" / "Nomor: 12", "Th 2024" / "Tahun 2024", then bare numbers.
 *    Every reading of a field must agree; two different readings, or none, reject the name.
 */
import type { ConventionConfig } from "../../../src/config/schema.js";
import { reject } from "../../../src/convention/reasons.js";
import type { Decree, ParseResult } from "../../../src/convention/types.js";
import { formatName } from "./format.js";
import { findOldNumber } from "./old-numbers.js";
import { type CompiledRules, compileRules } from "./rules.js";
import { CONTROL_CHARS, foldSameLength, isAscii } from "./text.js";

export interface ParseOptions {
  now?: Date;
}

const CANONICAL =
  /^([A-Z0-9][A-Z0-9-]*)_(\d{4})_(\d{1,6}[A-Z]?)(?:_(LAMPIRAN-[1-9]\d{0,2}|SALINAN))?(?:_([a-z0-9]+(?:-[a-z0-9]+)*))?$/;
const TENTANG = /(?<![a-z0-9])(?:tentang|ttg|tntg)(?![a-z0-9])/;
const KEYWORDS = new Set([
  "nomor",
  "nomer",
  "nmr",
  "no",
  "tahun",
  "thn",
  "th",
  "tah",
  "lampiran",
  "ke",
  "salinan",
]);
const PAIR = /(?<![a-z0-9.])(\d{1,4}[a-z]?)\s*[/-]\s*(\d{4})(?![0-9])/g;
const NOMOR = /(?<![a-z0-9])(?:nomor|nomer|nmr|no)[\s.:_-]*(\d+[a-z]?)(?![a-z0-9])/g;
const TAHUN = /(?<![a-z0-9])(?:tahun|thn|th|tah)[\s.:_-]*(\d{4})(?![0-9])/g;
const LAMPIRAN =
  /(?<![a-z0-9])lampiran(?:[\s.:_-]*(?:ke[\s.:_-]*)?(\d{1,3}|[ivx]{1,4})(?![a-z0-9]))?/g;
const SALINAN = /(?<![a-z0-9])salinan(?![a-z0-9])/g;
const BLANK = "\u0000";
const WORD = /[a-z0-9]+/g;

function isDigit(code: number): boolean {
  return code >= 48 && code <= 57;
}

export function parse(name: string, rules: ConventionConfig, opts: ParseOptions = {}): ParseResult {
  try {
    return parseName(name, rules, opts);
  } catch {
    return reject("UNSAFE_NAME");
  }
}

function parseName(name: string, rules: ConventionConfig, opts: ParseOptions): ParseResult {
  const nfc = isAscii(name) ? name : name.normalize("NFC");
  if (nfc.trim() === "" || nfc.includes("/") || nfc.includes("\u0000"))
    return reject("UNSAFE_NAME");
  const c = compileRules(rules);
  const em = /\.([A-Za-z0-9]{1,10})\s*$/.exec(nfc);
  const ext = em?.[1]?.toLowerCase();
  if (!em || !ext || !c.extensions.has(ext)) {
    return reject("BAD_EXTENSION", ext ? `.${ext}` : "tanpa ekstensi");
  }
  const stem = nfc.slice(0, em.index);
  const yearMax =
    rules.yearMax ??
    (opts.now
      ? opts.now.getFullYear() + (opts.now.getMonth() === 11 && opts.now.getDate() >= 25 ? 1 : 0)
      : 2199);
  const yearMin = rules.yearMin;
  const canon = CANONICAL.exec(stem);
  if (canon && c.codes.has(canon[1]!)) {
    return finish(
      {
        jenis: canon[1]!,
        tahun: Number(canon[2]),
        nomor: canon[3]!,
        qualifier: canon[4] ?? null,
        tentang: canon[5] ? canon[5].replace(/-/g, " ") : null,
        ext,
      },
      rules,
      yearMin,
      yearMax,
    );
  }
  return lenient(stem, ext, c, rules, yearMin, yearMax);
}

/**
 * Checks the number and year and builds the result. The decree is built as one literal, with
 * `nomorAsli` last and only when given: adding it to a finished object afterwards made every
 * old-style result change shape, which V8 pays for on each call.
 */
function finish(d: Decree, rules: ConventionConfig, yearMin: number, yearMax: number): ParseResult {
  const nomor = normNomor(d.nomor);
  if (nomor === null) return reject("BAD_NUMBER", d.nomor);
  if (d.tahun < yearMin || d.tahun > yearMax) return reject("YEAR_OUT_OF_RANGE", String(d.tahun));
  const { jenis, tahun, qualifier, tentang, ext, nomorAsli } = d;
  const decree: Decree =
    nomorAsli === undefined
      ? { jenis, tahun, nomor, qualifier, tentang, ext }
      : { jenis, tahun, nomor, qualifier, tentang, ext, nomorAsli };
  let name: string;
  try {
    name = formatName(decree, rules);
  } catch {
    return reject("NAME_TOO_LONG");
  }
  return { ok: true, decree, path: `${decree.jenis}/${decree.tahun}/${name}` };
}

/** "012a" → "12A"; null for 0 or more than 4 digits (not a serial). */
function normNomor(raw: string): string | null {
  const m = /^0*(\d+)([a-z]?)$/i.exec(raw);
  if (!m || m[1] === "0" || m[1]!.length > 4) return null;
  return `${m[1]}${m[2]!.toUpperCase()}`;
}

function blank(s: string, start: number, end: number): string {
  return s.slice(0, start) + BLANK.repeat(end - start) + s.slice(end);
}

/** Runs a global regex over `work`, blanking every match; returns the work string and captures. */
function take(work: string, re: RegExp, onMatch: (m: RegExpExecArray) => void): string {
  let out = work;
  re.lastIndex = 0;
  for (let m = re.exec(work); m; m = re.exec(work)) {
    onMatch(m);
    out = blank(out, m.index, m.index + m[0].length);
  }
  return out;
}

/**
 * Without "tentang": the subject starts at the first word, after the first number, that is not a
 * keyword (nomor, tahun, lampiran …) and does not start a jenis phrase.
 */
function subjectStart(shape: string, c: CompiledRules): number {
  const tok = /[a-z0-9]+/g;
  let seenNumber = false;
  for (let m = tok.exec(shape); m; m = tok.exec(shape)) {
    const t = m[0];
    if (/^\d/.test(t)) {
      seenNumber = true;
      continue;
    }
    if (!seenNumber || KEYWORDS.has(t)) continue;
    const phrase = c.phraseAtStart.exec(shape.slice(m.index));
    if (phrase) {
      tok.lastIndex = m.index + phrase[0].length;
      continue;
    }
    return m.index;
  }
  return shape.length;
}

function romanOrInt(s: string): number {
  if (/^\d+$/.test(s)) return Number(s);
  const v: Record<string, number> = { i: 1, v: 5, x: 10 };
  let n = 0;
  for (let i = 0; i < s.length; i++) {
    const a = v[s[i]!]!;
    const b = i + 1 < s.length ? v[s[i + 1]!]! : 0;
    n += a < b ? -a : a;
  }
  return n;
}

function lenient(
  stem: string,
  ext: string,
  c: CompiledRules,
  rules: ConventionConfig,
  yearMin: number,
  yearMax: number,
): ParseResult {
  const folded = foldSameLength(stem.replace(CONTROL_CHARS, " "));
  const marker = TENTANG.exec(folded);
  let headEnd = marker ? marker.index : folded.length;
  let tailStart = marker ? marker.index + marker[0].length : folded.length;
  const old = findOldNumber(folded.slice(0, headEnd), stem, c);
  if (!marker) {
    const shape = old
      ? folded.slice(0, old.start) + "0".padEnd(old.end - old.start, " ") + folded.slice(old.end)
      : folded;
    headEnd = subjectStart(shape, c);
    tailStart = headEnd;
  }
  let work = folded.slice(0, headEnd);
  if (old && old.end <= headEnd) work = blank(work, old.start, old.end);

  const jenis = findJenis(work, c, old && old.end <= headEnd ? old.jenis : null);
  if (jenis.error) return jenis.error;
  for (const j of c.jenis) work = take(work, j.re, () => {});

  // The qualifier words are rare; a substring test is far cheaper than running their regexes.
  const quals = new Set<string>();
  let lampiranWithoutNumber = false;
  if (work.includes("lampiran")) {
    work = take(work, LAMPIRAN, (m) => {
      if (m[1] === undefined) lampiranWithoutNumber = true;
      else {
        const n = romanOrInt(m[1]);
        if (n > 0) quals.add(`LAMPIRAN-${n}`);
        else lampiranWithoutNumber = true;
      }
    });
  }
  if (work.includes("salinan")) work = take(work, SALINAN, () => quals.add("SALINAN"));

  const numbers: string[] = [];
  const years: number[] = [];
  if (old && old.end <= headEnd) {
    numbers.push(old.serial);
    years.push(old.year);
  }
  work = take(work, PAIR, (m) => {
    if (isYearShaped(m[1]!)) return;
    numbers.push(m[1]!);
    years.push(Number(m[2]));
  });
  work = take(work, NOMOR, (m) => numbers.push(m[1]!));
  work = take(work, TAHUN, (m) => years.push(Number(m[1])));
  for (const t of work.match(WORD) ?? []) {
    if (!isDigit(t.charCodeAt(0))) continue;
    if (isYearShaped(t)) years.push(Number(t));
    else numbers.push(t);
  }

  const distinctNumbers = [...new Set(numbers.map((n) => normNomor(n) ?? `!${n}`))];
  if (distinctNumbers.length === 0) return reject("NO_NUMBER");
  if (distinctNumbers.length > 1) {
    return reject("AMBIGUOUS_NUMBER", distinctNumbers.map((n) => n.replace("!", "")).join(", "));
  }
  const nomor = distinctNumbers[0]!;
  if (nomor.startsWith("!")) return reject("BAD_NUMBER", nomor.slice(1));
  const distinctYears = [...new Set(years)];
  if (distinctYears.length === 0) return reject("NO_YEAR");
  if (distinctYears.length > 1) return reject("AMBIGUOUS_YEAR", distinctYears.join(", "));
  if (quals.size > 1) return reject("AMBIGUOUS_QUALIFIER", [...quals].join(", "));
  if (lampiranWithoutNumber && ![...quals].some((q) => q.startsWith("LAMPIRAN-"))) {
    return reject("NO_LAMPIRAN_NUMBER");
  }
  return finish(
    {
      jenis: jenis.code!,
      tahun: distinctYears[0]!,
      nomor,
      qualifier: quals.size === 1 ? [...quals][0]! : null,
      tentang: cleanTentang(stem.slice(tailStart)),
      ext,
      nomorAsli: old && old.end <= headEnd ? old.asli : undefined,
    },
    rules,
    yearMin,
    yearMax,
  );
}

function isYearShaped(t: string): boolean {
  if (!/^\d{4}$/.test(t)) return false;
  const y = Number(t);
  return y >= 1900 && y <= 2199;
}

/** Jenis phrases in the head; a phrase inside a longer phrase of another jenis does not count. */
function findJenis(
  work: string,
  c: CompiledRules,
  fromMarker: string | null,
): { code?: string; error?: ParseResult } {
  const hits: { start: number; end: number; code: string }[] = [];
  for (const j of c.jenis) {
    j.re.lastIndex = 0;
    for (let m = j.re.exec(work); m; m = j.re.exec(work)) {
      hits.push({ start: m.index, end: m.index + m[0].length, code: j.code });
    }
  }
  hits.sort((a, b) => b.end - b.start - (a.end - a.start));
  const kept: typeof hits = [];
  for (const h of hits) {
    if (!kept.some((k) => h.start < k.end && k.start < h.end)) kept.push(h);
  }
  const codes = new Set(kept.map((k) => k.code));
  if (fromMarker) codes.add(fromMarker);
  if (codes.size === 0) return { error: reject("NO_JENIS") };
  if (codes.size > 1) return { error: reject("AMBIGUOUS_JENIS", [...codes].join(", ")) };
  return { code: [...codes][0]! };
}

/** The subject as typed: "_" as spaces, spaces collapsed, stray punctuation at the ends removed. */
function cleanTentang(raw: string): string | null {
  const t = raw
    .replace(CONTROL_CHARS, " ")
    .replace(/_/g, " ")
    .replace(/\s+/g, " ")
    .replace(/^[\s\-–—.,;:()[\]]+|[\s\-–—.,;:([]+$/g, "")
    .trim();
  return t === "" ? null : t;
}
