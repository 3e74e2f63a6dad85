/**
 * The organizer's content step on real documents: a name that agrees with the document's
 * heading is filed; one that disagrees is quarantined (ISI_BERBEDA) with the document quoted
 * and a `Saran nama` the convention accepts; the same bytes under another number are a
 * duplicate of the filed decree; OCR off files scans by name.
 */
import { existsSync, readFileSync, renameSync, utimesSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { configSchema } from "../../src/config/schema.js";
import { parse } from "../../src/convention/parse.js";
import { organize } from "../../src/organizer/organize.js";
import { parseSidecar } from "../../src/organizer/sidecar.js";
import { NOW, OLD, put, silent, tempShare } from "../organizer/helpers.js";
import { decreePages, makeDoc } from "./docs.js";

function doc(
  share: string,
  rel: string,
  nomor: string,
  tahun: number,
  device: "pdfwrite" | "pdfimage24" = "pdfwrite",
) {
  const abs = makeDoc(path.join(share, rel), {
    device,
    pages: decreePages({ nomor, tahun, tentang: "Penetapan PPK" }),
  });
  utimesSync(abs, OLD, OLD);
  return abs;
}

const sidecarOf = (share: string, q: string) =>
  readFileSync(path.join(share, `${q}.ALASAN.txt`), "utf8");

describe("filing checks the document's content", () => {
  it("files a decree whose heading agrees with its name", async () => {
    const { share, config } = await tempShare();
    doc(share, "SK Ketua No 20 Th 2024 ttg Penetapan PPK.pdf", "20", 2024);
    const r = await organize({ config, log: silent, now: () => NOW });
    expect(r.quarantined).toEqual([]);
    expect(
      existsSync(path.join(share, "KPT-KETUA/2024/KPT-KETUA_2024_020_penetapan-ppk.pdf")),
    ).toBe(true);
  });

  it("quarantines a name that disagrees, quoting the document, with a name suggestion that files it", async () => {
    const { share, config } = await tempShare();
    doc(share, "SK Ketua No 7 Th 2024 ttg Penetapan PPK.pdf", "3", 2023);
    const dry = await organize({ config, log: silent, now: () => NOW }, { dryRun: true });
    expect(dry.quarantined.map((q) => q.reason)).toEqual(["ISI_BERBEDA"]);
    const r = await organize({ config, log: silent, now: () => NOW });
    expect(r.moves).toEqual([]);
    expect(r.quarantined).toHaveLength(1);
    const q = r.quarantined[0]!;
    expect(q.reason).toBe("ISI_BERBEDA");
    expect(q.message).toContain("NOMOR 3 TAHUN 2023");
    expect(q.message).toMatch(/nomor, tahun/);
    const side = sidecarOf(share, q.to);
    expect(parseSidecar(side).kode).toBe("ISI_BERBEDA");
    const saran = /^Saran nama: (.*)$/m.exec(side)?.[1];
    expect(saran).toBe("SK Ketua No 3 Th 2023 ttg Penetapan PPK.pdf");
    const p = parse(saran!, config.convention, { now: NOW });
    expect(p.ok && [p.decree.nomor, p.decree.tahun]).toEqual(["3", 2023]);
    // Never applied by itself: the file is still in the quarantine under its own name.
    expect(existsSync(path.join(share, q.to))).toBe(true);
    // The clerk takes the suggestion: the next pass files it, and drops the sidecar.
    const renamed = path.join(share, path.dirname(q.to), saran!);
    renameSync(path.join(share, q.to), renamed);
    utimesSync(renamed, OLD, OLD);
    const again = await organize({ config, log: silent, now: () => NOW });
    expect(again.unquarantined.map((m) => m.to)).toEqual([
      "KPT-KETUA/2023/KPT-KETUA_2023_003_penetapan-ppk.pdf",
    ]);
  });

  it("quarantines a decree of another office saved under this office's name", async () => {
    const { share, config } = await tempShare();
    const abs = makeDoc(path.join(share, "SK Ketua No 5 Th 2024.pdf"), {
      device: "pdfwrite",
      pages: decreePages({
        heading: "KEPUTUSAN KOMISI PEMILIHAN UMUM KOTA JAKARTA SELATAN",
        nomor: "5",
        tahun: 2024,
        tentang: "Penetapan PPK",
      }),
    });
    utimesSync(abs, OLD, OLD);
    const r = await organize({ config, log: silent, now: () => NOW });
    expect(r.moves).toEqual([]);
    expect(r.quarantined.map((q) => q.reason)).toEqual(["ISI_BERBEDA"]);
    expect(r.quarantined[0]!.message).toContain("JAKARTA SELATAN");
    // No suggestion: another office's decree has no name in this archive.
    expect(sidecarOf(share, r.quarantined[0]!.to)).not.toMatch(/^Saran nama:/m);
    expect(r.quarantined[0]!.message).toContain("pindahkan berkas ini ke luar folder arsip");
  });

  it("suggests a name for an unreadable name from the document's text (scan0001.pdf)", async () => {
    const { share, config } = await tempShare();
    doc(share, "scan0001.pdf", "20", 2024);
    const r = await organize({ config, log: silent, now: () => NOW });
    expect(r.quarantined.map((q) => q.reason)).toEqual(["NO_JENIS"]);
    expect(sidecarOf(share, r.quarantined[0]!.to)).toContain(
      "Saran nama: SK Ketua No 20 Th 2024 ttg Penetapan PPK.pdf\n",
    );
  });

  it("quarantines the same bytes saved under another number as a duplicate of the filed decree", async () => {
    const { share, config } = await tempShare();
    await put(share, "SK Ketua No 12 Th 2024.pdf", "one scan, same bytes");
    const first = await organize({ config, log: silent, now: () => NOW });
    expect(first.moves.map((m) => m.to)).toEqual(["KPT-KETUA/2024/KPT-KETUA_2024_012.pdf"]);
    await put(share, "SK Ketua No 40 Th 2024.pdf", "one scan, same bytes");
    await put(share, "SK Ketua No 41 Th 2024.pdf", "other bytes");
    const r = await organize({ config, log: silent, now: () => NOW });
    expect(r.duplicates.map((d) => [d.path, d.existing])).toEqual([
      ["SK Ketua No 40 Th 2024.pdf", "KPT-KETUA/2024/KPT-KETUA_2024_012.pdf"],
    ]);
    expect(r.moves.map((m) => m.to)).toEqual(["KPT-KETUA/2024/KPT-KETUA_2024_041.pdf"]);
    const side = sidecarOf(share, r.duplicates[0]!.to);
    expect(parseSidecar(side).kode).toBe("DUPLICATE");
    expect(side).toContain("Nomor 12 Tahun 2024");
  });

  it("says what the copy's name says otherwise: an attachment of the same decree is no other number", async () => {
    const { share, config } = await tempShare();
    await put(share, "SK Ketua No 47 Th 2024.pdf", "one scan, same bytes");
    await organize({ config, log: silent, now: () => NOW });
    await put(share, "SK Ketua No 47 Th 2024 Lampiran 2.pdf", "one scan, same bytes");
    await put(share, "SK Sekretaris No 47 Th 2024.pdf", "one scan, same bytes");
    const r = await organize({ config, log: silent, now: () => NOW });
    expect(r.duplicates.map((d) => d.path).sort()).toEqual([
      "SK Ketua No 47 Th 2024 Lampiran 2.pdf",
      "SK Sekretaris No 47 Th 2024.pdf",
    ]);
    const [lampiran, sekretaris] = [...r.duplicates]
      .sort((a, b) => a.path.localeCompare(b.path))
      .map((d) => sidecarOf(share, d.to));
    expect(lampiran).toContain("menyebut LAMPIRAN-2 dari keputusan yang sama");
    expect(sekretaris).toContain("menyebut jenis keputusan lain");
    for (const side of [lampiran, sekretaris]) expect(side).not.toContain("nomor lain");
  });

  it("keeps the same bytes under another number a duplicate on later passes, whatever else holds them", async () => {
    const { share, config } = await tempShare();
    await put(share, "SK Ketua No 12 Th 2024.pdf", "one draft, same bytes");
    await organize({ config, log: silent, now: () => NOW });
    // A copy saved under another number, and one whose name reads as no decree: the second is
    // quarantined with a name suggestion, which reads the bytes again.
    await put(share, "SK Ketua No 40 Th 2024.pdf", "one draft, same bytes");
    await put(share, "scan0001.pdf", "one draft, same bytes");
    const r = await organize({ config, log: silent, now: () => NOW });
    expect(r.duplicates.map((d) => d.path)).toEqual(["SK Ketua No 40 Th 2024.pdf"]);
    expect(r.quarantined.map((q) => q.path)).toEqual(["scan0001.pdf"]);
    // The next passes look at the quarantine again: the copy is still a duplicate, never filed
    // as decree 40 (before, the suggestion's reading dropped where the bytes are filed).
    for (let pass = 0; pass < 2; pass++) {
      const again = await organize({ config, log: silent, now: () => NOW });
      expect(again.unquarantined).toEqual([]);
      expect(again.moves).toEqual([]);
    }
    expect(existsSync(path.join(share, "KPT-KETUA/2024/KPT-KETUA_2024_040.pdf"))).toBe(false);
    expect(existsSync(path.join(share, r.duplicates[0]!.to))).toBe(true);
  });

  it("OCR off: an image-only scan is filed by its name, unchecked", async () => {
    const { share, state } = await tempShare();
    const config = configSchema.parse({ share, stateDir: state, ocr: { enabled: false } });
    doc(share, "SK Ketua No 7 Th 2024.pdf", "3", 2023, "pdfimage24");
    const r = await organize({ config, log: silent, now: () => NOW });
    expect(r.quarantined).toEqual([]);
    expect(r.moves.map((m) => m.to)).toEqual(["KPT-KETUA/2024/KPT-KETUA_2024_007.pdf"]);
  });

  it("a scan held for OCR does not delay a decree whose text layer agrees", async () => {
    const { share, config } = await tempShare();
    doc(share, "MASUK/SK Ketua No 3 Th 2023.pdf", "3", 2023, "pdfimage24");
    doc(share, "SK Ketua No 9 Th 2024 ttg Penetapan PPK.pdf", "9", 2024);
    const r = await organize({ config, log: silent, now: () => NOW });
    // The scan comes first in the share's order; the text PDF is filed before its OCR.
    expect(r.moves.map((m) => m.to)).toEqual([
      "KPT-KETUA/2024/KPT-KETUA_2024_009_penetapan-ppk.pdf",
      "KPT-KETUA/2023/KPT-KETUA_2023_003.pdf",
    ]);
  }, 60_000);

  it("OCR on: an image-only scan whose heading disagrees is quarantined", async () => {
    const { share, config } = await tempShare();
    doc(share, "SK Ketua No 7 Th 2024.pdf", "3", 2023, "pdfimage24");
    const r = await organize({ config, log: silent, now: () => NOW });
    expect(r.quarantined.map((q) => q.reason)).toEqual(["ISI_BERBEDA"]);
    expect(r.quarantined[0]!.message).toContain("NOMOR 3 TAHUN 2023");
  }, 60_000);
});
