/**
 * OCR with the `tesseract` CLI and its Indonesian model; PDF pages are rendered with poppler's
 * `pdftoppm` first. Direct tesseract rather than ocrmypdf: arsipd needs the words and their
 * confidences of two pages, not a rewritten PDF, and ocrmypdf (a Python stack on top of the
 * same tesseract) adds a dependency and ~1 s start-up per file for nothing here.
 * `--psm 1` lets tesseract's orientation detection (osd model) turn a rotated scan upright.
 */
import { execFile } from "node:child_process";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { ArsipdError } from "../errors.js";
import type { TextLine } from "./types.js";

/** OCR cannot run on this machine: the message says which Debian package to install. */
export class OcrMissingError extends ArsipdError {
  constructor(what: string) {
    super(
      "OCR_MISSING",
      "fatal",
      `${what} tidak ditemukan: pasang paket Debian 'tesseract-ocr tesseract-ocr-ind poppler-utils' (apt-get install tesseract-ocr tesseract-ocr-ind poppler-utils), atau matikan OCR dengan ocr.enabled: false`,
    );
    this.name = "OcrMissingError";
  }
}

export interface OcrOptions {
  /** Kills a run that takes longer (a huge page must not hold the queue forever). */
  timeoutMs: number;
  lang: string;
  signal?: AbortSignal | undefined;
}

/** Runs an OCR tool (tesseract, pdftoppm) bounded by `o`; a missing tool is OcrMissingError. */
export function runTool(cmd: string, args: string[], o: OcrOptions): Promise<string> {
  return new Promise((resolve, reject) => {
    execFile(
      cmd,
      args,
      { timeout: o.timeoutMs, maxBuffer: 32 << 20, signal: o.signal, encoding: "utf8" },
      (err, stdout, stderr) => {
        if (!err) return resolve(stdout);
        if ((err as NodeJS.ErrnoException).code === "ENOENT")
          return reject(new OcrMissingError(cmd));
        if (/Failed loading language|Error opening data file/i.test(stderr))
          return reject(new OcrMissingError(`Model bahasa '${o.lang}' untuk tesseract`));
        reject(
          new ArsipdError(
            "OCR_FAILED",
            "fatal",
            `${cmd}: ${stderr.split("\n")[0] || err.message}`,
            { cause: err },
          ),
        );
      },
    );
  });
}

/** Lines of an image file (PNG, JPEG, TIFF) with each line's mean word confidence. */
export async function ocrImage(abs: string, o: OcrOptions): Promise<TextLine[]> {
  const tsv = await runTool("tesseract", [abs, "stdout", "-l", o.lang, "--psm", "1", "tsv"], o);
  return linesOfTsv(tsv);
}

/** Renders page `page` of a PDF at 300 dpi (grey) and reads it. */
export async function ocrPdfPage(abs: string, page: number, o: OcrOptions): Promise<TextLine[]> {
  const dir = await mkdtemp(path.join(tmpdir(), "arsipd-ocr-"));
  try {
    const out = path.join(dir, "page");
    const n = String(page);
    await runTool(
      "pdftoppm",
      ["-r", "300", "-gray", "-png", "-f", n, "-l", n, "-singlefile", abs, out],
      o,
    );
    return await ocrImage(`${out}.png`, o);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

/** tesseract's TSV: one row per word (level 5) with block/paragraph/line numbers and conf. */
export function linesOfTsv(tsv: string): TextLine[] {
  const lines = new Map<string, { words: string[]; confs: number[] }>();
  for (const row of tsv.split("\n").slice(1)) {
    const c = row.split("\t");
    if (c.length < 12 || c[0] !== "5") continue;
    const word = (c[11] ?? "").trim();
    const conf = Number(c[10]);
    if (!word || !(conf >= 0)) continue;
    const key = `${c[1]}.${c[2]}.${c[3]}.${c[4]}`;
    const l = lines.get(key) ?? { words: [], confs: [] };
    lines.set(key, l);
    l.words.push(word);
    l.confs.push(conf);
  }
  return [...lines.values()].map((l) => ({
    text: l.words.join(" "),
    conf: l.confs.reduce((a, b) => a + b, 0) / l.confs.length,
  }));
}
