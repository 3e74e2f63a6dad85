/**
 * Names as clerks of KPU offices type them (names-clerks.data.json, built from real decree titles
 * and numbers of city, regency, province and national offices): another office's decree is never
 * filed, two of a kind are ambiguous, qualifiers are read wherever they stand, and copy
 * counters, list numbers, scan dates, glued words, misspellings and editing noise are read
 * safely. `now` is fixed so the year bound does not age.
 */
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { conventionSchema } from "../../src/config/schema.js";
import { parse } from "../../src/convention/parse.js";

const rows = JSON.parse(
  readFileSync(new URL("./names-clerks.data.json", import.meta.url), "utf8"),
) as [string, string][];
/**
 * A second table written apart from the first, adversarially, from real KPU decree titles and
 * numbers and the names devices give files (WhatsApp, scanners): other bodies whose chair or
 * secretary issues decrees (PPK, Bawaslu spelt out, party chairs, Sekda), documents that are no
 * decree (nota dinas, surat edaran), attachment ranges, stamps and dates.
 */
const wild = JSON.parse(
  readFileSync(new URL("./names-wild.data.json", import.meta.url), "utf8"),
) as [string, string][];
const rules = conventionSchema.parse({});
const now = new Date(2025, 5, 1);

/** Each of `names` refused for `reason`, with a message that matches `message`. */
function expectRefused(names: readonly string[], reason: string, message: RegExp): void {
  for (const name of names) {
    const r = parse(name, rules, { now });
    expect(r.ok ? r.path : r.reason, name).toBe(reason);
    if (!r.ok) expect(r.message, name).toMatch(message);
  }
}

describe("parse: names as clerks type them", () => {
  it("has a table of at least 150 cases", () => {
    expect(rows.length).toBeGreaterThanOrEqual(150);
  });

  it.each(rows)("%j → %s", (input, expected) => {
    const r = parse(input, rules, { now });
    expect(r.ok ? r.path : `!${r.reason}`).toBe(expected);
  });

  it("has a second table of at least 250 cases", () => {
    expect(wild.length).toBeGreaterThanOrEqual(250);
  });

  it.each(wild)("%j → %s (second table)", (input, expected) => {
    const r = parse(input, rules, { now });
    expect(r.ok ? r.path : `!${r.reason}`).toBe(expected);
  });

  it("never tells a clerk to add a jenis to another body's document, nor to delete a file", () => {
    for (const [input, expected] of wild) {
      const r = parse(input, rules, { now });
      if (r.ok) continue;
      expect(r.message, input).not.toMatch(/hapus(lah)? berkas/i);
      if (/^!(OTHER_OFFICE|OTHER_OFFICE_CODE|NOT_A_DECREE)$/.test(expected)) {
        expect(r.message, input).toMatch(/luar folder arsip/);
        expect(r.message, input).not.toMatch(/tambahkan/i);
      }
    }
  });

  it("reads a name without the digits of a device stamp or a dated name", () => {
    for (const name of [
      "2024 05 10 SK Ketua No 12 Th 2024.pdf",
      "SK Ketua No 12 Th 2024 10 Mei 2024.pdf",
      "IMG-20240510-WA0003 SK Ketua No 12 Th 2024.jpg",
    ]) {
      const r = parse(name, rules, { now });
      expect(r.ok && r.decree.nomor, name).toBe("12");
    }
    const r = parse("SK Ketua No 12 10 Mei 2024.pdf", rules, { now });
    expect(r.ok ? r.path : r.reason).toBe("NO_YEAR");
  });

  it("tells a clerk that another office's decree belongs outside the archive, not to add a jenis", () => {
    for (const name of [
      "SK Bawaslu Kota Jakarta Utara No 3 Th 2024.pdf",
      "Keputusan KPU Kota Semarang No 5 Tahun 2015.pdf",
      "45_PL.01.3-Kpt_3578_KPU-Kot_IV_2019.pdf",
    ]) {
      const r = parse(name, rules, { now });
      expect(r.ok).toBe(false);
      if (r.ok) continue;
      expect(r.message).toMatch(/ke luar folder arsip/);
      expect(r.message).not.toMatch(/tambahkan/i);
    }
  });

  it("tells a clerk that a letter, an invitation or minutes are no decree, naming the word", () => {
    for (const [name, word] of [
      ["Undangan Ketua No 12 2024 rapat pleno.pdf", "UNDANGAN"],
      ["Surat Ketua No 15 Th 2021.pdf", "SURAT"],
      ["Berita Acara Ketua No 12 Tahun 2024.pdf", "BERITA ACARA"],
    ] as const) {
      notADecreeMessage(name, word);
    }
  });

  it("gives both ways out for a document's name typed as the subject after the numbers", () => {
    for (const [name, word] of [
      ["SK Ketua No 12 Th 2024 Telaah Staf.pdf", "TELAAH STAF"],
      ["SK Ketua No 12 Th 2024 ttg Lembar Paraf.pdf", "LEMBAR PARAF"],
      ["SK Ketua No 12 Th 2024 Undangan.pdf", "UNDANGAN"],
    ] as const) {
      const message = notADecreeMessage(name, word);
      // The decree's way out is its subject after 'tentang', not 'SK Ketua' it already has.
      expect(message, name).toMatch(/perihal keputusan setelah 'tentang'/);
      expect(message, name).not.toMatch(/tambahkan|di awal nama/i);
    }
  });

  it("gives both ways out for a document's name typed as a tag after the subject", () => {
    for (const [name, word] of [
      ["SK Ketua No 12 Th 2024 ttg DPT - Berita Acara.pdf", "BERITA ACARA"],
      ["SK Ketua No 12 Th 2024 ttg DPT (Nota Dinas).pdf", "NOTA DINAS"],
    ] as const) {
      const message = notADecreeMessage(name, word);
      expect(message, name).toMatch(/perihal keputusan setelah 'tentang' tanpa kata itu/);
    }
  });

  it("tells a clerk that one part of a decree is not the whole decree", () => {
    const r = parse("SK Ketua No 12 Th 2024 ttg DPT (bagian 2).pdf", rules, { now });
    expect(r.ok ? r.path : r.reason).toBe("PAGE_ONLY");
    if (r.ok) return;
    expect(r.message).toContain("nomor bagian (bagian 2)");
    expect(r.message).toMatch(/Gabungkan semua bagiannya/);
  });

  it("asks a clerk to choose between the two versions of a sync conflict, deleting nothing", () => {
    const r = parse(
      "SK Ketua No 12 Th 2024 ttg DPT (conflicted copy 2024-05-12 142233).pdf",
      rules,
      { now },
    );
    expect(r.ok ? r.path : r.reason).toBe("AMBIGUOUS_QUALIFIER");
    if (r.ok) return;
    expect(r.message).toContain("(conflicted copy 2024-05-12 142233)");
    expect(r.message).toMatch(/dua versi keputusan yang sama/);
    expect(r.message).toMatch(/Bandingkan berkas ini dengan versi lainnya/);
    expect(r.message).toMatch(/ke luar folder arsip/);
    expect(r.message).not.toMatch(/hapus/i);
  });

  it("shows a conflict mark in its brackets once, also when the subject starts inside them", () => {
    const r = parse("SK Ketua No 183 Th 2024 (conflicted copy 2024-06-01 101233).pdf", rules, {
      now,
    });
    expect(r.ok ? r.path : r.reason).toBe("AMBIGUOUS_QUALIFIER");
    if (r.ok) return;
    expect(r.message).toContain("(conflicted copy 2024-06-01 101233):");
    expect(r.message).not.toContain("101233))");
  });

  it("names system and half-copied files for what they are, never 'rename it .pdf'", () => {
    const cases: [string, RegExp][] = [
      [
        "~$ Ketua No 12 Th 2024 ttg Penetapan DPT.docx",
        /berkas kunci yang dibuat Microsoft Office/,
      ],
      ["._SK Ketua No 12 Th 2024 ttg Penetapan DPT.pdf", /berkas metadata yang dibuat macOS/],
      ["SK Ketua No 12 Th 2024.pdf.crdownload", /belum selesai diunduh atau disalin/],
      ["SK Ketua No 12 Th 2024.pdf.part", /Jangan mengganti ekstensinya menjadi \.pdf/],
    ];
    for (const [name, says] of cases) {
      const r = parse(name, rules, { now });
      expect(r.ok ? r.path : r.message, name).toMatch(says);
      expect(r.ok ? "" : r.message, name).not.toMatch(/simpan keputusan sebagai PDF|hapus/i);
    }
  });

  it("tells a clerk to split a file that names two kinds, not to drop one", () => {
    const r = parse("SK Ketua No 12 Th 2024 + SK Sekretaris No 3 Th 2024.pdf", rules, { now });
    expect(r.ok ? r.path : r.reason).toBe("AMBIGUOUS_JENIS");
    if (!r.ok) expect(r.message).toMatch(/pisahkan menjadi satu berkas per keputusan/);
  });

  it("gives both ways out for a bare number of another office's region code", () => {
    const r = parse("SK Ketua 3171 2024.pdf", rules, { now });
    expect(r.ok ? r.path : r.reason).toBe("NO_NUMBER");
    if (!r.ok) {
      expect(r.message).toContain("angka 3171 tanpa 'No'");
      expect(r.message).toMatch(/kode wilayah kantor lain/);
      expect(r.message).toMatch(/ke luar folder arsip/);
      expect(r.message).toMatch(/dengan 'No' di depannya/);
    }
    // This office's own code keeps the usual advice; with "No" the number is the serial.
    const own = parse("SK Ketua 3172 2024.pdf", rules, { now });
    expect(own.ok ? own.path : own.message).toMatch(/kode wilayah seperti '3172'/);
    const numbered = parse("SK Ketua No 3171 Th 2024.pdf", rules, { now });
    expect(numbered.ok && numbered.decree.nomor).toBe("3171");
    // Without region codes configured, a four-digit serial is read.
    const none = conventionSchema.parse({ office: { regionCodes: [] } });
    const bare = parse("SK Ketua 3171 2024.pdf", none, { now });
    expect(bare.ok && bare.decree.nomor).toBe("3171");
  });

  it("names what makes a name unclear, with both ways out, where it may be this office's own", () => {
    // A budget role given to the chair: neither filed nor sent out of the archive.
    const chair = parse("SK Ketua KPU Jakut selaku KPA No 4 Th 2024.pdf", rules, { now });
    expect(chair.ok ? chair.path : chair.reason).toBe("ISSUER_UNCLEAR");
    if (!chair.ok) {
      expect(chair.message).toContain("SELAKU KPA");
      expect(chair.message).toMatch(/bila ini keputusan kantor ini/i);
    }
    // This office's city shortened: spell it out or add the short form, else move it out.
    const short = parse("SK Ketua KPU Jkt Ut No 208 Th 2024.pdf", rules, { now });
    expect(short.ok ? short.path : short.reason).toBe("OFFICE_UNCLEAR");
    if (!short.ok) {
      expect(short.message).toContain("'KPU JKT UT'");
      expect(short.message).toMatch(/convention\.office/);
      expect(short.message).toMatch(/ke luar folder arsip/);
    }
    // Aceh's election commission spelt out is named as such, not by a word of the subject.
    const kip = parse(
      "KEPUTUSAN KOMISI INDEPENDEN PEMILIHAN KABUPATEN ACEH UTARA NOMOR 12 TAHUN 2024 TENTANG PENETAPAN PASANGAN CALON BUPATI.pdf",
      rules,
      { now },
    );
    expect(kip.ok ? kip.path : kip.reason).toBe("OTHER_OFFICE");
    if (!kip.ok) expect(kip.messageEn).toContain("(KOMISI INDEPENDEN PEMILIHAN)");
  });

  it("files a kind of document the office configures as its own jenis", () => {
    const withSe = conventionSchema.parse({
      jenis: [
        ...conventionSchema.parse({}).jenis,
        { code: "SE-KETUA", label: "Surat Edaran Ketua", aliases: ["se ketua"] },
      ],
    });
    const r = parse("Surat Edaran Ketua No 3 Tahun 2020.pdf", withSe, { now });
    expect(r.ok ? r.path : r.reason).toBe("SE-KETUA/2020/SE-KETUA_2020_003.pdf");
    // A letter is still not filed ("Ketua" alone now names two jenis, so no jenis is read).
    const letter = parse("Surat Ketua No 15 Th 2021.pdf", withSe, { now });
    expect(letter.ok ? letter.path : letter.reason).toBe("NO_JENIS");
    const invitation = parse("Undangan SE Ketua No 4 Tahun 2020.pdf", withSe, { now });
    expect(invitation.ok ? invitation.path : invitation.reason).toBe("NOT_A_DECREE");
  });

  it("reads no copy counter after the year as the serial, and asks for the 'No'", () => {
    expectRefused(
      ["SK Ketua Th 2024 - 2.pdf", "SK Ketua 2024 - 2.pdf", "SK Ketua Th 2024.pdf"],
      "NO_NUMBER",
      /dengan 'No' di depannya/,
    );
    // Before the year, typed apart without a dash, or with "No", the number is the serial.
    for (const name of [
      "SK Ketua 2 - 2024.pdf",
      "SK Ketua 2-2024.pdf",
      "SK Ketua 2024 2.pdf",
      "SK Ketua No 2 Th 2024 - 2.pdf",
    ]) {
      const r = parse(name, rules, { now });
      expect(r.ok ? r.path : r.reason, name).toBe("KPT-KETUA/2024/KPT-KETUA_2024_002.pdf");
    }
  });

  it("places another body's title 'before the number' only when the name has a number", () => {
    for (const name of ["Keputusan Rektor tentang Wisuda.pdf", "Keputusan Rektor Th 2024.pdf"]) {
      const r = parse(name, rules, { now });
      expect(r.ok ? r.path : r.reason, name).toBe("ISSUER_UNCLEAR");
      if (r.ok) continue;
      expect(r.message, name).toContain("'KEPUTUSAN REKTOR'");
      expect(r.message, name).not.toMatch(/sebelum nomor/);
      expect(r.message, name).toMatch(/tidak memuat nomor keputusan/);
      expect(r.message, name).toMatch(/ke luar folder arsip/);
      expect(r.messageEn, name).not.toMatch(/before the number/);
    }
    const numbered = parse("Keputusan Rektor No 3 Th 2024 tentang Wisuda.pdf", rules, { now });
    expect(numbered.ok ? numbered.path : numbered.message).toMatch(/sebelum nomor keputusan/);
  });

  it("tells a clerk where the year goes when a Roman month follows the number", () => {
    for (const name of [
      "SK Ketua No 12 XII Tahun 2024.pdf",
      "SK Ketua No 12-XII-2024.pdf",
      "SK Ketua No 12_XII_2024.pdf",
      "SK Ketua 12 IV 2024.pdf",
      "SK Ketua No 12 XII.pdf",
    ]) {
      const r = parse(name, rules, { now });
      expect(r.ok ? r.path : r.reason, name).toBe("NO_YEAR");
      if (r.ok) continue;
      expect(r.message, name).toMatch(/angka Romawi \((XII|IV)\)/);
      expect(r.message, name).toMatch(/langsung setelah nomor, misalnya 'No 12 Tahun 2024'/);
    }
    // Following that advice reads; without a Roman numeral the advice stays 'add the year'.
    const fixed = parse("SK Ketua No 12 Tahun 2024 XII.pdf", rules, { now });
    expect(fixed.ok && fixed.decree.tahun).toBe(2024);
    const plain = parse("SK Ketua No 12.pdf", rules, { now });
    expect(plain.ok ? plain.path : plain.message).toMatch(/tambahkan tahunnya/);
  });

  it("reads a two-digit year as 20xx only where the archive's years rule 19xx out", () => {
    const r = parse("SK Ketua No 12 Th 24.pdf", rules, { now });
    expect(r.ok ? r.decree.tahun : r.reason).toBe(2024);
    // An archive that may hold decrees of the 1920s: "Th 24" is either century.
    const old = conventionSchema.parse({ yearMin: 1900 });
    const o = parse("SK Ketua No 12 Th 24.pdf", old, { now });
    expect(o.ok ? o.path : o.reason).toBe("SHORT_YEAR");
    // The labels swapped ("No 2024 Th 12") and a title cut after "Tahun 20" stay refused.
    for (const name of [
      "SK Ketua No 2024 Th 12.pdf",
      "Keputusan-KPU-Kota-Jakarta-Utara-Nomor-12-Tahun-20.pdf",
    ]) {
      const x = parse(name, rules, { now });
      expect(x.ok ? x.path : x.reason, name).toBe("SHORT_YEAR");
    }
  });

  it("names a doubt about the number or year wherever the clerk typed it", () => {
    for (const [name, reason, mark] of [
      ["SK Ketua No 181 Th 2024 (DOBEL NOMOR dgn PAW PPS).pdf", "BAD_NUMBER", "DOBEL NOMOR"],
      ["SK Ketua No 9 Th 2024 (nomor dobel).pdf", "BAD_NUMBER", "NOMOR DOBEL"],
      ["SK Ketua No 45 Th 2024 PPK (cek lagi tahunnya).pdf", "AMBIGUOUS_YEAR", "CEK LAGI TAHUNNYA"],
      [
        "SK Ketua No 3 Th 2024 (harusnya 2025) Pembubaran PPK.pdf",
        "AMBIGUOUS_YEAR",
        "HARUSNYA 2025",
      ],
    ] as const) {
      const r = parse(name, rules, { now });
      expect(r.ok ? r.path : r.reason, name).toBe(reason);
      if (!r.ok) expect(r.message, name).toContain(`('${mark}')`);
    }
  });

  it("reads the year of a signing date, and says a scan's date is no decree year", () => {
    // "tgl" / "ditetapkan" after the number: the date the decree was signed on, whose year is
    // the decree's (a serial counts within its year of signing).
    for (const [name, tahun] of [
      ["SK Ketua No 57 tgl 2 Mei 2024.pdf", 2024],
      ["SK Ketua No 57 tgl 2 Mei Th 2024.pdf", 2024],
      ["SK Ketua No 12 ditetapkan 12 Januari 2014 ttg DPT.pdf", 2014],
    ] as const) {
      const r = parse(name, rules, { now });
      expect(r.ok ? r.decree.tahun : r.reason, name).toBe(tahun);
      expect(String(r.ok && r.decree.tentang), name).not.toMatch(/tgl|ditetapkan|mei|januari/i);
    }
    // A date that is not the signing's: refused, and the message says why the year is not read
    // instead of asking for a year the clerk can see in the name.
    expectRefused(
      [
        "SK Ketua No 12 scan tgl 10-05-2024.pdf",
        "20240510 SK Ketua No 5.pdf",
        "SK Ketua No 12 2024-05-10.pdf",
      ],
      "NO_YEAR",
      /tertulis dalam tanggal \((10-05-2024|20240510|2024-05-10)\)/,
    );
    // A signing date from 20 December to 10 January gives no year to file by: either year's
    // series may carry it. The message says so; 11 January and 19 December give their year.
    expectRefused(
      [
        "SK Ketua No 2 tgl 2 Januari 2024.pdf",
        "SK Ketua No 356 tgl 31 Desember 2023.pdf",
        "SK Ketua No 57 ttd 2024-12-20.pdf",
      ],
      "NO_YEAR",
      /tanggal penetapan \((2 januari 2024|31 desember 2023|2024-12-20)\) di sekitar pergantian tahun/,
    );
    for (const [name, tahun] of [
      ["SK Ketua No 57 tgl 11 Januari 2024.pdf", 2024],
      ["SK Ketua No 57 tgl 19-12-2023.pdf", 2023],
    ] as const) {
      const r = parse(name, rules, { now });
      expect(r.ok ? r.decree.tahun : r.reason, name).toBe(tahun);
    }
  });

  it("names what to remove when a name holds two numbers, and never offers a scan date", () => {
    const r = parse("20240510 SK Ketua No 12 dan 13 Th 2024.pdf", rules, { now });
    expect(r.ok ? r.path : r.reason).toBe("AMBIGUOUS_NUMBER");
    if (!r.ok) {
      expect(r.message).toContain("12, 13");
      expect(r.message).not.toMatch(/20240510|0510/);
    }
    const d = parse("SK Ketua 10-05-2024 No 7.pdf", rules, { now });
    expect(d.ok ? d.path : d.reason).toBe("NO_YEAR");
  });
});

describe("convention.office: whose archive it is is configuration", () => {
  const semarang = conventionSchema.parse({
    jenis: [
      {
        code: "KPT-KETUA",
        label: "Keputusan Komisi Pemilihan Umum Kota Semarang",
        aliases: ["sk ketua", "keputusan kpu", "sk kpu"],
        styleBMarkers: ["KPU-Kot", "KPU-Kota"],
      },
    ],
    office: {
      names: ["kota semarang", "semarang"],
      regionCodes: ["3374"],
      oldCodes: ["012.329521"],
    },
  });

  it("files the configured office's decrees and rejects Jakarta Utara's", () => {
    const own = parse("Keputusan KPU Kota Semarang No 5 Tahun 2015 ttg Pedoman.pdf", semarang, {
      now,
    });
    expect(own.ok && own.path).toBe("KPT-KETUA/2015/KPT-KETUA_2015_005_pedoman.pdf");
    const code = parse("5-Kpts-KPU-Kota-012.329521-2015.pdf", semarang, { now });
    expect(code.ok && code.path).toBe("KPT-KETUA/2015/KPT-KETUA_2015_005.pdf");
    // The code typed without its dots is the same code; one digit off is another office's.
    const undotted = parse("5_Kpts_KPU-Kota-012329521_2015.pdf", semarang, { now });
    expect(undotted.ok && undotted.path).toBe("KPT-KETUA/2015/KPT-KETUA_2015_005.pdf");
    const otherCode = parse("5_Kpts_KPU-Kota-012329522_2015.pdf", semarang, { now });
    expect(otherCode.ok ? otherCode.path : otherCode.reason).toBe("OTHER_OFFICE_CODE");
    // "Komisi Pemilihan Umum Daerah", KPUD spelt out, is this office before 2008 (with the
    // default kinds, whose aliases name the commission).
    const officeOnly = conventionSchema.parse({
      office: { names: ["kota semarang", "semarang"], regionCodes: ["3374"] },
    });
    const daerah = parse(
      "Keputusan Komisi Pemilihan Umum Daerah Kota Semarang Nomor 33 Tahun 2005.pdf",
      officeOnly,
      { now },
    );
    expect(daerah.ok && daerah.path).toBe("KPT-KETUA/2005/KPT-KETUA_2005_033.pdf");
    const jakut = parse("SK KPU Kota Jakarta Utara No 7 Th 2022.pdf", semarang, { now });
    expect(jakut.ok ? jakut.path : jakut.reason).toBe("OTHER_OFFICE");
    const region = parse("45_PL.01.3-Kpt_3172_KPU-Kot_IV_2019.pdf", semarang, { now });
    expect(region.ok ? region.path : region.reason).toBe("OTHER_OFFICE_CODE");
  });

  it("does not call an agency's own title words foreign (a regency's 'Peraturan Bupati')", () => {
    const perbup = conventionSchema.parse({
      jenis: [{ code: "PERBUP", label: "Peraturan Bupati", aliases: ["perbup"] }],
      office: { names: ["kabupaten bandung"], regionCodes: [], oldCodes: [] },
    });
    const r = parse("Peraturan Bupati No 4 Th 2021 ttg Pajak.pdf", perbup, { now });
    expect(r.ok && r.path).toBe("PERBUP/2021/PERBUP_2021_004_pajak.pdf");
    const w = parse("Peraturan Walikota No 4 Th 2021.pdf", perbup, { now });
    expect(w.ok ? w.path : w.reason).toBe("OTHER_OFFICE");
  });
});

/**
 * The message of `name`'s refusal, after checking it is NOT_A_DECREE, names `word` and says to
 * move the file out of the archive share ("" when it was filed, which the first check fails).
 */
function notADecreeMessage(name: string, word: string): string {
  const r = parse(name, rules, { now });
  expect(r.ok ? r.path : r.reason, name).toBe("NOT_A_DECREE");
  if (r.ok) return "";
  expect(r.message, name).toContain(`'${word}'`);
  expect(r.message, name).toMatch(/ke luar folder arsip/);
  return r.message;
}
