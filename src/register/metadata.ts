/**
 * The staff metadata file, validated: one row per decree keyed by Jenis/Tahun/Nomor, with the
 * register facts a file name cannot carry. Pure: takes the cells as text, returns the good rows
 * and, for every bad cell, the row number (as the spreadsheet shows it), the column and an
 * Indonesian sentence saying what to fix. A bad row never stops the other rows.
 */

import * as z from "zod";
import type { JenisConfig } from "../config/schema.js";
import { normNomor } from "../convention/numbers.js";
import { parseTanggal } from "./dates.js";
import { type BadMetadataRow, type DecreeMeta, decreeKey } from "./types.js";

/** The columns, in the order the template lists them. */
export const METADATA_COLUMNS = [
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
] as const;

type Field =
  | "jenis"
  | "tahun"
  | "nomor"
  | "tanggalPenetapan"
  | "status"
  | "terkait"
  | "subjek"
  | "penandatangan"
  | "lokasiFisik"
  | "abstrak"
  | "keterangan"
  | "tentang";

const FIELD_OF: Record<string, Field> = {
  jenis: "jenis",
  tahun: "tahun",
  nomor: "nomor",
  tanggalpenetapan: "tanggalPenetapan",
  tanggal: "tanggalPenetapan",
  status: "status",
  terkait: "terkait",
  subjek: "subjek",
  penandatangan: "penandatangan",
  lokasifisik: "lokasiFisik",
  lokasi: "lokasiFisik",
  abstrak: "abstrak",
  keterangan: "keterangan",
  tentang: "tentang",
};

const KEY_FIELDS = new Set<Field>(["jenis", "tahun", "nomor"]);

const normHeader = (h: string) => h.toLowerCase().replace(/[^a-z]/g, "");

/** "012" → "12", "12a" → "12A"; null when not a serial: the parser's rule (numbers.ts). */
export const normaliseNomor = (s: string): string | null => normNomor(s.trim());

function rowSchema(jenis: JenisConfig[]) {
  const codes = new Map<string, string>();
  for (const j of jenis) {
    codes.set(j.code.toLowerCase(), j.code);
    codes.set(j.label.toLowerCase(), j.code);
  }
  const list = jenis.map((j) => j.code).join(", ");
  const opt = z
    .string()
    .optional()
    .transform((s) => (s?.trim() ? s.trim() : undefined));
  return z.object({
    jenis: z
      .string({ error: "wajib diisi" })
      .trim()
      .min(1, "wajib diisi")
      .transform((s, ctx) => {
        const code = codes.get(s.toLowerCase().replace(/\s+/g, " "));
        if (code) return code;
        ctx.addIssue({
          code: "custom",
          message: `'${s}' bukan jenis yang dikenal; isi salah satu: ${list}`,
        });
        return z.NEVER;
      }),
    tahun: z
      .string({ error: "wajib diisi" })
      .trim()
      .regex(/^\d{4}$/, "harus tahun 4 angka, mis. 2024")
      .transform(Number),
    nomor: z
      .string({ error: "wajib diisi" })
      .trim()
      .min(1, "wajib diisi")
      .transform((s, ctx) => {
        const n = normaliseNomor(s);
        if (n) return n;
        ctx.addIssue({
          code: "custom",
          message: `'${s}' bukan nomor; tulis angka, boleh diikuti satu huruf (12 atau 12A)`,
        });
        return z.NEVER;
      }),
    tanggalPenetapan: opt.transform((s, ctx) => {
      if (s === undefined) return undefined;
      const iso = parseTanggal(s);
      if (iso) return iso;
      ctx.addIssue({
        code: "custom",
        message: `tanggal '${s}' tidak terbaca; tulis 2024-03-12, 12-03-2024, 12/03/2024 atau 12 Maret 2024`,
      });
      return z.NEVER;
    }),
    status: opt.transform((s, ctx) => {
      if (s === undefined) return undefined;
      const v = s.toLowerCase();
      if (v === "berlaku" || v === "dicabut" || v === "diubah") return v;
      ctx.addIssue({
        code: "custom",
        message: `status '${s}' tidak dikenal; isi berlaku, dicabut atau diubah`,
      });
      return z.NEVER;
    }),
    terkait: opt,
    subjek: opt,
    penandatangan: opt,
    lokasiFisik: opt,
    abstrak: opt,
    keterangan: opt,
    tentang: opt,
  });
}

export interface MetadataResult {
  metas: DecreeMeta[];
  bad: BadMetadataRow[];
}

/**
 * Validates the table. `rows[0]` is the header; row numbers in messages count it as row 1.
 * Blank rows are skipped; a second row for the same decree is reported and ignored; a bad
 * optional cell is reported and only that cell ignored.
 */
export function validateMetadata(rows: string[][], jenis: JenisConfig[]): MetadataResult {
  const bad: BadMetadataRow[] = [];
  const metas: DecreeMeta[] = [];
  const header = rows[0] ?? [];
  const fields = header.map((h) => FIELD_OF[normHeader(h)]);
  const labelOf = new Map<Field, string>();
  header.forEach((h, i) => {
    const f = fields[i];
    if (f && !labelOf.has(f)) labelOf.set(f, h.trim());
  });
  for (const need of ["jenis", "tahun", "nomor"] as const) {
    if (!labelOf.has(need)) {
      const col = need[0]!.toUpperCase() + need.slice(1);
      bad.push({
        row: 1,
        column: col,
        message: `kolom '${col}' tidak ada di baris judul; tambahkan kolom ini`,
      });
    }
  }
  if (bad.length > 0) return { metas, bad };
  const schema = rowSchema(jenis);
  const seen = new Map<string, number>();
  for (let i = 1; i < rows.length; i++) {
    const cells = rows[i]!;
    if (cells.every((c) => c.trim() === "")) continue;
    const obj: Partial<Record<Field, string>> = {};
    cells.forEach((c, j) => {
      const f = fields[j];
      if (f && obj[f] === undefined) obj[f] = c;
    });
    const row = i + 1;
    let r = schema.safeParse(obj);
    if (!r.success) {
      const issues = r.error.issues;
      for (const issue of issues) {
        const f = issue.path[0] as Field;
        bad.push({ row, column: labelOf.get(f) ?? String(f), message: issue.message });
      }
      // A bad key cell (jenis, tahun, nomor) loses the row: it cannot be matched to a decree.
      // Any other bad cell (a date, a status) is dropped alone and the rest of the row is kept.
      if (issues.some((x) => KEY_FIELDS.has(x.path[0] as Field))) continue;
      for (const issue of issues) delete obj[issue.path[0] as Field];
      r = schema.safeParse(obj);
      if (!r.success) continue;
    }
    const key = decreeKey(r.data.jenis, r.data.tahun, r.data.nomor);
    const first = seen.get(key);
    if (first !== undefined) {
      bad.push({
        row,
        column: "-",
        message: `keputusan ini sudah tercatat di baris ${first}; baris ini diabaikan`,
      });
      continue;
    }
    seen.set(key, row);
    metas.push({ ...r.data, row });
  }
  return { metas, bad };
}
