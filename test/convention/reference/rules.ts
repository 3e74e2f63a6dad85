/**
 * The convention config compiled into matchers, once per config object (cached), so parsing a
 * name costs a handful of regex runs. Pure.
 */
import type { ConventionConfig } from "../../../src/config/schema.js";
import { foldFull } from "./text.js";

export interface CompiledRules {
  codes: Set<string>;
  extensions: Set<string>;
  /** One matcher per jenis: its code, aliases and label as word sequences. */
  jenis: { code: string; re: RegExp }[];
  /** All jenis phrases, anchored at the start of the text (for the subject boundary). */
  phraseAtStart: RegExp;
  /** Normalised Style-B/C issuer marker → jenis code. */
  markers: Map<string, string>;
}

const cache = new WeakMap<ConventionConfig, CompiledRules>();

function words(phrase: string): string[] {
  return foldFull(phrase)
    .split(/[^a-z0-9]+/)
    .filter((w) => w.length > 0);
}

function escapeRe(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

/** Issuer markers compare on lower-case ASCII words joined by "-": "Kpts/KPU-Kota" → "kpts-kpu-kota". */
export function markerKey(marker: string): string {
  return words(marker).join("-");
}

function phrasePattern(phrase: string): string | null {
  const w = words(phrase);
  return w.length === 0 ? null : w.map(escapeRe).join("[^a-z0-9]+");
}

export function compileRules(rules: ConventionConfig): CompiledRules {
  const hit = cache.get(rules);
  if (hit) return hit;
  const all: string[] = [];
  const jenis = rules.jenis.map((j) => {
    const pats = [j.code, j.label, ...j.aliases]
      .map(phrasePattern)
      .filter((p): p is string => p !== null)
      .sort((a, b) => b.length - a.length);
    all.push(...pats);
    return { code: j.code, re: new RegExp(`(?<![a-z0-9])(?:${pats.join("|")})(?![a-z0-9])`, "g") };
  });
  all.sort((a, b) => b.length - a.length);
  const markers = new Map<string, string>();
  for (const j of rules.jenis) {
    for (const m of j.styleBMarkers) {
      const key = markerKey(m);
      markers.set(key, j.code);
      if (key.startsWith("kpts-")) markers.set(key.slice(5), j.code);
      else if (key.startsWith("kpt-")) markers.set(key.slice(4), j.code);
    }
  }
  const compiled: CompiledRules = {
    codes: new Set(rules.jenis.map((j) => j.code)),
    extensions: new Set(rules.extensions.map((e) => e.toLowerCase())),
    jenis,
    phraseAtStart: new RegExp(`^(?:${all.join("|")})(?![a-z0-9])`),
    markers,
  };
  cache.set(rules, compiled);
  return compiled;
}
