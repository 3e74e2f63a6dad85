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
  const pages = await readPdfPages(abs, size);
  if (!pages) return {};
  const fields = extractPdfFields(pages.first);
  if (!fields.tanggalPenetapan && pages.last !== null) {
    const last = extractPdfFields(pages.last);
    if (last.tanggalPenetapan) fields.tanggalPenetapan = last.tanggalPenetapan;
  }
  return fields;
}

/**
 * The text layer of the first page and (when there are more) of the last page, where the
 * signature and the date are. Null when pdfjs cannot open the file or it is too large; a scan
 * without a text layer gives empty strings.
 */
export async function readPdfPages(
  abs: string,
  size: number,
): Promise<{ first: string; last: string | null; pages: number } | null> {
  if (size > MAX_BYTES) return null;
  try {
    pdfjs ??= import("pdfjs-dist/legacy/build/pdf.mjs");
    const lib = await pdfjs;
    const data = new Uint8Array(await readRegular(abs, MAX_BYTES));
    const doc = await lib.getDocument({ data, isEvalSupported: false, verbosity: 0 }).promise;
    try {
      const first = await pageText(doc, 1);
      const last = doc.numPages > 1 ? await pageText(doc, doc.numPages) : null;
      return { first, last, pages: doc.numPages };
    } finally {
      await doc.destroy();
    }
  } catch {
    return null;
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
