/**
 * The metadata file staff fill in: pre-filled with one row per decree and kept in step by
 * appending only (what staff typed stays byte for byte), Excel's Windows-1252 CSV read right,
 * a bad date costs only that cell, and each problem is logged once, not at every rebuild.
 */
import { readFile, writeFile } from "node:fs/promises";
import path from "node:path";
import pino from "pino";
import { describe, expect, it } from "vitest";
import { configSchema } from "../../src/config/schema.js";
import { buildRegister } from "../../src/register/build.js";
import { parseCsv } from "../../src/register/csv-parse.js";
import { decodeCsv } from "../../src/register/metadata-read.js";
import { fakeParse, put, tempDir } from "./helpers.js";

const META = "Metadata-Keputusan.csv";

async function share(): Promise<string> {
  const s = await tempDir("arsipd-meta-");
  await put(s, "KPT-KETUA/2024/KPT-KETUA_2024_012_penetapan-dpt.pdf", "a");
  await put(s, "KPT-KETUA/2024/KPT-KETUA_2024_012_LAMPIRAN-1_daftar.pdf", "b");
  await put(s, "KPT-SEKRETARIS/2023/KPT-SEKRETARIS_2023_003_pembentukan-tim.pdf", "c");
  return s;
}

async function build(s: string) {
  const lines: string[] = [];
  const log = pino({ level: "info" }, { write: (x: string) => lines.push(x) });
  const r = await buildRegister({
    config: configSchema.parse({ share: s, stateDir: `${s}-state`, feed: { enabled: false } }),
    log,
    now: new Date(),
    parse: fakeParse,
    readPdfText: false,
  });
  return { r, lines: lines.map((l) => JSON.parse(l) as { msg: string; row?: number }) };
}

describe("the metadata file", () => {
  it("is pre-filled with one row per decree, and only appended to as decrees arrive", async () => {
    const s = await share();
    await build(s);
    const first = await readFile(path.join(s, META));
    const rows = parseCsv(first.toString("utf8"), ";");
    expect(rows.slice(1).map((r) => [r[0], r[1], r[2], r[11]])).toEqual([
      ["KPT-KETUA", "2024", "12", "penetapan dpt"],
      ["KPT-SEKRETARIS", "2023", "3", "pembentukan tim"],
    ]);
    // Staff fill a row (and leave the file without a final newline, as some editors do).
    const typed = `${first.toString("utf8").replace("KPT-KETUA;2024;12;;", "KPT-KETUA;2024;12;12/03/2024;berlaku").trimEnd()}`;
    await writeFile(path.join(s, META), typed);
    await build(s);
    expect(await readFile(path.join(s, META), "utf8")).toBe(typed); // nothing to add: untouched
    await put(s, "KPT-KETUA/2024/KPT-KETUA_2024_013_pelantikan.pdf", "d");
    const { r } = await build(s);
    const after = await readFile(path.join(s, META), "utf8");
    expect(after.startsWith(typed)).toBe(true);
    expect(parseCsv(after, ";").at(-1)?.slice(0, 3)).toEqual(["KPT-KETUA", "2024", "13"]);
    expect(r.badMetadataRows).toBe(0);
    const again = await build(s);
    expect(await readFile(path.join(s, META), "utf8")).toBe(after);
    expect(again.r.badMetadataRows).toBe(0);
  });

  it("reads a CSV Excel saved in Windows-1252, and appends in it", async () => {
    const s = await share();
    const text =
      "Jenis;Tahun;Nomor;Status;Keterangan;Tentang\r\nKPT-KETUA;2024;12;berlaku;Revisi – tahap II, café;\r\n";
    const cp1252 = Buffer.from(
      [...text].map((c) => (c === "–" ? 0x96 : c === "é" ? 0xe9 : c.charCodeAt(0))),
    );
    expect(() => new TextDecoder("utf-8", { fatal: true }).decode(cp1252)).toThrow();
    await writeFile(path.join(s, META), cp1252);
    const { r, lines } = await build(s);
    expect(r.badMetadataRows).toBe(0);
    expect(lines.filter((l) => l.msg.includes("Windows-1252"))).toHaveLength(1);
    const bytes = await readFile(path.join(s, META));
    expect(bytes.subarray(0, cp1252.length).equals(cp1252)).toBe(true);
    const back = decodeCsv(bytes);
    expect(back.encoding).toBe("windows-1252");
    expect(back.text).toContain("Revisi – tahap II, café");
    expect(parseCsv(back.text).at(-1)?.slice(0, 3)).toEqual(["KPT-SEKRETARIS", "2023", "3"]);
    const xlsx = await readFile(path.join(s, "Indeks-Keputusan.csv"), "utf8");
    expect(xlsx).toContain("Revisi – tahap II, café");
  });

  it("a bad date drops only that cell; each problem is logged once, again only if it returns", async () => {
    const s = await share();
    const good =
      "Jenis;Tahun;Nomor;Tanggal Penetapan;Status\r\nKPT-KETUA;2024;12;31 Februari 2024;dicabut\r\nKPT-SEKRETARIS;2023;3;;\r\n";
    await put(s, META, good);
    const one = await build(s);
    expect(one.r.badMetadataRows).toBe(1);
    const warns = (x: typeof one) => x.lines.filter((l) => l.row === 2);
    expect(warns(one)).toHaveLength(1);
    const csv = await readFile(path.join(s, "Indeks-Keputusan.csv"), "utf8");
    const row12 = parseCsv(csv, ";").find((r) => r[7] === "KPT-KETUA_2024_012_penetapan-dpt.pdf")!;
    expect(row12[6]).toBe("dicabut"); // the status of the same row is kept
    expect(row12[5]).toBe("");
    expect(warns(await build(s))).toHaveLength(0);
    await put(s, META, good.replace("31 Februari 2024", "12/03/2024"));
    expect(warns(await build(s))).toHaveLength(0);
    await put(s, META, good);
    expect(warns(await build(s))).toHaveLength(1);
  });
});
