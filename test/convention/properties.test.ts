/** Property tests: format→parse round trip, every canonical name is safe, parse never throws. */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { conventionSchema } from "../../src/config/schema.js";
import { format, tentangAsCanonical } from "../../src/convention/format.js";
import { parse } from "../../src/convention/parse.js";
import { isSafeName, isSafeRelPath, OWNCLOUD_MAX_BYTES } from "../../src/convention/safe-name.js";
import type { Decree } from "../../src/convention/types.js";

const rules = conventionSchema.parse({});
const now = new Date(2025, 5, 1);

const decree: fc.Arbitrary<Decree> = fc.record({
  jenis: fc.constantFrom("KPT-KETUA", "KPT-SEKRETARIS"),
  tahun: fc.integer({ min: 2000, max: 2025 }),
  nomor: fc
    .tuple(fc.integer({ min: 1, max: 9999 }), fc.constantFrom("", "A", "B"))
    .map(([n, s]) => `${n}${s}`),
  qualifier: fc.constantFrom(null, "SALINAN", "LAMPIRAN-1", "LAMPIRAN-12"),
  tentang: fc.option(fc.string({ unit: "grapheme", maxLength: 200 }), { nil: null }),
  ext: fc.constantFrom(...rules.extensions),
});

describe("convention properties", () => {
  it("parse(basename(format(d))) reads d back (tentang as the slug reads)", () => {
    fc.assert(
      fc.property(decree, (d) => {
        const p = format(d, rules);
        const r = parse(p.slice(p.lastIndexOf("/") + 1), rules, { now });
        expect(r.ok).toBe(true);
        if (!r.ok) return;
        expect(r.path).toBe(p);
        expect(r.decree).toEqual({ ...d, tentang: tentangAsCanonical(d, rules) });
      }),
      { numRuns: 2000 },
    );
  });

  it("every canonical path is Windows/SMB- and ownCloud-safe", () => {
    fc.assert(
      fc.property(decree, (d) => {
        const p = format(d, rules);
        expect(isSafeRelPath(p, rules.maxNameLength)).toBe(true);
        const name = p.slice(p.lastIndexOf("/") + 1);
        expect(name.length).toBeLessThanOrEqual(rules.maxNameLength);
        expect(Buffer.byteLength(name) + 27).toBeLessThanOrEqual(OWNCLOUD_MAX_BYTES);
        expect(/^[A-Za-z0-9._-]+$/.test(name)).toBe(true);
      }),
      { numRuns: 2000 },
    );
  });

  it("parse never throws, and every accepted name maps to a safe path", () => {
    const piece = fc.constantFrom(
      "SK Ketua ",
      "No ",
      "12 ",
      "Th ",
      "2024 ",
      "ttg ",
      "_",
      "-",
      "/",
      ".pdf",
      "LAMPIRAN ",
      "\u0301",
      "CON",
      "\u0000",
      "45_PL.01.3-Kpt_3172_KPU-Kot_IV_",
    );
    const text = fc.oneof(
      fc.string({ unit: "binary", maxLength: 300 }),
      fc
        .array(fc.oneof(piece, fc.string({ maxLength: 5 })), { maxLength: 30 })
        .map((a) => a.join("")),
    );
    fc.assert(
      fc.property(text, (s) => {
        const r = parse(s, rules, { now });
        if (r.ok) expect(isSafeRelPath(r.path, rules.maxNameLength)).toBe(true);
        else expect(r.reason).toMatch(/^[A-Z_]+$/);
      }),
      { numRuns: 3000 },
    );
  });

  it("rejects Windows device names and unsafe characters", () => {
    for (const bad of [
      "CON",
      "con.pdf",
      "LPT9.txt",
      "a:b",
      "a?b",
      "x.",
      "x ",
      "a\u0001b",
      "a\\b",
    ]) {
      expect(isSafeName(bad, 120)).toBe(false);
    }
    expect(isSafeName("KPT-KETUA_2024_012.pdf", 120)).toBe(true);
  });
});
