/**
 * Numbers typed in words: every number from 1 to 999 as Indonesian spells it (built here from
 * the rules of the language, apart from numbers.ts) reads as its value, and the ones of several
 * words match NUMBER_WORDS_MANY whole, also as an ordinal ("kedua puluh", "ke-dua puluh").
 */
import { describe, expect, it } from "vitest";
import { NUMBER_WORDS_MANY, wordsValue } from "../../src/convention/numbers.js";

const UNITS = ["", "satu", "dua", "tiga", "empat", "lima", "enam", "tujuh", "delapan", "sembilan"];

/** `n` (1–999) in words: "seratus", "dua ratus", "sebelas", "dua belas", "dua puluh satu" … */
function spell(n: number): string {
  const h = Math.floor(n / 100);
  const rest = n % 100;
  const hundreds = h === 0 ? "" : h === 1 ? "seratus" : `${UNITS[h]} ratus`;
  let tens = "";
  if (rest === 10) tens = "sepuluh";
  else if (rest === 11) tens = "sebelas";
  else if (rest > 11 && rest < 20) tens = `${UNITS[rest - 10]} belas`;
  else if (rest >= 20) tens = `${UNITS[Math.floor(rest / 10)]} puluh ${UNITS[rest % 10]}`.trim();
  else tens = UNITS[rest]!;
  return `${hundreds} ${tens}`.trim();
}

const WHOLE = new RegExp(`^(?:${NUMBER_WORDS_MANY})$`);

describe("numbers in words", () => {
  it("reads every number from 1 to 999 as spelt, with the words apart by spaces, dashes or _", () => {
    const wrong: string[] = [];
    for (let n = 1; n <= 999; n++) {
      for (const text of [spell(n), spell(n).replace(/ /g, "-"), spell(n).replace(/ /g, "_")]) {
        if (wordsValue(text) !== n) wrong.push(`${text} → ${wordsValue(text)}`);
      }
    }
    expect(wrong).toEqual([]);
  });

  it("matches every number of several words whole, and its ordinal", () => {
    const unmatched: string[] = [];
    for (let n = 10; n <= 999; n++) {
      const text = spell(n);
      if (!text.includes(" ") && n !== 10 && n !== 11 && n !== 100) continue;
      for (const typed of [text, `ke${text}`, `ke ${text}`, `ke-${text}`]) {
        if (!WHOLE.test(typed)) unmatched.push(typed);
        if (typed !== text && wordsValue(typed) !== n)
          unmatched.push(`${typed} → ${wordsValue(typed)}`);
      }
    }
    expect(unmatched).toEqual([]);
  });

  it("reads no other word as a number", () => {
    for (const text of ["puluh", "belas dua", "dua puluh puluh", "kecamatan", "ke", "satu dua x"]) {
      expect(wordsValue(text), text).toBe(0);
    }
  });
});
