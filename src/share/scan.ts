/**
 * Walks the share and reports every regular file arsipd may act on. Contract:
 * - paths are POSIX, relative to the share, NFC-normalised (macOS writes NFD);
 * - symlinks are never followed (a link could point out of the share) and are not reported;
 * - ignored names (lock files, hidden files …) and the folders named in `skipDirs` are skipped;
 * - a folder that vanishes or cannot be read mid-walk is reported in `errors`, not thrown;
 * - `files` is sorted by `rel` (code-unit order); `errors` follow the walk order.
 * Speed: folder entries come with their type (readdir withFileTypes), so only regular files
 * are lstat'ed (for size and mtime), a bounded number at a time. (lstatSync would be ~3x
 * faster still, but one hung network mount would then freeze the whole daemon.)
 */
import { type Dirent, lstat, type Stats } from "node:fs";
import { lstat as lstatP, readdir } from "node:fs/promises";
import path from "node:path";

export interface ShareFile {
  /** Relative POSIX path, NFC. */
  rel: string;
  /** Absolute path as it is on disk (may be NFD). */
  abs: string;
  size: number;
  mtimeMs: number;
  /**
   * The path as bytes, when the name is not UTF-8 (`rel` then shows U+FFFD for those bytes and
   * `abs` does not open it): the organizer moves it to the quarantine by these bytes.
   */
  raw?: Buffer;
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

/** lstat calls in flight per folder: enough to keep the disk busy, few enough file handles. */
const STAT_CONCURRENCY = 32;

const errCode = (err: unknown) => (err as NodeJS.ErrnoException).code ?? "EIO";

export async function scanShare(root: string, opts: ScanOptions): Promise<ScanResult> {
  const files: ShareFile[] = [];
  const errors: ScanResult["errors"] = [];
  const skip = new Set(opts.skipDirs ?? []);
  async function walk(absDir: string, relDir: string): Promise<void> {
    let entries: Dirent[];
    try {
      entries = await readdir(absDir, { withFileTypes: true });
    } catch (err) {
      errors.push({ rel: relDir, code: errCode(err) });
      return;
    }
    const dirs: { abs: string; rel: string }[] = [];
    const regular: { abs: string; rel: string }[] = [];
    for (const e of entries) {
      const name = e.name;
      if (opts.ignore(name)) continue;
      // Most names are plain ASCII, which NFC leaves as it is: ICU only for the others.
      const nfc = NON_ASCII.test(name) ? name.normalize("NFC") : name;
      if (relDir === "" && skip.has(nfc)) continue;
      // Symlinks, sockets, FIFOs and devices are not the share's files; Node resolves an
      // unknown d_type with lstat itself, so the type here is the link's, never its target's.
      if (e.isDirectory()) dirs.push({ abs: under(absDir, name), rel: join(relDir, nfc) });
      else if (e.isFile()) regular.push({ abs: under(absDir, name), rel: join(relDir, nfc) });
    }
    if (regular.some((r) => r.rel.includes("\uFFFD"))) await rawNames(absDir, regular, files);
    const statErrors = await statFiles(
      regular.filter((r) => !r.rel.includes("\uFFFD")),
      files,
    );
    for (const e of statErrors) errors.push(e);
    for (const d of dirs) await walk(d.abs, d.rel);
  }
  await walk(path.normalize(root), ""); // normal once, so `under` can concatenate
  files.sort((a, b) => (a.rel < b.rel ? -1 : a.rel > b.rel ? 1 : 0));
  return { files, errors };
}

/**
 * Files of `absDir` whose names are not UTF-8: read again as bytes and lstat'ed by them, so they
 * are reported (and quarantined) instead of vanishing from every pass.
 */
async function rawNames(
  absDir: string,
  regular: { abs: string; rel: string }[],
  out: ShareFile[],
): Promise<void> {
  const names = await readdir(absDir, { encoding: "buffer" }).catch(() => [] as Buffer[]);
  const dirBytes = Buffer.from(absDir.endsWith(path.sep) ? absDir : absDir + path.sep);
  for (const raw of names) {
    const text = raw.toString("utf8");
    if (!text.includes("\uFFFD")) continue;
    const hit = regular.find((r) => r.rel.endsWith(`/${text}`) || r.rel === text);
    if (!hit) continue;
    const full = Buffer.concat([dirBytes, raw]);
    const st = await lstatP(full).catch(() => null);
    if (st?.isFile())
      out.push({ rel: hit.rel, abs: hit.abs, size: st.size, mtimeMs: st.mtimeMs, raw: full });
  }
}

const join = (relDir: string, name: string) => (relDir ? `${relDir}/${name}` : name);
/** `name` inside `absDir` (already absolute and normal: path.join's normalising is not needed). */
const under = (absDir: string, name: string) =>
  absDir.endsWith(path.sep) ? `${absDir}${name}` : `${absDir}${path.sep}${name}`;
// biome-ignore lint/suspicious/noControlCharactersInRegex: the ASCII range is the point
const NON_ASCII = /[^\u0000-\u007f]/;

/**
 * lstat's `todo` with bounded concurrency, appending regular files to `out`. A file that
 * vanished meanwhile is skipped silently; one that became a link or folder is skipped; other
 * failures are returned in `todo` order. Plain callbacks, no promise per file: it runs once per
 * file of the share, and this is ~1.7x faster than a promise per lstat (100,000 files: 2.7 s ->
 * 1.6 s).
 */
function statFiles(
  todo: { abs: string; rel: string }[],
  out: ShareFile[],
): Promise<ScanResult["errors"]> {
  return new Promise((resolve) => {
    const failed: (ScanResult["errors"][number] | undefined)[] = [];
    const finish = () => resolve(failed.filter((e) => e !== undefined));
    let next = 0;
    let active = 0;
    const pump = () => {
      while (active < STAT_CONCURRENCY && next < todo.length) {
        const i = next++;
        const { abs, rel } = todo[i]!;
        const done = (err: NodeJS.ErrnoException | null, st?: Stats) => {
          active--;
          if (err) {
            const code = errCode(err);
            if (code !== "ENOENT") failed[i] = { rel, code };
          } else if (st?.isFile()) out.push({ rel, abs, size: st.size, mtimeMs: st.mtimeMs });
          if (next < todo.length) pump();
          else if (active === 0) finish();
        };
        active++;
        try {
          lstat(abs, done);
        } catch (err) {
          // A name lstat refuses outright (never one readdir gave): reported like any failure.
          queueMicrotask(() => done(err as NodeJS.ErrnoException));
        }
      }
    };
    if (todo.length === 0) finish();
    else pump();
  });
}
