/**
 * Documents filed twice: two files at their canonical places that are one document of one decree
 * (convention/identity.ts), e.g. filed under two subjects before the organizer compared
 * documents, or named by hand. The organizer leaves files that are in place alone, so `arsipd
 * check` lists these for a person to decide. Pure.
 */
import type { ConventionConfig } from "../config/schema.js";
import { documentAt } from "../convention/identity.js";

export interface FiledTwice {
  path: string;
  /** The first file (in path order) of the same document. */
  existing: string;
}

/** `rels`: share-relative paths, in path order. */
export function filedTwice(
  rels: readonly string[],
  rules: ConventionConfig,
  now: Date,
): FiledTwice[] {
  const first = new Map<string, string>();
  const out: FiledTwice[] = [];
  for (const rel of rels) {
    const key = documentAt(rel, rules, now);
    if (key === null) continue;
    const existing = first.get(key);
    if (existing === undefined) first.set(key, rel);
    else out.push({ path: rel, existing });
  }
  return out;
}
