/**
 * Where a subject too long for the name is cut. The cut name is the decree's name in every
 * listing, so a cut must still read as the subject: it keeps an election year at its end, it
 * does not end with a joining word ("… gubernur dan"), and it does not end inside a place's name
 * ("… daerah khusus", "… kpu kota jakarta" for Jakarta Utara), which reads as another place or
 * another office. Pure; no I/O. Only names longer than the budget come here.
 */
import { DKI_DISTRICTS } from "./dki-districts.js";
import { JOINING_WORDS } from "./joining-words.js";
import { DKI_PLACES } from "./office-words.js";
import { PLACES_ID, PROVINCE_BY_CODE } from "./places-id.js";

/**
 * `joined` (lower-case ASCII words `[a-z0-9]+` joined by single "-", perhaps with one "-" at
 * either end) without a leading "tentang", cut to at most `budget` characters at a word
 * boundary. A first word longer than the budget is cut hard (an archive name keeps at least the
 * start of the subject).
 */
export function cutSlug(joined: string, budget: number): string {
  if (budget <= 0) return "";
  if (joined.startsWith("-")) joined = joined.slice(1);
  if (joined.endsWith("-")) joined = joined.slice(0, -1);
  if (joined === "tentang") return "";
  if (joined.startsWith("tentang-")) joined = joined.slice(8);
  if (joined.length <= budget) return joined;
  // A subject that ends with its election year ("… Pemilihan Umum Tahun 2024") keeps it: two
  // decrees that differ only in the year must not get the same cut name. So does one with the
  // year inside that the cut would lose ("… Presiden Tahun 2024 Tingkat Kota Jakarta Utara"):
  // cut after the year, the words after it go, as they would anyway.
  const inner = yearPast(joined, budget);
  if (inner > 0) joined = joined.slice(0, inner);
  const year = YEAR_END.exec(joined);
  if (year && year[1]!.length + 21 <= budget) {
    const room = budget - year[1]!.length - 1;
    const rest = joined.slice(0, year.index);
    const cut = rest.lastIndexOf("-", room);
    return cut > 0 ? `${cleanCut(rest, cut)}-${year[1]}` : `${rest.slice(0, room)}-${year[1]}`;
  }
  // The longest run of whole words that fits ends where a "-" is at or before `budget`.
  const cut = joined.lastIndexOf("-", budget);
  return cut > 0 ? cleanCut(joined, cut) : joined.slice(0, budget);
}

/**
 * A year that ends a joined slug, with "tahun" or "tahun anggaran" (a budget year: "… Tahun
 * Anggaran 2025") before it.
 */
const YEAR = "-((?:tahun-(?:anggaran-)?)?(?:19|20)\\d\\d)";
const YEAR_END = new RegExp(`${YEAR}$`);

/** A year inside a joined slug, as YEAR_END reads one at its end. */
const YEAR_IN = new RegExp(`${YEAR}(?=-)`, "g");

/**
 * Where the last year inside `joined` (not at its end) ends, when it ends past `budget` (a cut
 * there would lose it); 0 for none.
 */
function yearPast(joined: string, budget: number): number {
  let end = 0;
  YEAR_IN.lastIndex = 0;
  for (let m = YEAR_IN.exec(joined); m; m = YEAR_IN.exec(joined)) end = m.index + m[0].length;
  return end > budget ? end : 0;
}

/**
 * `joined` cut at the "-" at `cut`: without a place's name split by the cut, then without
 * joining words at its end, unless nothing would be left.
 */
function cleanCut(joined: string, cut: number): string {
  const end = joined.indexOf("-", cut + 1);
  const next = joined.slice(cut + 1, end < 0 ? joined.length : end);
  return withoutDanglingWord(outsidePlace(joined.slice(0, cut), next));
}

/**
 * Words that only join what follows them: a cut that ends with one ("… pemilihan gubernur dan",
 * "… lokasi khusus pada", "… kecamatan se") reads as if a word were missing.
 */
const DANGLING = new RegExp(
  `(?:-(?:${[...JOINING_WORDS, "tentang", "tahun", "se", "dan-wakil"].join("|")}))+$`,
);

/** `cut` (a joined slug cut short) without joining words at its end, unless nothing is left. */
function withoutDanglingWord(cut: string): string {
  const m = DANGLING.exec(cut);
  return m === null || m.index === 0 ? cut : cut.slice(0, m.index);
}

/**
 * Words that start a place's name and never end one: a cut that ends with one and is followed
 * by a name ("… kota administrasi | jakarta utara") left the place unnamed. A level word that
 * may end a phrase stays ("tingkat kota", "panitia pemilihan kecamatan", "kpu provinsi").
 */
const NAME_FOLLOWS = new Set([
  "administrasi",
  "adm",
  "daerah",
  "khusus",
  "ibukota",
  "kab",
  "kec",
  "kel",
  "prov",
  "kep",
]);

/**
 * A city's or a regency's level word: it goes with a name the cut leaves out. "Provinsi",
 * "Kecamatan" and "Kelurahan" stay, as they also end a phrase ("kpu provinsi", "panitia
 * pemilihan kecamatan").
 */
const LEVEL = new Set(["kota", "kabupaten", "kab"]);

/** Words after such a word that are no place's name: the word ends a phrase there. */
const NOT_A_NAME = new Set([...JOINING_WORDS, "tahun", "se"]);

/**
 * `kept` (the words before a cut) without the part of a place's name that the cut split from
 * its rest, which starts with `next`: "… satuan kerja kpu kota jakarta | utara" keeps "… satuan
 * kerja kpu", "… wakil gubernur daerah khusus | jakarta" keeps "… wakil gubernur". The first word
 * is always kept.
 */
function outsidePlace(kept: string, next: string): string {
  let end = kept.length;
  let after = next;
  for (;;) {
    const dash = kept.lastIndexOf("-", end - 1);
    if (dash < 0) return kept.slice(0, end);
    const last = kept.slice(dash + 1, end);
    // The level word of a name left out goes with it ("kpu kota | jakarta utara" keeps "kpu"),
    // and so does an office's level word cut from its name ("kpu kota | jakarta").
    const level =
      LEVEL.has(last) &&
      (end < kept.length || (!NOT_A_NAME.has(after) && kept.endsWith("kpu", dash)));
    if (!level && !splitsPlace(last, after)) return kept.slice(0, end);
    end = dash;
    after = last;
  }
}

/**
 * Whether `last` and `after` are words of one place's name: a known place of several words ("jakarta utara", "kelapa gading", "daerah khusus
 * jakarta"), or a word that needs a name after it. "dki" is a whole name by itself.
 */
function splitsPlace(last: string, after: string): boolean {
  if (placePairs().has(`${last} ${after}`)) return last !== "dki";
  return NAME_FOLLOWS.has(last) && !NOT_A_NAME.has(after);
}

let pairs: Set<string> | undefined;

/** Each two words that follow each other in a known place's name, built on the first cut. */
function placePairs(): Set<string> {
  if (pairs !== undefined) return pairs;
  pairs = new Set(["daerah khusus", "khusus ibukota", "khusus jakarta", "ibukota jakarta"]);
  const names = [
    ...PLACES_ID,
    ...DKI_PLACES,
    ...Object.keys(DKI_DISTRICTS),
    ...Object.values(DKI_DISTRICTS).flat(),
    ...Object.values(PROVINCE_BY_CODE).flat(),
  ];
  for (const name of names) {
    const words = name.split(" ");
    for (let i = 1; i < words.length; i++) pairs.add(`${words[i - 1]} ${words[i]}`);
  }
  return pairs;
}
