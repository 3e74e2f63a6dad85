/**
 * The parser's shortcuts (tests that skip a regex, a scan that skips a rebuilt string) against
 * the frozen reference parser, on names at the edge of each shortcut that the generated names
 * of differential.test.ts rarely or never build.
 */
import { describe, expect, it } from "vitest";
import { type ConventionConfig, conventionSchema } from "../../src/config/schema.js";
import { isYearDigits, isYearShaped } from "../../src/convention/numbers.js";
import { stripNoise } from "../../src/convention/repair.js";
import { sameAsReference } from "./new-readings.js";

const defaults = conventionSchema.parse({});
/** A jenis phrase with a word that starts with a digit: the old number can run into it. */
const digitPhrase = conventionSchema.parse({
  jenis: [
    ...defaults.jenis,
    { code: "SK-2", label: "Surat Keputusan 2", aliases: ["sk 45", "kpt 7b"], styleBMarkers: [] },
  ],
});
const now = new Date(2025, 5, 1);

const names = [
  // Old-style numbers: "kpt" after a digit, a separator, a non-breaking space, or only at the
  // start.
  "45_PL.01.3Kpt_3172_KPU-Kot_IV_2019 penetapan.pdf",
  "45_PL.01.3-Kpt_3172_KPU-Kot_IV_2019 penetapan.pdf",
  "45 PL.01.3 Kpt 3172 KPU Kot IV 2019 penetapan.pdf",
  "45\u00a0Kpts\u00a0KPU-Prov\u00a02012 pembentukan.pdf",
  "24/Kpts/KPU-Prov-010/2012.pdf",
  "Kpt Ketua 45_Kpts_KPU-Kota_2015 tim.pdf",
  "kpt ketua 2024 012.pdf",
  "SK Ketua xkpt 12 2024.pdf",
  // The subject after an old number, with and without a gap, and a phrase after it.
  "45_PL.01.3-Kpt_3172_KPU-Kot_IV_2019penetapan.pdf",
  "45_PL.01.3-Kpt_3172_KPU-Kot_IV_2019 SK Ketua penetapan.pdf",
  "SK Ketua 45_PL.01.3-Kpt_3172_KPU-Kot_IV_2019 no 45 tahun 2019 x.pdf",
  "sk 45_PL.01.3-Kpt_3172_KPU-Kot_IV_2019 penetapan.pdf",
  "kpt 7b 45_Kpts_KPU-Prov_2012 tim.pdf",
  "Kep Sek 2012 sk 45_Kpts_KPU-Prov_2012 tim.pdf",
  "Kep Sek 2012 sk 45 x 45_Kpts_KPU-Prov_2012 tim.pdf",
  // A head that is an old-style number alone skips the head scan (lenient.ts onlyNumberIn):
  // words or brackets around the number, before and after it.
  "(45_PL.01.3-Kpt_3172_KPU-Kot_IV_2019) penetapan.pdf",
  "45_PL.01.3-Kpt_3172_KPU-Kot_IV_2019 - penetapan.pdf",
  "x 45_PL.01.3-Kpt_3172_KPU-Kot_IV_2019 penetapan.pdf",
  "KPU Kota Bekasi 45_PL.01.3-Kpt_3172_KPU-Kot_IV_2019 penetapan.pdf",
  "45_PL.01.3-Kpt_3172_KPU-Kot_IV_2019 KPU Bekasi penetapan.pdf",
  "45_PL.01.3-Kpt_3172_KPU-Kot_IV_2019.pdf",
  // Its fields are then the number's (head.ts numberOnlyHead): a serial normNomor refuses or
  // reads with a letter, a year out of range, another office's marker or code.
  "0_PL.01.3-Kpt_3172_KPU-Kot_IV_2019 penetapan.pdf",
  "000_PL.01.3-Kpt_3172_KPU-Kot_IV_2019.pdf",
  "12a_PL.01.3-Kpt_3172_KPU-Kot_IV_2019 penetapan.pdf",
  "12A_PL.01.3-Kpt_3172_KPU-Kot_IV_1899 penetapan.pdf",
  "1234567_PL.01.3-Kpt_3172_KPU-Kot_IV_2019 penetapan.pdf",
  "45_PL.01.3-Kpt_3578_KPU-Kot_IV_2019 penetapan.pdf",
  "45_Kpts_KPU-Prov-010_2012 penetapan.pdf",
  "(45_PL.01.3-Kpt_3172_KPU-Kot_IV_2019 (rev)) penetapan.pdf",
  // A plain head that ends in its year skips the day test (subject-read.ts readPlain); one that
  // ends in its serial does not.
  "Kep. Sekretaris 12-2024 Mei 2024 penetapan.pdf",
  "kpt ketua 2024 5 mei penetapan.pdf",
  "kpt ketua 2024 5 dpi penetapan.pdf",
  "kpt ketua 12 2024 lembar penetapan.pdf",
  // Canonical names: a configured code before the first "_", or only something like one.
  "KPT-KETUA_2024_012_penetapan-dpt.pdf",
  "KPT-KETUA_2024_012.pdf",
  "KPT-KETUA_2024_012_LAMPIRAN-2_x.pdf",
  "KPT-KETUA_x_2024_012.pdf",
  "kpt-ketua_2024_012_penetapan.pdf",
  "KPT-KETUA-X_2024_012.pdf",
  "_KPT-KETUA_2024_012.pdf",
  // Jenis phrases: one jenis, two, one inside another's.
  "SK Ketua No 12 Th 2024 ttg Penetapan.pdf",
  "SK Ketua SK Sekretaris No 12 Th 2024.pdf",
  "Keputusan Sekretaris Komisi Pemilihan Umum Kota Jakarta Utara No 1 Th 2020.pdf",
  // Printable ASCII or not: control characters, "/", accents, other white space.
  "SK Ketua No 12 Th 2024 ttg Pe\u0301netapan.pdf",
  "SK Ketua No 12 Th 2024 ttg a\u0007b.pdf",
  "SK Ketua No 12 Th 2024 ttg a/b.pdf",
  "SK Ketua No 12 Th 2024 ttg a\u0000b.pdf",
  "SK Ketua\u00a0No 12 Th 2024 ttg x\u3000y.pdf",
  "SK Ketua No 12 Th 2024 ttg \u00a0Penetapan  DPT (draft) .pdf",
  "SK Ketua No 12 Th 2024 ttg --.pdf",
  "SK Ketua No 12 Th 2024 ttg tentang x.pdf",
  // The slug cut from the folded subject: "tentang" words, single and double gaps, the budget.
  "SK Ketua No 12 Th 2024 ttg tentang.pdf",
  "SK Ketua No 12 Th 2024 ttg tentang-x.pdf",
  "SK Ketua No 12 Th 2024 ttg tentangx y.pdf",
  "SK Ketua No 12 Th 2024 ttg -x-.pdf",
  "SK Ketua No 12 Th 2024 ttg anggaran 2020-2021 dan lain-lain.pdf",
  "SK Ketua No 12 Th 2024 ttg anggaran 2020--2021.pdf",
  `SK Ketua No 12 Th 2024 ttg ${"penetapan daftar pemilih ".repeat(8)}.pdf`,
  `SK Ketua No 12 Th 2024 ttg ${"penetapan-daftar pemilih ".repeat(8)}.pdf`,
  `SK Ketua No 12 Th 2024 ttg ${"a".repeat(150)} b.pdf`,
  `SK Ketua No 12 Th 2024 ttg tentang ${"a".repeat(150)}.pdf`,
  `SK Ketua No 12 Th 2024 ttg ${"ab ".repeat(34)}c.pdf`,
  `SK Ketua No 12 Th 2024 ttg ${"ab ".repeat(35)}.pdf`,
  `KPT-KETUA_2024_012_${"penetapan-daftar-".repeat(8)}x.pdf`,
];

function same(name: string, rules: ConventionConfig): void {
  sameAsReference(name, rules, { now });
}

describe("the parser's shortcuts read as the reference parser does", () => {
  it.each(names)("%s", (name) => {
    same(name, defaults);
    same(name, digitPhrase);
  });
});

describe("the shortcuts' own gates", () => {
  it("isYearDigits and isYearShaped read a year as four digits from 1900 to 2199", () => {
    const year = (t: string) => /^[0-9]{4}$/.test(t) && Number(t) >= 1900 && Number(t) <= 2199;
    const differ: string[] = [];
    for (let n = 0; n < 100_000; n++) {
      for (const t of [String(n), String(n).padStart(4, "0")]) {
        if (isYearDigits(t) !== year(t) || isYearShaped(t) !== year(t)) differ.push(t);
      }
    }
    for (const t of ["19a0", "2o24", "1900 ", "", "２０２４"]) {
      if (isYearShaped(t)) differ.push(t);
    }
    expect(differ).toEqual([]);
  });

  // repair.ts mayStartDevice lets DEVICE_FIRST run only after the first two letters of one of
  // its names: every name it strips, in either case, must still get through.
  it.each(["Scan", "SCAN", "scanned", "Scn", "IMG", "img", "Pxl", "PXL", "dsc", "DSC", "Doc"])(
    "a device's name %s is stripped in front",
    (device) => {
      const name = `${device}_20240512_0001 SK Ketua No 3 Th 2024`;
      expect(stripNoise(name)).toBe("SK Ketua No 3 Th 2024");
    },
  );
});
