import { spawn } from "node:child_process";
import { mkdir, readdir, readFile, rm } from "node:fs/promises";
import path from "node:path";
import { pathToFileURL } from "node:url";
import ExcelJS from "exceljs";
import pino from "pino";
import { beforeAll, describe, expect, it } from "vitest";
import { type Config, configSchema } from "../../src/config/schema.js";
import { buildRegister } from "../../src/register/build.js";
import { REGISTER_HEADERS } from "../../src/register/columns.js";
import { parseCsv } from "../../src/register/csv-parse.js";
import { jdihnFeedSchema } from "../../src/register/jdihn-schema.js";
import { writeIfChanged } from "../../src/register/write.js";
import { REPO } from "../helpers/cli.js";
import { fakeParse, minimalPdf, put, sofficeSheets, tempDir } from "./helpers.js";

const EVIL = '=HYPERLINK("http://evil.example","klik")';
const LABEL = "Keputusan Komisi Pemilihan Umum Kota Jakarta Utara";

async function makeShare(): Promise<string> {
  const share = await tempDir();
  const k = "KPT-KETUA/2024";
  await put(
    share,
    `${k}/KPT-KETUA_2024_012_penetapan-dpt.pdf`,
    minimalPdf([
      "KEPUTUSAN KOMISI PEMILIHAN UMUM KOTA JAKARTA UTARA",
      "NOMOR 12 TAHUN 2024",
      "TENTANG",
      "PENETAPAN DAFTAR PEMILIH TETAP",
      "KETUA KOMISI PEMILIHAN UMUM KOTA JAKARTA UTARA,",
      "Menimbang : a. bahwa",
      "Ditetapkan di Jakarta",
      "pada tanggal 12 Maret 2024",
    ]),
  );
  await put(share, `${k}/KPT-KETUA_2024_012_LAMPIRAN-1_daftar.pdf`, "lampiran");
  await put(share, `${k}/KPT-KETUA_2024_001_pembentukan-ppk.docx`, "draft");
  await put(
    share,
    `${k}/KPT-KETUA_2024_005A_perubahan.pdf`,
    minimalPdf([
      "TENTANG",
      "PERUBAHAN ATAS KEPUTUSAN",
      "Menimbang",
      "pada tanggal 1 Februari 2024",
    ]),
  );
  await put(
    share,
    "KPT-SEKRETARIS/2023/KPT-SEKRETARIS_2023_003_pembentukan-tim.pdf",
    "scan tanpa teks",
  );
  await put(share, `${k}/catatan.txt`, "not a decree");
  await put(share, "MASUK/SK Ketua 7.pdf", "inbox");
  await put(share, "_KARANTINA/scan 1.pdf", "q");
  await put(
    share,
    "_KARANTINA/scan 1.pdf.ALASAN.txt",
    "Berkas: scan 1.pdf\nAlasan: Nomor keputusan tidak terbaca dari nama berkas.\nKode: NO_NUMBER\nAsal: MASUK\nWaktu: 2024-03-01T10:00:00Z\n",
  );
  const meta = [
    "Jenis;Tahun;Nomor;Tanggal Penetapan;Status;Terkait;Lokasi Fisik;Keterangan;Tentang",
    "KPT-KETUA;2024;012;;berlaku;;Lemari A / Rak 2;;",
    `KPT-KETUA;2024;5a;03/02/2024;Diubah;KPT-KETUA 2024/12;;"catatan; dengan ""kutip""\nbaris dua";"${EVIL.replace(/"/g, '""')}"`,
    "KPT-KETUA;24;7;;;;;;",
    "KPT-KETUA;2024;99;;;;;;",
  ].join("\r\n");
  await put(share, "Metadata-Keputusan.csv", `\uFEFF${meta}\r\n`);
  return share;
}

function configFor(share: string, extra: Record<string, unknown> = {}): Config {
  return configSchema.parse({
    share,
    stateDir: path.join(share, "..", `${path.basename(share)}-state`),
    remote: { type: "webdav", url: "https://cloud.example/remote.php/dav/files/arsip" },
    ...extra,
  });
}

function memLog() {
  const lines: string[] = [];
  const log = pino({ level: "info" }, { write: (s: string) => lines.push(s) });
  return { log, lines };
}

describe("buildRegister", () => {
  let share: string;
  let cacheDir: string;
  let result: Awaited<ReturnType<typeof buildRegister>>;
  let logLines: string[];

  beforeAll(async () => {
    share = await makeShare();
    cacheDir = await tempDir("arsipd-reg-state-");
    const { log, lines } = memLog();
    logLines = lines;
    result = await buildRegister({
      config: configFor(share),
      log,
      now: new Date(),
      parse: fakeParse,
      cacheDir,
      syncStatus: (rel) =>
        rel.endsWith("_001_pembentukan-ppk.docx")
          ? { state: "gagal", detail: "507 penyimpanan penuh" }
          : rel.includes("_012_")
            ? { state: "tersinkron" }
            : undefined,
    });
  });

  it("counts decrees (not files), quarantined files and bad metadata rows", () => {
    expect(result).toMatchObject({ decrees: 4, quarantined: 1, badMetadataRows: 2 });
    expect(result.files.map((f) => path.basename(f))).toEqual([
      "Indeks-Keputusan.xlsx",
      "Indeks-Keputusan.csv",
      "jdihn.json",
    ]);
    expect(result.written).toEqual(result.files);
    const warn = logLines.filter((l) => l.includes('"level":40')).join("\n");
    expect(warn).toContain('"row":4');
    expect(warn).toContain('"column":"Tahun"');
  });

  it("the XLSX opens in LibreOffice with headers, rows, dates and inert formula text", async () => {
    const sheets = await sofficeSheets(path.join(share, "Indeks-Keputusan.xlsx"));
    expect([...sheets.keys()].sort()).toEqual([
      "Arsip Fisik",
      "Keputusan",
      "Perlu Diperbaiki",
      "Ringkasan",
    ]);
    const rows = parseCsv(sheets.get("Keputusan")!, ";").filter((r) => r.length > 1);
    expect(rows[0]).toEqual(REGISTER_HEADERS);
    expect(rows).toHaveLength(1 + 5);
    const col = (h: string) => REGISTER_HEADERS.indexOf(h);
    // register order: jenis, tahun, nomor numeric then suffix, main file before LAMPIRAN
    expect(rows.slice(1).map((r) => `${r[col("Nomor")]}|${r[col("Nama File")]}`)).toEqual([
      "1|KPT-KETUA_2024_001_pembentukan-ppk.docx",
      "5A|KPT-KETUA_2024_005A_perubahan.pdf",
      "12|KPT-KETUA_2024_012_penetapan-dpt.pdf",
      "12|KPT-KETUA_2024_012_LAMPIRAN-1_daftar.pdf",
      "3|KPT-SEKRETARIS_2023_003_pembentukan-tim.pdf",
    ]);
    const r12 = rows[3]!;
    expect(r12[col("Tanggal Penetapan")]).toBe("12/03/2024");
    expect(r12[col("Tentang")]).toBe("Penetapan Daftar Pemilih Tetap");
    expect(r12[col("Status Sinkronisasi")]).toBe("tersinkron");
    expect(r12[col("Lokasi Fisik")]).toBe("Lemari A / Rak 2");
    const r5 = rows[2]!;
    // a formula would show its result ("klik"); the text shows as typed
    expect(r5[col("Tentang")]).toBe(EVIL);
    expect(r5[col("Tanggal Penetapan")]).toBe("03/02/2024");
    expect(rows[1]![col("Status Sinkronisasi")]).toBe("gagal: 507 penyimpanan penuh");

    const fix = sheets.get("Perlu Diperbaiki")!;
    expect(fix).toContain("_KARANTINA/scan 1.pdf;-;NO_NUMBER;Nomor keputusan tidak terbaca");
    expect(fix).toContain("Metadata-Keputusan.csv baris 4;Tahun;");
    expect(fix).toContain("Metadata-Keputusan.csv baris 5;-;");
    const sum = parseCsv(sheets.get("Ringkasan")!, ";");
    expect(sum.find((r) => r[0] === "KPT-KETUA" && r[1] === "2024")).toEqual([
      "KPT-KETUA",
      "2024",
      "3",
      "4",
      "12",
      "9",
      "2–4, 6–11",
    ]);
    expect(sum.find((r) => r[0] === "KPT-SEKRETARIS")?.slice(4)).toEqual(["3", "2", "1–2"]);
  });

  it("the XLSX has a frozen, filtered header, real dates and file names linked to OwnCloud", async () => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(path.join(share, "Indeks-Keputusan.xlsx"));
    const ws = wb.getWorksheet("Keputusan")!;
    expect(ws.views[0]).toMatchObject({ state: "frozen", ySplit: 1 });
    expect(ws.autoFilter).toBeTruthy();
    const row = ws.getRow(4);
    expect(row.getCell(8).value).toEqual({
      text: "KPT-KETUA_2024_012_penetapan-dpt.pdf",
      hyperlink:
        "https://cloud.example/index.php/apps/files/?dir=/Arsip/KPT-KETUA/2024&scrollto=KPT-KETUA_2024_012_penetapan-dpt.pdf",
    });
    for (let r = 2; r <= 6; r++) {
      const v = ws.getRow(r).getCell(8).value as { text: string; hyperlink: string };
      expect(v.hyperlink.endsWith(`scrollto=${encodeURIComponent(v.text)}`)).toBe(true);
    }
    expect(row.getCell(6).value).toEqual(new Date(Date.UTC(2024, 2, 12)));
    expect(row.getCell(13).value).toBeInstanceOf(Date);
    // dated by the newest input (every test file has mtime 1_710_000_000), not by the clock
    expect(wb.created).toEqual(new Date(1_710_000_000_000));
    expect(wb.modified).toEqual(new Date(1_710_000_000_000));
    const zip = await readFile(path.join(share, "Indeks-Keputusan.xlsx"));
    const dosDate = ((2024 - 1980) << 9) | (3 << 5) | 9;
    expect(zip.readUInt16LE(12)).toBe(dosDate); // first entry's local header
  });

  it("the CSV is UTF-8 with BOM, ';'-separated, quoted and neutralised", async () => {
    const raw = await readFile(path.join(share, "Indeks-Keputusan.csv"));
    expect([...raw.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = raw.toString("utf8");
    expect(text).toContain("\r\n");
    const rows = parseCsv(text, ";");
    expect(rows[0]).toEqual(REGISTER_HEADERS);
    const r5 = rows.find((r) => r[2] === "5A")!;
    expect(r5[4]).toBe(`'${EVIL}`);
    expect(r5[15]).toBe('catatan; dengan "kutip"\nbaris dua; Terkait: KPT-KETUA 2024/12');
    expect(r5[5]).toBe("2024-02-03");
    expect(r5[6]).toBe("diubah");
    expect(rows).toHaveLength(1 + 5);
  });

  it("the JDIHN feed validates, one entry per decree, metadata winning over PDF text", async () => {
    const feed = jdihnFeedSchema.parse(
      JSON.parse(await readFile(path.join(share, "jdihn.json"), "utf8")),
    );
    expect(feed.map((f) => f.idData)).toEqual([
      "KPT-KETUA-2024-1",
      "KPT-KETUA-2024-5A",
      "KPT-KETUA-2024-12",
      "KPT-SEKRETARIS-2023-3",
    ]);
    const f12 = feed[2]!;
    expect(f12.judul).toBe(`${LABEL} Nomor 12 Tahun 2024 tentang Penetapan Daftar Pemilih Tetap`);
    expect(f12.tanggal_penetapan).toBe("2024-03-12"); // from the PDF
    expect(f12.fileDownload).toBe("KPT-KETUA_2024_012_penetapan-dpt.pdf");
    expect(f12.status).toBe("Berlaku");
    expect(f12.urlDownload).toContain("scrollto=KPT-KETUA_2024_012_penetapan-dpt.pdf");
    const f5 = feed[1]!;
    expect(f5.tanggal_penetapan).toBe("2024-02-03"); // metadata, not the PDF's 1 Februari
    expect(f5.judul).toBe(`${LABEL} Nomor 5A Tahun 2024 tentang ${EVIL}`);
    expect(feed[3]!.judul).toBe(
      `Keputusan Sekretaris Komisi Pemilihan Umum Kota Jakarta Utara Nomor 3 Tahun 2023 tentang pembentukan tim`,
    );
    for (const f of feed)
      expect([f.noPanggil, f.penerbit, f.isbn, f.operasi, f.display]).toEqual([
        "-",
        "-",
        "-",
        "4",
        "1",
      ]);
  });

  it("caches PDF facts by SHA-256 in the state dir", async () => {
    const cache = JSON.parse(await readFile(path.join(cacheDir, "register-cache.json"), "utf8"));
    const facts = Object.values(cache.pdf) as { tentang?: string }[];
    expect(facts.map((f) => f.tentang).sort()).toEqual([
      "Penetapan Daftar Pemilih Tetap",
      "Perubahan atas Keputusan",
      undefined,
    ]);
    expect(Object.keys(cache.hashes)).toHaveLength(5);
  });

  it("rebuilding the same input writes nothing and gives identical bytes", async () => {
    const before = await Promise.all(result.files.map((f) => readFile(f)));
    const { log } = memLog();
    const again = await buildRegister({
      config: configFor(share),
      log,
      now: new Date(Date.now() + 3_600_000),
      parse: fakeParse,
      cacheDir: await tempDir("arsipd-reg-state-"), // cold cache: everything re-read
      syncStatus: (rel) =>
        rel.endsWith("_001_pembentukan-ppk.docx")
          ? { state: "gagal", detail: "507 penyimpanan penuh" }
          : rel.includes("_012_")
            ? { state: "tersinkron" }
            : undefined,
    });
    expect(again.written).toEqual([]);
    const after = await Promise.all(again.files.map((f) => readFile(f)));
    for (const [i, b] of after.entries()) expect(b.equals(before[i]!)).toBe(true);
  });
});

describe("buildRegister options", () => {
  it("publishes only decrees with a status when feed.publish is with-status", async () => {
    const share = await makeShare();
    const { log } = memLog();
    await buildRegister({
      config: configFor(share, { feed: { publish: "with-status" } }),
      log,
      now: new Date(),
      parse: fakeParse,
    });
    const feed = jdihnFeedSchema.parse(
      JSON.parse(await readFile(path.join(share, "jdihn.json"), "utf8")),
    );
    expect(feed.map((f) => f.idData)).toEqual(["KPT-KETUA-2024-5A", "KPT-KETUA-2024-12"]);
  });

  it("writes the metadata template once when the file is missing", async () => {
    const share = await makeShare();
    await rm(path.join(share, "Metadata-Keputusan.csv"));
    const { log } = memLog();
    const config = configFor(share);
    await buildRegister({ config, log, now: new Date(), parse: fakeParse });
    const tpl = await readFile(path.join(share, "Metadata-Keputusan.csv"), "utf8");
    // The header, then one row per decree for staff to complete (metadata-fill.test.ts).
    expect(parseCsv(tpl, ";").slice(0, 1)).toEqual([
      [
        "Jenis",
        "Tahun",
        "Nomor",
        "Tanggal Penetapan",
        "Status",
        "Terkait",
        "Subjek",
        "Penandatangan",
        "Lokasi Fisik",
        "Abstrak",
        "Keterangan",
        "Tentang",
      ],
    ]);
    await put(
      share,
      "Metadata-Keputusan.csv",
      "Jenis;Tahun;Nomor;Status\r\nKPT-KETUA;2024;1;dicabut\r\n",
    );
    const r = await buildRegister({ config, log, now: new Date(), parse: fakeParse });
    expect(r.badMetadataRows).toBe(0);
    expect(await readFile(path.join(share, "Metadata-Keputusan.csv"), "utf8")).toContain("dicabut");
  });

  it("reads an XLSX metadata file with real date cells", async () => {
    const share = await makeShare();
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet("Data");
    ws.addRow(["Jenis", "Tahun", "Nomor", "Tanggal Penetapan", "Status"]);
    ws.addRow(["KPT-SEKRETARIS", 2023, 3, new Date(Date.UTC(2023, 4, 17)), "berlaku"]);
    ws.addRow(["KPT-SEKRETARIS", 2023, "tiga", "", ""]);
    await wb.xlsx.writeFile(path.join(share, "Metadata.xlsx"));
    const { log } = memLog();
    const r = await buildRegister({
      config: configFor(share, { index: { metadataFile: "Metadata.xlsx" } }),
      log,
      now: new Date(),
      parse: fakeParse,
    });
    expect(r.badMetadataRows).toBe(1);
    const feed = JSON.parse(await readFile(path.join(share, "jdihn.json"), "utf8")) as {
      idData: string;
      tanggal_penetapan: string;
    }[];
    expect(feed.find((f) => f.idData === "KPT-SEKRETARIS-2023-3")?.tanggal_penetapan).toBe(
      "2023-05-17",
    );
  });

  it("refuses a missing share with a clear error and creates nothing", async () => {
    const dir = await tempDir();
    const share = path.join(dir, "tidak-ada");
    const { log } = memLog();
    await expect(
      buildRegister({ config: configFor(share), log, now: new Date(), parse: fakeParse }),
    ).rejects.toThrow(/share folder .* does not exist/);
    expect(await readdir(dir)).toEqual([]);
  });
});

describe("writeIfChanged", () => {
  it("a failed rename leaves no temp file behind", async () => {
    const dir = await tempDir();
    const target = path.join(dir, "Indeks.csv");
    // the target is a non-empty folder: the rename fails after the temp file is written
    await mkdir(path.join(target, "isi"), { recursive: true });
    await expect(writeIfChanged(target, Buffer.from("baru"))).rejects.toThrow();
    expect(await readdir(dir)).toEqual(["Indeks.csv"]);
  });

  it("a process killed mid-write leaves the old or the new file whole, never a mix", async () => {
    const dir = await tempDir();
    const target = path.join(dir, "Indeks.csv");
    const size = 32 * 1024 * 1024;
    const script = `
      import { writeIfChanged } from ${JSON.stringify(pathToFileURL(path.join(REPO, "dist/register/write.js")).href)};
      const a = Buffer.alloc(${size}, 97), b = Buffer.alloc(${size}, 98);
      await writeIfChanged(${JSON.stringify(target)}, a);
      process.stdout.write("ready");
      for (let i = 0; ; i++) await writeIfChanged(${JSON.stringify(target)}, i % 2 ? a : b);
    `;
    const child = spawn(process.execPath, ["--input-type=module", "-e", script], {
      stdio: ["ignore", "pipe", "inherit"],
    });
    await new Promise<void>((resolve) => child.stdout.once("data", () => resolve()));
    await new Promise((r) => setTimeout(r, 150));
    child.kill("SIGKILL");
    await new Promise((r) => child.once("exit", r));
    const data = await readFile(target);
    expect(data.length).toBe(size);
    expect(data[0] === 97 || data[0] === 98).toBe(true);
    expect(data.every((x) => x === data[0])).toBe(true);
  });

  it("does not touch an identical file", async () => {
    const dir = await tempDir();
    const target = path.join(dir, "a.json");
    expect(await writeIfChanged(target, Buffer.from("x"))).toBe(true);
    expect(await writeIfChanged(target, Buffer.from("x"))).toBe(false);
    expect(await writeIfChanged(target, Buffer.from("y"))).toBe(true);
    expect(await readFile(target, "utf8")).toBe("y");
  });
});
