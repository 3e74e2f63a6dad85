/**
 * The rotated log files in `<stateDir>/logs/`: `arsipd.N.log`, written by rolling-file.ts, where a
 * higher N is newer. Reading them line by line (oldest file first) and following them as they
 * grow and rotate. Lines are handed over as text; parsing is log/view.ts's job.
 */
import { createReadStream } from "node:fs";
import { open, readdir, stat } from "node:fs/promises";
import path from "node:path";
import { createInterface } from "node:readline";
import { LOG_BASENAME } from "./logger.js";

const LOG_FILE = new RegExp(`^${LOG_BASENAME}\\.(\\d+)\\.log$`);

/**
 * The log files in `dir`, oldest first (by rotation number). Undefined when the folder does
 * not exist.
 */
export async function listLogFiles(dir: string): Promise<string[] | undefined> {
  let names: string[];
  try {
    names = await readdir(dir);
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === "ENOENT") return undefined;
    throw err;
  }
  return names
    .map((n) => ({ n, m: LOG_FILE.exec(n) }))
    .filter((x): x is { n: string; m: RegExpExecArray } => x.m !== null)
    .sort((a, b) => Number(a.m[1]) - Number(b.m[1]))
    .map((x) => path.join(dir, x.n));
}

/** Calls `onLine` for every line of every file, in order. A file that vanished is skipped. */
export async function readLines(files: string[], onLine: (line: string) => void): Promise<void> {
  for (const file of files) {
    try {
      const rl = createInterface({
        input: createReadStream(file, { encoding: "utf8" }),
        crlfDelay: Number.POSITIVE_INFINITY,
      });
      for await (const line of rl) onLine(line);
    } catch (err) {
      // Rotation may remove the oldest file between listing and reading it.
      if ((err as NodeJS.ErrnoException).code !== "ENOENT") throw err;
    }
  }
}

export interface FollowOptions {
  dir: string;
  /** How often to look for new lines and new files. */
  intervalMs: number;
  signal: AbortSignal;
  onLine: (line: string) => void;
  /** Called once, after every line already in the files has been handed over. */
  onCaughtUp?: () => void;
}

/** Bytes read at once, so a 10 MB log file is not loaded whole. */
const CHUNK = 1 << 20;

/**
 * Follows the log folder: first every complete line already there (oldest file first), then
 * `onCaughtUp`, then each line as it is written, including lines in files that rotation
 * creates. Reading the backlog and following are one pass over byte offsets, so no line written
 * in between is lost or doubled. A half-written last line is held back until its newline
 * arrives. Resolves when `signal` aborts.
 */
export async function followLogs(opts: FollowOptions): Promise<void> {
  const offsets = new Map<string, number>();
  const partial = new Map<string, string>();
  const tick = async () => {
    const files = (await listLogFiles(opts.dir)) ?? [];
    for (const f of files) {
      const size = await sizeOf(f);
      if (size === undefined) continue;
      let pos = offsets.get(f) ?? 0;
      // A file that shrank was truncated or replaced: read it again from the start.
      if (size < pos) {
        pos = 0;
        partial.delete(f);
      }
      while (pos < size && !opts.signal.aborted) {
        const chunk = await readRange(f, pos, Math.min(size, pos + CHUNK));
        if (chunk.bytes.length === 0) break;
        pos += chunk.bytes.length;
        const parts = ((partial.get(f) ?? "") + chunk.str).split("\n");
        partial.set(f, parts.pop() ?? "");
        for (const line of parts) if (line.trim() !== "") opts.onLine(line);
      }
      offsets.set(f, pos);
    }
    for (const f of [...offsets.keys()]) {
      if (!files.includes(f)) {
        offsets.delete(f);
        partial.delete(f);
      }
    }
  };
  await tick();
  opts.onCaughtUp?.();
  while (!opts.signal.aborted) {
    await sleep(opts.intervalMs, opts.signal);
    if (!opts.signal.aborted) await tick();
  }
}

async function sizeOf(file: string): Promise<number | undefined> {
  try {
    return (await stat(file)).size;
  } catch {
    return undefined;
  }
}

/** Reads [start, end) and returns only whole UTF-8 characters (a split one waits). */
async function readRange(
  file: string,
  start: number,
  end: number,
): Promise<{ str: string; bytes: Buffer }> {
  const fh = await open(file, "r");
  try {
    const buf = Buffer.alloc(end - start);
    const { bytesRead } = await fh.read(buf, 0, buf.length, start);
    let bytes = buf.subarray(0, bytesRead);
    let cut = bytes.length;
    // Step back over a trailing incomplete UTF-8 sequence.
    let i = cut - 1;
    while (i >= 0 && i >= cut - 4 && (bytes[i]! & 0xc0) === 0x80) i--;
    if (i >= 0 && bytes[i]! >= 0xc0) {
      const need = bytes[i]! >= 0xf0 ? 4 : bytes[i]! >= 0xe0 ? 3 : 2;
      if (cut - i < need) cut = i;
    }
    bytes = bytes.subarray(0, cut);
    return { str: bytes.toString("utf8"), bytes };
  } finally {
    await fh.close();
  }
}

function sleep(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    if (signal.aborted) return resolve();
    const t = setTimeout(done, ms);
    function done() {
      clearTimeout(t);
      signal.removeEventListener("abort", done);
      resolve();
    }
    signal.addEventListener("abort", done, { once: true });
  });
}
