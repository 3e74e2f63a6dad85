/**
 * Keeps the staff metadata CSV in step with the archive: every decree that has no row yet gets
 * one (Jenis, Tahun, Nomor, Tentang filled in, the rest left for staff), appended at the end.
 * What staff typed is never rewritten: the file is only ever appended to (no read-modify-write
 * that could undo a save made meanwhile), in the file's own separator and encoding, in the
 * column order of its own header. An XLSX metadata file is left alone (rewriting a workbook
 * would touch staff's formatting).
 */
import { open, readFile, stat, utimes } from "node:fs/promises";
import path from "node:path";
import type { Logger } from "../log/logger.js";
import { encodeCp1252 } from "./cp1252.js";
import { csvLine } from "./csv.js";
import { detectSeparator } from "./csv-parse.js";
import type { CsvEncoding, MetadataRead } from "./metadata-read.js";
import type { DecreeFacts } from "./rows.js";
import { type ArchivedDecree, decreeKey } from "./types.js";

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

/**
 * Appends a row for every decree of `groups` the metadata CSV has no row for. Returns the file's
 * new mtime when rows were added. Failing to write is a warning: the register is built anyway.
 */
export async function prefillMetadata(
  file: string,
  meta: MetadataRead,
  groups: Map<string, ArchivedDecree[]>,
  facts: (f: ArchivedDecree) => DecreeFacts,
  log: Logger,
): Promise<number | undefined> {
  if (!meta.header || !meta.encoding || /\.xlsx$/i.test(file)) return undefined;
  const known = new Set(meta.metas.map((m) => decreeKey(m.jenis, m.tahun, m.nomor)));
  const missing: PrefillRow[] = [];
  let dated = meta.mtimeMs ?? 0;
  for (const [k, g] of groups) {
    if (known.has(k)) continue;
    const main = g[0]!;
    for (const f of g) dated = Math.max(dated, f.mtimeMs);
    const d = main.decree;
    missing.push({ jenis: d.jenis, tahun: d.tahun, nomor: d.nomor, tentang: facts(main).tentang });
  }
  const name = path.basename(file);
  try {
    const mtime = await appendMissingRows(file, meta.header, meta.encoding, missing, dated);
    if (mtime !== undefined)
      log.info({ path: name, rows: missing.length }, "metadata rows added for new decrees");
    return mtime;
  } catch (err) {
    log.warn(
      { path: name, code: (err as NodeJS.ErrnoException).code },
      "cannot add rows to the metadata file",
    );
    return undefined;
  }
}
