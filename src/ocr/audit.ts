/**
 * Content problems of decrees already filed, for `arsipd check` and the register's
 * "Perlu Diperbaiki" sheet: a document whose heading disagrees with its name (ISI_BERBEDA),
 * and the same bytes filed under two different decrees (ISI_GANDA). Pure over what the content
 * cache knows (`problemsFromCache` never runs OCR, so a register build stays cheap);
 * `arsipd check` first reads what the cache lacks (the files still waiting for their check).
 */
import type { Config } from "../config/schema.js";
import { documentKey } from "../convention/identity.js";
import type { Decree } from "../convention/types.js";
import { getEntry } from "./cache.js";
import { disagreement } from "./compare.js";
import type { ContentReading } from "./types.js";

export interface FiledFile {
  rel: string;
  sha256: string;
  decree: Decree;
}

export interface ContentProblem {
  path: string;
  code: "ISI_BERBEDA" | "ISI_GANDA";
  /** Which fields differ ("nomor, tahun"), or the other file with the same bytes. */
  detail: string;
  message: string;
}

export function contentProblems(
  files: FiledFile[],
  readings: Map<string, ContentReading | null>,
  config: Config,
): ContentProblem[] {
  const out: ContentProblem[] = [];
  const bySha = new Map<string, FiledFile>();
  for (const f of files) {
    const r = readings.get(f.sha256);
    const d = r ? disagreement(f.decree, r, config.convention, config.ocr.minConfidence) : null;
    if (d)
      out.push({
        path: f.rel,
        code: "ISI_BERBEDA",
        detail: d.fields.join(", "),
        message: d.message,
      });
    const first = bySha.get(f.sha256);
    if (!first) bySha.set(f.sha256, f);
    else if (documentKey(first.decree) !== documentKey(f.decree))
      out.push({
        path: f.rel,
        code: "ISI_GANDA",
        detail: first.rel,
        message: `Isi berkas ini sama persis dengan ${first.rel} (nomor lain); satu berkas pindaian disimpan dengan dua nomor. Periksa nomor yang benar, lalu serahkan kepada pengelola arsip untuk mengeluarkan berkas yang salah dari arsip.`,
      });
  }
  return out;
}

/** The cached readings of `files` (null where there is none yet). */
export async function cachedReadings(
  stateDir: string,
  files: { sha256: string }[],
  /** Filled with the SHA-256s the cache has no entry for at all (never read). */
  missing?: Set<string>,
): Promise<Map<string, ContentReading | null>> {
  const out = new Map<string, ContentReading | null>();
  for (const f of files) {
    if (out.has(f.sha256)) continue;
    const e = await getEntry(stateDir, f.sha256);
    if (!e) missing?.add(f.sha256);
    out.set(f.sha256, e?.reading ?? null);
  }
  return out;
}
