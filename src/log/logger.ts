/**
 * Logging. One pino logger per process, JSON lines, to stdout and (for commands that act) to a
 * rotated file in `<stateDir>/logs/`. On a terminal, stdout gets the lines `arsipd logs` prints
 * instead (a person is watching; systemd, pipes and the file keep JSON). Modules take a child
 * logger: `log.child({ module })`, and per file `{ path }`. Every line is scrubbed of secrets
 * before it is written (see redact.ts), on every stream.
 */
import path from "node:path";
import pino, { type DestinationStream, type Logger } from "pino";
import { scrub } from "./redact.js";
import { RollingFile } from "./rolling-file.js";
import { formatEntry, parseLine } from "./view.js";

export type { Logger } from "pino";

export const LOG_BASENAME = "arsipd";

export function logDir(stateDir: string): string {
  return path.join(stateDir, "logs");
}

export interface LoggerOptions {
  level: string;
  /** Write to `<stateDir>/logs/arsipd.N.log` as well. */
  stateDir?: string;
  maxSizeMB?: number;
  maxFiles?: number;
  /** Also write to stdout (default true). */
  stdout?: boolean;
  /** stdout as readable lines rather than JSON (default: when stdout is a terminal). */
  pretty?: boolean;
}

const base: pino.LoggerOptions = {
  redact: {
    paths: [
      "password",
      "*.password",
      "*.*.password",
      "authorization",
      "*.authorization",
      "headers.authorization",
      "*.headers.authorization",
      "remotePassword",
    ],
    censor: "[redacted]",
  },
  serializers: { err: pino.stdSerializers.err },
  hooks: { streamWrite: scrub },
  timestamp: pino.stdTimeFunctions.isoTime,
  base: undefined,
};

/** A logger that writes to stdout (and nothing else), available before config is loaded. */
export function consoleLogger(level = "info"): Logger {
  return pino({ ...base, level }, pino.destination({ fd: 1, sync: true }));
}

/** The process logger. Resolves once the log file is open. */
export async function createLogger(opts: LoggerOptions): Promise<Logger> {
  const streams: { stream: DestinationStream; level: pino.Level }[] = [];
  const level = opts.level as pino.Level;
  if (opts.stdout !== false) {
    const pretty = opts.pretty ?? process.stdout.isTTY === true;
    const stream = pretty
      ? prettyStream((text) => process.stdout.write(text), process.stdout.isTTY === true)
      : pino.destination({ fd: 1, sync: true });
    streams.push({ stream, level });
  }
  if (opts.stateDir) {
    const file = new RollingFile({
      dir: logDir(opts.stateDir),
      base: LOG_BASENAME,
      maxBytes: (opts.maxSizeMB ?? 10) * 1024 * 1024,
      keep: opts.maxFiles ?? 10,
    });
    streams.push({ stream: file, level });
  }
  return pino({ ...base, level }, pino.multistream(streams));
}

/**
 * A pino destination that writes each (already scrubbed) JSON line as the one readable line
 * `arsipd logs` shows for it; a line it cannot read goes out as it is.
 */
export function prettyStream(write: (text: string) => void, color: boolean): DestinationStream {
  return {
    write(line: string) {
      const entry = parseLine(line);
      write(entry ? `${formatEntry(entry, color)}\n` : line);
    },
  };
}
