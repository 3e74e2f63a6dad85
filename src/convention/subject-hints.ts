/**
 * One scan of a folded name that tells which of the subject's checks may find anything: a
 * bitmask with a bit per group of checks (the HINT_ constants). A check whose bit is clear
 * finds nothing and is skipped; one whose bit is set runs as it would without hints.
 *
 * Why: most subjects trigger none of the ~20 checks after a plain head, yet each ran its own
 * gate (a substring test or a small regex scan, 20-250 ns apiece, over the same characters).
 * One pass over the name, a table look-up per character, replaces those gates.
 *
 * Contract (each bit is an exact superset of the gate it stands for): every trigger below is a
 * substring some check's gate needs. The scan reads the name's characters as codes (CODE: a
 * letter, a digit, a space, a dash, anything else) and sets, for each character, the bits of
 * the trigram of codes that ends there (TABLE). A trigger of three or more characters has one
 * of its trigrams in TABLE, so wherever it stands its bit is set; one of one or two characters
 * sets its bit after any character or none (before the name's start). Codes that stand for more
 * than one character only add bits (a "(" sets what "_" sets), never lose one.
 * HINT_NAME bits hold for the whole name; the others for the subject, from `from` on, as
 * `folded.includes(trigger, from)` looks for it. Pure.
 */

/** isPlainSubject's NOT_PLAIN: a marker's or noise's word, another character, a double gap. */
export const HINT_NOT_PLAIN = 1 << 0;
/** subjectEnd's part, volume and named-page marks ("bagian", "part", "jilid", "vol", "hal", "hlm"). */
export const HINT_PART = 1 << 1;
export const HINT_VOLUME = 1 << 2;
export const HINT_PAGE = 1 << 3;
/** A second decree's word ("sk", "kep"; subjectEnd, secondInUnmarked). */
export const HINT_DECREE = 1 << 4;
/** "kpt": a second decree's word in a subject that is not plain, an amended old-style number. */
export const HINT_KPT = 1 << 5;
/** body-place.ts officeTag's TAG_GATE: a bracket, a dash, "_" or an origin word. */
export const HINT_TAG = 1 << 6;
/** body-place.ts DECISION_GATE's words. */
export const HINT_DECISION = 1 << 7;
/** "kpu": body-place.ts otherAreasBusiness. */
export const HINT_KPU = 1 << 8;
/** A region head's word (body-place.ts otherLevelsElection). */
export const HINT_ELECTION = 1 << 9;
/** body-place.ts CANDIDATE_DECISION: a word each of its alternatives needs after "penetapan". */
export const HINT_CANDIDATES = 1 << 10;
/** body-place.ts BODY_START: a list's, a body's, a level's or an election's word. */
export const HINT_BODY = 1 << 11;
/** subject-read.ts SUBJECT_HINT's words: a region code's or a KPU office's. */
export const HINT_REGION = 1 << 12;
/** "no": a second decree's number typed without its decree's word (two-decrees.ts numberedSecond). */
export const HINT_NUMBERED = 1 << 13;
/** Whole name: the signing's words of parse.ts signedInOtherYear. */
export const HINT_SIGNED = 1 << 16;
/** Whole name: qualifier-typo.ts englishQualifier's words. */
export const HINT_ENGLISH = 1 << 17;
/** The bits that hold for the whole name, set by its head's characters too. */
const HINT_NAME = HINT_SIGNED | HINT_ENGLISH;
/** Every check may find something: for a text the hints were not taken of. */
export const ALL_HINTS = -1;

// The words whole gates need, kept here once: each gate is built from its list, so the hint and
// the gate cannot drift apart.
/** body-place.ts DECISION_GATE: another body's decision's or a prison's word. */
export const DECISION_WORDS: readonly string[] = [
  "panwas",
  "pengawas",
  "pkd",
  "ptps",
  "anggota",
  "sekretaris",
  "presiden",
  "alokasi",
  "partai",
  "parpol",
  "teknis",
  "nasional",
  "jenderal",
  "dapil",
  "daerah pemilihan",
  "pemeriksa",
  "lapas",
  "rutan",
  "tahanan",
  "pemasyarakatan",
];
/** body-place.ts otherLevelsElection: a region head's or a head's election's word. */
export const ELECTION_WORDS: readonly string[] = ["wali", "bupati", "pilwa", "pilbup"];
/** subject-read.ts SUBJECT_HINT: a region code's or a KPU office's word. */
export const REGION_WORDS: readonly string[] = ["kode", "kd", "kpu", "komisi", "kip"];
/** parse.ts signedInOtherYear: a signing's word. */
export const SIGNED_WORDS: readonly string[] = [
  "ditetapkan",
  "ditandatangani",
  "tgl",
  "tanggal",
  "ttd",
];
/** qualifier-typo.ts englishQualifier: an attachment's or a copy's English word. */
export const ENGLISH_WORDS: readonly string[] = ["attach", "certified"];

/** Whether `folded` holds one of `words` from `from` on (substring tests, native calls). */
export function holdsAny(folded: string, words: readonly string[], from = 0): boolean {
  for (const w of words) if (folded.includes(w, from)) return true;
  return false;
}

/** Character codes: 0 before the name, 1-26 "a"-"z", then a digit, a space, a dash, other. */
const DIGIT = 27;
const SPACE = 28;
const DASH = 29;
const OTHER = 30;
/** A character coded OTHER, standing for all of them in a trigger. */
const ANY_OTHER = "_";

/** Every UTF-16 unit's code, so the scan looks one up without a test (64 KiB, built once). */
const CODE = new Uint8Array(0x10000).fill(OTHER);
for (let c = 0x61; c <= 0x7a; c++) CODE[c] = c - 0x60;
for (let c = 0x30; c <= 0x39; c++) CODE[c] = DIGIT;
CODE[0x20] = SPACE;
CODE[0x2d] = DASH;

function codeOf(ch: number): number {
  return CODE[ch]!;
}

/**
 * Words common in decrees' subjects: of a trigger's trigrams, the one found least in them is
 * picked, so common subjects set few bits ("pemilih" holds "terpilih"'s "lih", not its "rpi").
 */
const COMMON =
  "penetapan daftar pemilih tetap sementara pemilu pemilihan umum pembentukan tim pengelola " +
  "keputusan komisi kpu kota kabupaten provinsi tentang nomor tahun ketua sekretaris anggota " +
  "panitia pemungutan suara kecamatan kelurahan desa petugas pelaksanaan kegiatan jadwal " +
  "tahapan penyelenggaraan pengangkatan pemberhentian honorarium perubahan atas dokumentasi " +
  "informasi hukum jaringan kelompok penyelenggara data rekapitulasi hasil perhitungan";

/** Letters, most used first in Indonesian: of trigrams as rare in COMMON, the latest letters'. */
const BY_USE = "anieturkmsdlpgobhyjcwfvzxq";

function rarity(code: number): number {
  return code >= 1 && code <= 26 ? BY_USE.indexOf(String.fromCharCode(code + 0x60)) : 0;
}

/** How often each trigram of codes stands in COMMON. */
const IN_COMMON = new Map<number, number>();
{
  let w = 0;
  for (let i = 0; i < COMMON.length; i++) {
    w = ((w << 5) | codeOf(COMMON.charCodeAt(i))) & 0x7fff;
    IN_COMMON.set(w, (IN_COMMON.get(w) ?? 0) + 1);
  }
}

/** Bits of every trigram of codes (a << 10 | b << 5 | c). */
const TABLE = new Int32Array(1 << 15);

/** Every trigger added, for the tests' random subjects. */
export const TRIGGERS: string[] = [];

function add(bit: number, triggers: readonly string[]): void {
  TRIGGERS.push(...triggers);
  for (const t of triggers) {
    const codes = [...t].map((ch) => codeOf(ch.charCodeAt(0)));
    if (codes.length === 1) {
      for (let a = 0; a < 32; a++)
        for (let b = 0; b < 32; b++) TABLE[(a << 10) | (b << 5) | codes[0]!]! |= bit;
    } else if (codes.length === 2) {
      for (let a = 0; a < 32; a++) TABLE[(a << 10) | (codes[0]! << 5) | codes[1]!]! |= bit;
    } else {
      // The trigram least found in COMMON, then of the least used letters: any one would do.
      let best = 0;
      let score = Number.NEGATIVE_INFINITY;
      for (let k = 0; k + 3 <= codes.length; k++) {
        const t = (codes[k]! << 10) | (codes[k + 1]! << 5) | codes[k + 2]!;
        const s =
          rarity(codes[k]!) +
          rarity(codes[k + 1]!) +
          rarity(codes[k + 2]!) -
          100 * (IN_COMMON.get(t) ?? 0);
        if (s > score) {
          score = s;
          best = k;
        }
      }
      TABLE[(codes[best]! << 10) | (codes[best + 1]! << 5) | codes[best + 2]!]! |= bit;
    }
  }
}

// subject.ts NOT_PLAIN, alternative by alternative ("(?:nomor|no|nmr)[ -]sementara" needs
// "sementara"; "[^a-z0-9 -]" any OTHER character; "[ -]{2}" two gaps).
add(HINT_NOT_PLAIN, [
  "lamp",
  "salinan",
  "asli",
  "legalis",
  "copy",
  "rev",
  "final",
  "fix",
  "ttd",
  "tte",
  "paraf",
  "tanda",
  "salah",
  "batal",
  "pakai",
  "guna",
  "belum",
  "blm",
  "menunggu",
  "harusnya",
  "mestinya",
  "dobel",
  "double",
  "ganda",
  "nunggu",
  "error",
  "ragu",
  "cek",
  "ganti",
  "berubah",
  "jadi",
  "diubah",
  "ralat",
  "tentatif",
  "dicadangkan",
  "benar",
  "betul",
  "koreksi",
  "coretan",
  "usulan",
  "g mana",
  "g-mana",
  "sementara",
  "menyusul",
  "keliru",
  "scan",
  "dpi",
  "top-",
  ANY_OTHER,
  "  ",
  " -",
  "- ",
  "--",
  "ok",
]);
add(HINT_PART, ["bagian", "part"]);
add(HINT_VOLUME, ["jilid", "vol"]);
add(HINT_PAGE, ["hal", "hlm"]);
add(HINT_DECREE, ["sk", "kep"]);
add(HINT_KPT, ["kpt"]);
add(HINT_NUMBERED, ["no"]);
// subject-tag.ts TAG_GATE: "(", "[", "_", "–" (all OTHER), "-", office.ts ORIGIN's words.
add(HINT_TAG, [ANY_OTHER, "-", "dari", "dr", "kiriman", "from", "asal", "oleh", "milik", "punya"]);
add(HINT_DECISION, DECISION_WORDS);
add(HINT_KPU, ["kpu"]);
add(HINT_ELECTION, ELECTION_WORDS);
// CANDIDATE_DECISION's alternatives after "penetapan": "daftar calon …", "calon …", "pasangan
// calon" need "calon"; the others "dct", "dcs", "kursi", "urut", "dukungan", "debat",
// "maksimal", "terpilih".
add(HINT_CANDIDATES, [
  "calon",
  "dct",
  "dcs",
  "kursi",
  "urut",
  "dukungan",
  "debat",
  "maksimal",
  "terpilih",
]);
// body-place.ts BODY_START, its alternatives written out.
add(HINT_BODY, [
  "dp",
  "daftar",
  "dapil",
  "daerah",
  "data",
  "pp",
  "pantarlih",
  "pil",
  "kpps",
  "tps",
  "tingkat",
  "secara",
  "wali",
  "bupati",
  "gubernur",
]);
add(HINT_REGION, REGION_WORDS);
add(HINT_SIGNED, SIGNED_WORDS);
add(HINT_ENGLISH, ENGLISH_WORDS);

/**
 * The hints of `folded` (a folded name) whose subject starts at `from`: the HINT_NAME bits of
 * the whole name, the others of `folded.slice(from)` (module comment).
 */
export function subjectHints(folded: string, from: number): number {
  if (!hinted) return ALL_HINTS;
  const n = folded.length;
  let hints = 0;
  let w = 0;
  let i = 0;
  // CODE[…] written out, not codeOf(): the scan runs cold for a fresh process's first names,
  // where a call per character costs more than the look-up.
  for (; i < from && i < n; i++) {
    w = ((w << 5) | CODE[folded.charCodeAt(i)]!) & 0x7fff;
    hints |= TABLE[w]!;
  }
  hints &= HINT_NAME;
  for (; i < n; i++) {
    w = ((w << 5) | CODE[folded.charCodeAt(i)]!) & 0x7fff;
    hints |= TABLE[w]!;
  }
  return hints;
}

/** False while allHintsWhile runs: every check runs, as before the hints. */
let hinted = true;

/**
 * `fn()` run with every bit set (ALL_HINTS), as if no scan were taken: for the test that holds
 * every reading with hints to the reading without (test/convention/hints.test.ts), since a
 * trigger missing here would skip a check silently.
 */
export function allHintsWhile<T>(fn: () => T): T {
  hinted = false;
  try {
    return fn();
  } finally {
    hinted = true;
  }
}
