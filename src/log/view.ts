/**
 * Reading arsipd's own log lines for people: parse one JSON line, decide whether it matches the
 * filters, render it as one readable line. Pure: no file system, no clock (`now` is passed in).
 * The files themselves are read by log/files.ts.
 */

import { UsageError } from "../errors.js";
import { officeTime } from "../util/office-time.js";

/** pino's level numbers. */
export const LEVELS = {
  trace: 10,
  debug: 20,
  info: 30,
  warn: 40,
  error: 50,
  fatal: 60,
} as const;

export type LevelName = keyof typeof LEVELS;

export interface LogEntry {
  /** The line as it was written (for --json). */
  raw: string;
  level: number;
  /** Epoch milliseconds; NaN when the line has no readable time. */
  time: number;
  msg: string;
  module: string | undefined;
  path: string | undefined;
  /** The error message, when the line carries an `err`. */
  error: string | undefined;
  /** Other path-like fields (`from`, `to`) that --file also searches. */
  otherPaths: string[];
  /**
   * What an admin needs besides the message: a quarantine's reason, the name a decree was
   * typed as (`from`), the numbers of a summary. Shown after the path.
   */
  details: string[];
}

export interface LogFilter {
  minLevel?: number;
  /** Epoch milliseconds; entries before this are left out. */
  since?: number;
  /** Case-insensitive substring of the entry's path. */
  file?: string;
}

/** Parses one log line; undefined for a torn or non-JSON line (never throws). */
export function parseLine(raw: string): LogEntry | undefined {
  const text = raw.trim();
  if (!text.startsWith("{")) return undefined;
  let obj: Record<string, unknown>;
  try {
    obj = JSON.parse(text);
  } catch {
    return undefined;
  }
  if (obj === null || typeof obj !== "object" || Array.isArray(obj)) return undefined;
  const str = (v: unknown) => (typeof v === "string" ? v : undefined);
  const level = typeof obj.level === "number" ? obj.level : LEVELS.info;
  const t = obj.time;
  const time = typeof t === "number" ? t : typeof t === "string" ? Date.parse(t) : Number.NaN;
  const err = obj.err as Record<string, unknown> | string | undefined;
  // Most lines carry `err` as the one-line text describeError made; pino's own as an object.
  const error =
    typeof err === "string"
      ? err
      : err && typeof err === "object"
        ? (str(err.message) ?? str(err.type))
        : undefined;
  const otherPaths = [obj.from, obj.to].filter((v): v is string => typeof v === "string");
  const details: string[] = [];
  if (typeof obj.from === "string") details.push(`dari "${obj.from}"`);
  if (typeof obj.reason === "string") details.push(`alasan: ${obj.reason}`);
  const numbers = obj.summary;
  if (numbers && typeof numbers === "object" && !Array.isArray(numbers)) {
    const kv = Object.entries(numbers as Record<string, unknown>)
      .filter(([, v]) => typeof v === "number")
      .map(([k, v]) => `${k}=${v}`);
    if (kv.length > 0) details.push(kv.join(" "));
  }
  return {
    raw: text,
    level,
    time,
    msg: str(obj.msg) ?? "",
    module: str(obj.module),
    path: str(obj.path),
    error,
    otherPaths,
    details,
  };
}

export function matches(entry: LogEntry, filter: LogFilter): boolean {
  if (filter.minLevel !== undefined && entry.level < filter.minLevel) return false;
  if (filter.since !== undefined && !(entry.time >= filter.since)) return false;
  if (filter.file !== undefined) {
    const needle = filter.file.normalize("NFC").toLowerCase();
    const hay = [entry.path, ...entry.otherPaths].filter((p): p is string => p !== undefined);
    if (!hay.some((p) => p.normalize("NFC").toLowerCase().includes(needle))) return false;
  }
  return true;
}

/** `--level` value → pino number; a one-line UsageError for anything else. */
export function parseLevel(value: string): number {
  const v = value.trim().toLowerCase();
  if (v in LEVELS) return LEVELS[v as LevelName];
  throw new UsageError(
    `arsipd logs: unknown level '${value}'; expected one of ${Object.keys(LEVELS).join(", ")}`,
  );
}

const UNIT_MS: Record<string, number> = { s: 1000, m: 60_000, h: 3_600_000, d: 86_400_000 };

/**
 * `--since` value → epoch milliseconds. Accepts a duration back from `now` (30m, 2h, 1d, 45s,
 * 1w), a calendar day (2026-11-01, local midnight) or an ISO date-time.
 */
export function parseSince(value: string, now: number): number {
  const v = value.trim();
  const dur = /^(\d+(?:\.\d+)?)\s*([smhdw])$/i.exec(v);
  if (dur) {
    const unit = dur[2]!.toLowerCase();
    const ms = unit === "w" ? 7 * UNIT_MS.d! : UNIT_MS[unit]!;
    return now - Number(dur[1]) * ms;
  }
  const day = /^(\d{4})-(\d{2})-(\d{2})$/.exec(v);
  if (day) {
    const d = new Date(Number(day[1]), Number(day[2]) - 1, Number(day[3]));
    if (d.getMonth() === Number(day[2]) - 1) return d.getTime();
  } else if (/^\d{4}-\d{2}-\d{2}T/.test(v)) {
    const t = Date.parse(v);
    if (!Number.isNaN(t)) return t;
  }
  throw new UsageError(
    `arsipd logs: cannot read --since '${value}'; expected e.g. 30m, 2h, 1d, 2026-11-01 or 2026-11-01T08:00`,
  );
}

const WORDS: [number, string, string][] = [
  [60, "FATAL", "\x1b[1;35m"],
  [50, "ERROR", "\x1b[1;31m"],
  [40, "WARN", "\x1b[33m"],
  [30, "INFO", "\x1b[32m"],
  [20, "DEBUG", "\x1b[36m"],
  [0, "TRACE", "\x1b[90m"],
];
const DIM = "\x1b[2m";
const RESET = "\x1b[0m";

export function levelWord(level: number): string {
  return (WORDS.find(([n]) => level >= n) ?? WORDS[WORDS.length - 1]!)[1];
}

function pad2(n: number): string {
  return String(n).padStart(2, "0");
}

/** Local wall-clock time, "2026-11-01 14:03:22". */
export function localTime(ms: number): string {
  if (Number.isNaN(ms)) return "????-??-?? ??:??:??";
  const d = new Date(ms);
  return (
    `${d.getFullYear()}-${pad2(d.getMonth() + 1)}-${pad2(d.getDate())} ` +
    `${pad2(d.getHours())}:${pad2(d.getMinutes())}:${pad2(d.getSeconds())}`
  );
}

/**
 * One readable line: time, level, module, message, path, error. No trailing newline. The time
 * is in the office's zone (`tz`, config `timezone`) when given, else the machine's.
 */
export function formatEntry(e: LogEntry, color: boolean, tz?: string): string {
  const word = WORDS.find(([n]) => e.level >= n) ?? WORDS[WORDS.length - 1]!;
  const c = (code: string, s: string) => (color ? `${code}${s}${RESET}` : s);
  const parts = [
    c(DIM, tz ? officeTime(new Date(e.time), tz, { seconds: true }) : localTime(e.time)),
    c(word[2], word[1].padEnd(5)),
    (e.module ?? "-").padEnd(10),
    oneLine(e.msg),
  ];
  if (e.path !== undefined) parts.push(c(DIM, oneLine(e.path)));
  for (const d of e.details) parts.push(oneLine(d));
  if (e.error !== undefined) parts.push(c(word[2], `— ${oneLine(e.error)}`));
  return parts.join("  ");
}

/** Keeps a multi-line message on one terminal line and strips control characters. */
function oneLine(s: string): string {
  // biome-ignore lint/suspicious/noControlCharactersInRegex: removing them is the point
  return s.replace(/\r?\n/g, " ⏎ ").replace(/[\x00-\x08\x0b-\x1f\x7f]/g, "");
}
