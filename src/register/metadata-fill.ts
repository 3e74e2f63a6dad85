/**
 * Keeps the staff metadata CSV in step with the archive: every decree that has no row yet gets
 * one (Jenis, Tahun, Nomor, Tentang filled in, the rest left for staff), appended at the end.
 * What staff typed is never rewritten: the file is only ever appended to (no read-modify-write
 * that could undo a save made meanwhile), in the file's own separator and encoding, in the
 * column order of its own header. An XLSX metadata file is left alone (rewriting a workbook
 * would touch staff's formatting).
 */
import { open, readFile, stat, utimes } from "node:fs/promises";
import { encodeCp1252 } from "./cp1252.js";
import { csvLine } from "./csv.js";
import { detectSeparator } from "./csv-parse.js";
import type { CsvEncoding } from "./metadata-read.js";

export interface PrefillRow {
  jenis: string;
  tahun: number;
  nomor: string;
  tentang: string;
}

const norm = (h: string) => h.toLowerCase().replace(/[^a-z]/g, "");

/**
 * Appends the rows and dates the file `mtimeMs` (the caller passes the later of its old mtime and
 * the newest decree added): the rows come from the archive, so the register built from them
 * stays dated by its inputs, not by the clock. Returns that mtime, or undefined when nothing
 * was appended.
 */
export async function appendMissingRows(
  file: string,
  header: string[],
  encoding: CsvEncoding,
  rows: PrefillRow[],
  mtimeMs: number,
): Promise<number | undefined> {
  if (rows.length === 0 || header.length === 0) return undefined;
  const cols = header.map(norm);
  const at = (name: string) => cols.indexOf(name);
  const head = (await readFile(file)).subarray(0, 4096);
  const sep = detectSeparator(head.toString("latin1"));
  const lines = rows.map((r) => {
    const cells: string[] = header.map(() => "");
    const set = (name: string, v: string) => {
      const i = at(name);
      if (i >= 0) cells[i] = v;
    };
    set("jenis", r.jenis);
    set("tahun", String(r.tahun));
    set("nomor", r.nomor);
    set("tentang", r.tentang);
    return csvLine(cells, sep);
  });
  const fh = await open(file, "r+");
  try {
    const { size } = await fh.stat();
    let text = lines.join("");
    if (size > 0) {
      const last = Buffer.alloc(1);
      await fh.read(last, 0, 1, size - 1);
      if (last[0] !== 0x0a) text = `\r\n${text}`;
    }
    await fh.write(encode(text, encoding), 0, undefined, size);
    await fh.sync();
  } finally {
    await fh.close();
  }
  await utimes(file, new Date(), new Date(mtimeMs));
  return (await stat(file)).mtimeMs;
}

/** UTF-8, or Windows-1252 with '?' for what it cannot hold (as Excel does). */
function encode(text: string, encoding: CsvEncoding): Buffer {
  return encoding === "utf-8" ? Buffer.from(text, "utf8") : encodeCp1252(text);
}
