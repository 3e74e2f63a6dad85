/**
 * The register's columns: Indonesian headers in the agreed order, and widths for the XLSX, chosen
 * so the printed sheet (A4 landscape, one page wide) stays readable: long texts wrap instead of
 * widening their column. `technical` columns (folder, link, hash) are a collapsed group in the
 * XLSX: one click away on screen, left out of print (the file name already links to OwnCloud).
 */

export const REGISTER_COLUMNS: readonly {
  header: string;
  width: number;
  technical?: boolean;
}[] = [
  { header: "No", width: 7 },
  { header: "Jenis", width: 15 },
  { header: "Nomor", width: 9 },
  { header: "Tahun", width: 8 },
  { header: "Tentang", width: 45 },
  { header: "Tanggal Penetapan", width: 11 },
  { header: "Status", width: 10 },
  { header: "Nama File", width: 34 },
  { header: "Folder", width: 22, technical: true },
  { header: "Tautan OwnCloud", width: 45, technical: true },
  { header: "Ukuran", width: 10 },
  { header: "SHA-256", width: 66, technical: true },
  { header: "Terakhir Diubah", width: 16 },
  { header: "Status Sinkronisasi", width: 13 },
  { header: "Lokasi Fisik", width: 14 },
  { header: "Keterangan", width: 28 },
] as const;

export const REGISTER_HEADERS: string[] = REGISTER_COLUMNS.map((c) => c.header);
