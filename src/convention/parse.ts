/**
 * PLACEHOLDER — replaced at merge by the real convention parser (same signature).
 * Accepts only canonical names `<JENIS>_<TAHUN>_<NNN>[A][_QUAL]_<slug>.<ext>` with a configured
 * jenis and extension; everything else is rejected. Exists so the register command can run on
 * this branch; the register itself takes any parser by injection.
 */
import type { ConventionConfig } from "../config/schema.js";
import type { ParseResult } from "./types.js";

const CANONICAL =
  /^([A-Z0-9][A-Z0-9-]*)_(\d{4})_(\d+[A-Z]?)(?:_(LAMPIRAN-\d+|SALINAN))?_([a-z0-9-]+)\.([a-z0-9]+)$/;

export function parse(name: string, rules: ConventionConfig): ParseResult {
  const m = CANONICAL.exec(name.normalize("NFC"));
  const jenis = m ? rules.jenis.find((j) => j.code === m[1]) : undefined;
  if (!m || !jenis || !rules.extensions.includes(m[6]!)) {
    return {
      ok: false,
      reason: "NOT_CANONICAL",
      message: "Nama berkas belum sesuai konvensi.",
      messageEn: "The name does not follow the canonical convention.",
    };
  }
  const tahun = Number(m[2]);
  return {
    ok: true,
    decree: {
      jenis: jenis.code,
      tahun,
      nomor: m[3]!.replace(/^0+(?=\d)/, ""),
      qualifier: m[4] ?? null,
      tentang: m[5]!.replace(/-/g, " "),
      ext: m[6]!,
    },
    path: `${jenis.code}/${tahun}/${name.normalize("NFC")}`,
  };
}
