/**
 * Builds the JDIHN feed (jdihn.json): one object per published decree (not per file), the
 * decree's main file as the download. Which decrees: `feed.publish` "all", or "with-status"
 * = those whose status is filled in the metadata file. idData is stable across rebuilds and
 * machines: "<JENIS>-<TAHUN>-<NOMOR>" (one entry per decree, so no qualifier is needed).
 * Pure: the caller passes links and facts; output is sorted in register order. Every field is
 * a string by construction (the JdihnItem type); jdihnFeedSchema checks the shape in tests, not
 * on every rebuild (validating 100,000 objects cost seconds).
 */
import type { Config, JenisConfig } from "../config/schema.js";
import { wallClockText } from "./dates.js";
import type { JdihnItem } from "./jdihn-schema.js";
import type { LinkFn } from "./links.js";
import type { DecreeFacts } from "./rows.js";
import type { ArchivedDecree } from "./types.js";

export interface FeedInput {
  /** Files grouped per decree, groups in register order, files in register order. */
  groups: Iterable<ArchivedDecree[]>;
  facts: (f: ArchivedDecree) => DecreeFacts;
  feed: Config["feed"];
  jenis: JenisConfig[];
  link: LinkFn;
  /**
   * Public download links (share path → urlDownload) when `feed.publicLinks` is on. Then the feed
   * lists only decrees whose main PDF has one: drafts (.docx …), revoked decrees and decrees the
   * server refused a link for are left out, so every urlDownload in the feed downloads the PDF.
   */
  publicUrl?: ((rel: string) => string | undefined) | undefined;
  /** The searchable copy of a filed scan (`ocr.searchablePdf`), published instead of the scan. */
  searchable?: ((rel: string) => string | undefined) | undefined;
}

const STATUS_LABEL = { berlaku: "Berlaku", dicabut: "Dicabut", diubah: "Diubah" } as const;

/** The file offered for download: the main PDF, else SALINAN, else the first unqualified file. */
export function downloadFile(files: ArchivedDecree[]): ArchivedDecree {
  return (
    files.find((f) => f.decree.qualifier === null && f.decree.ext === "pdf") ??
    files.find((f) => f.decree.qualifier === "SALINAN") ??
    files.find((f) => f.decree.qualifier === null) ??
    files[0]!
  );
}

const encPath = (rel: string) => rel.split("/").map(encodeURIComponent).join("/");

/**
 * The files that should carry a public link: the main PDF of each decree the feed publishes,
 * never a draft and never a revoked (dicabut) decree.
 */
export function* linkCandidates(input: Omit<FeedInput, "link" | "publicUrl">): Generator<string> {
  for (const files of input.groups) {
    const file = downloadFile(files);
    if (file.decree.ext !== "pdf") continue;
    const meta = input.facts(file).meta;
    if (input.feed.publish === "with-status" && !meta?.status) continue;
    if (meta?.status === "dicabut") continue;
    yield input.searchable?.(file.rel) ?? file.rel;
  }
}

/** The feed's items one at a time, so 100,000 of them need not be held at once. */
export function* feedItems(input: FeedInput): Generator<JdihnItem> {
  const labels = new Map(input.jenis.map((j) => [j.code, j.label]));
  const base = input.feed.publicBaseUrl?.replace(/\/+$/, "");
  for (const files of input.groups) {
    const file = downloadFile(files);
    const d = file.decree;
    const facts = input.facts(file);
    if (input.feed.publish === "with-status" && !facts.meta?.status) continue;
    const label = labels.get(d.jenis) ?? d.jenis;
    const tentang = facts.tentang.trim();
    const web = input.link(file.rel) ?? "";
    // What is downloaded: the searchable copy of a scan where there is one, else the file.
    const copy = input.searchable?.(file.rel);
    let download = base
      ? `${base}/${encPath(copy ?? file.rel)}`
      : copy
        ? (input.link(copy) ?? web)
        : web;
    if (input.publicUrl) {
      const pub = file.decree.ext === "pdf" ? input.publicUrl(copy ?? file.rel) : undefined;
      if (pub === undefined) continue;
      download = pub;
    }
    const tanggal = facts.tanggalPenetapan ?? "";
    let newest = files[0]!.mtimeMs;
    for (const f of files) if (f.mtimeMs > newest) newest = f.mtimeMs;
    yield {
      idData: `${d.jenis}-${d.tahun}-${d.nomor}`,
      tahun_pengundangan: String(d.tahun),
      tanggal_penetapan: tanggal,
      tanggal_pengundangan: tanggal,
      jenis: label,
      noPeraturan: d.nomor,
      judul: `${label} Nomor ${d.nomor} Tahun ${d.tahun}${tentang ? ` tentang ${tentang}` : ""}`,
      noPanggil: "-",
      singkatanJenis: input.feed.singkatanJenis[d.jenis] ?? d.jenis,
      tempatTerbit: input.feed.tempatTerbit,
      penerbit: "-",
      deskripsiFisik: "-",
      sumber: input.feed.sumber,
      subjek: facts.meta?.subjek ?? "",
      isbn: "-",
      status: facts.meta?.status ? STATUS_LABEL[facts.meta.status] : "",
      bahasa: input.feed.bahasa,
      bidangHukum: input.feed.bidangHukum,
      teuBadan: input.feed.teuBadan,
      nomorIndukBuku: "-",
      fileDownload: file.name,
      urlDownload: download,
      urlDetailPeraturan: web,
      operasi: "4",
      display: "1",
      abstrak: facts.meta?.abstrak ?? "",
      urlabstrak: "",
      lastUpdated: wallClockText(newest),
    };
  }
}

/**
 * The feed as text, one string per item, for streaming to disk: one object per line (readable,
 * diff-friendly, and fast to write for 100,000 decrees).
 */
export function* feedChunks(items: Iterable<JdihnItem>): Generator<string> {
  let first = true;
  for (const item of items) {
    yield `${first ? "[\n" : ",\n"}${JSON.stringify(item)}`;
    first = false;
  }
  yield first ? "[]\n" : "\n]\n";
}
