import { mkdtempSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { configSchema } from "../../src/config/schema.js";
import { consoleLogger } from "../../src/log/logger.js";
import { getEntry } from "../../src/ocr/cache.js";
import { ContentReader } from "../../src/ocr/checker.js";
import { decreePages, makeDoc } from "./docs.js";

const tmp = () => mkdtempSync(path.join(tmpdir(), "arsipd-ocr-"));

function reader(over: Record<string, unknown> = {}) {
  const state = tmp();
  const config = configSchema.parse({ ocr: over });
  return { state, r: new ContentReader(config, state, consoleLogger("silent")) };
}

const read = (r: ContentReader, f: string, ext = "pdf") => r.read(f, ext, statSync(f).size);

describe("content reader", () => {
  it("reads jenis, nomor, tahun, tentang and tanggal from a text layer, and caches by SHA-256", async () => {
    const dir = tmp();
    const f = makeDoc(path.join(dir, "a.pdf"), {
      device: "pdfwrite",
      pages: decreePages({
        nomor: "3",
        tahun: 2023,
        tentang: "Penetapan PPK",
        tanggal: "5 Januari 2023",
      }),
    });
    const { r, state } = reader();
    const res = await read(r, f);
    expect(res.reading).toMatchObject({
      source: "text",
      jenis: "KPT-KETUA",
      nomor: "3",
      tahun: 2023,
      tentang: "Penetapan PPK",
      tanggalPenetapan: "2023-01-05",
      confidence: 100,
    });
    expect((await getEntry(state, res.sha))?.reading?.nomor).toBe("3");
  });

  it("takes the date from the last page of a two-page decree, and reads a Sekretaris decree", async () => {
    const dir = tmp();
    const f = makeDoc(path.join(dir, "b.pdf"), {
      device: "pdfwrite",
      pages: decreePages({
        heading: "KEPUTUSAN SEKRETARIS KOMISI PEMILIHAN UMUM KOTA JAKARTA UTARA",
        nomor: "8",
        tahun: 2024,
        tentang: "Pembentukan Tim",
        tanggal: "1 Juli 2024",
        twoPages: true,
      }),
    });
    const res = await read(reader().r, f);
    expect(res.reading).toMatchObject({
      jenis: "KPT-SEKRETARIS",
      nomor: "8",
      tanggalPenetapan: "2024-07-01",
    });
  });

  it("reads an image-only PDF by OCR (Indonesian model), and not at all with OCR off", async () => {
    const dir = tmp();
    const f = makeDoc(path.join(dir, "scan.pdf"), {
      device: "pdfimage24",
      pages: decreePages({ nomor: "20", tahun: 2024, tentang: "Penetapan PPK" }),
    });
    const off = await read(reader({ enabled: false }).r, f);
    expect(off.reading).toBeNull();
    expect(off.note).toMatch(/ocr\.enabled/);
    const res = await read(reader().r, f);
    expect(res.reading).toMatchObject({
      source: "ocr",
      jenis: "KPT-KETUA",
      nomor: "20",
      tahun: 2024,
    });
    expect(res.reading?.confidence).toBeGreaterThan(70);
  }, 60_000);

  it("reads a TIFF scanned sideways (rotated 90°)", async () => {
    const dir = tmp();
    const f = makeDoc(path.join(dir, "scan.tif"), {
      device: "tiffg4",
      rotate: true,
      pages: decreePages({ nomor: "41", tahun: 2022, tentang: "Penetapan DPT" }),
    });
    const res = await read(reader().r, f, "tif");
    expect(res.reading).toMatchObject({ source: "ocr", nomor: "41", tahun: 2022 });
  }, 60_000);

  it("says how to install tesseract when it is missing, and claims nothing", async () => {
    const dir = tmp();
    const f = makeDoc(path.join(dir, "scan.tif"), {
      device: "tiffg4",
      pages: decreePages({ nomor: "1", tahun: 2022, tentang: "X" }),
    });
    const old = process.env.PATH;
    process.env.PATH = "/nonexistent";
    try {
      const res = await read(reader().r, f, "tif");
      expect(res.reading).toBeNull();
      expect(res.note).toMatch(/apt-get install tesseract-ocr tesseract-ocr-ind/);
    } finally {
      process.env.PATH = old;
    }
  });
});
