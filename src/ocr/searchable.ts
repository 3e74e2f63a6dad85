import {
  copyFile,
  link,
  lstat,
  mkdir,
  mkdtemp,
  readdir,
  readFile,
  rm,
  unlink,
  writeFile,
} from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { ensureDirInside } from "../organizer/fs-guard.js";
import { SEARCHABLE_DIR } from "../share/own-files.js";
import { tempName, writeFileAtomic } from "../util/atomic-write.js";
import { needsOcr } from "./read.js";
import { type OcrOptions, runTool } from "./tesseract.js";

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
    if (needsOcr(ext)) pages = [abs];
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
    await writeFileAtomic(out, await readFile(path.join(dir, "out.pdf")));
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
  const tmp = tempName(path.dirname(dest));
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
