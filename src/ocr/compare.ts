/**
 * Compares a file name's decree with what its pages say, and proposes a name from the pages.
 * Pure. A reading below `minConfidence` claims nothing (no disagreement, no suggestion): a wrong
 * quarantine costs a clerk more than a missed one, which `arsipd check` can still show later.
 */
import type { ConventionConfig } from "../config/schema.js";
import { parse } from "../convention/parse.js";
import { reject } from "../convention/reasons.js";
import type { Decree } from "../convention/types.js";
import { UNSAFE } from "./heading.js";
import type { ContentReading } from "./types.js";

export interface Disagreement {
  /** What differs: "instansi", "jenis", "nomor", "tahun". */
  fields: string[];
  /** Indonesian sentence quoting the document. */
  message: string;
  messageEn: string;
}

const normNomor = (n: string) => n.toUpperCase().replace(/^0+(?=\d)/, "");

export function disagreement(
  d: Decree,
  r: ContentReading,
  conv: ConventionConfig,
  minConfidence: number,
): Disagreement | null {
  if (r.confidence < minConfidence) return null;
  const quote = `"${r.heading.length > 160 ? `${r.heading.slice(0, 157)}…` : r.heading}"`;
  const named = `${label(d.jenis, conv)} Nomor ${d.nomor} Tahun ${d.tahun}`;
  if (r.otherOffice !== null) {
    // One misread letter of a city name ("JAKARTA UTARA" → "JAKARTA UTAPA") reads as another
    // office: from OCR that claim needs a near-certain reading.
    if (r.source === "ocr" && r.confidence < Math.max(minConfidence, 90)) return null;
    const detail = `dokumen ini tertulis ${quote}, yaitu keputusan instansi lain (${r.otherOffice}), sedangkan nama berkas menyebut ${named}`;
    return {
      fields: ["instansi"],
      // Not the template's "rename it as the document says": another office's decree has no
      // name in this archive.
      message: `Isi dokumen berbeda dengan nama berkas: ${detail}. Keputusan instansi lain bukan bagian arsip ini; pindahkan berkas ini ke luar folder arsip.`,
      messageEn: reject(
        "ISI_BERBEDA",
        `another institution (${r.otherOffice}); the name says ${d.jenis} ${d.nomor}/${d.tahun}`,
      ).messageEn,
    };
  }
  if (r.jenis === null || r.nomor === null || r.tahun === null) return null;
  const fields: string[] = [];
  if (r.jenis !== d.jenis) fields.push("jenis");
  if (normNomor(r.nomor) !== normNomor(d.nomor)) fields.push("nomor");
  if (r.tahun !== d.tahun) fields.push("tahun");
  if (fields.length === 0) return null;
  const says = `${label(r.jenis, conv)} Nomor ${r.nomor} Tahun ${r.tahun}`;
  const detail = `${fields.join(", ")} — dokumen ini tertulis ${quote}, yaitu ${says}, sedangkan nama berkas menyebut ${named}`;
  return {
    fields,
    message: reject("ISI_BERBEDA", detail).message,
    messageEn: reject(
      "ISI_BERBEDA",
      `content says ${r.jenis} ${r.nomor}/${r.tahun}, the name ${d.jenis} ${d.nomor}/${d.tahun}`,
    ).messageEn,
  };
}

function label(jenis: string, conv: ConventionConfig): string {
  return conv.jenis.find((j) => j.code === jenis)?.label ?? jenis;
}

/**
 * A name in the words clerks type ("SK Ketua No 20 Th 2024 ttg Penetapan PPK.pdf") that the
 * convention reads back as exactly the decree the pages name; null when no such name exists or
 * the reading is unsure. Never applied by arsipd: it is advice in the quarantine sidecar.
 */
export function suggestName(
  r: ContentReading,
  ext: string,
  conv: ConventionConfig,
  minConfidence: number,
  now: Date,
): string | null {
  if (r.confidence < minConfidence || r.jenis === null || r.nomor === null || r.tahun === null)
    return null;
  const j = conv.jenis.find((x) => x.code === r.jenis);
  if (!j) return null;
  const aliases = [...j.aliases].sort((a, b) => rank(a) - rank(b));
  const subject = r.tentang ? ` ttg ${cut(r.tentang.replace(UNSAFE, " "), 80)}` : "";
  for (const alias of aliases) {
    for (const tail of [subject, ""]) {
      const name = `${titleWords(alias)} No ${r.nomor} Th ${r.tahun}${tail}.${ext}`.replace(
        /\s+/g,
        " ",
      );
      const p = parse(name, conv, { now });
      if (
        p.ok &&
        p.decree.jenis === r.jenis &&
        normNomor(p.decree.nomor) === normNomor(r.nomor) &&
        p.decree.tahun === r.tahun
      )
        return name;
    }
  }
  return null;
}

const rank = (alias: string) => (/^sk\b/i.test(alias) ? 0 : 1);
const titleWords = (s: string) =>
  s
    .split(" ")
    .map((w) => (w.length <= 3 ? w.toUpperCase() : w[0]!.toUpperCase() + w.slice(1)))
    .join(" ");

function cut(s: string, max: number): string {
  const t = s.replace(/\s+/g, " ").trim();
  if (t.length <= max) return t;
  const at = t.lastIndexOf(" ", max);
  return t.slice(0, at > 20 ? at : max).replace(/[\s,.;-]+$/, "");
}
