/**
 * Whose area a place in a subject is (body-place.ts): DKI Jakarta's districts and villages by
 * city, Indonesia's districts and villages by their city or regency (districts-id.ts, for an
 * office outside DKI), the places known by name, this office's province (by its region code)
 * and level (a city's or a regency's, or a province's). Pure but for districts-id.ts's one read
 * of each of its tables.
 */

import {
  districtNamed,
  isRegencyName,
  type NamedDistrict,
  regencyName,
  villageNamed,
} from "./districts-id.js";
import { DKI_DISTRICTS } from "./dki-districts.js";
import { DKI_BY_FIRST, NOT_A_NAME, nearDkiName } from "./dki-names.js";
import { MONTH_NAMES } from "./months.js";
import { type CompiledOffice, otherPlaceFirst } from "./office.js";
import {
  DKI_PLACES,
  INSTITUTION_WORDS,
  MAYOR_ELECTION,
  PLACE_LEVEL,
  PROVINCE_LEVEL,
  REGENT_ELECTION,
} from "./office-words.js";
import { PROVINCE_START } from "./own-place.js";
import { mayStartPlace } from "./place-start.js";
import { PLACES_ID, PLACES_LEFT_OUT, PROVINCE_NAMES } from "./places-id.js";
import { wordsFrom } from "./text.js";

/**
 * A district's or a village's level word: ad hoc bodies are formed per district and village.
 * Papua's districts are "distrik", Aceh's villages "gampong".
 */
export const DISTRICT = new Set([
  "kecamatan",
  "kec",
  "kelurahan",
  "kel",
  "desa",
  "distrik",
  "gampong",
]);
/** The level words no place in DKI Jakarta carries (its villages are kelurahan). */
const NOT_IN_DKI = new Set(["desa", "distrik", "gampong"]);
/**
 * For an office outside DKI with a region code, the district or village named after the level
 * word `ws[0]` in Indonesia's tables (districts-id.ts): as shown, with its city or regency, when
 * none of that name lies in this office's area (its codes; a province's office: its province's);
 * null when one does; undefined for a name the table does not hold (or an office in DKI, whose
 * districts dki-districts.ts lists, or one without a region code).
 */
function nationalDistrict(
  ws: readonly { word: string }[],
  o: CompiledOffice,
): string | null | undefined {
  if (o.regionCodes.size === 0 || inDki(o) || ws.length < 2) return undefined;
  const level = ws[0]!.word;
  const district = level === "kec" || level === "kecamatan";
  if (level === "distrik") return undefined;
  // A word that names no place after the level word ("Kecamatan se-…", "Kecamatan Kota Bekasi"),
  // unless it starts a name of this office's own area ("Kecamatan Kota Timur" of Kota
  // Gorontalo): that one is its own.
  if (NOT_A_NAME.has(ws[1]!.word)) {
    const own = ownDistrict(ws, district ? districtNamed : villageNamed, o);
    return own !== undefined && !namesKnownPlace(joinWords(ws, 1), o) ? null : undefined;
  }
  // A village's district named after it decides ("Kel Nagasari Kec Karawang Barat": Karawang's,
  // though Kabupaten Bekasi has a Nagasari too).
  for (let k = 2; !district && k <= DISTRICT_WORDS + 1 && k < ws.length - 1; k++) {
    if (ws[k]!.word !== "kecamatan" && ws[k]!.word !== "kec") continue;
    const byDistrict = nationalDistrict(ws.slice(k), o);
    if (byDistrict !== undefined) return byDistrict;
    break;
  }
  const named = district ? districtNamed : villageNamed;
  const d = named(ws, 1);
  // A one-word name that is a common word too ("Desa Perbatasan": border villages; "Desa
  // Mandiri") says nothing of whose village it is.
  if (d === undefined || (d.words === 1 && DESCRIBING_WORDS.has(d.name))) return undefined;
  const isOwn = (n: NamedDistrict) => inOwnArea(n, o);
  if (isOwn(d)) return null;
  // A name typed longer than the table writes it ("Kel Kampung Sewu": Surakarta's Sewu, not
  // Gunungkidul's Kampung): one of this office's own later among the words is its own.
  for (let k = 2; k <= DISTRICT_WORDS && k < ws.length; k++) {
    const later = named(ws, k);
    if (later !== undefined && isOwn(later)) return null;
  }
  // Shown with its area, one in this office's province first ("Ciledug": Kota Tangerang's for
  // KPU Kabupaten Tangerang, though Kabupaten Cirebon has one too).
  const near = d.codes.find((code) =>
    [...o.regionCodes].some((c) => code.startsWith(c.slice(0, 2))),
  );
  const shown = district ? "kecamatan" : level === "kel" ? "kelurahan" : level;
  return `${shown} ${d.name} (${regencyName(near ?? d.codes[0]!)})`.toUpperCase();
}

/**
 * Whether the district or village `d` lies in this office's area: by its region codes, or by the
 * name of its city or regency, which one of this office's names spells ("Kota Medan", when the
 * code configured is another list's).
 */
function inOwnArea(d: NamedDistrict, o: CompiledOffice): boolean {
  return d.codes.some(
    (code) =>
      [...o.regionCodes].some((c) => code.startsWith(c)) ||
      o.places.some((p) => p.join(" ") === regencyName(code).toLowerCase()),
  );
}

/**
 * For an office outside DKI with a region code, whose area the words right after an ad hoc body
 * at `at` in `folded` name, read in Indonesia's tables: "own" for a district or a village of this
 * office's area ("PPS Kota Selatan", "PPK Medan Baru": the office's own kecamatan), unless another
 * city or regency is named right after it ("PPK Cibinong Kabupaten Bogor", "PPK Leles Garut":
 * that one's, as shown); another area's district as shown with its city or regency
 * ("Pemberhentian PPK Percut Sei Tuan": Deli Serdang's, for KPU Kota Medan); undefined for none,
 * or for words that name a city, a regency or a province known by name, which the place readers
 * read ("PPS Wajo": Kabupaten Wajo's, though Makassar has a Wajo too). Another area's district of
 * one word is read only when that word is no ordinary word of a subject (ordinaryAfterBody).
 * `kecamatanBody`: the body is a district's (PPK), never a village's.
 */
export function bodyArea(
  folded: string,
  at: number,
  o: CompiledOffice,
  kecamatanBody = false,
): string | undefined {
  if (o.regionCodes.size === 0 || inDki(o)) return undefined;
  const ws = [{ word: "" }, ...wordsNear(folded, at)];
  if (ws.length < 2) return undefined;
  const ownKecamatan = ownDistrict(ws, districtNamed, o);
  const ownVillage = ownKecamatan === undefined ? ownDistrict(ws, villageNamed, o) : undefined;
  // A PPK is a district's body: a name that is one of this office's villages only but another
  // area's district of as many words is that district ("PPK Labuhan Deli": Deli Serdang's
  // kecamatan, though a kelurahan of Medan bears its name).
  if (kecamatanBody && ownVillage !== undefined) {
    const d = districtNamed(ws, 1);
    if (d !== undefined && d.words >= ownVillage.words) {
      const other = nationalDistrict([{ word: "kecamatan" }, ...ws.slice(1)], o);
      if (other) return other;
    }
  }
  const own = ownKecamatan ?? ownVillage;
  const place = knownPlace(joinWords(ws, 1), o);
  // A place known by name wins over this office's district of as many words or fewer ("PPS
  // Wajo": Kabupaten Wajo's); this office's district of more words wins over it ("PPK Serang
  // Baru" of Kabupaten Bekasi, not Serang's).
  if (place !== null && (own === undefined || own.words <= place.split(" ").length)) {
    return undefined;
  }
  if (own !== undefined) {
    // Another of this office's districts or villages after it ("PPK Cibarusah Serang Baru …"
    // of Kabupaten Bekasi, though Serang is a regency too) is a list of its own.
    const next = [{ word: "" }, ...ws.slice(1 + own.words)];
    if (ownDistrict(next, districtNamed, o) ?? ownDistrict(next, villageNamed, o)) return "own";
    const rest = joinWords(ws, 1 + own.words);
    if (!namesKnownPlace(rest, o)) return "own";
    return `${own.name} ${otherPlaceFirst(rest, o)!}`.toUpperCase();
  }
  const d = districtNamed(ws, 1);
  if (d === undefined || (d.words === 1 && ordinaryAfterBody(ws[1]!.word))) return undefined;
  return nationalDistrict([{ word: "kecamatan" }, ...ws.slice(1)], o) ?? undefined;
}

/** The district or village (`named`) the words of `ws` from index 1 name in this office's area. */
function ownDistrict(
  ws: readonly { word: string }[],
  named: (ws: readonly { word: string }[], from: number) => NamedDistrict | undefined,
  o: CompiledOffice,
): NamedDistrict | undefined {
  const d = named(ws, 1);
  return d !== undefined && inOwnArea(d, o) ? d : undefined;
}

/**
 * Whether `w`, one word after an ad hoc body, is as likely an ordinary word of a subject as a
 * district's name: shorter than five letters, a word that names no place after a level word
 * (NOT_A_NAME), a describing word, a month ("Honor PPS Juli 2024"; Juli is a kecamatan of
 * Bireuen too).
 */
function ordinaryAfterBody(w: string): boolean {
  return w.length < 5 || NOT_A_NAME.has(w) || DESCRIBING_WORDS.has(w) || MONTH_NAMES.includes(w);
}

/**
 * Whether `text` (folded words) starts with another office's place known by name (office.ts
 * otherPlaceFirst, isKnownPlace): "kota bekasi", "wajo", not "kota selatan".
 */
function namesKnownPlace(text: string, o: CompiledOffice): boolean {
  return knownPlace(text, o) !== null;
}

/** The place namesKnownPlace finds first in `text`, as shown, or null. */
function knownPlace(text: string, o: CompiledOffice): string | null {
  if (!mayStartPlace(text, 0)) return null;
  const place = otherPlaceFirst(text, o);
  return place !== null && isKnownPlace(place) ? place : null;
}

/** The words of `ws` from index `from`, joined by single spaces. */
function joinWords(ws: readonly { word: string }[], from: number): string {
  return ws
    .slice(from)
    .map((w) => w.word)
    .join(" ");
}

/**
 * Words that name a district or a village somewhere but, after "Desa"/"Kelurahan"/"Kecamatan",
 * mostly describe it: its kind, its place, its state.
 */
const DESCRIBING_WORDS: ReadonlySet<string> = new Set([
  "masing",
  "tengah",
  "utara",
  "selatan",
  "barat",
  "timur",
  "mandiri",
  "makmur",
  "jaya",
  "sejahtera",
  "pesisir",
  "perbatasan",
  "tertinggal",
  "terpencil",
  "terdampak",
  "setempat",
  "tersebut",
  "lainnya",
  "sekitar",
  "induk",
  "persiapan",
  "pemekaran",
  "binaan",
  "percontohan",
  "wisata",
]);

/** At most this many words of a district's or a village's name are read past to its city. */
const DISTRICT_WORDS = 4;

/**
 * Another office's place of the district or village whose level word is at `at` in `folded`
 * ("PPK Kecamatan Bekasi Utara", "PPS Kelurahan Harapan Jaya Kota Bekasi"): its name when that
 * starts with another office's place, else the city or regency named after it; null for none.
 */
export function districtPlace(folded: string, at: number, o: CompiledOffice): string | null {
  const ws = wordsNear(folded, at);
  // DKI Jakarta has kelurahan, no desa (nor Papua's distrik): a desa is another province's.
  if (NOT_IN_DKI.has(ws[0]!.word) && inDki(o)) {
    return ws[0]!.word.toUpperCase();
  }
  // An office outside DKI: a district or a village named by its level word, read in the
  // national tables.
  const national = nationalDistrict(ws, o);
  if (national !== undefined) return national;
  const dki = dkiDistrict(ws, o);
  // A village's district named after it ("Kelurahan Kalibaru Kecamatan Cilodong"): the
  // district's place decides, read as any district's.
  for (let k = 2; k <= DISTRICT_WORDS + 1 && k < ws.length - 1; k++) {
    if (ws[k]!.word !== "kecamatan" && ws[k]!.word !== "kec") continue;
    const start = ws[k]!.end - ws[k]!.word.length;
    const district = districtPlace(folded, start, o);
    if (district !== null) return district;
    // Another kecamatan than any of DKI's, after this office's DKI village: not its village.
    if (dki === null && dkiDistrict(ws.slice(k), o) === undefined && inDki(o)) {
      return `KECAMATAN ${ws[k + 1]!.word.toUpperCase()}`;
    }
    break;
  }
  if (dki !== undefined) return dki;
  for (let k = 1; k <= DISTRICT_WORDS && k < ws.length; k++) {
    const w = ws[k]!;
    if (k > 1 && !PLACE_LEVEL.has(w.word)) continue;
    const start = w.end - w.word.length;
    if (!mayStartPlace(folded, start)) continue;
    const place = otherPlaceFirst(folded.slice(start), o);
    if (place !== null) return place;
    if (k > 1) return null;
  }
  return outsideDki(ws, o);
}

/**
 * For an office in DKI Jakarta, a kecamatan or kelurahan named after the level word `ws[0]` that
 * is none of DKI's ("PPK Kecamatan Tembalang", "PPS Kelurahan Gubeng"): every district and village
 * in DKI is listed, so this one is another province's. Its level and first word as shown; null
 * when the word is no name ("PPK Kecamatan se-Kota …", "PPS Kelurahan pada Pemilu …"), starts
 * a DKI name ("Kelurahan Tugu" of Tugu Utara) or is one typed with a slip ("Kelapagading",
 * "Penjaringn", "Tj Priok").
 */
function outsideDki(ws: readonly { word: string }[], o: CompiledOffice): string | null {
  const level = ws[0]!.word;
  const name = ws[1]?.word;
  if (name === undefined || !inDki(o) || NOT_IN_DKI.has(level)) return null;
  if (NOT_A_NAME.has(name) || /^[0-9]|^se[a-z]/.test(name) || DKI_BY_FIRST.has(name)) return null;
  const near = nearDkiName(ws);
  if (near !== undefined) {
    // A slip in this office's own name wins over one in another city's.
    if (near.some((e) => areaOf(o).cities.has(e.city))) return null;
    return `${near[0]!.words.join(" ")} (${near[0]!.city})`.toUpperCase();
  }
  const shown = level === "kec" ? "kecamatan" : level === "kel" ? "kelurahan" : level;
  return `${shown} ${name}`.toUpperCase();
}

/** The words of `folded` from `at`, within the next 120 characters (a place is near). */
export function wordsNear(folded: string, at: number): { word: string; end: number }[] {
  return wordsFrom(folded.length - at > 120 ? folded.slice(0, at + 120) : folded, at);
}

/**
 * What this office's configuration says of its area, derived once per compiled office: the DKI
 * cities its names spell, whether its province is DKI Jakarta, and its level. Its province's
 * names and whether it is a city's or a regency's office are office.ts CompiledOffice's.
 */
interface OfficeArea {
  cities: ReadonlySet<string>;
  inDki: boolean;
  /** A regency's or a city's, from its names' level words; null when they say neither, or both. */
  level: "regency" | "city" | null;
}
const AREAS = new WeakMap<CompiledOffice, OfficeArea>();

function areaOf(o: CompiledOffice): OfficeArea {
  let a = AREAS.get(o);
  if (a === undefined) {
    const names = o.places.map((p) => ` ${p.join(" ")} `);
    const codes = [...o.regionCodes].map((c) => c.slice(0, 2));
    a = {
      cities: new Set(
        Object.keys(DKI_DISTRICTS).filter((c) => names.some((n) => n.includes(` ${c} `))),
      ),
      inDki: codes.includes(DKI_CODE),
      level: levelOf(o.places),
    };
    AREAS.set(o, a);
  }
  return a;
}

/** A regency's or a city's office, from its names' level words ("kabupaten …", "kota …"). */
function levelOf(places: readonly string[][]): "regency" | "city" | null {
  const regency = places.some((p) => REGENCY_WORDS.has(p[0]!));
  const city = places.some((p) => CITY_WORDS.has(p[0]!));
  return regency === city ? null : regency ? "regency" : "city";
}
const REGENCY_WORDS: ReadonlySet<string> = new Set(["kabupaten", "kab"]);
const CITY_WORDS: ReadonlySet<string> = new Set(["kota", "kotamadya", "kodya"]);

/** Whether this office is a regency's or a city's (null: its names say neither, or both). */
export function officeLevel(o: CompiledOffice): "regency" | "city" | null {
  return areaOf(o).level;
}

/**
 * Whether `named`, this office's "KPU <place>" as a head typed it (folded), names the office by
 * a place alone that an office of another level shares: "KPU Bogor" of KPU Kota Bogor, beside
 * KPU Kabupaten Bogor ("KPU Bekasi", "KPU Tangerang", a province's "KPU Bengkulu" beside Kota
 * Bengkulu). Such a head does not tell which of them issued the decree: a subject that names the
 * other's business (its district, its regent's election) is refused as after a head that names
 * no office (lenient.ts). A name with its level word ("KPU Kota Bogor") is this office's.
 */
export function sharedPlaceOnly(named: string, o: CompiledOffice): boolean {
  let byName = SHARED.get(o);
  if (byName === undefined) {
    byName = new Map();
    SHARED.set(o, byName);
  }
  let shared = byName.get(named);
  if (shared === undefined) {
    const words = named.split(/[^a-z0-9]+/).filter((w) => w !== "" && !INSTITUTION_WORDS.has(w));
    const place = words.join(" ");
    shared =
      words.length > 0 &&
      !words.some((w) => NAME_LEVEL_WORDS.has(w)) &&
      otherLevels(o).some((l) => isRegencyName(`${l} ${place}`));
    byName.set(named, shared);
  }
  return shared;
}
const SHARED = new WeakMap<CompiledOffice, Map<string, boolean>>();

/**
 * The level words (regencies.csv's) of the offices of other levels that may share this office's
 * place name: a city's office, a regency's; a regency's, a city's; a province's, both. None when
 * its names do not say its level.
 */
function otherLevels(o: CompiledOffice): readonly string[] {
  const level = areaOf(o).level;
  if (level === "city") return ["kabupaten"];
  if (level === "regency") return ["kota"];
  return o.city ? [] : ["kota", "kabupaten"];
}

/** DKI Jakarta's province code. */
const DKI_CODE = "31";

/** Whether this office's region code is DKI Jakarta's. */
export function inDki(o: CompiledOffice): boolean {
  return areaOf(o).inDki;
}

/**
 * The DKI district or village named after the level word `ws[0]` (DKI_DISTRICTS, the longest
 * name): as shown, with its city, when another office forms its bodies; null when this office
 * does (its city's, or any for the province's office); undefined when the words name none or
 * this office is outside DKI.
 */
export function dkiDistrict(
  ws: readonly { word: string }[],
  o: CompiledOffice,
): string | null | undefined {
  // An office outside DKI knows none of its own districts by name here, and DKI's names recur
  // in other regions' ("Kel Dukuh Pakis", Surabaya's; "Menteng", Bogor's too).
  if (!areaOf(o).inDki) return undefined;
  const list = ws.length > 1 ? DKI_BY_FIRST.get(ws[1]!.word) : undefined;
  let d = list?.find((e) => e.words.every((w, i) => ws[1 + i]?.word === w));
  // A one-word name typed as two ("Kel Jati Pulo": Palmerah's Jatipulo, not Pulo Gadung's Jati)
  // is read over a name of its first word alone.
  if ((d === undefined || d.words.length === 1) && ws.length > 2) {
    const joined = DKI_BY_FIRST.get(ws[1]!.word + ws[2]!.word)?.find((e) => e.words.length === 1);
    if (joined !== undefined) d = joined;
  }
  if (d === undefined) return undefined;
  // The province's office: every district of DKI is its area.
  if (!o.city) return null;
  return areaOf(o).cities.has(d.city) ? null : `${d.words.join(" ")} (${d.city})`.toUpperCase();
}

/**
 * Whether `shown`, dkiDistrict's other city's district or village ("KAMAL (JAKARTA BARAT)"), may
 * be one of this office's own names cut short: an own city's DKI name starts with its words
 * ("Kamal" of Kamal Muara). Null when `shown` is no such DKI name.
 */
export function ownDkiNameCut(shown: string, o: CompiledOffice): boolean | null {
  const open = shown.indexOf(" (");
  if (open < 0 || !shown.endsWith(")") || !areaOf(o).inDki) return null;
  const words = shown.slice(0, open).toLowerCase().split(" ");
  const city = shown.slice(open + 2, -1).toLowerCase();
  if (!(city in DKI_DISTRICTS)) return null;
  for (const own of areaOf(o).cities) {
    for (const name of DKI_DISTRICTS[own]!) {
      const ws = name.split(" ");
      if (ws.length >= words.length && words.every((w, i) => ws[i] === w)) return true;
    }
  }
  return false;
}

/** Every place by name (places-id.ts, DKI Jakarta's), folded words joined by spaces. */
const KNOWN_PLACES: ReadonlySet<string> = new Set([
  ...PLACES_ID,
  ...PLACES_LEFT_OUT,
  ...DKI_PLACES,
]);
/** Words before a place's name: its level ("Kota", "Kab. Adm."). */
const BEFORE_NAME = new Set([...PLACE_LEVEL, "adm", "administrasi"]);
/** Words that say an office's level in its name ("kota", "kab.", "prov", "adm.", "kt"). */
const NAME_LEVEL_WORDS: ReadonlySet<string> = new Set([...BEFORE_NAME, ...CITY_WORDS, "kot", "kt"]);

/**
 * Whether `place` (as otherPlaceFirst shows it) names a place known by name: after a level word
 * otherPlaceFirst takes any words ("Tingkat Kota (Model D Hasil)" reads "KOTA MODEL D"), and
 * here only a real city's, regency's or province's name is another office's area.
 */
export function isKnownPlace(place: string): boolean {
  const ws = place.toLowerCase().split(" ");
  let k = 0;
  while (k < ws.length - 1 && BEFORE_NAME.has(ws[k]!)) k++;
  if (k === 0) return true;
  for (let n = ws.length; n > k; n--) if (KNOWN_PLACES.has(ws.slice(k, n).join(" "))) return true;
  return false;
}

/** Whether this office is a city's or a regency's: no configured name starts with a province's. */
export function cityOffice(o: CompiledOffice): boolean {
  return o.city;
}

/**
 * Whether `place` (a province, as otherPlaceFirst shows it) is this office's province, by its
 * region codes' first two digits; with no region code configured, every province may be.
 */
export function isOwnProvince(place: string, o: CompiledOffice): boolean {
  return ownProvinceWords(place, o) > 0;
}

/**
 * How many of the first words of `place` (as otherPlaceFirst shows it) name this office's
 * province, its level word with them ("DKJ JAKBAR": 1); 0 when they do not. With no region code
 * configured, every province may be this office's: all its words.
 */
export function ownProvinceWords(place: string, o: CompiledOffice): number {
  const own = o.provinces;
  const ws = place.toLowerCase().split(" ");
  if (own.length === 0) return ws.length;
  let k = 0;
  while (k < ws.length - 1 && PROVINCE_LEVEL.has(ws[k]!)) k++;
  const rest = ws.slice(k).join(" ");
  let best = 0;
  for (const n of own) {
    if (rest === n || rest.startsWith(`${n} `)) best = Math.max(best, k + n.split(" ").length);
  }
  return best;
}

/** Whether `place` (as otherPlaceFirst shows it) is a province. */
export function isProvince(place: string): boolean {
  const p = place.toLowerCase();
  const first = p.indexOf(" ");
  return PROVINCE_START.has(first < 0 ? p : p.slice(0, first)) || PROVINCE_NAMES.has(p);
}

/**
 * For a name whose head names this office by a place another level's office shares, typed
 * without the level word ("KPU Bekasi" of KPU Kabupaten Bekasi, sharedPlaceOnly) and so refused
 * as unclear: the head with the office's level word put in ("KPU Kabupaten Bekasi"), when the
 * rest of the name says which office issued it and says nothing of the other's; else null.
 * What says so: this office's level's election (a regency's "Bupati", "Pilbup"; a city's
 * "Walikota", "Pilwalkot"), this office's region code in an old-style number (after its "-Kpt";
 * a serial typed as the code says nothing) or right after the place ("KPU Cirebon 3274"), or a
 * district or village of its area the
 * other office has none of ("PPK Kec Cikarang Utara"). The other's election, region code or
 * district leaves it unclear. `folded` is the stem folded (same length as `stem`).
 */
export function levelSettled(stem: string, folded: string, o: CompiledOffice): string | null {
  const level = areaOf(o).level;
  if (level === null || o.regionCodes.size === 0) return null;
  const m = SHARED_HEAD.exec(folded);
  if (m === null) return null;
  const at = m.index + m[0].length - m[2]!.length - (m[3]?.length ?? 0);
  const two = m[3] === undefined ? null : `${m[2]} ${m[3].trimStart()}`;
  const place = sharedPlaceOnly(m[2]!, o)
    ? m[2]!
    : two !== null && sharedPlaceOnly(two, o)
      ? two
      : null;
  if (place === null) return null;
  const other = `${otherLevels(o)[0]} ${place}`;
  const isOther = (code: string) => regencyName(code).toLowerCase() === other;
  const ownElection = level === "city" ? CITY_ELECTION : REGENCY_ELECTION;
  const otherElection = level === "city" ? REGENCY_ELECTION : CITY_ELECTION;
  if (otherElection.test(folded)) return null;
  let own = ownElection.test(folded);
  for (const [, code] of folded.matchAll(KPT_CODE)) {
    if (o.regionCodes.has(code!)) own = true;
    else if (isOther(code!)) return null;
  }
  // The region code typed right after the place ("KPU Cirebon 3274 No 50 Th 2024").
  const typed = PLACE_CODE.exec(folded.slice(at + place.length));
  if (typed !== null) {
    if (o.regionCodes.has(typed[1]!)) own = true;
    else if (isOther(typed[1]!)) return null;
  }
  // The districts named after the head's place: "Tangerang" is a kecamatan of Kota Tangerang too.
  const ws = wordsFrom(folded, at + place.length);
  for (let i = 0; i < ws.length; i++) {
    for (const named of [districtNamed(ws, i), villageNamed(ws, i)]) {
      // The shared place itself names nothing more ("… DPT Tangerang").
      if (named === undefined || named.name === place) continue;
      const mine = inOwnArea(named, o);
      const theirs = named.codes.some(isOther);
      if (theirs && !mine) return null;
      if (mine && !theirs) own = true;
    }
  }
  if (!own) return null;
  return `${stem.slice(0, at)}${LEVEL_WORD[level]} ${stem.slice(at)}`;
}
/** "KPU"/"KIP" and a place's first word (group 2) and the next one (group 3, with its gap). */
const SHARED_HEAD = /(?<![a-z0-9])(kpud?|kip)[^a-z0-9]+([a-z]+)( [a-z]+)?(?![a-z0-9])/;
const REGENCY_ELECTION = new RegExp(`(?<![a-z0-9])(?:bupati|${REGENT_ELECTION})(?![a-z0-9])`);
const CITY_ELECTION = new RegExp(
  `(?<![a-z0-9])(?:wali[^a-z0-9]*kota|${MAYOR_ELECTION})(?![a-z0-9])`,
);
/** A region code right after a place, apart from it (group 1). */
const PLACE_CODE = /^[^a-z0-9]+(\d{4})(?![0-9])/;
/** An old-style number's region code: four digits right after its "-Kpt" (group 1). */
const KPT_CODE = /kpts?[\s/_.-]+(\d{4})(?![0-9])/g;
const LEVEL_WORD = { city: "Kota", regency: "Kabupaten" } as const;
