/**
 * The register workbook: sheet "Keputusan" (frozen header, auto-filter, real dates, file names
 * linked to their OwnCloud page), "Perlu Diperbaiki" (quarantined files and bad metadata rows)
 * and "Ringkasan" (counts, numbering gaps, data date). Deterministic: dated `asOf` (the newest
 * change in the data), never the clock. Text cells are typed strings, never formulas (see
 * neutralise.ts).
 */
import { REGISTER_COLUMNS } from "./columns.js";
import { dateCell, wallClock, wallClockText } from "./dates.js";
import { type Cell, STYLE, writeWorkbook } from "./ooxml.js";
import type { RegisterRow } from "./rows.js";
import type { SummaryLine } from "./summary.js";

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

function* registerRows(rows: RegisterRow[]): Generator<Cell[]> {
  for (const r of rows) {
    yield [
      r.no,
      r.jenis,
      r.nomor,
      r.tahun,
      r.tentang,
      r.tanggalPenetapan ? { date: dateCell(r.tanggalPenetapan), style: STYLE.date } : null,
      r.status ?? "",
      r.link ? { text: r.name, link: r.link } : r.name,
      r.folder,
      r.link ?? "",
      { num: r.size, style: STYLE.thousands },
      r.sha256,
      { date: wallClock(r.mtimeMs), style: STYLE.dateTime },
      r.sync,
      r.lokasiFisik,
      r.keterangan,
    ];
  }
}

export function workbookBuffer(input: WorkbookInput): Promise<Buffer> {
  const t = input.totals;
  const summaryRows: Cell[][] = [
    ...input.summary.map((s) => [
      s.jenis,
      s.tahun,
      s.decrees,
      s.files,
      s.highest,
      s.gapCount,
      s.gaps,
    ]),
    [],
    ...(
      [
        ["Keadaan arsip per", wallClockText(input.asOf.getTime())],
        ["Jumlah berkas keputusan", t.files],
        ["Jumlah keputusan", t.decrees],
        ["Berkas di karantina", t.quarantined],
        ["Baris metadata bermasalah", t.badMetadataRows],
      ] as [string, string | number][]
    ).map(([k, v]): Cell[] => [{ text: k, style: STYLE.bold }, v]),
  ];
  return writeWorkbook(
    [
      {
        name: "Keputusan",
        columns: REGISTER_COLUMNS.map((c) => ({ header: c.header, width: c.width })),
        rows: registerRows(input.rows),
        table: true,
      },
      {
        name: "Perlu Diperbaiki",
        columns: [
          { header: "Jenis Masalah", width: 14 },
          { header: "Berkas / Baris", width: 55 },
          { header: "Kolom", width: 18 },
          { header: "Kode", width: 20 },
          { header: "Yang Harus Diperbaiki", width: 80 },
        ],
        rows: input.problems.map((p) => [p.kind, p.where, p.column, p.code, p.message]),
        table: true,
      },
      {
        name: "Ringkasan",
        columns: [
          { header: "Jenis", width: 26 },
          { header: "Tahun", width: 8 },
          { header: "Jumlah Keputusan", width: 12 },
          { header: "Jumlah Berkas", width: 12 },
          { header: "Nomor Tertinggi", width: 12 },
          { header: "Jumlah Nomor Tanpa Berkas", width: 14 },
          { header: "Nomor Tanpa Berkas (1 s.d. tertinggi)", width: 60 },
        ],
        rows: summaryRows,
      },
    ],
    input.asOf,
  );
}
