/**
 * Reads the tanggal penetapan and the full "tentang" out of a decree's text layer. Pure.
 * - tanggal: the date after "pada tanggal" (the "Ditetapkan di <tempat> pada tanggal …" block),
 *   else the first Indonesian date after "Ditetapkan".
 * - tentang: the lines after the heading "TENTANG" up to the signer's title (KETUA/SEKRETARIS …,
 *   "DENGAN RAHMAT …") or "Menimbang", joined; an all-capitals title is put into title case.
 */
import { findIndonesianDate, parseTanggal } from "./dates.js";
import type { PdfFields } from "./types.js";

const STOP =
  /^(DENGAN\s+RAHMAT|KETUA|SEKRETARIS|KEPALA|MENTERI|GUBERNUR|BUPATI|WALI\s*KOTA|DIREKTUR|PLT\.?|PLH\.?|Menimbang|Mengingat|Memperhatikan|MEMUTUSKAN)\b/i;

export function extractPdfFields(text: string): PdfFields {
  const out: PdfFields = {};
  const tanggal = findTanggal(text);
  if (tanggal) out.tanggalPenetapan = tanggal;
  const tentang = findTentang(text);
  if (tentang) out.tentang = tentang;
  return out;
}

function findTanggal(text: string): string | null {
  const flat = text.replace(/\s+/g, " ");
  const m = /pada\s+tanggal\s*:?\s*([0-9]{1,2}[-/.][0-9]{1,2}[-/.][0-9]{4})/i.exec(flat);
  if (m) return parseTanggal(m[1]!);
  const p = /pada\s+tanggal\s*:?\s*(.{0,40})/i.exec(flat);
  if (p) {
    const d = findIndonesianDate(p[1]!);
    if (d) return d;
  }
  const at = flat.search(/ditetapkan/i);
  return at >= 0 ? findIndonesianDate(flat.slice(at, at + 200)) : null;
}

function findTentang(text: string): string | null {
  const lines = text.split(/\r?\n/).map((l) => l.replace(/\s+/g, " ").trim());
  const start = lines.findIndex((l) => /^TENTANG\b/.test(l));
  if (start < 0) return null;
  const parts: string[] = [];
  const rest = lines[start]!.replace(/^TENTANG\s*:?\s*/, "");
  if (rest) parts.push(rest);
  for (let i = start + 1; i < lines.length && parts.length < 12; i++) {
    const l = lines[i]!;
    if (l === "") {
      if (parts.length > 0) continue;
      continue;
    }
    if (STOP.test(l)) break;
    parts.push(l);
  }
  const joined = parts
    .join(" ")
    .replace(/\s+/g, " ")
    .replace(/[,;:]\s*$/, "")
    .trim();
  if (!joined) return null;
  return /[a-z]/.test(joined) ? joined : titleCase(joined);
}

const SMALL = new Set([
  "dan",
  "atau",
  "di",
  "ke",
  "dari",
  "pada",
  "untuk",
  "yang",
  "dalam",
  "serta",
  "oleh",
  "atas",
  "bagi",
  "dengan",
  "tentang",
  "sebagai",
  "terhadap",
  "antara",
]);
const ACRONYM = new Set([
  "KPU",
  "KPPS",
  "PPK",
  "PPS",
  "PPLN",
  "DPT",
  "DPS",
  "DPTB",
  "DPK",
  "DPRD",
  "DPR",
  "DPD",
  "RI",
  "TPS",
  "JDIH",
  "PKPU",
  "NKRI",
  "APBN",
  "APBD",
  "PNS",
  "ASN",
  "BAWASLU",
  "PANWASLU",
  "UU",
]);

export function titleCase(s: string): string {
  return s
    .split(" ")
    .map((w, i) => {
      const bare = w.replace(/[^A-Za-z]/g, "");
      if (ACRONYM.has(bare.toUpperCase()) || (/^[IVX]+$/.test(bare) && bare.length > 1)) return w;
      const lower = w.toLowerCase();
      if (i > 0 && SMALL.has(lower)) return lower;
      return lower.replace(/^([^a-z]*)([a-z])/, (_m, p: string, c: string) => p + c.toUpperCase());
    })
    .join(" ");
}
