/**
 * The quarantine sidecar: `<file name>.ALASAN.txt` next to the quarantined file, plain UTF-8 text
 * with LF line ends that a clerk opens in Notepad. CONTRACT (the register reads it): lines start
 * with `Berkas: `, `Alasan: `, `Kode: `, `Asal: `, `Waktu: `; then free lines on how to fix it.
 * Pure.
 */
import type { ConventionConfig } from "../config/schema.js";

export { SIDECAR_SUFFIX } from "../share/own-files.js";


export interface SidecarInput {
  /** The quarantined file's name (in the quarantine). */
  name: string;
  /** Indonesian sentence. */
  message: string;
  /** Reason code (a parse reason, or DUPLICATE / CONFLICT). */
  code: string;
  /** Folder it came from, relative to the share ("" for the share root). */
  origin: string;
  time: Date;
}

export function sidecarText(s: SidecarInput, rules: ConventionConfig): string {
  const first = rules.jenis[0];
  const code = first?.code ?? "JENIS";
  const alias = first?.aliases[0] ?? code;
  const lines = [
    `Berkas: ${s.name}`,
    `Alasan: ${s.message}`,
    `Kode: ${s.code}`,
    `Asal: ${s.origin === "" ? "(folder utama)" : s.origin}`,
    `Waktu: ${s.time.toISOString()}`,
    "",
    `Cara memperbaiki: ganti nama berkas dengan pola "<jenis> Nomor <nomor> Tahun <tahun> tentang <perihal>",`,
    `misalnya "${alias} Nomor 12 Tahun 2024 tentang Penetapan Daftar Pemilih Tetap.pdf", atau pola baku "${code}_2024_012_penetapan-daftar-pemilih-tetap.pdf".`,
    "Setelah namanya benar, arsipd memindahkan berkas ke foldernya dan menghapus catatan ini.",
  ];
  return `${lines.join("\n")}\n`;
}

/** Reads the contract lines back (for the register and tests); missing lines are absent keys. */
export function readSidecar(
  text: string,
): Partial<Record<"berkas" | "alasan" | "kode" | "asal" | "waktu", string>> {
  const out: Partial<Record<"berkas" | "alasan" | "kode" | "asal" | "waktu", string>> = {};
  for (const line of text.split(/\r?\n/)) {
    const m = /^(Berkas|Alasan|Kode|Asal|Waktu): (.*)$/.exec(line);
    if (m) out[m[1]!.toLowerCase() as keyof typeof out] = m[2]!;
  }
  return out;
}
