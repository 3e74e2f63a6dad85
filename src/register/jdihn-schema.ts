/**
 * The JDIHN integration feed as JDIHN harvests it: a flat JSON array, one object per document,
 * every value a string (Permenkumham 8/2019 metadata; field names as in the JDIHN integration
 * code). Used to validate what we write and, in tests, what we read back.
 */
import * as z from "zod";

const s = z.string();
const isoDateOrEmpty = z.string().regex(/^(\d{4}-\d{2}-\d{2})?$/, "YYYY-MM-DD or empty");

export const jdihnItemSchema = z.strictObject({
  idData: s.min(1),
  tahun_pengundangan: z.string().regex(/^\d{4}$/),
  tanggal_penetapan: isoDateOrEmpty,
  tanggal_pengundangan: isoDateOrEmpty,
  jenis: s.min(1),
  noPeraturan: s.min(1),
  judul: s.min(1),
  noPanggil: z.literal("-"),
  singkatanJenis: s.min(1),
  tempatTerbit: s,
  penerbit: z.literal("-"),
  deskripsiFisik: z.literal("-"),
  sumber: s,
  subjek: s,
  isbn: z.literal("-"),
  status: s,
  bahasa: s,
  bidangHukum: s,
  teuBadan: s,
  nomorIndukBuku: z.literal("-"),
  fileDownload: s,
  urlDownload: s,
  urlDetailPeraturan: s,
  operasi: z.literal("4"),
  display: z.literal("1"),
  abstrak: s,
  urlabstrak: s,
  lastUpdated: s,
});

export const jdihnFeedSchema = z.array(jdihnItemSchema);

export type JdihnItem = z.infer<typeof jdihnItemSchema>;
