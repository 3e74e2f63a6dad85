/**
 * Reads what the register lists: every file `<JENIS>/<TAHUN>/<name>` whose name parses as a
 * decree of that jenis and year (with size, mtime and a streamed SHA-256), and every file in
 * the quarantine folder with the reason from its `.ALASAN.txt` sidecar. Files elsewhere (the
 * inbox, the register itself, stray files) are not listed: the organizer handles them.
 */
import path from "node:path";
import type { ConventionConfig } from "../config/schema.js";
import type { Decree } from "../convention/types.js";
import { parseSidecar, SIDECAR_SUFFIX } from "../organizer/sidecar.js";
import { SEARCHABLE_DIR } from "../share/own-files.js";
import { type ShareFile, scanShare } from "../share/scan.js";
import { sha256File } from "../util/hash.js";
import { mapLimit } from "../util/limit.js";
import { readRegularText } from "../util/safe-open.js";
import type { RegisterCache } from "./cache.js";
import type { ArchivedDecree, ParseFn, QuarantineItem } from "./types.js";

export interface CollectOptions {
  share: string;
  rules: ConventionConfig;
  parse: ParseFn;
  ignore: (name: string) => boolean;
  /** Reuses hashes of files whose size and mtime did not change. */
  cache?: RegisterCache;
  /** Files hashed in parallel (default 4). */
  concurrency?: number;
}

export interface Collected {
  decrees: ArchivedDecree[];
  quarantine: QuarantineItem[];
  /** Folders or files that could not be read (share-relative), as scanShare reports them. */
  errors: { rel: string; code: string }[];
}

export const NO_REASON = "TANPA_ALASAN";

export async function collectArchive(opts: CollectOptions): Promise<Collected> {
  const qdir = opts.rules.quarantineDir;
  const scan = await scanShare(opts.share, {
    ignore: opts.ignore,
    skipDirs: [qdir, SEARCHABLE_DIR],
  });
  const errors = [...scan.errors];
  const candidates: { f: ShareFile; decree: Decree }[] = [];
  for (const f of scan.files) {
    const parts = f.rel.split("/");
    if (parts.length !== 3) continue;
    const [jenis, tahun, name] = parts as [string, string, string];
    const r = opts.parse(name, opts.rules);
    if (!r.ok || r.decree.jenis !== jenis || String(r.decree.tahun) !== tahun) continue;
    candidates.push({ f, decree: r.decree });
  }
  // Cache hits are settled synchronously; only files whose size or mtime changed are read.
  const decrees: (ArchivedDecree | null)[] = new Array(candidates.length).fill(null);
  const misses: number[] = [];
  for (let i = 0; i < candidates.length; i++) {
    const { f, decree } = candidates[i]!;
    const sha = opts.cache?.hash(f.rel, f.size, f.mtimeMs);
    if (sha) decrees[i] = archived(f, decree, sha);
    else misses.push(i);
  }
  await mapLimit(misses, opts.concurrency ?? 4, async (i) => {
    const { f, decree } = candidates[i]!;
    let sha: string;
    try {
      sha = await sha256File(f.abs, f.size);
    } catch (err) {
      errors.push({ rel: f.rel, code: (err as NodeJS.ErrnoException).code ?? "EIO" });
      return;
    }
    opts.cache?.setHash(f.rel, f.size, f.mtimeMs, sha);
    decrees[i] = archived(f, decree, sha);
  });
  const quarantine = await readQuarantine(opts.share, qdir, opts.ignore, errors);
  return {
    decrees: decrees.filter((d): d is ArchivedDecree => d !== null),
    quarantine,
    errors,
  };
}

function archived(f: ShareFile, decree: Decree, sha256: string): ArchivedDecree {
  const slash = f.rel.lastIndexOf("/");
  return {
    rel: f.rel,
    abs: f.abs,
    name: f.rel.slice(slash + 1),
    folder: f.rel.slice(0, slash),
    size: f.size,
    mtimeMs: f.mtimeMs,
    sha256,
    decree,
  };
}

async function readQuarantine(
  share: string,
  qdir: string,
  ignore: (name: string) => boolean,
  errors: Collected["errors"],
): Promise<QuarantineItem[]> {
  const scan = await scanShare(path.join(share, qdir), { ignore });
  for (const e of scan.errors) {
    if (e.rel === "" && e.code === "ENOENT") continue; // no quarantine folder yet
    errors.push({ rel: e.rel ? `${qdir}/${e.rel}` : qdir, code: e.code });
  }
  const byRel = new Map(scan.files.map((f) => [f.rel, f]));
  const items: QuarantineItem[] = [];
  for (const f of scan.files) {
    if (f.rel.endsWith(SIDECAR_SUFFIX)) continue;
    const side = byRel.get(`${f.rel}${SIDECAR_SUFFIX}`);
    let info: ReturnType<typeof parseSidecar> = {};
    if (side) {
      try {
        info = parseSidecar(await readRegularText(side.abs, 1 << 20));
      } catch {
        // unreadable sidecar: listed without a reason
      }
    }
    items.push({
      path: `${qdir}/${f.rel}`,
      reason: info.kode ?? NO_REASON,
      message: info.alasan ?? "Alasan karantina tidak tercatat; periksa berkas ini secara manual.",
      origin: info.asal,
      time: info.waktu,
      mtimeMs: f.mtimeMs,
    });
  }
  return items;
}
