/**
 * Whose decree a name says it is. An archive that files another institution's decree among the
 * office's own hides a foreign document and may publish it on JDIH, so a head (the folded text
 * before the subject) that names any other institution is rejected with OTHER_OFFICE, and one
 * that names "KPU" / "Komisi Pemilihan Umum" without a place (how KPU RI's own decrees are
 * titled) with OFFICE_UNCLEAR. Pure.
 *
 * What counts as this office is configuration (`convention.office.names`, the place as typed after
 * "KPU"); the institutions below are the national vocabulary of Indonesian election and
 * government bodies, the same for every office. A word of that vocabulary that a configured jenis
 * phrase or office name uses ("Peraturan Bupati" for a regency's archive) is not foreign.
 */
import type { OfficeConfig } from "../config/schema.js";
import { reject } from "./reasons.js";
import type { ParseRejected } from "./types.js";

/** Words (or word pairs) that name an institution other than a KPU office. */
const FOREIGN = [
  "bawaslu",
  "panwaslu",
  "panwas",
  "panwascam",
  "panwaslih",
  "ppk",
  "pps",
  "kpps",
  "ppln",
  "kppsln",
  "ppdp",
  "pantarlih",
  "dkpp",
  "mahkamah",
  "kementerian",
  "kemendagri",
  "kepmendagri",
  "permendagri",
  "kepmen",
  "permen",
  "kemenkumham",
  "menteri",
  "mendagri",
  "gubernur",
  "walikota",
  "wali kota",
  "bupati",
  "dprd",
  "pemkot",
  "pemprov",
  "pemkab",
  "pemda",
  "sekjen",
  "setjen",
  "sekretaris jenderal",
  "sekretariat jenderal",
  "kpu ri",
  "kpu pusat",
  "kpu provinsi",
  "kpu prov",
  "kpu propinsi",
  "kpu dki",
  "kpu kab",
  "kpu kabupaten",
  "kip",
];
/** Words after "kpu" / "komisi pemilihan umum" that end the place: the rest of the head. */
const PLACE_STOP = new Set([
  "no",
  "nomor",
  "nomer",
  "nmr",
  "tahun",
  "th",
  "thn",
  "tah",
  "tentang",
  "ttg",
  "tntg",
  "lampiran",
  "lamp",
  "salinan",
  "dan",
  "jo",
  "tgl",
  "tanggal",
]);
/** Level words: a place typed after them names an office of that level. */
const LEVEL = new Set([
  "kota",
  "kab",
  "kabupaten",
  "provinsi",
  "prov",
  "propinsi",
  "dki",
  "ri",
  "pusat",
  "republik",
  "adm",
  "administrasi",
]);

export interface CompiledOffice {
  /** Foreign institution words present in the head, as one regex (global). */
  foreign: RegExp | null;
  /** This office's places, as word lists, longest first. */
  places: string[][];
  regionCodes: Set<string>;
  oldCodes: Set<string>;
  /** Words the configured jenis phrases and office names use. */
  own: Set<string>;
}

function words(s: string): string[] {
  return s
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .split(/[^a-z0-9]+/)
    .filter((w) => w.length > 0);
}

export function compileOffice(office: OfficeConfig, phrases: readonly string[]): CompiledOffice {
  const own = new Set(phrases.flatMap(words));
  const places = office.names.map(words).filter((w) => w.length > 0);
  places.sort((a, b) => b.length - a.length);
  const foreign = FOREIGN.filter((f) => {
    const w = words(f);
    // "kpu kab" stays foreign even when "kpu" is an own word: only a phrase all of whose
    // words are own is the configured institution's.
    return !w.every((x) => own.has(x) || places.some((p) => p.includes(x)));
  });
  return {
    foreign:
      foreign.length === 0
        ? null
        : new RegExp(
            `(?<![a-z0-9])(?:${foreign.map((f) => words(f).join("[^a-z0-9]+")).join("|")})(?![a-z0-9])`,
            "g",
          ),
    places,
    regionCodes: new Set(office.regionCodes),
    oldCodes: new Set(office.oldCodes),
    own,
  };
}

/** A cheap test: could `head` name an institution at all? Most heads do not. */
const ANCHOR_HINT =
  /kpu|komisi|ba?wa|panw|pp|dk|kota|kab|prov|men|gub|wali|bupati|dprd|pem|sek|jen|kip|mahk/;
const ANCHOR = /(?<![a-z0-9])(?:kpud?|komisi[^a-z0-9]+pemilihan[^a-z0-9]+umum)(?![a-z0-9])/g;
const WORD = /[a-z0-9]+/g;

/**
 * Why `head` (folded text, blanks allowed) is not this office's decree, or null. `before` is the
 * word before each "kpu": "Ketua KPU" / "Sekretaris KPU" without a place is how clerks shorten
 * their own chair and secretary, while "Keputusan KPU" / "SK KPU" alone is KPU RI's title.
 */
export function checkOffice(head: string, o: CompiledOffice): ParseRejected | null {
  if (!ANCHOR_HINT.test(head)) return null;
  if (o.foreign) {
    o.foreign.lastIndex = 0;
    const m = o.foreign.exec(head);
    if (m) return reject("OTHER_OFFICE", m[0].replace(/[^a-z0-9]+/g, " ").toUpperCase());
  }
  ANCHOR.lastIndex = 0;
  for (let m = ANCHOR.exec(head); m; m = ANCHOR.exec(head)) {
    const after = head.slice(m.index + m[0].length);
    const tail: string[] = [];
    WORD.lastIndex = 0;
    for (let w = WORD.exec(after); w; w = WORD.exec(after)) {
      const word = w[0];
      if (
        PLACE_STOP.has(word) ||
        /^[0-9]/.test(word) ||
        (o.own.has(word) && !isPlaceWord(word, o))
      ) {
        break;
      }
      // Blanked readings (U+0000) between words end the place too.
      const gap = after.slice(0, w.index);
      if (tail.length > 0 && gap.includes("\u0000")) break;
      tail.push(word);
      if (tail.length > 6) break;
    }
    const verdict = placeVerdict(tail, o);
    if (verdict === "own") continue;
    if (verdict === "bare") {
      const before = head.slice(0, m.index).match(/([a-z0-9]+)[^a-z0-9]*$/)?.[1];
      if (before === "ketua" || before === "sekretaris" || before === "sekretariat") continue;
      // The full name without a place is KPU RI's title; a bare "KPU" may be a clerk's shorthand.
      if (!m[0].startsWith("kpu")) return reject("OTHER_OFFICE", "KOMISI PEMILIHAN UMUM (KPU RI)");
      return reject("OFFICE_UNCLEAR", "KPU");
    }
    return reject(
      "OTHER_OFFICE",
      `${m[0].startsWith("kpu") ? "KPU" : "Komisi Pemilihan Umum"} ${verdict}`.toUpperCase(),
    );
  }
  return null;
}

function isPlaceWord(word: string, o: CompiledOffice): boolean {
  return LEVEL.has(word) || o.places.some((p) => p.includes(word));
}

/** "own", "bare" (no place), or the foreign place as typed. */
function placeVerdict(tail: readonly string[], o: CompiledOffice): string {
  if (tail.length === 0) return "bare";
  for (const p of o.places) {
    if (p.length === tail.length && p.every((w, i) => tail[i] === w)) return "own";
  }
  // A place word alone ("KPU Kota") names a level, not an office.
  if (tail.length === 1 && LEVEL.has(tail[0]!) && tail[0] !== "dki" && tail[0] !== "ri") {
    return "bare";
  }
  return tail.join(" ");
}

/**
 * Why an old-style number's office is not this office, or null. `region` is a Style-B region
 * code (…/3172/KPU-Kot/…), `code` a Style-C office code (…/KPU-Kota-012.329521/…).
 */
export function checkOldOffice(
  o: CompiledOffice,
  region: string | null,
  code: string | null,
): ParseRejected | null {
  if (region !== null && o.regionCodes.size > 0 && !o.regionCodes.has(region)) {
    return reject("OTHER_OFFICE_CODE", region);
  }
  if (code !== null && !o.oldCodes.has(code)) return reject("OTHER_OFFICE_CODE", code);
  return null;
}
