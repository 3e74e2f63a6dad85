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
import { groupByLocation } from "./physical.js";
import type { RegisterRow } from "./rows.js";
import type { SummaryLine } from "./summary.js";

/** Sheet columns from [header, width] pairs. */
const cols = (...c: [string, number][]) => c.map(([header, width]) => ({ header, width }));

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
      r.tentang ? { text: r.tentang, style: STYLE.wrap } : "",
      r.tanggalPenetapan ? { date: dateCell(r.tanggalPenetapan), style: STYLE.date } : null,
      r.status ?? "",
      r.link
        ? { text: r.name, link: r.link, style: STYLE.wrapLink }
        : { text: r.name, style: STYLE.wrap },
      r.folder,
      r.link ?? "",
      { num: r.size, style: STYLE.size },
      r.sha256,
      { date: wallClock(r.mtimeMs), style: STYLE.dateTime },
      r.sync,
      r.lokasiFisik ? { text: r.lokasiFisik, style: STYLE.wrap } : "",
      r.keterangan ? { text: r.keterangan, style: STYLE.wrap } : "",
    ];
  }
}

/** Sheet "Arsip Fisik": a bold line per cabinet/box, then the decrees it holds. */
function* physicalRows(rows: RegisterRow[]): Generator<Cell[]> {
  for (const b of groupByLocation(rows)) {
    const where = b.location ?? "Tanpa lokasi fisik (isi kolom Lokasi Fisik di metadata)";
    yield [{ text: `${where}: ${b.decrees.length} keputusan`, style: STYLE.bold }];
    let n = 0;
    for (const r of b.decrees) {
      n++;
      yield [
        b.location ?? "",
        n,
        r.jenis,
        r.nomor,
        r.tahun,
        r.tentang ? { text: r.tentang, style: STYLE.wrap } : "",
        r.status ?? "",
      ];
    }
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
      s.gaps ? { text: s.gaps, style: STYLE.wrap } : "",
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
        columns: REGISTER_COLUMNS.map((c) => ({
          header: c.header,
          width: c.width,
          hidden: c.technical === true,
        })),
        rows: registerRows(input.rows),
        table: true,
        print: true,
      },
      {
        name: "Perlu Diperbaiki",
        columns: cols(
          ["Jenis Masalah", 12],
          ["Berkas / Baris", 45],
          ["Kolom", 14],
          ["Kode", 16],
          ["Yang Harus Diperbaiki", 70],
        ),
        rows: input.problems.map((p) => [
          p.kind,
          { text: p.where, style: STYLE.wrap },
          p.column,
          p.code,
          { text: p.message, style: STYLE.wrap },
        ]),
        table: true,
        print: true,
      },
      {
        name: "Arsip Fisik",
        columns: cols(
          ["Lemari / Boks", 22],
          ["No", 5],
          ["Jenis", 15],
          ["Nomor", 8],
          ["Tahun", 7],
          ["Tentang", 70],
          ["Status", 10],
        ),
        rows: physicalRows(input.rows),
        print: true,
      },
      {
        name: "Ringkasan",
        columns: cols(
          ["Jenis", 26],
          ["Tahun", 8],
          ["Jumlah Keputusan", 12],
          ["Jumlah Berkas", 12],
          ["Nomor Tertinggi", 12],
          ["Jumlah Nomor Tanpa Berkas", 14],
          ["Nomor Tanpa Berkas (1 s.d. tertinggi)", 60],
        ),
        rows: summaryRows,
        print: true,
      },
    ],
    input.asOf,
  );
}
