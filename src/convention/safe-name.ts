/**
 * Names every target accepts: Windows/SMB, ownCloud (with its upload suffix) and Linux.
 * A canonical name arsipd writes must pass `unsafeNameReason(name, max) === null`.
 */

import { isAscii, isSpace } from "./text.js";

/** ownCloud appends `.ocTransferId<digits>.part` (~27 bytes) while uploading; some versions cap at 250 bytes. */
export const OWNCLOUD_MAX_BYTES = 250;
export const OWNCLOUD_UPLOAD_SUFFIX_BYTES = 27;

// biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are what we reject
const FORBIDDEN = /[<>:"/\\|?*\u0000-\u001f\u007f]/;
/** Does not start with "." (so no dot names and no ".htaccess"). */
const PLAIN = /^[A-Za-z0-9_-][A-Za-z0-9_.-]*$/;
const RESERVED = /^(con|prn|aux|nul|com[1-9]|lpt[1-9])$/i;

/** Whether `segment` (a file or folder name) is a Windows reserved device name, with or without extension. */
export function isReservedDeviceName(segment: string): boolean {
  const dot = segment.indexOf(".");
  // Device names have 3 or 4 letters: a stem with a fifth character that is not trailing
  // white space is none (the common case, decided without a slice and a regex).
  if ((dot < 0 || dot > 4) && segment.length > 4 && !isSpace(segment.charCodeAt(4))) return false;
  const stem = dot < 0 ? segment : segment.slice(0, dot);
  return RESERVED.test(stem.trimEnd());
}

/** Why `name` is not safe on every target, or null when it is. */
export function unsafeNameReason(name: string, maxLength: number): string | null {
  // The names arsipd writes are ASCII letters, digits, "_", "-" and ".": one scan rules out the
  // empty, dot, forbidden-character, not-NFC and multi-byte cases, in the order checked below.
  if (PLAIN.test(name)) {
    if (isReservedDeviceName(name)) return "reserved device name";
    if (name.endsWith(".")) return "trailing dot or space";
    return plainLengthReason(name.length, maxLength);
  }
  if (name.length === 0) return "empty name";
  if (name === "." || name === "..") return "dot name";
  if (FORBIDDEN.test(name)) return "forbidden character";
  if (isReservedDeviceName(name)) return "reserved device name";
  const last = name.charCodeAt(name.length - 1);
  if (last === 0x2e || last === 0x20) return "trailing dot or space";
  const ascii = isAscii(name);
  if (!ascii && name !== name.normalize("NFC")) return "not NFC";
  if (name.length > maxLength) return "too long";
  const bytes = ascii ? name.length : Buffer.byteLength(name, "utf8");
  if (bytes + OWNCLOUD_UPLOAD_SUFFIX_BYTES > OWNCLOUD_MAX_BYTES)
    return "too many bytes for ownCloud";
  if (name.length === 9 && name.toLowerCase() === ".htaccess") return "blocked by ownCloud";
  return null;
}

/**
 * `unsafeNameReason` of a name that is otherwise safe, from its length alone: for a name built
 * from pieces known to be plain — a stem of ASCII letters, digits, "_" and "-" that holds a "_"
 * (so it names no device), then "." and an extension of ASCII letters and digits — only the
 * length can fail. Lets a caller that built such a name skip re-scanning it.
 */
export function plainLengthReason(length: number, maxLength: number): string | null {
  if (length > maxLength) return "too long";
  if (length + OWNCLOUD_UPLOAD_SUFFIX_BYTES > OWNCLOUD_MAX_BYTES)
    return "too many bytes for ownCloud";
  return null;
}

export function isSafeName(name: string, maxLength: number): boolean {
  return unsafeNameReason(name, maxLength) === null;
}

/** Every segment of a relative POSIX path is safe. */
export function isSafeRelPath(rel: string, maxLength: number): boolean {
  return rel.split("/").every((s) => isSafeName(s, maxLength));
}
