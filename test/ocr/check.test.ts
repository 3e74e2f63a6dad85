/**
 * Decrees already filed: `arsipd check` reads them (OCR'ing a scan the cache lacks) and lists a
 * heading that disagrees with the name and the same bytes under two numbers (exit 1); the
 * register's "Perlu Diperbaiki" sheet lists the same, and a scan's tentang and tanggal come
 * from its OCR when its name has none.
 */
import { mkdir, mkdtemp, readdir, utimes, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import ExcelJS from "exceljs";
import pino from "pino";
import { describe, expect, it } from "vitest";
import { configSchema } from "../../src/config/schema.js";
import { parse } from "../../src/convention/parse.js";
import { buildRegister } from "../../src/register/build.js";
import { runCli } from "../helpers/cli.js";
import { decreePages, makeDoc } from "./docs.js";

describe("content check of filed decrees", () => {
  it("arsipd check and the register list disagreements and same-bytes pairs", async () => {
    const root = await mkdtemp(path.join(os.tmpdir(), "arsipd-ocrcheck-"));
    const share = path.join(root, "share");
    const state = path.join(root, "state");
    const dir = path.join(share, "KPT-KETUA", "2024");
    await mkdir(dir, { recursive: true });
    makeDoc(path.join(dir, "KPT-KETUA_2024_007_penetapan-ppk.pdf"), {
      device: "pdfwrite",
      pages: decreePages({ nomor: "3", tahun: 2023, tentang: "Penetapan PPK" }),
    });
    makeDoc(path.join(dir, "KPT-KETUA_2024_020.pdf"), {
      device: "pdfimage24",
      pages: decreePages({
        nomor: "20",
        tahun: 2024,
        tentang: "Pembentukan PPS",
        tanggal: "2 Mei 2024",
      }),
    });
    await writeFile(path.join(dir, "KPT-KETUA_2024_012.pdf"), "one scan, same bytes");
    await writeFile(path.join(dir, "KPT-KETUA_2024_040.pdf"), "one scan, same bytes");
    const old = new Date(Date.now() - 60_000);
    for (const n of await readdir(dir)) await utimes(path.join(dir, n), old, old);
    const yaml = path.join(root, "arsipd.yaml");
    await writeFile(yaml, `share: ${JSON.stringify(share)}\nstateDir: ${JSON.stringify(state)}\n`);

    const r = await runCli(["check", "--json", "--config", yaml], { timeoutMs: 120_000 });
    expect(r.stderr).toBe("");
    expect(r.code).toBe(1);
    const rep = JSON.parse(r.stdout);
    expect(rep.moves).toEqual([]);
    expect(rep.content.map((c: { path: string; code: string }) => [c.path, c.code])).toEqual([
      ["KPT-KETUA/2024/KPT-KETUA_2024_007_penetapan-ppk.pdf", "ISI_BERBEDA"],
      ["KPT-KETUA/2024/KPT-KETUA_2024_040.pdf", "ISI_GANDA"],
    ]);
    expect(rep.content[0].message).toContain("NOMOR 3 TAHUN 2023");
    const text = await runCli(["check", "--config", yaml]);
    expect(text.stdout).toContain(
      "ISI BERBEDA KPT-KETUA/2024/KPT-KETUA_2024_007_penetapan-ppk.pdf",
    );

    const config = configSchema.parse({ share, stateDir: state });
    await buildRegister({
      config,
      log: pino({ level: "silent" }),
      now: new Date(),
      parse: (name) => parse(name, config.convention, { now: new Date() }),
      cacheDir: state,
    });
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(path.join(share, "Indeks-Keputusan.xlsx"));
    const rows = (name: string) =>
      (wb.getWorksheet(name)!.getSheetValues() as unknown[][])
        .filter(Boolean)
        .map((v) =>
          v.slice(1).map((c) => (typeof c === "object" && c && "text" in c ? c.text : c)),
        );
    const fix = rows("Perlu Diperbaiki").map((v) => [v[1], v[3]]);
    expect(fix).toContainEqual([
      "KPT-KETUA/2024/KPT-KETUA_2024_007_penetapan-ppk.pdf",
      "ISI_BERBEDA",
    ]);
    expect(fix).toContainEqual(["KPT-KETUA/2024/KPT-KETUA_2024_040.pdf", "ISI_GANDA"]);
    const scan = rows("Keputusan").find((v) => v.includes("KPT-KETUA_2024_020.pdf"));
    expect(scan).toContain("Pembentukan PPS");
    expect(scan?.some((c) => c instanceof Date && c.toISOString().startsWith("2024-05-02"))).toBe(
      true,
    );
  }, 180_000);
});
