/**
 * Decree → canonical relative path `<JENIS>/<TAHUN>/<JENIS>_<TAHUN>_<NOMOR>[_<QUAL>][_<slug>].<ext>`.
 * Contract: the result is safe on every target (safe-name.ts) and `parse(basename(result))` reads
 * back the same decree, with `tentang` as the slug reads back (words joined by spaces; null when
 * the slug is empty) and without `nomorAsli` (a canonical name does not carry it).
 * When `tentang` is null or slugs to nothing, the `_<slug>` part is left out.
 */
import type { ConventionConfig } from "../config/schema.js";
import { ArsipdError } from "../errors.js";
import { isDigit } from "./numbers.js";
import { type CompiledRules, compileRules } from "./rules.js";
import { plainLengthReason, unsafeNameReason } from "./safe-name.js";
import { slug, slugOfFolded } from "./text.js";
import type { Decree } from "./types.js";

/**
 * "12a" → "012A" with pad 3; "1234" stays. Formats, does not judge: a number is read (and
 * refused) by numbers.ts normNomor, the one reading rule of the parser and the metadata file;
 * this only pads what a Decree holds.
 */
export function padNomor(nomor: string, pad: number): string {
  if (isPlainSerial(nomor)) return nomor.padStart(pad, "0");
  const m = /^0*(\d+)([A-Za-z]?)$/.exec(nomor);
  if (!m) throw new ArsipdError("BAD_DECREE", "fatal", `not a decree number: '${nomor}'`);
  return `${m[1]!.padStart(pad, "0")}${m[2]!.toUpperCase()}`;
}

/** Digits without a leading zero (most serials, as parse gives them): nothing to strip or upper-case. */
function isPlainSerial(nomor: string): boolean {
  if (nomor.length === 0 || nomor.charCodeAt(0) === 48) return false;
  for (let i = 0; i < nomor.length; i++) if (!isDigit(nomor.charCodeAt(i))) return false;
  return true;
}

/** The file name part without directories. */
export function formatName(d: Decree, rules: ConventionConfig): string {
  return formatNameWith(d, null, rules);
}

/**
 * `formatName`, with the subject already folded when the caller has it: `folded` is lower-case
 * ASCII text whose slug (text.ts slugOfFolded) is the slug of `d.tentang`, e.g. the slug of a
 * canonical name that `d` was read from; null to make the slug from `d.tentang`. `c` is
 * `rules` compiled and `singleGaps` is hasSingleGaps(folded), when the caller has them.
 */
export function formatNameWith(
  d: Decree,
  folded: string | null,
  rules: ConventionConfig,
  c: CompiledRules = compileRules(rules),
  singleGaps?: boolean,
): string {
  const fixed = fixedPart(d, rules);
  const plainExt = c.plainExtensions.has(d.ext);
  const ext = `.${plainExt ? d.ext : d.ext.toLowerCase()}`;
  const budget = rules.maxNameLength - fixed.length - ext.length - 1;
  const slug =
    folded === null
      ? canonicalSlug(d, fixed.length + ext.length, rules)
      : slugOfFolded(folded, budget, singleGaps);
  const name = slug ? `${fixed}_${slug}${ext}` : `${fixed}${ext}`;
  // The padded number (digits, perhaps an upper-case letter) and the slug ("-"-joined [a-z0-9]
  // words) are plain by construction: with a plain code, year, qualifier and extension, only the
  // length can fail, and the fresh name (which a regex would first copy flat) is not scanned.
  const why =
    plainExt && isPlainFixedPart(d, c)
      ? plainLengthReason(name.length, rules.maxNameLength)
      : unsafeNameReason(name, rules.maxNameLength);
  if (why) {
    throw new ArsipdError("UNSAFE_NAME", "fatal", `canonical name '${name}' is unsafe (${why})`);
  }
  return name;
}

export function format(d: Decree, rules: ConventionConfig): string {
  return `${d.jenis}/${d.tahun}/${formatName(d, rules)}`;
}

const PLAIN_PIECE = /^[A-Za-z0-9_-]+$/;

/** Whether code, year and qualifier are plain name pieces (safe-name.ts plainLengthReason). */
function isPlainFixedPart(d: Decree, c: CompiledRules): boolean {
  return (
    c.plainCodes.has(d.jenis) &&
    Number.isSafeInteger(d.tahun) &&
    d.tahun >= 0 &&
    (!d.qualifier || PLAIN_PIECE.test(d.qualifier))
  );
}

function fixedPart(d: Decree, rules: ConventionConfig): string {
  const qual = d.qualifier ? `_${d.qualifier}` : "";
  return `${d.jenis}_${d.tahun}_${padNomor(d.nomor, rules.nomorPad)}${qual}`;
}

function canonicalSlug(d: Decree, used: number, rules: ConventionConfig): string {
  if (!d.tentang) return "";
  return slug(d.tentang, rules.maxNameLength - used - 1);
}

/** The subject as a canonical name reads it back: slug words joined by spaces, or null. */
export function tentangAsCanonical(d: Decree, rules: ConventionConfig): string | null {
  const used = fixedPart(d, rules).length + d.ext.length + 1;
  const slug = canonicalSlug(d, used, rules);
  return slug ? slug.replace(/-/g, " ") : null;
}
