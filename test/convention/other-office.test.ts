/**
 * The convention deployed for other offices: what is this office's own comes from
 * `convention.office` (and the jenis labels) only. For an office elsewhere (Kota Bekasi), a DKI
 * office other than Jakarta Utara (Jakarta Selatan) and a regency (Kabupaten Bandung), Jakarta
 * Utara is a foreign place like any other, and the office's own place reads as Jakarta Utara's
 * does for the default config ("KPU <own place> Penetapan DCT Nomor 5 …" is its own decree).
 * Each table's rows read otherwise before the office stopped being written into the code; the
 * guards read so before too and must go on doing so.
 */
import { describe, expect, it } from "vitest";
import { type ConventionConfig, conventionSchema, DEFAULT_JENIS } from "../../src/config/schema.js";
import { officeWordsSource } from "../../src/convention/office.js";
import { parse } from "../../src/convention/parse.js";
import { compileRules } from "../../src/convention/rules.js";

const now = new Date(2025, 5, 1);

/** The default jenis, titled for `place` as a deployment there would configure them. */
function jenisOf(place: string) {
  return DEFAULT_JENIS.map((j) => ({ ...j, label: j.label.replace("Kota Jakarta Utara", place) }));
}

/**
 * The rules of the office of `place` (its jenis titled so), named as `names` spell it, with the
 * region codes `regionCodes` (and the 2011–2017 office codes `oldCodes`).
 */
function officeRules(
  place: string,
  names: string[],
  regionCodes: string[],
  oldCodes: string[] = [],
): ConventionConfig {
  return conventionSchema.parse({
    office: { names, regionCodes, oldCodes },
    jenis: jenisOf(place),
  });
}

const bekasi = officeRules("Kota Bekasi", ["kota bekasi", "bekasi"], ["3275"]);
/** Bekasi's office with the default labels left as they are ("… Kota Jakarta Utara"). */
const bekasiDefaultLabels = conventionSchema.parse({
  office: { names: ["kota bekasi", "bekasi"], regionCodes: ["3275"] },
});
const jaksel = officeRules(
  "Kota Jakarta Selatan",
  [
    "kota jakarta selatan",
    "kota administrasi jakarta selatan",
    "kota adm jakarta selatan",
    "jakarta selatan",
    "jaksel",
    "kota jaksel",
  ],
  ["3174"],
);
const jakbar = officeRules(
  "Kota Jakarta Barat",
  ["kota jakarta barat", "kota administrasi jakarta barat", "jakarta barat", "jakbar"],
  ["3173"],
);
/** A regency outside DKI beside two cities of its name (Kota Tangerang, Kota Tangerang Selatan). */
const kabTangerang = officeRules(
  "Kabupaten Tangerang",
  ["kabupaten tangerang", "kab tangerang", "kab. tangerang"],
  ["3603"],
);
/** A regency beside a city of its name (Kota Bekasi), with villages named as others' are. */
const kabBekasi = officeRules(
  "Kabupaten Bekasi",
  ["kabupaten bekasi", "kab bekasi", "kab. bekasi"],
  ["3216"],
);
/** A city outside DKI whose villages the table writes shorter or joined ("Sewu", "Kampungbaru"). */
const surakarta = officeRules(
  "Kota Surakarta",
  ["kota surakarta", "surakarta", "solo", "kota solo"],
  ["3372"],
);
const bandung = officeRules(
  "Kabupaten Bandung",
  ["kabupaten bandung", "kab bandung", "kab. bandung"],
  ["3204"],
);

/** An office outside DKI: DKI's district names are none of its business (area.ts dkiDistrict). */
const surabaya = officeRules("Kota Surabaya", ["kota surabaya", "surabaya", "sby"], ["3578"]);

/** A regency's office with the default jenis, whose markers are a city's ("KPU-Kot"). */
const deliSerdang = officeRules(
  "Kabupaten Deli Serdang",
  ["kabupaten deli serdang", "kab deli serdang", "kab. deli serdang", "deli serdang"],
  ["1207"],
);

/** The province's office (DKI Jakarta, code 31; its 2011–2017 numbers' office code 010). */
/** A city whose bare name a regency shares (Kabupaten Bogor surrounds it). */
const kotaBogor = officeRules("Kota Bogor", ["kota bogor", "bogor"], ["3271"]);
/**
 * A regency whose name starts other offices' names (Kota Banjarbaru, Kabupaten Banjarnegara,
 * typed apart) and whose province clerks type after it (Kalimantan Selatan, code 63).
 */
/** A province's office. */
const jateng = officeRules(
  "Provinsi Jawa Tengah",
  ["provinsi jawa tengah", "prov jawa tengah", "jawa tengah", "prov jateng", "jateng"],
  ["33"],
);
/**
 * A city whose regency and province share its name, configured without the bare name, and whose
 * kecamatan are named "Kota Barat", "Kota Selatan" …
 */
const kotaGorontalo = officeRules("Kota Gorontalo", ["kota gorontalo", "kota gtlo"], ["7571"]);
/** A city whose kecamatan start with its name (Medan Baru …), inside Kabupaten Deli Serdang. */
const kotaMedan = officeRules("Kota Medan", ["kota medan", "medan"], ["1271"]);
/** A regency whose kecamatan share names with its neighbours' (Cibinong, Leles, Campaka). */
const kabCianjur = officeRules(
  "Kabupaten Cianjur",
  ["kabupaten cianjur", "kab cianjur", "cianjur"],
  ["3203"],
);
/** A regency one of whose kecamatan starts with another regency's name (Serang Baru). */
const kabBekasiOwn = officeRules("Kabupaten Bekasi", ["kabupaten bekasi", "kab bekasi"], ["3216"]);
/** An office in Aceh, whose commission is the KIP (Komisi Independen Pemilihan). */
const kipBandaAceh = officeRules(
  "Kota Banda Aceh",
  ["kota banda aceh", "banda aceh", "bna", "b. aceh"],
  ["1171"],
);
/** DKI's one regency, whose names run two level words ("Kab Adm") before its place. */
const kepSeribu = officeRules(
  "Kabupaten Administrasi Kepulauan Seribu",
  ["kabupaten administrasi kepulauan seribu", "kab adm kepulauan seribu", "kep seribu"],
  ["3101"],
);
/** A regency in Aceh whose clerks shorten its place as a blend ("Abes"), not configured. */
const kipAcehBesar = officeRules(
  "Kabupaten Aceh Besar",
  ["kabupaten aceh besar", "kab aceh besar", "kab. aceh besar", "aceh besar"],
  ["1106"],
);
const kabBanjar = officeRules(
  "Kabupaten Banjar",
  ["kabupaten banjar", "kab banjar", "kab. banjar", "banjar"],
  ["6303"],
);
const dkiProvince = officeRules(
  "Provinsi DKI Jakarta",
  ["provinsi dki jakarta", "prov dki jakarta", "dki jakarta", "dki", "jakarta", "dkj"],
  ["31"],
  ["010"],
);
/** A city whose short name holds "kpu" ("Jakpus"): no second KPU office inside the word. */
const jakpus = officeRules(
  "Kota Jakarta Pusat",
  ["kota jakarta pusat", "jakarta pusat", "jakpus"],
  ["3171"],
);

const OTHER = "!OTHER_OFFICE";
const BOTH = "!OFFICE_IN_SUBJECT";

const tables: [string, ConventionConfig, [string, string][]][] = [
  [
    "Kota Bekasi",
    bekasi,
    [
      // Jakarta Utara is another office's place, typed bare or short, wherever a place names one.
      ["Jakarta Utara SK Ketua No 3 Th 2024.pdf", OTHER],
      ["Jakut SK Ketua No 3 Th 2024.pdf", OTHER],
      ["JAKUT - SK Ketua No 3 Th 2024.pdf", OTHER],
      ["SK Ketua Jakut No 3 Th 2024.pdf", OTHER],
      ["SK Ketua Jakarta Utara No 3 Th 2024.pdf", OTHER],
      ["SK Ketua No 3 Th 2024 Jakarta Utara.pdf", BOTH],
      ["SK Ketua No 3 Th 2024 Jakut.pdf", BOTH],
      ["SK Ketua No 3 Th 2024 ttg DPT (Jakarta Utara).pdf", BOTH],
      ["SK Ketua No 3 Th 2024 ttg DPT - KPU Jakut.pdf", BOTH],
      ["SK Ketua No 3 Th 2024 dari Jakut.pdf", BOTH],
      ["SK Ketua No 3 Th 2024 Bawaslu Jakut.pdf", BOTH],
      ["Penetapan DPT Jakarta Utara SK Ketua No 3 Th 2024.pdf", BOTH],
      // Another office in a plain name's subject: the plain-head reader's probe was Bekasi's.
      ["SK Ketua No 3 Th 2024 KPU Kota Jakarta Selatan.pdf", BOTH],
      ["SK Ketua No 3 Th 2024 ttg DPT (KPU Kota Surabaya).pdf", BOTH],
      ["Keputusan Ketua No 5 Tahun 2024 Kab Bogor.pdf", BOTH],
      // The office's own place before a subject typed ahead of the number.
      [
        "SK KPU Kota Bekasi Penetapan DCT No 5 Th 2023.pdf",
        "KPT-KETUA/2023/KPT-KETUA_2023_005.pdf",
      ],
      [
        "Keputusan KPU Kota Bekasi Penetapan DPT Nomor 4 Tahun 2024.pdf",
        "KPT-KETUA/2024/KPT-KETUA_2024_004.pdf",
      ],
      ["SK KPU Kota Bekasi Pokja No 1 Th 2024.pdf", "!ISSUER_UNCLEAR"],
      // The full name with its short form after it.
      [
        "Keputusan Komisi Pemilihan Umum (KPU) Kota Bekasi No 104 Th 2024.pdf",
        "KPT-KETUA/2024/KPT-KETUA_2024_104.pdf",
      ],
      ["Keputusan Komisi Pemilihan Umum (KPU) No 104 Th 2024.pdf", OTHER],
      // Outside Aceh a KIP is another office, whatever place it names.
      ["Keputusan KIP Kota Banda Aceh Nomor 12 Tahun 2024.pdf", OTHER],
      ["SK KIP Kota Bekasi No 3 Th 2024.pdf", OTHER],
    ],
  ],
  [
    "Kota Bekasi, labels of Jakarta Utara",
    bekasiDefaultLabels,
    [
      ["SK KPU Kota Jakarta Utara No 3 Th 2024.pdf", OTHER],
      ["Keputusan KPU Jakarta Utara Nomor 3 Tahun 2024.pdf", OTHER],
      ["SK KPU Jakarta Utara Penetapan DPT No 3 Th 2024.pdf", OTHER],
      ["SK Ketua Jakarta Utara No 3 Th 2024.pdf", OTHER],
      ["SK Ketua No 3 Th 2024 KPU Jakarta Utara.pdf", BOTH],
    ],
  ],
  [
    "Kota Jakarta Selatan",
    jaksel,
    [
      ["Jakarta Utara SK Ketua No 3 Th 2024.pdf", OTHER],
      ["Jakut SK Ketua No 3 Th 2024.pdf", OTHER],
      ["SK Ketua Jakut No 3 Th 2024.pdf", OTHER],
      ["SK Ketua Jakarta Utara No 3 Th 2024.pdf", OTHER],
      ["SK Ketua No 3 Th 2024 Jakut.pdf", BOTH],
      ["SK Ketua No 3 Th 2024 Jakarta Utara.pdf", BOTH],
      ["SK Ketua No 3 Th 2024 ttg DPT (Jakut).pdf", BOTH],
      ["Penetapan DPT Jakut SK Ketua No 3 Th 2024.pdf", BOTH],
      ["SK KPU Jaksel Penetapan DCT No 5 Th 2023.pdf", "KPT-KETUA/2023/KPT-KETUA_2023_005.pdf"],
      [
        "Keputusan KPU Kota Jakarta Selatan Penetapan DCT Nomor 5 Tahun 2023.pdf",
        "KPT-KETUA/2023/KPT-KETUA_2023_005.pdf",
      ],
      ["SK Ketua KPU Jaksel Pokja No 1 Th 2024.pdf", "!ISSUER_UNCLEAR"],
    ],
  ],
  [
    "Kota Jakarta Barat",
    jakbar,
    [
      // A one-word village typed as two ("Jati Pulo"): its own Jatipulo, not Jakarta Timur's Jati.
      [
        "SK_Ketua_No_238_Th_2024_PPS_Kel_Jati_Pulo.pdf",
        "KPT-KETUA/2024/KPT-KETUA_2024_238_pps-kel-jati-pulo.pdf",
      ],
      ["SK Ketua No 238 Th 2024 PPS Kel Jati.pdf", BOTH],
      // Its own village after an ad hoc body, though a city's name starts it (Kota Tegal).
      [
        "SK Ketua 461 2024 KPPS Tegal Alur.pdf",
        "KPT-KETUA/2024/KPT-KETUA_2024_461_kpps-tegal-alur.pdf",
      ],
      ["SK Ketua 461 2024 KPPS Koja.pdf", BOTH],
    ],
  ],
  [
    "Kabupaten Tangerang",
    kabTangerang,
    [
      // "KPU Tangerang", Kota Tangerang's place too: its own district settles it, the city's or
      // none leaves it unclear; "Tangerang" is a kecamatan of the city as well, and says nothing.
      [
        "SK KPU Tangerang No 45 Th 2024 ttg PPK Kec Cikupa.pdf",
        "KPT-KETUA/2024/KPT-KETUA_2024_045_ppk-kec-cikupa.pdf",
      ],
      ["SK KPU Tangerang No 45 Th 2024 ttg Penetapan DPT.pdf", "!OFFICE_UNCLEAR"],
      ["SK KPU Tangerang No 45 Th 2024 ttg PPK Kec Karawaci.pdf", "!OFFICE_UNCLEAR"],
      ["SK KPU Tangerang No 45 Th 2024 ttg DPT Tangerang.pdf", "!OFFICE_UNCLEAR"],
      // A district named after "Kec"/"Kecamatan" (Indonesia's table, districts-id.ts): another
      // city's is that city's office's business; its own, typed apart or joined, is its own.
      ["SK Ketua No 15 Th 2023 ttg Penetapan Anggota PPS Kec Ciledug.pdf", BOTH],
      ["SK Ketua No 41 Th 2024 PPK Kec Ciputat Timur.pdf", BOTH],
      ["SK Ketua No 88 Th 2024 DPT Kecamatan Cipondoh.pdf", BOTH],
      ["SK Ketua No 60 Th 2024 PPS Kec Setu Tangsel.pdf", BOTH],
      [
        "SK Ketua No 40 Th 2024 ttg Pembentukan PPK Kecamatan Cikupa.pdf",
        "KPT-KETUA/2024/KPT-KETUA_2024_040_pembentukan-ppk-kecamatan-cikupa.pdf",
      ],
      [
        "SK Ketua No 62 Th 2024 TPS Lokasi Khusus Lippo Karawaci Kec Kelapa Dua.pdf",
        "KPT-KETUA/2024/KPT-KETUA_2024_062_tps-lokasi-khusus-lippo-karawaci-kec-kelapa-dua.pdf",
      ],
      [
        "SK Ketua No 6 Th 2024 PPS Kec Teluk Naga.pdf",
        "KPT-KETUA/2024/KPT-KETUA_2024_006_pps-kec-teluk-naga.pdf",
      ],
      [
        "SK Ketua No 7 Th 2024 PPS Kec Sindangjaya.pdf",
        "KPT-KETUA/2024/KPT-KETUA_2024_007_pps-kec-sindangjaya.pdf",
      ],
      // A village named after "Kelurahan"/"Desa" likewise: Tangerang Selatan's and Kota
      // Tangerang's are theirs; its own is its own, though a city's name starts it (Bitung).
      ["SK Ketua No 42 Th 2024 PAW PPS Kelurahan Pondok Aren.pdf", BOTH],
      ["SK Ketua No 58 Th 2024 PAW PPS Kelurahan Poris Plawad Cipondoh.pdf", BOTH],
      [
        "SK Sekretaris No 9 Th 2023 Penetapan Sekretariat PPS Desa Bitung Jaya.pdf",
        "KPT-SEKRETARIS/2023/KPT-SEKRETARIS_2023_009_penetapan-sekretariat-pps-desa-bitung-jaya.pdf",
      ],
      // A regency elects a regent: a mayor's election is a city's office's, whatever place
      // follows (a bare "Tangerang" reads as its own name).
      [
        "SK Ketua No 12 Th 2024 Penetapan DPT Pemilihan Walikota dan Wakil Walikota Tangerang.pdf",
        BOTH,
      ],
      [
        "SK Ketua No 13 Th 2024 Penetapan DPT Pemilihan Bupati dan Wakil Bupati Tangerang.pdf",
        "KPT-KETUA/2024/KPT-KETUA_2024_013_penetapan-dpt-pemilihan-bupati-dan-wakil-bupati-tangerang.pdf",
      ],
      // A word that names a village somewhere but here describes the villages: no place.
      [
        "SK Ketua No 5 Th 2024 ttg Penetapan TPS di Desa Perbatasan.pdf",
        "KPT-KETUA/2024/KPT-KETUA_2024_005_penetapan-tps-di-desa-perbatasan.pdf",
      ],
    ],
  ],
  [
    "Kabupaten Bekasi",
    kabBekasi,
    [
      // A village's district named after it decides: Nagasari is Serang Baru's and Karawang
      // Barat's; a mayor's election is Kota Bekasi's.
      [
        "SK Ketua No 170 Th 2024 PPS Desa Nagasari Kec Serang Baru.pdf",
        "KPT-KETUA/2024/KPT-KETUA_2024_170_pps-desa-nagasari-kec-serang-baru.pdf",
      ],
      ["SK Ketua No 61 Th 2024 PPS Kel Nagasari Kec Karawang Barat.pdf", BOTH],
      ["SK Ketua No 71 Th 2024 PPS Desa Mekarsari Kec Cileungsi.pdf", BOTH],
      ["SK Ketua No 2901 Th 2024 Penetapan Hasil Pemilihan Wali Kota Bekasi.pdf", BOTH],
      // The election's short name says the same ("Pilwalkot", "Pilwako": a mayor's).
      ["SK Ketua No 15 Th 2024 ttg DPT Pilwalkot Bekasi.pdf", BOTH],
      ["SK Ketua No 16 Th 2024 Pembentukan PPS Pilwako Bekasi.pdf", BOTH],
      [
        "SK Ketua No 17 Th 2024 ttg DPT Pilbup Bekasi.pdf",
        "KPT-KETUA/2024/KPT-KETUA_2024_017_dpt-pilbup-bekasi.pdf",
      ],
      // "KPU Bekasi", the place Kota Bekasi's office shares, typed without "Kab": unclear, unless
      // the rest says whose (its district, its regent's election, its region code) and nothing
      // of the city's (area.ts levelSettled).
      ["SK KPU Bekasi No 12 Th 2024 ttg DPT.pdf", "!OFFICE_UNCLEAR"],
      [
        "SK KPU Bekasi No 713 Th 2024 PAW PPS Desa Sukamahi Kec Cikarang Pusat.pdf",
        "KPT-KETUA/2024/KPT-KETUA_2024_713_paw-pps-desa-sukamahi-kec-cikarang-pusat.pdf",
      ],
      [
        "SK KPU Bekasi No 12 Th 2024 DPT Pilbup.pdf",
        "KPT-KETUA/2024/KPT-KETUA_2024_012_dpt-pilbup.pdf",
      ],
      [
        "Keputusan KPU Bekasi 45_PL.01.3-Kpt_3216_KPU-Kab_IV_2019.pdf",
        "KPT-KETUA/2019/KPT-KETUA_2019_045.pdf",
      ],
      ["SK KPU Bekasi No 12 Th 2024 PPK Kec Jatiasih.pdf", "!OFFICE_UNCLEAR"],
      ["SK KPU Bekasi No 12 Th 2024 DPT Pilbup Kec Jatiasih.pdf", "!OFFICE_UNCLEAR"],
      ["SK KPU Bekasi No 12 Th 2024 DPT Pilwalkot.pdf", "!OFFICE_UNCLEAR"],
      ["Keputusan KPU Bekasi 45_PL.01.3-Kpt_3275_KPU-Kot_IV_2019.pdf", "!OTHER_OFFICE_CODE"],
      // The region code typed as the serial says nothing of whose the decree is.
      ["SK KPU Bekasi No 3216 Th 2024.pdf", "!OFFICE_UNCLEAR"],
      // Typed right after the place, the office's region code says whose; the city's leaves it
      // unclear.
      ["SK KPU Bekasi 3216 No 50 Th 2024.pdf", "KPT-KETUA/2024/KPT-KETUA_2024_050.pdf"],
      ["SK KPU Bekasi 3275 No 50 Th 2024.pdf", "!OFFICE_UNCLEAR"],
    ],
  ],
  [
    "Kota Surakarta",
    surakarta,
    [
      // Its own village typed longer than the table writes it ("Kampung Sewu": Sewu), or apart
      // where the table joins it ("Kampung Baru": Kampungbaru): never another office's.
      [
        "SK Ketua No 68 Th 2024 Penetapan TPS Kel Kampung Sewu.pdf",
        "KPT-KETUA/2024/KPT-KETUA_2024_068_penetapan-tps-kel-kampung-sewu.pdf",
      ],
      [
        "SK Ketua No 69 Th 2024 Penetapan TPS Kel Kampung Baru.pdf",
        "KPT-KETUA/2024/KPT-KETUA_2024_069_penetapan-tps-kel-kampung-baru.pdf",
      ],
      ["SK Ketua No 70 Th 2024 Pembentukan PPK Kec Kartasura.pdf", BOTH],
      // A city elects a mayor: a regent's election is a regency's office's.
      ["SK Ketua No 71 Th 2024 Penetapan Hasil Pemilihan Bupati Sukoharjo.pdf", BOTH],
      ["SK Ketua No 73 Th 2024 ttg Rekapitulasi Pilbup Sukoharjo.pdf", BOTH],
      [
        "SK Ketua No 72 Th 2024 Penetapan Hasil Pemilihan Walikota Surakarta.pdf",
        "KPT-KETUA/2024/KPT-KETUA_2024_072_penetapan-hasil-pemilihan-walikota-surakarta.pdf",
      ],
    ],
  ],
  [
    "Kota Bogor",
    kotaBogor,
    [
      // "KPU Bogor" names Kota Bogor's office and Kabupaten Bogor's alike: the subject's office
      // checks stay on, as after a head that names no office (area.ts sharedPlaceOnly).
      ["SK KPU Bogor No 90 Th 2024 ttg Pembentukan PPK Kecamatan Cibinong.pdf", BOTH],
      ["SK KPU Bogor No 91 Th 2024 ttg Penetapan KPPS Kec Leuwiliang.pdf", BOTH],
      ["Keputusan KPU Bogor No 514 Th 2024 ttg Penetapan Paslon Bupati Bogor.pdf", BOTH],
      [
        "SK KPU Bogor No 92 Th 2024 ttg Pembentukan PPK Kecamatan Bogor Barat.pdf",
        "KPT-KETUA/2024/KPT-KETUA_2024_092_pembentukan-ppk-kecamatan-bogor-barat.pdf",
      ],
      [
        "SK KPU Bogor No 93 Th 2024 ttg Penetapan DPT Pemilihan Wali Kota Bogor.pdf",
        "KPT-KETUA/2024/KPT-KETUA_2024_093_penetapan-dpt-pemilihan-wali-kota-bogor.pdf",
      ],
      // With its level word the head names this office: its subject is its own business.
      [
        "SK KPU Kota Bogor No 94 Th 2024 ttg Koordinasi dengan PPK Kecamatan Cibinong.pdf",
        "KPT-KETUA/2024/KPT-KETUA_2024_094_koordinasi-dengan-ppk-kecamatan-cibinong.pdf",
      ],
      ["SK KPU Kab Bogor No 95 Th 2024.pdf", OTHER],
    ],
  ],
  [
    "Provinsi Jawa Tengah",
    jateng,
    [
      // A province's subject names its regencies' and cities' offices together as its business.
      [
        "SK Ketua No 5 Th 2024 Rakor KPU Kabupaten Kota se-Jawa Tengah.pdf",
        "KPT-KETUA/2024/KPT-KETUA_2024_005_rakor-kpu-kabupaten-kota-se-jawa-tengah.pdf",
      ],
      ["SK Ketua No 5 Th 2024 Rakor KPU Kota Semarang.pdf", BOTH],
    ],
  ],
  [
    "Kota Gorontalo",
    kotaGorontalo,
    [
      // The office's own kecamatan after its PPS or PPK, found in Indonesia's tables by its
      // region code: no other office's body, though "Kota Selatan" reads like a city.
      [
        "SK Ketua No 21 Th 2024 ttg Penetapan PPS Kota Selatan.pdf",
        "KPT-KETUA/2024/KPT-KETUA_2024_021_penetapan-pps-kota-selatan.pdf",
      ],
      [
        "SK Ketua No 23 Th 2024 ttg PPS Kecamatan Kota Timur.pdf",
        "KPT-KETUA/2024/KPT-KETUA_2024_023_pps-kecamatan-kota-timur.pdf",
      ],
      [
        "SK Ketua No 97 Th 2024 Penggantian Anggota PPK Kota Barat.pdf",
        "KPT-KETUA/2024/KPT-KETUA_2024_097_penggantian-anggota-ppk-kota-barat.pdf",
      ],
      // Another office known by name after the body stays another's.
      ["SK Ketua No 97 Th 2024 ttg PPK Kota Bekasi.pdf", BOTH],
      ["SK Ketua No 9 Th 2024 ttg PPS Limboto Barat.pdf", BOTH],
      // The bare name is the regency's and the province's too: unclear, both ways out.
      ["SK KPU Gorontalo No 12 Th 2024 ttg DPT.pdf", "!OFFICE_UNCLEAR"],
      ["SK KPU Kab Gorontalo No 12 Th 2024 ttg DPT.pdf", OTHER],
    ],
  ],
  [
    "Kota Medan",
    kotaMedan,
    [
      [
        "SK Ketua No 311 Th 2024 ttg Pemberhentian PPK Medan Baru.pdf",
        "KPT-KETUA/2024/KPT-KETUA_2024_311_pemberhentian-ppk-medan-baru.pdf",
      ],
      // Another area's kecamatan of two words or more named bare after "PPK".
      ["SK Ketua No 311 Th 2024 ttg Pemberhentian PPK Percut Sei Tuan.pdf", BOTH],
      // A PPK is a kecamatan's: Deli Serdang's Labuhan Deli, though a kelurahan of Medan
      // Marelan bears the name; its PPS is this office's.
      ["SK Ketua No 74 Th 2024 PPK Labuhan Deli.pdf", BOTH],
      [
        "SK Ketua No 74 Th 2024 PPS Labuhan Deli.pdf",
        "KPT-KETUA/2024/KPT-KETUA_2024_074_pps-labuhan-deli.pdf",
      ],
      // One word after "PPK" is as often an ordinary word: read as before.
      [
        "SK Sekretaris No 3 Th 2024 ttg Penunjukan PPK Satker.pdf",
        "KPT-SEKRETARIS/2024/KPT-SEKRETARIS_2024_003_penunjukan-ppk-satker.pdf",
      ],
    ],
  ],
  [
    "Kabupaten Cianjur",
    kabCianjur,
    [
      // Its own kecamatan bare after the body, though other regencies have one of that name.
      [
        "SK Ketua No 21 Th 2023 PPK Cibinong.pdf",
        "KPT-KETUA/2023/KPT-KETUA_2023_021_ppk-cibinong.pdf",
      ],
      [
        "SK Ketua No 3 Th 2024 PPK Cipanas.pdf",
        "KPT-KETUA/2024/KPT-KETUA_2024_003_ppk-cipanas.pdf",
      ],
      // … unless another regency is named after it.
      ["SK Ketua No 5 2023 PPK Cibinong Kabupaten Bogor.pdf", BOTH],
      ["SK Ketua No 15 2023 PPK Leles Garut.pdf", BOTH],
      // Another regency's kecamatan bare after the body.
      ["SK Ketua No 12 Th 2023 Pembentukan PPK Cipatat.pdf", BOTH],
      ["SK Ketua No 17 2024 PPK Gegerbitung.pdf", BOTH],
      // An ordinary word after the body, though a kecamatan somewhere is so named.
      [
        "SK Ketua No 8 2024 Honor PPS Juli 2024.pdf",
        "KPT-KETUA/2024/KPT-KETUA_2024_008_honor-pps-juli-2024.pdf",
      ],
    ],
  ],
  [
    "Kabupaten Bekasi (own kecamatan)",
    kabBekasiOwn,
    [
      [
        "SK Ketua No 5 Th 2024 ttg PPK Serang Baru.pdf",
        "KPT-KETUA/2024/KPT-KETUA_2024_005_ppk-serang-baru.pdf",
      ],
      [
        "sk ketua 36 2022 pelantikan ppk cibarusah serang baru bojongmangu.pdf",
        "KPT-KETUA/2022/KPT-KETUA_2022_036_pelantikan-ppk-cibarusah-serang-baru-bojongmangu.pdf",
      ],
    ],
  ],
  [
    "KIP Kota Banda Aceh",
    kipBandaAceh,
    [
      // Aceh's commission is named KIP: this office's own as "KPU <place>" is elsewhere.
      [
        "KEPUTUSAN KIP KOTA BANDA ACEH NOMOR 12 TAHUN 2024 TENTANG PEMBENTUKAN PPK.pdf",
        "KPT-KETUA/2024/KPT-KETUA_2024_012_pembentukan-ppk.pdf",
      ],
      [
        "Keputusan Komisi Independen Pemilihan Kota Banda Aceh Nomor 45 Tahun 2024 tentang PPS.pdf",
        "KPT-KETUA/2024/KPT-KETUA_2024_045_pps.pdf",
      ],
      [
        "Keputusan Komisi Independen Pemilihan (KIP) Kota Banda Aceh No 104 Th 2024 Rekapitulasi.pdf",
        "KPT-KETUA/2024/KPT-KETUA_2024_104_rekapitulasi.pdf",
      ],
      [
        "sk kip bna no 89 th 2024 nomor urut paslon.pdf",
        "KPT-KETUA/2024/KPT-KETUA_2024_089_urut-paslon.pdf",
      ],
      [
        "Keputusan Sekretaris KIP Kota Banda Aceh Nomor 3 Tahun 2024 tentang Tim JDIH.pdf",
        "KPT-SEKRETARIS/2024/KPT-SEKRETARIS_2024_003_tim-jdih.pdf",
      ],
      [
        "45_PL.01.3-Kpt_1171_KIP-Kot_IV_2019 Penetapan DPT.pdf",
        "KPT-KETUA/2019/KPT-KETUA_2019_045_penetapan-dpt.pdf",
      ],
      // Its place typed without its spaces.
      ["SK KIP KotaBandaAceh No 12 Th 2024.pdf", "KPT-KETUA/2024/KPT-KETUA_2024_012.pdf"],
      ["Kep_KIP_BandaAceh_44_2025_tim_data.pdf", "KPT-KETUA/2025/KPT-KETUA_2025_044_tim-data.pdf"],
      // Its level word before a short name configured without it ("b. aceh").
      [
        "SK KIP Kota B.Aceh No 95 Th 2024 Dana Kampanye.pdf",
        "KPT-KETUA/2024/KPT-KETUA_2024_095_dana-kampanye.pdf",
      ],
      ["SK KIP Kab B.Aceh No 95 Th 2024.pdf", OTHER],
      // "KPU <place>", typed out of habit, is the same office.
      [
        "SK KPU Banda Aceh No 88 Th 2024 Penetapan Paslon.pdf",
        "KPT-KETUA/2024/KPT-KETUA_2024_088_penetapan-paslon.pdf",
      ],
      // Another KIP, or the KIP without a place, is another office's or unclear.
      ["SK KIP Aceh Besar No 5 Th 2024.pdf", OTHER],
      ["Keputusan KIP Aceh Nomor 5 Tahun 2024.pdf", OTHER],
      ["SK KIP No 5 Th 2024.pdf", "!OFFICE_UNCLEAR"],
      ["Keputusan Komisi Independen Pemilihan Nomor 5 Tahun 2024.pdf", "!OFFICE_UNCLEAR"],
      // Aceh's villages are "gampong": one of another regency's, by the kecamatan after it.
      ["SK Ketua No 41 Th 2024 PPS Gampong Lambaro Kec Ingin Jaya.pdf", BOTH],
      [
        "SK Ketua No 31 2024 PPS Gampong Peunayong.pdf",
        "KPT-KETUA/2024/KPT-KETUA_2024_031_pps-gampong-peunayong.pdf",
      ],
      // "KIP" in a subject is the subject's (a KIP Kuliah scholarship, the province's KIP).
      [
        "SK Ketua No 5 Th 2024 ttg Penyaluran KIP Kuliah.pdf",
        "KPT-KETUA/2024/KPT-KETUA_2024_005_penyaluran-kip-kuliah.pdf",
      ],
      [
        "SK Ketua No 102 Th 2024 ttg Penerimaan Logistik dari KIP Aceh.pdf",
        "KPT-KETUA/2024/KPT-KETUA_2024_102_penerimaan-logistik-dari-kip-aceh.pdf",
      ],
    ],
  ],
  [
    "Kabupaten Administrasi Kepulauan Seribu",
    kepSeribu,
    [
      // Its short name after the run of level words its other names start with.
      [
        "SK KPU Kab. Adm. Kep. Seribu Nomor 9 Tahun 2022.pdf",
        "KPT-KETUA/2022/KPT-KETUA_2022_009.pdf",
      ],
      [
        "SK KPU Kabupaten Administrasi Kep Seribu No 9 Th 2022.pdf",
        "KPT-KETUA/2022/KPT-KETUA_2022_009.pdf",
      ],
      ["SK KPU Kota Adm Jakut No 9 Th 2022.pdf", OTHER],
    ],
  ],
  [
    "KIP Kabupaten Aceh Besar",
    kipAcehBesar,
    [
      ["SK KIP Aceh Besar No 46 Th 2024.pdf", "KPT-KETUA/2024/KPT-KETUA_2024_046.pdf"],
      // Its place as a blend of its words' first parts, not configured: may be its own decree,
      // so never "move it out" (place-typo.ts isOwnPlaceOneWord).
      ["Kep Ketua KIP Abes No 46 2024 ttg Penetapan Nomor Urut Paslon.pdf", "!OFFICE_UNCLEAR"],
      ["KEP SEK KIP ABES NO 15 TH 2024 PENUNJUKAN PPSPM.pdf", "!OFFICE_UNCLEAR"],
      // Another regency's blend ("Abar", Aceh Barat) and another KIP stay another office's.
      ["SK KIP Abar No 5 Th 2024.pdf", OTHER],
      ["SK KIP Aceh Jaya No 5 Th 2024.pdf", OTHER],
    ],
  ],
  [
    "Kabupaten Banjar",
    kabBanjar,
    [
      // This office's place and the next word spell another office's place typed apart.
      ["SK KPU Banjar Baru Nomor 9 Tahun 2024.pdf", OTHER],
      ["SK Ketua KPU Banjar Baru No 9 Th 2024 ttg DPT.pdf", OTHER],
      ["SK KPU Banjar Negara No 7 Th 2024.pdf", OTHER],
      ["SK Ketua No 9 Th 2024 ttg Penetapan DPT Banjar Baru.pdf", BOTH],
      ["SK Ketua No 9 Th 2024 Banjar Baru.pdf", BOTH],
      ["SK KPU Banjar No 12 Th 2024 ttg DPT.pdf", "KPT-KETUA/2024/KPT-KETUA_2024_012_dpt.pdf"],
      // This office's province after its place, as the full title names it: its own decree.
      [
        "SK KPU Kab Banjar Kalsel No 46 Th 2023 ttg Lokasi APK.pdf",
        "KPT-KETUA/2023/KPT-KETUA_2023_046_lokasi-apk.pdf",
      ],
      [
        "SK KPU Kab Banjar Kalimantan Selatan No 46 Th 2023.pdf",
        "KPT-KETUA/2023/KPT-KETUA_2023_046.pdf",
      ],
      [
        "Keputusan KPU Kab Banjar Prov Kalsel No 47 2024 Penetapan Dana Kampanye.pdf",
        "KPT-KETUA/2024/KPT-KETUA_2024_047_penetapan-dana-kampanye.pdf",
      ],
      [
        "Keputusan Komisi Pemilihan Umum Kabupaten Banjar Provinsi Kalimantan Selatan Nomor 12 Tahun 2024 tentang DPT.pdf",
        "KPT-KETUA/2024/KPT-KETUA_2024_012_dpt.pdf",
      ],
      ["Kep KPU Banjar Kalsel No 31 2024.pdf", "KPT-KETUA/2024/KPT-KETUA_2024_031.pdf"],
      // Another province after it, or a part of this one's name, is no full title.
      ["SK KPU Kab Banjar Jabar No 46 Th 2023.pdf", OTHER],
      ["SK KPU Kab Banjar Kalimantan No 46 Th 2023.pdf", BOTH],
      ["SK KPU Kalsel No 46 Th 2023.pdf", OTHER],
    ],
  ],
  [
    "Kabupaten Bandung",
    bandung,
    [
      // "KPU Kab" is a regency office's own level, as "KPU Kota" is a city office's.
      [
        "SK KPU Kab Bandung Penetapan DPT No 3 Th 2024.pdf",
        "KPT-KETUA/2024/KPT-KETUA_2024_003.pdf",
      ],
      [
        "SK KPU Kabupaten Bandung Penetapan DPT No 3 Th 2024.pdf",
        "KPT-KETUA/2024/KPT-KETUA_2024_003.pdf",
      ],
      ["SK KPU Kab Bandung Pokja No 1 Th 2024.pdf", "!ISSUER_UNCLEAR"],
      ["SK KPU Kab No 3 Th 2024.pdf", "!OFFICE_UNCLEAR"],
      ["SK Ketua No 3 Th 2024 KPU Kab.pdf", "KPT-KETUA/2024/KPT-KETUA_2024_003_kpu-kab.pdf"],
      ["SK Ketua No 3 Th 2024 KPU Kota.pdf", BOTH],
    ],
  ],
  [
    "Kota Jakarta Pusat",
    jakpus,
    [
      [
        "SK Ketua No 3 Th 2021 ttg Penetapan Tim JDIH KPU Jakpus.pdf",
        "KPT-KETUA/2021/KPT-KETUA_2021_003_penetapan-tim-jdih-kpu-jakpus.pdf",
      ],
      ["SK Ketua No 3 Th 2021 ttg Penetapan Tim JDIH KPU Jakut.pdf", "!OFFICE_IN_SUBJECT"],
    ],
  ],
];

/** Names each office read so before and must read so still. */
const guards: [string, ConventionConfig, [string, string][]][] = [
  [
    "Kota Bekasi",
    bekasi,
    [
      ["SK KPU Kota Jakarta Utara No 3 Th 2024.pdf", OTHER],
      ["Keputusan KPU Kota Jakarta Utara Penetapan DCT Nomor 5 Tahun 2023.pdf", OTHER],
      ["Keputusan KPU Kota Jakarta Selatan Penetapan DCT Nomor 5 Tahun 2023.pdf", OTHER],
      ["SK KPU Kab Bekasi No 3 Th 2024.pdf", OTHER],
      ["SK KPU Kota Bekasi No 3 Th 2024.pdf", "KPT-KETUA/2024/KPT-KETUA_2024_003.pdf"],
      ["Bekasi SK Ketua No 3 Th 2024.pdf", "KPT-KETUA/2024/KPT-KETUA_2024_003.pdf"],
      [
        "SK Ketua No 3 Th 2024 ttg Bimtek di Jakarta Utara.pdf",
        "KPT-KETUA/2024/KPT-KETUA_2024_003_bimtek-di-jakarta-utara.pdf",
      ],
    ],
  ],
  [
    "Kota Jakarta Selatan",
    jaksel,
    [
      ["Jaksel SK Ketua No 3 Th 2024.pdf", "KPT-KETUA/2024/KPT-KETUA_2024_003.pdf"],
      ["Jakarta Selatan SK Ketua No 3 Th 2024.pdf", "KPT-KETUA/2024/KPT-KETUA_2024_003.pdf"],
      ["SK KPU Jaksel No 3 Th 2024.pdf", "KPT-KETUA/2024/KPT-KETUA_2024_003.pdf"],
      ["SK KPU Jakut No 3 Th 2024.pdf", OTHER],
      ["Keputusan KPU Kota Jakarta Utara Penetapan DCT Nomor 5 Tahun 2023.pdf", OTHER],
      // Its own village after an ad hoc body, though a city's name starts it (Kota Tegal).
      [
        "SK Ketua No 5 Th 2024 ttg Pembentukan KPPS Tegal Parang.pdf",
        "KPT-KETUA/2024/KPT-KETUA_2024_005_pembentukan-kpps-tegal-parang.pdf",
      ],
      ["SK Ketua No 5 Th 2024 ttg Pembentukan PPS Tegal.pdf", BOTH],
      // A one-word village typed as two: Jakarta Barat's Jatipulo, not Jakarta Timur's Jati.
      ["SK Ketua No 5 Th 2024 ttg Pembentukan PPS Kel Jati Pulo.pdf", BOTH],
      [
        "SK Ketua No 5 Th 2024 ttg Pembentukan PPS Kel Jati Padang.pdf",
        "KPT-KETUA/2024/KPT-KETUA_2024_005_pembentukan-pps-kel-jati-padang.pdf",
      ],
    ],
  ],
  [
    "Kabupaten Bandung",
    bandung,
    [
      ["SK KPU Kab Bandung No 3 Th 2024.pdf", "KPT-KETUA/2024/KPT-KETUA_2024_003.pdf"],
      ["SK KPU Kab Bandung Barat No 3 Th 2024.pdf", OTHER],
      ["Keputusan KPU Kabupaten Bandung Barat Penetapan DPT Nomor 3 Tahun 2024.pdf", OTHER],
      ["SK KPU Kota Bandung No 3 Th 2024.pdf", OTHER],
    ],
  ],
];

/**
 * The secretary's budget decrees ("selaku KPA"), the province's name since 2024 (DKJ), this
 * office's place shortened ("KPU Jkt Sel") and its place in an old-style marker ("KPU-Bekasi")
 * read from `convention.office` for every office: each row read otherwise before.
 */
const ownWords: [string, ConventionConfig, [string, string][]][] = [
  [
    "Kota Bekasi",
    bekasi,
    [
      [
        "Keputusan Sekretaris KPU Kota Bekasi selaku Kuasa Pengguna Anggaran Nomor 4 Tahun 2024.pdf",
        "KPT-SEKRETARIS/2024/KPT-SEKRETARIS_2024_004.pdf",
      ],
      ["SK Ketua No 12_Kpts_KPU-Bekasi_2014.pdf", "KPT-KETUA/2014/KPT-KETUA_2014_012.pdf"],
      ["SK Ketua KPU Kota Bks No 5 Th 2024.pdf", "!OFFICE_UNCLEAR"],
    ],
  ],
  [
    "Kota Jakarta Selatan",
    jaksel,
    [
      ["SK Ketua KPU Jaksel Prov DKJ No 5 Th 2025.pdf", "KPT-KETUA/2025/KPT-KETUA_2025_005.pdf"],
      [
        "Keputusan KPU Kota Jakarta Selatan Provinsi Daerah Khusus Jakarta Nomor 5 Tahun 2025.pdf",
        "KPT-KETUA/2025/KPT-KETUA_2025_005.pdf",
      ],
      ["SK Ketua KPU Jkt Sel No 5 Th 2024.pdf", "!OFFICE_UNCLEAR"],
      ["DKJ SK Ketua No 3 Th 2025.pdf", OTHER],
    ],
  ],
  [
    "Kabupaten Bandung",
    bandung,
    [
      ["SK KPU Kab Bdg No 3 Th 2024.pdf", "!OFFICE_UNCLEAR"],
      [
        "SK Sekretaris KPU Kab Bandung selaku KPA No 3 Th 2024.pdf",
        "KPT-SEKRETARIS/2024/KPT-SEKRETARIS_2024_003.pdf",
      ],
    ],
  ],
];

/**
 * Names a blind corpus for an office outside DKI (probe22, KPU Kota Surabaya) typed: this office
 * named before a bare "Keputusan" or after the numbers (office-first.ts), a village of its own
 * that starts as a DKI village's name does ("Dukuh Pakis"; DKI has a "Dukuh"), and a Style-B
 * number printed without its issuer marker; each read otherwise before.
 */
const outsideDki: [string, string][] = [
  [
    "KPU Kota Surabaya - Keputusan No 44 Tahun 2024 - Verifikasi Syarat Dukungan.pdf",
    "KPT-KETUA/2024/KPT-KETUA_2024_044_verifikasi-syarat-dukungan.pdf",
  ],
  [
    "SK No 30 Th 2024 KPU Kota Surabaya ttg Penetapan Panelis Debat.pdf",
    "KPT-KETUA/2024/KPT-KETUA_2024_030_penetapan-panelis-debat.pdf",
  ],
  [
    "KPU Sby No 121 Th 2024 Keputusan Penetapan Daerah Pemilihan.pdf",
    "KPT-KETUA/2024/KPT-KETUA_2024_121_penetapan-daerah-pemilihan.pdf",
  ],
  [
    "SK Ketua No 99 Th 2024 ttg Penetapan Anggota KPPS Pengganti TPS 015 Kel Dukuh Pakis.pdf",
    "KPT-KETUA/2024/KPT-KETUA_2024_099_penetapan-anggota-kpps-pengganti-tps-015-kel-dukuh-pakis.pdf",
  ],
  [
    "5_KU.02.1-Kpt-Sek_3578_I_2019 Penunjukan PPK.pdf",
    "KPT-SEKRETARIS/2019/KPT-SEKRETARIS_2019_005_penunjukan-ppk.pdf",
  ],
];
/** The same shapes naming another office: never filed. */
const outsideDkiGuards: [string, string][] = [
  ["KPU Kota Jakarta Utara - Keputusan No 44 Tahun 2024.pdf", OTHER],
  ["SK No 30 Th 2024 KPU Kota Sidoarjo ttg Penetapan Panelis Debat.pdf", OTHER],
  ["5_KU.02.1-Kpt-Sek_3172_I_2019 Penunjukan PPK.pdf", "!OTHER_OFFICE_CODE"],
  ["SK Ketua No 9 Th 2024 ttg Penetapan DPT Kota Sidoarjo.pdf", BOTH],
];

/**
 * A regency's office configured by its names and region code only (probe25, KPU Kabupaten Deli
 * Serdang): its old-style numbers print its level ("KPU-Kab", "Sek-Kab"), read as the default
 * city markers' jenis (rules.ts levelMarkers); each was "another office's code" before.
 */
const regency: [string, string][] = [
  ["45-PL.01.3-Kpt-1207-KPU-Kab-IV-2019.pdf", "KPT-KETUA/2019/KPT-KETUA_2019_045.pdf"],
  [
    "Keputusan Sekretaris KPU Kab Deli Serdang 05_KU.02.1-Kpt-Sek_1207_Sek-Kab_I_2019 ttg Bendahara.pdf",
    "KPT-SEKRETARIS/2019/KPT-SEKRETARIS_2019_005_bendahara.pdf",
  ],
  [
    "SK KPU Kab Deli Serdang No 5_Kpts_KPU-Kab_2013 ttg Pembentukan PPK Pemilu 2014.pdf",
    "KPT-KETUA/2013/KPT-KETUA_2013_005_pembentukan-ppk-pemilu-2014.pdf",
  ],
  // Another regency's code under the same marker, and a marker no jenis has.
  ["33_PL.03.3-Kpt_1218_KPU-Kab_II_2018 Penetapan Paslon.pdf", "!OTHER_OFFICE_CODE"],
  ["SK KPU Kab Deli Serdang 139_PL.03.7-Kpt_1207_Kab_VII_2018.pdf", "!OTHER_OFFICE_CODE"],
];

/**
 * A province's office (probe29, KPU Provinsi DKI Jakarta): its markers are the province's
 * ("KPU-Prov", "Sek-Prov"; a city's is another office's), and its cities' districts and
 * offices are its own area and business. The first five were refused before; the sixth, a
 * city's marker with the province's code, was filed as its own; the last two read so before.
 */
const province: [string, string][] = [
  [
    "Keputusan KPU Provinsi DKI Jakarta Nomor 03_Kpts_KPU-Prov-010_2016 tentang Jumlah Dukungan.pdf",
    "KPT-KETUA/2016/KPT-KETUA_2016_003_jumlah-dukungan.pdf",
  ],
  ["45_PL.01.3-Kpt_31_KPU-Prov_IV_2019.pdf", "KPT-KETUA/2019/KPT-KETUA_2019_045.pdf"],
  // The serial left out: the province's code after "-Kpt" is no serial (old-numbers.ts CLASS_CODE).
  ["SK KPU DKI 2019 PL.01.3-Kpt 31 Prov IV.pdf", "!NO_NUMBER"],
  [
    "Kep Sek 7 KU.02.1-Kpt-Sek 31 Sek-Prov I 2020 Penetapan PPSPM.pdf",
    "KPT-SEKRETARIS/2020/KPT-SEKRETARIS_2020_007_penetapan-ppspm.pdf",
  ],
  [
    "SK Ketua No 142 Th 2024 ttg Pemungutan Suara Ulang di TPS 028 Kelurahan Pinang Ranti.pdf",
    "KPT-KETUA/2024/KPT-KETUA_2024_142_pemungutan-suara-ulang-di-tps-028-kelurahan-pinang-ranti.pdf",
  ],
  [
    "SK Ketua No 21 Th 2013 ttg Penetapan Anggota Tim Seleksi KPU Kota se-DKI Jakarta.pdf",
    "KPT-KETUA/2013/KPT-KETUA_2013_021_penetapan-anggota-tim-seleksi-kpu-kota-se-dki-jakarta.pdf",
  ],
  ["45_PL.01.3-Kpt_31_KPU-Kot_IV_2019.pdf", "!OTHER_OFFICE_CODE"],
  // A province's commission prints its level alone (a real number of KPU Provinsi Jawa Barat:
  // "214/PP.02.3-Kpt/32/Prov/X/2017"); it was OTHER_OFFICE_CODE:marker.
  ["214-PP.02.3-Kpt-31-Prov-X-2017 SALINAN.pdf", "KPT-KETUA/2017/KPT-KETUA_2017_214_SALINAN.pdf"],
  [
    "SK Ketua 15_PL.03.3-Kpt_31_Prov_III_2018 Jadwal Kampanye.pdf",
    "KPT-KETUA/2018/KPT-KETUA_2018_015_jadwal-kampanye.pdf",
  ],
  ["15_PL.03.3-Kpt_32_Prov_III_2018.pdf", "!OTHER_OFFICE_CODE"],
  // Its cities' offices stay other offices, "Jakarta" one of the province's names.
  ["Kep KPU Jakarta Utara 14 2024.pdf", OTHER],
  ["45_PL.01.3-Kpt_3172_KPU-Kot_IV_2019.pdf", "!OTHER_OFFICE_CODE"],
];

/** Names each office reads as another's, beside ownWords: the rows that read so before. */
const ownWordsGuards: [string, ConventionConfig, [string, string][]][] = [
  [
    "Kota Bekasi",
    bekasi,
    [
      ["Keputusan Sekretaris KPU Kota Jakarta Utara selaku KPA Nomor 4 Tahun 2024.pdf", OTHER],
      ["SK Ketua No 12_Kpts_KPU-Jakut_2014.pdf", "!OTHER_OFFICE_CODE"],
      ["SK Ketua KPU Jkt Ut No 5 Th 2024.pdf", OTHER],
    ],
  ],
  ["Kota Jakarta Selatan", jaksel, [["SK Ketua KPU Jkt Ut No 5 Th 2024.pdf", OTHER]]],
  ["Kabupaten Bandung", bandung, [["SK KPU Kab Bdg Barat No 3 Th 2024.pdf", OTHER]]],
];

function read(name: string, rules: ConventionConfig): string {
  const r = parse(name, rules, { now });
  return r.ok ? r.path : `!${r.reason}`;
}

describe("the convention for another office", () => {
  for (const [label, rules, rows] of tables) {
    it.each(rows)(`${label}: %j → %s`, (name, expected) => {
      expect(read(name, rules)).toBe(expected);
    });
  }
  for (const [label, rules, rows] of guards) {
    it.each(rows)(`${label} (as before): %j → %s`, (name, expected) => {
      expect(read(name, rules)).toBe(expected);
    });
  }
  for (const [label, rules, rows] of ownWords) {
    it.each(rows)(`${label} (own words): %j → %s`, (name, expected) => {
      expect(read(name, rules)).toBe(expected);
    });
  }
  for (const [label, rules, rows] of ownWordsGuards) {
    it.each(rows)(`${label} (own words, as before): %j → %s`, (name, expected) => {
      expect(read(name, rules)).toBe(expected);
    });
  }

  it.each(outsideDki)("Kota Surabaya (outside DKI): %j → %s", (name, expected) => {
    expect(read(name, surabaya)).toBe(expected);
  });
  it.each(outsideDkiGuards)("Kota Surabaya (another office): %j → %s", (name, expected) => {
    expect(read(name, surabaya)).toBe(expected);
  });

  it.each(regency)("Kabupaten Deli Serdang (level markers): %j → %s", (name, expected) => {
    expect(read(name, deliSerdang)).toBe(expected);
  });

  it.each(province)("Provinsi DKI Jakarta: %j → %s", (name, expected) => {
    expect(read(name, dkiProvince)).toBe(expected);
  });

  it("tells an unknown marker with this office's region code apart from another office's code", () => {
    const own = parse(
      "SK KPU Kab Deli Serdang 139_PL.03.7-Kpt_1207_Kab_VII_2018.pdf",
      deliSerdang,
      {
        now,
      },
    );
    expect(own.ok ? own.path : own.messageEn).toMatch(
      /this office's region code.*\(Kab\).*styleBMarkers/,
    );
    const city = parse("45_PL.01.3-Kpt_3172_KPU-Kab_IV_2019.pdf", conventionSchema.parse({}), {
      now,
    });
    expect(city.ok ? city.path : city.messageEn).toMatch(/this office's region code.*\(KPU-Kab\)/);
    const other = parse("45_PL.01.3-Kpt_3171_KPU-Prov_IV_2019.pdf", conventionSchema.parse({}), {
      now,
    });
    expect(other.ok ? other.path : other.messageEn).toMatch(/another office's code \(3171\)/);
  });

  it("scans a head for every institution word that is another office's", () => {
    for (const rules of [
      conventionSchema.parse({}),
      bekasi,
      bekasiDefaultLabels,
      jaksel,
      bandung,
    ]) {
      const o = compileRules(rules).office!;
      const start = new RegExp(`^(?:${officeWordsSource(o)})`);
      for (const w of [...o.foreignWords, ...o.foreignPairs]) expect(start.test(w), w).toBe(true);
    }
    // This office's own DKI place is no institution's word: the scan does not stop there.
    const own = new RegExp(`^(?:${officeWordsSource(compileRules(jaksel).office)})`);
    expect(own.test("jaksel")).toBe(false);
    expect(own.test("jakut")).toBe(true);
  });
});
