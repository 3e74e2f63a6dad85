/**
 * CSV output: RFC 4180 (CRLF records, fields quoted when they hold the separator, a quote or a
 * newline), UTF-8 with a BOM so Excel detects the encoding, every text cell neutralised.
 */
import { stringify } from "csv-stringify/sync";
import { neutralise } from "./neutralise.js";

export type CsvCell = string | number | null | undefined;

export function csvBuffer(rows: CsvCell[][], separator: string): Buffer {
  const text = stringify(
    rows.map((r) =>
      r.map((c) => (typeof c === "string" ? neutralise(c) : c == null ? "" : String(c))),
    ),
    { delimiter: separator, record_delimiter: "windows", bom: false },
  );
  return Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text, "utf8")]);
}
