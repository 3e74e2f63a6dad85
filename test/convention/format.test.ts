/**
 * Differential property: format gives the same path, or fails with the same error, as the frozen
 * reference copy (reference/format.ts) on any decree — not only on ones parse builds: odd codes,
 * years, qualifiers and extensions (which the formatter must still check), subjects of any text,
 * and configs built by hand (which the schema never checked).
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { type ConventionConfig, conventionSchema } from "../../src/config/schema.js";
import { format, tentangAsCanonical } from "../../src/convention/format.js";
import type { Decree } from "../../src/convention/types.js";
import {
  format as referenceFormat,
  tentangAsCanonical as referenceTentang,
} from "./reference/format.js";

const defaults = conventionSchema.parse({});
const ruleSets: ConventionConfig[] = [
  defaults,
  conventionSchema.parse({ nomorPad: 6, maxNameLength: 40 }),
  // Built by hand: codes and extensions the schema would refuse.
  {
    ...defaults,
    extensions: ["pdf", "PDF", "tar.gz", "a b", "", "pdf.", "pdf ", "p:f"],
    jenis: [
      ...defaults.jenis,
      { code: "A.B", label: "Titik", aliases: [], styleBMarkers: [] },
      { code: "CON", label: "Perangkat", aliases: [], styleBMarkers: [] },
      { code: "x y", label: "Spasi", aliases: [], styleBMarkers: [] },
      { code: "ÄB", label: "Aksen", aliases: [], styleBMarkers: [] },
      { code: "A:B", label: "Titik dua", aliases: [], styleBMarkers: [] },
      { code: "CON.X", label: "Perangkat titik", aliases: [], styleBMarkers: [] },
      { code: "A\u0308", label: "NFD", aliases: [], styleBMarkers: [] },
      { code: "中".repeat(60), label: "Lebar", aliases: [], styleBMarkers: [] },
    ],
  },
];

const odd = fc.string({ unit: "grapheme", maxLength: 8 });
const decree: fc.Arbitrary<Decree> = fc.record({
  jenis: fc.oneof(
    fc.constantFrom(
      "KPT-KETUA",
      "KPT-SEKRETARIS",
      "A.B",
      "CON",
      "x y",
      "ÄB",
      "A:B",
      "CON.X",
      "A\u0308",
      "中".repeat(60),
      "",
      "kpt_ketua",
    ),
    odd,
  ),
  tahun: fc.oneof(
    fc.integer({ min: 1990, max: 2030 }),
    fc.constantFrom(-1, -0, 0, 2024.5, 1e21, Number.NaN, Number.MAX_SAFE_INTEGER + 2),
  ),
  nomor: fc.oneof(
    fc
      .tuple(fc.integer({ min: 0, max: 99999 }), fc.constantFrom("", "A", "b"))
      .map(([n, s]) => `${n}${s}`),
    fc.constantFrom("012a", "0", "x", ""),
  ),
  qualifier: fc.oneof(
    fc.constantFrom(null, "", "SALINAN", "LAMPIRAN-1", "LAMPIRAN-12", "a.b", "x y", "a:b", "CON"),
    odd,
  ),
  tentang: fc.option(fc.string({ unit: "grapheme", maxLength: 150 }), { nil: null }),
  ext: fc.oneof(
    fc.constantFrom("pdf", "PDF", "docx", "jpg", "tar.gz", "a b", "", "pdf.", "pdf ", "p:f", "Pdf"),
    odd,
  ),
});

/** The path, or the error's message: the two formatters must agree on both. */
function outcome(f: () => string): string {
  try {
    return `ok ${f()}`;
  } catch (e) {
    return `error ${(e as Error).message}`;
  }
}

describe("format agrees with the reference formatter", () => {
  it("on any decree, under schema-built and hand-built configs", () => {
    fc.assert(
      fc.property(decree, (d) => {
        for (const rules of ruleSets) {
          expect(outcome(() => format(d, rules))).toBe(outcome(() => referenceFormat(d, rules)));
          expect(outcome(() => String(tentangAsCanonical(d, rules)))).toBe(
            outcome(() => String(referenceTentang(d, rules))),
          );
        }
      }),
      { numRuns: 5000 },
    );
  });
});
