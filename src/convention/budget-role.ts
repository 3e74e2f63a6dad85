/**
 * The budget roles a government office's secretary holds: a KPU office's secretary is its
 * Kuasa Pengguna Anggaran and may act as Pengguna Anggaran, Pejabat Pembuat Komitmen or Pejabat
 * Penandatangan SPM, and issues decrees in that capacity ("Keputusan Sekretaris KPU Kota …
 * selaku Kuasa Pengguna Anggaran (KPA) Nomor 4 …"). Such a decree is the secretary's own, one of
 * this office's series, where "selaku Ketua Panitia Seleksi" names another body's decree
 * (own-place.ts). The chair and the commission hold none of these roles: a head that gives them
 * one is unclear, neither filed nor sent out of the archive. After "selaku", "PPK" is the
 * Pejabat Pembuat Komitmen: no one acts "as" a sub-district committee. Read only where "selaku"
 * would refuse a name otherwise (office.ts readOffice, issuer.ts checkIssuer). Pure.
 */
import { isDigit, isWordChar } from "./numbers.js";
import { INSTITUTION_WORDS, PLACE_STOP } from "./office-words.js";
import { CAPACITY, PROVINCE_WORDS } from "./own-place.js";
import { type WordAt, wordsFrom } from "./text.js";

/** The roles, as folded words: the names and their abbreviations. */
const ROLES: readonly (readonly string[])[] = [
  "kuasa pengguna anggaran",
  "kpa",
  "pengguna anggaran",
  "pa",
  "pejabat pembuat komitmen",
  "ppk",
  "pejabat penandatangan surat perintah membayar",
  "pejabat penandatangan spm",
  "ppspm",
].map((r) => r.split(" "));

/** Words that join two roles one official holds ("selaku KPA dan PPK", "KPA merangkap PPK"). */
const JOINERS = new Set(["dan", "merangkap", "sekaligus"]);

/** The secretary's own words, as the jenis phrases spell them ("Sekretaris", "Sek", "Sekr"). */
const SECRETARY = new Set(["sekretaris", "sekretariat", "sek", "sekr"]);

/** How many words of `ws` from `k` spell a role (the longest), 0 when none. */
function roleAt(ws: readonly WordAt[], k: number): number {
  let n = 0;
  for (const r of ROLES) {
    if (r.length > n && r.every((w, i) => ws[k + i]?.word === w)) n = r.length;
  }
  return n;
}

/**
 * Where "selaku <role>" that starts at `at` in `head` (folded) ends: its last word's end, when
 * one or more roles follow "selaku" (joined by "dan" / "merangkap", each perhaps with its
 * abbreviation after it) and then a number, a keyword or the head's end. -1 otherwise: "selaku
 * KPA Kota Bekasi" is read as before.
 */
export function budgetRoleEnd(head: string, at: number): number {
  if (at > 0 && isWordChar(head.charCodeAt(at - 1))) return -1;
  const ws = wordsFrom(head, at);
  if (ws[0]?.word !== CAPACITY) return -1;
  let k = 1;
  for (;;) {
    const n = roleAt(ws, k);
    if (n === 0) return -1;
    k += n;
    // "Kuasa Pengguna Anggaran (KPA)": the abbreviation after the role's name.
    if (n > 1 && roleAt(ws, k) === 1) k++;
    if (k < ws.length && JOINERS.has(ws[k]!.word) && roleAt(ws, k + 1) > 0) k++;
    else break;
  }
  const next = ws[k]?.word;
  if (next !== undefined && !PLACE_STOP.has(next) && !isDigit(next.charCodeAt(0))) return -1;
  return ws[k - 1]!.end;
}

/**
 * Whether `at` in `head` lies inside "selaku <role>" (budgetRoleEnd): "selaku Pejabat
 * Penandatangan Surat Perintah Membayar" names the role, no "surat perintah" (doc-kind.ts).
 */
export function inBudgetRole(head: string, at: number): boolean {
  const from = head.lastIndexOf(CAPACITY, at);
  return from >= 0 && budgetRoleEnd(head, from) > at;
}

/**
 * Whether the words of `head` right before `at` are the secretary's (a configured phrase word of
 * SECRETARY, or its misspelling in `typos`), with only this office's name between: "KPU" /
 * "Komisi Pemilihan Umum", this office's place words (`ownPlaceWords`), its province.
 */
export function secretaryBefore(
  head: string,
  at: number,
  ownPlaceWords: ReadonlySet<string>,
  vocabulary: ReadonlySet<string>,
  typos: ReadonlyMap<string, string>,
): boolean {
  let e = at;
  for (;;) {
    while (e > 0 && !isWordChar(head.charCodeAt(e - 1))) e--;
    if (e === 0) return false;
    let b = e;
    while (b > 0 && isWordChar(head.charCodeAt(b - 1))) b--;
    const w = head.slice(b, e);
    const spelt = typos.get(w) ?? w;
    if (SECRETARY.has(spelt)) return vocabulary.has(spelt);
    if (!ownPlaceWords.has(w) && !INSTITUTION_WORDS.has(w) && !PROVINCE_WORDS.has(w)) return false;
    e = b;
  }
}
