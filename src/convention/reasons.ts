/**
 * Rejection reasons: a stable code (logs, sidecars, the register and `arsipd parse --json` rely
 * on it), one Indonesian sentence telling a clerk what to fix, and the English for the log.
 */
import type { ParseRejected } from "./types.js";

export type ReasonCode =
  | "UNSAFE_NAME"
  | "BAD_EXTENSION"
  | "NO_JENIS"
  | "NO_JENIS_OTHER"
  | "AMBIGUOUS_JENIS"
  | "NO_NUMBER"
  | "BAD_NUMBER"
  | "AMBIGUOUS_NUMBER"
  | "NO_YEAR"
  | "AMBIGUOUS_YEAR"
  | "YEAR_OUT_OF_RANGE"
  | "SHORT_YEAR"
  | "AMBIGUOUS_QUALIFIER"
  | "NO_LAMPIRAN_NUMBER"
  | "NAME_TOO_LONG"
  | "OTHER_OFFICE"
  | "OTHER_OFFICE_CODE"
  | "OFFICE_UNCLEAR"
  | "NOT_A_DECREE"
  | "OFFICE_IN_SUBJECT"
  | "DECREE_UNCLEAR"
  | "ISSUER_UNCLEAR"
  | "NUMBER_OF_OTHER"
  | "LETTER_APART"
  | "PAGE_ONLY"
  /** Not a name reason: the document's own heading names another decree (src/ocr). */
  | "ISI_BERBEDA";

const TEXT: Record<ReasonCode, [id: string, en: string]> = {
  UNSAFE_NAME: [
    "Nama berkas tidak dapat dibaca sebagai nama berkas; ganti nama berkas dengan huruf, angka dan spasi saja.",
    "The name is not a usable file name; rename it using letters, digits and spaces.",
  ],
  BAD_EXTENSION: [
    "Jenis berkas ini bukan berkas keputusan ({detail}); simpan keputusan sebagai PDF (hasil pindai boleh JPG, PNG atau TIFF) atau DOCX/DOC/ODT untuk konsep.",
    "The file type is not a decree type ({detail}); save decrees as an allowed type.",
  ],
  NO_JENIS: [
    "Nama berkas tidak menyebut jenis keputusan. Periksa dokumennya: bila ini keputusan kantor ini, tambahkan jenisnya di awal nama, misalnya 'SK Ketua' atau 'SK Sekretaris'; bila bukan (surat, laporan, hasil pindaian lain, atau keputusan instansi lain), pindahkan berkas ke luar folder arsip.",
    "The name does not say which kind of decree it is. Check the document: if it is this office's decree, add the kind (e.g. 'SK Ketua') at the start; if not (a letter, a report, another scan, another institution's decree), move it out of the archive share.",
  ],
  NO_JENIS_OTHER: [
    "Nama berkas tidak menyebut jenis keputusan dan menyebut instansi lain ({detail}). Bila ini keputusan kantor ini, tulis jenisnya di awal nama, misalnya 'SK Ketua' atau 'SK Sekretaris', dan perihalnya setelah 'tentang'; bila ini keputusan instansi itu atau instansi lain, pindahkan berkas ke luar folder arsip.",
    "The name does not say which kind of decree it is and names another institution ({detail}): if it is this office's, add the kind (e.g. 'SK Ketua') first and the subject after 'tentang'; otherwise move it out of the archive share.",
  ],
  AMBIGUOUS_JENIS: [
    "Nama berkas menyebut lebih dari satu jenis keputusan ({detail}). Bila berkas ini berisi dua keputusan, pisahkan menjadi satu berkas per keputusan; bila hanya satu, sisakan jenisnya saja.",
    "The name names more than one kind of decree ({detail}). If the file holds two decrees, split it into one file per decree; if it holds one, keep only its kind.",
  ],
  NO_NUMBER: [
    "Nama berkas tidak memuat nomor keputusan (angka dalam perihal, seperti 'Dapil 5' atau 'Tahap 2', dan kode wilayah seperti '3172' bukan nomor keputusan); tulis nomornya dengan 'No' di depannya, setelah jenisnya, misalnya 'SK Ketua No 12 Th 2024 tentang …'.",
    "The name has no decree number (a number in the subject, such as 'Dapil 5' or 'Tahap 2', and a region code such as '3172' are not the decree number); write it with 'No' before it, after the kind, e.g. 'SK Ketua No 12 Th 2024 tentang …'.",
  ],
  BAD_NUMBER: [
    "Nomor keputusan pada nama berkas tidak sah ({detail}); tulis nomor yang benar, misalnya 'No 12'.",
    "The decree number in the name is not valid ({detail}); write the right number, e.g. 'No 12'.",
  ],
  AMBIGUOUS_NUMBER: [
    "Nama berkas memuat lebih dari satu angka yang bisa menjadi nomor keputusan ({detail}). Bila berkas ini berisi beberapa keputusan, pisahkan menjadi satu berkas per keputusan; bila hanya satu keputusan, sisakan nomornya dengan 'No' di depannya dan hapus angka lain atau pindahkan ke perihal setelah 'tentang'.",
    "The name has more than one number that could be the decree number ({detail}). If the file holds several decrees, split it into one file per decree; if it holds one, keep its number, written as 'No <n>', and drop the other numbers or move them into the subject after 'tentang'.",
  ],
  NO_YEAR: [
    "Nama berkas tidak memuat tahun keputusan; tambahkan tahunnya, misalnya 'Tahun 2024'.",
    "The name has no year; add it, e.g. 'Tahun 2024'.",
  ],
  AMBIGUOUS_YEAR: [
    "Nama berkas memuat lebih dari satu tahun ({detail}). Sisakan tahun keputusan (tahun penetapannya) dengan 'Tahun' di depannya, dan pindahkan tahun lain (tahun pemilu atau masa berlaku) ke perihal setelah 'tentang'.",
    "The name has more than one year ({detail}). Keep the year the decree was made, written as 'Tahun <yyyy>', and move any other year (an election's, a period's) into the subject after 'tentang'.",
  ],
  YEAR_OUT_OF_RANGE: [
    "Tahun pada nama berkas ({detail}) di luar rentang arsip: tahun yang belum tiba, atau lebih lama dari tahun pertama arsip. Periksa tahun pada dokumennya dan perbaiki nama berkas; keputusan untuk tahun depan yang memang sudah disiapkan diarsipkan sendiri setelah tahunnya tiba.",
    "The year in the name ({detail}) is outside the archive's range: a year that has not come yet, or before the archive's first year. Check the year on the document and fix the name; a decree prepared for next year is filed by itself once its year begins.",
  ],
  SHORT_YEAR: [
    "Tahun keputusan pada nama berkas tidak ditulis lengkap ({detail}); tulis tahunnya dengan empat angka, misalnya 'Tahun 2024'.",
    "The decree's year in the name is not written in full ({detail}); write it with four digits, e.g. 'Tahun 2024'.",
  ],
  AMBIGUOUS_QUALIFIER: [
    "Nama berkas menyebut lebih dari satu lampiran atau salinan ({detail}), padahal satu berkas hanya dapat diarsipkan sebagai satu. Periksa isi berkas: bila isinya satu lampiran, sisakan nomor lampiran itu saja, misalnya 'Lampiran 1'; bila isinya beberapa lampiran, pisahkan menjadi satu berkas per lampiran; bila isinya keputusan beserta seluruh lampirannya, tulis 'dan Lampiran' tanpa nomor.",
    "The name names more than one attachment or copy ({detail}), and a file is filed as one. Check the file: one attachment, keep its number only (e.g. 'Lampiran 1'); several, split them into one file each; the decree with all its attachments, write 'dan Lampiran' without a number.",
  ],
  NO_LAMPIRAN_NUMBER: [
    "Nama berkas menyebut 'Lampiran' tanpa nomor lampiran; tulis nomornya, misalnya 'Lampiran 1'.",
    "The name says 'Lampiran' without the attachment number; write it, e.g. 'Lampiran 1'.",
  ],
  OTHER_OFFICE: [
    "Nama berkas menyebut instansi lain ({detail}): keputusan instansi lain bukan bagian arsip kantor ini. Pindahkan berkas ini ke luar folder arsip; jangan mengganti namanya agar masuk arsip.",
    "The name names another institution ({detail}): its decrees do not belong in this office's archive. Move the file out of the archive share; do not rename it to get it filed.",
  ],
  OTHER_OFFICE_CODE: [
    "Nomor keputusan memuat kode kantor lain ({detail}): keputusan kantor lain bukan bagian arsip ini. Pindahkan berkas ini ke luar folder arsip; bila kode itu memang kode kantor ini, minta pengelola arsipd menambahkannya ke pengaturan convention.office.",
    "The old-style number carries another office's code ({detail}): move the file out of the archive share; if the code is this office's, add it to convention.office.",
  ],
  OFFICE_UNCLEAR: [
    "Nama berkas menyebut '{detail}' tanpa nama kota kantor ini yang tertulis benar: tanpa nama kota, seperti judul keputusan KPU RI, atau dengan nama tempat yang mirip nama kota kantor ini tetapi salah ketik. Bila ini keputusan KPU RI atau instansi lain, pindahkan berkas ke luar folder arsip. Hanya bila kop dan nomor pada dokumennya menunjukkan keputusan kantor ini, tulis nama kota kantor ini dengan benar setelah 'KPU'.",
    "The name says '{detail}' without this office's city spelt right (no city, as KPU RI's decrees are titled, or a place one slip from the city's name). If it is KPU RI's or another institution's decree, move it out of the archive share; only if the document's letterhead and number show it is this office's, write the city, spelt right, after 'KPU'.",
  ],
  OFFICE_IN_SUBJECT: [
    "Nama berkas menyebut instansi lain ({detail}) di luar perihal yang ditandai 'tentang' atau sebagai tanda asal berkas (dalam kurung, setelah '-' atau '_', setelah 'dari', 'kiriman' atau 'milik'): bisa keputusan atau salinan instansi itu, bisa juga keputusan kantor ini yang menyebut instansi itu dalam perihalnya. Bila ini keputusan kantor ini, tulis jenis, nomor dan tahunnya di awal nama dan perihalnya setelah 'tentang', tanpa tanda asal, misalnya 'SK Ketua No 5 Th 2024 tentang Pembentukan PPK'; bila bukan, pindahkan berkas ke luar folder arsip.",
    "The name names {detail} outside a subject marked by 'tentang', or as a tag saying where the file came from (in brackets, after '-' or '_', after 'dari'/'kiriman'/'milik'): if it is this office's decree, write kind, number and year first and the subject after 'tentang', without such a tag; otherwise move it out of the archive share.",
  ],
  DECREE_UNCLEAR: [
    "Nama berkas menyebut '{detail}' tanpa 'SK' atau 'Keputusan', sehingga tidak jelas apakah ini keputusan. Bila ini keputusan, tulis jenisnya di awal nama, misalnya 'SK Ketua No 5 Th 2024 tentang …'; bila bukan (surat, laporan, nota), simpan di luar folder arsip.",
    "The name says '{detail}' without 'SK' or 'Keputusan': if it is a decree, start the name with its kind (e.g. 'SK Ketua'); otherwise keep it outside the archive share.",
  ],
  ISSUER_UNCLEAR: [
    "Nama berkas menyebut '{detail}' sebelum nomor keputusan: tidak jelas apakah ini keputusan Ketua atau Sekretaris kantor ini atau keputusan badan lain. Bila ini keputusan kantor ini, tulis jenis, nomor dan tahunnya di awal nama dan perihalnya setelah 'tentang', misalnya 'SK Ketua No 5 Th 2024 tentang …'; bila keputusan badan lain, pindahkan berkas ke luar folder arsip.",
    "The name says '{detail}' before the number: whether this office's chair or secretary or another body's issued it is unclear. If it is this office's, write kind, number and year first and the subject after 'tentang'; otherwise move it out of the archive share.",
  ],
  NOT_A_DECREE: [
    "Nama berkas menyebut '{detail}', bukan keputusan: folder arsip ini hanya untuk keputusan (SK Ketua, SK Sekretaris). Pindahkan berkas ini ke luar folder arsip; bila ini memang keputusan, tulis 'SK Ketua' atau 'SK Sekretaris' di awal nama dan hapus kata jenis dokumen itu.",
    "The name says '{detail}', which is no decree: the archive share is for decrees only. Move the file out of it; if it is a decree, start the name with 'SK Ketua' or 'SK Sekretaris' and drop that word.",
  ],
  NUMBER_OF_OTHER: [
    "Nama berkas menyebut '{detail}' sebelum nomornya, jadi nomor itu nomor keputusan yang diubah, dicabut atau diperbaiki, bukan nomor berkas ini. Periksa dulu dokumennya: bila ini bukan keputusan (misalnya surat ralat atau koreksi, usulan atau matriks perubahan), pindahkan berkas ke luar folder arsip; bila ini keputusan kantor ini yang mengubah, mencabut atau memperbaiki keputusan itu, tulis nomor keputusan ini di depan, misalnya 'SK Ketua No 15 Th 2024 tentang Perubahan atas SK Ketua No 12 Th 2024'.",
    "The name says '{detail}' before its number, so that number is the amended, revoked or corrected decree's, not this file's. Check the document: if it is no decree (a correction letter, a proposal or table of changes), move it out of the archive share; if it is this office's decree amending, revoking or correcting that one, put its own number first, e.g. 'SK Ketua No 15 Th 2024 tentang Perubahan atas SK Ketua No 12 Th 2024'.",
  ],
  LETTER_APART: [
    "Nomor keputusan diikuti huruf yang terpisah ({detail}), sehingga tidak jelas apakah huruf itu bagian nomornya. Periksa nomor pada dokumennya: bila hurufnya bagian nomor, tulis tanpa spasi, misalnya 'No 12A'; bila bukan, hapus huruf itu.",
    "The decree number is followed by a letter set apart ({detail}): whether the letter belongs to the number is unclear. Check the document: if it does, write it joined, e.g. 'No 12A'; if not, remove it.",
  ],
  PAGE_ONLY: [
    "Nama berkas menandai halaman ({detail}): berkas ini tampaknya hanya sebagian halaman keputusan, padahal arsip menyimpan satu berkas utuh per keputusan. Gabungkan semua halamannya menjadi satu PDF dan beri nama tanpa tanda halaman itu; bila berkas ini memang memuat seluruh keputusan, hapus tanda halaman itu dari namanya.",
    "The name marks a page ({detail}): the file seems to be some pages of a decree, and the archive keeps one whole file per decree. Join all pages into one PDF named without that page mark; if this file holds the whole decree, remove the page mark from its name.",
  ],
  ISI_BERBEDA: [
    "Isi dokumen berbeda dengan nama berkas: {detail}. Periksa dokumennya, lalu ganti nama berkas sesuai isi dokumen.",
    "The document's heading differs from its name: {detail}.",
  ],
  NAME_TOO_LONG: [
    "Kode jenis terlalu panjang untuk nama berkas; hubungi pengelola arsipd.",
    "The jenis code is too long for a canonical name; fix the configuration.",
  ],
};

/**
 * What a reason says instead in one case its usual text gets wrong, named "<reason>:<case>":
 * - ISSUER_UNCLEAR:unnumbered, a name that holds no decree number: the usual text places the
 *   word it names "before the number" ("Keputusan Rektor tentang Wisuda" has none);
 * - OFFICE_UNCLEAR:short, "KPU" and this office's place shortened ("KPU Jkt Ut", place-typo.ts
 *   isOwnPlaceShortened): no slip to spell right, and "add the short form to the settings" is
 *   the lasting fix when the office's clerks type it;
 * - NOT_A_DECREE:appleDouble, macOS's "._" metadata beside a document ("._SK Ketua No 12 …"):
 *   the share ignores it, and it carries the document's name;
 * - BAD_EXTENSION:partial, a download or copy not yet complete (".crdownload", ".part", ".tmp"):
 *   "save as an allowed type" would have a clerk rename half a file to ".pdf";
 * - NOT_A_DECREE:lockFile, Microsoft Office's owner file ("~$ Ketua No 12 …docx"): the share
 *   ignores it (share/ignore.ts), and "move it out" would be no fix for a file Office deletes;
 * - NOT_A_DECREE:draft, a draft's or an unsigned file's mark in a PDF or scan ("Draft SK Ketua …",
 *   "… ttg DPT (konsep)", "… DPT belum ttd", doc-kind.ts draftRefusal): "start the name with 'SK
 *   Ketua'" is there already, and the usual text would not say where a draft belongs;
 * - NOT_A_DECREE:void, BAD_NUMBER:marked, the clerk's own mark at the subject's end that the file
 *   is void ("(batal)", "JANGAN DIPAKAI") or its number wrong or not final ("(salah nomor)",
 *   "nomor belum fix", subject.ts): the usual texts speak of a missing word or a bad number;
 * - NUMBER_OF_OTHER:regulation, a regulation's number read as the decree's ("SK Ketua Pelaksanaan
 *   UU No 7 Th 2017", head-subject.ts regulationSerial): the usual text speaks of an amended decree;
 * - NOT_A_DECREE:cites, words before the decree's name that rest on it ("Rekap Honorarium
 *   sesuai SK Ketua …", head-subject.ts frontNumbers): the usual text would ask to add "SK Ketua",
 *   which is there already;
 * - NOT_A_DECREE:subject, a subject after the numbers that is a document's name ("SK Ketua No 12
 *   Th 2024 Telaah Staf", doc-kind.ts documentAsSubject), or a tag after the subject that is one
 *   ("… ttg DPT - Berita Acara", subject-end.ts documentTag): the usual "start the name with 'SK
 *   Ketua'" is there already, and the decree's way out is to retype its subject;
 * - PAGE_ONLY:part, a part's number at the subject's end ("… DPT part 1", "(bagian 2)",
 *   subject-end.ts partAtEnd): one file of a decree split in several, as a page is, but the
 *   usual text speaks of pages;
 * - AMBIGUOUS_QUALIFIER:conflictCopy, a sync client's conflict copy ("… (conflicted copy
 *   2024-05-12 142233)", subject-end.ts conflictMark): two versions of one decree, which a
 *   person must choose between, not a qualifier to keep or drop;
 * - AMBIGUOUS_QUALIFIER:english, an attachment or a copy named in English ("… Attachment 2",
 *   "(certified copy)", qualifier-typo.ts englishQualifier): the usual text speaks of two
 *   markers that disagree, and the way out is to write "Lampiran"/"Salinan";
 * - NO_NUMBER:regionCode, a bare serial of another office's region code's shape ("SK Ketua
 *   3171 2024", lenient.ts noSerial): the usual "write the number with 'No'" alone could be
 *   followed by typing "No 3171", filing what may be that office's decree;
 * - AMBIGUOUS_YEAR:marked, a mark that the year is wrong or in doubt ("(cek lagi tahunnya)"):
 *   the file may belong in another year's folder, which no second year names;
 * - DECREE_UNCLEAR:owner, a role with an owner's or addressee's word before it ("punya bu
 *   sekretaris", "utk pak ketua"): the usual text speaks of a missing "SK", which the name has;
 * - NO_YEAR:newYear, a name whose only year is a signing date's from 20 December to 10 January
 *   (head.ts aroundNewYear): the usual texts would ask for a year the clerk believes typed;
 * - NO_YEAR:dateOnly, a name whose only year is a date's ("No 57 tgl 2 Mei 2024"): "add the
 *   year" reads as if none were typed;
 * - NO_YEAR:romanMonth, a Roman numeral right after the number ("No 12 XII 2024", "No 12 XII"),
 *   the month of an old-style number: the year typed after it is not read, and "add 'Tahun
 *   2024'" (after the numeral again) would not help;
 * - SHORT_YEAR:oldNumber, an old-style number whose year has two digits ("…/KPU-Kot/IV/19"):
 *   its words were read as another institution, and "Tahun 2019" typed after it is not read;
 * - BAD_NUMBER:oldNoMonth, an old-style number typed without its month ("…/KPU-Kot/2019"):
 *   "add the year" (NO_YEAR, as it was refused) led nowhere, the year being there.
 * - BAD_NUMBER:oldNoRegion, an old-style number typed without its region code ("…-Kpt/Sek-Kot/
 *   IV/2021"): "add the year" (NO_YEAR, as it was refused) led nowhere, the year being there,
 *   and without the code the number names no office.
 * - BAD_NUMBER:oldRegion, an old-style number of this office's issuer marker with no region
 *   code's shape where the region code stands ("9/SDM.08-Kpt/01/Sek-Kot/2021"): it names no
 *   other office, so "move it out" (OTHER_OFFICE_CODE) could lose this office's decree.
 * - OTHER_OFFICE_CODE:marker, an old-style number with this office's region code and an issuer
 *   marker no jenis is configured with ("…/1207/KPU-Kab/…" where only "KPU-Kot" is): the code
 *   says it is this office's, so "move it out" alone could lose its decree, and the marker, not
 *   the office, is what to configure.
 */
const VARIANT_TEXT = {
  "OFFICE_UNCLEAR:short": [
    "Nama berkas menyebut '{detail}': bisa nama kota kantor ini yang disingkat, bisa juga tempat lain. Bila ini keputusan kantor ini, tulis nama kotanya dengan lengkap setelah 'KPU' atau hapus 'KPU …' itu, misalnya 'SK Ketua No 5 Th 2024 tentang …', atau minta pengelola arsipd menambahkan singkatan itu ke pengaturan convention.office; bila ini keputusan instansi lain, pindahkan berkas ke luar folder arsip.",
    "The name says '{detail}', which may be this office's city shortened or another place: if it is this office's, write the city in full after 'KPU' or leave 'KPU …' out (e.g. 'SK Ketua No 5 Th 2024 tentang …'), or have the short form added to convention.office; otherwise move it out of the archive share.",
  ],
  "ISSUER_UNCLEAR:unnumbered": [
    "Nama berkas menyebut '{detail}' dan tidak memuat nomor keputusan: tidak jelas apakah ini keputusan Ketua atau Sekretaris kantor ini atau keputusan badan lain. Bila ini keputusan kantor ini, tulis jenis, nomor dan tahunnya di awal nama dan perihalnya setelah 'tentang', misalnya 'SK Ketua No 5 Th 2024 tentang …'; bila keputusan badan lain, pindahkan berkas ke luar folder arsip.",
    "The name says '{detail}' and has no decree number: whether this office's chair or secretary or another body issued it is unclear. If it is this office's, write kind, number and year first and the subject after 'tentang'; otherwise move it out of the archive share.",
  ],
  "NOT_A_DECREE:appleDouble": [
    "Nama berkas diawali '._': itu berkas metadata yang dibuat macOS di samping dokumen aslinya, bukan keputusan, dan arsipd tidak memindahkan, mengarsipkan atau menyinkronkannya. Dokumen aslinya (nama yang sama tanpa '._') dibaca dengan namanya sendiri; berkas ini boleh dibiarkan.",
    "The name starts with '._': metadata macOS writes beside the real document, no decree, which arsipd never moves, files or mirrors. The document itself (the same name without '._') is read under its own name; this file may be left alone.",
  ],
  "BAD_EXTENSION:partial": [
    "Berkas ini belum selesai diunduh atau disalin, atau berkas sementara ({detail}). Tunggu sampai selesai: berkas lengkapnya dibaca dengan namanya sendiri. Jangan mengganti ekstensinya menjadi .pdf, karena isinya belum utuh.",
    "The file is still being downloaded or copied, or is a temporary file ({detail}). Wait until it is complete: the whole file is read under its own name. Do not rename it to .pdf: its content is not whole.",
  ],
  "NOT_A_DECREE:lockFile": [
    "Nama berkas diawali '~$': itu berkas kunci yang dibuat Microsoft Office selama dokumennya terbuka, bukan keputusan, dan arsipd tidak memindahkan, mengarsipkan atau menyinkronkannya. Tutup dokumennya; berkas kunci itu hilang sendiri, dan dokumennya sendiri dibaca dengan namanya.",
    "The name starts with '~$': an owner file Microsoft Office keeps while the document is open, no decree, which arsipd never moves, files or mirrors. Close the document; the owner file goes away by itself, and the document is read under its own name.",
  ],
  "NOT_A_DECREE:draft": [
    "Nama berkas menandai konsep, berkas yang belum ditandatangani atau berkas yang masih perlu diperiksa ('{detail}'), padahal arsip menyimpan keputusan yang sudah ditandatangani; konsep disimpan sebagai berkas Word (.docx/.odt) atau di luar folder arsip. Bila berkas ini sebenarnya keputusan yang sudah ditandatangani dan sudah diperiksa, hapus tanda itu dari namanya; bila masih konsep atau masih diragukan, pindahkan ke luar folder arsip atau simpan sebagai .docx.",
    "The name marks a draft, an unsigned file or one still to be checked ('{detail}'), but the archive keeps signed decrees; a draft is kept as a Word file (.docx/.odt) or outside the archive share. If the file is in fact the signed decree and has been checked, remove that mark from its name; if it is still a draft or in doubt, move it out of the archive share or keep it as .docx.",
  ],
  "NOT_A_DECREE:void": [
    "Nama berkas menandai berkas ini batal atau tidak dipakai ('{detail}'). Periksa dokumennya: bila memang tidak dipakai, pindahkan ke luar folder arsip; bila ini keputusan yang ditetapkan (juga yang kemudian dibatalkan dan tetap diarsipkan), hapus tanda itu dari namanya.",
    "The name marks the file as void or not to be used ('{detail}'). Check the document: if it is not used, move it out of the archive share; if it is a decree that was issued (also one annulled later and kept on record), remove that mark from its name.",
  ],
  "BAD_NUMBER:marked": [
    "Nama berkas menandai nomornya salah atau belum tetap ('{detail}'), sehingga nomor itu tidak dapat dipakai untuk mengarsipkannya. Periksa nomor pada dokumen yang sudah ditandatangani dan tulis nomor yang benar tanpa tanda itu, misalnya 'SK Ketua No 12 Th 2024 tentang …'; bila belum bernomor, simpan di luar folder arsip sampai nomornya tetap.",
    "The name marks its number as wrong or not final ('{detail}'), so the number cannot file it. Check the number on the signed document and write the right one without that mark, e.g. 'SK Ketua No 12 Th 2024 tentang …'; if it has no number yet, keep it outside the archive share until it does.",
  ],
  "NOT_A_DECREE:cites": [
    "Nama berkas menyebut keputusan itu sebagai dasar berkas ini ('{detail}'): berkas ini tampaknya dokumen lain yang merujuk keputusan itu (rekap, daftar, pembayaran, laporan …), bukan keputusannya, dan akan menempati tempat keputusan itu di arsip. Bila bukan keputusan, pindahkan ke luar folder arsip; bila ini memang keputusannya, tulis jenis, nomor dan tahunnya di awal nama dan perihalnya setelah 'tentang', misalnya 'SK Ketua No 12 Th 2024 tentang Honorarium PPK'.",
    "The name gives the decree as what this file rests on ('{detail}'): the file looks like another document that cites it (a recap, list, payment, report …), not the decree, and would take the decree's place in the archive. If it is no decree, move it out of the archive share; if it is the decree itself, write kind, number and year first and its subject after 'tentang', e.g. 'SK Ketua No 12 Th 2024 tentang Honorarium PPK'.",
  ],
  "NOT_A_DECREE:subject": [
    "Nama berkas menyebut '{detail}' sebagai perihal setelah nomor keputusan atau sebagai tanda di akhir perihal (dalam kurung, setelah '-' atau '_'): itu nama dokumen (telaah staf, lembar paraf, undangan, berita acara, nota dinas, kajian …), bukan perihal keputusan, dan berkas ini akan menempati tempat keputusan bernomor itu di arsip. Bila berkas ini dokumen tersebut, bukan keputusan, pindahkan ke luar folder arsip; bila berkas ini memang keputusannya, tulis perihal keputusan setelah 'tentang' tanpa kata itu, misalnya 'SK Ketua No 12 Th 2024 tentang Penetapan DPT'.",
    "The name gives '{detail}' as the subject after the decree's number, or as a tag at the subject's end (in brackets, after '-' or '_'): that names a document (a staff review, initials sheet, invitation, minutes, memo, legal review …), not a decree's subject, and the file would take the numbered decree's place in the archive. If the file is that document, no decree, move it out of the archive share; if it is the decree itself, write the decree's subject after 'tentang' without that word, e.g. 'SK Ketua No 12 Th 2024 tentang Penetapan DPT'.",
  ],
  "NO_NUMBER:regionCode": [
    "Nama berkas memuat angka {detail} tanpa 'No' di depannya, dan angka itu berbentuk kode wilayah kantor lain (seperti pada nomor keputusan gaya lama), bukan kode kantor ini: bisa kode kantor yang mengeluarkan keputusan ini, bukan nomor keputusan. Bila ini keputusan kantor lain, pindahkan berkas ke luar folder arsip; bila ini keputusan kantor ini, tulis nomor keputusannya dengan 'No' di depannya, misalnya 'SK Ketua No 12 Th 2024 tentang …', dan hapus kode wilayah itu bila bukan nomornya.",
    "The name has the number {detail} without 'No' before it, and it has the shape of another office's region code (as in old-style numbers), not this office's: it may be the code of the office that issued the decree, not its number. If it is another office's decree, move it out of the archive share; if it is this office's, write its number with 'No' before it, e.g. 'SK Ketua No 12 Th 2024 tentang …', and drop the region code if it is not the number.",
  ],
  "NO_YEAR:subjectYear": [
    "Satu-satunya tahun pada nama berkas ({detail}) tertulis dalam perihal sebelum jenis keputusan, sehingga itu tahun perihalnya (tahun pemilu, tahun daftar), bukan tahun keputusan ditetapkan. Tulis tahun keputusan setelah nomornya, misalnya 'SK Ketua No 12 Tahun 2023 tentang Penetapan DPT Pemilu 2024'.",
    "The only year in the name ({detail}) stands in the subject typed before the decree's kind, so it is the subject's (an election's, a list's), not the year the decree was made. Write the decree's year after its number, e.g. 'SK Ketua No 12 Tahun 2023 tentang Penetapan DPT Pemilu 2024'.",
  ],
  "AMBIGUOUS_YEAR:marked": [
    "Nama berkas menandai tahunnya salah atau belum pasti ('{detail}'), sehingga tahun itu tidak dapat dipakai untuk mengarsipkannya. Periksa tahun pada dokumen yang sudah ditandatangani dan tulis nomor serta tahun yang benar tanpa tanda itu, misalnya 'SK Ketua No 12 Th 2024 tentang …'.",
    "The name marks its year as wrong or in doubt ('{detail}'), so the year cannot file it. Check the year on the signed document and write the number and year without that mark, e.g. 'SK Ketua No 12 Th 2024 tentang …'.",
  ],
  "DECREE_UNCLEAR:owner": [
    "Nama berkas menyebut '{detail}': itu pemilik berkas atau tujuannya, bukan jenis keputusan yang ditetapkan, sehingga tidak jelas apakah ini keputusan Ketua atau Sekretaris. Periksa dokumennya dan tulis jenis, nomor dan tahunnya di awal nama, misalnya 'SK Sekretaris No 12 Th 2024 tentang …'; bila bukan keputusan kantor ini, pindahkan berkas ke luar folder arsip.",
    "The name says '{detail}': whose file it is or whom it is for, not the kind of decree, so whether the chair or the secretary issued it is unclear. Check the document and write kind, number and year first, e.g. 'SK Sekretaris No 12 Th 2024 tentang …'; if it is not this office's decree, move it out of the archive share.",
  ],
  "NO_YEAR:newYear": [
    "Satu-satunya tahun pada nama berkas tertulis dalam tanggal penetapan ({detail}) di sekitar pergantian tahun, padahal keputusan yang ditetapkan pada akhir Desember atau awal Januari bisa bernomor tahun yang mana pun. Tulis tahun yang tertera pada nomor keputusan di dokumennya, misalnya 'SK Ketua No 12 Tahun 2024 tentang …'.",
    "The only year in the name is that of a signing date ({detail}) around the New Year, and a decree signed in late December or early January may be numbered in either year. Write the year its number carries on the document, e.g. 'SK Ketua No 12 Tahun 2024 tentang …'.",
  ],
  "NO_YEAR:dateOnly": [
    "Satu-satunya tahun pada nama berkas tertulis dalam tanggal ({detail}), dan tanggal tidak dibaca sebagai tahun keputusan (bisa tanggal pindai, kirim atau terima). Tulis tahun keputusan setelah nomornya, misalnya 'SK Ketua No 12 Tahun 2024 tentang …'.",
    "The only year in the name is part of a date ({detail}), and a date is not read as the decree's year (it may be a scan's, a mailing's or a receipt's). Write the decree's year after its number, e.g. 'SK Ketua No 12 Tahun 2024 tentang …'.",
  ],
  "NUMBER_OF_OTHER:regulation": [
    "Nomor pada nama berkas ('{detail}') adalah nomor peraturan yang dirujuk dalam perihal, bukan nomor keputusan ini. Tulis nomor dan tahun keputusan ini setelah jenisnya dan perihalnya setelah 'tentang', misalnya 'SK Ketua No 15 Th 2024 tentang Pelaksanaan UU Nomor 7 Tahun 2017'; bila berkas ini peraturan itu sendiri, pindahkan ke luar folder arsip.",
    "The number in the name ('{detail}') is the number of the regulation the subject cites, not this decree's. Write this decree's number and year after its kind and the subject after 'tentang', e.g. 'SK Ketua No 15 Th 2024 tentang Pelaksanaan UU Nomor 7 Tahun 2017'; if the file is that regulation itself, move it out of the archive share.",
  ],
  "NUMBER_OF_OTHER:cited": [
    "Nama berkas menyebut nomor hanya setelah '{detail}' dalam perihal sebelum jenis keputusan, jadi nomor itu nomor dokumen yang dikutip, bukan nomor keputusan ini. Tulis nomor dan tahun keputusan ini setelah jenisnya, misalnya 'SK Ketua No 15 Th 2024 tentang Pelaksanaan Keputusan Nomor 7 Tahun 2022'.",
    "The name gives a number only after '{detail}' in the subject typed before the decree's kind, so that number is the cited document's, not this decree's. Write this decree's number and year after its kind, e.g. 'SK Ketua No 15 Th 2024 tentang Pelaksanaan Keputusan Nomor 7 Tahun 2022'.",
  ],
  "NO_YEAR:romanMonth": [
    "Nama berkas memuat angka Romawi ({detail}) tepat setelah nomor keputusan, seperti bulan pada nomor gaya lama, sehingga tahun keputusan tidak terbaca. Tulis tahunnya langsung setelah nomor, misalnya 'No 12 Tahun 2024', dan hapus angka Romawi itu bila itu bulan.",
    "The name has a Roman numeral ({detail}) right after the decree number, like the month of an old-style number, so the year is not read. Write the year right after the number, e.g. 'No 12 Tahun 2024', and drop the numeral if it is a month.",
  ],
  "SHORT_YEAR:oldNumber": [
    "Tahun pada nomor keputusan gaya lama ({detail}) ditulis dengan dua angka. Tulis nomornya lengkap seperti pada dokumen, dengan bulan (angka Romawi) dan tahun empat angka, misalnya '45_PL.01.3-Kpt_3172_KPU-Kot_IV_2019', atau tulis jenis, nomor dan tahunnya, misalnya 'SK Ketua No 45 Th 2019'.",
    "The year in the old-style number ({detail}) has two digits. Write the number in full as on the document, with the month (Roman) and a four-digit year, e.g. '45_PL.01.3-Kpt_3172_KPU-Kot_IV_2019', or write kind, number and year, e.g. 'SK Ketua No 45 Th 2019'.",
  ],
  "OTHER_OFFICE_CODE:marker": [
    "Nomor keputusan gaya lama memuat kode wilayah kantor ini, tetapi penanda penerbitnya ({detail}) tidak dikenal untuk jenis keputusan mana pun. Bila ini keputusan kantor ini, minta pengelola arsipd menambahkan penanda itu ke styleBMarkers jenisnya di pengaturan convention.jenis; bila keputusan kantor lain, pindahkan berkas ke luar folder arsip.",
    "The old-style number carries this office's region code but an issuer marker ({detail}) that no kind of decree is configured with. If it is this office's decree, have the marker added to its kind's styleBMarkers in convention.jenis; otherwise move the file out of the archive share.",
  ],
  "BAD_NUMBER:oldNoMonth": [
    "Nomor keputusan gaya lama pada nama berkas tidak lengkap ({detail}): bulannya (angka Romawi sebelum tahun) tidak ada. Tulis nomornya lengkap seperti pada dokumen, misalnya '45_PL.01.3-Kpt_3172_KPU-Kot_IV_2019', atau tulis jenis, nomor dan tahunnya, misalnya 'SK Ketua No 45 Th 2019'.",
    "The old-style number in the name is incomplete ({detail}): the month (a Roman numeral before the year) is missing. Write the number in full as on the document, e.g. '45_PL.01.3-Kpt_3172_KPU-Kot_IV_2019', or write kind, number and year, e.g. 'SK Ketua No 45 Th 2019'.",
  ],
  "BAD_NUMBER:oldNoRegion": [
    "Nomor keputusan gaya lama pada nama berkas tidak lengkap ({detail}): kode wilayahnya (empat angka kode kantor sebelum tanda penerbit seperti 'KPU-Kot' atau 'Sek-Kot') tidak ada, sehingga tidak jelas keputusan kantor mana. Bila ini keputusan kantor ini, tulis nomornya lengkap seperti pada dokumen, misalnya '45_PL.01.3-Kpt_3172_KPU-Kot_IV_2019', atau tulis jenis, nomor dan tahunnya, misalnya 'SK Ketua No 45 Th 2019'; bila ini keputusan kantor lain, pindahkan berkas ke luar folder arsip.",
    "The old-style number in the name is incomplete ({detail}): the region code (the office's four digits before the issuer marker such as 'KPU-Kot' or 'Sek-Kot') is missing, so whose decree it is cannot be told. If it is this office's decree, write the number in full as on the document, e.g. '45_PL.01.3-Kpt_3172_KPU-Kot_IV_2019', or write kind, number and year, e.g. 'SK Ketua No 45 Th 2019'; if it is another office's decree, move the file out of the archive share.",
  ],
  "BAD_NUMBER:oldRegion": [
    "Nomor keputusan gaya lama pada nama berkas memuat {detail} di tempat kode wilayah (setelah kode klasifikasi '-Kpt'), dan itu bukan kode wilayah kantor mana pun. Bila ini keputusan kantor ini, ganti angka itu dengan kode wilayah seperti pada dokumen dan tulis bulannya, misalnya '9_SDM.08-Kpt_3172_Sek-Kot_I_2021', atau hapus nomor gaya lama itu dan tulis jenis, nomor dan tahunnya, misalnya 'SK Sekretaris No 9 Th 2021'; bila ini keputusan kantor lain, pindahkan berkas ke luar folder arsip.",
    "The old-style number in the name carries {detail} where the region code stands (after the classification code's '-Kpt'), and that is no office's region code. If it is this office's decree, replace it by the region code as on the document and write the month, e.g. '9_SDM.08-Kpt_3172_Sek-Kot_I_2021', or drop the old-style number and write kind, number and year, e.g. 'SK Sekretaris No 9 Th 2021'; if it is another office's decree, move the file out of the archive share.",
  ],
  "NO_LAMPIRAN_NUMBER:letter": [
    "Nama berkas menandai lampiran dengan huruf ({detail}), padahal arsip menomori lampiran 1, 2, 3 dan seterusnya: tulis nomor lampiran ini sesuai urutannya di keputusan, misalnya 'Lampiran 2'. Bila huruf itu bagian dari satu lampiran (I.A, I.B), gabungkan bagian-bagiannya menjadi satu PDF bernama 'Lampiran 1'.",
    "The name marks the attachment with a letter ({detail}), and the archive numbers attachments 1, 2, 3 …: write this attachment's number as the decree orders it, e.g. 'Lampiran 2'. If the letter marks a part of one attachment (I.A, I.B), join its parts into one PDF named 'Lampiran 1'.",
  ],
  "OFFICE_IN_SUBJECT:bodyPlace": [
    "Perihal menyebut urusan pemilu wilayah lain ({detail}: daftar pemilih, TPS, PPK, PPS atau KPPS, daerah pemilihan atau DPRD, tingkat rekapitulasi, atau pemilihan wali kota atau bupati): hanya KPU wilayah itu yang mengurusnya, jadi ini tampaknya keputusan KPU tersebut yang diketik tanpa nama instansinya. Bila benar, pindahkan berkas ke luar folder arsip; bila ini memang keputusan kantor ini, tulis nama kantor ini setelah jenisnya, misalnya 'SK Ketua KPU <kota/kabupaten kantor ini> No 5 Th 2024 tentang …'.",
    "The subject names another area's election business ({detail}: a voter list, polling stations, PPK, PPS or KPPS, an electoral district or DPRD, a tally's level, or a mayor's or regent's election): only that area's KPU handles it, so this looks like that office's decree typed without its issuer. If so, move the file out of the archive share; if it is this office's decree, name this office after the kind, e.g. 'SK Ketua KPU <this office's city or regency> No 5 Th 2024 tentang …'.",
  ],
  "OFFICE_IN_SUBJECT:oversight": [
    "Perihal menyebut pembentukan, pengangkatan atau anggota pengawas pemilu, atau hasil pengawasannya ({detail}): pengawas dibentuk dan diangkat oleh Bawaslu, dan hasil pengawasan ditetapkan oleh Bawaslu, bukan oleh KPU, jadi ini tampaknya keputusan Bawaslu. Bila benar, pindahkan berkas ke luar folder arsip; bila ini memang keputusan kantor ini, tulis nama kantor ini setelah jenisnya, misalnya 'SK Ketua KPU <kota/kabupaten kantor ini> No 5 Th 2024 tentang …'.",
    "The subject forms or appoints election supervisors, or sets the results of their supervision ({detail}): Bawaslu forms and appoints them and sets those results, never the KPU, so this looks like Bawaslu's decree. If so, move the file out of the archive share; if it is this office's decree, name this office after the kind, e.g. 'SK Ketua KPU <this office's city or regency> No 5 Th 2024 tentang …'.",
  ],
  "OFFICE_IN_SUBJECT:province": [
    "Perihal menyebut keputusan tentang calon yang hanya dibuat KPU penyelenggara pemilihan itu ({detail}: daftar calon tetap, calon terpilih, perolehan kursi, pasangan calon dan nomor urutnya, syarat dukungan, debat atau dana kampanye pemilihan gubernur atau DPRD provinsi; pemilihan wali kota atau bupati yang tidak ada di wilayah ini), jadi ini tampaknya keputusan KPU provinsi atau KPU wilayah lain. Bila benar, pindahkan berkas ke luar folder arsip; bila ini memang keputusan kantor ini, tulis nama kantor ini setelah jenisnya, misalnya 'SK Ketua KPU <kota/kabupaten kantor ini> No 5 Th 2024 tentang …'.",
    "The subject is a decision about candidates that only the KPU running that election makes ({detail}: final lists, elected candidates, seats won, candidate pairs and their ballot numbers, support thresholds, debates or campaign funds of a governor's or a provincial DPRD's election; a mayor's or regent's election this area does not hold), so this looks like the provincial office's or another area's decree. If so, move the file out of the archive share; if it is this office's decree, name this office after the kind, e.g. 'SK Ketua KPU <this office's city or regency> No 5 Th 2024 tentang …'.",
  ],
  "OFFICE_IN_SUBJECT:national": [
    "Perihal menyebut keputusan yang hanya dibuat KPU RI atau Sekretariat Jenderal KPU ({detail}: calon anggota DPR atau DPD, pengangkatan, pemberhentian atau penggantian anggota KPU, pengangkatan sekretaris KPU, pegawai Sekretariat Jenderal KPU, calon presiden, daerah pemilihan dan alokasi kursi, partai politik peserta pemilu, pedoman teknis pemilihan gubernur, bupati dan wali kota), jadi ini tampaknya keputusan instansi itu. Bila benar, pindahkan berkas ke luar folder arsip; bila ini memang keputusan kantor ini, tulis nama kantor ini setelah jenisnya, misalnya 'SK Ketua KPU <kota/kabupaten kantor ini> No 5 Th 2024 tentang …'.",
    "The subject is a decision only KPU RI or its Secretariat General makes ({detail}: DPR or DPD candidates, appointing, dismissing or replacing KPU members, appointing a KPU secretary, the Secretariat General's staff, presidential candidates, electoral districts and seats, the parties in an election, a technical guideline for the governors', regents' and mayors' elections), so this looks like that body's decree. If so, move the file out of the archive share; if it is this office's decree, name this office after the kind, e.g. 'SK Ketua KPU <this office's city or regency> No 5 Th 2024 tentang …'.",
  ],
  "OFFICE_IN_SUBJECT:kpuBusiness": [
    "Perihal menyebut urusan intern KPU lain ({detail}: sekretariatnya, satuan kerjanya, pegawai atau timnya): hanya kantor itu yang memutuskannya, jadi ini tampaknya keputusan kantor tersebut yang diketik tanpa nama instansinya. Bila benar, pindahkan berkas ke luar folder arsip; bila ini memang keputusan kantor ini, tulis nama kantor ini setelah jenisnya, misalnya 'SK Ketua KPU <kota/kabupaten kantor ini> No 5 Th 2024 tentang …'.",
    "The subject is another KPU office's own business ({detail}: its secretariat, its work unit, its staff or a team of its own): only that office decides on it, so this looks like that office's decree typed without its issuer. If so, move the file out of the archive share; if it is this office's decree, name this office after the kind, e.g. 'SK Ketua KPU <this office's city or regency> No 5 Th 2024 tentang …'.",
  ],
  "OFFICE_IN_SUBJECT:amends": [
    "Perihal mengubah atau mencabut keputusan kantor lain ({detail}): hanya instansi yang menetapkan suatu keputusan yang dapat mengubah atau mencabutnya, jadi ini tampaknya keputusan kantor tersebut yang diketik tanpa nama instansinya. Bila benar, pindahkan berkas ke luar folder arsip; bila ini memang keputusan kantor ini, tulis nama kantor ini setelah jenisnya, misalnya 'SK Ketua KPU <kota/kabupaten kantor ini> No 5 Th 2024 tentang …'.",
    "The subject amends or revokes another office's decree ({detail}): only the body that made a decree amends or revokes it, so this looks like that office's decree typed without its issuer. If so, move the file out of the archive share; if it is this office's decree, name this office after the kind, e.g. 'SK Ketua KPU <this office's city or regency> No 5 Th 2024 tentang …'.",
  ],
  "OFFICE_IN_SUBJECT:ethics": [
    "Perihal menyebut keputusan DKPP, dewan kehormatan penyelenggara pemilu ({detail}): tim pemeriksa daerah dibentuk dan anggotanya ditetapkan oleh DKPP, bukan oleh KPU, jadi ini tampaknya keputusan DKPP. Bila benar, pindahkan berkas ke luar folder arsip; bila ini memang keputusan kantor ini, tulis nama kantor ini setelah jenisnya, misalnya 'SK Ketua KPU <kota/kabupaten kantor ini> No 5 Th 2024 tentang …'.",
    "The subject is a decision of DKPP, the election organisers' ethics council ({detail}): DKPP forms its regional panels and sets their members, never a KPU office, so this looks like DKPP's decree. If so, move the file out of the archive share; if it is this office's decree, name this office after the kind, e.g. 'SK Ketua KPU <this office's city or regency> No 5 Th 2024 tentang …'.",
  ],
  "OFFICE_IN_SUBJECT:allOffices": [
    "Perihal menyebut semua KPU provinsi atau kabupaten/kota bersama-sama ({detail}): yang memutuskan untuk semuanya hanya KPU provinsi atau KPU RI, jadi ini tampaknya keputusan instansi itu. Bila benar, pindahkan berkas ke luar folder arsip; bila ini memang keputusan kantor ini, tulis nama kantor ini setelah jenisnya, misalnya 'SK Ketua KPU <kota/kabupaten kantor ini> No 5 Th 2024 tentang …'.",
    "The subject names the KPU offices of a province or the nation together ({detail}): only the provincial office or KPU RI decides for all of them, so this looks like that office's decree. If so, move the file out of the archive share; if it is this office's decree, name this office after the kind, e.g. 'SK Ketua KPU <this office's city or regency> No 5 Th 2024 tentang …'.",
  ],
  "PAGE_ONLY:part": [
    "Nama berkas memuat nomor bagian ({detail}): berkas ini tampaknya hanya satu bagian keputusan yang dipecah menjadi beberapa berkas, padahal arsip menyimpan satu berkas utuh per keputusan. Gabungkan semua bagiannya menjadi satu PDF dan beri nama tanpa nomor bagian; bila berkas ini memang memuat seluruh keputusan, hapus nomor bagian itu dari namanya.",
    "The name has a part number ({detail}): the file seems to be one part of a decree split into several files, and the archive keeps one whole file per decree. Join all parts into one PDF named without the part number; if this file holds the whole decree, remove the part number from its name.",
  ],
  "AMBIGUOUS_NUMBER:twoDecrees": [
    "Nama berkas menyebut dua keputusan ({detail}): setelah perihal keputusan pertama tertulis nomor keputusan lain, seperti pada hasil pindai beberapa keputusan yang digabung menjadi satu berkas. Bila berkas ini memuat beberapa keputusan, pindai atau simpan tiap keputusan sebagai berkas tersendiri dengan namanya masing-masing; bila berkas ini hanya memuat satu keputusan, beri nama keputusan itu saja, misalnya 'SK Ketua No 12 Th 2024 tentang Penetapan DPT'. Keputusan yang mengubah atau mencabut keputusan lain tetap ditulis dalam perihal, misalnya 'tentang Perubahan atas SK Ketua No 3 Th 2024'.",
    "The name names two decrees ({detail}): after the first decree's subject comes another decree's number, as when several decrees are scanned into one file. If the file holds several decrees, scan or save each decree as a file of its own, named for it; if it holds one, name that decree only, e.g. 'SK Ketua No 12 Th 2024 tentang Penetapan DPT'. A decree that amends or revokes another keeps it in its subject, e.g. 'tentang Perubahan atas SK Ketua No 3 Th 2024'.",
  ],
  "AMBIGUOUS_NUMBER:subjectSerial": [
    "Perihal diakhiri nomor lain ({detail}: nomor keputusan, lalu 'No' dan angka di akhir perihal), sehingga tidak jelas mana nomor keputusan ini. Bila berkas ini memuat dua keputusan, simpan tiap keputusan sebagai berkas tersendiri; bila angka itu bagian dari perihal, tulis apa yang dinomorinya tanpa 'No', misalnya 'TPS 13', atau sebut keputusan yang dikutipnya, misalnya 'Perubahan atas SK Ketua No 13 Th 2023'.",
    "The subject ends with another number ({detail}: the decree's number, then 'No' and a number at the subject's end), so which is this decree's number is unclear. If the file holds two decrees, save each as a file of its own; if the number is part of the subject, write what it numbers without 'No', e.g. 'TPS 13', or name the decree it cites, e.g. 'Perubahan atas SK Ketua No 13 Th 2023'.",
  ],
  "AMBIGUOUS_JENIS:kindTag": [
    "Nama berkas diawali satu jenis keputusan tetapi perihalnya diakhiri tanda jenis yang lain ({detail}), sehingga tidak jelas apakah ini keputusan Ketua atau keputusan Sekretaris. Periksa siapa yang menandatangani dokumennya: tulis jenis itu di awal nama dan hapus tanda di akhir perihal, misalnya 'SK Sekretaris No 4 Th 2024 tentang …'; bila berkas ini memuat keputusan keduanya, pindai atau simpan tiap keputusan sebagai berkas tersendiri.",
    "The name starts with one kind of decree but its subject ends with a tag naming the other ({detail}), so whether it is the chair's or the secretary's decree is unclear. Check who signed the document: write that kind at the start and drop the tag at the end, e.g. 'SK Sekretaris No 4 Th 2024 tentang …'; if the file holds decrees of both, scan or save each decree as a file of its own.",
  ],
  "AMBIGUOUS_QUALIFIER:typo": [
    "Nama berkas memuat kata '{detail}', yang tampaknya salah ketik 'Lampiran' atau 'Salinan': bila berkas ini lampiran atau salinan keputusan, perbaiki ejaannya, misalnya 'Lampiran 2' atau 'Salinan SK Ketua No 12 Th 2024'; bila kata itu bagian dari perihal, tulis perihalnya setelah 'tentang'.",
    "The name has the word '{detail}', which looks like a misspelt 'Lampiran' (attachment) or 'Salinan' (certified copy): if the file is an attachment or a certified copy of the decree, spell it right, e.g. 'Lampiran 2' or 'Salinan SK Ketua No 12 Th 2024'; if the word is part of the subject, write the subject after 'tentang'.",
  ],
  "AMBIGUOUS_QUALIFIER:english": [
    "Nama berkas memuat kata bahasa Inggris '{detail}' (lampiran atau salinan): bila berkas ini lampiran atau salinan keputusan, tulis dalam bahasa Indonesia, misalnya 'Lampiran 2' atau 'Salinan SK Ketua No 12 Th 2024'; bila kata itu bagian dari perihal, tulis perihalnya setelah 'tentang'.",
    "The name has the English word '{detail}' (an attachment or a copy): if the file is an attachment or a certified copy of the decree, write it in Indonesian, e.g. 'Lampiran 2' or 'Salinan SK Ketua No 12 Th 2024'; if the word is part of the subject, write the subject after 'tentang'.",
  ],
  "AMBIGUOUS_QUALIFIER:conflictCopy": [
    "Nama berkas memuat tanda salinan konflik dari aplikasi sinkronisasi ({detail}): ada dua versi keputusan yang sama, dan arsipd tidak dapat memilih mana yang benar. Bandingkan berkas ini dengan versi lainnya (biasanya berkas bernama sama tanpa tanda itu), simpan versi yang benar dengan nama tanpa tanda konflik itu, lalu pindahkan versi yang lain ke luar folder arsip.",
    "The name carries a sync client's conflict mark ({detail}): there are two versions of the same decree, and arsipd cannot tell which is right. Compare this file with the other version (usually the same name without the mark), keep the right one named without the conflict mark, and move the other out of the archive share.",
  ],
} as const satisfies Record<`${ReasonCode}:${string}`, readonly [string, string]>;

export type ReasonVariant = keyof typeof VARIANT_TEXT;

/** `reject` with the text of one case of a reason (VARIANT_TEXT); the code is the reason's. */
export function rejectVariant(variant: ReasonVariant, detail = ""): ParseRejected {
  const [id, en] = VARIANT_TEXT[variant];
  return {
    ok: false,
    reason: variant.slice(0, variant.indexOf(":")) as ReasonCode,
    message: id.replace("{detail}", () => detail),
    messageEn: en.replace("{detail}", () => detail),
  };
}

/**
 * Each text split at its "{detail}" (null without one), so a rejection joins strings instead of
 * running `replace` twice: rejections are as common as decrees in a messy share.
 */
const PARTS = Object.fromEntries(
  Object.entries(TEXT).map(([code, texts]) => [code, texts.map(split)]),
) as Record<ReasonCode, (readonly [string, string] | null)[]>;

function split(text: string): readonly [string, string] | null {
  const at = text.indexOf("{detail}");
  return at < 0 ? null : [text.slice(0, at), text.slice(at + "{detail}".length)];
}

/** `text` with its first "{detail}" replaced by `detail`, as `text.replace("{detail}", detail)`. */
function fill(
  text: string,
  parts: readonly [string, string] | null | undefined,
  detail: string,
): string {
  if (!parts) return text;
  // A "$" in `detail` would be a replacement pattern to `replace`; no detail has one today.
  if (detail.includes("$")) return text.replace("{detail}", detail);
  return parts[0] + detail + parts[1];
}

export function reject(reason: ReasonCode, detail = ""): ParseRejected {
  const [id, en] = TEXT[reason];
  const parts = PARTS[reason];
  return {
    ok: false,
    reason,
    message: fill(id, parts[0], detail),
    messageEn: fill(en, parts[1], detail),
  };
}
