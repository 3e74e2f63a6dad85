/**
 * Table-driven: realistic names (names.data.json) → the canonical path, or "!<REASON>".
 * The year bound is fixed by `now` (June 2025 → yearMax 2025) so the table does not age.
 */
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { conventionSchema } from "../../src/config/schema.js";
import { latestYear, parse } from "../../src/convention/parse.js";

const rows = JSON.parse(readFileSync(new URL("./names.data.json", import.meta.url), "utf8")) as [
  string,
  string,
][];
const rules = conventionSchema.parse({});
const now = new Date(2025, 5, 1);

describe("parse: realistic names", () => {
  it("has a large table", () => {
    expect(rows.length).toBeGreaterThanOrEqual(150);
  });
  it.each(rows)("%j → %s", (input, expected) => {
    const r = parse(input, rules, { now });
    if (expected.startsWith("!")) {
      expect(r.ok ? r.path : r.reason).toBe(expected.slice(1));
      if (!r.ok) {
        expect(r.message.length).toBeGreaterThan(20);
        expect(r.messageEn.length).toBeGreaterThan(20);
      }
    } else {
      expect(r.ok ? r.path : `${r.reason}: ${r.messageEn}`).toBe(expected);
    }
  });

  it("keeps an old-style number as printed, with '/'", () => {
    const r = parse("45_PL.01.3-Kpt_3172_KPU-Kot_IV_2019.pdf", rules, { now });
    expect(r.ok && r.decree.nomorAsli).toBe("45/PL.01.3-Kpt/3172/KPU-Kot/IV/2019");
    // A 2011–2017 number carries its office's code: read when the code is configured as ours.
    const withCode = conventionSchema.parse({ office: { oldCodes: ["012.329521"] } });
    const c = parse("5-Kpts-KPU-Kota-012.329521-2015.pdf", withCode, { now });
    expect(c.ok && c.decree.nomorAsli).toBe("5/Kpts/KPU-Kota-012.329521/2015");
    const other = parse("5-Kpts-KPU-Kota-012.329521-2015.pdf", rules, { now });
    expect(other.ok ? other.path : other.reason).toBe("OTHER_OFFICE_CODE");
  });

  it("keeps the subject as typed (NFC), for the register", () => {
    const r = parse("SK Ketua No 12 Th 2024 ttg Pe\u0301netapan  DPT.pdf", rules, { now });
    expect(r.ok && r.decree.tentang).toBe("Pénetapan DPT");
  });

  it("reads jenis from config, not from built-in words", () => {
    const custom = conventionSchema.parse({
      jenis: [{ code: "PERBUP", label: "Peraturan Bupati", aliases: ["perbup"] }],
    });
    const r = parse("Perbup No 4 Th 2021 ttg Pajak.pdf", custom, { now });
    expect(r.ok && r.path).toBe("PERBUP/2021/PERBUP_2021_004_pajak.pdf");
    const k = parse("SK Ketua No 4 Th 2021.pdf", custom, { now });
    expect(k.ok ? k.path : k.reason).toBe("NO_JENIS");
  });

  it("files no decree of a year that has not come, but one prepared for January in late December", () => {
    expect(latestYear(new Date(2026, 11, 6))).toBe(2026);
    expect(latestYear(new Date(2026, 11, 24, 23, 59))).toBe(2026);
    expect(latestYear(new Date(2026, 11, 25, 0, 0))).toBe(2027);
    expect(latestYear(new Date(2027, 0, 1))).toBe(2027);
    const name = "SK Ketua No 3 Th 2027 ttg Penetapan DPT.pdf";
    const early = parse(name, rules, { now: new Date(2026, 11, 6) });
    expect(early.ok ? early.path : early.reason).toBe("YEAR_OUT_OF_RANGE");
    if (!early.ok) expect(early.message).toContain("belum tiba");
    for (const now of [new Date(2026, 11, 28), new Date(2027, 0, 2)]) {
      const r = parse(name, rules, { now });
      expect(r.ok && r.path).toBe("KPT-KETUA/2027/KPT-KETUA_2027_003_penetapan-dpt.pdf");
    }
  });
});
