import { describe, expect, it } from "vitest";
import { configSchema } from "../../src/config/schema.js";
import { parse } from "../../src/convention/parse.js";
import { parseSidecar, sidecarText } from "../../src/organizer/sidecar.js";
import { parseCsv } from "../../src/register/csv-parse.js";
import { parseTanggal } from "../../src/register/dates.js";
import { makeLinker } from "../../src/register/links.js";
import { normaliseNomor, validateMetadata } from "../../src/register/metadata.js";
import { neutralise } from "../../src/register/neutralise.js";
import { extractPdfFields } from "../../src/register/pdf-fields.js";
import { typedSubject } from "../../src/register/rows.js";
import { gapRanges, summarise } from "../../src/register/summary.js";
import type { ArchivedDecree } from "../../src/register/types.js";

const config = configSchema.parse({});
const JENIS = config.convention.jenis;

describe("dates", () => {
  it.each([
    ["2024-03-12", "2024-03-12"],
    ["12-03-2024", "2024-03-12"],
    ["12/3/2024", "2024-03-12"],
    ["12 Maret 2024", "2024-03-12"],
    ["1  agustus 2023", "2023-08-01"],
    ["5 Des 2022", "2022-12-05"],
  ])("reads %s", (input, iso) => {
    expect(parseTanggal(input)).toBe(iso);
  });
  it.each(["31 Februari 2024", "2024-13-01", "12 Marc 2024", "kemarin", "03/12"])(
    "rejects %s",
    (input) => {
      expect(parseTanggal(input)).toBeNull();
    },
  );
});

describe("metadata validation", () => {
  const header = ["Jenis", "Tahun", "Nomor", "Tanggal Penetapan", "Status", "Lokasi Fisik"];
  it("keeps good rows and names row and column of bad cells", () => {
    const r = validateMetadata(
      [
        header,
        ["KPT-KETUA", "2024", "012", "12 Maret 2024", "Berlaku", "Lemari 1"],
        ["KPT-LAIN", "2024", "3", "", "", ""],
        ["kpt-sekretaris", "24", "x1", "31-02-2024", "batal", ""],
        ["", "", "", "", "", ""],
        ["KPT-KETUA", "2024", "12", "", "", ""],
      ],
      JENIS,
    );
    expect(r.metas).toHaveLength(1);
    expect(r.metas[0]).toMatchObject({
      jenis: "KPT-KETUA",
      tahun: 2024,
      nomor: "12",
      tanggalPenetapan: "2024-03-12",
      status: "berlaku",
      lokasiFisik: "Lemari 1",
      row: 2,
    });
    const where = r.bad.map((b) => `${b.row}:${b.column}`);
    expect(where).toEqual([
      "3:Jenis",
      "4:Tahun",
      "4:Nomor",
      "4:Tanggal Penetapan",
      "4:Status",
      "6:-",
    ]);
    expect(r.bad[0]!.message).toContain("bukan jenis yang dikenal");
    expect(r.bad[5]!.message).toContain("baris 2");
  });
  it("reports a missing key column instead of guessing", () => {
    const r = validateMetadata(
      [
        ["Jenis", "Nomor"],
        ["KPT-KETUA", "1"],
      ],
      JENIS,
    );
    expect(r.metas).toHaveLength(0);
    expect(r.bad).toEqual([{ row: 1, column: "Tahun", message: expect.stringContaining("Tahun") }]);
  });
});

describe("numbering gaps", () => {
  it("lists missing serials between 1 and the highest as ranges", () => {
    expect(gapRanges(new Set([1, 2, 5, 9, 10]), 10)).toEqual({ text: "3–4, 6–8", count: 5 });
    expect(gapRanges(new Set([2]), 2)).toEqual({ text: "1", count: 1 });
    expect(gapRanges(new Set([1, 2, 3]), 3)).toEqual({ text: "", count: 0 });
  });
  it("counts per jenis and year; 12A does not fill a gap of its own", () => {
    const mk = (jenis: string, tahun: number, nomor: string, qualifier: string | null = null) =>
      ({
        decree: { jenis, tahun, nomor, qualifier, tentang: null, ext: "pdf" },
        name: "",
        rel: "",
      }) as unknown as ArchivedDecree;
    const s = summarise(
      [
        mk("KPT-KETUA", 2024, "1"),
        mk("KPT-KETUA", 2024, "1", "LAMPIRAN-1"),
        mk("KPT-KETUA", 2024, "4"),
        mk("KPT-KETUA", 2024, "4A"),
        mk("KPT-SEKRETARIS", 2023, "2"),
        mk("KPT-KETUA", 2023, "1"),
      ],
      ["KPT-KETUA", "KPT-SEKRETARIS"],
    );
    expect(s.map((l) => [l.jenis, l.tahun, l.decrees, l.files, l.highest, l.gaps])).toEqual([
      ["KPT-KETUA", 2023, 1, 1, 1, ""],
      ["KPT-KETUA", 2024, 3, 4, 4, "2–3"],
      ["KPT-SEKRETARIS", 2023, 1, 1, 2, "1"],
    ]);
  });
});

describe("PDF text fields", () => {
  it("reads tentang up to the signer and the date after 'pada tanggal'", () => {
    const text = [
      "KEPUTUSAN KOMISI PEMILIHAN UMUM KOTA JAKARTA UTARA",
      "NOMOR 12 TAHUN 2024",
      "TENTANG",
      "PENETAPAN DAFTAR PEMILIH TETAP",
      "PADA PEMILU TAHUN 2024 DI KOTA JAKARTA UTARA",
      "KETUA KOMISI PEMILIHAN UMUM KOTA JAKARTA UTARA,",
      "Menimbang : a. bahwa",
      "Ditetapkan di Jakarta",
      "pada tanggal 12 Maret 2024",
    ].join("\n");
    expect(extractPdfFields(text)).toEqual({
      tentang: "Penetapan Daftar Pemilih Tetap pada Pemilu Tahun 2024 di Kota Jakarta Utara",
      tanggalPenetapan: "2024-03-12",
    });
  });
  it("keeps mixed-case text and stops at Menimbang; numeric dates too", () => {
    const text =
      "TENTANG Pembentukan Tim JDIH\nMenimbang: bahwa\nDitetapkan di Jakarta pada tanggal 05-01-2023";
    expect(extractPdfFields(text)).toEqual({
      tentang: "Pembentukan Tim JDIH",
      tanggalPenetapan: "2023-01-05",
    });
  });
  it("finds nothing in a page without those parts", () => {
    expect(extractPdfFields("scan halaman 1")).toEqual({});
  });
});

describe("links", () => {
  it("derives the OwnCloud web page from the WebDAV URL", () => {
    const link = makeLinker({
      type: "webdav",
      url: "https://u:p@host/oc/remote.php/dav/files/arsip",
      root: "/Arsip",
    });
    expect(link("KPT-KETUA/2024/a b.pdf")).toBe(
      "https://host/oc/index.php/apps/files/?dir=/Arsip/KPT-KETUA/2024&scrollto=a%20b.pdf",
    );
  });
  it("uses the configured pattern, and nothing for a local remote", () => {
    const link = makeLinker({
      type: "local",
      root: "Arsip/",
      webUrl: "https://x/f?p={path}&d={dir}&n={name}",
    });
    expect(link("J/2024/a&b.pdf")).toBe(
      "https://x/f?p=/Arsip/J/2024/a%26b.pdf&d=/Arsip/J/2024&n=a%26b.pdf",
    );
    expect(makeLinker({ type: "local", root: "/Arsip" })("J/2024/a.pdf")).toBeUndefined();
  });
});

describe("small readers", () => {
  it("neutralises formula-looking text only", () => {
    expect(["=1+2", "+62", "-x", "@SUM", "\tA", "\rA", "a=b", "12"].map(neutralise)).toEqual([
      "'=1+2",
      "'+62",
      "'-x",
      "'@SUM",
      "'\tA",
      "'\rA",
      "a=b",
      "12",
    ]);
  });
  it("parses RFC 4180 CSV with BOM, quotes, newlines and a detected separator", () => {
    const text = '\uFEFFa;b;c\r\n"x;1";"he said ""hi""";"two\nlines"\r\n;;\r\n';
    expect(parseCsv(text)).toEqual([
      ["a", "b", "c"],
      ["x;1", 'he said "hi"', "two\nlines"],
      ["", "", ""],
    ]);
    expect(parseCsv("a,b\n1,2")).toEqual([
      ["a", "b"],
      ["1", "2"],
    ]);
  });
  it("reads the quarantine sidecar", () => {
    const s = parseSidecar(
      "Berkas: x.pdf\r\nAlasan: Nomor: tidak terbaca\r\nKode: NO_NUMBER\r\nAsal: MASUK\r\nWaktu: 2024-03-01T10:00:00Z\r\n",
    );
    expect(s).toEqual({
      berkas: "x.pdf",
      alasan: "Nomor: tidak terbaca",
      kode: "NO_NUMBER",
      asal: "MASUK",
      waktu: "2024-03-01T10:00:00Z",
    });
  });
});

describe("the sidecar's one home", () => {
  it("reads back what the organizer writes", () => {
    const rules = configSchema.parse({}).convention;
    const text = sidecarText(
      {
        name: "scan 1.pdf",
        message: "Jenis keputusan: tidak terbaca",
        code: "NO_JENIS",
        origin: "",
        time: new Date("2026-12-05T07:13:00Z"),
        suggestion: "SK Ketua Nomor 3 Tahun 2026",
        timezone: "Asia/Jakarta",
      },
      rules,
    );
    expect(parseSidecar(text)).toEqual({
      berkas: "scan 1.pdf",
      alasan: "Jenis keputusan: tidak terbaca",
      kode: "NO_JENIS",
      asal: "(folder utama)",
      waktu: "2026-12-05 14:13 WIB",
    });
  });
});

describe("typedSubject", () => {
  const rules = configSchema.parse({}).convention;
  const now = { now: new Date("2026-12-05T00:00:00Z") };
  const filed = parse("KPT-KETUA_2024_012_penetapan-dpt.pdf", rules, now);
  const decree = filed.ok ? filed.decree : undefined;
  it("takes the typed subject's capitals for the same decree only", () => {
    expect(decree?.tentang).toBe("penetapan dpt");
    const same = parse("SK Ketua No 12 Th 2024 ttg Penetapan DPT.pdf", rules, now);
    expect(typedSubject(decree!, same).tentang).toBe("Penetapan DPT");
    // Another number, another qualifier, an unreadable name: the slug's words stay.
    for (const other of [
      "SK Ketua No 13 Th 2024 ttg Penetapan DPT.pdf",
      "SK Ketua No 12 Th 2024 ttg Penetapan DPT Lampiran 1.pdf",
      "scan0001.pdf",
    ]) {
      expect(typedSubject(decree!, parse(other, rules, now)).tentang).toBe("penetapan dpt");
    }
  });
});

describe("one rule for decree numbers", () => {
  const rules = configSchema.parse({}).convention;
  const now = { now: new Date("2026-12-05T00:00:00Z") };
  it("the metadata file reads a number exactly as the file name parser does", () => {
    for (const typed of [
      "12",
      "012",
      "0012",
      "12a",
      "012B",
      "7",
      "1234",
      "0",
      "00",
      "12345",
      "12ab",
    ]) {
      const p = parse(`SK Ketua No ${typed} Th 2024 ttg Rapat.pdf`, rules, now);
      const fromName = p.ok ? p.decree.nomor : null;
      expect([typed, normaliseNomor(` ${typed} `)]).toEqual([typed, fromName]);
    }
  });
});
