/**
 * Finds the decree's heading in a page's text and reads it with the naming convention's parser.
 * Pure. The heading is the block that starts with a line "KEPUTUSAN …" and runs through the
 * "NOMOR … TAHUN …" line and the "TENTANG" subject, up to the first line that is no longer the
 * title (the signer's title, "DENGAN RAHMAT …", "Menimbang", …).
 */
import type { ConventionConfig } from "../config/schema.js";
import { parse } from "../convention/parse.js";
import { extractPdfFields } from "../register/pdf-fields.js";
import type { ContentReading, PageText, TextLine } from "./types.js";

const STOP = /^(DENGAN\s+RAHMAT|Menimbang|Mengingat|Memperhatikan|MEMUTUSKAN|Menetapkan)\b/i;
/** The signer's title ends the subject; before "TENTANG" such a word is part of the jenis. */
const SIGNER = /^(KETUA|SEKRETARIS|KEPALA|PLT\.?|PLH\.?)\b/i;
/** File-name characters the share refuses; a heading's "/" (old numbers) reads as "_" too. */
export const UNSAFE = /[<>:"/\\|?*\p{Cc}]/gu;

export function readHeading(
  page: PageText,
  conv: ConventionConfig,
  now: Date,
): ContentReading | null {
  const block = headingBlock(page.first);
  const text = (lines: TextLine[] | null) => (lines ?? []).map((l) => l.text).join("\n");
  const fields = extractPdfFields(text(page.first));
  const lastFields = page.last ? extractPdfFields(text(page.last)) : {};
  if (!block) return null;
  const heading = block
    .map((l) => l.text)
    .join(" ")
    .replace(/\s+/g, " ")
    .trim();
  const words = block.flatMap((l) =>
    l.text
      .split(/\s+/)
      .filter(Boolean)
      .map(() => l.conf),
  );
  const confidence = words.length ? words.reduce((a, b) => a + b, 0) / words.length : 0;
  const r = parse(`${heading.replace(UNSAFE, "_").slice(0, 240)}.pdf`, conv, { now });
  const base = {
    source: page.source,
    heading,
    confidence: Math.round(confidence),
    tentang: fields.tentang ?? null,
    tanggalPenetapan: fields.tanggalPenetapan ?? lastFields.tanggalPenetapan ?? null,
  };
  if (r.ok) {
    const { jenis, nomor, tahun } = r.decree;
    return { ...base, jenis, nomor, tahun, otherOffice: null };
  }
  if (r.reason === "OTHER_OFFICE" || r.reason === "OTHER_OFFICE_CODE") {
    const detail = /\(([^)]*(?:\([^)]*\))?[^)]*)\)/.exec(r.message)?.[1] ?? heading;
    return { ...base, jenis: null, nomor: null, tahun: null, otherOffice: detail };
  }
  return null;
}

function headingBlock(lines: TextLine[]): TextLine[] | null {
  const clean = lines
    .map((l) => ({ text: l.text.replace(/\s+/g, " ").trim(), conf: l.conf }))
    .filter((l) => l.text !== "");
  const start = clean.findIndex((l) => /^(SALINAN\s+)?KEPUTUSAN\b/i.test(l.text));
  if (start < 0) return null;
  const out: TextLine[] = [clean[start]!];
  let sawTentang = false;
  for (let i = start + 1; i < clean.length && out.length < 12; i++) {
    const l = clean[i]!;
    if (STOP.test(l.text) || (sawTentang && SIGNER.test(l.text))) break;
    if (/^TENTANG\b/i.test(l.text)) sawTentang = true;
    out.push(l);
  }
  return sawTentang || out.some((l) => /\bNOMOR\b/i.test(l.text)) ? out : null;
}
