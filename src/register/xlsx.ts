/**
 * The register workbook, written with exceljs's streaming writer (memory stays flat for
 * 100,000 rows): sheet "Keputusan" (frozen header, auto-filter, real dates, file names linked to
 * their OwnCloud page), "Perlu Diperbaiki" (quarantined files and bad metadata rows) and
 * "Ringkasan" (counts, numbering gaps, data date). Deterministic: the workbook's
 * created/modified dates and every ZIP entry's timestamp are `asOf`, so the same input gives
 * the same bytes. Text cells are typed strings, never formulas (see neutralise.ts).
 */
import { PassThrough } from "node:stream";
import ExcelJS from "exceljs";
import { REGISTER_COLUMNS } from "./columns.js";
import { dateCell, wallClock, wallClockText } from "./dates.js";
import type { RegisterRow } from "./rows.js";
import type { SummaryLine } from "./summary.js";
import { stampZip } from "./zip-fix.js";

export interface ProblemRow {
  /** "Karantina" or "Metadata". */
  kind: string;
  /** File path, or "Metadata-Keputusan.csv baris 7". */
  where: string;
  column: string;
  code: string;
  message: string;
}

export interface WorkbookInput {
  rows: RegisterRow[];
  problems: ProblemRow[];
  summary: SummaryLine[];
  totals: { files: number; decrees: number; quarantined: number; badMetadataRows: number };
  /** The newest change in the data; stands for "when" everywhere in the file. */
  asOf: Date;
}

const HEADER_FONT = { bold: true };
const HEADER_FILL: ExcelJS.Fill = {
  type: "pattern",
  pattern: "solid",
  fgColor: { argb: "FFDDEBF7" },
};

export async function workbookBuffer(input: WorkbookInput): Promise<Buffer> {
  const out = new PassThrough();
  const chunks: Buffer[] = [];
  out.on("data", (c: Buffer) => chunks.push(c));
  const done = new Promise<void>((resolve, reject) => {
    out.on("end", resolve);
    out.on("error", reject);
  });
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({
    stream: out,
    useStyles: true,
    useSharedStrings: false,
  });
  wb.creator = "arsipd";
  wb.lastModifiedBy = "arsipd";
  wb.created = input.asOf;
  wb.modified = input.asOf;

  const ws = wb.addWorksheet("Keputusan", { views: [{ state: "frozen", ySplit: 1 }] });
  ws.columns = REGISTER_COLUMNS.map((c) => ({ header: c.header, width: c.width }));
  styleHeader(ws.getRow(1));
  ws.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: REGISTER_COLUMNS.length } };
  ws.getRow(1).commit();
  for (const r of input.rows) {
    const row = ws.addRow([
      r.no,
      r.jenis,
      r.nomor,
      r.tahun,
      r.tentang,
      r.tanggalPenetapan ? dateCell(r.tanggalPenetapan) : null,
      r.status ?? "",
      r.link ? { text: r.name, hyperlink: r.link } : r.name,
      r.folder,
      r.link ? { text: r.link, hyperlink: r.link } : "",
      r.size,
      r.sha256,
      wallClock(r.mtimeMs),
      r.sync,
      r.lokasiFisik,
      r.keterangan,
    ]);
    row.getCell(6).numFmt = "dd/mm/yyyy";
    row.getCell(11).numFmt = "#,##0";
    row.getCell(13).numFmt = "dd/mm/yyyy hh:mm";
    if (r.link) {
      row.getCell(8).font = { color: { argb: "FF0563C1" }, underline: true };
      row.getCell(10).font = { color: { argb: "FF0563C1" }, underline: true };
    }
    row.commit();
  }
  ws.commit();

  const wp = wb.addWorksheet("Perlu Diperbaiki", { views: [{ state: "frozen", ySplit: 1 }] });
  wp.columns = [
    { header: "Jenis Masalah", width: 14 },
    { header: "Berkas / Baris", width: 55 },
    { header: "Kolom", width: 18 },
    { header: "Kode", width: 20 },
    { header: "Yang Harus Diperbaiki", width: 80 },
  ];
  styleHeader(wp.getRow(1));
  wp.autoFilter = "A1:E1";
  wp.getRow(1).commit();
  for (const p of input.problems)
    wp.addRow([p.kind, p.where, p.column, p.code, p.message]).commit();
  wp.commit();

  const wr = wb.addWorksheet("Ringkasan");
  wr.columns = [
    { header: "Jenis", width: 20 },
    { header: "Tahun", width: 8 },
    { header: "Jumlah Keputusan", width: 12 },
    { header: "Jumlah Berkas", width: 12 },
    { header: "Nomor Tertinggi", width: 12 },
    { header: "Jumlah Nomor Tanpa Berkas", width: 14 },
    { header: "Nomor Tanpa Berkas (1 s.d. tertinggi)", width: 60 },
  ];
  styleHeader(wr.getRow(1));
  wr.getRow(1).commit();
  for (const s of input.summary) {
    wr.addRow([s.jenis, s.tahun, s.decrees, s.files, s.highest, s.gapCount, s.gaps]).commit();
  }
  wr.addRow([]).commit();
  const t = input.totals;
  const facts: [string, string | number][] = [
    ["Keadaan arsip per", wallClockText(input.asOf.getTime())],
    ["Jumlah berkas keputusan", t.files],
    ["Jumlah keputusan", t.decrees],
    ["Berkas di karantina", t.quarantined],
    ["Baris metadata bermasalah", t.badMetadataRows],
  ];
  for (const [k, v] of facts) {
    const row = wr.addRow([k, v]);
    row.getCell(1).font = HEADER_FONT;
    row.commit();
  }
  wr.commit();
  await wb.commit();
  await done;
  return stampZip(Buffer.concat(chunks), input.asOf);
}

function styleHeader(row: ExcelJS.Row): void {
  row.font = HEADER_FONT;
  row.eachCell((c) => {
    c.fill = HEADER_FILL;
  });
}
