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
  return isOwnPlaceWith(
    tail,
    places,
    endsPlace,
    1,
    (typed, own) => own.length > 4 && oneEdit(typed, own),
  );
}

/**
 * Whether `tail` (the words typed after "KPU" as a place) is one of `places` of two words or
 * more with some word shortened ("KPU Jkt Ut" for "Jakarta Utara", "KPU Kab Bdg" for "Kab
 * Bandung"): each typed word is the configured one or its abbreviation (its first letter, then
 * some of its other letters in order, two letters at least, and no word of the gazetteer), and
 * words after the place end it (`endsPlace`) as for a slip. Such a name may be this office's
 * decree, and no list of places can tell its short form from another office's.
 */
export function isOwnPlaceShortened(
  tail: readonly string[],
  places: readonly (readonly string[])[],
  endsPlace: (word: string) => boolean,
): boolean {
  return (
    isOwnPlaceWith(tail, places, endsPlace, 2, abbreviates) ||
    isOwnPlaceOneWord(tail, places, endsPlace)
  );
}

/**
 * Whether `tail` starts with one word that shortens one of `places` of two words or more, and
 * words after it end the place (`endsPlace`), the word no gazetteer word:
 * - its initials, its level word ("Kota", "Kab", "Adm") in them or not ("KPU JU", "KPUD KJU"
 *   for Kota Jakarta Utara), two to four letters: older registers shorten the office so;
 * - a blend, four letters or more: a first part of each word but the level word, joined ("KIP
 *   Abes" for Kabupaten Aceh Besar, as "Jakut" is Jakarta Utara's and "Tangsel" Tangerang
 *   Selatan's): read as another office, "KIP Abes" told the clerk to move the office's own
 *   decree out of the archive.
 * Indonesian shortens places so, and no list of places holds every office's short forms.
 */
function isOwnPlaceOneWord(
  tail: readonly string[],
  places: readonly (readonly string[])[],
  endsPlace: (word: string) => boolean,
): boolean {
  const typed = tail[0]!;
  if (typed.length < 2 || isGazetteerWord(typed)) return false;
  if (tail.length > 1 && !endsPlace(tail[1]!)) return false;
  for (const p of places) {
    if (p.length < 2) continue;
    const named = p.filter((w) => !LEVEL.has(w));
    if (typed.length <= 4) {
      if (named.length > 1 && initials(named) === typed) return true;
      if (initials(p) === typed) return true;
    }
    if (typed.length >= 4 && named.length > 1 && blends(typed, named, 0, 0)) return true;
  }
  return false;
}

/** Whether `typed` from `at` is a first part (one letter or more) of each of `words` from `k`, in order. */
function blends(typed: string, words: readonly string[], at: number, k: number): boolean {
  if (k === words.length) return at === typed.length;
  const w = words[k]!;
  for (let n = 1; n <= w.length && at + n <= typed.length; n++) {
    if (typed.charCodeAt(at + n - 1) !== w.charCodeAt(n - 1)) return false;
    if (blends(typed, words, at + n, k + 1)) return true;
  }
  return false;
}

/** The first letters of `words`, joined. */
function initials(words: readonly string[]): string {
  let out = "";
  for (const w of words) out += w[0];
  return out;
}

/**
 * Whether `tail` is one of `places` (of `minWords` words or more) with some word `near` the
 * configured one and no word of the gazetteer, the other words as configured, and the words
 * after the place ending it (`endsPlace`): isOwnPlaceTypo's and isOwnPlaceShortened's reading,
 * with their test of a changed word.
 */
function isOwnPlaceWith(
  tail: readonly string[],
  places: readonly (readonly string[])[],
  endsPlace: (word: string) => boolean,
  minWords: number,
  near: (typed: string, own: string) => boolean,
): boolean {
  for (const p of places) {
    if (p.length < minWords || tail.length < p.length) continue;
    if (tail.length > p.length && !endsPlace(tail[p.length]!)) continue;
    let changed = 0;
    for (let i = 0; i < p.length && changed >= 0; i++) {
      const typed = tail[i]!;
      const own = p[i]!;
      if (typed === own) continue;
      if (near(typed, own) && !isGazetteerWord(typed)) changed++;
      else changed = -1;
    }
    if (changed > 0) return true;
  }
  return false;
}

/** Whether `a` shortens `b`: shorter, two letters at least, `b`'s first letter, then some of its others in order. */
function abbreviates(a: string, b: string): boolean {
  if (a.length < 2 || a.length >= b.length || a[0] !== b[0]) return false;
  let j = 1;
  for (let i = 1; i < a.length; i++) {
    while (j < b.length && b[j] !== a[i]) j++;
    if (j === b.length) return false;
    j++;
  }
  return true;
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
