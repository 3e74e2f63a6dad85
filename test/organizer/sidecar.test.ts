/**
 * What a quarantine note tells the clerk to do (organizer/sidecar.ts): a name that cannot be read
 * is renamed; another office's document is moved out, never renamed into the archive; a name that
 * may be either gets both ways, the move first.
 */
import { describe, expect, it } from "vitest";
import { conventionSchema } from "../../src/config/schema.js";
import { parse } from "../../src/convention/parse.js";
import { reject, rejectVariant } from "../../src/convention/reasons.js";
import { parseSidecar, sidecarText } from "../../src/organizer/sidecar.js";

const rules = conventionSchema.parse({});
const time = new Date(Date.UTC(2026, 11, 6, 3, 0));

function note(code: Parameters<typeof reject>[0], detail = "X"): string {
  const r = reject(code, detail);
  return sidecarText(
    { name: "a.pdf", message: r.message, code, origin: "MASUK", time, timezone: "Asia/Jakarta" },
    rules,
  );
}

const move = "pindahkan berkas ini ke luar folder arsip";
const rename = "ganti nama berkas dengan pola";

describe("the quarantine note's advice", () => {
  it("tells to rename a name that cannot be read, and nothing about moving it out", () => {
    for (const code of ["NO_JENIS", "NO_NUMBER", "NO_YEAR", "AMBIGUOUS_NUMBER"] as const) {
      const text = note(code);
      expect(parseSidecar(text).kode).toBe(code);
      expect(text).toContain(`Cara memperbaiki: ${rename}`);
      expect(text).not.toContain(move);
    }
  });

  it("tells to move another office's document out, and never to rename it", () => {
    for (const code of ["OTHER_OFFICE", "OTHER_OFFICE_CODE"] as const) {
      const text = note(code);
      expect(text).toMatch(/Cara memperbaiki: .*pindahkan berkas ini ke sana/);
      expect(text).not.toContain(rename);
    }
  });

  it.each([
    "ISSUER_UNCLEAR",
    "OFFICE_UNCLEAR",
    "DECREE_UNCLEAR",
    "NO_JENIS_OTHER",
    "NOT_A_DECREE",
    "NUMBER_OF_OTHER",
  ] as const)("gives both ways for %s: move another body's document out first", (code) => {
    const text = note(code);
    const fix = text.slice(text.indexOf("Cara memperbaiki:"));
    expect(fix).toContain(move);
    expect(fix).toContain(`Bila ini memang keputusan kantor ini, ${rename}`);
    expect(fix.indexOf(move)).toBeLessThan(fix.indexOf(rename));
  });

  it("for another office in the subject, names this office in the example, which is filed", () => {
    const text = note("OFFICE_IN_SUBJECT");
    const fix = text.slice(text.indexOf("Cara memperbaiki:"));
    expect(fix).toContain(move);
    expect(fix).not.toContain(rename);
    const example = /misalnya "([^"]+)"/.exec(fix)?.[1];
    expect(example).toBeDefined();
    // The example with subjects refused as they were typed: another area's voter list, a tag
    // (dropped, as the note says: a tag is refused after this office's name too), another body
    // named before the decree.
    for (const [typed, subject] of [
      ["SK Ketua No 12 Th 2024 ttg Penetapan DPT Kota Bekasi.pdf", "Penetapan DPT Kota Bekasi"],
      ["SK Ketua No 12 Th 2024 ttg Penetapan DPT (KPU Jakbar).pdf", "Penetapan DPT"],
      // (KPPS are formed by the PPS: "Pembentukan PPK" before it is this office's, filed.)
      ["Pembentukan KPPS SK Ketua No 12 Th 2024.pdf", "Pembentukan KPPS"],
    ] as const) {
      expect(parse(typed, rules)).toMatchObject({ ok: false, reason: "OFFICE_IN_SUBJECT" });
      const renamed = parse(example!.replace("<perihal>", subject), rules);
      expect(renamed).toMatchObject({ ok: true, decree: { jenis: "KPT-KETUA", nomor: "12" } });
    }
    expect(fix.indexOf(move)).toBeLessThan(fix.indexOf(example!));
  });

  it("tells to join a page into the whole decree, and never to rename the page alone", () => {
    const text = note("PAGE_ONLY", "hal 1");
    expect(text).toContain("Cara memperbaiki: gabungkan semua halaman");
    expect(text).not.toContain(rename);
    expect(text).not.toContain(move);
  });

  it("points to the reason's own advice for several attachments or a conflict copy, not to a rename", () => {
    const several = note("AMBIGUOUS_QUALIFIER", "LAMPIRAN-1, LAMPIRAN-2");
    expect(several).toContain("Alasan: Nama berkas menyebut lebih dari satu lampiran");
    const r = rejectVariant("AMBIGUOUS_QUALIFIER:conflictCopy", "(conflicted copy 2024-05-12)");
    const conflict = sidecarText(
      {
        name: "a.pdf",
        message: r.message,
        code: r.reason,
        origin: "MASUK",
        time,
        timezone: "Asia/Jakarta",
      },
      rules,
    );
    expect(conflict).toContain("Bandingkan berkas ini dengan versi lainnya");
    for (const text of [several, conflict]) {
      expect(parseSidecar(text).kode).toBe("AMBIGUOUS_QUALIFIER");
      expect(text).toContain("Cara memperbaiki: ikuti saran pada baris Alasan di atas");
      expect(text).not.toContain(rename);
    }
  });

  it("tells a clerk that a 'Ralat'/'Koreksi' may be a letter to move out, not only an amending decree", () => {
    const r = reject("NUMBER_OF_OTHER", "RALAT");
    expect(r.message).toContain("bila ini bukan keputusan");
    expect(r.message).toContain("pindahkan berkas ke luar folder arsip");
    expect(r.message.indexOf("luar folder arsip")).toBeLessThan(r.message.indexOf("No 15"));
  });
});
