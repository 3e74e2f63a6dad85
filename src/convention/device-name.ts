/**
 * A device's or program's own name for a file: a scanner's "scan0001", a camera's "IMG1234" or
 * "DSC01234", a word processor's "Doc1" — one word of a device's name, then digits, nothing
 * else. Such a name has no kind of decree in it, so the lenient reading and its second readings
 * (repair.ts, stamps.ts, old-numbers.ts, lenient.ts otherTitle) all end in NO_JENIS; parse.ts
 * refuses it so at once. Scan folders are full of them, and the full reading of each costs
 * several passes. Pure.
 *
 * Contract: for every name this matches, parse() without it gives the same refusal (test/
 * convention/device-name.test.ts, under several configs). It holds because a decree's reading
 * needs a configured phrase: a device word that a configured phrase word could be read from (a
 * prefix either way, or the same first two letters, which covers typos and glued readings) is
 * left out of the pattern for that config.
 */

/** Devices' and programs' words (lower case), as they start the names they give files. */
export const DEVICE_WORDS = [
  "scan",
  "img",
  "image",
  "dsc",
  "dscn",
  "doc",
  "document",
  "dokumen",
  "foto",
  "photo",
  "pic",
  "picture",
];

/**
 * Whether `stem` may be a device's name: it ends with a digit and starts with a device word's
 * first letter (s, i, d, f, p, either case). Most names end with a letter; this spares them the
 * pattern.
 */
export function mayBeDeviceName(stem: string): boolean {
  const last = stem.charCodeAt(stem.length - 1);
  if (last < 0x30 || last > 0x39) return false;
  const first = stem.charCodeAt(0) | 0x20;
  return first === 0x73 || first === 0x69 || first === 0x64 || first === 0x66 || first === 0x70;
}

/**
 * The pattern of a device's name for a config whose phrase words are `phraseWords` (folded):
 * case-insensitive, the whole stem. Null when every device word may read as a phrase.
 */
export function deviceNamePattern(phraseWords: readonly string[]): RegExp | null {
  const kept = DEVICE_WORDS.filter(
    (d) =>
      !phraseWords.some(
        (w) => w.startsWith(d) || d.startsWith(w) || w.slice(0, 2) === d.slice(0, 2),
      ),
  );
  return kept.length === 0 ? null : new RegExp(`^(?:${kept.join("|")})[0-9]{1,20}$`, "i");
}
