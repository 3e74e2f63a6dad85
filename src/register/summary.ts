/**
 * The auditor's view: per jenis and year, how many decrees and files there are, the highest
 * serial, and the serials between 1 and the highest that have no file (the gaps). Pure.
 */
import { splitNomor } from "./rows.js";
import type { ArchivedDecree } from "./types.js";

export interface SummaryLine {
  jenis: string;
  tahun: number;
  decrees: number;
  files: number;
  highest: number;
  /** Missing serials as ranges, e.g. "4–6, 9"; "" when none. */
  gaps: string;
  gapCount: number;
}

export function summarise(files: ArchivedDecree[], jenisOrder: string[]): SummaryLine[] {
  const groups = new Map<
    string,
    { jenis: string; tahun: number; nomors: Set<string>; serials: Set<number>; files: number }
  >();
  for (const f of files) {
    const k = `${f.decree.jenis}\u0000${f.decree.tahun}`;
    let g = groups.get(k);
    if (!g) {
      g = {
        jenis: f.decree.jenis,
        tahun: f.decree.tahun,
        nomors: new Set(),
        serials: new Set(),
        files: 0,
      };
      groups.set(k, g);
    }
    g.files++;
    g.nomors.add(f.decree.nomor);
    const [n] = splitNomor(f.decree.nomor);
    if (Number.isSafeInteger(n) && n < Number.MAX_SAFE_INTEGER) g.serials.add(n);
  }
  const rank = (j: string) => (jenisOrder.includes(j) ? jenisOrder.indexOf(j) : jenisOrder.length);
  return [...groups.values()]
    .sort(
      (a, b) =>
        rank(a.jenis) - rank(b.jenis) ||
        (a.jenis < b.jenis ? -1 : a.jenis > b.jenis ? 1 : 0) ||
        a.tahun - b.tahun,
    )
    .map((g) => {
      let highest = 0;
      for (const n of g.serials) if (n > highest) highest = n;
      const { text, count } = gapRanges(g.serials, highest);
      return {
        jenis: g.jenis,
        tahun: g.tahun,
        decrees: g.nomors.size,
        files: g.files,
        highest,
        gaps: text,
        gapCount: count,
      };
    });
}

export function gapRanges(have: Set<number>, highest: number): { text: string; count: number } {
  const parts: string[] = [];
  let count = 0;
  let start = 0;
  for (let n = 1; n <= highest + 1; n++) {
    const missing = n <= highest && !have.has(n);
    if (missing) {
      count++;
      if (start === 0) start = n;
    } else if (start !== 0) {
      parts.push(start === n - 1 ? String(start) : `${start}–${n - 1}`);
      start = 0;
    }
  }
  return { text: parts.join(", "), count };
}
