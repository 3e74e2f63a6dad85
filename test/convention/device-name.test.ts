/**
 * device-name.ts's contract: a device's own name ("scan0001", "IMG1234", "Doc1") refused at
 * once gets exactly the refusal parse() gives it without that shortcut, under several configs,
 * including ones whose phrases could be read out of a device's word (the shortcut then leaves
 * that word to the full reading).
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { type ConventionConfig, conventionSchema, DEFAULT_JENIS } from "../../src/config/schema.js";
import { DEVICE_WORDS, mayBeDeviceName } from "../../src/convention/device-name.js";
import { parse } from "../../src/convention/parse.js";
import { compileRules } from "../../src/convention/rules.js";

const now = new Date("2026-12-06");
const base = conventionSchema.parse({});
const ruleSets: [string, ConventionConfig][] = [
  ["default", base],
  ["no office", { ...base, office: undefined }],
  [
    "other office",
    conventionSchema.parse({
      office: { names: ["Kota Semarang", "Semarang"], regionCodes: ["3374"], oldCodes: [] },
    }),
  ],
  [
    "phrases a device word could be read from",
    conventionSchema.parse({
      jenis: [
        ...DEFAULT_JENIS,
        { code: "SCAN-SK", label: "Scan Keputusan", aliases: ["scan sk", "doc"] },
        { code: "IM", label: "Instruksi Manual", aliases: ["im"] },
      ],
    }),
  ],
];

const WORDS = ["scan", "SCAN", "Scan", "img", "IMG", "image", "DSC", "dscn", "Doc", "document"];
const MORE = ["dokumen", "Foto", "photo", "pic", "picture", "scans", "imgs", "sc", "do"];
const DIGITS = ["1", "12", "0001", "2024", "3172", "3578", "122024", "202405101030", "1232024"];

/** parse() of `name` under `rules`, with and without the shortcut. */
function both(name: string, rules: ConventionConfig) {
  const c = compileRules(rules);
  const kept = c.deviceName;
  const fast = parse(name, rules, { now });
  c.deviceName = null;
  try {
    return { fast, full: parse(name, rules, { now }), kept };
  } finally {
    c.deviceName = kept;
  }
}

describe("a device's own name", () => {
  it("is refused as NO_JENIS at once under the default config", () => {
    const c = compileRules(base);
    for (const w of WORDS)
      for (const d of DIGITS) expect(c.deviceName?.test(`${w}${d}`)).toBe(true);
    // Not a device's name: a word of its own before the digits, a gap, other characters.
    for (const s of ["scans12", "scan", "scan 12", "scan_12", "scan12a", "sk12", "12scan"])
      expect(c.deviceName?.test(s)).toBe(false);
  });

  it("lets every device word's names past its first-letter gate, and few others", () => {
    for (const w of DEVICE_WORDS) {
      expect(mayBeDeviceName(`${w}1`), w).toBe(true);
      expect(mayBeDeviceName(`${w.toUpperCase()}0001`), w).toBe(true);
    }
    for (const s of ["SK Ketua No 1 Th 2024 ttg DPT", "kpt ketua 2024 012", "scan12a", "12"])
      expect(mayBeDeviceName(s), s).toBe(false);
  });

  it("leaves out device words a configured phrase could be read from", () => {
    const c = compileRules(ruleSets[3]![1]);
    expect(c.deviceName?.test("scan12")).toBe(false);
    expect(c.deviceName?.test("doc12")).toBe(false);
    expect(c.deviceName?.test("img12")).toBe(false);
    expect(c.deviceName?.test("dsc12")).toBe(true);
  });

  for (const [label, rules] of ruleSets) {
    it(`reads as without the shortcut: listed names (${label})`, () => {
      for (const w of [...WORDS, ...MORE])
        for (const d of DIGITS)
          for (const ext of ["pdf", "JPG", "docx"]) {
            const { fast, full } = both(`${w}${d}.${ext}`, rules);
            expect(fast, `${w}${d}.${ext}`).toEqual(full);
          }
    });

    it(`reads as without the shortcut: random names (${label})`, () => {
      const word = fc.constantFrom(...WORDS, ...MORE);
      const digits = fc.stringMatching(/^[0-9]{1,14}$/);
      fc.assert(
        fc.property(word, digits, fc.constantFrom("pdf", "jpg", "jpeg", "png"), (w, d, ext) => {
          const { fast, full } = both(`${w}${d}.${ext}`, rules);
          expect(fast).toEqual(full);
        }),
        { numRuns: 3000 },
      );
    });
  }
});
