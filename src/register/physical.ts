/**
 * The physical archive: where each decree's paper original sits, from the metadata column
 * `Lokasi Fisik` ("Lemari 1 / Boks 2", "Lemari A, Rak 3, Boks 12" …), grouped per box for the
 * sheet *Arsip Fisik* and the box labels. The text is split at its first "/" or "," into cabinet
 * and box; locations sort naturally ("Boks 2" before "Boks 10"). Decrees without a location come
 * last, as one group with `location` null, so they are listed, not lost. One entry per decree
 * (its first row in register order). Pure.
 */
import type { RegisterRow } from "./rows.js";

export interface BoxContent {
  /** The location as typed (trimmed, spaces collapsed); null = no location recorded. */
  location: string | null;
  cabinet: string;
  box: string;
  decrees: RegisterRow[];
}

const collator = new Intl.Collator("id", { numeric: true, sensitivity: "base" });

export function groupByLocation(rows: Iterable<RegisterRow>): BoxContent[] {
  const seen = new Set<string>();
  const boxes = new Map<string, BoxContent>();
  const none: BoxContent = { location: null, cabinet: "", box: "", decrees: [] };
  for (const r of rows) {
    const key = `${r.jenis}\u0000${r.tahun}\u0000${r.nomor}`;
    if (seen.has(key)) continue;
    seen.add(key);
    const loc = r.lokasiFisik.replace(/\s+/g, " ").trim();
    if (!loc) {
      none.decrees.push(r);
      continue;
    }
    const id = loc.toLowerCase();
    let b = boxes.get(id);
    if (!b) {
      const m = /^([^/,]+)[/,](.+)$/.exec(loc);
      b = {
        location: loc,
        cabinet: (m?.[1] ?? loc).trim(),
        box: (m?.[2] ?? "").trim(),
        decrees: [],
      };
      boxes.set(id, b);
    }
    b.decrees.push(r);
  }
  const out = [...boxes.values()].sort(
    (a, b) => collator.compare(a.cabinet, b.cabinet) || collator.compare(a.box, b.box),
  );
  if (none.decrees.length > 0) out.push(none);
  return out;
}

/** "Keputusan Ketua Nomor 12 Tahun 2024" style short title used on labels and in the sheet. */
export function shortTitle(r: RegisterRow): string {
  return `${r.jenis} ${r.nomor}/${r.tahun}`;
}
