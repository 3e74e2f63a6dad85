/**
 * The content cache: `<stateDir>/ocr/<sha256>.json`, one file per document read, so a document
 * is read (and a scan OCR'd) once in its life, and a restart loses nothing: a file whose SHA-256
 * has no entry is simply still to be read. Entries are written atomically; a corrupt or
 * foreign-version entry counts as missing.
 */
import { readFile } from "node:fs/promises";
import path from "node:path";
import { writeFileAtomic } from "../util/atomic-write.js";
import type { CacheEntry } from "./types.js";

export const OCR_DIR = "ocr";

export function entryPath(stateDir: string, sha: string): string {
  return path.join(stateDir, OCR_DIR, `${sha}.json`);
}

export async function getEntry(stateDir: string, sha: string): Promise<CacheEntry | null> {
  try {
    const e = JSON.parse(await readFile(entryPath(stateDir, sha), "utf8")) as CacheEntry;
    return e?.v === 1 ? e : null;
  } catch {
    return null;
  }
}

export async function putEntry(stateDir: string, sha: string, e: CacheEntry): Promise<void> {
  await writeFileAtomic(entryPath(stateDir, sha), `${JSON.stringify(e)}\n`);
}
