/**
 * Another office's voter list or ad-hoc body as the subject: a voter list's or an ad-hoc body's
 * name followed by another office's place ("… ttg Penetapan DPT Kota Bekasi", "Pembentukan PPK
 * Kepulauan Seribu", "Daftar Pemilih Tetap Jakarta Barat"). Only the office of that place sets
 * its voter lists and forms its PPK, PPS and KPPS, so such a decree is that office's, typed
 * without its issuer, unless the head names this office ("SK Ketua KPU Jakut … ttg DPT Kota
 * Bekasi" is this office's, as any other office in its subject is). Read even after "tentang":
 * unlike a place in the subject's running text ("Kerja Sama dengan Pemkot Jakarta Barat"), the
 * place right after the list or the body is the one whose list or body it is. Pure.
 */
import { isWordChar } from "./numbers.js";
import { type CompiledOffice, otherPlaceFirst } from "./office.js";
import { mayStartPlace } from "./place-start.js";
import { rejectVariant } from "./reasons.js";
import { type OwnNamed, officeTag } from "./subject-tag.js";
import type { ParseRejected } from "./types.js";

/**
 * Where a voter list's or an ad-hoc body's word may start (BODY_THEN_WORD's first letters):
 * most subjects hold none, and this short alternation finds that in one fast scan.
 */
const BODY_START = /dp|pp|kpps|pantarlih|daftar/g;
/**
 * At a word's start, sticky: a voter list (DPT, DPS, DPTb, DPK, DPSHP; "Daftar Pemilih Tetap" …)
 * or an ad-hoc body (PPK, PPS, KPPS, Pantarlih, PPDP), then a gap, perhaps "di", "se-" or
 * "wilayah", and a letter: where a place may start ("PPK di Surabaya", "DPT se-Kota Bekasi"),
 * unless it is the election's or the year's word that usually follows a list ("DPT Pemilu
 * 2024"). The list or body (group 1) is read whole, as an atomic group (a lookahead and its
 * back-reference): "Daftar Pemilih Tetap Pemilu" never retries as "Daftar Pemilih" and "Tetap".
 */
const BODY_THEN_WORD =
  /(?=(dp(?:tb|t|shp|s|k)|pp[ks]|kpps|pantarlih|ppdp|daftar[^a-z0-9]+pemilih(?:[^a-z0-9]+(?:tetap|sementara|tambahan|khusus))?))\1[^a-z0-9]+(?:(?:di|se|wilayah)[^a-z0-9]+)?(?=[a-z])(?!pemil|tahun|th(?![a-z]))/y;

/**
 * The refusal of a subject, from `from` in `folded`, that names a voter list or an ad-hoc body
 * of another office's place (module comment), or null; `owner` tells whether the head names
 * this office, asked only when such a place is found.
 */
export function otherBodyPlace(
  folded: string,
  from: number,
  o: CompiledOffice,
  owner: OwnNamed,
): ParseRejected | null {
  BODY_START.lastIndex = from;
  for (let w = BODY_START.exec(folded); w; w = BODY_START.exec(folded)) {
    if (w.index > 0 && isWordChar(folded.charCodeAt(w.index - 1))) continue;
    BODY_THEN_WORD.lastIndex = w.index;
    const m = BODY_THEN_WORD.exec(folded);
    if (m === null) continue;
    const at = m.index + m[0].length;
    if (!mayStartPlace(folded, at)) continue;
    const place = otherPlaceFirst(folded.slice(at), o);
    if (place === null) continue;
    if (owner.ownNamed()) return null;
    return rejectVariant("OFFICE_IN_SUBJECT:bodyPlace", `${m[1]!.toUpperCase()} ${place}`);
  }
  return null;
}

/**
 * Another office in a tag after the subject from `from` (subject-tag.ts officeTag), or its
 * voter list or ad-hoc body as the subject (otherBodyPlace), or null: the subject's office
 * checks, on the plain and the lenient path alike.
 */
export function officeAfterSubject(
  folded: string,
  from: number,
  o: CompiledOffice,
  owner: OwnNamed,
): ParseRejected | null {
  return officeTag(folded, from, o, owner) ?? otherBodyPlace(folded, from, o, owner);
}
