/**
 * What the web page shows, read from what the daemon already writes (never from its memory, so
 * the page tells the same truth as the files): status.json (state, last pass, errors), the
 * quarantine folder with its .ALASAN.txt sidecars, today's lines of the log, and the register
 * CSV for the search. Read-only: nothing here writes.
 */
import { readdir, readFile, stat } from "node:fs/promises";
import path from "node:path";
import type { Config } from "../config/schema.js";
import { type DaemonStatus, readStatus } from "../daemon/status-file.js";
import { listLogFiles, readLines } from "../log/files.js";
import { logDir } from "../log/logger.js";
import { parseLine } from "../log/view.js";
import { parseSidecar, SIDECAR_SUFFIX } from "../organizer/sidecar.js";
import { parseCsv } from "../register/csv-parse.js";

export interface QuarantinedFile {
  name: string;
  reason: string;
  code: string;
  origin: string;
  time: string;
  suggestion: string;
}

export interface Activity {
  time: number;
  kind: "filed" | "quarantined" | "failed";
  text: string;
  advice?: string;
}

export interface Hit {
  jenis: string;
  nomor: string;
  tahun: string;
  tentang: string;
  status: string;
  name: string;
  link: string;
}

export async function loadStatus(config: Config): Promise<DaemonStatus | undefined> {
  return readStatus(config.stateDir);
}

/** A name the parser will read, built from what the clerk must fill in. */
function suggestion(code: string, name: string): string {
  const ext = path.extname(name) || ".pdf";
  if (code === "DUPLICATE" || code === "CONFLICT") return "";
  return `SK Ketua No <nomor> Th <tahun> ttg <judul>${ext}`;
}

export async function loadQuarantine(config: Config): Promise<QuarantinedFile[]> {
  const dir = path.join(config.share, config.convention.quarantineDir);
  let names: string[];
  try {
    names = await readdir(dir);
  } catch {
    return [];
  }
  const out: QuarantinedFile[] = [];
  for (const name of names.sort()) {
    if (name.endsWith(SIDECAR_SUFFIX) || name.startsWith(".")) continue;
    let side = {} as ReturnType<typeof parseSidecar>;
    try {
      side = parseSidecar(await readFile(path.join(dir, `${name}${SIDECAR_SUFFIX}`), "utf8"));
    } catch {
      // no sidecar: still listed
    }
    let time = side.waktu ?? "";
    if (!time)
      time = (await stat(path.join(dir, name)).catch(() => undefined))?.mtime.toISOString() ?? "";
    const code = side.kode ?? "";
    out.push({
      name,
      reason: side.alasan ?? "Alasan tidak tercatat",
      code,
      origin: side.asal ?? "",
      time,
      suggestion: suggestion(code, name),
    });
  }
  return out;
}

/** Today's filing, quarantining and failures, in plain Indonesian, newest first. */
export async function loadActivity(config: Config, now: Date): Promise<Activity[]> {
  const files = (await listLogFiles(logDir(config.stateDir))) ?? [];
  const midnight = new Date(now);
  midnight.setHours(0, 0, 0, 0);
  const out: Activity[] = [];
  await readLines(files, (line) => {
    const e = parseLine(line);
    if (!e || !(e.time >= midnight.getTime())) return;
    let obj: Record<string, unknown> = {};
    try {
      obj = JSON.parse(e.raw);
    } catch {
      return;
    }
    const from = typeof obj.from === "string" ? path.basename(obj.from) : "";
    if (e.msg === "filed decree" || e.msg === "filed a file from the quarantine") {
      out.push({
        time: e.time,
        kind: "filed",
        text: `Diarsipkan: ${e.path ?? ""}${from ? ` (nama yang diketik: ${from})` : ""}`,
      });
    } else if (e.msg === "quarantined") {
      out.push({
        time: e.time,
        kind: "quarantined",
        text: `Masuk karantina: ${e.path ? path.basename(e.path) : ""}`,
        advice: "Buka folder karantina, baca berkas .ALASAN.txt, lalu ganti nama berkasnya.",
      });
    } else if (e.level >= 50) {
      out.push({
        time: e.time,
        kind: "failed",
        text: `Gagal: ${e.msg}${e.path ? ` (${e.path})` : ""}`,
        advice: "Periksa sambungan ke server dan lihat `arsipd logs`; arsipd mencoba lagi sendiri.",
      });
    }
  });
  return out.reverse();
}

/** Every word must match nomor, tahun, jenis or a word of the tentang (case-insensitive). */
export async function searchRegister(config: Config, q: string, limit = 200): Promise<Hit[]> {
  const words = q.toLowerCase().split(/\s+/).filter(Boolean);
  if (words.length === 0) return [];
  let text: string;
  try {
    text = await readFile(path.join(config.share, `${config.index.baseName}.csv`), "utf8");
  } catch {
    return [];
  }
  const rows = parseCsv(text);
  const head = rows[0] ?? [];
  const col = (h: string) => head.indexOf(h);
  const [cJ, cN, cT, cTe, cS, cF, cL] = [
    "Jenis",
    "Nomor",
    "Tahun",
    "Tentang",
    "Status",
    "Nama File",
    "Tautan OwnCloud",
  ].map(col);
  const out: Hit[] = [];
  for (const r of rows.slice(1)) {
    const get = (i: number | undefined) => (i !== undefined && i >= 0 ? (r[i] ?? "") : "");
    const hit: Hit = {
      jenis: get(cJ),
      nomor: get(cN),
      tahun: get(cT),
      tentang: get(cTe),
      status: get(cS),
      name: get(cF),
      link: get(cL),
    };
    if (/_LAMPIRAN-\d+_|_SALINAN_/.test(hit.name)) continue;
    const hay = `${hit.jenis} ${hit.nomor} ${hit.tahun} ${hit.tentang} ${hit.name}`.toLowerCase();
    const nomor = hit.nomor.toLowerCase();
    if (words.every((w) => w === nomor || w === hit.tahun || hay.includes(w))) out.push(hit);
    if (out.length >= limit) break;
  }
  return out;
}
