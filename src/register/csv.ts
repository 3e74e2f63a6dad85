/**
 * CSV output: RFC 4180 (CRLF records, fields quoted when they hold the separator, a quote or a
 * newline), UTF-8 with a BOM so Excel detects the encoding, every text cell neutralised.
 * Written by hand (byte-identical to csv-stringify with these options) so a 100,000-row
 * register can be produced line by line and streamed instead of built as one string.
 */
import { neutralise } from "./neutralise.js";

export type CsvCell = string | number | null | undefined;

/** UTF-8 byte order mark, written once at the start of the file. */
export const CSV_BOM = Buffer.from([0xef, 0xbb, 0xbf]);

/** One record, CRLF-terminated; `separator` is one character. */
export function csvLine(cells: readonly CsvCell[], separator: string): string {
  let line = "";
  for (let i = 0; i < cells.length; i++) {
    if (i > 0) line += separator;
    const c = cells[i];
    if (c === null || c === undefined) continue;
    const s = typeof c === "string" ? neutralise(c) : String(c);
    const quote = s.includes('"') || s.includes(separator) || s.includes("\n") || s.includes("\r");
    line += quote ? `"${s.replaceAll('"', '""')}"` : s;
  }
  return `${line}\r\n`;
}

export function csvBuffer(rows: CsvCell[][], separator: string): Buffer {
  let text = "";
  for (const r of rows) text += csvLine(r, separator);
  return Buffer.concat([CSV_BOM, Buffer.from(text, "utf8")]);
}
