import { existsSync } from "node:fs";
import type { ArchiveEngine } from "../../daemon/engine.js";
import { acquireLock } from "../../daemon/lock.js";
import type { SyncOutcome } from "../../daemon/sync-once.js";
import { ArsipdError } from "../../errors.js";
import type { Command } from "../command.js";
import { askDaemon } from "../delegate.js";
import { progressBar } from "../progress.js";
import { ensureLocalMirror, openRuntime } from "../runtime.js";
import { printSyncOutcome } from "../sync-print.js";

export const syncCommand: Command = {
  name: "sync",
  summary: "one full pass now (organize, mirror, register), then exit",
  usage: "sync [--dry-run] [--json] [--full] [--accept-deletes]",
  details:
    "Exit 0 when everything is mirrored, 1 when files failed or the pass was refused.\n" +
    "--dry-run prints what would be done and changes nothing (the mirror plan does not\n" +
    "include the organizer's planned moves, which are listed separately).\n" +
    "On OwnCloud only the remote folders whose ETag changed since the last pass are read;\n" +
    "--full reads every folder (after restoring the server from a backup, or to be sure).\n" +
    "While the daemon runs, it does the pass in its own work loop and this prints its result.",
  examples: ["arsipd sync", "arsipd sync --dry-run", "arsipd sync --json", "arsipd sync --full"],
  options: {
    "dry-run": { type: "boolean", description: "print the plan, change nothing" },
    json: { type: "boolean", description: "print a JSON summary on stdout" },
    full: { type: "boolean", description: "read every remote folder, not only changed ones" },
    "accept-deletes": {
      type: "boolean",
      description: "go on although more than deletes.maxFraction of the archive vanished",
    },
  },
  async run({ values, configPath, stdout, stderr }) {
    const json = values.json === true;
    const dryRun = values["dry-run"] === true;
    // Human output goes to stdout; logs then go to the log file only, so they don't mix.
    const { loaded, log } = await openRuntime(configPath, { logFile: !dryRun, stdout: false });
    const { config } = loaded;
    if (!existsSync(config.share)) {
      throw new ArsipdError(
        "NO_SHARE",
        "fatal",
        `share ${config.share} does not exist; create it or fix 'share' in the config`,
      );
    }
    ensureLocalMirror(config);
    // A running daemon owns the state folder: it does the pass in its loop and answers.
    const asked = await askDaemon(config.stateDir, {
      request: {
        op: "sync",
        full: values.full === true,
        dryRun,
        acceptDeletes: values["accept-deletes"] === true,
      },
      print: (r) => printSyncOutcome(r as SyncOutcome, stdout, { json, err: stderr }),
      stderr,
    });
    if (asked !== undefined) return asked;
    const release = acquireLock(config.stateDir, "sync", "sync");
    const { ArchiveEngine } = await import("../../daemon/engine.js");
    const { syncOnce } = await import("../../daemon/sync-once.js");
    const bar = json || dryRun ? undefined : progressBar();
    let engine: ArchiveEngine | undefined;
    try {
      engine = await ArchiveEngine.open(loaded, log, { oneShot: true });
      const began = new Date().toISOString();
      const outcome = await syncOnce(engine, {
        deep: values.full === true,
        dryRun,
        acceptDeletes: values["accept-deletes"] === true,
        ...(bar ? { onProgress: (p) => bar.update(p) } : {}),
      });
      bar?.end();
      if (!dryRun) {
        const { recordOneShot } = await import("../../daemon/status-file.js");
        const run = { startedAt: began, ok: outcome.code === 0, summary: outcome.summary };
        await recordOneShot(config.stateDir, { ...run, remote: engine.remoteDescription }).catch(
          (err) => log.warn({ err: String(err) }, "status.json not updated"),
        );
      }
      printSyncOutcome(outcome, stdout, { json, err: stderr });
      return outcome.code;
    } finally {
      await engine?.close();
      release();
    }
  },
};
