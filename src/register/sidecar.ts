/**
 * The quarantine sidecar `<file name>.ALASAN.txt`, a contract with the organizer: plain text,
 * one `Key: value` per line — `Berkas`, `Alasan` (Indonesian message), `Kode` (reason code),
 * `Asal` (origin folder), `Waktu` (in the office's time zone, `2026-12-05 14:13 WIB`; ISO in older files). Unknown lines are ignored; keys are case-insensitive.
 */

export const SIDECAR_SUFFIX = ".ALASAN.txt";

export interface Sidecar {
  berkas?: string;
  alasan?: string;
  kode?: string;
  asal?: string;
  waktu?: string;
}

const KEYS: Record<string, keyof Sidecar> = {
  berkas: "berkas",
  alasan: "alasan",
  kode: "kode",
  asal: "asal",
  waktu: "waktu",
};

export function parseSidecar(text: string): Sidecar {
  const out: Sidecar = {};
  for (const line of text.replace(/^\uFEFF/, "").split(/\r?\n/)) {
    const m = /^\s*([A-Za-z]+)\s*:\s?(.*)$/.exec(line);
    if (!m) continue;
    const key = KEYS[m[1]!.toLowerCase()];
    const value = m[2]!.trim();
    if (key && value && out[key] === undefined) out[key] = value;
  }
  return out;
}
