/**
 * Where another office's place may start a name's words: the gate office.ts reads a subject's or
 * a name's first word with (a level word, a body that issues decrees, one of DKI Jakarta's
 * offices, a bare place of places-id.ts), and the bare places themselves. The tables hold every
 * such word for every office and are built once per process: what is this office's own place
 * (a configured name, never another's) is decided where a place is read (barePlaceFirst).
 * Pure.
 */

import { isWordChar } from "./numbers.js";
import { DKI_PLACES, ISSUER_BODIES, PLACE_LEVEL } from "./office-words.js";
import { PLACES_ID } from "./places-id.js";

/**
 * The places of places-id.ts as their words, by first word, longest first. PLACES_ID is folded
 * words joined by single spaces (test/convention/places.test.ts holds it to that): split, not
 * folded again.
 */
const BARE_PLACES = new Map<string, string[][]>();
for (const p of PLACES_ID) {
  const w = p.split(" ");
  const list = BARE_PLACES.get(w[0]!);
  if (list === undefined) BARE_PLACES.set(w[0]!, [w]);
  else list.push(w);
}
for (const list of BARE_PLACES.values()) list.sort((a, b) => b.length - a.length);

/** The words that may start what office.ts otherPlaceFirst reads, for any office. */
const START_WORDS = new Set([
  ...PLACE_LEVEL,
  ...ISSUER_BODIES,
  ...DKI_PLACES.map((p) => p.split(" ")[0]!),
  ...BARE_PLACES.keys(),
]);

/** Letters of a word's start that wordKey reads: "pene…" (penetapan) is no "pena…" (Penajam). */
const KEY_LETTERS = 4;

/**
 * The letters `a-z` that start at `i` in `s` (folded), up to KEY_LETTERS of them, as a number
 * base 27 (a missing letter is 0): equal for two words that start alike up to there, so a bit
 * of a table says whether a place may start there, without cutting the word out.
 */
function wordKey(s: string, i: number): number {
  let key = 0;
  let k = i;
  for (; k < i + KEY_LETTERS; k++) {
    const c = s.charCodeAt(k) - 96;
    if (!(c >= 1 && c <= 26)) break;
    key = key * 27 + c;
  }
  for (; k < i + KEY_LETTERS; k++) key *= 27;
  return key;
}

/** Bit wordKey(w) set for every word w of START_WORDS (8 KB per letter of KEY_LETTERS past 3). */
const STARTS = new Uint8Array((27 ** KEY_LETTERS) >>> 3);
for (const w of START_WORDS) {
  const key = wordKey(w, 0);
  STARTS[key >>> 3]! |= 1 << (key & 7);
}

/**
 * Whether the word at `i` of `folded` may start what otherPlaceFirst reads (START_WORDS). The
 * gate for every subject typed without "tentang" and every name's first word: most start
 * otherwise, which a bit of a table tells; the word itself is looked up only for the few that
 * start alike ("Keputusan" and "Kepulauan Riau", "Surat" and "Surabaya").
 */
export function mayStartPlace(folded: string, i: number): boolean {
  const key = wordKey(folded, i);
  if ((STARTS[key >>> 3]! & (1 << (key & 7))) === 0) return false;
  let end = i;
  while (end < folded.length && isWordChar(folded.charCodeAt(end))) end++;
  return START_WORDS.has(folded.slice(i, end));
}

/**
 * How many of the first words of `ws` are a bare place of places-id.ts (the longest), 0 when
 * none. A place made only of this office's own place words (`own`: "Semarang" for KPU Kota
 * Semarang) is this office's, never another's.
 */
export function barePlaceFirst(ws: readonly { word: string }[], own: ReadonlySet<string>): number {
  const bare = BARE_PLACES.get(ws[0]!.word);
  if (bare === undefined) return 0;
  for (const p of bare) {
    if (p.length > ws.length || !p.every((x, i) => ws[i]!.word === x)) continue;
    if (!p.every((x) => own.has(x))) return p.length;
  }
  return 0;
}
