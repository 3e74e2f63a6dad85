/**
 * Reading the paths a quick pass was given (the watcher's batch, `arsipd sync`'s second look)
 * instead of walking the share. Paths may be share-relative or absolute inside the share; they
 * come back share-relative, POSIX and NFC, found on disk whatever their spelling there
 * (on-disk.ts). Paths outside the share, the share itself and ignored names are dropped.
 */
import path from "node:path";
import { findOnDisk } from "./on-disk.js";
import { type ScanResult, type ShareFile, scanShare } from "./scan.js";

export interface NamedRead {
  /** Regular files: the named ones, and every file below a named folder; each once. */
  files: ShareFile[];
  /** Folders below named folders that could not be read. */
  errors: ScanResult["errors"];
  /** Named paths that are not regular files now: folders, gone, or anything else. */
  notFiles: string[];
  /** Named paths where nothing is now (a subset of `notFiles`). */
  gone: string[];
}

export async function readNamed(
  share: string,
  paths: readonly string[],
  opts: { ignore: (name: string) => boolean; skipDir?: string },
): Promise<NamedRead> {
  const out: NamedRead = { files: [], errors: [], notFiles: [], gone: [] };
  const seen = new Set<string>();
  for (const p of paths) {
    const rel = path
      .relative(share, path.resolve(share, p))
      .split(path.sep)
      .join("/")
      .normalize("NFC");
    if (rel === "" || rel.startsWith("..") || path.isAbsolute(rel) || seen.has(rel)) continue;
    const skip = opts.skipDir;
    if (skip !== undefined && (rel === skip || rel.startsWith(`${skip}/`))) continue;
    if (rel.split("/").some(opts.ignore)) continue;
    seen.add(rel);
    const found = await findOnDisk(share, rel);
    if (found?.st.isFile()) {
      out.files.push({ rel, abs: found.abs, size: found.st.size, mtimeMs: found.st.mtimeMs });
      continue;
    }
    out.notFiles.push(rel);
    if (!found) {
      out.gone.push(rel);
      continue;
    }
    if (!found.st.isDirectory()) continue;
    // A folder that appeared (copied in whole): the files already in it fired no event.
    const sub = await scanShare(found.abs, { ignore: opts.ignore });
    for (const f of sub.files) {
      const r = `${rel}/${f.rel}`;
      if (seen.has(r)) continue;
      seen.add(r);
      out.files.push({ rel: r, abs: f.abs, size: f.size, mtimeMs: f.mtimeMs });
    }
    for (const e of sub.errors) out.errors.push({ rel: `${rel}/${e.rel}`, code: e.code });
  }
  return out;
}
