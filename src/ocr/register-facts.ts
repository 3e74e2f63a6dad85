/**
 * What the register takes from the content cache (never running OCR itself): tentang and
 * tanggal penetapan of scans (where the PDF text layer gave none), and the filed decrees whose
 * content disagrees with their name, for the "Perlu Diperbaiki" sheet.
 */
import type { Config } from "../config/schema.js";
import type { ArchivedDecree, PdfFields } from "../register/types.js";
import { cachedReadings, contentProblems } from "./audit.js";

export interface RegisterProblem {
  kind: string;
  where: string;
  column: string;
  code: string;
  message: string;
}

/** Fills `fields` (decree key → fields) from OCR readings; returns the content problems. */
export async function contentForRegister(
  stateDir: string,
  files: ArchivedDecree[],
  groups: Map<string, ArchivedDecree[]>,
  fields: Map<string, PdfFields>,
  config: Config,
): Promise<RegisterProblem[]> {
  const readings = await cachedReadings(stateDir, files);
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
