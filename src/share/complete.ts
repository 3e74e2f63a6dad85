/**
 * Whether a file's bytes end the way its format says a finished file ends: a save that paused
 * longer than the quiet window (Wi-Fi, VPN, an Explorer copy that sets the size first) looks
 * settled but is cut short, and must not be filed. Checks the tail only (one bounded read):
 * - PDF: `%%EOF` within the last 1,024 bytes, the rule PDF readers apply (tools and scanners
 *   leave whitespace, NULs or a few stray bytes after it; an incrementally updated PDF has
 *   several, one near the end counts);
 * - JPEG: the end-of-image marker FF D9 (trailing NULs, as some scanners pad, allowed);
 * - PNG: the IEND chunk;
 * - DOCX/XLSX/ODT (zip): the end-of-central-directory record within the last 64 KiB + 22 bytes;
 * - other formats (TIFF, DOC …) have no reliable end marker: "unknown", the quiet window decides.
 * Only a file that starts as its format does is judged by its end: one that does not is not that
 * format at all ("unknown": the name's extension lies, nothing is known of its end). A file whose
 * head is still all NULs (a copy that set the size first) or that is empty is incomplete.
 */
import { constants } from "node:fs";
import { open } from "node:fs/promises";

export type Completeness = "complete" | "incomplete" | "unknown";

const ZIP = new Set(["docx", "xlsx", "odt", "ods", "pptx", "odp", "zip"]);
const CHECKED = new Set(["pdf", "jpg", "jpeg", "png", ...ZIP]);
/** A zip's EOCD is 22 bytes plus a comment of at most 65,535. */
const ZIP_TAIL = 22 + 65_535;
const PDF_TAIL = 1024;

export function isChecked(ext: string): boolean {
  return CHECKED.has(ext.toLowerCase());
}

/** Reads the tail of `abs` (opened without following a link) and judges it by `ext`. */
export async function completeness(abs: string | Buffer, ext: string): Promise<Completeness> {
  const e = ext.toLowerCase();
  if (!CHECKED.has(e)) return "unknown";
  const fh = await open(abs, constants.O_RDONLY | constants.O_NOFOLLOW);
  try {
    const { size } = await fh.stat();
    const head = Buffer.alloc(Math.min(size, 8));
    if (head.length > 0) await fh.read(head, 0, head.length, 0);
    if (head.every((b) => b === 0)) return "incomplete";
    if (!startsAs(head, e)) return "unknown";
    const want = Math.min(size, ZIP.has(e) ? ZIP_TAIL : PDF_TAIL);
    const buf = Buffer.alloc(want);
    if (want > 0) await fh.read(buf, 0, want, size - want);
    return judgeTail(buf, e) ? "complete" : "incomplete";
  } finally {
    await fh.close();
  }
}

const MAGIC: Record<string, Buffer> = {
  pdf: Buffer.from("%PDF-", "latin1"),
  jpg: Buffer.from([0xff, 0xd8]),
  jpeg: Buffer.from([0xff, 0xd8]),
  png: Buffer.from([0x89, 0x50, 0x4e, 0x47]),
};
const ZIP_MAGIC = Buffer.from([0x50, 0x4b, 0x03, 0x04]);

/** Pure: whether `head` (the first bytes) starts a file of type `ext`. */
export function startsAs(head: Buffer, ext: string): boolean {
  const magic = ZIP.has(ext) ? ZIP_MAGIC : MAGIC[ext];
  return magic !== undefined && head.subarray(0, magic.length).equals(magic);
}

/** Pure: whether `tail` (the last bytes of a file) ends a finished file of type `ext`. */
export function judgeTail(tail: Buffer, ext: string): boolean {
  const e = ext.toLowerCase();
  if (e === "pdf") {
    return tail.subarray(Math.max(0, tail.length - PDF_TAIL)).includes("%%EOF", 0, "latin1");
  }
  if (e === "jpg" || e === "jpeg") {
    let end = tail.length;
    while (end > 0 && tail[end - 1] === 0) end--;
    return end >= 2 && tail[end - 2] === 0xff && tail[end - 1] === 0xd9;
  }
  if (e === "png") {
    const iend = Buffer.from([0x49, 0x45, 0x4e, 0x44, 0xae, 0x42, 0x60, 0x82]);
    return tail.length >= 8 && tail.subarray(tail.length - 8).equals(iend);
  }
  if (ZIP.has(e)) {
    // The EOCD signature, whose comment length reaches exactly to the end of the file.
    for (let i = tail.length - 22; i >= 0; i--) {
      if (tail.readUInt32LE(i) !== 0x06054b50) continue;
      if (i + 22 + tail.readUInt16LE(i + 20) === tail.length) return true;
    }
    return false;
  }
  return true;
}
