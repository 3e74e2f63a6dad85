/**
 * The paper archive: `arsipd labels` (the real CLI) writes a PDF with one label + table of
 * contents per box from the metadata's Lokasi Fisik, decrees without a location on their own
 * page; the XLSX gains the sheet Arsip Fisik grouped the same way. Read back with poppler and
 * LibreOffice, not with arsipd's own code.
 */
import { execFile } from "node:child_process";
import { writeFile } from "node:fs/promises";
import path from "node:path";
import { promisify } from "node:util";
import { describe, expect, it } from "vitest";
import { parseCsv } from "../../src/register/csv-parse.js";
import { runCli } from "../helpers/cli.js";
import { put, sofficeSheets, tempDir } from "./helpers.js";

const run = promisify(execFile);

describe("arsipd labels and the sheet Arsip Fisik", () => {
  it("groups decrees by cabinet/box, lists those without a location, prints labels", async () => {
    const dir = await tempDir("arsipd-labels-");
    const share = path.join(dir, "arsip");
    await put(share, "KPT-KETUA/2024/KPT-KETUA_2024_012_penetapan-dpt.pdf", "a");
    await put(share, "KPT-KETUA/2024/KPT-KETUA_2024_012_LAMPIRAN-1_daftar.pdf", "b");
    await put(share, "KPT-KETUA/2024/KPT-KETUA_2024_002_pelantikan-ppk.pdf", "c");
    await put(share, "KPT-KETUA/2023/KPT-KETUA_2023_010_tata-kerja.pdf", "d");
    await put(share, "KPT-SEKRETARIS/2023/KPT-SEKRETARIS_2023_003_pembentukan-tim.pdf", "e");
    await put(
      share,
      "Metadata-Keputusan.csv",
      "Jenis;Tahun;Nomor;Lokasi Fisik\r\nKPT-KETUA;2024;12;Lemari 1 / Boks 10\r\nKPT-KETUA;2024;2;Lemari 1 / Boks 2\r\nKPT-KETUA;2023;10;Lemari 1 /  Boks 2\r\n",
    );
    const configFile = path.join(dir, "arsipd.yaml");
    await writeFile(
      configFile,
      "share: ./arsip\nstateDir: ./state\nremote:\n  type: local\n  path: ./mirror\n",
    );
    const r = await runCli(["labels", "-c", configFile, "--out", "boks.pdf"], { cwd: dir });
    expect(r.stderr).toBe("");
    expect(r.code).toBe(0);
    expect(r.stdout).toContain("2 boks, 1 keputusan tanpa lokasi fisik");

    const pdf = path.join(dir, "boks.pdf");
    const info = (await run("pdfinfo", [pdf])).stdout;
    expect(info).toMatch(/Pages:\s+3/);
    expect(info).toMatch(/595\.28 x 841\.89 pts \(A4\)/);
    const page = async (n: number) =>
      (await run("pdftotext", ["-layout", "-f", String(n), "-l", String(n), pdf, "-"])).stdout;
    const p1 = await page(1);
    expect(p1).toContain("Lemari 1 / Boks 2"); // natural order: Boks 2 before Boks 10
    expect(p1).toContain("2 keputusan, tahun 2023-2024");
    expect(p1).toMatch(/1\. KPT-KETUA 10\/2023/);
    expect(p1).toMatch(/2\. KPT-KETUA 2\/2024\s+pelantikan ppk/);
    const p2 = await page(2);
    expect(p2).toContain("Lemari 1 / Boks 10");
    expect(p2).toMatch(/KPT-KETUA 12\/2024/);
    expect(p2).not.toContain("LAMPIRAN"); // one entry per decree
    const p3 = await page(3);
    expect(p3).toContain("Tanpa lokasi fisik");
    expect(p3).toMatch(/KPT-SEKRETARIS 3\/2023/);

    const sheet = parseCsv(
      (await sofficeSheets(path.join(share, "Indeks-Keputusan.xlsx"))).get("Arsip Fisik")!,
      ";",
    );
    expect(sheet.map((row) => row.slice(0, 4).join("|"))).toEqual([
      "Lemari / Boks|No|Jenis|Nomor",
      "Lemari 1 / Boks 2: 2 keputusan|||",
      "Lemari 1 / Boks 2|1|KPT-KETUA|10",
      "Lemari 1 / Boks 2|2|KPT-KETUA|2",
      "Lemari 1 / Boks 10: 1 keputusan|||",
      "Lemari 1 / Boks 10|1|KPT-KETUA|12",
      "Tanpa lokasi fisik (isi kolom Lokasi Fisik di metadata): 1 keputusan|||",
      "|1|KPT-SEKRETARIS|3",
    ]);
  }, 120_000);
});
