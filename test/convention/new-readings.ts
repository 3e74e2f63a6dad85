/**
 * Where the parser may differ from the frozen reference parser (reference/): the readings added
 * after it was frozen, each held by its own table rows in names.data.json and office.test.ts.
 * - the office (office.ts): compared with the office check off, since the reference has none;
 * - Windows copy counters, list numbers, dates, attachment/copy markers and editing noise in
 *   the subject, numbers joined by "dan"/"jo", glued or misspelt words (repair.ts, subject.ts,
 *   head.ts DATES): names that hold one of their marks are not compared (`touched`);
 * - a subject cut to fit that ends with a year keeps the year (with "tahun anggaran"), and a cut
 *   drops joining words and a split place's name at its end (slug-cut.ts): the same decree, cut
 *   elsewhere;
 * - a jenis named by its own word outside a phrase: "Ketua No 1 …" reads KPT-KETUA where the
 *   reference found no jenis, "SK Ketua … Sekretaris" is AMBIGUOUS_JENIS where it read one, and a
 *   name both refuse may be refused for another of its problems;
 * - a head that names a kind of document that is no decree (doc-kind.ts: "Undangan", "Surat
 *   Edaran", "Berita Acara" …) is refused as NOT_A_DECREE, and one that says "Perubahan",
 *   "Pencabutan" or "Pembatalan" (or "Revisi atas", "Adendum") before the number as
 *   NUMBER_OF_OTHER: the reference knows neither; so is a subject that is only such a
 *   document's name ("… Th 2024 Undangan") or starts with a document about a decree ("… Th 2024
 *   Telaah Staf", doc-kind.ts documentAsSubject), where the reference filed it;
 * - another office's region code typed apart ("… Th 2024 kode 3171", "KPU 3578", region-code.ts)
 *   in a subject without "tentang" or in a head that did not read is OTHER_OFFICE_CODE, where
 *   the reference filed it with the code as subject (or refused it for two numbers);
 * - a head refused without a year that holds "Th"/"Tahun" and 1–3 digits ("No 12 Tahun 24") is
 *   SHORT_YEAR, where the reference refused it for two numbers (both refuse);
 * - a subject typed without "tentang" whose first word says where the document came from and
 *   names another body ("… Th 2024 dari Bawaslu", "(kiriman Pemprov DKI)", office.ts
 *   originFirst) is OFFICE_IN_SUBJECT: compared with the office check off, as all office checks;
 * - in the second reading (repair.ts), a phrase word of five letters or more typed with one
 *   letter doubled or slipped in ("Ketuaa", "Sektretaris"), or of seven or more with one left
 *   out ("Sekretais"), is respelt when exactly one phrase word is that near, and "Nomo"/"Nomr"
 *   are "Nomor": names refused for NO_JENIS/NO_NUMBER/NO_YEAR by the reference may read;
 * - full-width ASCII ("No １２ Th ２０２４") is read as ASCII (text.ts foldSameLength), where the
 *   reference found no number;
 * - a day of one or two digits before a month's name where a subject typed without "tentang"
 *   starts ("… Th 2024 5 Mei 2024", day-month.ts) is refused as NO_NUMBER unless a "No" keyword
 *   gave the serial, where the reference filed the day as the serial (names with a day and a
 *   month are `touched`);
 * - a name typed subject first, without "tentang", whose rest names a decree again with a number
 *   ("Pelaksanaan SK Ketua No 5 … - SK Ketua No 12 …") is AMBIGUOUS_NUMBER, its first number
 *   among those named, where the reference read the first; when the first is amended or revoked
 *   by the second, made later and of the same kind ("Perubahan SK Ketua No 5 Th 2024 oleh SK
 *   Ketua No 12 Th 2024"), the second is the decree and the first its subject (numbers-last.ts
 *   decreeLast);
 * - a date typed with spaces ("2024 05 10"), "kopi" and "sesuai aslinya" are stamps and noise
 *   (stamps.ts, subject.ts), a serial typed with O, I or L for a digit ("No 1O") is refused
 *   as BAD_NUMBER, and a misspelt "Nomor"/"Tahun" ("Nmor", "Tahn") is read in the second
 *   reading (repair.ts): names holding one are not compared (`touched`);
 * - a jenis word glued to a keyword ("kepTh 1995 nmr 1") or to another jenis or office word
 *   ("KepKPU", "KeputusanKEPUTUSAN") is split by the second reading (repair.ts glue) where the
 *   reference found no jenis: not compared (`touched`);
 * - a number of 1–3 digits set before "SK"/"Kep"/"Keputusan" ("53 Kep. Sekretaris 2025",
 *   "001_SK Ketua No 3 …") is a list number as often as a serial and is read as neither
 *   (repair.ts): names that start so are not compared (`touched`);
 * - what PDF tools leave at the subject's end or in brackets ("_signed", "-compressed",
 *   "_merged", "ocr", "CamScanner"), a device's name for the file ("WhatsApp Image …", "IMG_…")
 *   and version marks ("v2", "versi 2") are noise (subject.ts):
 *   names holding one are not compared (`touched`);
 * - a lone letter after a serial ("No 12 B", "No 12 Th 2024 A") is refused as LETTER_APART,
 *   and read as the serial's own before the year's keyword ("No 12-A Th 2024" is 12A), where
 *   the reference read 12 and dropped the letter: names holding a number and then a lone
 *   letter are not compared (`touched`);
 * - a number typed without "No" right after a counting word ("Dapil 5", "Tahap 2", "Ke-2",
 *   head.ts COUNTERS) is no serial: a head whose only serials are such is NO_NUMBER, where the
 *   reference read the counter's number as the serial;
 * - one or two digits after a dash right after a year, where the head ends ("SK Ketua Th 2024 -
 *   2", head.ts counterAfterYear), with no other serial, are refused as NO_NUMBER (a copy
 *   counter or a page as likely as the serial), where the reference read them as the serial:
 *   names holding a year, a dash and one or two digits are not compared (`touched`);
 * - a draft's word as a mark at the subject's end or in brackets ("… ttg DPT (draft)", "_konsep",
 *   "- Rancangan", "… DPT draft"; subject.ts) is NOT_A_DECREE in a PDF or scan, as in the head,
 *   and is dropped from an editable file's slug, where the reference kept it in the slug: names
 *   holding "draf", "konsep" or "ranc" are not compared (`touched`);
 * - a page mark right after the numbers ("… Th 2024 (1 of 3)", lenient.ts pageAfterNumbers) is
 *   PAGE_ONLY, where the reference refused two numbers;
 * - a subject typed without "tentang" that starts with an election's year and another year
 *   ("… No 12 Pilkada 2024 Th 2023", lenient.ts electionThenYear) is read with the head:
 *   AMBIGUOUS_YEAR, or the year when both are the same, where the reference refused NO_YEAR;
 * - an old-style number typed without its month or with a two-digit year (old-numbers.ts
 *   findPartialOldNumber) is BAD_NUMBER or SHORT_YEAR, or OTHER_OFFICE_CODE for another
 *   office's, where the reference refused it otherwise;
 * - at the subject's end (subject-end.ts), a part's number ("part 1", "(bagian 2)", "Bagian
 *   Dua") is PAGE_ONLY, a sync client's conflict mark ("(conflicted copy …)") is
 *   AMBIGUOUS_QUALIFIER, a document's name as a tag ("- Berita Acara") is NOT_A_DECREE, a
 *   second decree joined with "dan"/"&"/"+" or after ",", "_" or a spaced dash is
 *   AMBIGUOUS_NUMBER, and a tag naming the other kind ("- SK Sekretaris", "(Kep Sekretaris)",
 *   two-decrees.ts) is AMBIGUOUS_JENIS, where the reference filed them
 *   ("dan" is `touched`); an attachment's number as a word ("Lampiran Dua") or with a caption
 *   after it is read as the attachment, and any office file's extension before the real one
 *   (".xlsx.pdf") is dropped: names holding "lamp" or a doubled extension are `touched`.
 * - a count after a counting word beside a serial typed after "No" or with its year ("Tahap 2 -
 *   SK Ketua No 14 Th 2024", head.ts uncounted) leaves that serial read, where the reference
 *   refused the name for two numbers; a subject typed before the decree's name is its slug
 *   (head-subject.ts), where the reference filed the decree without one; a serial typed
 *   after letters and "." ("DPT.1_Kpts_…", a classification code's shape) is no serial: the
 *   name is refused, or read from its other numbers;
 * - dots after the extension are dropped ("… DPT.pdf."), Google Drive's "Salinan dari" in front
 *   is a copy's name (no certified copy; "salinan" is `touched`), "%20" names are decoded;
 * - a year that starts the name right before the decree's name ("2027 KEPUTUSAN KPU … 9 …",
 *   subject-start.ts subjectStart) is read with the head's numbers, where the reference took it for
 *   the serial's place and cut the head there: names that start so are not compared (`touched`);
 * - a second decree in brackets after the subject ("… ttg DPT (SK Sekretaris No 2 …)",
 *   two-decrees.ts) is AMBIGUOUS_NUMBER; a camera's counter ("IMG_0001", "DSCN0042"),
 *   Telegram's "photo_…" and a dated scan's counter are stamps (stamps.ts); an issuer marker
 *   typed glued ("KPUKot", "SekKot", rules.ts) is the configured one, also with its month glued
 *   ("KPU-KotIV", old-numbers.ts gluedMonth); "Tahun" before the year
 *   of a 2011–2017 number ("…/Kpts/KPU-Prov-010/TAHUN 2016", old-numbers.ts STYLE_C) is read:
 *   names holding one are not compared (`touched`);
 * - a serial whose letter reads as a digit ("No 1S", "12Z": a scanner's text recognition) or
 *   stands for one ("No 1x") is BAD_NUMBER, where the reference filed the letter as a suffix;
 *   a word in capitals with text recognition's "0", "1" or "rn" ("K0MISI", "N0M0R", repair.ts
 *   ocrCapitals) is read as spelt right; an unsigned file's mark ("belum ttd") is a draft's, a
 *   signed one's ("sudah ttd") noise, and a mark that the number is wrong or the file void
 *   ("salah nomor", "batal") is refused (subject.ts); a register's, agenda's, archive box's or
 *   camera's number in front ("Reg 0015", "Box 3", "IMG_0012") is no serial (head.ts
 *   COUNTERS); a mail header's encoded words are decoded (parse.ts mimeDecoded); a draft in
 *   review ("utk paraf", "coretan") is a draft: names holding one are not compared
 *   (`touched`);
 * - a name both refuse may be refused for another of its problems, or in other words: nothing is
 *   filed either way, and the refusal must still say what to do.
 * Everything else must read exactly as the reference does.
 */
import { expect } from "vitest";
import type { ConventionConfig } from "../../src/config/schema.js";
import { COUNTERS } from "../../src/convention/head.js";
import { type ParseOptions, parse } from "../../src/convention/parse.js";
import type { ParseResult } from "../../src/convention/types.js";
import { parse as referenceParse } from "./reference/parse.js";

const TOUCHED =
  /cop[yi]|[([][^a-z0-9]*(?:\d|lamp|salinan|rev|final|fix|scan|ttd)|rev|final|fix|ttd|tte|scan|dpi|ok[^a-z0-9]*\.|lamp|salinan|\.(?:pdf|docx?|xlsx?|pptx?|od[tsp]|rtf|jpe?g|png|tiff?)[^a-z0-9]*\.|^[^a-z0-9]*\d{1,3}\s*(?:[.)]|\s-\s)|^[^a-z0-9]*\(?\d{1,3}(?:[)\]][\s_]*|[\s_]+)(?:keputusan|sk|kep)(?![a-z0-9])|(?:sk|kep|kpts?|ketua|sek(?:retaris)?)(?:th|thn|tahun|no|nomor|nomer|nmr)(?![a-z])|(?<![a-z0-9])(?:dan|jo|juncto|serta|atau|or|vs)(?![a-z0-9])|\d[-._/ ]*\d{1,2}[-._/]\d|\d{8}|\d\s*(?:jan|feb|peb|mar|apr|mei|jun|jul|agu|agt|sep|okt|nov|nop|des)|[a-z]\d|\d[a-z]{2}|(?:19|20)\d\d[^a-z0-9]*\.[a-z0-9]*[^a-z0-9]*$|\d\d \d\d \d\d|kopi|(?:sk|kep|kpts?|keputusan)(?:kpu|keputusan|kep|ketua|sek)|sesuai|\d[oilzsgqx](?![a-z0-9])|salah|batal|pakai|guna|belum|blm|tanda|sudah|sdh|telah|unsigned|harusnya|benar|betul|-kpt[\s._]+\d|(?<![a-z])(?:reg|register|registrasi|agd|agenda|box|boks|kotak|rak|lemari|folder|map|ordner|bundel|berkas|file|urut|img|dsc|document|dokumen)[\s._#:-]*(?:[a-z][\s._-]*)?\d|=\?|koreksi|coretan|usulan|ditetapkan|ditandatangani|tgl|tanggal|perbaikan|ralat|pembetulan|(?<![a-z])nd(?![a-z])|\d[a-z]?[^a-z0-9]+[a-z](?![a-z0-9])|(?<![a-z])(?:nmor|nomr|onmor|nmoor|nomro|nomo|thun|tahn|taun|thaun|tauhn|tahnu)(?![a-z])|sign|compress|convert|merge|unlock|ocr|whatsapp|(?:img|pxl|dsc)_\d|(?<![a-z0-9])v(?:er(?:si|sion)?)?(?![a-z])|(?:19|20)\d\d[\s_]*[-\u2013\u2014][\s_]*\d{1,2}(?![0-9])|draf|konsep|ranc|^[^a-z0-9]*(?:19|20|21)\d\d[^a-z0-9]+(?:keputusan|sk|skep|kep|kpts?)(?![a-z0-9])|kpukot|sekkot|kota?[ivx]{1,4}(?![a-z0-9])|kpts?[\s/_-]+[a-z]+[\s_-]+[a-z]+(?:-[0-9][0-9.]*)?[\s/_-]+(?:tahun|thn|th)|(?:img|dsc[nf]?)\d{4}|photo_\d|[([]\s*(?:sk|kep|kpts?|keputusan|surat)(?![a-z])|\d\?|[-,&+(\u2013][^a-z0-9]*(?:no|nomor|nomer|nmr)[^a-z0-9]*\d|(?:19|20)\d\d[\s_]*[-/][\s_]*\d{4}|^[^a-z0-9]*0\d{3}[\s_]+(?:keputusan|sk|kep)|^[^a-z0-9]*(?:fwd?|re)(?:_|:|\s*-)|\d{8}t\d{6}|\d{8}[\s_-]\d{4}|gmail|log[^a-z0-9]+persetujuan/i;

const ROLE = /ketua|sek/i;

function plain(name: string): string {
  return name.normalize("NFKD").replace(/[\u0300-\u036f]/g, "");
}

/**
 * Whether a word of `name` is a configured phrase word of five letters or more with one letter
 * more, or (seven or more) one letter less: what repair.ts respells in the second reading.
 */
function hasOneLetterOff(name: string, rules: ConventionConfig): boolean {
  const phraseWords = rules.jenis
    .flatMap((j) => [j.code, j.label, ...j.aliases])
    .flatMap((p) =>
      plain(p)
        .toLowerCase()
        .split(/[^a-z]+/),
    )
    .filter((w) => w.length >= 5);
  const drops = (long: string, short: string) => {
    let i = 0;
    while (i < short.length && long[i] === short[i]) i++;
    return long.slice(i + 1) === short.slice(i);
  };
  return plain(name)
    .toLowerCase()
    .split(/[^a-z]+/)
    .some((w) =>
      phraseWords.some(
        (t) =>
          (w.length === t.length + 1 && drops(w, t)) ||
          (t.length >= 7 && w.length === t.length - 1 && drops(t, w)),
      ),
    );
}

/** Whether a word of a configured phrase is glued to a keyword after it ("PerbupTh"). */
function hasGluedKeyword(name: string, rules: ConventionConfig): boolean {
  const lower = plain(name).toLowerCase();
  return rules.jenis
    .flatMap((j) => [j.code, j.label, ...j.aliases])
    .flatMap((p) =>
      plain(p)
        .toLowerCase()
        .split(/[^a-z]+/),
    )
    .filter((w) => w.length >= 2)
    .some((w) => new RegExp(`${w}(?:th|thn|tahun|no|nomor|nomer|nmr)(?![a-z])`).test(lower));
}

/** Whether a number follows a counting word in `name` (head.ts COUNTERS): "Dapil 5", "Ke-2". */
function countedNumber(name: string): boolean {
  const words = plain(name)
    .toLowerCase()
    .split(/([^a-z0-9]+)/);
  for (let i = 0; i + 2 < words.length; i++) {
    if (
      COUNTERS.has(words[i]!) &&
      /^[\s.:_#-]+$/.test(words[i + 1]!) &&
      /^\d/.test(words[i + 2]!)
    ) {
      return true;
    }
  }
  return false;
}

/** A serial, "Kpts" and "KPU" of an old-style number ("1_Kpts_KPU-Prov_…"). */
const KPTS_KPU_IN_NUMBER = /(?<![a-z0-9])\d{1,4}[a-z]?[\s/_-]+kpts?[\s/_-]+kpu[\s_-]/i;

/** Letters, "." and digits: a classification code's shape ("SDM.08", "KU.02.1"). */
const CLASS_SHAPE = /(?<![a-z0-9])[a-z]{2,4}((?:\.\d{1,3})+)(?![0-9])/gi;

/** The numbers of the classification codes' shapes in `name`, as serials are normalised. */
function classDigits(name: string): string[] {
  const out: string[] = [];
  for (const m of name.matchAll(CLASS_SHAPE)) {
    for (const d of m[1]!.split(".").slice(1)) out.push(String(Number(d)));
  }
  return out;
}

/** The numbers a refusal lists in brackets ("… (14, 2) …"), normalised as serials are. */
function numbersIn(message: string): string[] {
  const m = /\(([0-9A-Za-z, ]+)\)/.exec(message);
  return m === null ? [] : m[1]!.split(", ").map((n) => n.replace(/^0+(?=\d)/, "").toUpperCase());
}

export function touched(name: string): boolean {
  return TOUCHED.test(plain(name)) || SEEN_OTHERWISE.test(name);
}

/**
 * What the parser reads before it folds: UTF-8 read as Windows-1252 ("â€“", "Ã©", mojibake.ts)
 * and Unicode's Roman numerals ("Ⅱ", text.ts asSeen), both gone from `plain`'s NFKD; the
 * default office's region code, refused as a serial (parse.ts); a number after an amending word,
 * never moved before "tentang" (numbers-last.ts).
 */
const SEEN_OTHERWISE =
  /(?<![0-9])3172(?![0-9])|(?:atas|perubahan|pencabutan|pembatalan|mengubah|mencabut|ubah|merubah)[^a-z0-9]+(?:nomor|nomer|nmr|no)[^a-z0-9]*\d|[\u00c2-\u00f4][\u0080-\u00bf\u0152\u0153\u0160\u0161\u0178\u017d\u017e\u0192\u02c6\u02dc\u2013\u2014\u2018-\u201e\u2020-\u2022\u2026\u2030\u2039\u203a\u20ac\u2122]|[\u2160-\u217f]/;

/** An amending word typed first ("Perubahan …", "Pencabutan …"): numbers-last.ts decreeLast. */
const AMENDING_FIRST =
  /(?<![a-z0-9])(?:perubahan|pencabutan|pembatalan|mengubah|merubah|ubah|mencabut)(?![a-z0-9])/i;

/** Counts of names compared and skipped, so a test can check the comparison is not vacuous. */
export const tally = { compared: 0, touched: 0 };

export function sameAsReference(name: string, rules: ConventionConfig, opts: ParseOptions): void {
  // Dots after the extension are dropped, as Windows drops them ("… DPT.pdf."): the reference
  // read the name without them.
  const typed = name.replace(/(?<=\.[A-Za-z0-9]{1,10})[\s.]+$/, "");
  const want = shortExtension(referenceParse(typed, rules, opts), rules, typed);
  const got = parse(name, { ...rules, office: undefined } as unknown as ConventionConfig, opts);
  if (touched(name)) {
    tally.touched++;
    expect(got.ok || got.message.length > 20, name).toBe(true);
    return;
  }
  // A phrase word typed one letter off ("Perbupx", "Ketuaa"), or glued to a keyword after it
  // ("PerbupTh 2000", a phrase of the config, where TOUCHED knows the default phrases' words),
  // read in the second reading where the reference found no jenis (repair.ts oneLetterOff,
  // glue): nothing to compare the fields with.
  if (
    !want.ok &&
    want.reason === "NO_JENIS" &&
    got.ok &&
    (hasOneLetterOff(name, rules) || hasGluedKeyword(name, rules))
  ) {
    tally.touched++;
    return;
  }
  tally.compared++;
  // Digits after letters and "." ("DPT.1_Kpts_…", "AA.0_Kpt …") have a classification code's
  // shape ("SDM.08", "KU.02.1-Kpt"): they are the code's, no serial (old-numbers.ts
  // NOT_IN_CLASS, findClassCodes), where the reference read them; the name is refused, or read
  // from another number typed in it.
  const codeDigits = classDigits(plain(name));
  const tookCode = want.ok
    ? codeDigits.includes(want.decree.nomor)
    : numbersIn(want.message).some((n) => codeDigits.includes(n));
  const differ =
    got.ok !== want.ok ||
    (got.ok &&
      want.ok &&
      (got.decree.nomor !== want.decree.nomor || got.decree.nomorAsli !== want.decree.nomorAsli));
  if (tookCode && differ) {
    tally.touched++;
    if (got.ok) {
      const typed = new RegExp(`(?<![0-9.])0*${got.decree.nomor}(?![0-9])`, "i");
      expect(plain(name), name).toMatch(typed);
    } else {
      expect(got.message.length, name).toBeGreaterThan(20);
    }
    return;
  }
  // "Kpts KPU" inside an old-style number ("1_Kpts_KPU-Prov_1995") is that number's, no jenis
  // phrase: where the reference took a second copy of the number for KPT-KETUA's alias "kpts
  // kpu", the name is refused for naming no kind.
  if (!got.ok && got.reason === "NO_JENIS" && want.ok && KPTS_KPU_IN_NUMBER.test(plain(name))) {
    tally.touched++;
    return;
  }
  // A jenis's own word alone ("Ketua No 1 …") now names it where the reference found no jenis,
  // and is no longer the subject's first word: the fields must still read the same. Where the
  // reference took that word as the subject's start, the number or year after it was out of its
  // reach ("Th 1995 SK Ketua Ketua No 1": NO_NUMBER there, read here).
  const roleReach =
    !want.ok && got.ok && (want.reason === "NO_NUMBER" || want.reason === "NO_YEAR");
  if (ROLE.test(plain(name)) && (!want.ok ? want.reason === "NO_JENIS" || roleReach : got.ok)) {
    tally.touched++;
    if (want.ok && got.ok) {
      const { tentang: _a, ...g } = got.decree;
      const { tentang: _b, ...w } = want.decree;
      expect(g, name).toEqual(w);
    }
    return;
  }
  // Both refuse, for another reason or in other words: the later readings take part in reading
  // every name (a jenis word standing alone, a glued word split by the second reading, a list
  // number, a letter apart …), so a name the reference refused may be refused for another of its
  // problems (two numbers, where the reference stopped at the missing year; a year out of range,
  // where it found no jenis), or for the same one with more of it named ("0, 1, 1B" where the
  // reference saw "0, 1"), or with a message reworded since. Nothing is filed either way; the
  // refusal must still say what to do.
  if (!got.ok && !want.ok && (got.reason !== want.reason || got.message !== want.message)) {
    tally.touched++;
    expect(got.message.length, name).toBeGreaterThan(20);
    return;
  }
  if (
    !got.ok &&
    got.reason === "AMBIGUOUS_NUMBER" &&
    want.ok &&
    got.message.includes(`(${want.decree.nomor}, `)
  ) {
    tally.touched++;
    return;
  }
  if (!got.ok && got.reason === "NO_NUMBER" && want.ok && countedNumber(name)) {
    tally.touched++;
    return;
  }
  // A count beside a serial typed after "No" or with its year ("Tahap 2 - SK Ketua No 14 Th
  // 2024", head.ts uncounted) is the subject's: the serial is read where the reference refused
  // the name for two numbers, this one among them.
  if (
    got.ok &&
    !want.ok &&
    want.reason === "AMBIGUOUS_NUMBER" &&
    countedNumber(name) &&
    numbersIn(want.message).includes(got.decree.nomor)
  ) {
    tally.touched++;
    return;
  }
  // A subject typed before the decree's name ("Penetapan DPT - SK Ketua No 12 Th 2024",
  // head-subject.ts headSubject) is its slug, where the reference filed the decree without one.
  if (got.ok && want.ok && want.decree.tentang === null && got.decree.tentang !== null) {
    tally.touched++;
    expect({ ...got.decree, tentang: null }, name).toEqual(want.decree);
    return;
  }
  // An amended decree typed first, the amending one after it: the later one is read
  // (numbers-last.ts decreeLast), where the reference read the first.
  if (
    got.ok &&
    want.ok &&
    AMENDING_FIRST.test(plain(name)) &&
    got.decree.nomor !== want.decree.nomor
  ) {
    tally.touched++;
    expect(got.decree.tentang ?? "", name).toMatch(AMENDING_FIRST);
    return;
  }
  // The only year typed in a subject before the decree's name ("Penetapan DPT 2024 No 12" with
  // "No" a phrase) is the subject's (head-subject.ts frontNumbers), where the reference took it.
  if (!got.ok && got.reason === "NO_YEAR" && want.ok && got.messageEn.includes("subject's")) {
    tally.touched++;
    expect(got.messageEn, name).toContain("Write the decree's year after its number");
    return;
  }
  if (!got.ok && (got.reason === "NOT_A_DECREE" || got.reason === "NUMBER_OF_OTHER")) {
    tally.touched++;
    expect(got.message, name).toMatch(/bukan (?:keputusan|nomor keputusan ini)/);
    return;
  }
  // A jenis word standing alone after the numbers ("1_Kpts_KPU-Kota_1995 Ketua 2") ends the
  // subject's claim on what follows it: a number after it is read as a second number, and the
  // name is refused as ambiguous where the reference took "Ketua 2" as the subject. Refusing is
  // the safe side of that doubt.
  if (
    !got.ok &&
    want.ok &&
    ROLE.test(plain(name)) &&
    (got.reason === "AMBIGUOUS_NUMBER" || got.reason === "AMBIGUOUS_YEAR")
  ) {
    tally.touched++;
    expect(got.message.length, name).toBeGreaterThan(20);
    return;
  }
  if (!got.ok && got.reason === "AMBIGUOUS_JENIS" && (want.ok || want.reason !== got.reason)) {
    expect(got.message, name).toMatch(/ketua|sek/i);
    return;
  }
  // A subject cut to fit the name drops joining words at the cut's end ("… gubernur dan" →
  // "… gubernur", slug-cut.ts) and keeps "tahun anggaran" with a year, where the
  // reference cut elsewhere: the same decree, its name still the subject's words in order.
  if (got.ok && want.ok && got.path !== want.path && cutElsewhere(got, want)) {
    tally.touched++;
    expect(got.decree, name).toEqual(want.decree);
    return;
  }
  expect(got, name).toEqual(want);
}

/**
 * A typed name's ".jpeg" or ".tiff" is filed as ".jpg" or ".tif" when the config allows those
 * (parse.ts canonicalExtension), where the reference kept the spelling; a canonical name keeps
 * its own. `want` as the reference read it, with that extension.
 */
function shortExtension(want: ParseResult, rules: ConventionConfig, name: string): ParseResult {
  if (!want.ok) return want;
  const short = ({ jpeg: "jpg", tiff: "tif" } as Record<string, string>)[want.decree.ext];
  const base = want.path.slice(want.path.lastIndexOf("/") + 1);
  const canonical = name.startsWith(`${base.slice(0, base.lastIndexOf("."))}.`);
  if (short === undefined || !rules.extensions.includes(short) || canonical) return want;
  const path = `${want.path.slice(0, want.path.lastIndexOf(".") + 1)}${short}`;
  return { ...want, path, decree: { ...want.decree, ext: short } };
}

/**
 * Whether two readings of one decree differ only in where the subject was cut: same folder and
 * extension, and every word of `got`'s name among the words of `want`'s name and whole subject,
 * in order.
 */
function cutElsewhere(
  got: { path: string; decree: { tentang: string | null } },
  want: { path: string; decree: { tentang: string | null } },
): boolean {
  const g = got.path.split("/");
  const w = want.path.split("/");
  if (g[0] !== w[0] || g[1] !== w[1] || extension(got.path) !== extension(want.path)) return false;
  const words = (s: string) =>
    plain(s)
      .toLowerCase()
      .split(/[^a-z0-9]+/)
      .filter(Boolean);
  const pool = [...words(w[2]!.replace(/\.[^.]+$/, "")), ...words(want.decree.tentang ?? "")];
  let j = 0;
  for (const word of words(g[2]!.replace(/\.[^.]+$/, ""))) {
    while (j < pool.length && pool[j] !== word) j++;
    if (j === pool.length) return false;
    j++;
  }
  return true;
}

function extension(path: string): string {
  return path.slice(path.lastIndexOf("."));
}
