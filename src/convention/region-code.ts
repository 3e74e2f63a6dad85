/**
 * A region code typed apart from an old-style number: "kode 3171", "Kode Wilayah 31.71", "KPU
 * 3578". A Kemendagri/BPS region code names an office (3172 is Kota Jakarta Utara, 3171 Jakarta
 * Selatan, 3578 Surabaya) as surely as the code inside "…/3578/KPU-Kot/…" does, so a code of
 * another office after "kode" or "KPU", anywhere in the name, refuses it as OTHER_OFFICE_CODE.
 * This office's own codes (`convention.office.regionCodes`) are read as subject words, and a
 * bare number in the head that is one, or has another office's code's shape, is never the
 * serial (isRegionCodeSerial). Pure.
 *
 * Only the region-code shape counts: a province code (11–19, 21, 31–36, 51–53, 61–65, 71–76,
 * 81–82, 91–96) then a regency/city code 01–79, four digits or "31.71". A year after "kode" is
 * no region code ("kode 2024": no province 20).
 */
import { isDigit } from "./numbers.js";
import type { CompiledOffice } from "./office.js";
import { reject } from "./reasons.js";
import type { ParseRejected } from "./types.js";

const CODE =
  /(?<![a-z0-9])(?:kode|kd|kpu)(?:[^a-z0-9]+(?:wilayah|wil|daerah|kantor|satker|kab|kota))?[^a-z0-9]*(\d{2})\.?(\d{2})(?![0-9]|\.\d)/g;

const PROVINCES = new Set([
  11, 12, 13, 14, 15, 16, 17, 18, 19, 21, 31, 32, 33, 34, 35, 36, 51, 52, 53, 61, 62, 63, 64, 65,
  71, 72, 73, 74, 75, 76, 81, 82, 91, 92, 93, 94, 95, 96,
]);

/**
 * Whether `folded` from `from` may hold such a code, in substring tests (most names hold none):
 * "kode", "kd", or "kpu" with a digit after its separators.
 */
function mayHoldCode(folded: string, from: number): boolean {
  if (folded.includes("kode", from) || folded.includes("kd", from)) return true;
  for (let at = folded.indexOf("kpu", from); at >= 0; at = folded.indexOf("kpu", at + 3)) {
    let i = at + 3;
    while (
      i < folded.length &&
      (folded.charCodeAt(i) === 0x20 ||
        folded.charCodeAt(i) === 0x5f ||
        folded.charCodeAt(i) === 0x2d)
    )
      i++;
    if (i < folded.length && isDigit(folded.charCodeAt(i))) return true;
  }
  return false;
}

/**
 * The rejection for another office's region code in `folded` from `from` on, or null. The
 * caller asks for a head it could not read (the code's digits read as a second number: "No 7
 * … kode 3171 ttg …") and for a subject typed without "tentang" (as typed, the issuer's code
 * after the numbers, like "KPU Kota Bekasi" there); after "tentang" a code is the subject's.
 */
export function foreignRegionCode(
  folded: string,
  from: number,
  o: CompiledOffice,
): ParseRejected | null {
  if (o.regionCodes.size === 0 || !mayHoldCode(folded, from)) return null;
  CODE.lastIndex = from;
  for (let m = CODE.exec(folded); m; m = CODE.exec(folded)) {
    if (!isRegencyCode(Number(m[1]), Number(m[2]))) continue;
    const code = m[1]! + m[2]!;
    if (!o.regionCodes.has(code)) return reject("OTHER_OFFICE_CODE", code);
  }
  return null;
}

/**
 * Whether a serial typed without "No" (`nomor`, normalised: numbers.ts normNomor) is a region
 * code, never read as the serial (head.ts notSerial, fast.ts): this office's own ("SK Ketua 3172
 * 2024": a clerk copied the code of an old-style number; no decree of a city office reaches
 * serial 3172), or one of another office's shape ("SK Ketua 3171 2024": as likely the code of
 * the office whose decree it is, lenient.ts noSerial). Only a regency or city code of four
 * digits: a province code ("31") is as often a serial. Only for an office with region codes
 * configured: without them the office names none, and a four-digit serial is read.
 * Arithmetic and one Set look-up: fast.ts asks for every plain head with a bare serial.
 */
export function isRegionCodeSerial(nomor: string, o: CompiledOffice | null): boolean {
  return (
    nomor.length === 4 &&
    o !== null &&
    o.regionCodes.size > 0 &&
    (o.regionCodes.has(nomor) || isRegencyCodeShaped(nomor))
  );
}

/** Whether `nomor` is a region code of another office than `o` (isRegionCodeSerial). */
export function isOtherRegionCode(nomor: string, o: CompiledOffice | null): boolean {
  return isRegionCodeSerial(nomor, o) && !o!.regionCodes.has(nomor);
}

/**
 * Whether four characters, digits but for an upper-case letter at the end (a normalised serial
 * "317A"), are a regency or city code: a province (PROVINCES), then 01–79.
 */
function isRegencyCodeShaped(nomor: string): boolean {
  const last = nomor.charCodeAt(3);
  return (
    isDigit(last) &&
    isRegencyCode(
      (nomor.charCodeAt(0) - 48) * 10 + (nomor.charCodeAt(1) - 48),
      (nomor.charCodeAt(2) - 48) * 10 + (last - 48),
    )
  );
}

/**
 * Whether the code in an old-style number's region place ("…-Kpt/<code>/…") has a region code's
 * shape: a province's two digits ("31") or a regency's or city's four ("3172", "3578"). Else
 * ("01", "317201") it names no office: a slip, or another part of the number typed there.
 */
export function isRegionCodeShape(code: string): boolean {
  if (code.length === 2) return PROVINCES.has(Number(code));
  return code.length === 4 && isRegencyCodeShaped(code);
}

/** The region-code shape (see above): a province of PROVINCES, then a regency or city 01–79. */
function isRegencyCode(province: number, regency: number): boolean {
  return regency >= 1 && regency <= 79 && PROVINCES.has(province);
}
