/**
 * A minimal PDF writer for printable text pages: A4 portrait, the standard Helvetica fonts
 * (no font files embedded; every PDF viewer has them), WinAnsi text, lines and rectangles.
 * Enough for box labels and tables of contents, with no dependency and deterministic output.
 */
import { encodeCp1252 } from "../register/cp1252.js";

export const A4 = { width: 595.28, height: 841.89 } as const;

export type Op =
  | { text: string; x: number; y: number; size: number; bold?: boolean }
  | { rect: [number, number, number, number]; width?: number }
  | { line: [number, number, number, number] };

const esc = (b: Buffer) =>
  b
    .toString("latin1")
    .replace(/[\\()]/g, (c) => `\\${c}`)
    .replace(/[\r\n]/g, " ");

function content(ops: Op[]): Buffer {
  const parts: string[] = [];
  for (const op of ops) {
    if ("text" in op) {
      parts.push(
        `BT /${op.bold ? "F2" : "F1"} ${op.size} Tf ${op.x.toFixed(2)} ${op.y.toFixed(2)} Td (${esc(encodeCp1252(op.text))}) Tj ET`,
      );
    } else if ("rect" in op) {
      const [x, y, w, h] = op.rect;
      parts.push(`${op.width ?? 1} w ${x} ${y} ${w} ${h} re S`);
    } else {
      const [x1, y1, x2, y2] = op.line;
      parts.push(`0.5 w ${x1} ${y1} m ${x2} ${y2} l S`);
    }
  }
  return Buffer.from(parts.join("\n"), "latin1");
}

/** Helvetica's average glyph width is about half the font size: a safe line-length estimate. */
export function fitChars(widthPt: number, size: number): number {
  return Math.floor(widthPt / (size * 0.55));
}

/** Splits text into lines of at most `max` characters at spaces (long words are cut). */
export function wrap(text: string, max: number): string[] {
  const out: string[] = [];
  let cur = "";
  for (const word of text.split(/\s+/).filter(Boolean)) {
    let w = word;
    while (w.length > max) {
      if (cur) out.push(cur);
      cur = "";
      out.push(w.slice(0, max));
      w = w.slice(max);
    }
    if (!cur) cur = w;
    else if (cur.length + 1 + w.length <= max) cur += ` ${w}`;
    else {
      out.push(cur);
      cur = w;
    }
  }
  if (cur) out.push(cur);
  return out.length > 0 ? out : [""];
}

export function pdfDocument(pages: Op[][], title: string): Buffer {
  const objs: Buffer[] = [];
  const add = (b: Buffer | string) => {
    objs.push(typeof b === "string" ? Buffer.from(b, "latin1") : b);
    return objs.length;
  };
  const catalog = add("");
  const pagesId = add("");
  const f1 = add(
    "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>",
  );
  const f2 = add(
    "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica-Bold /Encoding /WinAnsiEncoding >>",
  );
  const kids: number[] = [];
  for (const ops of pages) {
    const c = content(ops);
    const cid = add(
      Buffer.concat([
        Buffer.from(`<< /Length ${c.length} >>\nstream\n`, "latin1"),
        c,
        Buffer.from("\nendstream", "latin1"),
      ]),
    );
    kids.push(
      add(
        `<< /Type /Page /Parent ${pagesId} 0 R /MediaBox [0 0 ${A4.width} ${A4.height}] /Resources << /Font << /F1 ${f1} 0 R /F2 ${f2} 0 R >> >> /Contents ${cid} 0 R >>`,
      ),
    );
  }
  objs[catalog - 1] = Buffer.from(`<< /Type /Catalog /Pages ${pagesId} 0 R >>`, "latin1");
  objs[pagesId - 1] = Buffer.from(
    `<< /Type /Pages /Kids [${kids.map((k) => `${k} 0 R`).join(" ")}] /Count ${kids.length} >>`,
    "latin1",
  );
  const info = add(`<< /Title (${esc(encodeCp1252(title))}) /Producer (arsipd) >>`);
  const chunks: Buffer[] = [Buffer.from("%PDF-1.4\n%\xe2\xe3\xcf\xd3\n", "latin1")];
  let at = chunks[0]!.length;
  const offsets: number[] = [];
  objs.forEach((b, i) => {
    offsets.push(at);
    const c = Buffer.concat([
      Buffer.from(`${i + 1} 0 obj\n`, "latin1"),
      b,
      Buffer.from("\nendobj\n", "latin1"),
    ]);
    chunks.push(c);
    at += c.length;
  });
  const xref = [
    "xref",
    `0 ${objs.length + 1}`,
    "0000000000 65535 f ",
    ...offsets.map((o) => `${String(o).padStart(10, "0")} 00000 n `),
    "trailer",
    `<< /Size ${objs.length + 1} /Root ${catalog} 0 R /Info ${info} 0 R >>`,
    "startxref",
    String(at),
    "%%EOF\n",
  ].join("\n");
  chunks.push(Buffer.from(xref, "latin1"));
  return Buffer.concat(chunks);
}
