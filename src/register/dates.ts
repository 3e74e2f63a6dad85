/**
 * Dates as staff and decrees write them, read into ISO `YYYY-MM-DD`: `2024-03-12`,
 * `12-03-2024`, `12/03/2024`, `12.03.2024` (day first, as in Indonesia), and Indonesian
 * `12 Maret 2024` (full or short month names). Impossible dates (31 Februari) are rejected.
 * Pure.
 */

const MONTHS: Record<string, number> = {
  januari: 1,
  jan: 1,
  februari: 2,
  pebruari: 2,
  feb: 2,
  peb: 2,
  maret: 3,
  mar: 3,
  april: 4,
  apr: 4,
  mei: 5,
  juni: 6,
  jun: 6,
  juli: 7,
  jul: 7,
  agustus: 8,
  agu: 8,
  agt: 8,
  ags: 8,
  agst: 8,
  september: 9,
  sep: 9,
  sept: 9,
  oktober: 10,
  okt: 10,
  november: 11,
  nov: 11,
  nopember: 11,
  nop: 11,
  desember: 12,
  des: 12,
};

/** Regex source for an Indonesian date ("12 Maret 2024"), for finding dates in running text. */
export const INDONESIAN_DATE = `(\\d{1,2})\\s+(${Object.keys(MONTHS)
  .sort((a, b) => b.length - a.length)
  .join("|")})\\.?\\s+(\\d{4})`;

export function isoDate(y: number, m: number, d: number): string | null {
  if (m < 1 || m > 12 || d < 1 || y < 1000 || y > 9999) return null;
  const dt = new Date(Date.UTC(y, m - 1, d));
  if (dt.getUTCMonth() !== m - 1 || dt.getUTCDate() !== d) return null;
  return `${y}-${String(m).padStart(2, "0")}-${String(d).padStart(2, "0")}`;
}

export function parseTanggal(input: string): string | null {
  const s = input.trim().replace(/\s+/g, " ");
  let m = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(s);
  if (m) return isoDate(Number(m[1]), Number(m[2]), Number(m[3]));
  m = /^(\d{1,2})[-/.](\d{1,2})[-/.](\d{4})$/.exec(s);
  if (m) return isoDate(Number(m[3]), Number(m[2]), Number(m[1]));
  m = new RegExp(`^${INDONESIAN_DATE}$`, "i").exec(s);
  if (m) return isoDate(Number(m[3]), MONTHS[m[2]!.toLowerCase()]!, Number(m[1]));
  return null;
}

/** Finds the first Indonesian date in running text, as ISO. */
export function findIndonesianDate(text: string): string | null {
  const m = new RegExp(INDONESIAN_DATE, "i").exec(text);
  return m ? isoDate(Number(m[3]), MONTHS[m[2]!.toLowerCase()]!, Number(m[1])) : null;
}

/** ISO date → a Date at UTC midnight (how spreadsheets store a calendar date). */
export function dateCell(iso: string): Date {
  const [y, m, d] = iso.split("-").map(Number) as [number, number, number];
  return new Date(Date.UTC(y, m - 1, d));
}

/**
 * A moment → a Date whose UTC fields are the local wall-clock time: spreadsheets have no time
 * zones, and a clerk in Jakarta expects the time on the office clock, not UTC.
 */
export function wallClock(ms: number): Date {
  return new Date(Math.round(ms) - offsetMinutes(ms) * 60_000);
}

/**
 * getTimezoneOffset asks ICU each time (~µs, 300,000 calls per register). Offsets change a
 * few times a year, so it is remembered per 15-minute bucket (bounded map) when the bucket's
 * first and last millisecond agree; a bucket holding a transition (St. John's switched at
 * 00:01) is marked and asked directly.
 */
const BUCKET_MS = 15 * 60_000;
const offsets = new Map<number, number>();

function offsetMinutes(ms: number): number {
  const bucket = Math.floor(ms / BUCKET_MS);
  let off = offsets.get(bucket);
  if (off === undefined) {
    if (offsets.size >= 50_000) offsets.clear();
    const first = new Date(bucket * BUCKET_MS).getTimezoneOffset();
    const last = new Date(bucket * BUCKET_MS + BUCKET_MS - 1).getTimezoneOffset();
    off = first === last ? first : Number.NaN;
    offsets.set(bucket, off);
  }
  return Number.isNaN(off) ? new Date(ms).getTimezoneOffset() : off;
}

/** "YYYY-MM-DD HH:MM:SS" in local wall-clock time. */
export function wallClockText(ms: number): string {
  return wallClock(ms).toISOString().slice(0, 19).replace("T", " ");
}
