/**
 * Walks the share and reports every regular file arsipd may act on. Contract:
 * - paths are POSIX, relative to the share, NFC-normalised (macOS writes NFD);
 * - symlinks are never followed (a link could point out of the share) and are not reported;
 * - ignored names (lock files, hidden files …) and the folders named in `skipDirs` are skipped;
 * - a folder that vanishes or cannot be read mid-walk is reported in `errors`, not thrown.
 */
import { lstat, readdir } from "node:fs/promises";
import path from "node:path";

export interface ShareFile {
  /** Relative POSIX path, NFC. */
  rel: string;
  /** Absolute path as it is on disk (may be NFD). */
  abs: string;
  size: number;
  mtimeMs: number;
}

export interface ScanResult {
  files: ShareFile[];
  errors: { rel: string; code: string }[];
}

export interface ScanOptions {
  ignore: (name: string) => boolean;
  /** Top-level folder names not to descend into (e.g. the quarantine). */
  skipDirs?: string[];
}

export async function scanShare(root: string, opts: ScanOptions): Promise<ScanResult> {
  const files: ShareFile[] = [];
  const errors: ScanResult["errors"] = [];
  const skip = new Set(opts.skipDirs ?? []);
  async function walk(absDir: string, relDir: string): Promise<void> {
    let names: string[];
    try {
      names = await readdir(absDir);
    } catch (err) {
      errors.push({ rel: relDir, code: (err as NodeJS.ErrnoException).code ?? "EIO" });
      return;
    }
    for (const name of names) {
      if (opts.ignore(name)) continue;
      const nfc = name.normalize("NFC");
      const rel = relDir ? `${relDir}/${nfc}` : nfc;
      if (relDir === "" && skip.has(nfc)) continue;
      const abs = path.join(absDir, name);
      let st: Awaited<ReturnType<typeof lstat>>;
      try {
        st = await lstat(abs);
      } catch (err) {
        const code = (err as NodeJS.ErrnoException).code ?? "EIO";
        if (code !== "ENOENT") errors.push({ rel, code });
        continue;
      }
      if (st.isSymbolicLink()) continue;
      if (st.isDirectory()) await walk(abs, rel);
      else if (st.isFile()) files.push({ rel, abs, size: st.size, mtimeMs: st.mtimeMs });
    }
  }
  await walk(root, "");
  files.sort((a, b) => (a.rel < b.rel ? -1 : a.rel > b.rel ? 1 : 0));
  return { files, errors };
}
