/**
 * Another office's area as the subject's: a voter list's or an ad-hoc body's name followed by
 * another office's place ("… ttg Penetapan DPT Kota Bekasi", "Pembentukan PPK Kepulauan Seribu",
 * "Daftar Pemilih Tetap Jakarta Barat", "PPS Kelurahan Harapan Jaya Kota Bekasi", "Lokasi TPS Kota
 * Bekasi"), and so an electoral district ("Dapil Kota Bekasi"), a tally's level ("Rekapitulasi …
 * Tingkat Kota Jakarta Barat"), a DPRD's seats or candidates ("Calon Terpilih Anggota DPRD Kota
 * Bekasi") or a mayor's or regent's election ("Pasangan Calon Walikota Bekasi"). Only the office
 * of that place sets its voter lists and polling stations, forms its PPK, PPS and KPPS and runs
 * its elections and tallies, so such a decree is that office's, typed without its issuer, unless
 * the head names this office ("SK Ketua KPU Jakut … ttg DPT Kota Bekasi" is this office's, as any
 * other office in its subject is). Read even after "tentang": unlike a place in the subject's
 * running text ("Kerja Sama dengan Pemkot Jakarta Barat"), the place right after the list, the
 * body or the level (past the election's words and year: "DPT Pemilu 2024 Kota Bekasi") is the
 * one whose list, body or tally it is. Decisions only another body makes are read here too
 * (otherBodysDecision: Bawaslu's, KPU RI's; candidateDecision: a province's election's
 * candidates). Pure.
 */
import {
  bodyArea,
  cityOffice,
  DISTRICT,
  districtPlace,
  dkiDistrict,
  inDki,
  isKnownPlace,
  isOwnProvince,
  isProvince,
  officeLevel,
  ownDkiNameCut,
  ownProvinceWords,
  wordsNear,
} from "./area.js";
import { AMENDING, allKpuOffices, otherKpuBusiness } from "./kpu-business.js";
import { isWordChar, isYearShaped } from "./numbers.js";
import { type CompiledOffice, otherPlaceFirst } from "./office.js";
import { ISSUER_BODIES, MAYOR_ELECTION, REGENT_ELECTION } from "./office-words.js";
import { mayStartPlace } from "./place-start.js";
import { otherPrison } from "./prison.js";
import { type ReasonVariant, rejectVariant } from "./reasons.js";
import { isOtherRegionCode } from "./region-code.js";
import {
  ALL_HINTS,
  DECISION_WORDS,
  ELECTION_WORDS,
  HINT_BODY,
  HINT_CANDIDATES,
  HINT_DECISION,
  HINT_ELECTION,
  HINT_KPT,
  HINT_KPU,
  HINT_TAG,
  holdsAny,
} from "./subject-hints.js";
import { type OwnNamed, officeTag } from "./subject-tag.js";
import { wordAt } from "./text.js";
import type { ParseRejected } from "./types.js";

/**
 * Where BODY_THEN_WORD may match (its alternatives' first letters, or for a regional head's
 * election the head's word): most subjects hold none, and this short alternation finds that in
 * one fast scan.
 */
const BODY_START =
  /d(?:p|a(?:ftar|pil|erah|ta))|p(?:p|antarlih|il)|kpps|t(?:ps|ingkat)|secara|wali|bupati|gubernur/g;
/**
 * An election's words: the place after them may be the election's ("DPT Pilkada DKI Jakarta
 * 2024" is every Jakarta city's list for the governor's election), not the list's.
 */
const ELECTION = new Set([
  "pemilu",
  "pemilihan",
  "umum",
  "pilkada",
  "pemilukada",
  "pilgub",
  "serentak",
]);
/**
 * Words that introduce the list's or the body's own area: the place after them is whose list or
 * body it is ("DPT Pemilu 2024 di Kota Bekasi", "Rekap DPT Tingkat Provinsi DKI Jakarta").
 */
const AREA = new Set(["di", "se", "wilayah", "tingkat", "tk"]);
/**
 * Words that may stand between a list or a body and its place besides those two kinds, and a
 * year: "DPT Pemilu Tahun 2024 Kota Bekasi", "PPK Pilwalkot Bekasi", "DPT dalam Pemilu 2024 …".
 */
const BETWEEN_WORDS: ReadonlySet<string> = new Set([
  ...ELECTION,
  ...AREA,
  "pileg",
  "pilpres",
  "pilwalkot",
  "pilwako",
  "pilbup",
  "tahun",
  "th",
  "thn",
  "dalam",
  "pada",
  "untuk",
  "periode",
  "terpilih",
  // A body's new members ("PPK Baru Kec Cakung"): the place is after it (BODY_ADJECTIVES).
  "baru",
  // The office whose list or body it is, named before its place: "PPK KPU Kab Bogor".
  "kpu",
  "kpud",
]);
/** BETWEEN_WORDS, a year and a number ("TPS 028 Kelurahan …"), as BODY_THEN_WORD's alternatives. */
const BETWEEN = [...BETWEEN_WORDS, "(?:19|20|21)[0-9]{2}", "[0-9]{1,3}"];
/**
 * A region's head, elected: the area's own KPU runs that election (a province's, every office in
 * the province: the province is read as own or another's).
 */
const HEAD = "(?:walikota|wali[^a-z0-9]+kota|bupati|gubernur)";
/**
 * At a word's start, sticky: a voter list (DPT, DPS, DPTb, DPK, DPSHP; "Daftar Pemilih Tetap" …),
 * an ad-hoc body (PPK, PPS, KPPS, Pantarlih, PPDP) or TPS; a DPRD after its seats' or candidates'
 * words, "Dapil" or "Daerah Pemilihan"; "Tingkat" after a tally's or a list's word; a mayor or a
 * regent after an election's or a candidate's word ("Calon Walikota dan Wakil Walikota"). Each
 * literal comes before its lookbehind, which then runs only where the literal stands. Then a gap,
 * up to six of BETWEEN's words each with its gap (group 2), and a letter: where a place may
 * start. The list (group 1) and the words
 * between are each read whole, as atomic groups (a lookahead and its back-reference): "Daftar
 * Pemilih Tetap Pemilu" never retries as "Daftar Pemilih" and "Tetap", and "DPT Pemilu 2024"
 * never as a place "Pemilu", so most subjects with a list fail here, in the regex.
 */
const BODY_THEN_WORD = new RegExp(
  "(?=(" +
    [
      "dp(?:tb|t|shp|s|k)|pp[ksd]|kpps|pantarlih|ppdp|tps",
      "(?:daftar|data)[^a-z0-9]+pemilih(?:[^a-z0-9]+(?:tetap|sementara|tambahan|khusus))?",
      "dprd(?<=(?:anggota|kursi|calon|terpilih|caleg|pemilu|pemilihan)[^a-z0-9]+dprd)",
      "dapil|daerah[^a-z0-9]+pemilihan",
      "(?:tingkat|secara)(?<=(?:rekap|hasil|suara|pemilih|dp[st]|kampanye)[^]*(?:tingkat|secara))",
      `${HEAD}(?<=(?:pemilihan|calon|paslon|pilkada)[^a-z0-9]+${HEAD})(?:[^a-z0-9]+dan[^a-z0-9]+wakil[^a-z0-9]+${HEAD})?`,
      "pil(?:gub|kada|walkot|wako|bup)",
    ].join("|") +
    "))\\1[^a-z0-9]+" +
    `(?=((?:(?:${BETWEEN.join("|")})[^a-z0-9]+){0,6}))\\2(?=[a-z])`,
  "y",
);

/**
 * The refusal of a subject, from `from` in `folded`, that names a voter list, an ad-hoc body or
 * another of BODY_THEN_WORD's kinds of another office's place (module comment), or null; `owner`
 * tells whether the head names this office, asked only when such a place is found.
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
    const next = wordAt(folded, at);
    // Right after an ad hoc body, a DKI district's or village's name ("KPPS Tegal Alur") is
    // read before a city's or a regency's ("Tegal"): the body is named after its own.
    const afterBody = AD_HOC_BODY.has(m[1]!) && (m[2] === "" || onlyAdjectives(m[2]!));
    // For an office outside DKI, the district or village named right after the body, read in
    // Indonesia's tables (area.ts bodyArea): this office's own body, or another area's.
    const area = afterBody ? bodyArea(folded, at, o, m[1] === "ppk") : undefined;
    if (area === "own") continue;
    const bare = area ?? (afterBody ? bareDistrict(folded, at, o) : undefined);
    const place = DISTRICT.has(next)
      ? districtPlace(folded, at, o)
      : bare !== undefined
        ? bare
        : mayStartPlace(folded, at)
          ? otherPlaceFirst(folded.slice(at), o)
          : null;
    const kind = kindOf(m[1]!);
    let found = place;
    if (place === null) {
      // A tally at the province's or the nation's level ("Rekapitulasi … Tingkat Provinsi",
      // "Hasil Pemilu … Secara Nasional"): a city's or a regency's office holds neither.
      if (kind !== LEVEL || !UPPER_LEVEL.has(next) || !cityOffice(o)) continue;
      found = next.toUpperCase();
    } else {
      // The election named by its office ("DPT Pemilihan Gubernur DKI Jakarta", "… Bupati
      // Bogor"): the place is the election's, read by the ELECTED kind.
      if (ISSUER_BODIES.has(next)) continue;
      // Right after a list or a body, any words after a level word are its place, as in "KPU
      // <place>"; further on, or after the other kinds, only a place known by name.
      if ((kind !== LIST || m[2] !== "") && !isKnownPlace(place)) continue;
      // This office's province's DPRD, district or election (its governor's, "Pilgub DKI") is
      // every city's and regency's in it too: each sets its own list and tallies its part.
      // After that election's name, a place is again the list's ("DPT Pilgub DKJ 2024 Jakarta
      // Barat").
      if (
        isProvince(place) &&
        (kind === SEATS || kind === ELECTED || (kind === LIST && electionLast(m[2]!))) &&
        isOwnProvince(place, o)
      ) {
        found = kind === LIST ? placeAfter(folded, at, place, o) : null;
        if (found === null) continue;
      }
    }
    // A head that names this office is trusted over a place that may be its own cut short
    // ("SK KPU Jakut … PPS Kamal": Kamal Muara?), not over another DKI city's district or
    // village no own name starts with ("… PPK Kecamatan Cengkareng": Jakarta Barat's alone).
    if (owner.ownNamed() && (found === null || ownDkiNameCut(found, o) !== false)) return null;
    return rejectVariant("OFFICE_IN_SUBJECT:bodyPlace", `${m[1]!.toUpperCase()} ${found}`);
  }
  return null;
}

/** The ad hoc bodies, each named after its district or village ("PPK Cakung", "PPS Pluit"). */
const AD_HOC_BODY = new Set(["ppk", "pps", "kpps", "pantarlih", "ppdp"]);

/**
 * Another DKI city's district or village named bare right after an ad hoc body, at `at`
 * ("Pembentukan PPK Cakung": Jakarta Timur's), as shown; null for this office's own; undefined
 * for no DKI name (or an office outside DKI, or a word that describes the body, BODY_ADJECTIVES).
 */
function bareDistrict(folded: string, at: number, o: CompiledOffice): string | null | undefined {
  if (BODY_ADJECTIVES.has(wordAt(folded, at))) return undefined;
  return dkiDistrict([{ word: "" }, ...wordsNear(folded, at)], o);
}

/**
 * Village names that are also words describing a body: right after one, bare, they are the
 * word ("Pembentukan KPPS baru", "Anggota PPK Baru Kec Koja": new members), not the village
 * (Jakarta Timur's Kelurahan Baru, which a name writes with its level word: "PPS Kel Baru").
 */
const BODY_ADJECTIVES: ReadonlySet<string> = new Set(["baru"]);

/** Whether BETWEEN's words `between` are BODY_ADJECTIVES only ("baru "). */
function onlyAdjectives(between: string): boolean {
  return between.split(/[^a-z0-9]+/).every((w) => w === "" || BODY_ADJECTIVES.has(w));
}

/** A voter list, an ad hoc body or polling stations (TPS): the area's own. */
const LIST = 0;
/**
 * A DPRD's seats and candidates or an electoral district: a province's are every city's and
 * regency's in it too (each tallies its part of the province's DPRD election).
 */
const SEATS = 1;
/** A tally's level: "Tingkat …", "Secara …". */
const LEVEL = 2;
/** A region head's election: "Calon Walikota …", "Pilkada …", "Pemilihan Gubernur …". */
const ELECTED = 3;

/** The kind of BODY_THEN_WORD's group 1, `t`. */
function kindOf(t: string): number {
  if (t.startsWith("dprd") || t.startsWith("dapil") || t.startsWith("daerah")) return SEATS;
  if (t.startsWith("tingkat") || t.startsWith("secara")) return LEVEL;
  if (/^(?:wali|bupati|gubernur|pil)/.test(t)) return ELECTED;
  return LIST;
}

/** Whether BETWEEN's words `between` name an election after the last word of an area. */
function electionLast(between: string): boolean {
  let election = false;
  for (const w of between.split(/[^a-z0-9]+/)) {
    if (ELECTION.has(w)) election = true;
    else if (AREA.has(w)) election = false;
  }
  return election;
}

/** A tally's level above a city's ("Tingkat Provinsi", "Secara Nasional"). */
const UPPER_LEVEL = new Set(["provinsi", "prov", "propinsi", "nasional", "pusat"]);

/**
 * Another office's place after this office's province and BETWEEN's words that follow it, from
 * `at` where the province `province` starts ("DPT Pilgub DKJ 2024 Jakarta Barat"): as shown, or
 * null for none or for another province.
 */
function placeAfter(
  folded: string,
  at: number,
  province: string,
  o: CompiledOffice,
): string | null {
  const ws = wordsNear(folded, at);
  let k = ownProvinceWords(province, o);
  while (k < ws.length && (BETWEEN_WORDS.has(ws[k]!.word) || isYearShaped(ws[k]!.word))) k++;
  if (k >= ws.length) return null;
  const start = ws[k]!.end - ws[k]!.word.length;
  if (!mayStartPlace(folded, start)) return null;
  const place = otherPlaceFirst(folded.slice(start), o);
  return place !== null && !isProvince(place) && isKnownPlace(place) ? place : null;
}

/**
 * Bawaslu's supervisors formed, appointed, replaced or paid ("Pembentukan Panwascam", "Penetapan
 * Anggota Panwaslu Kecamatan Penjaringan", "Penetapan PKD Kel …", "Honorarium Pengawas TPS"), or
 * the results of their supervision set ("Penetapan Hasil Pengawasan Kampanye"): only Bawaslu
 * does that. Group 1 is the results, group 2 the body.
 */
const OVERSIGHT =
  /(?<![a-z0-9])penetapan[^a-z0-9]+(hasil[^a-z0-9]+pengawasan)(?![a-z0-9])|(?<![a-z0-9])(?:pembentukan|pengangkatan|penetapan|pemberhentian|penggantian|pelantikan|seleksi|paw|honorarium|honor)(?:[^a-z0-9]+(?:antar[^a-z0-9]*waktu|anggota|calon|hasil|seleksi|panitia|staf|pegawai|sekretariat|tenaga|pendukung))*[^a-z0-9]+(panwascam|panwaslu|panwas|pkd|ptps|pengawas[^a-z0-9]+(?:pemilu|pemilihan|tps|tempat[^a-z0-9]+pemungutan|kelurahan|desa|kecamatan))(?![a-z0-9])/g;
/**
 * Decisions only KPU RI or its Secretariat General makes: DPR's and DPD's candidates (not a
 * DPRD's, nor a tally of their votes), KPU members appointed, dismissed or replaced, a KPU
 * secretary appointed or the Secretariat General's staff, presidential candidates, the
 * president elected (set: "Penetapan …"; a tally of the votes is a city office's too), the
 * DPR's seats, electoral districts set with their seats, the selection team for KPU members,
 * the parties set ("Penetapan Partai Politik …": those in an election, those verified; KPU RI
 * sets them for every level since 2004), a technical guideline for the governors', regents' and
 * mayors' elections together or for voting and counting ("Pedoman Teknis Pemungutan dan
 * Penghitungan Suara"), the national voter list ("DPT Nasional"), the nation's results set
 * ("Penetapan Hasil Pemilu … Secara Nasional"). The one group that matched is
 * what the decision is about. Not read so: another technical guideline, which a city office may
 * set for its own work ("Pedoman Teknis Kampanye"), and a party's verification, which city
 * offices carry out.
 */
const NATIONAL =
  /(?<![a-z0-9])(?:(?:daftar[^a-z0-9]+calon[^a-z0-9]+(?:tetap|sementara)|dct|dcs|calon[^a-z0-9]+terpilih|penetapan[^a-z0-9]+calon)[^a-z0-9]+(anggota[^a-z0-9]+(?:dpr|dpd))(?![a-z0-9])|(?:penggantian[^a-z0-9]+antar[^a-z0-9]*waktu|paw|pemberhentian|pengangkatan|pelantikan)[^a-z0-9]+(?:(?:antar[^a-z0-9]*waktu|sementara|dengan[^a-z0-9]+hormat)[^a-z0-9]+)?(anggota[^a-z0-9]+kpu)(?![a-z0-9])|pengangkatan[^a-z0-9]+(?:dalam[^a-z0-9]+jabatan[^a-z0-9]+)?(sekretaris[^a-z0-9]+kpu)(?![a-z0-9])|penetapan[^a-z0-9]+(?:pasangan[^a-z0-9]+(?:calon[^a-z0-9]+)?)?(presiden(?:[^a-z0-9]+dan[^a-z0-9]+wakil[^a-z0-9]+presiden)?[^a-z0-9]+terpilih)|(alokasi[^a-z0-9]+kursi[^a-z0-9]+anggota[^a-z0-9]+dpr)(?![a-z0-9])|penetapan[^a-z0-9]+(?:pasangan[^a-z0-9]+)?((?:calon|paslon)[^a-z0-9]+presiden)(?![a-z0-9])|(?:lingkungan|formasi[^a-z0-9]+(?:cpns|pppk|pegawai))[^a-z0-9]+(sekretariat[^a-z0-9]+jenderal[^a-z0-9]+kpu)(?![a-z0-9])|penetapan[^a-z0-9]+((?:jumlah|alokasi)[^a-z0-9]+kursi[^a-z0-9]+dan[^a-z0-9]+(?:daerah[^a-z0-9]+pemilihan|dapil)|(?:daerah[^a-z0-9]+pemilihan|dapil)[^a-z0-9]+dan[^a-z0-9]+(?:jumlah|alokasi)[^a-z0-9]+kursi)(?![a-z0-9])|penetapan[^a-z0-9]+(partai[^a-z0-9]+politik|parpol)(?![a-z0-9])|pembentukan[^a-z0-9]+(tim[^a-z0-9]+seleksi[^a-z0-9]+calon[^a-z0-9]+anggota[^a-z0-9]+kpu)(?![a-z0-9])|(?:pedoman|petunjuk)[^a-z0-9]+teknis.*?(gubernur.*?bupati.*?wali[^a-z0-9]*kota)(?![a-z0-9])|(?:pedoman|petunjuk)[^a-z0-9]+teknis[^a-z0-9]+(?:pelaksanaan[^a-z0-9]+)?(pemungutan[^a-z0-9]+dan[^a-z0-9]+penghitungan[^a-z0-9]+suara)(?![a-z0-9])|((?:dpt|daftar[^a-z0-9]+pemilih[^a-z0-9]+tetap)[^a-z0-9]+nasional)(?![a-z0-9])|penetapan[^a-z0-9]+(hasil[^a-z0-9]+(?:pemilu|pemilihan[^a-z0-9]+umum)[^a-z0-9]+(?:(?:tahun|th)[^a-z0-9]+)?(?:(?:19|20)\d\d[^a-z0-9]+)?(?:secara[^a-z0-9]+)?nasional)(?![a-z0-9]))/g;

/**
 * A decision about an election's candidates ("Penetapan Daftar Calon Tetap …", "… Calon
 * Terpilih", "… Perolehan Kursi", "… Nomor Urut Pasangan Calon", "… Syarat Minimal Dukungan",
 * "… Jadwal dan Tempat Debat", "… Batas Maksimal Pengeluaran Dana Kampanye", "… Gubernur dan
 * Wakil Gubernur Terpilih"): made by the KPU
 * that runs the election, never by a city's or a regency's office for its province's governor or
 * DPRD (CANDIDATE_OF), nor, in DKI Jakarta, for a mayor or a regent, whom DKI does not elect.
 */
const CANDIDATE_DECISION =
  /(?<![a-z0-9])penetapan[^a-z0-9]+(?:daftar[^a-z0-9]+calon[^a-z0-9]+(?:tetap|sementara)|dct|dcs|calon[^a-z0-9]+(?:terpilih|tetap|anggota|gubernur|wali|walikota|bupati|perseorangan)|perolehan[^a-z0-9]+kursi|nomor[^a-z0-9]+urut|pasangan[^a-z0-9]+calon|syarat[^a-z0-9]+(?:minimal[^a-z0-9]+)?dukungan|jumlah[^a-z0-9]+dukungan|jadwal[^a-z0-9]+(?:dan[^a-z0-9]+tempat[^a-z0-9]+)?debat|batas[^a-z0-9]+maksimal[^a-z0-9]+(?:pengeluaran|dana)|(?:gubernur|bupati|wali[^a-z0-9]*kota)(?:[^a-z0-9]+dan[^a-z0-9]+wakil[^a-z0-9]+(?:gubernur|bupati|wali[^a-z0-9]*kota))?[^a-z0-9]+terpilih)(?![a-z0-9])/g;
/** Whose candidates: a governor (group 1), a province's DPRD (1), a mayor or a regent (2). */
const CANDIDATE_OF =
  /(?<![a-z0-9])(?:(gubernur|dprd[^a-z0-9]+prov(?:insi)?)|(wali[^a-z0-9]*kota|walikota|bupati|dprd[^a-z0-9]+(?:kota|kabupaten|kab)))(?![a-z0-9])/g;
/** A tally's words: a city's office tallies every election held in its area. */
const TALLY = /rekap|penghitungan|perolehan[^a-z0-9]+suara|hasil[^a-z0-9]+pemungutan/g;

/**
 * A decision about a province's election's candidates, or in DKI Jakarta about a mayor's or a
 * regent's, in the subject from `from` (CANDIDATE_DECISION): the detail to refuse it with, or
 * null. Only for a city's or a regency's office; a tally is its own.
 */
function candidateDecision(folded: string, from: number, o: CompiledOffice): string | null {
  // Cheapest first: most subjects decide no candidates; of those, most name no such office.
  CANDIDATE_DECISION.lastIndex = from;
  if (!CANDIDATE_DECISION.test(folded)) return null;
  CANDIDATE_OF.lastIndex = from;
  const of = CANDIDATE_OF.exec(folded);
  if (of === null) return null;
  TALLY.lastIndex = from;
  if (TALLY.test(folded) || !cityOffice(o)) return null;
  if (of[1] !== undefined) return of[1].toUpperCase();
  return inDki(o) ? of[2]!.toUpperCase() : null;
}

/** A word OVERSIGHT, NATIONAL or ETHICS needs, or a prison's (prison.ts). */
const DECISION_GATE = new RegExp(DECISION_WORDS.join("|"), "g");

/**
 * Another body's decision as the subject from `from` (OVERSIGHT: Bawaslu's; NATIONAL: KPU RI's;
 * ETHICS: DKPP's),
 * or null; as otherBodyPlace, unless the head names this office (`owner`). Asked only where
 * DECISION_GATE matched.
 */
export function otherBodysDecision(
  folded: string,
  from: number,
  owner: OwnNamed,
): ParseRejected | null {
  for (const [re, variant] of DECISIONS) {
    re.lastIndex = from;
    const m = re.exec(folded);
    if (m === null || cited(folded, from, m.index) || owner.ownNamed()) continue;
    // The one group that matched is what the decision is about.
    return rejectVariant(
      variant,
      m
        .slice(1)
        .find((g) => g !== undefined)!
        .toUpperCase(),
    );
  }
  return null;
}

/**
 * DKPP's decisions: its regional panels (Tim Pemeriksa Daerah) are formed and their members set
 * by DKPP, never by a KPU office. Group 1 is the panel.
 */
const ETHICS =
  /(?<![a-z0-9])(?:pembentukan|penetapan|pengangkatan|pemberhentian)[^a-z0-9]+(?:(?:anggota|keanggotaan)[^a-z0-9]+)?(tim[^a-z0-9]+pemeriksa[^a-z0-9]+daerah)(?![a-z0-9])/g;

/** Each body's decisions with the text they are refused with, in the order they are read. */
const DECISIONS = [
  [OVERSIGHT, "OFFICE_IN_SUBJECT:oversight"],
  [NATIONAL, "OFFICE_IN_SUBJECT:national"],
  [ETHICS, "OFFICE_IN_SUBJECT:ethics"],
] as const;

/**
 * Whether the subject from `from` cites another decree by its title before `at` ("Pelaksanaan
 * Keputusan KPU Nomor 1050 Tahun 2024 tentang Penetapan Partai Politik Peserta Pemilu"): what
 * follows is that decree's title, not this one's decision.
 */
function cited(folded: string, from: number, at: number): boolean {
  CITED_TITLE.lastIndex = from;
  const t = CITED_TITLE.exec(folded);
  return t !== null && t.index < at;
}
/** "tentang" in a subject: a cited decree's title follows. */
const CITED_TITLE = /(?<![a-z0-9])(?:tentang|ttg)(?![a-z0-9])/g;

/**
 * Another office in a tag after the subject from `from` (subject-tag.ts officeTag), its voter
 * list or ad-hoc body as the subject (otherBodyPlace), another body's decision
 * (otherBodysDecision) or a decision about candidates a city's office does not make
 * (candidateDecision), or null: the subject's office checks, on the plain and the lenient path
 * alike. `hints`: subject-hints.ts subjectHints(folded, from), or ALL_HINTS; a check whose bit
 * is clear finds nothing and is skipped.
 */
export function officeAfterSubject(
  folded: string,
  from: number,
  o: CompiledOffice,
  owner: OwnNamed,
  hints = ALL_HINTS,
): ParseRejected | null {
  const tagOrPlace =
    ((hints & HINT_TAG) === 0 ? null : officeTag(folded, from, o)) ??
    ((hints & HINT_BODY) === 0 ? null : otherBodyPlace(folded, from, o, owner));
  if (tagOrPlace !== null) return tagOrPlace;
  // An old-style number amended or revoked with another office's region code in it.
  const amended =
    (hints & HINT_KPT) !== 0 && folded.includes("kpt", from)
      ? amendedOtherNumber(folded, from, o)
      : null;
  if (amended !== null) return rejectVariant("OFFICE_IN_SUBJECT:amends", amended);
  // Most subjects hold none of the words another body's decision or a prison needs: one scan
  // for both (DECISION_GATE).
  DECISION_GATE.lastIndex = from;
  const decision = (hints & HINT_DECISION) !== 0 && DECISION_GATE.test(folded);
  const other = decision ? otherBodysDecision(folded, from, owner) : null;
  if (other !== null) return other;
  // Each check below is refused only when the head does not name this office: the first one
  // found decides, and the head is asked once.
  const found = otherAreasBusiness(folded, from, o, decision, hints);
  return found === null || owner.ownNamed() ? null : rejectVariant(found[0], found[1]);
}

/**
 * An old-style number in the subject from `from`, after a word that amends or revokes it
 * ("Perubahan atas SK 8/PL.02.1-Kpt/3171/KPU-Kot/II/2021"), whose region code is another
 * office's: that code, as shown; else null. Only the office that made a decree amends it
 * (kpu-business.ts amendedOther reads the same of "KPU <place>").
 */
function amendedOtherNumber(folded: string, from: number, o: CompiledOffice): string | null {
  AMENDED_NUMBER.lastIndex = from;
  for (let m = AMENDED_NUMBER.exec(folded); m; m = AMENDED_NUMBER.exec(folded)) {
    if (isOtherRegionCode(m[1]!, o)) return m[1]!;
  }
  return null;
}

/** An amending word (kpu-business.ts AMENDING), then an old-style number's "-Kpt" and its region code (group 1). */
const AMENDED_NUMBER = new RegExp(
  `(?<![a-z0-9])(?:${[...AMENDING].join("|")})(?![a-z0-9]).*?kpts?[\\s/_.-]+(\\d{4})(?![0-9])`,
  "g",
);

/**
 * The first of the subject's other checks that finds another office's business, as the
 * refusal's variant and detail: a prison's TPS (asked only where DECISION_GATE matched,
 * `gated`), every KPU office together, another KPU office's own business, a decision about
 * candidates this office does not make; null for none. `hints` as officeAfterSubject's.
 */
function otherAreasBusiness(
  folded: string,
  from: number,
  o: CompiledOffice,
  gated: boolean,
  hints: number,
): [ReasonVariant, string] | null {
  const prison = gated ? otherPrison(folded, from, o) : null;
  if (prison !== null) return ["OFFICE_IN_SUBJECT:bodyPlace", `TPS ${prison}`];
  // The province's office decides for all of its cities' and regencies' offices, and on their
  // members' selection: the checks below are a city's or a regency's office's.
  if ((hints & HINT_KPU) !== 0 && folded.includes("kpu", from) && cityOffice(o)) {
    const all = allKpuOffices(folded, from);
    if (all !== null) return ["OFFICE_IN_SUBJECT:allOffices", all];
    const business = otherKpuBusiness(folded, from, o);
    if (business !== null) {
      const variant = business.amends
        ? "OFFICE_IN_SUBJECT:amends"
        : "OFFICE_IN_SUBJECT:kpuBusiness";
      return [variant, business.named];
    }
  }
  const candidates = (hints & HINT_CANDIDATES) === 0 ? null : candidateDecision(folded, from, o);
  if (candidates !== null) return ["OFFICE_IN_SUBJECT:province", candidates];
  const head = (hints & HINT_ELECTION) === 0 ? null : otherLevelsElection(folded, from, o);
  return head === null ? null : ["OFFICE_IN_SUBJECT:bodyPlace", head];
}

/**
 * A mayor's election in the subject of a regency's office, or a regent's in a city's ("Penetapan
 * DPT Pemilihan Walikota dan Wakil Walikota Bekasi", "DPT Pilwalkot Bogor" for a regency's
 * office of the same name): a regency elects
 * a regent and a city a mayor, so the election is another office's, whatever place follows (a
 * bare "Bekasi" reads as the office's own name). The head's word as shown, or null.
 */
function otherLevelsElection(folded: string, from: number, o: CompiledOffice): string | null {
  if (!holdsAny(folded, ELECTION_WORDS, from)) return null;
  const level = officeLevel(o);
  if (level === null) return null;
  ELECTION_OF_HEAD.lastIndex = from;
  for (let m = ELECTION_OF_HEAD.exec(folded); m; m = ELECTION_OF_HEAD.exec(folded)) {
    const head = m[1] ?? m[2]!;
    const mayor = head.startsWith("wali") || head.startsWith("pilwa");
    if (mayor === (level === "regency")) return head.toUpperCase();
  }
  return null;
}

/**
 * An election's or a candidate's word, then a region head's (group 1): a mayor or a regent; or
 * the election's short name (group 2): "Pilwalkot", "Pilwako", "Pilwali" (a mayor's), "Pilbup"
 * (a regent's).
 */
const ELECTION_OF_HEAD = new RegExp(
  String.raw`(?<![a-z0-9])(?:(?:pemilihan|pilkada|calon|paslon|pasangan[^a-z0-9]+calon)[^a-z0-9]+(wali[^a-z0-9]*kota|bupati)|(${MAYOR_ELECTION}|${REGENT_ELECTION}))(?![a-z0-9])`,
  "g",
);
