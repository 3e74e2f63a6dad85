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
import type { CompiledOffice } from "./office.js";
import { otherPlaceFirst } from "./office.js";
import { mayStartPlace } from "./place-start.js";
import { rejectVariant } from "./reasons.js";
import type { OwnNamed } from "./subject-tag.js";
import type { ParseRejected } from "./types.js";

/**
 * A voter list (DPT, DPS, DPTb, DPK, DPSHP; "Daftar Pemilih Tetap" …) or an ad-hoc body (PPK,
 * PPS, KPPS, Pantarlih, PPDP), then a gap, perhaps "di", "se-" or "wilayah", and a letter:
 * where a place may start ("PPK di Surabaya", "DPT se-Kota Bekasi"), unless it is the
 * election's or the year's word that usually follows a list ("DPT Pemilu 2024") or the rest of
 * the list's name (no shorter match of "Daftar Pemilih Tetap"). Global.
 */
const BODY_THEN_WORD =
  /(?<![a-z0-9])(?:dp(?:tb|t|shp|s|k)|pp[ks]|kpps|pantarlih|ppdp|daftar[^a-z0-9]+pemilih(?:[^a-z0-9]+(?:tetap|sementara|tambahan|khusus))?)[^a-z0-9]+(?:(?:di|se|wilayah)[^a-z0-9]+)?(?=[a-z])(?!pemil|tahun|th(?![a-z])|tetap|sementara|tambahan|khusus)/g;

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
  BODY_THEN_WORD.lastIndex = from;
  for (let m = BODY_THEN_WORD.exec(folded); m; m = BODY_THEN_WORD.exec(folded)) {
    const at = m.index + m[0].length;
    if (!mayStartPlace(folded, at)) continue;
    const place = otherPlaceFirst(folded.slice(at), o);
    if (place === null) continue;
    if (owner.ownNamed()) return null;
    return rejectVariant(
      "OFFICE_IN_SUBJECT:bodyPlace",
      `${m[0].replace(/[^a-z0-9]+$/, "").toUpperCase()} ${place}`,
    );
  }
  return null;
}
