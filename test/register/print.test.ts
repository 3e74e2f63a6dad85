/**
 * The register prints: the workbook is rendered to PDF by LibreOffice headless (as a clerk's
 * "print") and the PDF is measured with poppler: A4 landscape pages, the Keputusan sheet one page
 * wide with its header row on every page, no SHA-256 in print, sizes as KB/MB, and the long
 * reasons of Perlu Diperbaiki wrapped instead of cut off.
 */
import { execFile } from "node:child_process";
import { mkdir, writeFile } from "node:fs/promises";
import path from "node:path";
import { promisify } from "node:util";
import { beforeAll, describe, expect, it } from "vitest";
import type { RegisterRow } from "../../src/register/rows.js";
import { workbookBuffer } from "../../src/register/xlsx.js";
import { tempDir } from "./helpers.js";

const run = promisify(execFile);
const HASH = "ab".repeat(32);
const LONG_REASON =
  "Nomor keputusan tidak terbaca dari nama berkas. Ganti nama berkas menjadi misalnya 'SK Ketua No 12 Th 2024 ttg Penetapan DPT.pdf' lalu simpan lagi ke folder MASUK; arsipd akan mengarsipkannya otomatis pada pemeriksaan berikutnya. UJUNGKALIMAT";

function row(i: number): RegisterRow {
  const nomor = String(i);
  return {
    no: i,
    rel: `KPT-KETUA/2024/KPT-KETUA_2024_${nomor.padStart(3, "0")}_penetapan.pdf`,
    jenis: "KPT-KETUA",
    nomor,
    tahun: 2024,
    tentang: `Penetapan Daftar Pemilih Tetap Pemilihan Umum Tahun 2024 di Wilayah Kota Jakarta Utara bagian ${i} beserta lampirannya`,
    tanggalPenetapan: "2024-03-12",
    status: "berlaku",
    name: `KPT-KETUA_2024_${nomor.padStart(3, "0")}_penetapan-daftar-pemilih-tetap-pemilihan-umum-tahun-2024.pdf`,
    folder: "KPT-KETUA/2024",
    link: `https://cloud.example/index.php/apps/files/?dir=/Arsip/KPT-KETUA/2024&scrollto=${i}`,
    size: i === 1 ? 2_500_000 : 350_000,
    sha256: HASH,
    mtimeMs: Date.UTC(2024, 2, 12, 8),
    sync: "tersinkron",
    lokasiFisik: "Lemari 1 / Boks 2",
    keterangan: "",
  };
}

interface Page {
  width: number;
  height: number;
  text: string;
}

async function printWorkbook(rows: number): Promise<Page[]> {
  const work = await tempDir("arsipd-print-");
  const xlsx = path.join(work, "Indeks-Keputusan.xlsx");
  await writeFile(
    xlsx,
    await workbookBuffer({
      rows: Array.from({ length: rows }, (_, i) => row(i + 1)),
      problems: [
        {
          kind: "Karantina",
          where: "_KARANTINA/scan 1.pdf",
          column: "-",
          code: "NO_NUMBER",
          message: LONG_REASON,
        },
      ],
      summary: [],
      totals: { files: rows, decrees: rows, quarantined: 1, badMetadataRows: 0 },
      asOf: new Date(Date.UTC(2024, 2, 12)),
    }),
  );
  const out = path.join(work, "out");
  await mkdir(out);
  try {
    await run(
      "soffice",
      [
        `-env:UserInstallation=file://${path.join(work, "profile")}`,
        "--headless",
        "--convert-to",
        "pdf",
        "--outdir",
        out,
        xlsx,
      ],
      { timeout: 180_000 },
    );
  } catch (err) {
    throw new Error(
      `LibreOffice is needed (apt-get install libreoffice-calc-nogui): ${String(err)}`,
    );
  }
  const pdf = path.join(out, "Indeks-Keputusan.pdf");
  const info = (await run("pdfinfo", ["-f", "1", "-l", "999", pdf])).stdout;
  const pages = Number(/^Pages:\s+(\d+)/m.exec(info)?.[1]);
  const sizes = [...info.matchAll(/^Page\s+\d+ size:\s+([\d.]+) x ([\d.]+)/gm)];
  const result: Page[] = [];
  for (let p = 1; p <= pages; p++) {
    const { stdout } = await run("pdftotext", [
      "-layout",
      "-f",
      String(p),
      "-l",
      String(p),
      pdf,
      "-",
    ]);
    result.push({
      width: Number(sizes[p - 1]?.[1]),
      height: Number(sizes[p - 1]?.[2]),
      text: stdout,
    });
  }
  return result;
}

const registerPages = (pages: Page[]) =>
  pages.filter((p) => /Halaman \d+ dari \d+/.test(p.text) && p.text.includes("KPT-KETUA_2024"));

describe("the printed register", () => {
  let small: Page[];
  let big: Page[];
  beforeAll(async () => {
    small = await printWorkbook(17);
    big = await printWorkbook(120);
  }, 400_000);

  it("every page is A4 landscape", () => {
    for (const p of [...small, ...big]) {
      expect(p.width).toBeCloseTo(841.9, 0);
      expect(p.height).toBeCloseTo(595.3, 0);
    }
  });

  it("17 decrees print on at most 2 pages, one page wide (every column on the first page)", () => {
    const pages = registerPages(small);
    expect(pages.length).toBeGreaterThanOrEqual(1);
    expect(pages.length).toBeLessThanOrEqual(2);
    const first = pages[0]!.text;
    for (const h of [
      "No",
      "Jenis",
      "Nomor",
      "Tahun",
      "Tentang",
      "Status",
      "Nama File",
      "Ukuran",
      "Keterangan",
    ])
      expect(first).toContain(h);
    expect(first).toMatch(/Lokasi/);
  });

  it("the header row repeats on every page of a long register, rows are numbered to the end", () => {
    const pages = registerPages(big);
    expect(pages.length).toBeGreaterThan(2);
    for (const p of pages) expect(p.text).toMatch(/No\s+Jenis\s+Nomor\s+Tahun\s+Tentang/);
    expect(pages.map((p) => p.text).join("\n")).toContain("KPT-KETUA_2024_120_");
  });

  it("no hash and no raw link in print; sizes read as KB/MB", () => {
    const all = small.map((p) => p.text).join("\n");
    expect(all).not.toContain(HASH.slice(0, 16));
    expect(all).not.toContain("SHA-256");
    expect(all).not.toContain("scrollto=");
    expect(all).toMatch(/2[.,]5 MB/);
    expect(all).toMatch(/350[.,]0 KB/);
  });

  it("Perlu Diperbaiki wraps its long reason onto the page instead of cutting it", () => {
    const fix = small.filter((p) => p.text.includes("Yang Harus Diperbaiki"));
    expect(fix).toHaveLength(1);
    expect(fix[0]!.text).toContain("UJUNGKALIMAT");
    expect(fix[0]!.width).toBeGreaterThan(fix[0]!.height);
  });
});
