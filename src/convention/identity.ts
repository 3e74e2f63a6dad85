/**
 * Which decree a file is, for the archive's "one place per document" rule. Pure.
 *
 * A serial is unique per year per issuer, so jenis, tahun and nomor name a decree, and the
 * qualifier one of its documents (an attachment, a certified copy). The extension tells the
 * signed scan (.pdf) from the draft (.docx), which are kept side by side. The subject is not
 * part of it: staff type it differently each time ("Penetapan DPT", "penetapan dpt - Copy"), so
 * two files that differ only there are one document twice — a duplicate or a conflict, never a
 * second entry in the archive and the register.
 */
import type { ConventionConfig } from "../config/schema.js";
import { parse } from "./parse.js";
import type { Decree } from "./types.js";

/** Equal for two decrees exactly when they are the same document of the same decree. */
export function documentKey(d: Decree): string {
  return `${d.jenis}/${d.tahun}/${d.nomor}/${d.qualifier ?? ""}/${d.ext}`;
}

/**
 * The document (documentKey) held by the file at share-relative `rel` when `rel` is its canonical
 * path; null for a file that is not in its place (the organizer will act on it) or not a decree.
 */
export function documentAt(rel: string, rules: ConventionConfig, now: Date): string | null {
  const r = parse(rel.slice(rel.lastIndexOf("/") + 1), rules, { now });
  return r.ok && r.path === rel ? documentKey(r.decree) : null;
}
