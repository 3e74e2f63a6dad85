/**
 * Runs `arsipd run` as a real child process, the way systemd does: same arguments, env and
 * (optionally) a credentials directory. Collects stdout (JSON log lines) so tests can wait for
 * a log message, and sends real signals.
 */
import { type ChildProcess, spawn } from "node:child_process";
import { BIN } from "./cli.js";

export interface DaemonProc {
  child: ChildProcess;
  lines: () => Record<string, unknown>[];
  stderr: () => string;
  waitFor(
    pred: (line: Record<string, unknown>) => boolean,
    timeoutMs?: number,
  ): Promise<Record<string, unknown>>;
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
  signal(sig: NodeJS.Signals): void;
}

export function startDaemon(
  args: string[],
  opts: { cwd: string; env?: NodeJS.ProcessEnv },
): DaemonProc {
  const child = spawn(process.execPath, [BIN, "run", ...args], {
    cwd: opts.cwd,
    env: { ...process.env, ARSIPD_CONFIG: "", ...opts.env },
    stdio: ["ignore", "pipe", "pipe"],
  });
  const parsed: Record<string, unknown>[] = [];
  let buf = "";
  let err = "";
  const waiters = new Set<() => void>();
  child.stdout?.on("data", (d: Buffer) => {
    buf += d.toString();
    let i = buf.indexOf("\n");
    while (i >= 0) {
      const line = buf.slice(0, i);
      buf = buf.slice(i + 1);
      try {
        parsed.push(JSON.parse(line));
      } catch {
        parsed.push({ msg: line, raw: true });
      }
      i = buf.indexOf("\n");
    }
    for (const w of waiters) w();
  });
  child.stderr?.on("data", (d: Buffer) => {
    err += d.toString();
  });
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
    child.on("exit", (code, signal) => {
      for (const w of waiters) w();
      resolve({ code, signal });
    }),
  );
  return {
    child,
    lines: () => parsed,
    stderr: () => err,
    exited,
    signal: (sig) => child.kill(sig),
    waitFor(pred, timeoutMs = 30_000) {
      return new Promise((resolve, reject) => {
        const check = () => {
          const hit = parsed.find(pred);
          if (hit) {
            cleanup();
            resolve(hit);
          } else if (child.exitCode !== null || child.signalCode !== null) {
            cleanup();
            reject(
              new Error(`daemon exited before the awaited log line; stderr: ${err.slice(-500)}`),
            );
          }
        };
        const timer = setTimeout(() => {
          cleanup();
          reject(
            new Error(
              `timed out waiting for a log line; last lines: ${JSON.stringify(parsed.slice(-5))}`,
            ),
          );
        }, timeoutMs);
        const cleanup = () => {
          clearTimeout(timer);
          waiters.delete(check);
        };
        waiters.add(check);
        check();
      });
    },
  };
}
