/**
 * The national vocabulary office.ts reads names with: the words and word pairs that name an
 * institution other than a KPU office (election bodies, ministries, regional governments, courts,
 * parties, DKI Jakarta's other KPU offices), and the words around a KPU office's place. The same
 * for every office; what counts as this office is configuration (office.ts compileOffice). Data
 * only.
 */

/**
 * Places of DKI Jakarta's KPU offices as clerks type them, without "KPU" ("Jakbar SK Ketua No 3
 * …", "SK Ketua No 3 Th 2024 Jakarta Selatan"): the documents an office there most often
 * receives from its neighbours. All six: foreign like the words below, except the configured
 * office's own (office.ts compileOffice drops what its names spell). office.ts officeWordsSource
 * writes each foreign one into the head's scan: a new entry needs a form it writes ("jak…",
 * "jakarta …", "kep… seribu").
 */
export const DKI_PLACES = [
  "jakbar",
  "jaksel",
  "jaktim",
  "jakpus",
  "jakut",
  "jakarta barat",
  "jakarta selatan",
  "jakarta timur",
  "jakarta pusat",
  "jakarta utara",
  "kepulauan seribu",
  "kep seribu",
];

/** Words (or word pairs) that name an institution other than a KPU office. */
export const FOREIGN = [
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
  // Spelt out: Komisi Independen Pemilihan, Aceh's KPU (and the Komisi Independen Pemantau
  // Pemilu, an observers' body).
  "komisi independen",
  // Spelt out, and the bodies whose chair ("Ketua …") or secretary ("Sekretaris …") issues
  // decrees too: without them "Keputusan Ketua Panitia Pemilihan Kecamatan …" reads as the
  // office's own Ketua.
  "badan pengawas",
  "panitia pengawas",
  "panitia pemilihan",
  "panitia pemungutan",
  "kelompok penyelenggara",
  "dewan kehormatan",
  "komisi informasi",
  "sekretaris daerah",
  "sekretaris kota",
  // The regency's, district's, ward's and village's own secretaries (a government's, not KPU's).
  "sekretaris kabupaten",
  "sekkab",
  "sekretaris kecamatan",
  "sekcam",
  "sekretaris kelurahan",
  "sekretaris desa",
  "sekdes",
  "sekda",
  "sekko",
  "tim seleksi",
  "timsel",
  "tim kampanye",
  "tim pemenangan",
  "tim sukses",
  "ketua umum",
  "kepgub",
  "pergub",
  "kepwal",
  "kepwali",
  "perwal",
  "perwali",
  "kepbup",
  "perbup",
  "walkot",
  "camat",
  "lurah",
  "rt",
  "rw",
  "presiden",
  "keppres",
  "perpres",
  "kepala",
  "pengadilan",
  "kejaksaan",
  "polres",
  "polda",
  "kapolres",
  "kapolda",
  "partai",
  "dpp",
  "dpd",
  "dpc",
  "pkk",
  "menkumham",
  "menkeu",
  "menpan",
  // The other offices of DKI Jakarta, as clerks abbreviate them and without "KPU" ("Jakbar SK
  // Ketua No 3 …"): the documents this office most often receives from its neighbours.
  ...DKI_PLACES,
];
/** Words after "kpu" / "komisi pemilihan umum" that end the place: the rest of the head. */
export const PLACE_STOP = new Set([
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
  // A term of office after the commission ("Anggota KPU periode 2023-2028", "… masa jabatan …").
  "periode",
  "masa",
]);
/** A province's level words, before its name ("Provinsi Kalimantan Selatan"). */
export const PROVINCE_LEVEL: ReadonlySet<string> = new Set(["provinsi", "prov", "propinsi"]);

/**
 * The election commission's own words, before an office's place: "KPU", "KPUD", "Komisi
 * Pemilihan Umum", and Aceh's "KIP", "Komisi Independen Pemilihan".
 */
export const COMMISSION_WORDS: readonly string[] = [
  "kpu",
  "kpud",
  "komisi",
  "pemilihan",
  "umum",
  "kip",
  "independen",
];

/**
 * The regional level words: first in a subject typed without "tentang" (or in front of a
 * decree's name), they start another office's place (place-start.ts).
 */
export const PLACE_LEVEL = new Set([
  "kota",
  "kab",
  "kabupaten",
  "provinsi",
  "prov",
  "propinsi",
  "dki",
  "dkj",
]);
/** Level words: a place typed after them names an office of that level. */
export const LEVEL = new Set([...PLACE_LEVEL, "ri", "pusat", "republik", "adm", "administrasi"]);

/** Bodies that issue decrees of their own, read first in such a subject when a place follows. */
export const ISSUER_BODIES = new Set([
  "bawaslu",
  "panwaslu",
  "panwascam",
  "setjen",
  "sekjen",
  "dkpp",
  "dprd",
  "gubernur",
  "walikota",
  "bupati",
]);

/**
 * The ad hoc bodies an office forms and whose members its own decrees appoint, replace or pay:
 * clerks call such a decree after the body ("SK PPK Koja No 1 …", "SK Ketua PAW PPS …"), and
 * the body's own chair issues decrees too. Named before the number, they leave the issuer
 * unclear (office.ts readOffice: ISSUER_UNCLEAR, both ways out), where the other words of
 * FOREIGN name another institution. Words or pairs of FOREIGN.
 */
export const AD_HOC = new Set([
  "ppk",
  "pps",
  "kpps",
  "panitia pemilihan",
  "panitia pemungutan",
  "kelompok penyelenggara",
]);

/** Words of the office's own name in a jenis phrase: they name the office, not a decree. */
export const INSTITUTION_WORDS = new Set(["kpu", "kpud", "komisi", "pemilihan", "umum"]);

/**
 * A region head's election by its short name, as regex sources: a mayor's ("Pilwalkot",
 * "Pilwako", "Pilwali") and a regent's ("Pilbup").
 */
export const MAYOR_ELECTION = "pilwa(?:lkot|kot|ko|li|likota)";
export const REGENT_ELECTION = "pilbup";
