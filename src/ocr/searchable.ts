/**
 * Searchable copies of scans (`ocr.searchablePdf`, off by default), for publication on JDIH:
 * the scan itself is never changed; tesseract writes a PDF of every page with the recognised
 * text laid invisibly under the image (its `pdf` output, the same engine that checks the
 * decree: no second OCR tool to install).
 * - `makeSearchable` runs when a scan is OCR'd and keeps the copy by SHA-256 in
 *   `<stateDir>/ocr/<sha>.pdf` (a scan is read once, wherever it is later filed);
 * - `placeSearchable` puts it at `_PDF-TEKS/<JENIS>/<TAHUN>/<name>.pdf` in the share once the
 *   scan is filed there: mirrored with the archive, linked by the JDIHN feed's urlDownload. It
 *   never overwrites (temp file + link), and the organizer and the register leave that folder
 *   alone (it holds copies, not decrees).
 */
import { randomBytes } from "node:crypto";
import {
  copyFile,
  link,
  lstat,
  mkdir,
  mkdtemp,
  readdir,
  rename,
  rm,
  unlink,
  writeFile,
} from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { ensureDirInside } from "../organizer/fs-guard.js";
import { SEARCHABLE_DIR } from "../share/own-files.js";
import { type OcrOptions, runTool } from "./tesseract.js";

const IMAGES = new Set(["png", "jpg", "jpeg", "tif", "tiff"]);

export const searchableCache = (stateDir: string, sha: string) =>
  path.join(stateDir, "ocr", `${sha}.pdf`);

/** Writes the searchable PDF of the scan at `abs` to `out` (atomically); throws on failure. */
export async function makeSearchable(
  abs: string,
  ext: string,
  out: string,
  o: OcrOptions,
): Promise<void> {
  const dir = await mkdtemp(path.join(tmpdir(), "arsipd-teks-"));
  await mkdir(path.dirname(out), { recursive: true });
  try {
    let pages: string[];
    if (IMAGES.has(ext.toLowerCase())) pages = [abs];
    else {
      await runTool("pdftoppm", ["-r", "300", "-gray", "-png", abs, path.join(dir, "p")], o);
      pages = (await readdir(dir))
        .filter((n) => n.endsWith(".png"))
        .sort((a, b) => pageNo(a) - pageNo(b))
        .map((n) => path.join(dir, n));
    }
    const list = path.join(dir, "pages.txt");
    await writeFile(list, `${pages.join("\n")}\n`);
    await runTool("tesseract", [list, path.join(dir, "out"), "-l", o.lang, "pdf"], o);
    const tmp = `${out}.${randomBytes(6).toString("hex")}.tmp`;
    await copyFile(path.join(dir, "out.pdf"), tmp);
    await rename(tmp, out);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

const pageNo = (n: string) => Number(/-(\d+)\.png$/.exec(n)?.[1] ?? 0);

/**
 * Puts the searchable copy of the filed scan `rel` (SHA-256 `sha`) into the share, when one was
 * made and none is there yet; returns whether the share has one now.
 */
export async function placeSearchable(
  share: string,
  stateDir: string,
  rel: string,
  sha: string,
): Promise<boolean> {
  const src = searchableCache(stateDir, sha);
  if (!(await lstat(src).catch(() => null))) return false;
  const destRel = searchableRel(rel);
  const dest = path.join(share, ...destRel.split("/"));
  if (await lstat(dest).catch(() => null)) return true;
  await ensureDirInside(share, path.posix.dirname(destRel));
  const tmp = path.join(path.dirname(dest), `.arsipd-${randomBytes(6).toString("hex")}.tmp`);
  try {
    await copyFile(src, tmp);
    await link(tmp, dest).catch((err: NodeJS.ErrnoException) => {
      if (err.code !== "EEXIST") throw err;
    });
  } finally {
    await unlink(tmp).catch(() => undefined);
  }
  return true;
}

/** Where the searchable copy of the filed decree `rel` lives in the share (always `.pdf`). */
export function searchableRel(rel: string): string {
  return `${SEARCHABLE_DIR}/${rel.replace(/\.[^./]+$/, "")}.pdf`;
}
