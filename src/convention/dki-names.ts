/**
 * DKI Jakarta's districts and villages (dki-districts.ts) as the readers look them up: by first
 * word, and typed with a slip. Pure.
 */
import { DKI_DISTRICTS } from "./dki-districts.js";
import { JOINING_WORDS } from "./joining-words.js";

/** DKI_DISTRICTS by first word, each with its words and city, the longest first. */
export const DKI_BY_FIRST = new Map<string, { words: string[]; city: string }[]>();
for (const [city, names] of Object.entries(DKI_DISTRICTS)) {
  for (const name of names) {
    const words = name.split(" ");
    const list = DKI_BY_FIRST.get(words[0]!);
    if (list) list.push({ words, city });
    else DKI_BY_FIRST.set(words[0]!, [{ words, city }]);
  }
}
for (const list of DKI_BY_FIRST.values()) list.sort((a, b) => b.words.length - a.words.length);

/**
 * Words after "Kecamatan"/"Kelurahan" that name no place: joining words, an election's, a period's,
 * a body's or a level's words, a scan's or an editor's marks, and the names of DKI's cities
 * ("Kecamatan Jakarta Utara" is a slip for "se-Jakarta Utara", read by the place readers).
 */
export const NOT_A_NAME = new Set([
  ...JOINING_WORDS,
  "se",
  "sebagai",
  "beserta",
  "tahun",
  "th",
  "thn",
  "periode",
  "masa",
  "pemilu",
  "pemilihan",
  "pilkada",
  "pilgub",
  "pileg",
  "pilpres",
  "wilayah",
  "tingkat",
  "seluruh",
  "penyelenggaraan",
  "penyelenggara",
  "anggota",
  "ketua",
  "sekretaris",
  "sekretariat",
  "kecamatan",
  "kec",
  "kelurahan",
  "kel",
  "desa",
  "kota",
  "kab",
  "kabupaten",
  "provinsi",
  "administrasi",
  "adm",
  "jakarta",
  "dki",
  "dkj",
  "jakut",
  "tahap",
  "gelombang",
  "putaran",
  "pengganti",
  "antarwaktu",
  "paw",
  "ad",
  "adhoc",
  "model",
  "lampiran",
  "baru",
  "lama",
  "terpilih",
  "hasil",
  "calon",
  "tps",
  "pps",
  "ppk",
  "kpps",
  // A scan's or an editor's noise at the subject's end ("… 6 Kecamatan scan 300dpi").
  "scan",
  "scanned",
  "copy",
  "salinan",
  "lamp",
  "final",
  "fix",
  "rev",
  "revisi",
  "ttd",
  "tte",
  "draft",
  "draf",
  "konsep",
  "hal",
  "halaman",
  "page",
  "signed",
]);

/**
 * The DKI districts and villages whose names the words after the level word are, typed with a
 * slip: written joined ("kelapagading"), "Tj"/"Tg" for "Tanjung", or one letter off (two in a
 * name of eight letters or more); undefined for none.
 */
export function nearDkiName(
  ws: readonly { word: string }[],
): { words: string[]; city: string }[] | undefined {
  const typed: string[] = [];
  let joined = "";
  for (let k = 1; k <= 3 && k < ws.length; k++) {
    const w = ws[k]!.word;
    joined += w === "tj" || w === "tg" ? "tanjung" : w;
    typed.push(joined);
  }
  const found: { words: string[]; city: string }[] = [];
  for (const list of DKI_BY_FIRST.values()) {
    for (const e of list) {
      const name = e.words.join("");
      if (typed.some((t) => withinSlips(t, name))) found.push(e);
    }
  }
  return found.length > 0 ? found : undefined;
}

/** Whether `a` is `b` with at most one letter changed, added or left out (two from 8 letters). */
function withinSlips(a: string, b: string): boolean {
  const max = b.length >= 8 ? 2 : 1;
  if (Math.abs(a.length - b.length) > max) return false;
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const cur = [i];
    for (let j = 1; j <= b.length; j++) {
      const same = a.charCodeAt(i - 1) === b.charCodeAt(j - 1) ? 0 : 1;
      cur[j] = Math.min(prev[j]! + 1, cur[j - 1]! + 1, prev[j - 1]! + same);
    }
    prev = cur;
  }
  return prev[b.length]! <= max;
}
