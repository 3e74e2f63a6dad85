import { loadConfig } from "../../config/load.js";
import { UsageError } from "../../errors.js";
import { followLogs, listLogFiles, readLines } from "../../log/files.js";
import { logDir } from "../../log/logger.js";
import {
  formatEntry,
  type LogEntry,
  type LogFilter,
  matches,
  parseLevel,
  parseLine,
  parseSince,
} from "../../log/view.js";
import { EXIT } from "../../util/exit-codes.js";
import type { Command } from "../command.js";

/** Lines shown before following when -n is not given (as `tail -f` does). */
const FOLLOW_BACKLOG = 10;
const FOLLOW_INTERVAL_MS = 300;

export const logsCommand: Command = {
  name: "logs",
  summary: "show the log for people: filter by level, time and file; follow it live",
  usage: "logs [--level LEVEL] [--since WHEN] [--file TEXT] [-n N] [--follow] [--json]",
  details:
    "Reads every rotated log file in <stateDir>/logs/, oldest first, and prints one line per\n" +
    "entry: local time, level, module, message, file path and the error, if any.\n" +
    "--file shows what happened to one file (its old or new name, any part, any case).",
  examples: [
    "arsipd logs --since 1d --level warn",
    "arsipd logs --file 'SK Ketua No 12'",
    "arsipd logs --follow",
    "arsipd logs --json --since 2026-11-01 > log.jsonl",
  ],
  options: {
    level: {
      type: "string",
      valueName: "LEVEL",
      description: "this level and above: trace, debug, info, warn, error, fatal",
    },
    since: {
      type: "string",
      valueName: "WHEN",
      description: "entries from then on: 30m, 2h, 1d, 2026-11-01 or an ISO time",
    },
    file: {
      type: "string",
      valueName: "TEXT",
      description: "entries whose file path contains TEXT (case-insensitive)",
    },
    lines: { type: "string", short: "n", valueName: "N", description: "only the last N entries" },
    follow: {
      type: "boolean",
      short: "f",
      description: "keep printing new entries (Ctrl-C to stop)",
    },
    json: { type: "boolean", description: "print the matching raw JSON lines" },
  },
  async run({ values, configPath, stdout, stderr }) {
    const filter: LogFilter = {};
    if (typeof values.level === "string") filter.minLevel = parseLevel(values.level);
    if (typeof values.since === "string") filter.since = parseSince(values.since, Date.now());
    if (typeof values.file === "string") filter.file = values.file;
    const last = typeof values.lines === "string" ? parseCount(values.lines) : undefined;
    const follow = values.follow === true;
    const json = values.json === true;
    const color = !json && stdout.isTTY === true && !process.env.NO_COLOR;

    // `arsipd logs | head` closes the pipe early: that is a normal end, not a failure.
    stdout.on("error", (err: NodeJS.ErrnoException) => {
      if (err.code === "EPIPE") process.exit(EXIT.ok);
    });
    const { config } = loadConfig({ configPath, requirePassword: false });
    const dir = logDir(config.stateDir);
    const files = await listLogFiles(dir);
    if (files === undefined && !follow) {
      stdout.write(`arsipd logs: no log folder yet at ${dir}; the daemon has not logged here\n`);
      return EXIT.ok;
    }

    const print = (e: LogEntry) =>
      stdout.write(`${json ? e.raw : formatEntry(e, color, config.timezone)}\n`);
    let torn = 0;
    let live = false;
    const keep = last ?? (follow ? FOLLOW_BACKLOG : undefined);
    const tail: LogEntry[] = [];
    const onLine = (line: string) => {
      if (line.trim() === "") return;
      const e = parseLine(line);
      if (!e) {
        if (!live) torn++;
        return;
      }
      if (!matches(e, filter)) return;
      if (live || keep === undefined) print(e);
      else {
        tail.push(e);
        if (tail.length > keep) tail.shift();
      }
    };
    const caughtUp = () => {
      for (const e of tail) print(e);
      if (torn > 0) {
        stderr.write(
          `arsipd logs: skipped ${torn} unreadable line(s) (torn by a crash or not JSON)\n`,
        );
      }
      live = true;
    };
    if (!follow) {
      await readLines(files ?? [], onLine);
      caughtUp();
      return EXIT.ok;
    }

    const stop = new AbortController();
    const onSignal = () => stop.abort();
    process.once("SIGINT", onSignal);
    process.once("SIGTERM", onSignal);
    try {
      await followLogs({
        dir,
        intervalMs: FOLLOW_INTERVAL_MS,
        signal: stop.signal,
        onLine,
        onCaughtUp: caughtUp,
      });
    } finally {
      process.off("SIGINT", onSignal);
      process.off("SIGTERM", onSignal);
    }
    return EXIT.ok;
  },
};

function parseCount(value: string): number {
  if (!/^\d+$/.test(value.trim())) {
    throw new UsageError(`arsipd logs: -n/--lines wants a whole number, not '${value}'`);
  }
  return Number(value);
}
