/**
 * This office's place with more words typed after it, before the number ("Keputusan KPU Kota
 * Jakarta Utara Penetapan DCT Nomor 5 …", "SK Ketua KPU Jakut Pokja No 1 …"): office.ts reads
 * the words after "KPU" up to a keyword or a number as the place, and such a head named a place
 * "Kota Jakarta Utara Penetapan DCT", another office's, for this office's own decree.
 *
 * Where the place ends is told by the word after it. A word that is no place's (of places-id.ts,
 * office-words.ts DKI_PLACES or the level words) cannot make the place another office's, since
 * every KPU office's place is listed there: the head names this office, and the words after its
 * place are read as any words before a number are (issuer.ts). A place's word after it may:
 * "KPU Bandung Barat" for an office in Kabupaten Bandung, "KPU Jakut-Jaktim" (two offices),
 * "KPU Jakut Kota Bekasi" are another office's; "KPU Jakut Tanjung Priok" (a place of the
 * subject, or a garbled name) is neither filed nor sent out of the archive. "Selaku" after the
 * place ("Ketua KPU … selaku Ketua Panitia Seleksi") names the capacity the decree is issued in:
 * that body's decree, not one of this office's series. Pure.
 */
import { DKI_PLACES, LEVEL } from "./office-words.js";
import { PLACES_ID, PLACES_LEFT_OUT } from "./places-id.js";

/**
 * Level words that start a province's name ("Provinsi DKI Jakarta", "DKI Jakarta"; since UU
 * 2/2024 "Provinsi Daerah Khusus Jakarta", "Prov DKJ").
 */
export const PROVINCE_START = new Set(["provinsi", "prov", "propinsi", "dki", "dkj"]);
/**
 * The words of a province's name spelt out after its level word, before the place ("Provinsi
 * Daerah Khusus Ibukota Jakarta", "Daerah Khusus Jakarta", "Daerah Istimewa Yogyakarta").
 */
const PROVINCE_KIND = new Set(["daerah", "khusus", "istimewa", "ibukota", "ibu"]);
/** PROVINCE_START and PROVINCE_KIND: the words a province's name may hold besides the place. */
export const PROVINCE_WORDS = new Set([...PROVINCE_START, ...PROVINCE_KIND]);

/** The word that names the capacity a decree is issued in ("… selaku Ketua PPK"). */
export const CAPACITY = "selaku";

/** Every listed place as its words, by first word; built on first use. */
let listed: Map<string, string[][]> | null = null;
/** Every word of a listed place. */
let listedWords: Set<string> | null = null;

function listedPlaces(): Map<string, string[][]> {
  if (listed === null) {
    listed = new Map();
    for (const p of placeTexts()) {
      const w = p.split(" ");
      const list = listed.get(w[0]!);
      if (list === undefined) listed.set(w[0]!, [w]);
      else list.push(w);
    }
    listedWords = new Set([...listed.values()].flat(2));
  }
  return listed;
}

/** Whether `w` is a word of some listed place or a level word. */
function isPlaceName(w: string): boolean {
  listedPlaces();
  return listedWords!.has(w) || LEVEL.has(w);
}

/** How many words of `ws` from `at` spell a listed place (the longest), 0 when none. */
function listedAt(ws: readonly string[], at: number): number {
  let n = 0;
  for (const q of listedPlaces().get(ws[at]!) ?? []) {
    if (q.length > n && q.every((w, i) => ws[at + i] === w)) n = q.length;
  }
  return n;
}

/**
 * Whether `w`, typed right after a place, ends it: a province's level word (the full title's
 * "… Jakarta Utara Provinsi DKI Jakarta") or a word that is no place's and no capacity's.
 */
export function endsPlace(w: string): boolean {
  return PROVINCE_START.has(w) || (!isPlaceName(w) && w !== CAPACITY);
}

/**
 * How many of the first words of `tail` (the words typed after "KPU" as a place, office.ts
 * placeAfter) are one of `places` (this office's, as word lists, longest first) that ends
 * there: the last word, or one that ends a place (endsPlace) after it. 0 when none.
 */
export function ownPlaceLength(tail: readonly string[], places: readonly string[][]): number {
  for (const p of places) {
    if (p.length > tail.length || !p.every((w, i) => tail[i] === w)) continue;
    if (p.length === tail.length || endsPlace(tail[p.length]!)) return p.length;
  }
  return 0;
}

/**
 * For a `tail` that is no place of this office's (ownPlaceLength 0) but starts with one of
 * `places`: "capacity" when "selaku" follows it (`at`: the index of that word), "subject" when a
 * place's word follows that makes no other office's place ("KPU Jakut Tanjung Priok", "KPU
 * Kota Jakarta Utara Utara"). Null otherwise: another office's place ("Bandung Barat" after an
 * own "Kab Bandung"), another office named after it ("Jakut Jaktim", "Jakut Kota Bekasi"), or
 * no own place first.
 */
export function ownPlaceThen(
  tail: readonly string[],
  places: readonly string[][],
): { kind: "capacity" | "subject"; at: number } | null {
  for (const p of places) {
    if (p.length >= tail.length || !p.every((w, i) => tail[i] === w)) continue;
    const next = tail[p.length]!;
    if (next === CAPACITY) return { kind: "capacity", at: p.length };
    if (LEVEL.has(next) || listedAt(tail, p.length) > 0) continue;
    // The place's own words after its level words ("kab bandung" → "bandung") spelling a
    // longer listed place with the words after them.
    let s = 0;
    while (s < p.length - 1 && LEVEL.has(p[s]!)) s++;
    if (listedAt(tail, s) > p.length - s) continue;
    return { kind: "subject", at: p.length };
  }
  return null;
}

/**
 * The words of `phrase` (a jenis phrase's folded words) that are not part of a listed place it
 * spells ("Keputusan KPU Kota Jakarta Utara" → all but "jakarta", "utara"), but for `own`'s
 * words (this office's place words), which are always kept; a word not kept is null. Asked for
 * each configured phrase when the rules are compiled, before any name is read: looked up as
 * text (placeTexts), so the lists by first word that reading names uses are not built for it.
 */
export function phraseWordsBesidePlaces(
  phrase: readonly string[],
  own: ReadonlySet<string>,
): (string | null)[] {
  const places = placeTexts();
  const out: (string | null)[] = [...phrase];
  for (let i = 0; i < phrase.length; i++) {
    let n = Math.min(MAX_PLACE_WORDS, phrase.length - i);
    while (n > 0 && !places.has(phrase.slice(i, i + n).join(" "))) n--;
    for (let k = i; k < i + n; k++) if (!own.has(phrase[k]!)) out[k] = null;
  }
  return out;
}

/**
 * Every listed place as typed (folded words joined by single spaces), the one list both
 * look-ups are built from; built on first use.
 */
let texts: Set<string> | null = null;

function placeTexts(): Set<string> {
  texts ??= new Set([...PLACES_ID, ...PLACES_LEFT_OUT, ...DKI_PLACES]);
  return texts;
}

/** The most words a listed place has (test/convention/places.test.ts holds the lists to it). */
export const MAX_PLACE_WORDS = 4;
