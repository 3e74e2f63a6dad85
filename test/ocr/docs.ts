/**
 * Real decree documents for the OCR tests, rendered from known text with ghostscript:
 * `pdfwrite` gives a PDF with a text layer, `pdfimage24` an image-only PDF (a scan), `tiffg4` a
 * fax-style TIFF. `rotate` turns the page 90° as a scan fed in sideways.
 */
import { execFileSync } from "node:child_process";
import { randomBytes } from "node:crypto";
import { mkdirSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";

export interface DocSpec {
  /** Page texts, line by line (page 1 first). */
  pages: string[][];
  device: "pdfwrite" | "pdfimage24" | "tiffg4";
  rotate?: boolean;
}

const esc = (s: string) => s.replace(/[\\()]/g, (c) => `\\${c}`);

export function decreePages(o: {
  heading?: string;
  nomor: string;
  tahun: number;
  tentang: string;
  tanggal?: string;
  twoPages?: boolean;
}): string[][] {
  const head = [
    o.heading ?? "KEPUTUSAN KOMISI PEMILIHAN UMUM KOTA JAKARTA UTARA",
    `NOMOR ${o.nomor} TAHUN ${o.tahun}`,
    "TENTANG",
    o.tentang.toUpperCase(),
    "",
    "Menimbang : bahwa perlu menetapkan keputusan ini;",
  ];
  const sign = ["Ditetapkan di Jakarta", `pada tanggal ${o.tanggal ?? "12 Maret 2024"}`, "KETUA,"];
  return o.twoPages ? [head, ["MEMUTUSKAN:", "", ...sign]] : [[...head, "", ...sign]];
}

export function makeDoc(file: string, spec: DocSpec): string {
  const ps = ["%!PS"];
  for (const lines of spec.pages) {
    if (spec.rotate) ps.push("gsave 612 0 translate 90 rotate");
    let y = spec.rotate ? 520 : 720;
    for (const [i, l] of lines.entries()) {
      ps.push(`/Helvetica${i < 4 ? "-Bold" : ""} findfont 12 scalefont setfont`);
      ps.push(`72 ${y} moveto (${esc(l)}) show`);
      y -= 24;
    }
    if (spec.rotate) ps.push("grestore");
    ps.push("showpage");
  }
  const src = path.join(tmpdir(), `arsipd-doc-${randomBytes(6).toString("hex")}.ps`);
  writeFileSync(src, `${ps.join("\n")}\n`);
  mkdirSync(path.dirname(file), { recursive: true });
  const res = spec.device === "pdfwrite" ? [] : ["-r200"];
  try {
    execFileSync("gs", [
      "-q",
      "-dBATCH",
      "-dNOPAUSE",
      "-dSAFER",
      `-sDEVICE=${spec.device}`,
      ...res,
      `-sOutputFile=${file}`,
      src,
    ]);
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === "ENOENT")
      throw new Error("ghostscript is missing: apt-get install ghostscript");
    throw err;
  } finally {
    rmSync(src, { force: true });
  }
  return path.resolve(file);
}
