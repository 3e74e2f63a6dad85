/**
 * Pre-2022 decree numbers, with "/" as printed or typed as "_", "-" or spaces:
 * - Style B (≈2018–2021): `45/PL.01.3-Kpt/3172/KPU-Kot/IV/2019`
 *   serial / classification-Kpt / region code / issuer marker / month (Roman) / year;
 * - Style C (≈2011–2017): `24/Kpts/KPU-Prov-010/2012`, `5/Kpts/KPU-Kota-012.329521/2015`.
 * Works on the folded, lower-case text (text.ts foldSameLength) and reports spans into it, so the
 * caller can slice the original for `nomorAsli` (printed with "/").
 */
import { fourDigits, HEAD_KEYWORDS, isDigit } from "./numbers.js";
import { type CompiledRules, markerKey } from "./rules.js";
import { isSpace } from "./text.js";

export interface OldNumber {
  start: number;
  end: number;
  serial: string;
  year: number;
  /** The number as printed, rebuilt with "/" from the original spelling. */
  asli: string;
  /** Jenis from the issuer marker, or null when the marker is not configured. */
  jenis: string | null;
  /** The issuer marker as typed ("KPU-Kot", "KPU-Kota-012.329521"), for messages. */
  issuer: string;
  /** Style B's region code ("3172"), or null. */
  region: string | null;
  /** Style C's office code ("012.329521"), or null. */
  officeCode: string | null;
}

// Every part is a capture group, separators too, so the parts' positions follow from their
// lengths: cheaper than the regex `d` flag, which builds an indices array for every match.
const S = "([\\s/_-]+)";
/**
 * Style B's separators, "." too ("12.KU.02.1-Kpt.3172.Sek-Kot.IV.2021"): its classification
 * code and region code leave no doubt. Not Style C's, where "Th.2024" after two words would
 * read as a number's year.
 */
const SB = "([\\s/_.-]+)";
/**
 * Between the serial and its classification code, a bracket too: the rest of the number typed
 * in brackets after "No" ("No. 14 (PP.04.1-Kpt 3172 KPU-Kot II 2019)").
 */
const SB_OPEN = "([\\s/_.(-]+)";
/**
 * A classification code and its "-Kpt" ("PL.01.3-Kpt", "KU.02.1-Kpt-Sek", "SDM.08-Kpt", "PL.01.3
 * - Kpt" typed with the number's every "/" as " - "): two to
 * four letters, then numbers after "." or, typed with spaces, "_" or "-" for "." ("KU 02 1 Kpt",
 * "pl-01-3-kpt" of a web system's slug), after those (never after "No", "Th" or a decree's word:
 * "No 12 Kpt" is a serial).
 */
const CLASS =
  "(?:[a-z]{2,4}(?:\\.\\d{1,3})+|(?!(?:no|nmr|nomor|th|thn|tahun|sk|kep|kpts?)[\\s_-])[a-z]{2,4}(?:[\\s_-]\\d{1,3})+)(?:[\\s_-]?|\\s-\\s)kpts?(?:[\\s_-]sek)?";
/**
 * Not a camera's or a scanner's counter, four digits zero-padded after its word
 * ("IMG_0045-PL.01.3-Kpt-3172-…", "SCAN0045_…"): its digits stand where the serial would, and
 * which one the file is nothing says (head.ts COUNTERS). A clerk's "scan_161_PL.02.1-Kpt_…" is
 * the serial.
 */
const NOT_A_COUNTER = "(?!(?<=(?:img|dsc[nf]?|pxl|scan)[-_]?)0\\d{3}(?![0-9]))";
/**
 * A month's full name where the number prints its Roman numeral ("…_KPU-Kot_April_2019"), as
 * some clerks type it; the number as printed (styleBOf) has the numeral.
 */
const FULL_MONTHS = [
  "januari",
  "februari",
  "maret",
  "april",
  "mei",
  "juni",
  "juli",
  "agustus",
  "september",
  "oktober",
  "november",
  "desember",
];
const MONTH_WORDS = [...FULL_MONTHS, "pebruari", "nopember"].join("|");
const ROMAN_MONTHS = ["I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X", "XI", "XII"];

/** `month` as typed, a full name as its Roman numeral ("April" → "IV"). */
function printedMonth(month: string): string {
  const m = month.toLowerCase().replace("pebruari", "februari").replace("nopember", "november");
  const k = FULL_MONTHS.indexOf(m);
  return k < 0 ? month : ROMAN_MONTHS[k]!;
}

/**
 * serial, class-Kpt, region, issuer, month, year at groups 1, 3, 5, 7, 9, 11. The class is two to
 * four letters with dotted digits (PL.01.3, HK.03.2, KU.02.1, SDM.08), "-Kpt" and, in some
 * secretariats, "-Sek"; the issuer one or two words (KPU RI's own numbers carry "KPU" alone).
 */
const STYLE_B = new RegExp(
  `(?<![a-z0-9])${NOT_A_COUNTER}(\\d{1,4}[a-z]?)${SB_OPEN}(${CLASS})${SB}(\\d{2,6})${SB}([a-z]+(?:[\\s_-]+[a-z]+)?)${SB}([ivx]{1,4}|\\d{1,2}|${MONTH_WORDS})${SB}(\\d{4})(?![0-9])`,
);
/**
 * A Style-B number printed without its issuer marker, the region code's four digits and a Roman
 * month after it ("5/KU.02.1-Kpt-Sek/3578/I/2019", "11 KU.02.1-Kpt-Sek 3172 III 2019"): STYLE_B's
 * groups, the issuer's two empty. Its jenis is the secretariat's when "-Sek" ends the class,
 * else the one the name types ("Kep Sekretaris 11 …").
 */
const STYLE_B_BARE = new RegExp(
  `(?<![a-z0-9])${NOT_A_COUNTER}(\\d{1,4}[a-z]?)${SB}(${CLASS})${SB}(\\d{4})${SB}()()([ivx]{1,4})${SB}(\\d{4})(?![0-9])`,
);

/**
 * Not the last digits of a classification code ("1" of "KU.02.1", "08" of "SDM.08"): no digit
 * or classification code's letters and "." before, but for "No." / "SK." / "Kep Sek." …
 * ("No.5_Kpts_…"): no classification is lettered like a decree's name.
 */
const NOT_IN_CLASS =
  "(?<![a-z0-9]|\\d\\.|(?<![a-z])(?!(?:no|nmr|sk|kep|sek|kpts?|skep)\\.)[a-z]{2,4}\\.)";
/**
 * Not the day of a date typed in front ("2014-04-25_Kpts_KPU-Jakut_15_2014 …"): read as Style
 * C's serial, the decree's own number (15) became an office's code, another office's.
 */
const NOT_IN_DATE = "(?<!(?:19|20)\\d\\d[-_.](?:0?[1-9]|1[0-2])[-_.])";
/**
 * serial, Kpts, issuer (two words, "KPU-Prov", or "KPU"/"KPUD" and up to four, as clerks type an
 * office's whole name there: "KPU-Kota-Jakarta-Utara"), optional suffix, optional Roman month,
 * year at groups 1, 3, 5, 6, 8, 10
 * (some offices put the month in as Style B does: "23/Kpts/KPU-Jakut/IV/2012"; some the word
 * "Tahun" before the year, as printed: "04/Kpts/KPU-Prov-010/TAHUN 2016", in group 9, after the
 * issuer or its code joined by "-": in "Kpts_KPU_Jabar_150_th_2024" the 150 is the serial).
 */
const STYLE_C = new RegExp(
  `${NOT_IN_CLASS}${NOT_IN_DATE}(\\d{1,4}[a-z]?)${S}(kpts?)${S}(kpud?(?:[\\s_-]+(?!(?:[ivx]{1,4}|tahun|thn|th)(?![a-z]))[a-z]+){2,4}|[a-z]+[\\s_-]+[a-z]+)([\\s_-]+[0-9][0-9.]*)?(?:${S}([ivx]{1,4}))?([\\s/_-]+(?:(?<=(?:[a-z]|-[0-9][0-9.]*)[\\s/_-]+)(?:tahun|thn|th)[\\s._-]*)?)(\\d{4})(?![0-9])`,
);

/** The original spelling of each group of `m` (matched on the folded text, same positions). */
function pieces(orig: string, m: RegExpExecArray): string[] {
  const out: string[] = [];
  let at = m.index;
  for (let i = 1; i < m.length; i++) {
    const len = m[i]?.length ?? 0;
    out.push(orig.slice(at, at + len));
    at += len;
  }
  return out;
}

/** A run of `[\s_-]` (a dash's look-alike too) that is not a single "-": what `dashed` rewrites. */
const ODD_DASH = /[\s_\u2010-\u2015\u2212]|--/;

/** Dash-joined words: "KPU_Kot" → "KPU-Kot", "PL.01.3_Kpt" → "PL.01.3-Kpt", "KPU–Kot" → "KPU-Kot". */
function dashed(s: string): string {
  const t = s.trim();
  // Most numbers are typed with "-" already; the test costs less than the replace.
  return ODD_DASH.test(t) ? t.replace(/[\s_\u2010-\u2015\u2212-]+/g, "-") : t;
}

/**
 * Slashes typed as look-alikes: the division, fraction and big slashes and U+F022, which Samba's
 * macOS support stores for a "/" typed in Finder ("152∕PL.02.1-Kpt∕3172∕…"). Dashes typed as
 * look-alikes ("45_PL.01.3–Kpt_3172_KPU–Kot_IV_2019") are "-" already in the folded name
 * (text.ts foldSameLength).
 */
const SLASH_LIKE = /[\u2215\u2044\u29f8\uf022]/g;

/**
 * `folded` with SLASH_LIKE made "/", one unit for one: the old-style numbers' view of a name
 * that is not ASCII. The same string when it has none.
 */
export function plainSeparators(folded: string): string {
  SLASH_LIKE.lastIndex = 0;
  return SLASH_LIKE.test(folded) ? folded.replace(SLASH_LIKE, "/") : folded;
}

/**
 * `folded` with ":", "|" and "\" made "/" when one follows the first "Kpt" ("15:SDM.08-Kpt:3172:
 * Sek-Kot:II:2020", "61\PL.02.1-Kpt\3172\…"): a "/" as macOS stores one typed in Finder, or
 * as other systems' tools replace it. Same length; the same string when no such "Kpt" is there.
 */
export function slashLikeAfterKpt(folded: string): string {
  const k = folded.indexOf("kpt");
  if (k < 0) return folded;
  const c = folded.charCodeAt(folded.charCodeAt(k + 3) === 0x73 ? k + 4 : k + 3);
  return c === 0x3a || c === 0x7c || c === 0x5c ? folded.replace(/[:|\\]/g, "/") : folded;
}

/** A classification code as printed: "." before its numbers, "-" before "Kpt" ("KU 02 1 Kpt"). */
function classCode(typed: string): string {
  return dashed(typed.trim().replace(/[\s_]+(?=\d)/g, "."));
}

/**
 * Whether `folded.slice(0, end)` holds a "kpt" where an old-style number can have it: both styles
 * do ("-Kpt", "/Kpts"), after a digit or a separator (`[\s/_-]`). Most names hold none, or only
 * a "kpt" that starts a word after none of those ("Kpt Ketua …"), and this test is far cheaper
 * than the regexes: findOldNumber and findPartialOldNumber are asked only where it holds.
 */
export function hasNumberKpt(folded: string, end: number): boolean {
  for (let k = folded.indexOf("kpt"); k >= 0 && k + 3 <= end; k = folded.indexOf("kpt", k + 3)) {
    if (k === 0) continue;
    const before = folded.charCodeAt(k - 1);
    if (
      isDigit(before) ||
      before === 0x2f ||
      before === 0x5f ||
      before === 0x2d ||
      isSpace(before)
    ) {
      return true;
    }
  }
  return false;
}

/** The first old-style number in `folded.slice(0, end)`, or null (where hasNumberKpt holds). */
export function findOldNumber(
  folded: string,
  end: number,
  orig: string,
  rules: CompiledRules,
): OldNumber | null {
  const head = end === folded.length ? folded : folded.slice(0, end);
  const b = STYLE_B.exec(head) ?? STYLE_B_BARE.exec(head);
  if (b) return styleB(b, orig, rules);
  const c = STYLE_C.exec(head);
  return c ? styleC(c, orig, rules) : gluedMonthNumber(head, orig, rules);
}

/**
 * A Style-B number whose month is glued to its issuer marker, a configured one, and whose year
 * has four digits ("47 PL.01.3-Kpt 3172 KPU-KotIV 2019", the second reading of
 * "47PL.01.3-Kpt3172KPU-KotIV2019"): read as if typed apart; else null.
 */
function gluedMonthNumber(head: string, orig: string, rules: CompiledRules): OldNumber | null {
  const b = STYLE_B_PARTIAL.exec(head);
  if (b === null || b[9] !== undefined || b[11]!.length !== 4) return null;
  const p = pieces(orig, b);
  const glued = gluedMonth(p[6]!, rules);
  return glued === null ? null : styleBOf(b, p, glued.marker, glued.month, glued.jenis);
}

/**
 * The Style-B number STYLE_B matched (`b`), spelt as in `orig`. The parts are read by index,
 * not destructured: unoptimised, destructuring runs the array iterator for every part, and
 * each old-style name pays for it until V8 optimises this.
 */
function styleB(b: RegExpExecArray, orig: string, rules: CompiledRules): OldNumber {
  // Serial, region, month and year are letters and digits only: nothing to dash.
  const p = pieces(orig, b);
  const issuer = p[6]!;
  // No issuer marker (STYLE_B_BARE): "-Sek" ending the class is the secretariat's.
  if (issuer === "") {
    return styleBOf(b, p, "", p[8]!, b[3]!.endsWith("sek") ? secretariatJenis(rules) : null);
  }
  return styleBOf(b, p, dashed(issuer), p[8]!, rules.markers.get(markerKey(issuer)) ?? null);
}

/**
 * The Style-B number of the match `b` (STYLE_B's groups) and its parts `p` as typed, with the
 * issuer `marker` ("" for none), the `month` and the `jenis` read from them.
 */
function styleBOf(
  b: RegExpExecArray,
  p: string[],
  marker: string,
  month: string,
  jenis: string | null,
): OldNumber {
  return {
    start: b.index,
    end: b.index + b[0].length,
    serial: b[1]!,
    year: fourDigits(b[11]!),
    asli: `${p[0]}/${classCode(p[2]!)}/${p[4]}/${marker === "" ? "" : `${marker}/`}${printedMonth(month)}/${p[10]}`,
    jenis,
    issuer: marker,
    region: p[4]!,
    officeCode: null,
  };
}

/** The Style-C number STYLE_C matched (`c`), spelt as in `orig` (styleB). */
function styleC(c: RegExpExecArray, orig: string, rules: CompiledRules): OldNumber {
  const p = pieces(orig, c);
  const issuer = p[4]!;
  const suffix = p[5]!.replace(/^[\s_-]+/, "");
  const marker = `${dashed(issuer)}${suffix ? `-${suffix}` : ""}`;
  return {
    start: c.index,
    end: c.index + c[0].length,
    serial: c[1]!,
    year: fourDigits(c[10]!),
    asli: `${p[0]}/${p[2]}/${marker}${p[7] ? `/${p[7]}` : ""}/${p[9]}`,
    jenis: rules.markers.get(markerKey(issuer)) ?? null,
    issuer: marker,
    region: null,
    officeCode: suffix ? suffix.replace(/\.+$/, "") : null,
  };
}

/**
 * A Style-B number typed without its month ("51_PL.01.3-Kpt_3172_KPU-Kot_2019") or with its
 * year in two digits ("45_PL.01.3-Kpt_3172_KPU-Kot_IV_19"): STYLE_B's groups (at the same
 * numbers) with the month left optional and a year of two or four digits. The issuer is lazy,
 * so a Roman numeral after a one-word issuer ("KPU_IV_19") is read as the month.
 */
const STYLE_B_PARTIAL = new RegExp(
  `(?<![a-z0-9])(\\d{1,4}[a-z]?)${SB}(${CLASS})${SB}(\\d{2,6})${SB}([a-z]+?(?:[\\s_-]+[a-z]+)??)(?:${SB}([ivx]{1,4}|\\d{1,2}))?${SB}(\\d{4}|\\d{2})(?![0-9])`,
);

/**
 * A Style-B number typed without its region code ("21_KU.02.1-Kpt_Sek-Kot_IV_2021"): serial,
 * class, issuer, month and year at groups 1, 3, 5, 7, 9. Read only with a configured issuer
 * marker; every city's office prints "KPU-Kot", so the number names no office without its code.
 */
const STYLE_B_NO_REGION = new RegExp(
  `(?<![a-z0-9])(\\d{1,4}[a-z]?)${SB}(${CLASS})${SB}([a-z]+(?:[\\s_-]+[a-z]+)?)${SB}([ivx]{1,4}|\\d{1,2})${SB}(\\d{4})(?![0-9])`,
);

/** A Style-B number typed incompletely (STYLE_B_PARTIAL): never read, refused with its advice. */
export interface PartialOldNumber {
  start: number;
  end: number;
  /** The number as typed, rebuilt with "/" ("45/PL.01.3-Kpt/3172/KPU-Kot/IV/19"), for messages. */
  asli: string;
  /** Jenis from the issuer marker, or null when the marker is not configured. */
  jenis: string | null;
  /** The issuer marker as typed ("KPU-Kot"). */
  issuer: string;
  /** The region code, or null when it is missing (STYLE_B_NO_REGION). */
  region: string | null;
  /** The year has two digits; else the month or (`region` null) the region code is missing. */
  shortYear: boolean;
}

/**
 * The first Style-B number typed incompletely in `folded.slice(0, end)` (STYLE_B_PARTIAL), or
 * null; asked only where hasNumberKpt holds and findOldNumber found none. Read as a number,
 * its issuer and month were read as another institution ("KPU KOT IV") and its year was not
 * read at all.
 */
export function findPartialOldNumber(
  folded: string,
  end: number,
  orig: string,
  rules: CompiledRules,
): PartialOldNumber | null {
  const text = end === folded.length ? folded : folded.slice(0, end);
  const b = STYLE_B_PARTIAL.exec(text);
  if (b === null) return noRegion(text, orig, rules);
  const [serial, , cls, , region, , issuer, , month, , year] = pieces(orig, b);
  const marker = dashed(issuer!);
  return {
    start: b.index,
    end: b.index + b[0].length,
    asli: `${serial}/${classCode(cls!)}/${region}/${marker}${month ? `/${month}` : ""}/${year}`,
    jenis:
      rules.markers.get(markerKey(issuer!)) ??
      (month ? null : (gluedMonth(issuer!, rules)?.jenis ?? null)),
    issuer: marker,
    region: region!,
    shortYear: b[11]!.length === 2,
  };
}

/**
 * findPartialOldNumber's Style-B number typed without its region code (STYLE_B_NO_REGION), of
 * a configured issuer marker; else null.
 */
function noRegion(text: string, orig: string, rules: CompiledRules): PartialOldNumber | null {
  const b = STYLE_B_NO_REGION.exec(text);
  if (b === null) return null;
  const [serial, , typedClass, sep, typedIssuer, , month, , year] = pieces(orig, b);
  let cls = typedClass!;
  let issuer = typedIssuer!;
  // "KU.02.1-Kpt_Sek-Kot": CLASS took "Sek", the secretariat's "-Kpt-Sek", from the marker.
  const sek = /[\s_-]sek$/i.exec(cls);
  if (sek !== null && !rules.markers.has(markerKey(issuer))) {
    issuer = `${cls.slice(sek.index + 1)}${sep}${issuer}`;
    cls = cls.slice(0, sek.index);
  }
  const jenis = rules.markers.get(markerKey(issuer));
  if (jenis === undefined) return null;
  const marker = dashed(issuer);
  return {
    start: b.index,
    end: b.index + b[0].length,
    asli: `${serial}/${classCode(cls)}/${marker}/${month}/${year}`,
    jenis,
    issuer: marker,
    region: null,
    shortYear: false,
  };
}

/**
 * An issuer marker typed with its month glued to it ("KPU-KotIII" of "…3172KPU-KotIII2019"):
 * the marker as printed, the month, and the configured jenis of the marker; null when the
 * issuer ends with no Roman numeral or its letters before one are no configured marker.
 * Without it such a marker reads as another office's ("move it out").
 */
function gluedMonth(
  issuer: string,
  rules: CompiledRules,
): { marker: string; month: string; jenis: string } | null {
  const glued = GLUED_MONTH.exec(issuer);
  const jenis = glued === null ? undefined : rules.markers.get(markerKey(glued[1]!));
  if (jenis === undefined) return null;
  return { marker: dashed(glued![1]!), month: issuer.slice(glued![1]!.length), jenis };
}
const GLUED_MONTH = /^(.*?[a-z]{2})[ivx]{1,4}$/i;

/**
 * The kinds of document other than a decree that an old-style (Style B) number names in place
 * of "-Kpt" (`45/PL.02.6-BA/3172/KPU-Kot/IV/2019`: a berita acara), by their code as folded.
 */
const NON_DECREE_KINDS: ReadonlyMap<string, string> = new Map([
  ["ba", "BERITA ACARA"],
  ["und", "UNDANGAN"],
  ["pu", "PENGUMUMAN"],
  ["sd", "SURAT DINAS"],
  ["st", "SURAT TUGAS"],
  ["se", "SURAT EDARAN"],
  ["nd", "NOTA DINAS"],
]);

/**
 * A Style-B number with a kind of NON_DECREE_KINDS (group 1) where a decree has "-Kpt"; the
 * issuer marker and month may be left out ("123/PL.01.2-SD/3172/2024").
 */
const STYLE_B_OTHER = new RegExp(
  `(?<![a-z0-9])\\d{1,4}[a-z]?[\\s/_-]+[a-z]{2,4}(?:\\.\\d{1,3})+[\\s_-]?(${[...NON_DECREE_KINDS.keys()].join("|")})[\\s/_-]+\\d{2,6}(?:[\\s/_-]+[a-z]+(?:[\\s_-]+[a-z]+)?)?(?:[\\s/_-]+(?:[ivx]{1,4}|\\d{1,2}))?[\\s/_-]+\\d{4}(?![0-9])`,
);

/**
 * The kind of document a Style-B number in `folded` (the lower-cased name) says the file is when
 * it is no decree ("BERITA ACARA (-BA)"), or null. For names refused for naming no jenis: their
 * advice must not be to add "SK Ketua" to a berita acara.
 */
export function oldNumberNonDecree(folded: string): string | null {
  const m = STYLE_B_OTHER.exec(folded);
  return m === null ? null : `${NON_DECREE_KINDS.get(m[1]!)!} (-${m[1]!.toUpperCase()})`;
}

/**
 * A classification code with "-Kpt" typed without the rest of its old-style number, beside
 * the serial and year typed the new way: "No 9 KU.02.1-Kpt-Sek Th 2021", "No 16 SDM.08-Kpt
 * Tahun 2021", "9_KU.02.1-Kpt_Sek_2021" (a secretary's number written short). Group 1 is the
 * class with "-Kpt"/"-Kpts"; group 2 an issuer marker after it, "Sek" or "KPU" and a level word
 * ("Sek-Kot", "KPU-Kab") and group 2 a region code between them, as in STYLE_B ("KU.02.1-Kpt_
 * 3578_Sek-Kot"); group 4 a "Sek" alone (the secretariat's, as in STYLE_B's class). A number
 * right after the code, before a word, stands where STYLE_B has its region code ("PL.01.3-Kpt 31
 * Prov IV", the serial left out): it is taken with the code, never a serial (a province's "31"
 * was filed as decree 31).
 */
const CLASS_CODE =
  /(?<![a-z0-9])([a-z]{2,4}(?:\.\d{1,3})+[\s_-]?kpts?)(?![a-z0-9])(?:(?:[\s/_-]+(\d{2,6}))?[\s/_-]+((?:sek|kpu)[\s_-]+(?:kot|kota|kab|kabupaten|prov|provinsi))(?![a-z0-9])|[\s/_-]+(sek)(?![a-z0-9])|[\s/_-]+\d{2,4}(?=[\s/_-]+[a-z]))?/g;

/** The classification codes of a head (findClassCodes). */
export interface ClassCodes {
  /** Each code's [start, end) in the folded name, flat and ascending: never a serial. */
  spans: number[];
  /** Jenis from the codes' issuer markers ("Sek-Kot", "-Sek"), or null when they name none. */
  jenis: string | null;
  /** An issuer marker after a code that is no configured jenis' ("Sek-Prov"), as typed. */
  foreign: string | null;
  /** The first region code typed between a code and its marker ("3578"), or null. */
  region: string | null;
  /** That code with its region and marker, rebuilt with "/" ("KU.02.1-Kpt/3578/Sek-Kot"). */
  asli: string;
}

/**
 * The classification codes with "-Kpt" in `folded.slice(0, end)` (CLASS_CODE), or null; asked
 * only where hasNumberKpt holds and neither findOldNumber nor findPartialOldNumber found a
 * number. Their dotted digits are never a serial ("08" of "SDM.08"), and "Sek" after one is
 * the secretariat's, never the issuer of a 2011–2017 number ("1-Kpt-Sek Th 2021" was read as
 * serial 1 of an office "Sek-Th"). A marker after a code names the jenis as in a complete
 * number; a "Sek" alone, the jenis whose configured markers are a secretariat's ("Sek-…"),
 * when one jenis has them.
 */
export function findClassCodes(
  folded: string,
  end: number,
  orig: string,
  rules: CompiledRules,
): ClassCodes | null {
  const head = end === folded.length ? folded : folded.slice(0, end);
  const spans: number[] = [];
  let jenis: string | null = null;
  let foreign: string | null = null;
  let region: string | null = null;
  let asli = "";
  CLASS_CODE.lastIndex = 0;
  for (let m = CLASS_CODE.exec(head); m; m = CLASS_CODE.exec(head)) {
    // A jenis phrase's word or a keyword before a serial typed with a dot ("Kep Sek.260_Kpts …",
    // "No.1 Kpt Sekretaris …"): the decree's name or its number, no classification's letters.
    const letters = m[1]!.slice(0, m[1]!.indexOf("."));
    if (rules.vocabulary.has(letters) || HEAD_KEYWORDS.has(letters)) continue;
    spans.push(m.index, m.index + m[0].length);
    let named: string | null | undefined = null;
    if (m[3] !== undefined) {
      const at = m.index + m[0].length - m[3].length;
      const marker = dashed(orig.slice(at, at + m[3].length));
      if (m[2] !== undefined && region === null) {
        region = m[2];
        asli = `${dashed(orig.slice(m.index, m.index + m[1]!.length))}/${region}/${marker}`;
      }
      named = rules.markers.get(markerKey(marker));
      if (named === undefined) {
        foreign ??= marker;
        named = null;
      }
    } else if (m[4] !== undefined) {
      named = secretariatJenis(rules);
    }
    jenis ??= named;
  }
  return spans.length === 0 ? null : { spans, jenis, foreign, region, asli };
}

/** The one jenis whose configured markers are a secretariat's ("Sek-Kot"), or null. */
function secretariatJenis(rules: CompiledRules): string | null {
  let found: string | null = null;
  for (const [key, j] of rules.markers) {
    if (!key.startsWith("sek-")) continue;
    if (found !== null && found !== j) return null;
    found = j;
  }
  return found;
}
