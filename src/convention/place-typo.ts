/**
 * This office's place typed with a slip ("KPU Kota Jakarta Utra", "KPU Jakrta Utara"): read as
 * another office's place it would send the office's own decree out of the archive, so office.ts
 * refuses it with OFFICE_UNCLEAR (both ways out) instead of OTHER_OFFICE. Read only for a name
 * already refused for naming another KPU office. Pure.
 */
import { DKI_PLACES, LEVEL } from "./office-words.js";
import { PLACES_ID } from "./places-id.js";

/** Every word of a place of places-id.ts and DKI_PLACES, built on first use. */
let gazetteerWords: Set<string> | null = null;

function isGazetteerWord(w: string): boolean {
  if (gazetteerWords === null) {
    gazetteerWords = new Set([...PLACES_ID, ...DKI_PLACES].flatMap((p) => p.split(" ")));
  }
  return gazetteerWords.has(w) || LEVEL.has(w);
}

/**
 * Whether `tail` (the words typed after "KPU" as a place) is one of `places` (this office's, as
 * word lists) with some word one edit away (a letter inserted, left out, replaced, or two
 * neighbours swapped) and the rest as configured: a word that is itself a place's word
 * anywhere in the gazetteer is another place, no slip. Words after the place are allowed only
 * when the first of them ends a place (`endsPlace`, own-place.ts: a province's level word, "…
 * Utra Provinsi DKI Jakarta", or a word that is no place's, "… Utra Penetapan DCT"). Words of
 * 4 letters or fewer are not respelt: too many places and words are one letter apart there.
 */
export function isOwnPlaceTypo(
  tail: readonly string[],
  places: readonly (readonly string[])[],
  endsPlace: (word: string) => boolean,
): boolean {
  for (const p of places) {
    if (tail.length < p.length) continue;
    if (tail.length > p.length && !endsPlace(tail[p.length]!)) continue;
    let slips = 0;
    for (let i = 0; i < p.length && slips >= 0; i++) {
      const typed = tail[i]!;
      const own = p[i]!;
      if (typed === own) continue;
      if (own.length > 4 && oneEdit(typed, own) && !isGazetteerWord(typed)) slips++;
      else slips = -1;
    }
    if (slips > 0) return true;
  }
  return false;
}

/** Whether `a` and `b` (different) are one insertion, deletion, substitution or swap apart. */
function oneEdit(a: string, b: string): boolean {
  if (Math.abs(a.length - b.length) > 1) return false;
  let i = 0;
  while (i < a.length && i < b.length && a[i] === b[i]) i++;
  if (a.length === b.length) {
    // Substitution at i, or neighbours i and i+1 swapped.
    if (a.slice(i + 1) === b.slice(i + 1)) return true;
    return a[i] === b[i + 1] && a[i + 1] === b[i] && a.slice(i + 2) === b.slice(i + 2);
  }
  return a.length > b.length ? a.slice(i + 1) === b.slice(i) : a.slice(i) === b.slice(i + 1);
}
