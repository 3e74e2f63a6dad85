/**
 * fast.ts's contract: a name whose plain head it reads gets, from subject-read.ts readPlain,
 * exactly what lenient() gives it (the same decree byte for byte, or the same refusal). Checked on
 * every table name and on random names built around plain heads (phrases, near-miss phrases, every
 * shape of numbers it reads and many it does not, subjects that trip lenient()'s later checks),
 * under rule sets with this office, another office (with this office's labels, and with its own),
 * no office, and other jenis.
 */
import { readFileSync } from "node:fs";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { type ConventionConfig, conventionSchema, DEFAULT_JENIS } from "../../src/config/schema.js";
import { compileFast, plainReader } from "../../src/convention/fast.js";
import { lenient } from "../../src/convention/lenient.js";
import { parse } from "../../src/convention/parse.js";
import { stripNoise } from "../../src/convention/repair.js";
import { compileRules } from "../../src/convention/rules.js";
import { readPlain } from "../../src/convention/subject-read.js";
import { isPrintableAsciiNoSlash } from "../../src/convention/text.js";

const base = conventionSchema.parse({});
const ruleSets: [string, ConventionConfig][] = [
  ["default", base],
  [
    "other office",
    conventionSchema.parse({
      office: { names: ["Kota Semarang", "Semarang"], regionCodes: ["3374"], oldCodes: [] },
    }),
  ],
  [
    "office elsewhere, its own labels",
    conventionSchema.parse({
      office: { names: ["Kota Bekasi", "Bekasi"], regionCodes: ["3275"], oldCodes: [] },
      jenis: DEFAULT_JENIS.map((j) => ({
        ...j,
        label: j.label.replace("Kota Jakarta Utara", "Kota Bekasi"),
      })),
    }),
  ],
  ["no office", { ...base, office: undefined }],
  [
    "other jenis",
    conventionSchema.parse({
      jenis: [
        {
          code: "SK",
          label: "Surat Keputusan",
          aliases: ["sk", "kep"],
          styleBMarkers: ["KPU-Kot"],
        },
        { code: "SK-KETUA", label: "Surat Keputusan Ketua", aliases: ["sk ketua", "ketua"] },
        { code: "PERBUP", label: "Peraturan Bupati", aliases: ["perbup"] },
      ],
    }),
  ],
];

/**
 * Both readings of `name` under `rules`, when the plain head reader takes it (parse.ts's steps
 * before lenient(): the extension off, list number and copy counter off, printable ASCII only);
 * null when it does not.
 */
function bothReadings(name: string, rules: ConventionConfig) {
  const dot = name.lastIndexOf(".");
  if (dot <= 0 || !isPrintableAsciiNoSlash(name)) return null;
  const c = compileRules(rules);
  const ext = name.slice(dot + 1).toLowerCase();
  const bare = stripNoise(name.slice(0, dot));
  const folded = bare.toLowerCase();
  const head = plainReader(rules, c)?.(folded);
  if (!head) return null;
  const plain = readPlain(bare, folded, ext, c, head);
  if (plain === null) return null;
  return { plain, lenient: lenient(bare, folded, ext, c, true) };
}

function tableNames(): string[] {
  const names = new Set<string>();
  for (const f of ["names.data.json", "names-clerks.data.json", "names-wild.data.json"]) {
    const rows = JSON.parse(readFileSync(new URL(f, import.meta.url), "utf8")) as unknown[][];
    for (const row of rows) if (typeof row[0] === "string") names.add(row[0]);
  }
  return [...names];
}

const phrase = fc.constantFrom(
  "SK Ketua",
  "sk ketua",
  "Kep. Sekretaris",
  "kep sekretaris",
  "Kep  Sek",
  "kpt ketua",
  "Keputusan Ketua",
  "KEPUTUSAN KPU KOTA JAKARTA UTARA",
  "Keputusan KPU Jakut",
  "Keputusan KPU Kota Adm. Jakarta Utara",
  "Keputusan KPU",
  "Kpts KPU",
  "SK KPUD",
  "Keputusan Komisi Pemilihan Umum Kota Jakarta Utara",
  "Keputusan Komisi Pemilihan Umum",
  "KEPUTUSAN KPU KOTA SEMARANG",
  "Keputusan KPU Kota Bekasi",
  "SK Sekretariat",
  "sk.ketua",
  "Ketua",
  "Sekretaris",
  "SK",
  "Kep",
  "Perbup",
  "Surat Keputusan Ketua",
  "KPT-KETUA",
  "SK Plh Ketua",
  "Salinan SK Ketua",
  "sk ketua dan sekretaris",
  "sk ketua kpu",
);
const serial = fc.oneof(
  { weight: 4, arbitrary: fc.integer({ min: 1, max: 400 }).map(String) },
  fc.constantFrom("0", "00", "012", "2024", "1999", "9999", "12345", "12A", "12 A"),
);
const year = fc.oneof(
  { weight: 4, arbitrary: fc.integer({ min: 1995, max: 2030 }).map(String) },
  fc.constantFrom("1899", "1900", "2199", "2200", "0000", "24"),
);
const numbers = fc
  .tuple(
    fc.constantFrom("No", "no", "No.", "Nomor", "NOMOR", "nomor:", "Nmr"),
    fc.constantFrom(" ", "", ". "),
    serial,
    fc.constantFrom(" ", "  ", "_"),
    fc.constantFrom("Th", "th", "Th.", "Tahun", "TAHUN", "thn"),
    fc.constantFrom(" ", ""),
    year,
    fc.integer({ min: 0, max: 5 }),
  )
  .map(([no, s1, n, gap, th, s2, y, shape]) =>
    shape < 3
      ? `${no}${s1}${n}${gap}${th}${s2}${y}`
      : shape === 3
        ? `${n}${gap === "_" ? "-" : gap === "  " ? "/" : "-"}${y}`
        : shape === 4
          ? `${y} ${n}`
          : `${n} ${y}`,
  );
const end = fc.constantFrom(
  " ttg Penetapan DPT",
  " TENTANG PENETAPAN CALON",
  " tentang Penetapan  Daftar Pemilih",
  "",
  " ",
  " Penetapan DPT",
  " pembentukan tim pengelola jdih",
  " b penetapan",
  " KPU Kota Bekasi",
  " Kota Bekasi",
  " Jakarta Selatan",
  " Jakarta Utara",
  " Kab Bogor",
  " KIP Aceh",
  " Bawaslu Jakut",
  " ttg KPU Kota Bekasi",
  " Lampiran 1",
  " ttg Penetapan Lampiran II",
  " Salinan",
  " (SALINAN)",
  " copy",
  " - Copy",
  " (2)",
  " revisi final",
  " penetapan ttg x",
  " tntg x",
  " no 3 th 2020",
  " dan 13",
  " jo SK Ketua No 3 Th 2020",
  " penetapan 12/PL.01.3-Kpt/3172/KPU-Kot/IV/2024",
  " pilkada 2024",
  " ketua",
  " tgl 10-05-2024",
  " penetapan SK Ketua No 3 Th 2020",
  " ttg",
  " Th 2024",
  " 12 penetapan",
  " a.n. ketua",
  " s.d. 3",
  " ttg x.pdf",
  " ttg DPT signed",
  " DPT_compressed",
  " ttg DPT v2",
  " versi ke-2",
);
const ext = fc.constantFrom(".pdf", ".PDF", ".docx", ".txt");
const lead = fc.constantFrom("", "", "", "01. ", "(2) ", "Copy of ");

describe("plain head (fast.ts) reads as lenient() does", () => {
  it("reads nothing when a phrase word is one a head reading reads (alias 'no')", () => {
    const rules = conventionSchema.parse({
      jenis: [{ code: "PERBUP", label: "Peraturan Bupati", aliases: ["perbup", "no"] }],
    });
    expect(plainReader(rules, compileRules(rules))).toBeNull();
  });

  it("on every table name, under every rule set", () => {
    let read = 0;
    for (const [label, rules] of ruleSets) {
      for (const name of tableNames()) {
        const both = bothReadings(name, rules);
        if (both === null) continue;
        read++;
        expect(both.plain, `${label}: ${name}`).toEqual(both.lenient);
      }
    }
    // The tables hold plain heads of every shape: the reader must take many of them.
    expect(read).toBeGreaterThan(200);
  });

  for (const [label, rules] of ruleSets) {
    it(`on random names around plain heads (${label})`, () => {
      let read = 0;
      fc.assert(
        fc.property(lead, phrase, numbers, end, ext, (l, p, n, e, x) => {
          const name = `${l}${p} ${n}${e}${x}`;
          const both = bothReadings(name, rules);
          if (both === null) return;
          read++;
          expect(both.plain, name).toEqual(both.lenient);
        }),
        { numRuns: 4000 },
      );
      expect(read).toBeGreaterThan(150);
    });
  }

  it("reads the usual typed names (the bench's shapes) without lenient()'s head scan", () => {
    const c = compileRules(base);
    const reader = plainReader(base, c)!;
    for (const name of [
      "sk ketua no 12 th 2024 ttg penetapan daftar pemilih tetap pemilu 2024",
      "kep. sekretaris 12-2024 pembentukan tim pengelola jdih",
      "keputusan kpu kota jakarta utara nomor 12 tahun 2024 tentang penetapan calon",
      "kpt ketua 2024 012",
    ]) {
      expect(reader(name), name).not.toBeNull();
    }
    // And the full parse agrees with the tables' reading of one of them.
    expect(parse("Kep. Sekretaris 12-2024 pembentukan tim pengelola jdih.docx", base).ok).toBe(
      true,
    );
  });
});

describe("the office probe (fast.ts PlainHead.ownNamed)", () => {
  // lenient() reads the probes of the default config one of the two ways the reader tells apart;
  // a reading that is neither must leave the name, and every later one of its shape, to lenient().
  const c = compileRules(base);
  const probed: string[] = [];
  const reader = compileFast(base, c.office, (folded) => {
    if (!folded.includes("bekasi"))
      return { jenis: folded.startsWith("sk ketua") ? "KPT-KETUA" : "?" };
    probed.push(folded);
    return { reason: "AMBIGUOUS_JENIS" };
  })!;

  it("is asked only of a subject that may name another office", () => {
    const name = "sk ketua no 12 th 2024 ttg penetapan dpt";
    const plain = reader(name)!;
    expect(plain.head.nomor).toBe("12");
    expect(readPlain(name, name, "pdf", c, plain)).not.toBeNull();
    expect(plain.left).toBe(false);
    expect(probed).toEqual([]);
  });

  it("leaves a name whose probe reads otherwise to lenient(), and the later ones of its shape", () => {
    const tagged = "sk ketua no 13 th 2024 ttg penetapan dpt kota semarang";
    const head = reader(tagged)!;
    expect(readPlain(tagged, tagged, "pdf", c, head)).toBeNull();
    expect(head.left).toBe(true);
    expect(probed).toHaveLength(1);
    expect(reader("sk ketua no 14 th 2024 ttg penetapan dpt")).toBeNull();
    // Another shape of the phrase is read plainly still, and probed on its own.
    expect(reader("sk ketua 15-2024 penetapan dpt")).not.toBeNull();
  });
});
