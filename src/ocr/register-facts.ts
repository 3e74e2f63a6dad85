/**
 * What the register takes from the content cache (never running OCR itself): tentang and
 * tanggal penetapan of scans (where the PDF text layer gave none), and the filed decrees whose
 * content disagrees with their name, for the "Perlu Diperbaiki" sheet.
 */
import type { Config } from "../config/schema.js";
import type { ArchivedDecree, PdfFields } from "../register/types.js";
import { cachedReadings, contentProblems } from "./audit.js";
import { isReadable } from "./read.js";

export interface RegisterProblem {
  kind: string;
  where: string;
  column: string;
  code: string;
  message: string;
}

/**
 * Fills `fields` (decree key → fields) from OCR readings; returns the content problems, and in
 * `unread` the filed decrees the content cache has never read (filed by name while OCR was off,
 * failed or slow, or before this check existed): the daemon's background OCR reads them, so
 * their disagreements reach this sheet later.
 */
export async function contentForRegister(
  stateDir: string,
  files: ArchivedDecree[],
  groups: Map<string, ArchivedDecree[]>,
  fields: Map<string, PdfFields>,
  config: Config,
  unread?: string[],
): Promise<RegisterProblem[]> {
  const missing = new Set<string>();
  const readings = await cachedReadings(stateDir, files, missing);
  if (unread)
    for (const f of files)
      if (missing.has(f.sha256) && isReadable(f.decree.ext)) unread.push(f.rel);
  for (const [k, group] of groups) {
    const have = fields.get(k) ?? {};
    if (have.tentang && have.tanggalPenetapan) continue;
    const r = group
      .map((f) => readings.get(f.sha256))
      .find((x) => x && x.confidence >= config.ocr.minConfidence);
    if (!r) continue;
    const merged: PdfFields = { ...have };
    if (!merged.tentang && r.tentang) merged.tentang = r.tentang;
    if (!merged.tanggalPenetapan && r.tanggalPenetapan)
      merged.tanggalPenetapan = r.tanggalPenetapan;
    fields.set(k, merged);
  }
  return contentProblems(files, readings, config).map((p) => ({
    kind: "Isi Dokumen",
    where: p.path,
    column: p.detail,
    code: p.code,
    message: p.message,
  }));
}
