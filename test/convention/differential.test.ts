/**
 * Differential property: the parser gives deep-equal results to the frozen reference copy
 * (reference/parse.ts) on realistic names built from the pieces staff type — jenis phrases,
 * No/Nomor/Th/Tahun, "12/2024" pairs, old-style numbers with "_", "-", "/" or spaces,
 * LAMPIRAN/SALINAN, tentang, random case, spacing, control characters and NFD accents — and on
 * arbitrary strings, under several rule sets.
 */
import { readFileSync } from "node:fs";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { type ConventionConfig, conventionSchema } from "../../src/config/schema.js";
import { format } from "../../src/convention/format.js";
import type { Decree } from "../../src/convention/types.js";
import { sameAsReference, tally } from "./new-readings.js";

const ruleSets: ConventionConfig[] = [
  conventionSchema.parse({}),
  conventionSchema.parse({ yearMin: 1990, yearMax: 2030, nomorPad: 4, maxNameLength: 40 }),
  conventionSchema.parse({
    extensions: ["pdf", "txt"],
    jenis: [
      { code: "SK", label: "Surat Keputusan", aliases: ["sk", "kep"], styleBMarkers: ["KPU-Kot"] },
      {
        code: "SK-KETUA",
        label: "Surat Keputusan Ketua",
        aliases: ["sk ketua", "ketua"],
        styleBMarkers: ["Kpts/KPU-Prov"],
      },
      { code: "PERBUP", label: "Peraturan Bupati", aliases: ["perbup", "no"] },
    ],
  }),
];
const nows = [undefined, new Date(2025, 5, 1), new Date(2012, 0, 1)];

const jenis = fc.constantFrom(
  "SK Ketua",
  "sk ketua",
  "Kep. Sekretaris",
  "Kep Sek",
  "KEPUTUSAN KPU KOTA JAKARTA UTARA",
  "Keputusan Komisi Pemilihan Umum Kota Jakarta Utara",
  "keputusan sekretaris komisi pemilihan umum kota jakarta utara",
  "kpt ketua",
  "KPT-KETUA",
  "kpt-sekretaris",
  "sk_sekretariat",
  "Surat Keputusan",
  "Perbup",
  "SK",
  "kep",
  "Ketua",
  "",
);
const num = fc
  .oneof(
    { weight: 4, arbitrary: fc.integer({ min: 1, max: 400 }) },
    fc.integer({ min: 0, max: 12345 }),
  )
  .map(String);
const nomor = fc
  .tuple(
    fc.constantFrom("No", "No.", "no", "Nomor", "Nomor:", "NOMER", "nmr", "No_", "no-", "Nmr :"),
    fc.constantFrom("", " ", "  "),
    num,
    fc.constantFrom("", "a", "B", "x"),
  )
  .map((p) => p.join(""));
const year = fc
  .oneof(
    { weight: 4, arbitrary: fc.integer({ min: 1995, max: 2030 }) },
    fc.integer({ min: 1895, max: 2205 }),
  )
  .map(String);
const tahun = fc
  .tuple(
    fc.constantFrom("Th", "Th.", "Thn", "Tahun", "TAHUN", "tah", "th_", "Thn:"),
    fc.constantFrom("", " "),
    year,
  )
  .map((p) => p.join(""));
const sep = fc.constantFrom("_", "-", " ", " - ", "__");
const pair = fc
  .tuple(num, fc.constantFrom("", "a"), fc.constantFrom("-", " - ", "_", "/"), year)
  .map((p) => p.join(""));
const styleB = fc
  .tuple(num, sep, fc.constantFrom("PL.01.3-Kpt", "PP.05_Kpts", "HK.03.1 Kpt"), sep)
  .chain(([n, s1, cls, s2]) =>
    fc
      .tuple(
        fc.constantFrom("3172", "31", "123456"),
        sep,
        fc.constantFrom("KPU-Kot", "KPU_Kota", "Sek-Kot", "Sek Kota", "Foo-Bar"),
        sep,
        fc.constantFrom("IV", "xii", "3", "12"),
        sep,
        year,
      )
      .map((rest) => [n, s1, cls, s2, ...rest].join("")),
  );
const styleC = fc
  .tuple(
    num,
    sep,
    fc.constantFrom("Kpts", "Kpt", "kpts"),
    sep,
    fc.constantFrom("KPU-Prov", "KPU-Kota", "Sek-Kot", "KPU Prov"),
    fc.constantFrom("", "-010", "-012.329521", " 7"),
    sep,
    year,
  )
  .map((p) => p.join(""));
const qualifier = fc.constantFrom(
  "LAMPIRAN 1",
  "Lampiran ke-2",
  "lampiran II",
  "Lampiran",
  "lampiran 0",
  "lampiran_iv",
  "lampiran ke 12",
  "lampiran 1234",
  "SALINAN",
  "salinan",
  "Salinan2",
);
const tentang = fc.constantFrom("ttg", "tentang", "TENTANG", "tntg", "Ttg.", "ttg_", "");
const subjectText = fc.constantFrom(
  "Penetapan DPT",
  "pembentukan tim pengelola jdih",
  "Pe\u0301netapan  DPT",
  "Anggaran_Tahun_2020",
  "  -- x --",
  "(draft)",
  "[rev] ",
  "no 5 tahun 2021",
  "Ketua",
  "Ünïcödé Ñame",
  "a\u0007b",
  "\u00a0dan\u3000lain ",
  "",
);
/** Stray punctuation, gaps and control characters, which the subject's cleaning strips or folds. */
const junk = fc.string({
  unit: fc.constantFrom(
    " ",
    "-",
    "\u2013",
    "\u2014",
    ".",
    ",",
    ";",
    ":",
    "(",
    ")",
    "[",
    "]",
    "_",
    "\t",
    "\u00a0",
    "\u0001",
    "\u007f",
    "x",
    "Y",
    "\u00e9",
    "7",
  ),
  maxLength: 12,
});
const subject = fc.oneof(
  subjectText,
  junk,
  fc.tuple(junk, subjectText, junk).map((p) => p.join("")),
);
const ext = fc.constantFrom(
  ".pdf",
  ".PDF",
  ".docx",
  ".Doc",
  ".txt",
  "",
  ".pdf ",
  ".jpeg",
  ".zip",
  ".",
);
const piece = fc.oneof(
  jenis,
  nomor,
  tahun,
  pair,
  num,
  year,
  styleB,
  styleC,
  qualifier,
  tentang,
  subject,
);
const glue = fc.constantFrom(" ", "_", "-", "  ", ".", ", ", "\t", "");

function recase(s: string, how: number): string {
  if (how === 1) return s.toUpperCase();
  if (how === 2) return s.toLowerCase();
  if (how === 3) return s.normalize("NFD");
  if (how === 4) return s.replace(/[aeiou]/g, (v) => `${v}\u0301`);
  return s;
}

/** Names shaped like the ones staff type: each field once, in any order, mostly readable. */
const likely = fc
  .tuple(
    fc.tuple(
      jenis,
      fc.oneof(nomor, pair, styleB, styleC, num),
      fc.option(fc.oneof(tahun, year), { nil: "" }),
      fc.option(qualifier, { nil: "" }),
    ),
    fc.tuple(tentang, subject).map(([t, s]) => (t ? `${t} ${s}` : s)),
    fc.constantFrom(true, true, true, false),
    glue,
    fc.constantFrom(".pdf", ".PDF", ".docx", ".jpg", ".pdf", ".pdf ", ".txt"),
    fc.integer({ min: 0, max: 6 }),
  )
  .chain(([head, subj, subjectLast, g, e, how]) =>
    fc.shuffledSubarray(head, { minLength: head.length }).map((h) => {
      const parts = subjectLast ? [...h, subj] : [subj, ...h];
      return recase(parts.filter((x) => x !== "").join(g === "" ? " " : g) + e, how);
    }),
  );

const realistic = fc
  .tuple(
    fc.array(fc.tuple(piece, glue), { minLength: 1, maxLength: 9 }),
    ext,
    fc.integer({ min: 0, max: 6 }),
  )
  .map(([parts, e, how]) => recase(parts.map(([p, g]) => p + g).join("") + e, how));

const decree: fc.Arbitrary<Decree> = fc.record({
  jenis: fc.constantFrom("KPT-KETUA", "KPT-SEKRETARIS"),
  tahun: fc.integer({ min: 1990, max: 2030 }),
  nomor: fc
    .tuple(fc.integer({ min: 1, max: 9999 }), fc.constantFrom("", "A", "B"))
    .map(([n, s]) => `${n}${s}`),
  qualifier: fc.constantFrom(null, "SALINAN", "LAMPIRAN-1", "LAMPIRAN-12"),
  tentang: fc.option(fc.string({ unit: "grapheme", maxLength: 100 }), { nil: null }),
  ext: fc.constantFrom("pdf", "docx", "jpg"),
});
const canonical = decree.map((d) => {
  const p = format(d, ruleSets[0]!);
  return p.slice(p.lastIndexOf("/") + 1);
});

const anyName = fc.oneof(
  { weight: 8, arbitrary: likely },
  { weight: 4, arbitrary: realistic },
  { weight: 2, arbitrary: canonical },
  { weight: 1, arbitrary: fc.string({ unit: "binary", maxLength: 120 }) },
  { weight: 1, arbitrary: fc.string({ unit: "grapheme-ascii", maxLength: 80 }) },
);

function same(name: string): void {
  for (const rules of ruleSets) {
    for (const now of nows) {
      const opts = now ? { now } : {};
      sameAsReference(name, rules, opts);
    }
  }
}

describe("parse agrees with the reference parser", () => {
  // 20,000 names × 9 rule/clock pairs × 2 parsers: about 10 s on a quiet machine, several times
  // that on a busy one, hence its own time limit.
  it("on realistic, canonical and arbitrary names", { timeout: 300_000 }, () => {
    tally.compared = 0;
    tally.touched = 0;
    fc.assert(fc.property(anyName, same), {
      // A fixed seed by default: every run (CI's too) reads the same names, so a red run is a
      // change in a reading, not an unlucky draw. DIFF_SEED=random (or a number) and DIFF_RUNS
      // search further; a name found so goes into the examples below.
      seed: process.env.DIFF_SEED === "random" ? undefined : Number(process.env.DIFF_SEED ?? 24),
      numRuns: Number(process.env.DIFF_RUNS ?? 20_000),
      // Counterexamples found by earlier runs, tried first every time.
      examples: [
        ["SK Ketua 1 Ketua 22__PP.05_Kpts 3172_KPU-Kot_IV_1895 .pdf"],
        ["1_Kpts_KPU-Kota_1995 Ketua 2 .pdf"],
        // A second copy of an old-style number whose "Kpts KPU" the reference took for a jenis.
        ["1_Kpts_KPU-Prov_1995 1_Kpts_KPU-Prov_1995 Penetapan DPT .pdf"],
        // A subject typed after an old-style number and before "ttg": its slug, its nomorAsli kept.
        ["1_Kpts_KPU-Prov_2000 kpt-sekretaris ttg .pdf"],
        ["Th 1995 SK Ketua Ketua No 1 .pdf"],
        // A year that starts the name before the decree's name, read with its numbers.
        ["2027 KEPUTUSAN KPU KOTA JAKARTA UTARA 9 P\u00e9netapan  DPT.pdf"],
        [
          "2105 KEPUTUSAN KPU KOTA JAKARTA UTARA Nomor 276a :\u00dcn\u00efc\u00f6d\u00e9 \u00d1ame,)7(_.jpg",
        ],
        // A year after "Tahun" is no year in front: it stays where it is.
        ["ab.tahun 1998.keputusan kpu kota jakarta utara.396.pdf"],
        ["0_Kpts_KPU-Kota_1995 1 - 1995 Ketua No_1B .pdf"],
        // A number before the jenis is no serial (repair.ts NUMBER_BEFORE_DECREE).
        ["53 Kep. Sekretaris 2025 tntg Yx\u2014\u0001-(;7.pdf"],
        // A jenis word glued to a keyword, split by the second reading (repair.ts glue).
        ["kepTh 1995\tnmr 1 .pdf"],
        ["kepTh\u00010000\u00011.pdf"],
        // A word of a configured phrase (not a default one) glued to a keyword.
        ["PerbupTh 2000 Nomor:1 .pdf"],
        // A lone letter after a serial (LETTER_APART), one accented, one after a control character.
        ["No 1 \u00e9 .pdf"],
        ["No 1B e\u0301 ttg 1895 .pdf"],
        ["No 1\u0001x .pdf"],
        // A jenis word glued to another ("KeputusanKEPUTUSAN", "KepKPU"), split by the second
        // reading: refused for its year, or read, where the reference found no jenis.
        ["Surat KeputusanKEPUTUSAN KPU KOTA JAKARTA UTARA 1_Kpts_KPU-Prov_1995 ttg  .pdf"],
        ["KepKPU\u00011\\1990\u0001AA.pdf"],
        // A jenis word or a keyword with a dot before the serial ("Sek.260", "No.1") taken for a
        // classification code's letters (old-numbers.ts findClassCodes): no jenis, no number.
        ["kep sek.260_kpts - kpu prov - 2014.ttg_ :xyxpénetapan  dpt.docx"],
        ["No.1 kpt-sekretaris 1995 ttg Penetapan DPT.pdf"],
        // Counterexamples of random runs: a subject typed before the decree's name is its slug;
        // "DPT.1" before "_Kpts" is a classification code's shape, its "1" no serial.
        ["Ünïcödé Ñame-KEPUTUSAN KPU KOTA JAKARTA UTARA-Th 2013-No.  241B.pdf "],
        ["Penetapan DPT.1_Kpts_KPU-Kota_1990 ttg  .pdf"],
        ["Penetapan DPT.1_Kpts_KPU-Prov 7_1995 SK Ketua ttg .pdf"],
        ["AA.0_Kpt\u00011\\1990\u0001SK\u0001Ketua\u0001ttg.pdf"],
        ["AA.1_Kpt_A\u0001A\u00011_1990\u0001SK\u0001Ketua\u0001ttg.pdf"],
        // A bracket whose digit follows a control character ("[\u00017]"): noise, where the
        // reference kept "7]"; an issuer marker with its month glued ("KPU\u0001KotV").
        ["SK 223-PP.05_Kpts 3172_KPU-Kot_IV_1995 ttg [\u00017].pdf"],
        ["1\u0001AA\u00010_Kpt\u000100_KPU\u0001KotV_1990A.pdf"],
        // "." is a separator of Style B's numbers only: "Kpt-Ketua Th.2004" is no Style C number.
        [
          "Nmr :  369a KPT-KETUA Th.2004 TENTANG ..\u00e9\u00e9(\u2013):\u00e9a\u0007b\u20147;\u2014 .PDF",
        ],
      ],
    });
    // Names the later readings touch are not compared (new-readings.ts); at least one in ten of the
    // 180,000 pairs must still be, or the property says little.
    expect(tally.compared).toBeGreaterThan((tally.compared + tally.touched) / 10);
  });

  it("on the realistic-names table", () => {
    const rows = JSON.parse(
      readFileSync(new URL("./names.data.json", import.meta.url), "utf8"),
    ) as [string, string][];
    for (const [input] of rows) same(input);
  });
});
