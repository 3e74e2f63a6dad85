/** The register's columns: Indonesian headers in the agreed order, and widths for the XLSX. */

export const REGISTER_COLUMNS = [
  { header: "No", width: 7 },
  { header: "Jenis", width: 18 },
  { header: "Nomor", width: 9 },
  { header: "Tahun", width: 8 },
  { header: "Tentang", width: 60 },
  { header: "Tanggal Penetapan", width: 14 },
  { header: "Status", width: 10 },
  { header: "Nama File", width: 55 },
  { header: "Folder", width: 22 },
  { header: "Tautan OwnCloud", width: 45 },
  { header: "Ukuran", width: 12 },
  { header: "SHA-256", width: 66 },
  { header: "Terakhir Diubah", width: 17 },
  { header: "Status Sinkronisasi", width: 20 },
  { header: "Lokasi Fisik", width: 18 },
  { header: "Keterangan", width: 40 },
] as const;

export const REGISTER_HEADERS: string[] = REGISTER_COLUMNS.map((c) => c.header);
