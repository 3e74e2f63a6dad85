/**
 * Reads a decree file's first and last page: the PDF text layer where there is one (the
 * register's pdfjs reader), else OCR (tesseract). Images (PNG, JPEG, TIFF) are OCR'd directly.
 * Returns null for a file that has nothing to read (a Word file, an unreadable PDF) or when a
 * scan needs OCR and OCR is off.
 */
import { readPdfPages } from "../register/pdf-text.js";
import { type OcrOptions, ocrImage, ocrPdfPage } from "./tesseract.js";
import type { PageText, TextLine } from "./types.js";

const IMAGES = new Set(["png", "jpg", "jpeg", "tif", "tiff"]);
/** Fewer letters than this on the first page: a scan with no (or a stray) text layer. */
const MIN_TEXT = 40;

/** An image scan: its text comes only from OCR. */
export function needsOcr(ext: string): boolean {
  return IMAGES.has(ext.toLowerCase());
}

/** What this reader can read at all: PDFs (text layer or OCR) and image scans. */
export function isReadable(ext: string): boolean {
  const e = ext.toLowerCase();
  return e === "pdf" || IMAGES.has(e);
}

const asLines = (s: string): TextLine[] => s.split(/\r?\n/).map((text) => ({ text, conf: 100 }));

export type ReadOutcome =
  | { kind: "read"; page: PageText }
  /** A scan: its text must come from OCR (`readByOcr`). */
  | { kind: "scan"; pages: number }
  /** Nothing this reader can read (not a PDF or image, or a damaged PDF). */
  | { kind: "none" };

/** The cheap part: a PDF's text layer. Never runs OCR. */
export async function readTextLayer(abs: string, ext: string, size: number): Promise<ReadOutcome> {
  const e = ext.toLowerCase();
  if (IMAGES.has(e)) return { kind: "scan", pages: 1 };
  if (e !== "pdf") return { kind: "none" };
  const pages = await readPdfPages(abs, size);
  if (!pages) return { kind: "none" };
  if (pages.first.replace(/\s/g, "").length < MIN_TEXT) return { kind: "scan", pages: pages.pages };
  return {
    kind: "read",
    page: {
      source: "text",
      first: asLines(pages.first),
      last: pages.last === null ? null : asLines(pages.last),
    },
  };
}

/** OCR of the first page and, when there is more than one, the last. */
export async function readByOcr(
  abs: string,
  ext: string,
  pages: number,
  o: OcrOptions,
): Promise<PageText> {
  if (IMAGES.has(ext.toLowerCase()))
    return { source: "ocr", first: await ocrImage(abs, o), last: null };
  const first = await ocrPdfPage(abs, 1, o);
  const last = pages > 1 ? await ocrPdfPage(abs, pages, o) : null;
  return { source: "ocr", first, last };
}
