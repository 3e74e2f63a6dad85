/**
 * The one content step the organizer consults before filing a file whose name reads: does the
 * document say the same decree as its name, and is it not the very bytes of a decree already
 * filed under another number? Returns why to quarantine, or null to file by name. Also gives
 * a quarantined file's `Saran nama` (never applied).
 */
import { lstat } from "node:fs/promises";
import path from "node:path";
import type { Config } from "../config/schema.js";
import { documentKey } from "../convention/identity.js";
import { parse } from "../convention/parse.js";
import type { Decree } from "../convention/types.js";
import type { Logger } from "../log/logger.js";
import { sha256File } from "../util/hash.js";
import { ContentReader } from "./checker.js";
import { disagreement, suggestName } from "./compare.js";

export const ISI_BERBEDA = "ISI_BERBEDA";

/** When a scan that is not read yet gets its OCR (see FilingCheck.verdict). */
export type OcrWhen = "now" | "later" | "never";

export interface FilingVerdict {
  code: string;
  message: string;
  messageEn: string;
  /** For a duplicate: the filed file (relative to the share) with the same bytes. */
  existing?: string;
  suggestion: string | null;
}

const extOf = (name: string) => name.slice(name.lastIndexOf(".") + 1).toLowerCase();

export class FilingCheck {
  readonly reader: ContentReader;
  /** abs → SHA-256 read by `verdict`, for `filed`. */
  private readonly shas = new Map<string, string>();

  constructor(
    private readonly config: Config,
    stateDir: string,
    log: Logger,
    private readonly share: string,
    private readonly now: Date,
  ) {
    this.reader = new ContentReader(config, stateDir, log);
  }

  /**
   * Why the file `rel` (at `abs`, `size` bytes) must not be filed at canonical path `to`; null
   * to file it. `ocr`: "now" runs OCR for a scan not read yet; "later" answers "ocr" for it (the
   * caller files everything else first, or leaves OCR to the daemon's background queue);
   * "never" files it by its name (its OCR failed: `check` reads it again later).
   */
  async verdict(
    rel: string,
    abs: string,
    size: number,
    to: string,
    ocr: OcrWhen = "now",
  ): Promise<FilingVerdict | "ocr" | null> {
    const conv = this.config.convention;
    const p = parse(path.posix.basename(to), conv, { now: this.now });
    if (!p.ok) return null;
    const sha = await sha256File(abs, size);
    this.shas.set(abs, sha);
    const held = await this.reader.filedAs(sha);
    if (held !== null && held !== rel && held !== to) {
      const at = path.join(this.share, ...held.split("/"));
      const h = parse(path.posix.basename(held), conv, { now: this.now });
      const st = await lstat(at).catch(() => null);
      if (st?.isFile() && h.ok && documentKey(h.decree) !== documentKey(p.decree)) {
        if ((await sha256File(at, st.size)) === sha) {
          const label = conv.jenis.find((j) => j.code === h.decree.jenis)?.label ?? h.decree.jenis;
          const [id, en] = whatDiffers(p.decree, h.decree);
          const part = h.decree.qualifier === null ? "" : ` (${h.decree.qualifier})`;
          return {
            code: "DUPLICATE",
            message: `Isi berkas ini sama persis dengan ${path.posix.basename(held)} yang sudah diarsipkan sebagai ${label} Nomor ${h.decree.nomor} Tahun ${h.decree.tahun}${part}; nama berkas ini menyebut ${id}. Periksa lalu hapus salinan ini bila memang ganda.`,
            messageEn: `same bytes as the archived ${held} (${en})`,
            existing: held,
            suggestion: null,
          };
        }
      }
    }
    const { reading, needsOcr } = await this.reader.read(
      abs,
      p.decree.ext,
      size,
      sha,
      ocr === "now",
    );
    if (needsOcr) return ocr === "never" ? null : "ocr";
    if (!reading) return null;
    const d = disagreement(p.decree, reading, conv, this.config.ocr.minConfidence);
    if (!d) return null;
    return {
      code: ISI_BERBEDA,
      message: d.message,
      messageEn: d.messageEn,
      suggestion: suggestName(reading, p.decree.ext, conv, this.config.ocr.minConfidence, this.now),
    };
  }

  /** Records that the file read by `verdict` at `abs` is now filed at `to`. */
  async filed(abs: string, to: string): Promise<void> {
    const sha = this.shas.get(abs);
    if (sha) await this.reader.recordFiled(sha, to);
  }

  /** A name the convention accepts, from the document's own heading; null when unsure. */
  async suggestion(abs: string, name: string, size: number): Promise<string | null> {
    const ext = extOf(name);
    const { reading } = await this.reader.read(abs, ext, size);
    if (!reading) return null;
    return suggestName(
      reading,
      ext,
      this.config.convention,
      this.config.ocr.minConfidence,
      this.now,
    );
  }
}

/**
 * What the name of a copy (`d`) says otherwise than the filed decree with the same bytes (`filed`),
 * in Indonesian and English: the number, or for the same number its kind, year, attachment or
 * copy mark, or file type (the two are different documents by documentKey).
 */
function whatDiffers(d: Decree, filed: Decree): [string, string] {
  if (d.nomor !== filed.nomor) return ["nomor lain", "another number"];
  if (d.jenis !== filed.jenis) return ["jenis keputusan lain", "another kind of decree"];
  if (d.tahun !== filed.tahun) return ["tahun lain", "another year"];
  if (d.qualifier !== filed.qualifier) {
    return d.qualifier === null
      ? ["keputusan itu sendiri, tanpa tanda lampiran atau salinan", "the decree itself"]
      : [`${d.qualifier} dari keputusan yang sama`, `${d.qualifier} of the same decree`];
  }
  return ["jenis berkas lain", "another file type"];
}
