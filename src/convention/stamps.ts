/**
 * Stamps that devices and clerks put on a name that are no part of the decree's fields: the
 * name WhatsApp, a phone camera or a scanner app gives a file ("IMG-20240510-WA0003",
 * "WhatsApp Image 2024-05-10 at 10.21.33", "CamScanner 05-10-2024 10.21", or without its
 * time), kept in front of what the clerk typed, an upload's time stamp or a document system's
 * id in front ("1718012345_…", "20240612143055_…", "DOC-2024-000381_…") or at the end
 * ("…_1718012345", "…-64f2a1c9"), a date written with its month's name ("10 Mei 2024") or
 * with spaces ("2024 05 10"), and a paper file's box, folder and page count ("Box 4", "5 hal").
 * Their digits are never a serial or the decree's year (a decree dated in May 2024 may be
 * numbered in another year's series only in theory, but the scan date is not the decree's date
 * at all), so a name refused for its numbers is read a second time without them (parse.ts).
 * Pure.
 */
import { MONTH_ALTERNATION } from "./months.js";

/**
 * The names phones, WhatsApp and scanner apps give a file, on the folded (lower-case) text; DEVICE
 * reads them in front in either case, subject.ts at a subject's end. Also a camera's counter
 * ("IMG_0001", "DSC_0042", "DSCN0042"), a phone's date and time with a counter after it
 * ("img20240612_14150011") and Telegram's "photo_2025-02-01_10-00-00": no digit of them is the
 * clerk's.
 */
export const DEVICE_NAME = String.raw`(?:img|doc|vid|ptt|aud)[-_]\d{8}[-_]wa\d{4}|whatsapp (?:image|document|video) \d{4}-\d\d-\d\d at \d{1,2}\.\d\d\.\d\d(?:[_ ][0-9a-f]{8})?|(?:img|pxl|dsc)_?\d{8}_\d{6,9}|camscanner \d\d-\d\d-\d{4}(?: \d\d\.\d\d(?:\.\d\d)?)?|photo_\d{4}-\d\d-\d\d_\d\d-\d\d-\d\d|(?:img|dsc[nf]?)[-_]?\d{4}`;
/**
 * Names scanners and scanning apps give a file, read in front only: a scanner's counter
 * ("SCAN_0001", "Scan_0009"), after its date ("Scan_20190415_0002") or its date and time ("Scan
 * 2024-03-12 09.30.15", "Scan2024-12-06_101512"), Microsoft Lens ("Office Lens
 * 20240512-101532"), an iPhone's "Scanned Document 2", Adobe Scan's "Adobe Scan 05 Jun 2024",
 * CamScanner's "New Doc 2024-09-12 10.15.33", and office copiers' own: HP's
 * "HPSCAN_20240405093015", Konica Minolta's "KM_C250i-20240620141530" and
 * "SKMBT_C22024040512345", Brother's "BRN3C2AF45E1A7C_000123" (its network address and a
 * counter), Fuji Xerox's "img-240502093015-0001"; a copier's letters and zero-padded counter
 * ("CCF_000057", "SCN_0012", "DOC_0003": zero first, so never a decree's "SK_012").
 */
const SCANNER_NAME = [
  String.raw`scan(?:ned)?[-_ ]?(?:19|20)\d{6}[-_]\d{3,6}`,
  String.raw`scan[-_ ]?(?:19|20)\d\d-\d\d-\d\d[-_ ]\d\d[.:]?\d\d[.:]?\d\d`,
  String.raw`scan[\s_-]*\d{1,6}`,
  String.raw`(?:office|microsoft) lens \d{8}[-_ ]\d{6}`,
  String.raw`scanned document(?: \d{1,3})?`,
  String.raw`adobe scan \d{1,2} [a-z]{3} (?:19|20)\d\d`,
  String.raw`new doc (?:19|20)\d\d-\d\d-\d\d(?: \d\d\.\d\d(?:\.\d\d)?)?`,
  String.raw`hpscan[-_]?(?:19|20)\d{6}(?:[-_]?\d{6})?(?:[-_]\d{1,4})?`,
  String.raw`km_[a-z0-9]{3,8}[-_](?:19|20)\d{12}`,
  String.raw`skmbt_[a-z0-9]{3,6}\d{10,15}`,
  String.raw`brn[0-9a-f]{12}_\d{6}`,
  String.raw`img-\d{12}-\d{4}`,
  String.raw`(?:ccf|scn|doc)[-_]?0\d{3,5}`,
].join("|");
/** Not the start of a date ("Scan 12-03-2024 SK …": the scan's date, no counter 12). */
const DEVICE = new RegExp(
  String.raw`^\s*(?:${DEVICE_NAME}|${SCANNER_NAME})(?![a-z0-9]|[-./]\d)(?:\s*\(\d{1,3}\))?`,
  "i",
);
const MONTH_DATE = new RegExp(
  `(?<![A-Za-z0-9])(?:0?[1-9]|[12]\\d|3[01])[\\s.-]*(?:${MONTH_ALTERNATION})[\\s.-]*(?:19|20)\\d{2}(?![0-9])`,
  "gi",
);

/**
 * A scan date typed in front as eight digits, or year, month and day apart by one kind of "-",
 * "_" or "." ("20241127 Penetapan DPT SK Ketua …", "2019-04-02_scan_161_PL.02.1-Kpt_…").
 */
const LEADING_DATE = /^\s*(?:19|20)\d\d([-_.]?)(?:0[1-9]|1[0-2])\1(?:0[1-9]|[12]\d|3[01])(?![0-9])/;

/**
 * An upload's Unix time in front, in seconds or milliseconds (2001 to 2033): web forms and
 * download pages prefix it to keep names apart ("1718012345_Kep_KPU_Kota_Jakut_No_213 …"),
 * some after a word of their own ("file_1712345678_…", "dl_1719812345_…").
 */
const LEADING_TIME =
  /^\s*(?:(?:file|dl|download|upload|att|attachment)[-_])?1\d{9}(?:\d{3})?(?=[\s_-])/i;

/**
 * A time stamp in front, date and time in fourteen digits, or apart by "_" or "-" as phones and
 * scanners write them ("20240612143055_Keputusan …", "20230314_093512_SK Sekretaris …"); or a
 * date in six digits, year first or last ("240922 SK Ketua …", "220924_…"), apart from what
 * follows.
 */
const LEADING_DATETIME =
  /^\s*(?:(?:19|20)\d\d(?:0[1-9]|1[0-2])(?:0[1-9]|[12]\d|3[01])[-_]?(?:[01]\d|2[0-3])[0-5]\d[0-5]\d|\d\d(?:0[1-9]|1[0-2])(?:0[1-9]|[12]\d|3[01])(?=[\s_-])|(?:0[1-9]|[12]\d|3[01])(?:0[1-9]|1[0-2])\d\d(?=[\s_-]))(?![0-9])/;

/**
 * A document system's registry id in front, its kind, year and serial ("DOC-2024-000381_…",
 * "SRT_2024_0123 …"): the system's, no decree's number or year.
 */
const LEADING_ID = /^\s*[A-Za-z]{2,10}[-_](?:19|20)\d\d[-_]\d{3,8}(?=[\s_-])/;

/**
 * What a web or document system adds at the end to keep names apart: an upload's Unix time
 * ("…_Tahun_2024_1718012345"), a date and time in fourteen digits ("…_20240701093015"), or
 * apart ("… - 20240611 1405", "… 20240315 101522"), in ISO form as Google Drive's download and
 * mail systems write it ("…-20240512T031500Z-001", "…_20240722T041501Z"), or a hash's hex
 * digits ("…-tahun-2024-64f2a1c9"), or a UUID.
 */
const TRAILING_ID =
  /[\s_-]+(?:1\d{9}(?:\d{3})?|(?:19|20)\d\d(?:0[1-9]|1[0-2])(?:0[1-9]|[12]\d|3[01])(?:[\s_-]?(?:[01]\d|2[0-3])[0-5]\d(?:[0-5]\d)?|t(?:[01]\d|2[0-3])[0-5]\d[0-5]\dz?(?:-\d{3})?)|[0-9a-f]{8}(?:-[0-9a-f]{4}){3}-[0-9a-f]{12}|(?=[0-9a-f]*[a-f])(?=[0-9a-f]*[0-9])[0-9a-f]{8,40})\s*$/i;
/**
 * A government site's address in front, once or more, as a download or a page's watermark carries
 * it ("jdih.kpu.go.id SALINAN KEPUTUSAN …"), or a JDIH site's name before its page's slug
 * ("jdih-kpu-kota-jakarta-utara-keputusan-nomor-84-tahun-2024"): where the file came from, no
 * issuer; the title after it names the office.
 */
export const LEADING_SITE = /^\s*(?:(?:[a-z0-9-]+\.)+go\.id[\s_-]+|jdih[\s_-]+(?=k))+/i;
/**
 * A hash's hex digits in front, letters and digits mixed ("65f2a1b9c3d4e_Keputusan_…"), or a
 * UUID as document systems name their exports ("3f2b9c1e-7a4d-4e8b-9c2f-1a2b3c4d5e6f_…").
 */
const LEADING_HASH =
  /^\s*(?:[0-9a-f]{8}(?:-[0-9a-f]{4}){3}-[0-9a-f]{12}|(?=[0-9a-f]*[a-f])(?=[0-9a-f]*[0-9])[0-9a-f]{8,40})(?=[\s_-])/i;

/** A date typed with spaces, month and day zero-padded ("2024 05 10", "10 05 2024"). */
const SPACED_DATE =
  /(?<![0-9])(?:(?:19|20)\d\d (?:0[1-9]|1[0-2]) (?:0[1-9]|[12]\d|3[01])|(?:0[1-9]|[12]\d|3[01]) (?:0[1-9]|1[0-2]) (?:19|20)\d\d)(?![0-9])/g;

/**
 * A date and time at the end with separators in the time too, in brackets or not, as an export
 * writes it ("… [2024-01-15T09-30-12]", "… (2024-01-15 09.30)").
 */
const TRAILING_DATETIME =
  /[\s_-]*[([]?(?:19|20)\d\d-(?:0[1-9]|1[0-2])-(?:0[1-9]|[12]\d|3[01])[t_ ](?:[01]\d|2[0-3])[-:.][0-5]\d(?:[-:.][0-5]\d)?z?[)\]]?\s*$/i;

/**
 * What the legal subsection adds when it files paper: a box's or folder's number ("Box 4",
 * "Map 2", "Ordner 3"), with the item's number in it ("Map 12 No 7"), and the count of pages
 * ("5 hal", "(3 lbr)", "- 40 lembar -"; not "No 5 hal": a number's own keyword before it).
 * "hal 2" (page 2) is a page's photo, read apart (PAGE_ONLY).
 */
const FILING_MARK =
  /(?<![a-z0-9])(?:(?:box|boks|map|ordner|odner|bundel)[\s._-]*\d{1,3}(?:[\s._-]+(?:no|nomor|nmr)[\s._-]*\d{1,4})?(?![0-9])|(?<!(?:no|nomor|nmr)[\s.]*)[([]?\d{1,3}[\s_-]*(?:lbr|lembar|hlm|halaman|hal|pages?)\.?[)\]]?)(?![a-z0-9])/gi;

/** `stem` without its device stamp and those dates (each made one space), or null when none. */
export function unstamp(stem: string): string | null {
  // Every stamp holds at least five digits ("1 Mei 2024"); most refused names ("scan12") fewer.
  let digits = 0;
  for (let i = 0; i < stem.length && digits < 5; i++) {
    const code = stem.charCodeAt(i);
    if (code >= 48 && code <= 57) digits++;
  }
  if (digits < 5) return null;
  const out = stem
    .replace(DEVICE, " ")
    .replace(LEADING_DATETIME, " ")
    .replace(LEADING_DATE, " ")
    .replace(LEADING_TIME, " ")
    .replace(LEADING_ID, " ")
    .replace(LEADING_HASH, " ")
    .replace(LEADING_SITE, " ")
    .replace(TRAILING_ID, "")
    .replace(TRAILING_DATETIME, "")
    .replace(MONTH_DATE, " ")
    .replace(SPACED_DATE, " ")
    .replace(FILING_MARK, " ");
  return out === stem ? null : out;
}
