/**
 * The organizer's content step: what a decree file's own pages say, read once per SHA-256
 * (cache.ts), compared with its name. The organizer consults it before filing a file and when
 * quarantining one (for a name suggestion); everything here is advice to the plan's applier,
 * which alone moves files.
 *
 * Cost: a text-layer PDF costs one pdfjs parse; a scan costs OCR (seconds a page), at most
 * `ocr.workers` at once and `ocr.timeoutMs` each. A scan is held for its OCR within that bound;
 * a file whose OCR failed or timed out is filed by its name and has no cache entry, so
 * `arsipd check` (and the next reading) tries again: the queue of work is "filed files without
 * a cache entry", which survives restarts because it lives on disk.
 */
import type { Config } from "../config/schema.js";
import { describeError } from "../errors.js";
import type { Logger } from "../log/logger.js";
import { sha256File } from "../util/hash.js";
import { getEntry, putEntry } from "./cache.js";
import { readHeading } from "./heading.js";
import { readByOcr, readTextLayer } from "./read.js";
import { makeSearchable, searchableCache } from "./searchable.js";
import { OcrMissingError } from "./tesseract.js";
import type { CacheEntry, ContentReading } from "./types.js";

export interface ReadResult {
  sha: string;
  reading: ContentReading | null;
  /** Set when the file could not be read (OCR off, missing, failed): nothing is claimed. */
  note?: string;
  /** A scan not read yet because the caller asked for no OCR now. */
  needsOcr?: boolean;
}

export class ContentReader {
  private running = 0;
  private readonly waiting: (() => void)[] = [];
  /** Said once per process: the fix is the same for every file. */
  private missingLogged = false;

  constructor(
    private readonly config: Config,
    private readonly stateDir: string,
    private readonly log: Logger,
  ) {}

  /** What the file's pages say (cached by SHA-256). Never throws for an unreadable file. */
  async read(
    abs: string,
    ext: string,
    size: number,
    sha?: string,
    ocrNow = true,
    signal?: AbortSignal,
  ): Promise<ReadResult> {
    const digest = sha ?? (await sha256File(abs, size));
    const cached = await getEntry(this.stateDir, digest);
    if (cached && cached.source !== "none") return { sha: digest, reading: cached.reading };
    const now = new Date();
    const conv = this.config.convention;
    const layer = await readTextLayer(abs, ext, size);
    if (layer.kind === "none") {
      await this.put(digest, { v: 1, source: "none", reading: null, note: "not readable" }, cached);
      return { sha: digest, reading: null };
    }
    if (layer.kind === "read") {
      const reading = readHeading(layer.page, conv, now);
      await this.put(digest, { v: 1, source: "text", reading }, cached);
      return { sha: digest, reading };
    }
    const ocr = this.config.ocr;
    if (!ocr.enabled) return { sha: digest, reading: null, note: "OCR dimatikan (ocr.enabled)" };
    if (!ocrNow) return { sha: digest, reading: null, needsOcr: true };
    try {
      const page = await this.bounded(() =>
        readByOcr(abs, ext, layer.pages, { timeoutMs: ocr.timeoutMs, lang: ocr.lang, signal }),
      );
      const reading = readHeading(page, conv, now);
      if (ocr.searchablePdf) {
        const out = searchableCache(this.stateDir, digest);
        await this.bounded(() =>
          makeSearchable(abs, ext, out, { timeoutMs: ocr.timeoutMs, lang: ocr.lang, signal }),
        ).catch((err) =>
          this.log.warn({ path: abs, err: describeError(err) }, "searchable PDF not written"),
        );
      }
      await this.put(digest, { v: 1, source: "ocr", reading }, cached);
      return { sha: digest, reading };
    } catch (err) {
      const note = describeError(err);
      if (signal?.aborted) return { sha: digest, reading: null, note };
      if (err instanceof OcrMissingError) {
        if (!this.missingLogged) this.log.warn({ err: note }, "OCR is not available");
        this.missingLogged = true;
      } else this.log.warn({ path: abs, err: note }, "OCR failed; the file is checked later");
      return { sha: digest, reading: null, note };
    }
  }

  /** Remembers where a file with SHA-256 `sha` was filed (for the same-bytes check). */
  async recordFiled(sha: string, rel: string): Promise<void> {
    const e = (await getEntry(this.stateDir, sha)) ?? { v: 1, source: "none", reading: null };
    if (e.filedAs !== rel) await this.put(sha, { ...e, filedAs: rel }, null);
  }

  /** Where a file with these bytes was filed, as recorded (the caller checks it is still there). */
  async filedAs(sha: string): Promise<string | null> {
    return (await getEntry(this.stateDir, sha))?.filedAs ?? null;
  }

  /**
   * Stores `e` for `sha`, keeping where those bytes were filed: a new reading of them (a name
   * suggestion for a quarantined copy, an unreadable file read again) must not drop it, or the
   * same bytes saved under another number pass the same-bytes check (filing.ts) next time.
   * `prior` is the entry the caller read for `sha` (null when none, or when `e` is built on it).
   */
  private async put(sha: string, e: CacheEntry, prior: CacheEntry | null): Promise<void> {
    const filedAs = e.filedAs ?? prior?.filedAs;
    const entry = filedAs === undefined ? e : { ...e, filedAs };
    await putEntry(this.stateDir, sha, entry).catch((err) =>
      this.log.warn({ err: describeError(err) }, "cannot write the OCR cache"),
    );
  }

  /** At most `ocr.workers` OCR runs at once, in the order asked. */
  private async bounded<T>(fn: () => Promise<T>): Promise<T> {
    if (this.running >= this.config.ocr.workers)
      await new Promise<void>((resolve) => this.waiting.push(resolve));
    this.running++;
    try {
      return await fn();
    } finally {
      this.running--;
      this.waiting.shift()?.();
    }
  }
}
