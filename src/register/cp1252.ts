/**
 * Windows-1252, both ways, by table: Node's TextDecoder("windows-1252") decodes 0x80–0x9F as
 * Latin-1 control characters on some Node versions (nodejs/node#56542), which would turn Excel's
 * “ ” – € into garbage. 0x00–0x7F and 0xA0–0xFF equal Unicode; 0x80–0x9F are mapped here (the
 * five bytes Windows-1252 leaves undefined decode to the same code point, as browsers do).
 */
const HIGH = [
  0x20ac, 0x81, 0x201a, 0x0192, 0x201e, 0x2026, 0x2020, 0x2021, 0x02c6, 0x2030, 0x0160, 0x2039,
  0x0152, 0x8d, 0x017d, 0x8f, 0x90, 0x2018, 0x2019, 0x201c, 0x201d, 0x2022, 0x2013, 0x2014, 0x02dc,
  0x2122, 0x0161, 0x203a, 0x0153, 0x9d, 0x017e, 0x0178,
];

export function decodeCp1252(buf: Uint8Array): string {
  let out = "";
  for (const b of buf) out += String.fromCharCode(b >= 0x80 && b < 0xa0 ? HIGH[b - 0x80]! : b);
  return out;
}

const ENCODE = new Map<number, number>(HIGH.map((cp, i) => [cp, 0x80 + i]));

/** Encodes text; a character Windows-1252 cannot hold becomes '?', as Excel writes it. */
export function encodeCp1252(text: string): Buffer {
  const out: number[] = [];
  for (const ch of text) {
    const cp = ch.codePointAt(0)!;
    const b = ENCODE.get(cp) ?? (cp < 0x80 || (cp >= 0xa0 && cp <= 0xff) ? cp : 0x3f);
    out.push(b);
  }
  return Buffer.from(out);
}
