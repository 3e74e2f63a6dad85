/**
 * The convention config compiled into matchers, once per config object (cached), so parsing a
 * name costs a handful of regex runs. Pure.
 */
import type { ConventionConfig } from "../config/schema.js";
import { deviceNamePattern } from "./device-name.js";
import { docKindSource } from "./doc-kind.js";
import type { FastReader } from "./fast.js";
import { DATE_HINT } from "./head.js";
import { plainHeadRegex } from "./issuer.js";
import { isDigit, NUMBER_WORD } from "./numbers.js";
import { type CompiledOffice, compileOffice, inAceh, officeWordsSource } from "./office.js";
import { COMMISSION_WORDS } from "./office-words.js";
import { machineCompiled } from "./regex-tier.js";
import { escapeRe, foldFull, foldedWords as words } from "./text.js";

export interface CompiledRules {
  codes: Set<string>;
  extensions: Set<string>;
  /**
   * One matcher per jenis: its code, aliases and label as word sequences, and the words only it
   * uses ("ketua", "sekretaris", with their one-swap misspellings) alone.
   */
  jenis: { code: string; re: RegExp }[];
  /** All jenis phrases, sticky: set `lastIndex` to test for a phrase there (the subject boundary). */
  phraseAt: RegExp;
  /**
   * The configured phrases (codes, labels, aliases; no bare words), sticky: what a tag naming a
   * kind of decree after the subject is (two-decrees.ts otherKindTag).
   */
  tagPhraseAt: RegExp;
  /** Each configured phrase's words joined by " " → its jenis code (none named by two jenis). */
  tagPhrases: Map<string, string>;
  /**
   * Each jenis's own words ("ketua", "sekretaris": in no other jenis's phrases) → its code: a
   * kind named alone in the subject's last bracket ("… DPT (Sekretaris)", otherKindTag).
   */
  roleJenis: Map<string, string>;
  /** Some phrase has a word that starts with a digit (subject-start.ts subjectStart). */
  digitPhraseWord: boolean;
  /**
   * The codes and the (lower-case) extensions that are plain name pieces: codes of ASCII letters,
   * digits, "_" and "-", extensions of lower-case ASCII letters and digits. The config schema
   * allows no other, but a hand-built config is not checked, so the formatter trusts only these.
   */
  plainCodes: Set<string>;
  plainExtensions: Set<string>;
  /** Normalised Style-B/C issuer marker → jenis code. */
  markers: Map<string, string>;
  /**
   * No jenis phrase has a word where a later reading of the head (LAMPIRAN n, SALINAN, pairs,
   * No n, Th n, bare numbers) could start or continue a match, so blanking the phrases found
   * changes nothing those readings find. Every such reading starts at a word start and never
   * runs across a non-word character other than its own separators, and a phrase is whole
   * words between non-word characters.
   */
  inertPhrases: boolean;
  /** This office (office.ts), or null for a hand-built config without one. */
  office: CompiledOffice | null;
  /**
   * Global: a word that may name an institution (group 1, office.ts officeWordsSource), a kind of
   * document that is no decree (doc-kind.ts), or a date's hint (group 2, head.ts DATE_HINT). One
   * scan of a head finds all three; most heads have none.
   */
  headHint: RegExp;
  /**
   * `headHint` with this office's own "KPU <place>" (office.ts ownAnchor) tried first where an
   * institution's word starts (group 1; then the office word is group 2, the date's hint group
   * 3): the formal title's "Keputusan KPU <place> Nomor …" is passed over in the same scan
   * instead of being matched, looked at by a second regex and scanned on from. It matches only
   * where officeWordsSource matches ("kpu", "komisi"), so every other match is headHint's.
   */
  headHintOwn: RegExp;
  /** Misspelt phrase word → the word ("sekertaris" → "sekretaris"), same length (typos.ts). */
  typos: Map<string, string>;
  /** Every word of the jenis phrases (codes, labels, aliases), lower-case ASCII. */
  vocabulary: Set<string>;
  /**
   * The jenis's own words that name it alone ("ketua", "sekretaris", their misspellings), unless
   * a configured phrase is that one word: lenient.ts asks what stands before them.
   */
  bareWords: Set<string>;
  /**
   * The usual head of this office's decree ("SK Ketua No 12 …", "Keputusan KPU <place> 12 …"),
   * anchored: issuer.ts looks no further at a head it matches (issuer.ts plainHeadRegex).
   */
  plainHead: RegExp;
  /** Jenis code → its index in `jenis`. */
  jenisIndex: Map<string, number>;
  /** Whether some configured jenis has Style-B/C markers: old numbers are this office's then. */
  hasMarkers: boolean;
  /**
   * The plain-head reader (fast.ts plainReader), built on the first name and kept here: a
   * property read costs less than a WeakMap lookup for every name. Undefined until then.
   */
  plainReader: FastReader | null | undefined;
  /**
   * A device's own name ("scan0001", "IMG1234"), refused at once (device-name.ts); null when
   * every device word may read as a configured phrase. Tests set it to null to compare.
   */
  deviceName: RegExp | null;
  /**
   * Whether a year typed in two digits after its keyword ("Th 24") can only be 20xx: the
   * archive's first year (`yearMin`) is after 1930, so 19xx of such a year is out of range.
   */
  twoDigitYears: boolean;
}

/**
 * Words any decree name may use, never the mark of one jenis. "Sekretariat" is in a configured
 * phrase ("SK Sekretariat") but is a subject's word too ("Sekretariat PPS"): the phrase reads it,
 * the word alone does not.
 */
const COMMON_WORDS = new Set([
  "sekretariat",
  "keputusan",
  "kep",
  "kpt",
  "kpts",
  "sk",
  "surat",
  ...COMMISSION_WORDS,
]);

/**
 * Misspellings by one swap of neighbouring letters ("sekertaris", "ketau"): the common typo of
 * a long word, and one that cannot make another word of the phrases (checked by the caller).
 */
function transpositions(w: string): string[] {
  const out: string[] = [];
  for (let i = 0; i + 1 < w.length; i++) {
    if (w[i] === w[i + 1]) continue;
    out.push(w.slice(0, i) + w[i + 1] + w[i] + w.slice(i + 2));
  }
  return out;
}

/**
 * A phrase word a later head reading could read: a number ("12", "2024"), a Roman, "ke" or word
 * attachment number (LAMPIRAN's "ke-2", "iv", "kei", "dua"), or the start of a keyword ("no…", "nmr…",
 * "th…", "tah…", "lampiran…", "salinan").
 */
const READABLE_WORD = new RegExp(
  `^(?:[0-9]|no|nmr|th|tah|lampiran|ke(?:[0-9ivx]|$)|[ivx]{1,4}$|salinan$|(?:${NUMBER_WORD})$)`,
);

const PLAIN_CODE = /^[A-Za-z0-9_-]+$/;
const PLAIN_EXTENSION = /^[a-z0-9]+$/;

const cache = new WeakMap<ConventionConfig, CompiledRules>();
const NON_WORD_RUN = /[^a-z0-9]+/g;
/** ASCII words joined by single dashes, whose marker key is the lower-cased text. */
const DASHED_WORDS = /^[A-Za-z0-9]+(?:-[A-Za-z0-9]+)*$/;

/** Issuer markers compare on lower-case ASCII words joined by "-": "Kpts/KPU-Kota" → "kpts-kpu-kota". */
export function markerKey(marker: string): string {
  // Most markers are typed as ASCII words joined by single dashes ("KPU-Kot"): only lower-case.
  if (DASHED_WORDS.test(marker)) return marker.toLowerCase();
  // words(marker).join("-") in one replace: markers are read from every old-style name.
  const key = foldFull(marker).replace(NON_WORD_RUN, "-");
  const from = key.startsWith("-") ? 1 : 0;
  const to = key.length > from && key.endsWith("-") ? key.length - 1 : key.length;
  return from === 0 && to === key.length ? key : key.slice(from, to);
}

function phrasePattern(phrase: string): string | null {
  const w = words(phrase);
  return w.length === 0 ? null : w.map(escapeRe).join("[^a-z0-9]+");
}

/** A marker whose level word is a city's ("kpu-kot", "kpts-sek-kota"). */
const CITY_MARKER = /^(.*-)(?:kot|kota)$/;

/** The level words of an issuer marker, by level: a city's, a regency's, a province's. */
const LEVELS: readonly (readonly string[])[] = [
  ["kot", "kota"],
  ["kab", "kabupaten"],
  ["prov", "provinsi"],
];

/**
 * The city-level markers of `markers` ("kpu-kot", "kpts-sek-kota"), each also with the level
 * words of the office `names` say this office is ("kabupaten deli serdang": "kpu-kab",
 * "kpu-kabupaten"), for the same jenis; none when the names say a city, or no one level.
 */
function levelMarkers(markers: Map<string, string>, names: readonly string[]): [string, string][] {
  const levels = new Set(
    names.map((n) => LEVELS.findIndex((l) => l.includes(words(n)[0] ?? ""))).filter((k) => k >= 0),
  );
  if (levels.size !== 1) return [];
  const [level] = levels;
  if (level === 0) return [];
  const out: [string, string][] = [];
  for (const [key, j] of markers) {
    const m = CITY_MARKER.exec(key);
    if (m) for (const w of LEVELS[level!]!) out.push([`${m[1]}${w}`, j]);
    // A province's commission prints its level alone ("214/PP.02.3-Kpt/32/Prov/X/2017").
    if (m?.[1] === "kpu-" && level === 2) for (const w of LEVELS[2]!) out.push([w, j]);
  }
  return out;
}

/**
 * The compiled rules of `rules`, cached per config object. parse.ts asks for every name: the
 * lookup is kept apart from the compile so V8 inlines it there instead of calling (and
 * optimising) the whole compile function.
 */
export function compileRules(rules: ConventionConfig): CompiledRules {
  return cache.get(rules) ?? compile(rules);
}

function compile(configured: ConventionConfig): CompiledRules {
  const rules = configured.office && inAceh(configured.office) ? withKip(configured) : configured;
  const all: string[] = [];
  // Every configured phrase: codes, labels and aliases.
  const phrases = rules.jenis.flatMap((j) => [j.code, j.label, ...j.aliases]);
  const allWords = phrases.flatMap(words);
  const markers = new Map<string, string>();
  for (const j of rules.jenis) {
    for (const m of j.styleBMarkers) {
      const key = markerKey(m);
      markers.set(key, j.code);
      if (key.startsWith("kpts-")) markers.set(key.slice(5), j.code);
      else if (key.startsWith("kpt-")) markers.set(key.slice(4), j.code);
    }
  }
  // The default markers are a city office's ("KPU-Kot", "Sek-Kot"); a regency's or a province's
  // office prints its own level there ("…/1207/KPU-Kab/IV/2019", "Sek-Prov"), and configuring
  // only its names and region codes must not make its own numbers another office's: its level's
  // markers take the city's place.
  const level = levelMarkers(markers, rules.office?.names ?? []);
  if (level.length > 0) {
    // The city's markers are another office's then ("…/31/KPU-Kot/…" of a province's office).
    for (const key of [...markers.keys()]) if (CITY_MARKER.test(key)) markers.delete(key);
    for (const [key, j] of level) if (!markers.has(key)) markers.set(key, j);
  }
  // An old-style number's issuer marker that names this office by its place ("12/Kpts/KPU-Jakut/
  // 2014", as clerks and older registers type it): the commission's own, as "KPU-Kot" is. Only
  // when the configured "KPU-…" markers are one jenis's; a marker configured stands.
  const kpuJenis = new Set([...markers].filter(([k]) => k.startsWith("kpu-")).map(([, j]) => j));
  if (kpuJenis.size === 1 && rules.office) {
    const [j] = kpuJenis;
    for (const name of rules.office.names) {
      // "KPUD": the offices' name until 2007 ("11 Kpts KPUD-Kota-Jakarta-Utara 2013").
      for (const body of ["kpu", "kpud"]) {
        const key = [body, ...words(name)].join("-");
        if (!markers.has(key)) markers.set(key, j!);
      }
    }
  }
  // A marker typed with its words glued ("SekKot", "KPUKot" for "Sek-Kot", "KPU-Kot"): the same
  // marker, unless two jenis' markers glue to the same letters (then neither is read so).
  const glued = new Map<string, string | null>();
  for (const [key, j] of markers) {
    const g = key.replaceAll("-", "");
    if (g !== key && !markers.has(g)) glued.set(g, glued.has(g) && glued.get(g) !== j ? null : j);
  }
  for (const [g, j] of glued) if (j !== null) markers.set(g, j);
  const perJenis = rules.jenis.map(
    (j) => new Set([j.code, j.label, ...j.aliases].flatMap(words).filter((w) => !/^[0-9]/.test(w))),
  );
  const vocabulary = new Set(perJenis.flatMap((w) => [...w]));
  const typos = new Map<string, string>();
  for (const w of vocabulary) {
    if (w.length < 5) continue;
    for (const t of transpositions(w)) if (!vocabulary.has(t)) typos.set(t, w);
  }
  const officeWords = rules.office ? rules.office.names.flatMap(words) : [];
  const distinctive = perJenis.map((set, k) =>
    [...set].filter(
      (w) =>
        w.length >= 3 &&
        !COMMON_WORDS.has(w) &&
        !officeWords.includes(w) &&
        perJenis.every((other, o) => o === k || !other.has(w)),
    ),
  );
  // A jenis's own words (its distinctive words and their misspellings) name it alone too: "SK
  // Ketua dan Sekretaris" then reads two jenis, and "SK Sekertaris" one, in the same pass.
  const bareWords = new Set<string>();
  const roleWords: string[] = [];
  const phraseTexts = new Set(phrases.map((p) => words(p).join(" ")));
  const jenis = rules.jenis.map((j, k) => {
    const own = distinctive[k]!;
    const spelt = [...typos].filter(([, w]) => own.includes(w)).map(([t]) => t);
    for (const w of [...own, ...spelt]) if (!phraseTexts.has(w)) bareWords.add(w);
    for (const w of own) if (!phraseTexts.has(w)) roleWords.push(w);
    const pats = [...[j.code, j.label, ...j.aliases].map(phrasePattern), ...own, ...spelt]
      .filter((p): p is string => p !== null)
      .sort((a, b) => b.length - a.length);
    all.push(...pats);
    const re = new RegExp(`(?<![a-z0-9])(?:${pats.join("|")})(?![a-z0-9])`, "g");
    return { code: j.code, re: machineCompiled(re) };
  });
  const tagPatterns: string[] = [];
  const tagPhrases = new Map<string, string>();
  const shared = new Set<string>();
  for (const j of rules.jenis) {
    for (const p of [j.code, j.label, ...j.aliases]) {
      const key = words(p).join(" ");
      const pat = phrasePattern(p);
      if (pat === null) continue;
      tagPatterns.push(pat);
      const had = tagPhrases.get(key);
      if (had !== undefined && had !== j.code) shared.add(key);
      tagPhrases.set(key, j.code);
    }
  }
  for (const key of shared) tagPhrases.delete(key);
  tagPatterns.sort((a, b) => b.length - a.length);
  const codes = rules.jenis.map((j) => j.code);
  const extensions = rules.extensions.map((e) => e.toLowerCase());
  const kinds = docKindSource(new Set(allWords));
  const office = rules.office ? compileOffice(rules.office, phrases) : null;
  const institutionWords = officeWordsSource(office);
  const compiled: CompiledRules = {
    codes: new Set(codes),
    extensions: new Set(extensions),
    plainCodes: new Set(codes.filter((code) => PLAIN_CODE.test(code))),
    plainExtensions: new Set(extensions.filter((e) => PLAIN_EXTENSION.test(e))),
    jenis,
    inertPhrases: allWords.every((w) => !READABLE_WORD.test(w)),
    phraseAt: machineCompiled(new RegExp(`(?:${all.join("|")})(?![a-z0-9])`, "y")),
    tagPhraseAt: new RegExp(`(?:${tagPatterns.join("|") || "(?!)"})(?![a-z0-9])`, "y"),
    tagPhrases,
    roleJenis: new Map(rules.jenis.flatMap((j, k) => distinctive[k]!.map((w) => [w, j.code]))),
    digitPhraseWord: allWords.some((w) => isDigit(w.charCodeAt(0))),
    markers,
    office,
    plainHead: office ? machineCompiled(plainHeadRegex(roleWords, office.places)) : /(?!)/,
    headHint: new RegExp(
      `(?<![a-z0-9])(?:(${institutionWords})|${kinds ?? "(?!)"})|(${DATE_HINT.source})`,
      "g",
    ),
    headHintOwn: machineCompiled(
      new RegExp(
        `(?<![a-z0-9])(?:(${office ? office.ownAnchor.source : "(?!)"})|(${institutionWords})|${kinds ?? "(?!)"})|(${DATE_HINT.source})`,
        "g",
      ),
    ),
    typos,
    vocabulary,
    bareWords,
    jenisIndex: new Map(rules.jenis.map((j, k) => [j.code, k])),
    hasMarkers: rules.jenis.some((j) => j.styleBMarkers.length > 0),
    plainReader: undefined,
    deviceName: deviceNamePattern(allWords),
    twoDigitYears: rules.yearMin > 1930,
  };
  cache.set(configured, compiled);
  return compiled;
}

/**
 * `rules` for an office in Aceh, whose commission is the KIP (office.ts inAceh): each jenis
 * phrase that names "KPU" / "KPUD" / "Komisi Pemilihan Umum" also as "KIP" / "Komisi Independen
 * Pemilihan", and each "KPU-…" issuer marker also as "KIP-…" ("…/1171/KIP-Kot/IV/2019"). The
 * KPU names stay: clerks type them out of habit ("KPU Banda Aceh"), and older decrees carry them.
 */
function withKip(rules: ConventionConfig): ConventionConfig {
  const kip = (p: string): string | null => {
    const w = words(p);
    const at = w.findIndex((x) => x === "kpu" || x === "kpud");
    if (at >= 0) return [...w.slice(0, at), "kip", ...w.slice(at + 1)].join(" ");
    const s = ` ${w.join(" ")} `;
    return s.includes(" komisi pemilihan umum ")
      ? s.replace(" komisi pemilihan umum ", " komisi independen pemilihan ").trim()
      : null;
  };
  return {
    ...rules,
    jenis: rules.jenis.map((j) => ({
      ...j,
      aliases: [
        ...j.aliases,
        ...[j.label, ...j.aliases].map(kip).filter((p): p is string => p !== null),
      ],
      styleBMarkers: [
        ...j.styleBMarkers,
        ...j.styleBMarkers
          .filter((m) => /(^|\/)kpu-/i.test(m))
          .map((m) => m.replace(/kpu-/i, "KIP-")),
      ],
    })),
  };
}
