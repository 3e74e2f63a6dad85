/**
 * What the daemon tells `arsipd status` (and the Docker health check): a small JSON file in the
 * state folder, replaced atomically on every state change. It never contains a secret: the
 * remote is described by its credential-free URL.
 */
import { readFile } from "node:fs/promises";
import path from "node:path";
import { writeFileAtomic } from "../util/atomic-write.js";
import type { LoopState } from "./work-loop.js";

export interface PassRecord {
  kind: "full" | "quick";
  startedAt: string;
  finishedAt: string;
  ok: boolean;
  summary: Record<string, number | string | undefined>;
  error?: string | undefined;
}

export interface DaemonStatus {
  pid: number;
  state: LoopState;
  detail?: string | undefined;
  startedAt: string;
  updatedAt: string;
  remote: { description: string; reachable: boolean | null; message: string };
  lastPass?: PassRecord | undefined;
  lastSuccessAt?: string | undefined;
  /** Set while the log file cannot be written (disk full): its path and the error code. */
  logFile?: { path: string; code: string; since: string; dropped: number } | undefined;
  /** Scans waiting in the share for the background OCR (or being read now). */
  ocrWaiting?: number | undefined;
}

export function statusFile(stateDir: string): string {
  return path.join(stateDir, "status.json");
}

export async function writeStatus(stateDir: string, status: DaemonStatus): Promise<void> {
  await writeFileAtomic(statusFile(stateDir), `${JSON.stringify(status, null, 2)}\n`);
}

export async function readStatus(stateDir: string): Promise<DaemonStatus | undefined> {
  try {
    return JSON.parse(await readFile(statusFile(stateDir), "utf8")) as DaemonStatus;
  } catch {
    return undefined;
  }
}

/**
 * A one-shot `arsipd sync` (no daemon running: it held the lock) records its pass here too, so
 * `status` shows when the archive was last synced and how, also where cron runs `sync`
 * instead of the daemon. The file names this process's pid, which no longer holds the lock
 * once it exits: `status` then reports the daemon as not running, as it is.
 */
export async function recordOneShot(
  stateDir: string,
  run: { startedAt: string; ok: boolean; summary: PassRecord["summary"]; remote: string },
): Promise<void> {
  const { remote: description, ...done } = run;
  const pass: PassRecord = { kind: "full", ...done, finishedAt: new Date().toISOString() };
  const remote = { description, reachable: true, message: "reachable" };
  const old = await readStatus(stateDir);
  await writeStatus(stateDir, {
    pid: process.pid,
    state: "idle",
    startedAt: pass.startedAt,
    updatedAt: pass.finishedAt,
    remote,
    lastPass: pass,
    lastSuccessAt: pass.ok ? pass.finishedAt : old?.lastSuccessAt,
  });
}
