/**
 * Where a long subject is cut (slug-cut.ts): within the budget, whole words of the subject in
 * order, the election year kept, and never ending on a joining word or inside a place's name.
 */
import { describe, expect, it } from "vitest";
import { cutSlug } from "../../src/convention/slug-cut.js";

const cases: [string, number, string][] = [
  // A place's name split by the cut is left out whole with its level word, before or after the
  // year is set aside.
  [
    "penunjukan-petugas-pengelola-arsip-pada-satuan-kerja-kpu-kota-jakarta-utara-tahun-anggaran-2025",
    92,
    "penunjukan-petugas-pengelola-arsip-pada-satuan-kerja-kpu-tahun-anggaran-2025",
  ],
  [
    "pembentukan-tim-pengelola-dana-hibah-pemilihan-gubernur-dan-wakil-gubernur-daerah-khusus-jakarta-tahun-2024",
    95,
    "pembentukan-tim-pengelola-dana-hibah-pemilihan-gubernur-dan-wakil-gubernur-tahun-2024",
  ],
  [
    "penetapan-lokasi-alat-peraga-kampanye-di-wilayah-kecamatan-tanjung-priok",
    68,
    "penetapan-lokasi-alat-peraga-kampanye-di-wilayah-kecamatan",
  ],
  ["pembentukan-pps-kota-administrasi-jakarta-utara", 40, "pembentukan-pps"],
  [
    "penetapan-pejabat-pengelola-keuangan-satuan-kerja-sekretariat-kpu-kota-jakarta-utara-tahun-anggaran-2024",
    85,
    "penetapan-pejabat-pengelola-keuangan-satuan-kerja-sekretariat-kpu-tahun-anggaran-2024",
  ],
  // A whole name stays: "dki" is one, and a level word may end a phrase.
  ["rekapitulasi-suara-dprd-provinsi-dki-jakarta", 40, "rekapitulasi-suara-dprd-provinsi-dki"],
  [
    "pembentukan-panitia-pemilihan-kecamatan-kelapa-gading",
    48,
    "pembentukan-panitia-pemilihan-kecamatan",
  ],
  ["rekapitulasi-tingkat-kota-dan-kecamatan", 30, "rekapitulasi-tingkat-kota"],
  ["rekapitulasi-tingkat-kota-jakarta-utara", 25, "rekapitulasi-tingkat-kota"],
  ["honor-kpu-kota-dan-kecamatan", 15, "honor-kpu-kota"],
  // The first word is kept even when it starts a place.
  ["jakarta-utara-dalam-angka", 10, "jakarta"],
];

describe("cutSlug", () => {
  it.each(cases)("%s in %i", (joined, budget, want) => {
    expect(cutSlug(joined, budget)).toBe(want);
  });

  it("keeps whole words in order, within the budget, and is stable on its own result", () => {
    const words = ["penetapan", "kpu", "kota", "jakarta", "utara", "daerah", "khusus", "dan"];
    const rnd = mulberry(7);
    for (let i = 0; i < 2000; i++) {
      const n = 2 + Math.floor(rnd() * 14);
      const subject = Array.from({ length: n }, () => words[Math.floor(rnd() * words.length)]!);
      if (rnd() < 0.5) subject.push("tahun", "2024");
      const joined = subject.join("-");
      const budget = 5 + Math.floor(rnd() * 60);
      const cut = cutSlug(joined, budget);
      expect(cut.length, joined).toBeLessThanOrEqual(budget);
      expect(cutSlug(cut, budget), joined).toBe(cut);
      if (cut.length > 0 && joined.length > budget && subject[0]!.length <= budget) {
        // Every word of the cut is a word of the subject, in order.
        let j = 0;
        for (const w of cut.split("-")) {
          while (j < subject.length && subject[j] !== w) j++;
          expect(j, `${joined} -> ${cut}`).toBeLessThan(subject.length);
          j++;
        }
      }
    }
  });
});

/** A small seeded generator: the same subjects on every run. */
function mulberry(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
