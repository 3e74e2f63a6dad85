/**
 * subject.ts's gate: a subject isPlainSubject calls plain has single gaps and nothing for
 * subjectQualifier to take out, for subjects built from the noise words, near-misses, digits and
 * gaps clerks and PDF tools type (the gate looks at the end only for the tools' words and the
 * version marks, so a word missed there would stay in the slug).
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { isPlainSubject, subjectQualifier } from "../../src/convention/subject.js";
import { hasSingleGaps } from "../../src/convention/text.js";

const word = fc.constantFrom(
  "penetapan",
  "dpt",
  "daftar",
  "teknis",
  "signed",
  "sign",
  "compress",
  "compressed",
  "converted",
  "merged",
  "unlocked",
  "ocr",
  "ocred",
  "camscanner",
  "v",
  "v2",
  "v12",
  "v123",
  "ver",
  "versi",
  "version",
  "ke",
  "2",
  "12",
  "2024",
  "final",
  "scan",
  "ttd",
  "copy",
  "lampiran",
  "verifikasi",
  "provinsi",
  "(2)",
  "(ocr)",
  "(v2)",
);
const gap = fc.constantFrom(" ", " ", " ", "-", "_", ".", "  ", "- ");
const subject = fc
  .tuple(
    fc.array(fc.tuple(gap, word), { minLength: 1, maxLength: 6 }),
    fc.constantFrom("", "", " ", "-", "_"),
  )
  .map(([pieces, tail]) => pieces.map(([g, w]) => g + w).join("") + tail);
const head = "kpt ketua 2024 012";

describe("isPlainSubject", () => {
  it("calls plain only a subject with single gaps and no marker or noise", () => {
    fc.assert(
      fc.property(subject, (s) => {
        const folded = head + s;
        if (!isPlainSubject(folded, head.length)) return;
        expect(hasSingleGaps(s), s).toBe(true);
        expect(subjectQualifier(folded, head.length), s).toBeNull();
      }),
      { numRuns: 20000 },
    );
  });

  it("looks at the end of the subject for the tools' words and version marks", () => {
    for (const s of [
      " dpt signed",
      " dpt-compressed",
      " dpt ocr ",
      " dpt v2",
      " dpt versi ke-2",
      " versi",
    ]) {
      expect(isPlainSubject(head + s, head.length), s).toBe(false);
    }
    for (const s of [" penetapan dpt", " pemilu 2024", " dapil 3", " versi terbaru pedoman"]) {
      expect(isPlainSubject(head + s, head.length), s).toBe(true);
    }
  });
});
