/**
 * Pre-2022 decree numbers, with "/" as printed or typed as "_", "-" or spaces:
 * - Style B (≈2018–2021): `45/PL.01.3-Kpt/3172/KPU-Kot/IV/2019`
 *   serial / classification-Kpt / region code / issuer marker / month (Roman) / year;
 * - Style C (≈2011–2017): `24/Kpts/KPU-Prov-010/2012`, `5/Kpts/KPU-Kota-012.329521/2015`.
 * Works on the folded, lower-case text (text.ts foldSameLength) and reports spans into it, so the
 * caller can slice the original for `nomorAsli` (printed with "/").
 */
import { type CompiledRules, markerKey } from "./rules.js";

export interface OldNumber {
  start: number;
  end: number;
  serial: string;
  year: number;
  /** The number as printed, rebuilt with "/" from the original spelling. */
  asli: string;
  /** Jenis from the issuer marker, or null when the marker is not configured. */
  jenis: string | null;
}

const S = "[\\s/_-]+";
const STYLE_B = new RegExp(
  `(?<![a-z0-9])(\\d{1,4}[a-z]?)${S}([a-z]{2}(?:\\.\\d{1,3})+[\\s_-]?kpts?)${S}(\\d{2,6})${S}([a-z]+[\\s_-]+[a-z]+)${S}([ivx]{1,4}|\\d{1,2})${S}(\\d{4})(?![0-9])`,
  "d",
);
const STYLE_C = new RegExp(
  `(?<![a-z0-9])(\\d{1,4}[a-z]?)${S}(kpts?)${S}([a-z]+[\\s_-]+[a-z]+)([\\s_-]+[0-9][0-9.]*)?${S}(\\d{4})(?![0-9])`,
  "d",
);

function piece(orig: string, m: RegExpExecArray, i: number): string {
  const at = m.indices?.[i];
  return at ? orig.slice(at[0], at[1]) : "";
}

/** Dash-joined words: "KPU_Kot" → "KPU-Kot", "PL.01.3_Kpt" → "PL.01.3-Kpt". */
function dashed(s: string): string {
  return s.trim().replace(/[\s_-]+/g, "-");
}

export function findOldNumber(
  folded: string,
  orig: string,
  rules: CompiledRules,
): OldNumber | null {
  // Both styles contain "kpt" ("-Kpt", "Kpts"); most names do not, and this test is far cheaper
  // than the two regexes.
  if (!folded.includes("kpt")) return null;
  const b = STYLE_B.exec(folded);
  if (b) {
    const issuer = piece(orig, b, 4);
    const asli = [1, 2, 3, 4, 5, 6].map((i) => dashed(piece(orig, b, i))).join("/");
    return {
      start: b.index,
      end: b.index + b[0].length,
      serial: b[1]!,
      year: Number(b[6]),
      asli,
      jenis: rules.markers.get(markerKey(issuer)) ?? null,
    };
  }
  const c = STYLE_C.exec(folded);
  if (c) {
    const issuer = piece(orig, c, 3);
    const suffix = piece(orig, c, 4).replace(/^[\s_-]+/, "");
    const asli = [
      piece(orig, c, 1),
      piece(orig, c, 2),
      dashed(issuer) + (suffix ? `-${suffix}` : ""),
      piece(orig, c, 5),
    ].join("/");
    return {
      start: c.index,
      end: c.index + c[0].length,
      serial: c[1]!,
      year: Number(c[5]),
      asli,
      jenis: rules.markers.get(markerKey(issuer)) ?? null,
    };
  }
  return null;
}
