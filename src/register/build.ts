/**
 * Rebuilds the register (XLSX + CSV) and the JDIHN feed from the share, writing each file
 * atomically and only when its bytes changed. The parser, the sync status (from the mirror
 * journal) and the remote URL are injected by the caller. Output depends only on the share's
 * content, the metadata file, the config and the sync status — never on the clock — so an
 * unchanged archive yields byte-identical files that the mirror does not upload again.
 */
import { stat } from "node:fs/promises";
import path from "node:path";
import type { Config } from "../config/schema.js";
import { ArsipdError } from "../errors.js";
import type { Logger } from "../log/logger.js";
import { contentForRegister } from "../ocr/register-facts.js";
import { placeSearchable, searchableRel } from "../ocr/searchable.js";
import { readOrigins } from "../organizer/origins.js";
import { makeIgnore } from "../share/ignore.js";
import { mapLimit } from "../util/limit.js";
import { RegisterCache } from "./cache.js";
import { collectArchive } from "./collect.js";
import { REGISTER_HEADERS } from "./columns.js";
import { CSV_BOM, csvLine } from "./csv.js";
import { wallClockText } from "./dates.js";
import { feedChunks, feedItems, linkCandidates } from "./jdihn.js";
import { makeLinker } from "./links.js";
import { prefillMetadata } from "./metadata-fill.js";
import { readMetadata } from "./metadata-read.js";
import { readPdfFields } from "./pdf-text.js";
import {
  buildRows,
  compareDecrees,
  decreeFacts,
  groupByDecree,
  mainPdf,
  type RegisterRow,
  typedSubject,
} from "./rows.js";
import { summarise } from "./summary.js";
import {
  type ArchivedDecree,
  type BadMetadataRow,
  type DecreeMeta,
  decreeKey,
  type ParseFn,
  type PdfFields,
  type SyncStatusFn,
} from "./types.js";
import { metadataWarnings } from "./warn-once.js";
import { writeChunksIfChanged } from "./write-stream.js";
import { type ProblemRow, workbookBuffer } from "./xlsx.js";

export interface BuildContext {
  config: Config;
  log: Logger;
  /** Only for log lines; the output never depends on the clock. */
  now: Date;
  /** Overrides `config.remote.url` for links (e.g. the URL the mirror actually uses). */
  remoteUrl?: string | undefined;
  syncStatus?: SyncStatusFn | undefined;
  parse: ParseFn;
  /** Where the hash/PDF cache lives (the state dir); no cache when absent. */
  cacheDir?: string | undefined;
  /** Read tanggal/tentang from PDF text layers (default true). */
  readPdfText?: boolean;
  /**
   * Makes/checks the public links of the files the feed publishes and returns share path →
   * urlDownload (src/publish); absent = the feed links to the web UI as before.
   */
  publicLinks?: ((wanted: string[]) => Promise<Map<string, string>>) | undefined;
  /** Return the register rows too (for `arsipd labels`). */
  keepRows?: boolean;
}

export interface BuildResult {
  /** Absolute paths of the register and feed files (written or already up to date). */
  files: string[];
  /** The subset of `files` whose content changed in this build. */
  written: string[];
  decrees: number;
  quarantined: number;
  badMetadataRows: number;
  rows?: RegisterRow[];
  /** Filed decrees whose content was never read (see ocr/register-facts.ts). */
  unread?: string[];
}

export async function buildRegister(ctx: BuildContext): Promise<BuildResult> {
  const { config } = ctx;
  await assertShare(config.share);
  const log = ctx.log.child({ module: "register" });
  const rules = config.convention;
  const jenisOrder = rules.jenis.map((j) => j.code);
  const ms: Record<string, number> = {};
  const rssMB: Record<string, number> = {};
  let mark = performance.now();
  const lap = (stage: string) => {
    const now = performance.now();
    ms[stage] = Math.round(now - mark);
    rssMB[stage] = Math.round(process.memoryUsage.rss() / 1048576);
    mark = now;
  };
  const cache = await RegisterCache.open(ctx.cacheDir);

  const collected = await collectArchive({
    share: config.share,
    rules,
    parse: ctx.parse,
    ignore: makeIgnore(rules.ignore),
    cache,
  });
  lap("collect");
  for (const e of collected.errors)
    log.warn({ path: e.rel, code: e.code }, "cannot read for the register");
  const meta = await readMetadata(
    config.share,
    config.index.metadataFile,
    rules.jenis,
    config.index.csvSeparator,
  );
  if (meta.templateWritten)
    log.info({ path: config.index.metadataFile }, "wrote the empty metadata template");

  const files = [...collected.decrees].sort(compareDecrees(jenisOrder));
  const groups = groupByDecree(files);
  const metaByKey = new Map<string, DecreeMeta>(
    meta.metas.map((m) => [decreeKey(m.jenis, m.tahun, m.nomor), m]),
  );
  const bad: BadMetadataRow[] = [...meta.bad];
  for (const m of meta.metas) {
    if (!groups.has(decreeKey(m.jenis, m.tahun, m.nomor))) {
      bad.push({
        row: m.row,
        column: "-",
        message: `tidak ada berkas ${m.jenis} nomor ${m.nomor} tahun ${m.tahun} di arsip; periksa Jenis, Tahun dan Nomor`,
      });
    }
  }
  bad.sort((a, b) => a.row - b.row);
  const badKey = (b: BadMetadataRow) => `${b.row}\u0000${b.column}\u0000${b.message}`;
  const metaFile = path.join(config.share, config.index.metadataFile);
  const fresh = metadataWarnings.fresh(metaFile, bad.map(badKey));
  for (const b of bad)
    if (fresh.has(badKey(b)))
      log.warn({ path: config.index.metadataFile, row: b.row, column: b.column }, b.message);
  if (meta.encoding === "windows-1252" && metadataWarnings.fresh(`${metaFile}#enc`, ["1252"]).size)
    log.info(
      { path: config.index.metadataFile },
      "metadata file is not UTF-8; read as Windows-1252 (Excel's 'CSV (Comma delimited)')",
    );

  lap("metadata");
  const pdfByKey = await readPdfs(groups, cache, ctx.readPdfText !== false);
  const unread: string[] = [];
  const content = ctx.cacheDir
    ? await contentForRegister(ctx.cacheDir, files, groups, pdfByKey, config, unread)
    : [];
  lap("pdf");
  const origins = ctx.cacheDir ? await readOrigins(ctx.cacheDir) : new Map<string, string>();
  // The decree with the clerk's own subject, parsed once per filed file (facts is asked for a
  // file by the metadata template, the rows, the links and the feed).
  const typedDecrees = new Map<string, ArchivedDecree["decree"]>();
  for (const f of files) {
    const typed = origins.get(f.rel);
    if (typed !== undefined)
      typedDecrees.set(f.rel, typedSubject(f.decree, ctx.parse(typed, rules)));
  }
  const facts = (f: ArchivedDecree) => {
    const k = decreeKey(f.decree.jenis, f.decree.tahun, f.decree.nomor);
    return decreeFacts(typedDecrees.get(f.rel) ?? f.decree, metaByKey.get(k), pdfByKey.get(k));
  };
  const added = await prefillMetadata(metaFile, meta, groups, facts, log);
  if (added !== undefined) meta.mtimeMs = added;
  const linker = makeLinker({ ...config.remote, url: ctx.remoteUrl ?? config.remote.url });
  const links = new Map<string, string | undefined>();
  const link = (rel: string) => {
    if (!links.has(rel)) links.set(rel, linker(rel));
    return links.get(rel);
  };
  const rows = buildRows({
    files,
    facts,
    link,
    syncStatus: ctx.syncStatus,
    origin: (rel) => origins.get(rel),
  });

  // A loop, not Math.max(...spread): 100,000+ arguments overflow the call stack.
  let newest = Math.max(Date.UTC(1980, 0, 1), meta.mtimeMs ?? 0);
  for (const f of files) if (f.mtimeMs > newest) newest = f.mtimeMs;
  for (const q of collected.quarantine) if (q.mtimeMs > newest) newest = q.mtimeMs;
  const asOf = new Date(newest);
  const problems: ProblemRow[] = [
    ...collected.quarantine.map((q) => ({
      kind: "Karantina",
      where: q.path,
      column: "-",
      code: q.reason,
      message: q.message,
    })),
    ...bad.map((b) => ({
      kind: "Metadata",
      where: `${config.index.metadataFile} baris ${b.row}`,
      column: b.column,
      code: "METADATA",
      message: b.message,
    })),
    ...content,
  ];

  // Each output is produced lazily, one after the other, and compared with the file on disk
  // chunk by chunk: written only from the first difference (write-stream.ts). The CSV and the
  // feed are streamed; the XLSX is built in memory (workbookBuffer) before it is compared.
  const out: { file: string; data: () => Promise<Iterable<Buffer | string>> }[] = [];
  if (config.index.enabled) {
    const base = path.join(config.share, config.index.baseName);
    const sep = config.index.csvSeparator;
    out.push({
      file: `${base}.xlsx`,
      data: async () => [
        await workbookBuffer({
          rows,
          problems,
          summary: summarise(files, jenisOrder),
          totals: {
            files: files.length,
            decrees: groups.size,
            quarantined: collected.quarantine.length,
            badMetadataRows: bad.length,
          },
          asOf,
        }),
      ],
    });
    out.push({
      file: `${base}.csv`,
      data: async () =>
        (function* () {
          yield CSV_BOM;
          yield csvLine(REGISTER_HEADERS, sep);
          for (const r of rows) yield csvLine(csvRow(r), sep);
        })(),
    });
  }
  // Searchable copies of filed scans, put into the share now that the scans are filed.
  const copies = new Map<string, string>();
  if (config.ocr.searchablePdf && ctx.cacheDir) {
    for (const f of files) {
      const placed = await placeSearchable(config.share, ctx.cacheDir, f.rel, f.sha256).catch(
        (err) => {
          log.warn({ path: f.rel, err: String(err) }, "searchable PDF not placed");
          return false;
        },
      );
      if (placed) copies.set(f.rel, searchableRel(f.rel));
    }
  }
  const searchable = copies.size > 0 ? (rel: string) => copies.get(rel) : undefined;
  let publicUrls: Map<string, string> | undefined;
  if (config.feed.enabled && ctx.publicLinks) {
    publicUrls = await ctx.publicLinks([
      ...linkCandidates({
        groups: groups.values(),
        facts,
        feed: config.feed,
        jenis: rules.jenis,
        searchable,
      }),
    ]);
    lap("links");
  }
  if (config.feed.enabled) {
    out.push({
      file: path.join(config.share, config.feed.fileName),
      data: async () =>
        feedChunks(
          feedItems({
            groups: groups.values(),
            facts,
            feed: config.feed,
            jenis: rules.jenis,
            link,
            publicUrl: publicUrls && ((rel: string) => publicUrls.get(rel)),
            searchable,
          }),
        ),
    });
  }
  const written: string[] = [];
  lap("rows");
  for (const o of out) {
    if (await writeChunksIfChanged(o.file, await o.data())) written.push(o.file);
    lap(path.basename(o.file));
  }
  await cache.save();
  lap("cache");
  log.info(
    {
      decrees: groups.size,
      files: files.length,
      quarantined: collected.quarantine.length,
      badMetadataRows: bad.length,
      written: written.length,
      ms,
      rssMB,
      at: ctx.now.toISOString(),
    },
    "register rebuilt",
  );
  return {
    files: out.map((o) => o.file),
    written,
    decrees: groups.size,
    quarantined: collected.quarantine.length,
    badMetadataRows: bad.length,
    ...(ctx.keepRows ? { rows } : {}),
    ...(unread.length > 0 ? { unread } : {}),
  };
}

async function readPdfs(
  groups: Map<string, ArchivedDecree[]>,
  cache: RegisterCache,
  enabled: boolean,
): Promise<Map<string, PdfFields>> {
  const out = new Map<string, PdfFields>();
  if (!enabled) return out;
  const todo: [string, ArchivedDecree][] = [];
  for (const [k, files] of groups) {
    const main = mainPdf(files);
    if (!main) continue;
    const hit = cache.pdf(main.sha256);
    if (hit) out.set(k, hit);
    else todo.push([k, main]);
  }
  await mapLimit(todo, 2, async ([k, f]) => {
    const fields = await readPdfFields(f.abs, f.size);
    cache.setPdf(f.sha256, fields);
    out.set(k, fields);
  });
  return out;
}

function csvRow(r: RegisterRow): (string | number)[] {
  return [
    r.no,
    r.jenis,
    r.nomor,
    r.tahun,
    r.tentang,
    r.tanggalPenetapan ?? "",
    r.status ?? "",
    r.name,
    r.folder,
    r.link ?? "",
    r.size,
    r.sha256,
    wallClockText(r.mtimeMs),
    r.sync,
    r.lokasiFisik,
    r.keterangan,
  ];
}

/** The share must exist: the register is never written into a folder arsipd had to create. */
async function assertShare(share: string): Promise<void> {
  try {
    if ((await stat(share)).isDirectory()) return;
  } catch {
    // reported below
  }
  throw new ArsipdError(
    "SHARE_MISSING",
    "fatal",
    `share folder ${share} does not exist or is not a folder; check 'share' in the config`,
  );
}
