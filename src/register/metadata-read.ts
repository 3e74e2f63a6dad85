/**
 * Reads the staff metadata file from the share root (CSV or XLSX by extension) into text
 * cells, and writes the header-only template when the file does not exist yet, so staff see
 * what to fill in. A file that cannot be read is reported as one bad row, never thrown.
 */
import { lstat } from "node:fs/promises";
import path from "node:path";
import ExcelJS from "exceljs";
import type { JenisConfig } from "../config/schema.js";
import { readRegular } from "../util/safe-open.js";
import { decodeCp1252 } from "./cp1252.js";
import { csvBuffer } from "./csv.js";
import { parseCsv } from "./csv-parse.js";
import { METADATA_COLUMNS, type MetadataResult, validateMetadata } from "./metadata.js";
import { writeIfChanged } from "./write.js";

export interface MetadataRead extends MetadataResult {
  /** The file's mtime, or undefined when there is none. */
  mtimeMs: number | undefined;
  /** True when the template was just written. */
  templateWritten: boolean;
  /** How a CSV file was decoded: UTF-8, or Windows-1252 when its bytes are not valid UTF-8. */
  encoding?: CsvEncoding;
  /** The header row as the file has it (empty when unreadable). */
  header?: string[];
}

export type CsvEncoding = "utf-8" | "windows-1252";

/**
 * A CSV's text. Excel's "CSV (Comma delimited)" on Windows saves Windows-1252, not UTF-8: bytes
 * that are not valid UTF-8 are read as Windows-1252 (every byte is a character there), so
 * "Pengadaan Barang – Tahap II" keeps its dash instead of turning into U+FFFD.
 */
export function decodeCsv(buf: Buffer): { text: string; encoding: CsvEncoding } {
  try {
    return { text: new TextDecoder("utf-8", { fatal: true }).decode(buf), encoding: "utf-8" };
  } catch {
    return { text: decodeCp1252(buf), encoding: "windows-1252" };
  }
}

export async function readMetadata(
  share: string,
  fileName: string,
  jenis: JenisConfig[],
  csvSeparator: string,
): Promise<MetadataRead> {
  const file = path.join(share, fileName);
  let mtimeMs: number;
  try {
    mtimeMs = (await lstat(file)).mtimeMs;
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== "ENOENT") throw err;
    const templateWritten = await writeTemplate(file, csvSeparator);
    const after = await lstat(file).catch(() => undefined);
    const csv = !/\.xlsx$/i.test(fileName);
    return {
      metas: [],
      bad: [],
      mtimeMs: after?.mtimeMs,
      templateWritten,
      ...(csv ? { encoding: "utf-8" as const, header: [...METADATA_COLUMNS] } : {}),
    };
  }
  let rows: string[][];
  let encoding: CsvEncoding | undefined;
  try {
    if (/\.xlsx$/i.test(fileName)) rows = await readXlsx(file);
    else {
      const csv = decodeCsv(await readRegular(file));
      encoding = csv.encoding;
      rows = parseCsv(csv.text);
    }
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    const why =
      code === "ENOTREG"
        ? "bukan berkas biasa"
        : code === "EFBIG"
          ? "terlalu besar"
          : (code ?? "format tidak terbaca");
    return {
      metas: [],
      bad: [
        {
          row: 0,
          column: "-",
          message: `berkas ${fileName} tidak dapat dibaca (${why}); simpan ulang sebagai CSV atau XLSX`,
        },
      ],
      mtimeMs,
      templateWritten: false,
    };
  }
  return {
    ...validateMetadata(rows, jenis),
    mtimeMs,
    templateWritten: false,
    ...(encoding ? { encoding } : {}),
    header: rows[0] ?? [],
  };
}

async function writeTemplate(file: string, sep: string): Promise<boolean> {
  if (/\.xlsx$/i.test(file)) {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet("Metadata");
    ws.addRow([...METADATA_COLUMNS]);
    ws.getRow(1).font = { bold: true };
    return writeIfChanged(file, Buffer.from(await wb.xlsx.writeBuffer()));
  }
  return writeIfChanged(file, csvBuffer([[...METADATA_COLUMNS]], sep));
}

/** First worksheet → text cells; dates become YYYY-MM-DD (a date cell is stored at UTC midnight). */
async function readXlsx(file: string): Promise<string[][]> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load((await readRegular(file)) as never);
  const ws = wb.worksheets[0];
  if (!ws) return [];
  const rows: string[][] = [];
  ws.eachRow({ includeEmpty: true }, (row, n) => {
    const cells: string[] = [];
    const count = Math.max(row.cellCount, 0);
    for (let c = 1; c <= count; c++) cells.push(cellText(row.getCell(c).value));
    rows[n - 1] = cells;
  });
  for (let i = 0; i < rows.length; i++) rows[i] ??= [];
  return rows;
}

function cellText(v: ExcelJS.CellValue): string {
  if (v === null || v === undefined) return "";
  if (v instanceof Date) return v.toISOString().slice(0, 10);
  if (typeof v === "object") {
    if ("richText" in v) return v.richText.map((t) => t.text).join("");
    if ("text" in v) return String(v.text);
    if ("result" in v) return cellText(v.result as ExcelJS.CellValue);
    return "";
  }
  return String(v);
}
