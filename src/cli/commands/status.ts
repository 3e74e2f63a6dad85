import { statfs } from "node:fs/promises";
import type { Config } from "../../config/schema.js";
import { lockHolder } from "../../daemon/lock.js";
import { readStatus } from "../../daemon/status-file.js";
import { consoleLogger } from "../../log/logger.js";
import { SIDECAR_SUFFIX } from "../../organizer/sidecar.js";
import { createRemote } from "../../remote/create.js";
import type { RemoteHealth } from "../../remote/types.js";
import { makeIgnore } from "../../share/ignore.js";
import { scanShare } from "../../share/scan.js";
import { Journal } from "../../state/journal.js";
import { EXIT } from "../../util/exit-codes.js";
import { officeTime } from "../../util/office-time.js";
import type { Command } from "../command.js";
import { loadAndProtect } from "../runtime.js";

export const statusCommand: Command = {
  name: "status",
  summary: "daemon state, last pass, counts, and whether the remote is reachable",
  usage: "status [--json]",
  details:
    "Exit 0 healthy (daemon running, remote reachable, no failed files), 1 degraded (running,\n" +
    "but files failed or the last pass did not succeed), 2 down (daemon not running or remote\n" +
    "unreachable). Suitable for monitoring and the container health check.",
  examples: ["arsipd status", "arsipd status --json"],
  options: {
    json: { type: "boolean", description: "print the status as JSON" },
  },
  async run({ values, configPath, stdout }) {
    const loaded = loadAndProtect(configPath);
    const { config } = loaded;
    const pid = lockHolder(config.stateDir);
    const daemon = await readStatus(config.stateDir);
    const running = pid !== undefined && daemon?.pid === pid;
    const counts = await countFiles(config);
    const remote = await createRemote(
      config.remote,
      loaded.remotePassword,
      consoleLogger("silent"),
    );
    const health = await checkWithTimeout(remote.check.bind(remote), 10_000);
    // What the server honours, as check() probed it (X-OC-Mtime, checksums, ETag strength).
    const capabilities = health.ok ? await remote.capabilities().catch(() => undefined) : undefined;
    await remote.close?.();
    // Asked of the disk itself: a full state folder cannot update status.json to say so.
    const stateDisk = await diskOf(config.stateDir);
    const health3: "healthy" | "degraded" | "down" =
      !running || !health.ok
        ? "down"
        : counts.failed > 0 ||
            daemon?.state === "error" ||
            daemon?.lastPass?.ok === false ||
            stateDisk.full ||
            daemon?.logFile !== undefined
          ? "degraded"
          : "healthy";
    const report = {
      health: health3,
      daemon: running
        ? {
            running: true,
            pid,
            state: daemon?.state,
            detail: daemon?.detail,
            startedAt: daemon?.startedAt,
          }
        : { running: false },
      lastPass: daemon?.lastPass,
      lastSuccessAt: daemon?.lastSuccessAt,
      counts,
      remote: {
        url: remote.description,
        reachable: health.ok,
        message: health.message,
        ...(capabilities ? { capabilities } : {}),
      },
      share: config.share,
      stateDir: config.stateDir,
      stateDisk,
      logFile: running ? daemon?.logFile : undefined,
      ocrWaiting: running ? (daemon?.ocrWaiting ?? 0) : undefined,
    };
    if (values.json) stdout.write(`${JSON.stringify(report, null, 2)}\n`);
    else stdout.write(human(report, config.timezone));
    return health3 === "healthy" ? EXIT.ok : health3 === "degraded" ? EXIT.problems : EXIT.down;
  },
};

async function checkWithTimeout(
  check: (signal: AbortSignal) => Promise<RemoteHealth>,
  ms: number,
): Promise<RemoteHealth> {
  const signal = AbortSignal.timeout(ms);
  try {
    return await check(signal);
  } catch (err) {
    return { ok: false, message: err instanceof Error ? err.message : String(err) };
  }
}

/**
 * tracked: files in the share arsipd acts on; synced: those whose mirrored copy matches (size
 * and mtime as journalled); failed: in back-off after errors; pending: the rest (new or
 * changed, waiting for the next pass); quarantined: files in the quarantine folder.
 */
async function countFiles(config: Config) {
  const { files } = await scanShare(config.share, {
    ignore: makeIgnore(config.convention.ignore),
  });
  let synced = 0;
  let failed = 0;
  try {
    const j = await Journal.open(config.stateDir, { readOnly: true });
    for (const f of files) {
      const e = j.get(f.rel);
      if (e && e.size === f.size && e.mtimeMs === f.mtimeMs) synced++;
      else if (j.failure(f.rel)) failed++;
    }
    await j.close();
  } catch {
    // no journal yet: nothing synced
  }
  const qdir = `${config.convention.quarantineDir}/`;
  const quarantined = files.filter(
    (f) => f.rel.startsWith(qdir) && !f.rel.endsWith(SIDECAR_SUFFIX),
  ).length;
  const tracked = files.length;
  return { tracked, synced, pending: tracked - synced - failed, failed, quarantined };
}

function human(
  r: {
    health: string;
    daemon: {
      running: boolean;
      pid?: number | undefined;
      state?: string | undefined;
      detail?: string | undefined;
    };
    lastPass?: { finishedAt: string; ok: boolean; error?: string | undefined } | undefined;
    counts: {
      tracked: number;
      synced: number;
      pending: number;
      failed: number;
      quarantined: number;
    };
    remote: { url: string; reachable: boolean; message: string };
    stateDisk: { path: string; freeBytes?: number; full: boolean };
    logFile?: { path: string; code: string } | undefined;
    ocrWaiting?: number | undefined;
  },
  tz: string,
): string {
  const d = r.daemon.running
    ? `running (pid ${r.daemon.pid}), ${r.daemon.state}${r.daemon.detail ? `: ${r.daemon.detail}` : ""}`
    : "not running";
  const last = r.lastPass
    ? `${officeTime(new Date(r.lastPass.finishedAt), tz)} ${r.lastPass.ok ? "ok" : `failed${r.lastPass.error ? `: ${r.lastPass.error}` : ""}`}`
    : "none yet";
  return [
    `health:      ${r.health}`,
    `daemon:      ${d}`,
    `last pass:   ${last}`,
    `files:       ${r.counts.tracked} in the share: ${r.counts.synced} mirrored, ${r.counts.pending} pending, ${r.counts.failed} failed; ${r.counts.quarantined} in quarantine`,
    `remote:      ${r.remote.url} — ${r.remote.reachable ? "reachable" : `NOT reachable: ${r.remote.message}`}`,
    ...(r.stateDisk.full
      ? [`state disk:  FULL at ${r.stateDisk.path} (${r.stateDisk.freeBytes ?? 0} bytes free)`]
      : []),
    ...(r.logFile ? [`log file:    NOT written: ${r.logFile.code} at ${r.logFile.path}`] : []),
    ...(r.ocrWaiting
      ? [`ocr:         ${r.ocrWaiting} scan(s) waiting to be read (menunggu OCR)`]
      : []),
    "",
  ].join("\n");
}

/** Below this, the state folder's disk counts as full (journal, status and log writes fail). */
const FULL_BELOW = 1 << 20;

async function diskOf(dir: string): Promise<{ path: string; freeBytes?: number; full: boolean }> {
  try {
    const s = await statfs(dir);
    const freeBytes = Number(s.bavail) * Number(s.bsize);
    return { path: dir, freeBytes, full: freeBytes < FULL_BELOW };
  } catch {
    return { path: dir, full: false };
  }
}
