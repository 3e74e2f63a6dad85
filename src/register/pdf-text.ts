/**
 * The first (and, when the date is not there, the last) page's text of a PDF, via pdfjs-dist's
 * Node build. A PDF without a text layer (a plain scan) or that pdfjs cannot open gives "".
 * Pages are joined line by line: a new line where pdfjs marks an end of line or the baseline
 * moves.
 */

import { readRegular } from "../util/safe-open.js";
import { extractPdfFields } from "./pdf-fields.js";
import type { PdfFields } from "./types.js";

type PdfJs = typeof import("pdfjs-dist/legacy/build/pdf.mjs");
let pdfjs: Promise<PdfJs> | undefined;

/** PDFs larger than this are not parsed (a 100 MB scan has no useful text layer). */
const MAX_BYTES = 64 * 1024 * 1024;

export async function readPdfFields(abs: string, size: number): Promise<PdfFields> {
  if (size > MAX_BYTES) return {};
  try {
    pdfjs ??= import("pdfjs-dist/legacy/build/pdf.mjs");
    const lib = await pdfjs;
    const data = new Uint8Array(await readRegular(abs, MAX_BYTES));
    const doc = await lib.getDocument({ data, isEvalSupported: false, verbosity: 0 }).promise;
    try {
      const first = await pageText(doc, 1);
      const fields = extractPdfFields(first);
      if (!fields.tanggalPenetapan && doc.numPages > 1) {
        const last = extractPdfFields(await pageText(doc, doc.numPages));
        if (last.tanggalPenetapan) fields.tanggalPenetapan = last.tanggalPenetapan;
      }
      return fields;
    } finally {
      await doc.destroy();
    }
  } catch {
    return {};
  }
}

async function pageText(
  doc: Awaited<ReturnType<PdfJs["getDocument"]>["promise"]>,
  n: number,
): Promise<string> {
  const page = await doc.getPage(n);
  const content = await page.getTextContent();
  let out = "";
  let lastY: number | undefined;
  for (const item of content.items) {
    if (!("str" in item)) continue;
    const y = item.transform[5] as number;
    if (lastY !== undefined && Math.abs(y - lastY) > 2 && !out.endsWith("\n")) out += "\n";
    out += item.str;
    if (item.hasEOL) out += "\n";
    lastY = y;
  }
  page.cleanup();
  return out;
}
