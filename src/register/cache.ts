/**
 * The register's cache in the state dir (`register-cache.json`): SHA-256 per file keyed by
 * rel + size + mtime (so an hourly rebuild of 100,000 files does not reread them), and the
 * fields read from each PDF keyed by SHA-256 (so a PDF is parsed once in its life). A missing
 * or unreadable cache is just empty; it is written atomically and only when it changed.
 */
import { readFile } from "node:fs/promises";
import path from "node:path";
import type { PdfFields } from "./types.js";
import { writeIfChanged } from "./write.js";

const VERSION = 1;
export const CACHE_FILE = "register-cache.json";

interface CacheData {
  v: number;
  /** rel → [size, mtimeMs, sha256] */
  hashes: Record<string, [number, number, string]>;
  /** sha256 → fields ({} when the PDF has no readable text) */
  pdf: Record<string, PdfFields>;
}

export class RegisterCache {
  private readonly used = { hashes: new Set<string>(), pdf: new Set<string>() };
  /** An entry was added or replaced since open(). */
  private dirty = false;
  private constructor(
    private readonly file: string | undefined,
    private readonly data: CacheData,
  ) {}

  static async open(cacheDir: string | undefined): Promise<RegisterCache> {
    const empty: CacheData = { v: VERSION, hashes: {}, pdf: {} };
    if (!cacheDir) return new RegisterCache(undefined, empty);
    const file = path.join(cacheDir, CACHE_FILE);
    try {
      const parsed = JSON.parse(await readFile(file, "utf8")) as CacheData;
      if (parsed?.v === VERSION && parsed.hashes && parsed.pdf)
        return new RegisterCache(file, parsed);
    } catch {
      // missing or corrupt: start empty, it is only a cache
    }
    return new RegisterCache(file, empty);
  }

  hash(rel: string, size: number, mtimeMs: number): string | undefined {
    const e = this.data.hashes[rel];
    if (e && e[0] === size && e[1] === mtimeMs) {
      this.used.hashes.add(rel);
      return e[2];
    }
    return undefined;
  }

  setHash(rel: string, size: number, mtimeMs: number, sha: string): void {
    this.data.hashes[rel] = [size, mtimeMs, sha];
    this.used.hashes.add(rel);
    this.dirty = true;
  }

  pdf(sha: string): PdfFields | undefined {
    const e = this.data.pdf[sha];
    if (e) this.used.pdf.add(sha);
    return e;
  }

  setPdf(sha: string, fields: PdfFields): void {
    this.data.pdf[sha] = fields;
    this.used.pdf.add(sha);
    this.dirty = true;
  }

  /**
   * Drops entries not touched in this build, then writes the cache if it changed. A warm
   * build that set nothing and used every entry has nothing to write: it skips serialising
   * 100,000 entries only to find the same bytes.
   */
  async save(): Promise<void> {
    if (!this.file) return;
    const unchanged =
      !this.dirty &&
      this.used.hashes.size === Object.keys(this.data.hashes).length &&
      this.used.pdf.size === Object.keys(this.data.pdf).length;
    if (unchanged) return;
    const hashes: CacheData["hashes"] = {};
    for (const k of [...this.used.hashes].sort()) hashes[k] = this.data.hashes[k]!;
    const pdf: CacheData["pdf"] = {};
    for (const k of [...this.used.pdf].sort()) pdf[k] = this.data.pdf[k]!;
    const text = JSON.stringify({ v: VERSION, hashes, pdf });
    await writeIfChanged(this.file, Buffer.from(text, "utf8"));
  }
}
