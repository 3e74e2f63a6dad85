/** Helpers for the register tests: a fake parser, real PDFs with a text layer, LibreOffice. */
import { execFile } from "node:child_process";
import { mkdir, mkdtemp, readdir, utimes, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import type { ConventionConfig } from "../../src/config/schema.js";
import type { ParseResult } from "../../src/convention/types.js";

/**
 * A tiny stand-in parser (the register takes any parser): `<JENIS>_<TAHUN>_<NNN>[_QUAL]_<slug>.<ext>`.
 */
export function fakeParse(name: string, rules: ConventionConfig): ParseResult {
  const m =
    /^([A-Z-]+)_(\d{4})_(\d+[A-Z]?)(?:_(LAMPIRAN-\d+|SALINAN))?_([a-z0-9-]+)\.([a-z]+)$/.exec(name);
  if (!m || !rules.jenis.some((j) => j.code === m[1])) {
    return { ok: false, reason: "X", message: "tidak", messageEn: "no" };
  }
  return {
    ok: true,
    decree: {
      jenis: m[1]!,
      tahun: Number(m[2]),
      nomor: m[3]!.replace(/^0+(?=\d)/, ""),
      qualifier: m[4] ?? null,
      tentang: m[5]!.replace(/-/g, " "),
      ext: m[6]!,
    },
    path: `${m[1]}/${m[2]}/${name}`,
  };
}

/** A one-page PDF with a real text layer (Helvetica), one line per entry. */
export function minimalPdf(lines: string[]): Buffer {
  const esc = (s: string) => s.replace(/[\\()]/g, (c) => `\\${c}`);
  const content = [
    "BT",
    "/F1 11 Tf",
    "14 TL",
    "72 770 Td",
    ...lines.map((l) => `(${esc(l)}) Tj T*`),
    "ET",
  ].join("\n");
  const objs = [
    "<< /Type /Catalog /Pages 2 0 R >>",
    "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
    "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 4 0 R >> >> /Contents 5 0 R >>",
    "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>",
    `<< /Length ${Buffer.byteLength(content, "latin1")} >>\nstream\n${content}\nendstream`,
  ];
  let out = "%PDF-1.4\n";
  const offs: number[] = [];
  objs.forEach((o, i) => {
    offs.push(Buffer.byteLength(out, "latin1"));
    out += `${i + 1} 0 obj\n${o}\nendobj\n`;
  });
  const xref = Buffer.byteLength(out, "latin1");
  out += `xref\n0 ${objs.length + 1}\n0000000000 65535 f \n`;
  out += offs.map((o) => `${String(o).padStart(10, "0")} 00000 n \n`).join("");
  out += `trailer\n<< /Size ${objs.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return Buffer.from(out, "latin1");
}

export async function tempDir(prefix = "arsipd-reg-"): Promise<string> {
  return mkdtemp(path.join(os.tmpdir(), prefix));
}

/** Writes a file with a fixed mtime (seconds since epoch), creating folders. */
export async function put(
  root: string,
  rel: string,
  data: string | Buffer,
  mtimeSec = 1_710_000_000,
): Promise<string> {
  const abs = path.join(root, rel);
  await mkdir(path.dirname(abs), { recursive: true });
  await writeFile(abs, data);
  await utimes(abs, mtimeSec, mtimeSec);
  return abs;
}

const run = promisify(execFile);

/**
 * Converts every sheet of a workbook to CSV with LibreOffice (`;`, UTF-8, values as shown), in a
 * private profile so parallel runs do not collide. Returns sheet name → CSV text.
 */
export async function sofficeSheets(xlsx: string): Promise<Map<string, string>> {
  const work = await tempDir("arsipd-soffice-");
  const outDir = path.join(work, "out");
  await run(
    "soffice",
    [
      `-env:UserInstallation=file://${path.join(work, "profile")}`,
      "--headless",
      "--convert-to",
      "csv:Text - txt - csv (StarCalc):59,34,76,1,,1033,false,true,true,false,false,-1",
      "--outdir",
      outDir,
      xlsx,
    ],
    { timeout: 120_000 },
  );
  const { readFile } = await import("node:fs/promises");
  const base = path.basename(xlsx, ".xlsx");
  const sheets = new Map<string, string>();
  for (const f of await readdir(outDir)) {
    const sheet = f.slice(base.length + 1, -".csv".length);
    sheets.set(sheet, await readFile(path.join(outDir, f), "utf8"));
  }
  return sheets;
}
