/**
 * A name whose UTF-8 bytes were read as Windows-1252 and saved again, as a mail client, a zip
 * tool or an old share does with a name it got from another ("SK Ketua No 9â€“2023" for "No
 * 9–2023", "SK KetuaÂ No 40" for a no-break space, "Bu DÃ©sy"). Read as it stands, "â" folds to
 * "a" and "9â€“2023" read as decree 9A. Pure.
 */

/**
 * Each character Windows-1252 shows a byte as, and the byte: Latin-1's own, and 0x80-0x9F's
 * punctuation (Node's TextDecoder reads "windows-1252" as Latin-1, so the table is written out).
 * The five bytes the code page leaves undefined stand for themselves, as Windows maps them.
 */
const CP1252_BYTE = new Map<number, number>();
for (let b = 0; b < 256; b++) CP1252_BYTE.set(b, b);
[
  0x20ac, 0, 0x201a, 0x0192, 0x201e, 0x2026, 0x2020, 0x2021, 0x02c6, 0x2030, 0x0160, 0x2039, 0x0152,
  0, 0x017d, 0, 0, 0x2018, 0x2019, 0x201c, 0x201d, 0x2022, 0x2013, 0x2014, 0x02dc, 0x2122, 0x0161,
  0x203a, 0x0153, 0, 0x017e, 0x0178,
].forEach((ch, k) => {
  if (ch !== 0) CP1252_BYTE.set(ch, 0x80 + k);
});

/**
 * A UTF-8 lead byte's character ("Â"-"ô") and a continuation byte's, as Windows-1252 shows them
 * (0x80-0xBF: "€", "–", "“", "©" …): the mark of such a name.
 */
const MOJIBAKE =
  /[\u00c2-\u00f4][\u0080-\u00bf\u0152\u0153\u0160\u0161\u0178\u017d\u017e\u0192\u02c6\u02dc\u2013\u2014\u2018-\u201e\u2020-\u2022\u2026\u2030\u2039\u203a\u20ac\u2122]/;

const UTF8 = new TextDecoder("utf-8", { fatal: true });

/**
 * `name` read back as the UTF-8 it was, or null: no such mark, a character Windows-1252 has no
 * byte for, or bytes that are no UTF-8 (a name typed with "é" or "Â" on purpose is neither:
 * "Désy" is no UTF-8 as bytes, so stays as it is).
 */
export function mojibakeRepaired(name: string): string | null {
  if (!MOJIBAKE.test(name)) return null;
  const bytes = new Uint8Array(name.length);
  for (let i = 0; i < name.length; i++) {
    const b = CP1252_BYTE.get(name.charCodeAt(i));
    if (b === undefined) return null;
    bytes[i] = b;
  }
  try {
    return UTF8.decode(bytes);
  } catch {
    return null;
  }
}
