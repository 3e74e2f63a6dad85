/**
 * A prison's or a remand centre's polling station or voter list ("TPS Lokasi Khusus Lapas Kelas
 * I Cipinang", "DPT Rutan Pondok Bambu"): the office whose area holds the prison sets both, and
 * the prison is named by its place, most often a village's or district's name with no level
 * word before it (Cipinang is Jakarta Timur's). body-place.ts reads the level words; this reads
 * the place after a prison's name. Pure.
 */
import { dkiDistrict, isKnownPlace, wordsNear } from "./area.js";
import { type CompiledOffice, otherPlaceFirst } from "./office.js";
import { mayStartPlace } from "./place-start.js";

/** A prison's word: Lapas, Rutan, (Lembaga) Pemasyarakatan, (Rumah) Tahanan. */
const PRISON = /(?<![a-z0-9])(?:lapas|rutan|pemasyarakatan|tahanan)(?![a-z0-9])/g;
/** A polling station's or a voter list's word, which makes the prison's place an election's. */
const ELECTION_ITEM = /(?<![a-z0-9])(?:tps|dpt|dps|dptb|dpk|pemilih)(?![a-z0-9])/;
/** Words between a prison's word and its place: its class and kind ("Lapas Pemuda Tangerang"). */
const PRISON_WORDS = new Set([
  "kelas",
  "i",
  "ii",
  "iia",
  "iib",
  "iii",
  "1",
  "2a",
  "2b",
  "3",
  "narkotika",
  "perempuan",
  "wanita",
  "anak",
  "negara",
  "pemuda",
  "dewasa",
  "terbuka",
  "khusus",
  "cabang",
]);

/**
 * Another office's prison named with a polling station or a voter list in the subject from
 * `from` in `folded`: the prison and its place as the rejection shows them, or null. Most
 * subjects name no prison: one regex scan.
 */
export function otherPrison(folded: string, from: number, o: CompiledOffice): string | null {
  PRISON.lastIndex = from;
  const m = PRISON.exec(folded);
  if (m === null || !ELECTION_ITEM.test(from === 0 ? folded : folded.slice(from))) return null;
  const ws = wordsNear(folded, m.index);
  let k = 1;
  while (k < ws.length && PRISON_WORDS.has(ws[k]!.word)) k++;
  if (k >= ws.length) return null;
  const prison = m[0].toUpperCase();
  const dki = dkiDistrict(ws.slice(k - 1), o);
  if (dki !== undefined) return dki === null ? null : `${prison} ${dki}`;
  const start = ws[k]!.end - ws[k]!.word.length;
  if (!mayStartPlace(folded, start)) return null;
  const place = otherPlaceFirst(folded.slice(start), o);
  return place !== null && isKnownPlace(place) ? `${prison} ${place}` : null;
}
