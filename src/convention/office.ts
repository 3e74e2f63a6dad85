/**
 * Whose decree a name says it is. An archive that files another institution's decree among the
 * office's own hides a foreign document and may publish it on JDIH, so a head (the folded text
 * before the subject) that names any other institution is rejected with OTHER_OFFICE, and one
 * that names "KPU" / "Komisi Pemilihan Umum" without a place (how KPU RI's own decrees are
 * titled) with OFFICE_UNCLEAR. Pure.
 *
 * What counts as this office is configuration (`convention.office.names`, the place as typed
 * after "KPU"); the institutions of office-words.ts are the national vocabulary of Indonesian
 * election and government bodies, the same for every office. A word of that vocabulary that a
 * configured jenis phrase or office name uses ("Peraturan Bupati" for a regency's archive) is
 * not foreign.
 */
import type { OfficeConfig } from "../config/schema.js";
import { budgetRoleEnd } from "./budget-role.js";
import { isDigit, isWordChar } from "./numbers.js";
import {
  AD_HOC,
  DKI_PLACES,
  FOREIGN,
  INSTITUTION_WORDS,
  ISSUER_BODIES,
  LEVEL,
  PLACE_LEVEL,
  PLACE_STOP,
  PROVINCE_LEVEL,
} from "./office-words.js";
import {
  CAPACITY,
  endsPlace,
  ownPlaceLength,
  ownPlaceThen,
  PROVINCE_START,
  PROVINCE_WORDS,
  phraseWordsBesidePlaces,
} from "./own-place.js";
import { barePlaceFirst, mayStartPlace } from "./place-start.js";
import { isOwnPlaceShortened, isOwnPlaceTypo } from "./place-typo.js";
import { PROVINCE_BY_CODE } from "./places-id.js";
import { reject, rejectVariant } from "./reasons.js";
import { escapeRe, foldedWords as words, wordsFrom } from "./text.js";
import type { ParseRejected } from "./types.js";

export interface CompiledOffice {
  /** Foreign institution words, and word pairs joined by one space ("kpu kab"). */
  foreignWords: Set<string>;
  foreignPairs: Set<string>;
  /** This office's places, as word lists, longest first. */
  places: string[][];
  /**
   * Sticky: "KPU" / "Komisi Pemilihan Umum", one of this office's places, and a word that ends a
   * place (a keyword, a number, a phrase word that is no place word) or the end.
   */
  ownAnchor: RegExp;
  /** Every word of a place, and the level words (kota, kab …). */
  placeWords: Set<string>;
  /** Every word of this office's places (no level words). */
  ownPlaceWords: Set<string>;
  regionCodes: Set<string>;
  oldCodes: Set<string>;
  /**
   * Words the configured jenis phrases use, but for words of a place other than this office's
   * that a phrase spells (own-place.ts phraseWordsBesidePlaces): those name a place, no decree.
   */
  own: Set<string>;
  /** Own words that name a decree rather than the office ("sk", "keputusan", "ketua" …). */
  decreeWords: Set<string>;
  /**
   * An office in Aceh (a region code of province 11): its commission is the KIP, "Komisi
   * Independen Pemilihan" (UU 11/2006), named so as "KPU" names the others' (inAceh).
   */
  kip: boolean;
  /**
   * This office's province's names and short forms, by its region codes' first two digits
   * (places-id.ts PROVINCE_BY_CODE: "kalimantan selatan", "kalsel" for 6303); none without one.
   */
  provinces: readonly string[];
  /** A city's or a regency's office: no configured name starts with a province's level word. */
  city: boolean;
}

/** Aceh's province code: its election commissions are KIP, not KPU. */
const ACEH = "11";

/** Whether `office` is in Aceh by its region codes, whose commission is the KIP. */
export function inAceh(office: OfficeConfig): boolean {
  return office.regionCodes.some((c) => c.startsWith(ACEH));
}

/**
 * Whether `tail` is one of this office's places with its level words left out ("gorontalo" of
 * "kota gorontalo"), which no configured name is alone.
 */
function ownPlaceWithoutLevel(tail: readonly string[], o: CompiledOffice): boolean {
  const typed = tail.join(" ");
  return o.places.some((p) => {
    let k = 0;
    while (k < p.length - 1 && LEVEL.has(p[k]!)) k++;
    return k > 0 && p.slice(k).join(" ") === typed;
  });
}

/**
 * The level words of a city's, a regency's and a province's office, by level; a city's also as
 * it was called until 1999 ("Kotamadya", "Kodya": "KPU Kodya Jakut" on the oldest decrees).
 */
const OFFICE_LEVELS: readonly ReadonlySet<string>[] = [
  new Set(["kota", "kotamadya", "kodya"]),
  new Set(["kab", "kabupaten"]),
  PROVINCE_LEVEL,
];

/**
 * `places` (the configured names as words), each name typed without its level words also with
 * each run of level words the other names start with, when they are of one level ("b aceh" of
 * KIP Kota Banda Aceh also "kota b aceh"; "kep seribu" of Kabupaten Administrasi Kepulauan Seribu
 * also "kab adm kep seribu"): the level before the office's short name is the office's own.
 */
function withLevelWords(places: string[][]): string[][] {
  const levels = new Map<string, string[]>();
  for (const p of places) {
    if (!OFFICE_LEVELS.some((l) => l.has(p[0]!))) continue;
    let k = 1;
    while (k < p.length - 1 && LEVEL.has(p[k]!)) k++;
    levels.set(p.slice(0, k).join(" "), p.slice(0, k));
  }
  // Levels of one kind only: a name configured without its level is of that kind.
  const firsts = [...levels.values()].map((l) => l[0]!);
  if (OFFICE_LEVELS.filter((l) => firsts.some((w) => l.has(w))).length !== 1) return places;
  const have = new Set(places.map((p) => p.join(" ")));
  const out = [...places];
  for (const p of places) {
    if (LEVEL.has(p[0]!)) continue;
    for (const level of levels.values()) {
      const q = [...level, ...p];
      const text = q.join(" ");
      if (!have.has(text)) {
        have.add(text);
        out.push(q);
      }
    }
  }
  return out;
}

/** ownAnchor of CompiledOffice (a regex that matches nothing when no place is configured). */
function ownAnchorRegex(
  places: string[][],
  own: Set<string>,
  placeWords: Set<string>,
  kip: boolean,
): RegExp {
  if (places.length === 0) return /(?!)/y;
  const gap = "[^a-z0-9]+";
  // Distinct: "kota adm. jakarta utara" and "kota adm jakarta utara" are the same words.
  const placeAlt = [...new Set(places.map((p) => p.map(escapeRe).join(gap)))].join("|");
  const stops = [...PLACE_STOP, ...[...own].filter((w) => !placeWords.has(w) && !/^[0-9]/.test(w))]
    .sort((a, b) => b.length - a.length)
    .map(escapeRe)
    .join("|");
  const kipNames = kip ? `|kip|komisi${gap}independen${gap}pemilihan` : "";
  return new RegExp(
    `(?:kpud?|komisi${gap}pemilihan${gap}umum(?:${gap}daerah)?${kipNames})${gap}(?:${placeAlt})(?![a-z0-9])[^a-z0-9]*(?=$|[0-9]|(?:${stops})(?![a-z]))`,
    "y",
  );
}

export function compileOffice(office: OfficeConfig, phrases: readonly string[]): CompiledOffice {
  const places = withLevelWords(office.names.map(words).filter((w) => w.length > 0));
  places.sort((a, b) => b.length - a.length);
  // Each word of a place, and a place of several words typed without its spaces ("kepmeranti",
  // "jakartautara"): one word of this office's place either way.
  const ownPlaceWords = new Set([
    ...places.flat(),
    ...places.filter((p) => p.length > 1).map((p) => p.join("")),
  ]);
  // A phrase's words that spell a place other than this office's ("Jakarta Utara" of a label
  // "Keputusan KPU Kota Jakarta Utara" kept by an office elsewhere) name no decree: only the
  // office's names say what place is its own. They stand as "|" in the phrases' text.
  const phraseWords = phrases.map((p) => phraseWordsBesidePlaces(words(p), ownPlaceWords));
  const own = new Set(phraseWords.flat().filter((w): w is string => w !== null));
  const foreignWords = new Set<string>();
  const foreignPairs = new Set<string>();
  // The configured phrases and places as " word word ", to find a pair inside one; a place
  // also after "kpu", as names spell it: "KPU Kab" is a regency office's own, a city's other.
  const ownText = ` ${[
    ...phraseWords.map((w) => w.map((x) => x ?? "|").join(" ")),
    ...places.map((p) => `kpu ${p.join(" ")}`),
  ].join(" | ")} `;
  for (const f of FOREIGN) {
    const w = words(f);
    // "kpu kab" stays foreign even when "kpu" is an own word: only a word that is own, or a pair
    // that a configured phrase or place spells ("peraturan bupati" in "Peraturan Bupati"), is
    // the configured institution's ("sekretaris kota" is not in "Sekretaris … Kota …").
    if (
      w.length === 1
        ? own.has(w[0]!) || ownPlaceWords.has(w[0]!)
        : ownText.includes(` ${w.join(" ")} `)
    ) {
      continue;
    }
    (w.length === 1 ? foreignWords : foreignPairs).add(w.join(" "));
  }
  const placeWords = new Set([...LEVEL, ...ownPlaceWords]);
  const kip = inAceh(office);
  return {
    provinces: office.regionCodes.flatMap((c) => PROVINCE_BY_CODE[c.slice(0, 2)] ?? []),
    city: places.every((p) => !PROVINCE_START.has(p[0]!)),
    foreignWords,
    foreignPairs,
    places,
    placeWords,
    ownPlaceWords,
    ownAnchor: ownAnchorRegex(places, own, placeWords, kip),
    regionCodes: new Set(office.regionCodes),
    oldCodes: new Set(office.oldCodes),
    own,
    decreeWords: new Set(
      [...own].filter(
        (w) => !placeWords.has(w) && !INSTITUTION_WORDS.has(w) && !isDigit(w.charCodeAt(0)),
      ),
    ),
    kip,
  };
}

/**
 * The start of a word that may name an institution: every FOREIGN entry and anchor starts with
 * one. Factored by first letter: the regex runs for every name, and a flat alternation tried
 * each alternative at every position. A regex source, for a word start. A match shadows a
 * doc-kind word at the same start (the scan moves past it), so "men" stops before "menc…" /
 * "meng…" ("mencabut", "mengubah": doc-kind.ts AMENDING; no FOREIGN word starts so).
 *
 * DKI Jakarta's offices (office-words.ts DKI_PLACES) are written in only when they are another
 * office's for `o` (any office's for none): this office's own place is no institution's word,
 * and a scan that stopped there would only cost time.
 */
export function officeWordsSource(o: CompiledOffice | null): string {
  const gap = "[^a-z0-9]+";
  const jak: string[] = [];
  const jakarta: string[] = [];
  const more: string[] = [];
  let kepulauan = false;
  let kep = false;
  for (const p of DKI_PLACES) {
    if (o !== null && !o.foreignWords.has(p) && !o.foreignPairs.has(p)) continue;
    if (p === "kepulauan seribu") kepulauan = true;
    else if (p === "kep seribu") kep = true;
    else if (p.startsWith("jakarta ") && !p.includes(" ", 8)) jakarta.push(escapeRe(p.slice(8)));
    else if (p.startsWith("jak") && !p.includes(" ")) jak.push(escapeRe(p.slice(3)));
    else more.push(p.split(" ").map(escapeRe).join(gap));
  }
  if (jakarta.length > 0) jak.push(`arta${gap}(?:${jakarta.join("|")})`);
  const seribu =
    kepulauan || kep
      ? `|ep${kepulauan && kep ? "(?:ulauan)?" : kepulauan ? "ulauan" : ""}${gap}seribu`
      : "";
  const dki =
    (jak.length > 0 ? `|jak(?:${jak.join("|")})` : "") + more.map((m) => `|${m}`).join("");
  return `k(?:pu|omisi|pps|emen|epmen|ip|elompok|epgub|epwal|epbup|eppres|epala|ejaksaan|apol|etua[^a-z0-9]+umum${seribu})${dki}|b(?:awas|upati|adan)|p(?:anw|p|ermen|em[kpd]|antar|anitia|ergub|erwal|erbup|residen|erpres|engadilan|ol(?:res|da)|artai|kk)|d(?:kpp|prd|ewan|p[pdc])|m(?:en(?![cg])|ahk)|gub|wal(?:i|kot)|se(?:kjen|tjen|kretari[as]t?[^a-z0-9]+(?:jen|daerah|kota|kab|kec|kel|desa)|k[dkc])|tim|camat|lurah|r[tw](?![a-z0-9])`;
}

/**
 * Why `head` (folded text, blanks allowed) is not this office's decree, read at one word that may
 * name an institution (officeWordsSource, found at `at` by the caller's scan of the head, rules.ts
 * headHint): where this office's own "KPU <place>" ends, to scan on from; else the verdict on the
 * whole head (its every word read), a rejection or null. Most heads that name an institution
 * name this office ("Keputusan KPU Kota Jakarta Utara"): each word is looked at where it stands,
 * and only an unknown one reads the words. Before "KPU" without a place, "Ketua" / "Sekretaris"
 * is how clerks shorten their own chair and secretary, while "Keputusan KPU" / "SK KPU" alone is
 * KPU RI's title.
 */
export function officeWordAt(
  head: string,
  at: number,
  o: CompiledOffice,
): number | ParseRejected | null {
  const end = ownAnchorEnd(head, at, o);
  return end < 0 ? readOffice(head, o) : end;
}

/**
 * Where one of this office's places typed from `at` in `text` (folded) ends, the longest, or -1
 * ("jakut" of "… SK KPU Jakut Penetapan …", whatever follows it).
 */
export function ownPlaceEnd(text: string, at: number, o: CompiledOffice): number {
  for (const place of o.places) {
    let i = at;
    let k = 0;
    for (; k < place.length; k++) {
      if (k > 0) {
        const gap = i;
        while (i < text.length && !isWordChar(text.charCodeAt(i))) i++;
        if (i === gap) break;
      }
      if (!text.startsWith(place[k]!, i)) break;
      i += place[k]!.length;
    }
    if (k === place.length && !isWordChar(text.charCodeAt(i))) return i;
  }
  return -1;
}

/**
 * Where "KPU <this office's place>" (or "Komisi Pemilihan Umum <place>") that starts at `at`
 * ends, when it is followed by a word that ends a place (a keyword, a number, a phrase word or
 * nothing); -1 otherwise.
 */
function ownAnchorEnd(head: string, at: number, o: CompiledOffice): number {
  o.ownAnchor.lastIndex = at;
  return o.ownAnchor.test(head) ? o.ownAnchor.lastIndex : -1;
}

/**
 * The institution named at word `k` of `ws`, if any: a foreign word, or a foreign pair ending
 * there (`from` is where it starts), or "KPU" / "Komisi Pemilihan Umum" (`commission`) with
 * the verdict on the place after it (office.ts placeVerdict; this office's own is no hit).
 */
function namedAt(
  ws: readonly { word: string }[],
  k: number,
  o: CompiledOffice,
):
  | { from: number; words: string; commission: null }
  | { commission: "kpu" | "full" | "kip" | "kipFull"; verdict: string }
  | null {
  const w = ws[k]!.word;
  if (o.foreignWords.has(w) || gluedTitle(w, o)) return { from: k, words: w, commission: null };
  if (k > 0) {
    const pair = `${ws[k - 1]!.word} ${w}`;
    if (o.foreignPairs.has(pair)) {
      // Aceh's election commission spelt out is named so in full, not "KOMISI INDEPENDEN".
      const words =
        pair === "komisi independen" && ws[k + 1]?.word === "pemilihan"
          ? `${pair} pemilihan`
          : pair;
      return { from: k - 1, words, commission: null };
    }
  }
  const commission = commissionAt(ws, k, o.kip);
  if (commission === null) return null;
  // The full name with its short form after it ("Komisi Pemilihan Umum (KPU) Kota …"): the
  // place follows the short form.
  const short = commission === "full" ? "kpu" : commission === "kipFull" ? "kip" : null;
  const at = short !== null && ws[k + 1]?.word === short ? k + 1 : k;
  const verdict = placeVerdict(placeAfter(ws, at, o), o);
  return verdict === "own" ? null : { commission, verdict };
}

/**
 * A title glued to its body, "Kep"/"Per" + a foreign word: "Kepwalkot" (Keputusan Walikota),
 * "Kepmenkeu", "Perbup", "Kepbupati". Without it such a head read as no jenis, and the advice
 * to add "SK Ketua" would file the mayor's or a minister's decree.
 */
function gluedTitle(w: string, o: CompiledOffice): boolean {
  return (
    w.length > 5 && (w.startsWith("kep") || w.startsWith("per")) && o.foreignWords.has(w.slice(3))
  );
}

/** Whether a word of `ws` before word `k` names a decree in this office's phrases ("SK", "Ketua" …). */
function decreeWordBefore(ws: readonly { word: string }[], k: number, o: CompiledOffice): boolean {
  for (let t = 0; t < k; t++) if (o.decreeWords.has(ws[t]!.word)) return true;
  return false;
}

/** Whether a word of `ws` after word `k` names a decree in this office's phrases. */
function decreeWordAfter(ws: readonly { word: string }[], k: number, o: CompiledOffice): boolean {
  for (let t = k + 1; t < ws.length; t++) if (o.decreeWords.has(ws[t]!.word)) return true;
  return false;
}

/** Officers, not committees: they update the voter list and make no decree of their own. */
const OFFICERS = new Set(["pantarlih", "ppdp"]);

/**
 * The ad hoc bodies this office forms, appoints and pays (PPK, PPS; KPPS are formed by the PPS),
 * after a word of that action ("Pembentukan PPK - SK Ketua 16-2024", "SK Ketua Pemberhentian
 * Anggota PPS No 22 …"): the subject's, not the issuer. Whose area they are is the subject's
 * office checks' to tell (lenient.ts runs them over the head).
 */
const FORMED_HERE = new Set(["ppk", "pps", "panitia pemilihan", "panitia pemungutan"]);
export const FORMING: ReadonlySet<string> = new Set([
  "pembentukan",
  "penetapan",
  "pembubaran",
  "pengangkatan",
  "pemberhentian",
  "pelantikan",
  "penggantian",
  // "Pergantian Antarwaktu": what PAW stands for.
  "pergantian",
  "paw",
  "honorarium",
  "honor",
  "rekrutmen",
  "seleksi",
  "susunan",
  "keanggotaan",
  // A change of their members ("Perubahan PPS - SK Ketua No 22 Th 2024").
  "perubahan",
  // An attachment's content: the list of their members ("Lampiran II - Daftar Nama PPS - SK
  // Ketua 44 2023").
  "nama",
  "daftar",
]);
/**
 * Between the action's word and the body: "Pemberhentian Anggota PPS", "Hasil Seleksi Tertulis
 * Calon Anggota PPK", "Pembubaran PPK dan PPS".
 */
const FORMING_BETWEEN = new Set([
  "anggota",
  "sekretariat",
  "ketua",
  "calon",
  "antar",
  "waktu",
  "antarwaktu",
  "sementara",
  "hasil",
  "seleksi",
  "tertulis",
  "administrasi",
  "terpilih",
  "dan",
  "ppk",
  "pps",
]);

/** Whether the ad hoc body `words` named from word `from` of `ws` is one this office forms, acted on. */
function formedHere(ws: readonly { word: string }[], from: number, words: string): boolean {
  return FORMED_HERE.has(words) && actedOn(ws, from);
}

/** Whether a word of forming, appointing or paying (FORMING) comes right before word `from`. */
function actedOn(ws: readonly { word: string }[], from: number): boolean {
  for (let k = from - 1; k >= 0; k--) {
    const w = ws[k]!.word;
    if (FORMING.has(w)) return true;
    if (!FORMING_BETWEEN.has(w)) return false;
  }
  return false;
}

/**
 * officeWordAt's reading of every word, for a head that names some institution. An ad hoc body
 * (office-words.ts AD_HOC) after a decree's word ("SK PPK Koja No 1 …", "SK Ketua PAW PPS …")
 * names this office's decree about it as likely as the body's own: ISSUER_UNCLEAR, unless
 * another institution is named too; so does one typed before this office's decree's name ("PPK
 * Koja - SK Ketua No 1 …"), and officers who make no decree are that subject's (OFFICERS).
 * Without a decree's word ("Kwitansi Honor PPK …") it stays another body's document.
 */
function readOffice(head: string, o: CompiledOffice): ParseRejected | null {
  const ws = wordsFrom(head, 0);
  let adHoc: string | null = null;
  for (let k = 0; k < ws.length; k++) {
    // "… selaku Kuasa Pengguna Anggaran", "selaku PPK": the secretary's budget role, no other
    // body; whose decree it is, chair's or secretary's, is issuer.ts's to tell (budget-role.ts).
    if (ws[k]!.word === CAPACITY) {
      const end = budgetRoleEnd(head, ws[k]!.end - CAPACITY.length);
      if (end >= 0) {
        while (k + 1 < ws.length && ws[k + 1]!.end <= end) k++;
        continue;
      }
    }
    const named = namedAt(ws, k, o);
    if (named === null) continue;
    if (named.commission === null) {
      if (formedHere(ws, named.from, named.words)) continue;
      const foreign = foreignAt(ws, named.from, k, named.words, o);
      const adHocBody = AD_HOC.has(named.words);
      if ((adHocBody || OFFICERS.has(named.words)) && foreign.reason === "OTHER_OFFICE") {
        if (adHocBody && decreeWordBefore(ws, named.from, o)) {
          adHoc ??= named.words;
          continue;
        }
        // Typed before this office's decree's name, a subject typed first ("Pantarlih Pemilihan
        // 2024 (SK Ketua 189 …)"): officers who make no decree are its subject, a committee
        // that does may be either (ISSUER_UNCLEAR). Formed, dissolved or paid there, a body this
        // office does not form ("Pembubaran KPPS - SK Ketua …") stays another's (formedHere).
        if (
          !decreeWordBefore(ws, named.from, o) &&
          decreeWordAfter(ws, k, o) &&
          !actedOn(ws, named.from)
        ) {
          if (adHocBody) adHoc ??= named.words;
          continue;
        }
      }
      return foreign;
    }
    const kpu = named.commission === "kpu" || named.commission === "kip";
    const name = COMMISSION_SHOWN[named.commission];
    if (named.verdict === "bare") {
      // The full name without a place is KPU RI's title ("Keputusan Ketua Komisi Pemilihan Umum
      // Nomor 3 …" too: clerks shorten their own office's name, they do not spell it out
      // without its city); a bare "KPU" may be a clerk's shorthand. Aceh's KIP spelt out
      // without a place is as unclear: the province's KIP Aceh is named with its place.
      if (named.commission === "full") {
        return reject("OTHER_OFFICE", "KOMISI PEMILIHAN UMUM (KPU RI)");
      }
      // "Sekretaris KPU" is a city's or a regency's secretary (KPU RI's is "Sekretaris
      // Jenderal"); "Ketua KPU" alone is as much KPU RI's chair, whose decrees were titled so.
      const before = ws[k - 1]?.word;
      if (before === "sekretaris" || before === "sekretariat") continue;
      return reject("OFFICE_UNCLEAR", before === "ketua" && kpu ? `KETUA ${name}` : name);
    }
    const tail = named.verdict.split(" ");
    // This office's place with a slip ("KPU Kota Jakarta Utra"), or without its level word when
    // that is not configured ("KPU Gorontalo" for KPU Kota Gorontalo: the regency's and the
    // province's name too): its own decree as likely.
    if (isOwnPlaceTypo(tail, o.places, endsPlace) || ownPlaceWithoutLevel(tail, o)) {
      return reject("OFFICE_UNCLEAR", `${name} ${named.verdict.toUpperCase()}`);
    }
    // This office's place shortened ("KPU Jkt Ut"): its own decree as likely.
    if (isOwnPlaceShortened(tail, o.places, endsPlace)) {
      return rejectVariant("OFFICE_UNCLEAR:short", `${name} ${named.verdict.toUpperCase()}`);
    }
    const then = ownPlaceThen(tail, o.places);
    // This office's place, then a place of the subject ("KPU Jakut Tanjung Priok"): both ways out.
    if (then?.kind === "subject") {
      return reject("OFFICE_IN_SUBJECT", `${name} ${named.verdict.toUpperCase()}`);
    }
    // "… selaku Ketua Panitia Seleksi": that body's decree, named as typed. A budget role after
    // it is read where "selaku" stands, on.
    if (then?.kind === "capacity") {
      const at = k + 1 + then.at;
      if (budgetRoleEnd(head, ws[at]!.end - CAPACITY.length) >= 0) continue;
      return reject("OTHER_OFFICE", capacityAt(ws, at));
    }
    return reject("OTHER_OFFICE", `${name} ${named.verdict.toUpperCase()}`);
  }
  return adHoc === null ? null : reject("ISSUER_UNCLEAR", adHoc.toUpperCase());
}

/**
 * "Selaku" at word `k` of `ws` and the capacity after it, up to a keyword or a number (at most
 * four words), upper-case: "SELAKU KETUA PANITIA SELEKSI".
 */
function capacityAt(ws: readonly { word: string }[], k: number): string {
  let out = ws[k]!.word;
  for (let t = k + 1; t < ws.length && t <= k + 4; t++) {
    const x = ws[t]!.word;
    if (PLACE_STOP.has(x) || isDigit(x.charCodeAt(0))) break;
    out += ` ${x}`;
  }
  return out.toUpperCase();
}

/** Whether `tail` from `at` starts with one of this office's places. */
function startsWithOwnPlace(tail: readonly string[], at: number, o: CompiledOffice): boolean {
  return o.places.some((p) => p.every((x, i) => tail[at + i] === x));
}

/** What follows "KIP" when it names Aceh's election commission, not a "Kartu Indonesia Pintar". */
const KIP_PLACE = new Set(["aceh", "kota", "kab", "kabupaten", "provinsi", "prov"]);

/**
 * Another KPU office (or Aceh's KIP) named in a subject typed without "tentang" ("SK Ketua No 5
 * Th 2024 KPU Kota Bekasi"): as typed, the issuer's name after the numbers. Returns the office
 * as the rejection shows it, or null. Only KPU offices with another place count here: other
 * bodies (PPK, Bawaslu …) are what this office's decrees are about ("… Pembentukan PPK"), and
 * "KPU" without a place is this office's own shorthand in a subject.
 */
export function otherKpuIn(subject: string, o: CompiledOffice): string | null {
  const ws = wordsFrom(subject, 0);
  for (let k = 0; k < ws.length; k++) {
    const kip = ws[k]!.word === "kip" || kipSpeltAt(ws, k);
    const named = kip ? "kpu" : commissionAt(ws, k);
    if (named === null) continue;
    // After a region code, the issuer marker of an old-style number ("Pencabutan SK 61_PP.05.1-
    // Kpt_3172_KPU-Kot_IX_2021"): the number's, whose code the subject's checks read.
    if (k > 1 && REGION_CODE_WORD.test(ws[k - 1]!.word) && ws[k - 2]!.word === "kpt") continue;
    const tail = placeAfter(ws, k, o);
    // In a subject the place runs on into the subject's words: this office's place starts it.
    if (tail.length === 0 || startsWithOwnPlace(tail, 0, o)) continue;
    if (kip) {
      if (KIP_PLACE.has(tail[0]!)) {
        const name = ws[k]!.word === "kip" ? "KIP" : "KOMISI INDEPENDEN PEMILIHAN";
        return `${name} ${tail.join(" ").toUpperCase()}`;
      }
      continue;
    }
    if (ownLevelAlone(tail, o) || (bothLevels(tail) && !o.city)) continue;
    return `${named === "kpu" ? "KPU" : "KOMISI PEMILIHAN UMUM"} ${tail.join(" ").toUpperCase()}`;
  }
  return null;
}

/** A region code's digits as a word ("3172", "31"). */
const REGION_CODE_WORD = /^[0-9]{2,6}$/;

/**
 * Whether `tail` is a regency's and a city's level words together ("Kabupaten/Kota", "Kab Kota",
 * "Kabupaten Kota se-Jawa Tengah"): every such office of a province, none by name; a province's
 * office (not `city`) names them so as its own business ("… Tim Seleksi Calon Anggota KPU
 * Kabupaten/Kota").
 */
function bothLevels(tail: readonly string[]): boolean {
  if (tail.length < 2 || (tail.length > 2 && tail[2] !== "se")) return false;
  const [a, b] = tail;
  const regency = (w: string | undefined) => w === "kab" || w === "kabupaten";
  return (regency(a) && b === "kota") || (a === "kota" && regency(b));
}

/** Whether "Komisi Independen Pemilihan" (Aceh's KIP spelt out) ends at word `k`. */
function kipSpeltAt(ws: readonly { word: string }[], k: number): boolean {
  return (
    ws[k]!.word === "pemilihan" &&
    k >= 2 &&
    ws[k - 1]!.word === "independen" &&
    ws[k - 2]!.word === "komisi"
  );
}

/**
 * Whether word `k` names an election commission: "KPU"/"KPUD", or "Komisi Pemilihan Umum" ending
 * there; for an office in Aceh (`kip`) also "KIP" and "Komisi Independen Pemilihan".
 */
function commissionAt(
  ws: readonly { word: string }[],
  k: number,
  kip = false,
): "kpu" | "full" | "kip" | "kipFull" | null {
  const w = ws[k]!.word;
  if (w === "kpu" || w === "kpud") return "kpu";
  if (kip && w === "kip") return "kip";
  if (kip && kipSpeltAt(ws, k)) return "kipFull";
  // "Komisi Pemilihan Umum Daerah", KPUD spelt out (the offices' name until 2007): its place
  // follows "Daerah"; without one it is as unclear as "KPUD" alone, no KPU RI.
  if (w === "daerah")
    return k >= 1 && ws[k - 1]!.word === "umum" && fullAt(ws, k - 1) ? "kpu" : null;
  return w === "umum" && fullAt(ws, k) && ws[k + 1]?.word !== "daerah" ? "full" : null;
}

/** Whether "Komisi Pemilihan Umum" ends at word `k` (its "umum"). */
function fullAt(ws: readonly { word: string }[], k: number): boolean {
  return k >= 2 && ws[k - 1]!.word === "pemilihan" && ws[k - 2]!.word === "komisi";
}

/** The commission as a refusal shows it, as commissionAt read it. */
const COMMISSION_SHOWN = {
  kpu: "KPU",
  full: "KOMISI PEMILIHAN UMUM",
  kip: "KIP",
  kipFull: "KOMISI INDEPENDEN PEMILIHAN",
} as const;

/**
 * The words after word `k` that may name a commission's place (at most six): up to a keyword,
 * a number, or a word of this office's own vocabulary that is no place word.
 */
function placeAfter(ws: readonly { word: string }[], k: number, o: CompiledOffice): string[] {
  const tail: string[] = [];
  for (let t = k + 1; t < ws.length && tail.length < 6; t++) {
    const x = ws[t]!.word;
    if (PLACE_STOP.has(x) || isDigit(x.charCodeAt(0)) || (o.own.has(x) && !isPlaceWord(x, o)))
      break;
    tail.push(x);
  }
  return tail;
}

/**
 * Another office's place as the first words of a subject typed without "tentang" ("SK Ketua No 7
 * Th 2024 Kota Bekasi", "… Prov DKI", "… Jakarta Selatan", "… Surabaya"): as typed, the issuer's
 * place after the numbers, as with "KPU <place>" (otherKpuIn). Returns the place as the
 * rejection shows it, or null. Only the first words: further on a place is what the subject is
 * about. The caller calls this only when the subject's first word may start such a place
 * (mayStartPlace).
 */
export function otherPlaceFirst(subject: string, o: CompiledOffice): string | null {
  const ws = wordsFrom(subject.length > 80 ? subject.slice(0, 80) : subject, 0);
  const n = placeWordsFirst(ws, o);
  return n === 0 ? null : joinUpper(ws, n);
}

/**
 * Another office's place typed in front of the decree's name ("Kab Malang SK Ketua No 3 …",
 * "Surabaya - SK Ketua …", "Kota Bekasi Keputusan Ketua …"): as typed, the issuer's place, so
 * another office's decree. Returns the place as the rejection shows it, or null. Read by
 * otherPlaceFirst's words, and only when the decree's name (`phraseAt`, rules.ts: a jenis phrase
 * or its own word, sticky) follows the place: a subject typed first ("Penetapan DPT SK Ketua …")
 * is no place. Most heads start with no such word (mayStartPlace tells).
 */
export function otherPlaceInFront(
  head: string,
  phraseAt: RegExp,
  o: CompiledOffice,
): string | null {
  // The place is the name's first word: after a "(", "- " at most (an old-style number in front
  // is blanked, a run of spaces, and no place).
  let at = 0;
  while (at < 3 && at < head.length && !isWordChar(head.charCodeAt(at))) at++;
  if (!mayStartPlace(head, at)) return null;
  const ws = wordsFrom(head.length > 80 ? head.slice(0, 80) : head, at);
  const n = placeWordsFirst(ws, o);
  if (n === 0 || n >= ws.length) return null;
  let next = ws[n - 1]!.end;
  while (next < head.length && !isWordChar(head.charCodeAt(next))) next++;
  phraseAt.lastIndex = next;
  return phraseAt.test(head) ? joinUpper(ws, n) : null;
}

/**
 * Another office's place typed right before the decree's name, after words of a subject typed
 * first ("Penetapan DPT Surabaya SK Ketua No 3 …", "Rapat Kab Malang SK Ketua …"): as the
 * issuer's place in front of the name (otherPlaceInFront) and as another institution named
 * after a subject typed first ("Pembentukan PPK SK Ketua …", readOffice): the decree of that
 * place's office, or this office's with its subject typed first, so refused with both ways out
 * (foreignAt). Only the place's words right before the name are read: further back ("Bandung
 * Raya Fest SK Ketua …") a place is the subject's. `phraseAt` is rules.ts's (sticky). Most heads
 * start with the decree's name, which the first test tells.
 */
export function otherPlaceBeforeName(
  head: string,
  phraseAt: RegExp,
  o: CompiledOffice,
): ParseRejected | null {
  let at = 0;
  while (at < head.length && !isWordChar(head.charCodeAt(at))) at++;
  phraseAt.lastIndex = at;
  if (at >= head.length || phraseAt.test(head)) return null;
  const ws = wordsFrom(head.length > 120 ? head.slice(0, 120) : head, at);
  // The decree's name: the first word that starts a jenis phrase, before any number.
  let k = 1;
  for (; k < ws.length; k++) {
    const w = ws[k]!;
    if (isDigit(w.word.charCodeAt(0))) return null;
    phraseAt.lastIndex = w.end - w.word.length;
    if (phraseAt.test(head)) break;
  }
  // The first word is otherPlaceInFront's; a place needs a word of a subject before it.
  if (k < 2 || k === ws.length) return null;
  for (let j = Math.max(1, k - 4); j < k; j++) {
    if (!mayStartPlace(head, ws[j]!.end - ws[j]!.word.length)) continue;
    const place = ws.slice(j, k);
    if (placeWordsFirst(place, o) === place.length) {
      return foreignAt(ws, j, k - 1, place.map((w) => w.word).join(" "), o);
    }
  }
  return null;
}

/** The first `n` words of `ws`, upper-case, joined by spaces. */
function joinUpper(ws: readonly { word: string }[], n: number): string {
  let out = ws[0]!.word;
  for (let k = 1; k < n; k++) out += ` ${ws[k]!.word}`;
  return out.toUpperCase();
}

/**
 * How many of the first words of `ws` name another office's place, or a body that issues
 * decrees with its place (0 when they do not): a level word and the place after it, a place of
 * places-id.ts typed bare, one of DKI Jakarta's other offices, a body with its place.
 */
function placeWordsFirst(ws: readonly { word: string }[], o: CompiledOffice): number {
  if (ws.length === 0) return 0;
  const w0 = ws[0]!.word;
  if (PLACE_LEVEL.has(w0)) {
    const tail = [w0, ...placeAfter(ws, 0, o).slice(0, 3)];
    // "Kabupaten/Kota" (both levels, as subjects name KPU's regency and city offices) is no place.
    const t1 = tail[1];
    // "DKI" (since 2024 "DKJ") alone is a province's name as well as its level word ("DKI SK
    // Ketua …"): KPU Provinsi DKI Jakarta, unless this office is that province.
    if (t1 === undefined && (w0 === "dki" || w0 === "dkj")) return ownProvinceDki(o) ? 0 : 1;
    if (t1 === undefined || t1 === "kota" || t1 === "kab" || t1 === "kabupaten") return 0;
    if (startsWithOwnPlace(tail, 0, o)) return 0;
    if (startsWithOwnPlace(tail, 1, o)) return 0;
    return tail.length;
  }
  // A body that issues decrees with its place or "KPU" after it ("… Th 2024 Bawaslu Jakut", "…
  // Setjen KPU"): its decree as typed; the body alone ("… (Bawaslu)") stays the subject.
  if (ISSUER_BODIES.has(w0) && o.foreignWords.has(w0) && ws.length > 1) {
    const w1 = ws[1]!.word;
    if (
      w1 === "kpu" ||
      o.placeWords.has(w1) ||
      DKI_PLACES.includes(w1) ||
      o.places.some((p) => p[0] === w1)
    ) {
      return 2;
    }
  }
  if (o.foreignWords.has(w0) && DKI_PLACES.includes(w0)) return 1;
  if (ws.length > 1) {
    const pair = `${w0} ${ws[1]!.word}`;
    if (o.foreignPairs.has(pair) && DKI_PLACES.includes(pair)) return 2;
  }
  // Last: "Jakarta" (for an office outside DKI) is no stop before "Jakarta Selatan".
  return barePlaceFirst(ws, o.ownPlaceWords);
}

/**
 * Whether this office is DKI Jakarta's province: a configured place whose first word after a
 * province's level word is "DKI" or "DKJ" ("DKI Jakarta", "Provinsi DKI Jakarta", "DKJ"). A city of DKI spells
 * its city first ("Kota Jakarta Utara Provinsi DKI Jakarta"), and is not.
 */
function ownProvinceDki(o: CompiledOffice): boolean {
  return o.places.some((p) => {
    let k = 0;
    while (k < p.length - 1 && (p[k] === "provinsi" || p[k] === "prov" || p[k] === "propinsi")) k++;
    return p[k] === "dki" || p[k] === "dkj";
  });
}

/**
 * The first institution other than this office that `text` (a whole folded name) names
 * anywhere: a foreign word or pair, or "KPU" / "Komisi Pemilihan Umum" with another place or
 * none. As the rejection shows it, or null. For a name refused for naming no jenis, whose
 * advice must not be only "add 'SK Ketua'" when it may be that institution's decree.
 */
export function institutionNamed(text: string, o: CompiledOffice): string | null {
  const ws = wordsFrom(text, 0);
  for (let k = 0; k < ws.length; k++) {
    const named = namedAt(ws, k, o);
    if (named === null) continue;
    if (named.commission === null) return named.words.toUpperCase();
    const name = COMMISSION_SHOWN[named.commission];
    return named.verdict === "bare" ? name : `${name} ${named.verdict.toUpperCase()}`;
  }
  return null;
}

/**
 * Words that say where a document came from or whose it is: "dari Bawaslu", "kiriman Pemprov",
 * "milik KPU Jaksel", "from …".
 */
export const ORIGIN = new Set(["dari", "dr", "kiriman", "from", "asal", "oleh", "milik", "punya"]);
/** ORIGIN by its first two letters' codes (a << 8 | b): no two of its words share them. */
const ORIGIN_AT = new Map([...ORIGIN].map((w) => [(w.charCodeAt(0) << 8) | w.charCodeAt(1), w]));

/** Where an ORIGIN word that starts at `i` of `folded` ends, or -1. */
export function originEnd(folded: string, i: number): number {
  const w = ORIGIN_AT.get((folded.charCodeAt(i) << 8) | folded.charCodeAt(i + 1));
  if (w === undefined || !folded.startsWith(w, i)) return -1;
  const end = i + w.length;
  return isWordChar(folded.charCodeAt(end)) ? -1 : end;
}

/**
 * Another body named as where the document came from, first in a subject typed without
 * "tentang" ("SK Ketua No 3 Th 2024 dari Bawaslu", "… (kiriman Pemprov DKI)"): as typed, the
 * issuer, not a subject. Returns the body as the rejection shows it, or null. Only the
 * subject's first word is looked at: further on ("Penerimaan Data dari Bawaslu") it is the
 * subject's. A KPU office after it is otherKpuIn's.
 */
export function originFirst(subject: string, o: CompiledOffice): string | null {
  const ws = wordsFrom(subject.length > 80 ? subject.slice(0, 80) : subject, 0);
  if (ws.length < 2 || !ORIGIN.has(ws[0]!.word)) return null;
  const w1 = ws[1]!.word;
  if (o.foreignWords.has(w1)) return `${ws[0]!.word} ${w1}`.toUpperCase();
  const pair = ws.length > 2 ? `${w1} ${ws[2]!.word}` : "";
  if (pair && o.foreignPairs.has(pair)) return `${ws[0]!.word} ${pair}`.toUpperCase();
  return null;
}

/**
 * The rejection for a foreign institution named by words `from`…`to`. A name that starts with
 * free words and names the decree only after the institution ("Pembentukan PPK SK Ketua No 5 …")
 * may be this office's decree with its subject typed first: it is refused all the same, but the
 * clerk is told both ways out instead of being sent to move an own decree out of the archive.
 */
function foreignAt(
  ws: readonly { word: string }[],
  from: number,
  to: number,
  words: string,
  o: CompiledOffice,
): ParseRejected {
  if (from > 0) {
    let free = true;
    for (let t = 0; t < from && free; t++) {
      const x = ws[t]!.word;
      // An attachment's number ("Lampiran 1 Daftar PPK SK Ketua …") is free, as "Lampiran I" is.
      free =
        !o.own.has(x) &&
        !o.foreignWords.has(x) &&
        (!isDigit(x.charCodeAt(0)) || lampiranBefore(ws, t));
    }
    if (free) {
      for (let t = to + 1; t < ws.length; t++) {
        if (o.decreeWords.has(ws[t]!.word)) return reject("OFFICE_IN_SUBJECT", words.toUpperCase());
      }
    }
  }
  return reject("OTHER_OFFICE", words.toUpperCase());
}

/** Whether word `t` of `ws` follows "Lampiran" / "Lamp" (and "ke"): an attachment's number. */
function lampiranBefore(ws: readonly { word: string }[], t: number): boolean {
  let k = t - 1;
  if (k > 0 && ws[k]!.word === "ke") k--;
  const w = k >= 0 ? ws[k]!.word : "";
  return w === "lampiran" || w === "lamp";
}

function isPlaceWord(word: string, o: CompiledOffice): boolean {
  return o.placeWords.has(word);
}

/**
 * "own", "bare" (no place), or the foreign place as typed. This office's place is its own
 * wherever it ends (own-place.ts): alone, before its province ("KPU Kota Jakarta Utara Provinsi
 * DKI Jakarta": a city or regency names one office whatever province is typed after it; a
 * province typed first stays another office's), or before a word that is no place's ("KPU Kota
 * Jakarta Utara Penetapan DCT Nomor 5 …": the words after it are read as any words before the
 * number, issuer.ts).
 */
function placeVerdict(tail: readonly string[], o: CompiledOffice): string {
  if (tail.length === 0) return "bare";
  if (ownPlaceLength(tail, o.places) > 0 || ownPlaceThenProvince(tail, o)) return "own";
  // This office's place typed without its spaces ("KPU_KepMeranti", "KPU Kotabatu").
  const glued = tail.length <= 2 ? tail.join("") : null;
  if (glued !== null && o.places.some((p) => p.length > tail.length && p.join("") === glued)) {
    return "own";
  }
  // "KPU Kota" alone names this office's level without its city: unclear, not foreign.
  if (ownLevelAlone(tail, o)) return "bare";
  return tail.join(" ");
}

/**
 * Whether `tail` is one level word that starts a place of this office's ("Kota" for KPU Kota
 * Jakarta Utara, "Kab" for KPU Kab Bandung): the office's level without its place. "Kot" is
 * "Kota" as old-style numbers print it ("…/KPU-Kot/II/2021", the city offices' marker).
 */
function ownLevelAlone(tail: readonly string[], o: CompiledOffice): boolean {
  const w = tail[0] === "kot" ? "kota" : tail[0]!;
  return tail.length === 1 && LEVEL.has(w) && o.places.some((p) => p.length > 1 && p[0] === w);
}

/**
 * Whether the word `w` that starts at `at` in `head` is a province's level word right after a
 * word of this office's place or another such word ("… Jakarta Utara Provinsi DKI …"), or a
 * word of a province's name spelt out after one ("… Provinsi Daerah Khusus Jakarta"): the full
 * title's province, which issuer.ts lets stand between the decree's name and its number.
 */
export function provinceAfterOwnPlace(
  head: string,
  at: number,
  w: string,
  o: CompiledOffice,
): boolean {
  const start = PROVINCE_START.has(w);
  if (!start && !PROVINCE_WORDS.has(w)) return ownProvinceNameAt(head, at, w, o);
  let e = at;
  while (e > 0 && !isWordChar(head.charCodeAt(e - 1))) e--;
  let b = e;
  while (b > 0 && isWordChar(head.charCodeAt(b - 1))) b--;
  const prev = head.slice(b, e);
  return PROVINCE_WORDS.has(prev) || (start && o.ownPlaceWords.has(prev));
}

/**
 * Whether `tail` (the words after "KPU") is one of this office's places, then its province's
 * name whole, a province's level word before it or not ("Kab Banjar Kalsel", "Kab Banjar Prov
 * Kalimantan Selatan" for KPU Kabupaten Banjar): this office, as the full title names it. Known
 * only by a region code; a province's name after the place is another's otherwise.
 */
function ownPlaceThenProvince(tail: readonly string[], o: CompiledOffice): boolean {
  for (const p of o.places) {
    if (p.length >= tail.length || !p.every((w, i) => tail[i] === w)) continue;
    let k = p.length;
    while (k < tail.length - 1 && PROVINCE_LEVEL.has(tail[k]!)) k++;
    if (o.provinces.includes(tail.slice(k).join(" "))) return true;
  }
  return false;
}

/**
 * Whether the word `w` at `at` in `head` is a word of this office's province's name typed whole
 * right after one of its place's words or a province's word ("SK KPU Kab Banjar Kalsel No 46",
 * "… Banjar Prov Kalimantan Selatan No 47"): the full title's province, as provinceAfterOwnPlace
 * reads "DKI Jakarta". Known only by a region code.
 */
function ownProvinceNameAt(head: string, at: number, w: string, o: CompiledOffice): boolean {
  const names = o.provinces;
  if (names.length === 0) return false;
  const ws = wordsFrom(head, 0);
  const t = ws.findIndex((x) => x.end - x.word.length === at);
  if (t < 0) return false;
  for (const name of names) {
    const nw = name.split(" ");
    for (let j = 0; j < nw.length; j++) {
      const s = t - j;
      if (nw[j] !== w || s < 1 || s + nw.length > ws.length) continue;
      if (!nw.every((x, i) => ws[s + i]!.word === x)) continue;
      const before = ws[s - 1]!.word;
      if (PROVINCE_WORDS.has(before) || o.ownPlaceWords.has(before)) return true;
    }
  }
  return false;
}

/**
 * Why an old-style number's office is not this office, or null. `region` is a Style-B region
 * code (…/3172/KPU-Kot/…), `code` a Style-C office code (…/KPU-Kota-012.329521/…).
 */
export function checkOldOffice(
  o: CompiledOffice,
  region: string | null,
  code: string | null,
): ParseRejected | null {
  if (region !== null && o.regionCodes.size > 0 && !o.regionCodes.has(region)) {
    return reject("OTHER_OFFICE_CODE", region);
  }
  if (code !== null && !o.oldCodes.has(code) && !o.oldCodes.has(withDotsOf(code, o))) {
    return reject("OTHER_OFFICE_CODE", code);
  }
  return null;
}

/**
 * `code` typed without its dots ("011327622"), spelt as the configured code of the same digits
 * ("011.327622"), else itself: the dots only group the digits.
 */
function withDotsOf(code: string, o: CompiledOffice): string {
  if (code.includes(".")) return code;
  for (const c of o.oldCodes) if (c.replace(/\./g, "") === code) return c;
  return code;
}
