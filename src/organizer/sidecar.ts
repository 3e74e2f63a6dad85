/**
 * The quarantine sidecar: `<file name>.ALASAN.txt` next to the quarantined file, plain UTF-8 text
 * with LF line ends that a clerk opens in Notepad. CONTRACT (the register reads it): lines start
 * with `Berkas: `, `Alasan: `, `Kode: `, `Asal: `, `Waktu: `, optionally `Saran nama: ` (a name
 * read from the document itself); then free lines on how to fix it.
 * Pure.
 */
import type { ConventionConfig } from "../config/schema.js";
import { officeTime } from "../util/office-time.js";

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
  /** A name read from the document's own heading (ocr/compare.ts); advice, never applied. */
  suggestion?: string | null | undefined;
  /** The office's time zone (config `timezone`); the time is shown in it. */
  timezone: string;
}

export function sidecarText(s: SidecarInput, rules: ConventionConfig): string {
  const lines = [
    `Berkas: ${s.name}`,
    `Alasan: ${s.message}`,
    `Kode: ${s.code}`,
    `Asal: ${s.origin === "" ? "(folder utama)" : s.origin}`,
    `Waktu: ${officeTime(s.time, s.timezone)}`,
    ...(s.suggestion ? [`Saran nama: ${s.suggestion}`] : []),
    "",
    ...howToFix(s.code, rules),
  ];
  return `${lines.join("\n")}\n`;
}

/**
 * What the clerk can do. A name that cannot be read: rename it. A second copy of a filed
 * document: a rename would only meet the filed one again, so the advice is to delete the copy in
 * the quarantine. Never to delete a filed decree: a clerk who thinks the quarantined file is the
 * better one hands the case to the archive's keeper, who can replace the filed file (the file
 * here is then filed on the next pass: its name is readable and its place free).
 */
function howToFix(code: string, rules: ConventionConfig): string[] {
  const keeper =
    "Bila berkas ini versi yang benar dari keputusan yang sama (misalnya hasil pindai ulang), serahkan kepada pengelola arsip; jangan menghapus berkas yang sudah diarsipkan.";
  if (code === "DUPLICATE") {
    return [
      "Cara memperbaiki: arsip sudah menyimpan berkas yang sama persis; hapus saja berkas di karantina ini.",
    ];
  }
  if (code === "CONFLICT") {
    return [
      "Cara memperbaiki: bandingkan berkas ini dengan berkas yang sudah diarsipkan.",
      "Bila ini keputusan lain, ganti namanya dengan jenis, nomor dan tahun yang benar; arsipd lalu memindahkannya ke foldernya.",
      keeper,
    ];
  }
  if (code === "ISI_BERBEDA") {
    return [
      "Cara memperbaiki: buka dokumennya dan bandingkan jenis, nomor dan tahun pada judulnya dengan nama berkas.",
      "Bila nama berkas yang salah, ganti namanya sesuai isi dokumen (lihat 'Saran nama' bila ada); arsipd lalu memindahkannya ke foldernya.",
      "Bila dokumennya yang salah (salah pindai atau salah berkas), pindai ulang atau simpan berkas yang benar dengan nama ini, lalu hapus berkas ini.",
    ];
  }
  if (code === "INCOMPLETE") {
    return [
      "Cara memperbaiki: simpan atau pindai ulang keputusan ini sampai selesai, lalu letakkan lagi di folder MASUK; hapus berkas yang terpotong ini bila berkas utuhnya sudah ada.",
    ];
  }
  if (code === "OTHER_OFFICE" || code === "OTHER_OFFICE_CODE") {
    return [
      "Cara memperbaiki: keputusan instansi lain disimpan di luar folder arsip ini (misalnya di folder dokumen umum); pindahkan berkas ini ke sana. Jangan mengganti namanya agar masuk arsip.",
    ];
  }
  const first = rules.jenis[0];
  const jenis = first?.code ?? "JENIS";
  const alias = first?.aliases[0] ?? jenis;
  const pattern = `ganti nama berkas dengan pola "<jenis> Nomor <nomor> Tahun <tahun> tentang <perihal>",`;
  const filedOnce =
    "Setelah namanya benar, arsipd memindahkan berkas ke foldernya dan menghapus catatan ini.";
  const rename = [
    `misalnya "${alias} Nomor 12 Tahun 2024 tentang Penetapan Daftar Pemilih Tetap.pdf", atau pola baku "${jenis}_2024_012_penetapan-daftar-pemilih-tetap.pdf".`,
    filedOnce,
  ];
  // Renamed to the pattern, one page (or one part, reasons.ts PAGE_ONLY:part) would be filed as
  // the whole decree.
  if (code === "PAGE_ONLY") {
    return [
      `Cara memperbaiki: gabungkan semua halaman (atau bagian) keputusan ini menjadi satu berkas PDF, beri nama tanpa nomor halaman atau bagian (misalnya "${alias} Nomor 12 Tahun 2024 tentang ….pdf"), lalu letakkan di folder MASUK; setelah itu hapus berkas per halaman ini. Jangan mengganti nama satu halaman saja agar masuk arsip.`,
      "Bila berkas ini memang memuat seluruh keputusan, hapus nomor halaman atau bagian dari namanya; arsipd lalu memindahkannya ke foldernya.",
    ];
  }
  // Several attachments in one name, or a sync client's conflict copy: the reason itself says
  // what to do for each case (split the file, keep one attachment's number, compare the two
  // versions and move one out); renaming to the pattern alone would drop the attachment or
  // file the wrong version.
  if (code === "AMBIGUOUS_QUALIFIER") {
    return [
      "Cara memperbaiki: ikuti saran pada baris Alasan di atas; jangan menghapus berkas yang sudah diarsipkan.",
      filedOnce,
    ];
  }
  const check =
    "Cara memperbaiki: periksa dulu dokumennya. Bila ini bukan keputusan Ketua atau Sekretaris kantor ini (keputusan instansi lain, surat, undangan, laporan), pindahkan berkas ini ke luar folder arsip; jangan mengganti namanya agar masuk arsip.";
  // Another office in the subject, as a tag or as another area's voter list or body: renamed to
  // the pattern with the same subject, it is refused again. This office's decree says so in
  // its head, and a tag saying where the file came from goes.
  if (code === "OFFICE_IN_SUBJECT") {
    const title = (t: string) => t.replace(/\b[a-z]/g, (c) => c.toUpperCase());
    const office = rules.office?.names[0];
    return [
      check,
      `Bila ini memang keputusan kantor ini, tulis nama kantor ini setelah jenisnya dan hapus tanda asal berkas bila ada (dalam kurung, setelah '-' atau 'dari'), misalnya "${title(alias)} KPU ${office ? title(office) : "<kota/kabupaten kantor ini>"} Nomor 12 Tahun 2024 tentang <perihal>.pdf"; nama dengan pola biasa tanpa nama kantor ini akan ditolak lagi.`,
      filedOnce,
    ];
  }
  // The name may be another body's decree or no decree at all, as its reason says: renaming it
  // to the pattern first would file it as this office's.
  if (EITHER_WAY.has(code)) {
    return [check, `Bila ini memang keputusan kantor ini, ${pattern}`, ...rename];
  }
  return [`Cara memperbaiki: ${pattern}`, ...rename];
}

/**
 * Reasons that give two ways out: this office's decree typed unclearly, or another body's
 * document or no decree (a "Ralat"/"Koreksi" before a decree's number is a correction letter
 * as often as an amending decree: NUMBER_OF_OTHER).
 */
const EITHER_WAY = new Set([
  "NUMBER_OF_OTHER",
  "NO_JENIS_OTHER",
  "OFFICE_UNCLEAR",
  "DECREE_UNCLEAR",
  "ISSUER_UNCLEAR",
  "NOT_A_DECREE",
]);

/** The contract lines of a sidecar, as read back by the register, the web page and tests. */
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

/**
 * Reads the contract lines back, leniently (a clerk may have opened and saved the file: a BOM,
 * CRLF, other spacing or case are accepted); unknown and free lines are ignored, the first of a
 * key wins, missing lines are absent keys.
 */
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
