/**
 * The bare places of places-id.ts: every one is read where a bare place names the issuer (in
 * front of the decree's name, first after the numbers) and nowhere else (after "tentang"); the
 * names left out are read only with their level word; the configured office's own place is
 * never another office's.
 */
import { describe, expect, it } from "vitest";
import { conventionSchema } from "../../src/config/schema.js";
import { DKI_PLACES } from "../../src/convention/office-words.js";
import { MAX_PLACE_WORDS } from "../../src/convention/own-place.js";
import { parse } from "../../src/convention/parse.js";
import { PLACES_ID, PLACES_LEFT_OUT } from "../../src/convention/places-id.js";

const rules = conventionSchema.parse({});
const now = new Date(2025, 5, 1);
const read = (name: string, r = rules) => {
  const p = parse(name, r, { now });
  return p.ok ? p.path : `!${p.reason}`;
};
const typed = (place: string) => place.replace(/\b[a-z]/g, (c) => c.toUpperCase());
/** "jakarta" is the default office's own word (its place is "Kota Jakarta Utara"). */
const others = PLACES_ID.filter((p) => p !== "jakarta");

describe("places-id: the bare places", () => {
  it("holds Indonesia's provinces and kabupaten/kota once each, as folded words", () => {
    expect(PLACES_ID.length).toBeGreaterThanOrEqual(500);
    expect(new Set(PLACES_ID).size).toBe(PLACES_ID.length);
    for (const p of PLACES_ID) expect(p).toMatch(/^[a-z]+(?: [a-z]+)*$/);
    // own-place.ts looks places up by text, at most MAX_PLACE_WORDS words long.
    for (const p of [...PLACES_ID, ...PLACES_LEFT_OUT, ...DKI_PLACES]) {
      expect(p.split(" ").length, p).toBeLessThanOrEqual(MAX_PLACE_WORDS);
    }
    for (const p of ["jawa timur", "jatim", "diy", "surabaya", "bekasi", "makassar", "jayapura"]) {
      expect(PLACES_ID).toContain(p);
    }
  });

  it("leaves out the names that are everyday words, Jakarta's places, given names", () => {
    for (const p of PLACES_LEFT_OUT) expect(PLACES_ID).not.toContain(p);
    for (const p of PLACES_LEFT_OUT) {
      const place = typed(p);
      // Filed as this office's: a name of two words or more is the subject typed first.
      expect(
        [
          "KPT-KETUA/2024/KPT-KETUA_2024_003.pdf",
          `KPT-KETUA/2024/KPT-KETUA_2024_003_${p.split(" ").join("-")}.pdf`,
        ],
        p,
      ).toContain(read(`${place} SK Ketua No 3 Th 2024.pdf`));
      expect(read(`SK Ketua No 3 Th 2024 ${place} Lama.pdf`), p).toMatch(/^KPT-KETUA\/2024\//);
      // With its level word it is another office's place all the same.
      expect(read(`Kab ${place} SK Ketua No 3 Th 2024.pdf`), p).toBe("!OTHER_OFFICE");
      expect(read(`SK Ketua No 3 Th 2024 Kota ${place}.pdf`), p).toBe("!OFFICE_IN_SUBJECT");
    }
  });

  it("reads every place in front of the decree's name as another office's", () => {
    for (const p of others) {
      const r = parse(`${typed(p)} SK Ketua No 3 Th 2024.pdf`, rules, { now });
      expect(r.ok ? r.path : r.reason, p).toBe("OTHER_OFFICE");
      if (!r.ok) {
        expect(r.message, p).toContain(`(${p.toUpperCase()})`);
        expect(r.message, p).toMatch(/luar folder arsip/);
        expect(r.message, p).not.toMatch(/tambahkan/i);
      }
    }
  });

  it("reads every place first after the numbers as issuer or subject, and after 'tentang' as the subject", () => {
    for (const p of others) {
      expect(read(`SK Ketua No 3 Th 2024 ${typed(p)}.pdf`), p).toBe("!OFFICE_IN_SUBJECT");
      expect(read(`SK Ketua No 3 Th 2024 tentang ${typed(p)}.pdf`), p).toBe(
        `KPT-KETUA/2024/KPT-KETUA_2024_003_${p.replace(/ /g, "-")}.pdf`,
      );
      // Further on in the subject it is what the decree is about.
      expect(read(`SK Ketua No 3 Th 2024 Bimtek di ${typed(p)}.pdf`), p).toMatch(
        /^KPT-KETUA\/2024\//,
      );
    }
  });

  it("never reads the configured office's own place as another's", () => {
    const semarang = conventionSchema.parse({
      office: { names: ["Kota Semarang", "Semarang"], regionCodes: ["3374"], oldCodes: [] },
    });
    expect(read("Semarang SK Ketua No 3 Th 2024.pdf", semarang)).toBe(
      "KPT-KETUA/2024/KPT-KETUA_2024_003.pdf",
    );
    expect(read("SK Ketua No 3 Th 2024 Semarang.pdf", semarang)).toBe(
      "KPT-KETUA/2024/KPT-KETUA_2024_003_semarang.pdf",
    );
    expect(read("Bekasi SK Ketua No 3 Th 2024.pdf", semarang)).toBe("!OTHER_OFFICE");
    // Jakarta is another office's for Semarang, this office's own word for Jakarta Utara.
    expect(read("Jakarta SK Ketua No 3 Th 2024.pdf", semarang)).toBe("!OTHER_OFFICE");
    expect(read("Jakarta SK Ketua No 3 Th 2024.pdf")).toBe("KPT-KETUA/2024/KPT-KETUA_2024_003.pdf");
  });

  it("reads a place right before the decree's name, after a subject typed first, as either office's", () => {
    const filed = "KPT-KETUA/2024/KPT-KETUA_2024_003.pdf";
    for (const p of ["surabaya", "bekasi", "jawa timur", "jatim"]) {
      expect(read(`Penetapan DPT ${typed(p)} SK Ketua No 3 Th 2024.pdf`), p).toBe(
        "!OFFICE_IN_SUBJECT",
      );
    }
    // Filed; the subject typed first is the slug unless this office's place is among its words
    // (head-subject.ts), and a place further back is the subject's ("Bandung Raya Fest").
    for (const [own, slug] of [
      ["Penetapan DPT di Jakarta Utara SK Ketua No 3 Th 2024.pdf", ""],
      ["Penetapan DPT Jakarta Utara SK Ketua No 3 Th 2024.pdf", ""],
      ["Penetapan DPT Jakut SK Ketua No 3 Th 2024.pdf", ""],
      ["Penetapan DPT SK Ketua No 3 Th 2024.pdf", "_penetapan-dpt"],
      ["Bandung Raya Fest SK Ketua No 3 Th 2024.pdf", "_bandung-raya-fest"],
    ]) {
      expect(read(own!), own).toBe(`KPT-KETUA/2024/KPT-KETUA_2024_003${slug}.pdf`);
    }
    const semarang = conventionSchema.parse({
      office: { names: ["Kota Semarang", "Semarang"], regionCodes: ["3374"], oldCodes: [] },
    });
    expect(read("Penetapan DPT Semarang SK Ketua No 3 Th 2024.pdf", semarang)).toBe(filed);
    expect(read("Penetapan DPT Jakarta SK Ketua No 3 Th 2024.pdf", semarang)).toBe(
      "!OFFICE_IN_SUBJECT",
    );
  });

  it("reads 'DKI' alone as the province's office, unless the office is that province", () => {
    const filed = "KPT-KETUA/2024/KPT-KETUA_2024_003.pdf";
    for (const own of [
      "KPU Jakut SK Ketua No 3 Th 2024.pdf",
      "KPU Kota Jakarta Utara SK Ketua No 3 Th 2024.pdf",
      "Jakarta Utara SK Ketua No 3 Th 2024.pdf",
      "Jakut - SK Ketua No 3 Th 2024.pdf",
      "DKI Jakarta Utara SK Ketua No 3 Th 2024.pdf",
    ]) {
      expect(read(own), own).toBe(filed);
    }
    for (const other of ["DKI", "DKI Jakarta", "Prov DKI", "KPU DKI"]) {
      expect(read(`${other} SK Ketua No 3 Th 2024.pdf`), other).toBe("!OTHER_OFFICE");
    }
    const province = conventionSchema.parse({
      office: { names: ["Provinsi DKI Jakarta", "DKI Jakarta"], regionCodes: ["31"], oldCodes: [] },
    });
    expect(read("DKI SK Ketua No 3 Th 2024.pdf", province)).toBe(filed);
    expect(read("DKI Jakarta SK Ketua No 3 Th 2024.pdf", province)).toBe(filed);
    expect(read("SK Ketua No 3 Th 2024 DKI.pdf", province)).toBe(
      "KPT-KETUA/2024/KPT-KETUA_2024_003_dki.pdf",
    );
    const semarang = conventionSchema.parse({
      office: { names: ["Kota Semarang", "Semarang"], regionCodes: ["3374"], oldCodes: [] },
    });
    expect(read("DKI SK Ketua No 3 Th 2024.pdf", semarang)).toBe("!OTHER_OFFICE");
  });
});
