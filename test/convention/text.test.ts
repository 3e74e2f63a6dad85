/** The character classes the parser scans by hand must be exactly the regex classes they replace. */
import { describe, expect, it } from "vitest";
import { isAscii, isSpace } from "../../src/convention/text.js";

describe("text character classes", () => {
  it("isSpace is exactly what a regex \\s matches, for every UTF-16 unit", () => {
    const wrong: number[] = [];
    for (let code = 0; code <= 0xffff; code++) {
      if (isSpace(code) !== /\s/.test(String.fromCharCode(code))) wrong.push(code);
    }
    expect(wrong).toEqual([]);
  });

  it("isAscii tells ASCII from anything else", () => {
    expect(isAscii("SK Ketua No 12.pdf\u0000\u007f")).toBe(true);
    expect(isAscii("Pe\u0301netapan.pdf")).toBe(false);
    expect(isAscii("\u0080")).toBe(false);
    expect(isAscii("")).toBe(true);
  });
});
