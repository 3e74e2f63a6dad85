/**
 * Box labels and tables of contents for the paper archive, one A4 page (or more) per box: a
 * framed label to cut out and stick on the box (cabinet, box, how many decrees, year range),
 * then the list of the decrees it holds. Decrees without a recorded location get their own
 * pages headed "Tanpa lokasi fisik", so a clerk sees what still needs a place. Pure.
 */
import type { BoxContent } from "../register/physical.js";
import { A4, fitChars, type Op, pdfDocument, wrap } from "./pdf.js";

const M = 50;
const LINE = 13;
const SIZE = 10;

export function labelsPdf(boxes: BoxContent[], office: string): Buffer {
  const pages: Op[][] = [];
  for (const b of boxes) pages.push(...boxPages(b, office));
  if (pages.length === 0)
    pages.push([{ text: "Belum ada keputusan di arsip.", x: M, y: A4.height - M - 20, size: 14 }]);
  return pdfDocument(pages, "Label boks arsip");
}

function boxPages(b: BoxContent, office: string): Op[][] {
  const years = b.decrees.map((r) => r.tahun);
  const range = years.length
    ? `${Math.min(...years)}${Math.max(...years) !== Math.min(...years) ? `-${Math.max(...years)}` : ""}`
    : "";
  const title = b.location ?? "Tanpa lokasi fisik";
  const page: Op[] = [];
  const top = A4.height - M;
  // The label: a framed block, large type, to cut out along the frame.
  page.push({ rect: [M, top - 150, A4.width - 2 * M, 150], width: 1.5 });
  page.push({ text: office, x: M + 14, y: top - 28, size: 12 });
  page.push({ text: title, x: M + 14, y: top - 70, size: 28, bold: true });
  page.push({
    text: b.location
      ? `${b.decrees.length} keputusan${range ? `, tahun ${range}` : ""}`
      : `${b.decrees.length} keputusan belum dicatat tempatnya: isi kolom Lokasi Fisik di metadata`,
    x: M + 14,
    y: top - 105,
    size: 14,
  });
  page.push({ text: "Daftar isi / Contents", x: M, y: top - 185, size: 13, bold: true });
  const pages: Op[][] = [page];
  let cur = page;
  let y = top - 210;
  const width = A4.width - 2 * M;
  const indent = 150;
  const chars = fitChars(width - indent, SIZE);
  let n = 0;
  for (const r of b.decrees) {
    n++;
    const lines = wrap(`${r.tentang || "-"}${r.status ? ` (${r.status})` : ""}`, chars);
    if (y - lines.length * LINE < M) {
      cur = [{ text: `${title} (lanjutan / continued)`, x: M, y: top, size: 13, bold: true }];
      pages.push(cur);
      y = top - 25;
    }
    cur.push({ text: `${n}. ${r.jenis} ${r.nomor}/${r.tahun}`, x: M, y, size: SIZE, bold: true });
    for (const l of lines) {
      cur.push({ text: l, x: M + indent, y, size: SIZE });
      y -= LINE;
    }
    cur.push({ line: [M, y + LINE - 4, M + width, y + LINE - 4] });
    y -= 3;
  }
  return pages;
}
