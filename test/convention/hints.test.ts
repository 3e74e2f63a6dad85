/**
 * subject-hints.ts's contract: a check whose bit is clear would have found nothing, so every
 * reading with the hints is the reading without them (every bit set). A trigger missing from
 * the hints' lists, or a gate that grew a word they lack, would skip a check silently: this
 * holds the two readings to each other on every table name (and its case and separator
 * variants) and on random names whose subjects are made of the triggers themselves, common
 * subject words and stray characters, under this office, another office elsewhere, a province
 * and no office.
 */
import { readFileSync } from "node:fs";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { type ConventionConfig, conventionSchema, DEFAULT_JENIS } from "../../src/config/schema.js";
import { parse } from "../../src/convention/parse.js";
import { allHintsWhile, TRIGGERS } from "../../src/convention/subject-hints.js";

const now = new Date(2025, 5, 1);

function office(place: string, names: string[], regionCodes: string[]): ConventionConfig {
  return conventionSchema.parse({
    office: { names, regionCodes, oldCodes: [] },
    jenis: DEFAULT_JENIS.map((j) => ({
      ...j,
      label: j.label.replace("Kota Jakarta Utara", place),
    })),
  });
}

const base = conventionSchema.parse({});
const ruleSets: [string, ConventionConfig][] = [
  ["default", base],
  ["Kabupaten Bekasi", office("Kabupaten Bekasi", ["kabupaten bekasi", "kab bekasi"], ["3216"])],
  [
    "Provinsi Jawa Tengah",
    office("Provinsi Jawa Tengah", ["provinsi jawa tengah", "jateng"], ["33"]),
  ],
  ["no office", { ...base, office: undefined }],
];

/** The name's reading with the hints and without, side by side. */
function both(name: string, rules: ConventionConfig): [unknown, unknown] {
  return [parse(name, rules, { now }), allHintsWhile(() => parse(name, rules, { now }))];
}

const tables = ["names.data.json", "names-clerks.data.json", "names-wild.data.json"].flatMap((f) =>
  (JSON.parse(readFileSync(new URL(f, import.meta.url), "utf8")) as [string, string][]).map(
    ([name]) => name,
  ),
);

describe("subject hints", () => {
  it("skip nothing on the table names and their variants", () => {
    const names = tables.flatMap((n) => [
      n,
      n.toLowerCase(),
      n.toUpperCase(),
      n.replace(/ /g, "_"),
    ]);
    let differ = 0;
    for (const [label, rules] of ruleSets) {
      for (const name of names) {
        const [hinted, all] = both(name, rules);
        if (JSON.stringify(hinted) !== JSON.stringify(all)) {
          differ++;
          expect({ label, name, hinted }).toEqual({ label, name, hinted: all });
        }
      }
    }
    expect(differ).toBe(0);
    expect(names.length).toBeGreaterThan(10_000);
  });

  it("skip nothing on random subjects made of their own triggers", () => {
    const word = fc.oneof(
      { weight: 4, arbitrary: fc.constantFrom(...TRIGGERS) },
      {
        weight: 3,
        arbitrary: fc.constantFrom(
          "penetapan",
          "daftar",
          "pemilih",
          "calon",
          "kota",
          "bekasi",
          "jakarta",
          "utara",
          "kabupaten",
          "provinsi",
          "no",
          "12",
          "th",
          "2024",
          "kpt",
          "3171",
          "ii",
          "(",
          ")",
          "-",
          "_",
        ),
      },
      { weight: 1, arbitrary: fc.string({ minLength: 1, maxLength: 6 }) },
    );
    const head = fc.constantFrom(
      "SK Ketua No 12 Th 2024 ttg ",
      "SK Ketua No 12 Th 2024 ",
      "Kep Sekretaris 3-2023 ",
      "KEPUTUSAN KPU KOTA JAKARTA UTARA NOMOR 7 TAHUN 2022 TENTANG ",
      "45_PL.01.3-Kpt_3172_KPU-Kot_IV_2019 ",
      "kpt ketua 2024 012 ",
      "SK Ketua ttg ",
    );
    const upper = fc.boolean();
    fc.assert(
      fc.property(head, fc.array(word, { minLength: 1, maxLength: 7 }), upper, (h, ws, up) => {
        const subject = ws.join(" ");
        const name = `${h}${up ? subject.toUpperCase() : subject}.pdf`;
        for (const [, rules] of ruleSets) {
          const [hinted, all] = both(name, rules);
          expect(hinted).toEqual(all);
        }
      }),
      { numRuns: 4000, seed: 27 },
    );
  });
});
