/** What arsipd reads out of a decree's own pages (text layer or OCR). */

/** One line of a page's text with how sure the reader is of it (0–100; a text layer is 100). */
export interface TextLine {
  text: string;
  conf: number;
}

export interface PageText {
  /** "text": the PDF's text layer; "ocr": Tesseract on the rendered page or the image. */
  source: "text" | "ocr";
  /** The first page, then (when there is more than one) the last, signature page. */
  first: TextLine[];
  last: TextLine[] | null;
}

/**
 * The decree the heading names ("KEPUTUSAN … NOMOR n TAHUN y TENTANG …"), read by the naming
 * convention's own parser, so a document and a file name are compared in one vocabulary.
 */
export interface ContentReading {
  source: "text" | "ocr";
  /** The heading as printed, one line (quoted to the clerk). */
  heading: string;
  /** Mean confidence (0–100) of the heading's words; below the threshold nothing is claimed. */
  confidence: number;
  /** Jenis code, nomor and tahun when the heading names this office's decree. */
  jenis: string | null;
  nomor: string | null;
  tahun: number | null;
  /** Set when the heading names another office (the convention's OTHER_OFFICE reading). */
  otherOffice: string | null;
  tentang: string | null;
  /** YYYY-MM-DD from "Ditetapkan di … pada tanggal …" (first or last page). */
  tanggalPenetapan: string | null;
}

/** A cache entry: keyed by the file's SHA-256, so a document is read once in its life. */
export interface CacheEntry {
  v: 1;
  /** "none": no text layer and OCR off, missing or failed (retried when OCR becomes available). */
  source: "text" | "ocr" | "none";
  reading: ContentReading | null;
  /** Why OCR did not run or failed (for the log and `arsipd check`). */
  note?: string;
  /** Where arsipd filed a file with these bytes (the duplicate check's index). */
  filedAs?: string;
}
