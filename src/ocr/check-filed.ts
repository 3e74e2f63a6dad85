/**
 * `arsipd check`'s content audit of the decrees already filed: reads each one (cached by
 * SHA-256; a scan without a cache entry is OCR'd now, so files filed by name while OCR was off,
 * missing or too slow are checked here) and lists disagreements and same-bytes pairs.
 */
import type { Config } from "../config/schema.js";
import { parse } from "../convention/parse.js";
import type { Logger } from "../log/logger.js";
import { mapLimit } from "../util/limit.js";
import { type ContentProblem, contentProblems, type FiledFile } from "./audit.js";
import { ContentReader } from "./checker.js";
import type { ContentReading } from "./types.js";

export interface ScannedFile {
  rel: string;
  abs: string;
  size: number;
}

export async function checkFiled(
  config: Config,
  files: ScannedFile[],
  log: Logger,
  now: Date,
): Promise<{ problems: ContentProblem[]; unread: number }> {
  const reader = new ContentReader(config, config.stateDir, log);
  const readings = new Map<string, ContentReading | null>();
  let unread = 0;
  const todo = files.flatMap((f) => {
    const p = parse(f.rel.slice(f.rel.lastIndexOf("/") + 1), config.convention, { now });
    return p.ok && p.path === f.rel ? [{ f, decree: p.decree }] : [];
  });
  // ocr.workers files at once: the reader itself bounds the OCR runs to the same number.
  const filed: FiledFile[] = await mapLimit(todo, config.ocr.workers, async ({ f, decree }) => {
    const r = await reader.read(f.abs, decree.ext, f.size);
    if (r.note) unread++;
    readings.set(r.sha, r.reading);
    return { rel: f.rel, sha256: r.sha, decree };
  });
  return { problems: contentProblems(filed, readings, config), unread };
}
