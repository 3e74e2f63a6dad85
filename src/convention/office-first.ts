/**
 * This office named before a bare decree word, or the decree word before the numbers and this
 * office after them, which the first reading finds no jenis in:
 * - "KPU Kota Jakarta Utara - Keputusan No 44 Tahun 2024 - …", "KPU Jakut Keputusan No 15 …";
 * - "KPU Jakut No 121 Th 2024 Keputusan Penetapan …" (the numbers between);
 * - "SK No 30 Th 2024 KPU Kota Jakarta Utara ttg …", "SK No 81 Th 2024 Ketua KPU Kota Jakut ttg …".
 * Each is "Keputusan KPU <place>" in another order, and "Keputusan KPU <place>" is the title of
 * the office's own decrees (DOMAIN.md): the stem is rewritten in that order, the words as typed,
 * for a second reading (parse.ts readRefused), which reads and checks it as any other name.
 * Only this office's own "KPU <place>" (office.ts ownAnchor) moves, and only a bare decree
 * word: "SK Ketua", "Keputusan Sekretaris" … already read where they stand. Pure.
 */
import { isWordChar } from "./numbers.js";
import type { CompiledOffice } from "./office.js";

/** A bare decree word, sticky, then a gap or the end (group 1: the word as typed). */
const DECREE_WORD = /(surat[^a-z0-9]+keputusan|keputusan|kep|kpts?|skep|sk)(?![a-z0-9])[^a-z0-9]*/y;
/** The numbers between: keywords and numbers with their gaps ("No 121 Th 2024 "), sticky. */
const NUMBERS =
  /(?:(?:nomor|nomer|nmr|no|tahun|thn|th)(?![a-z])[^a-z0-9]*|[0-9]+[a-z]?(?![a-z0-9])[^a-z0-9]*)+/y;
/** The chair's or the secretary's word before the office ("Ketua KPU Kota …"), sticky. */
const ROLE = /(?:ketua|sekretaris|sekr|sek)[^a-z0-9]+/y;
/** A word that joins a second issuer to the office ("dan Kepala …", "bersama …", "& …"). */
const JOINED = /^[^a-z0-9&+]*(?:[&+]|(?:dan|serta|bersama|dengan|jo)(?![a-z0-9]))/;
/** Gaps and separators in front. */
const LEAD = /[^a-z0-9]*/y;

/**
 * `stem` with this office's "KPU <place>" put right after its bare decree word (module
 * comment), or null when the name is not typed so. `folded` is the stem lower-cased, the same
 * length; `o` the configured office.
 */
export function officeFirst(stem: string, folded: string, o: CompiledOffice): string | null {
  LEAD.lastIndex = 0;
  LEAD.test(folded);
  const start = LEAD.lastIndex;
  const office = officeAt(folded, start, o);
  if (office > start) {
    // "KPU <place> Keputusan …" or "KPU <place> No 121 Th 2024 Keputusan …".
    const numbersEnd = after(NUMBERS, folded, office);
    const word = decreeWordAt(folded, numbersEnd);
    if (word === null) return null;
    return join(
      stem.slice(numbersEnd, word.wordEnd),
      stem.slice(start, office),
      stem.slice(office, numbersEnd),
      stem.slice(word.end),
    );
  }
  // "SK No 30 Th 2024 KPU <place> …", "SK No 81 Th 2024 Ketua KPU <place> …": the numbers
  // must be there, and the office right after them or after its chair's or secretary's word.
  const word = decreeWordAt(folded, start);
  if (word === null) return null;
  const numbersEnd = after(NUMBERS, folded, word.end);
  if (numbersEnd === word.end) return null;
  const officeStart = after(ROLE, folded, numbersEnd);
  const officeEnd = officeAt(folded, officeStart, o);
  // "… Ketua KPU Kota Jakut dan Kepala Sudin Dukcapil": a second issuer joined, a joint
  // decree's heading, not this office's alone.
  if (officeEnd <= officeStart || joinedAfter(folded, officeEnd)) return null;
  return join(
    stem.slice(start, word.wordEnd),
    stem.slice(numbersEnd, officeEnd),
    stem.slice(word.end, numbersEnd),
    stem.slice(officeEnd),
  );
}

/** The end of this office's "KPU <place>" and its gap at `at`, or `at` when none stands there. */
function officeAt(folded: string, at: number, o: CompiledOffice): number {
  o.ownAnchor.lastIndex = at;
  return o.ownAnchor.test(folded) ? o.ownAnchor.lastIndex : at;
}

/** Whether a second issuer is joined right after the office, which ends at `end` (its gap too). */
function joinedAfter(folded: string, end: number): boolean {
  let gap = end;
  while (gap > 0 && !isWordChar(folded.charCodeAt(gap - 1))) gap--;
  return JOINED.test(folded.slice(gap, end + 8));
}

/** Where the sticky `re` stops matching from `at` (`at` when it does not match). */
function after(re: RegExp, folded: string, at: number): number {
  re.lastIndex = at;
  return re.test(folded) ? re.lastIndex : at;
}

/** The bare decree word at `at`: where the word ends, and where its gap does; or null. */
function decreeWordAt(folded: string, at: number): { wordEnd: number; end: number } | null {
  DECREE_WORD.lastIndex = at;
  const m = DECREE_WORD.exec(folded);
  return m === null ? null : { wordEnd: at + m[1]!.length, end: DECREE_WORD.lastIndex };
}

/** The parts, trimmed, apart by one space: decree word, office, numbers, the rest. */
function join(...parts: string[]): string {
  return parts
    .map((p) => p.trim())
    .filter((p) => p !== "")
    .join(" ");
}
