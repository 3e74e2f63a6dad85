import { existsSync, mkdirSync } from "node:fs";
import { acquireLock } from "../../daemon/lock.js";
import { describeError } from "../../errors.js";
import type { Command } from "../command.js";
import { ensureLocalMirror, loadAndProtect, openRuntime } from "../runtime.js";

export const runCommand: Command = {
  name: "run",
  summary: "run the daemon: watch the share, file decrees, mirror, keep the register",
  usage: "run [--config FILE]",
  details:
    "Runs until SIGTERM/SIGINT (finishes or safely aborts in-flight work, exits 0).\n" +
    "SIGHUP reloads the config. Logs are JSON lines on stdout and in <stateDir>/logs/.",
  examples: ["arsipd run", "arsipd run --config /etc/arsipd/arsipd.yaml"],
  options: {},
  async run({ configPath }) {
    const { loaded, log } = await openRuntime(configPath, { logFile: true, stdout: true });
    const { config } = loaded;
    const release = acquireLock(config.stateDir, "start the daemon", "daemon");
    try {
      const created = !existsSync(config.share);
      if (created) mkdirSync(config.share, { recursive: true });
      ensureLocalMirror(config);
      const where =
        config.remote.type === "local"
          ? `local folder ${config.remote.path} (standing in for OwnCloud)`
          : `${config.remote.url ?? ""}${config.remote.root}`;
      log.info(
        { module: "daemon", source: loaded.source, share: config.share, remote: where },
        `arsipd starting with ${loaded.source === "built-in defaults" ? "the built-in defaults" : loaded.source}: ` +
          `watching ${config.share}${created ? " (created)" : ""}, mirroring to ${where}`,
      );
      const { tuneHeapForDaemon } = await import("../../daemon/memory.js");
      tuneHeapForDaemon();
      const { runDaemon } = await import("../../daemon/daemon.js");
      const { ArchiveEngine } = await import("../../daemon/engine.js");
      return await runDaemon(loaded, {
        log,
        load: () => loadAndProtect(configPath),
        makeEngine: (l, lg) => ArchiveEngine.open(l, lg),
      });
    } catch (err) {
      log.fatal({ err, module: "daemon" }, `arsipd stopped: ${describeError(err)}`);
      throw err;
    } finally {
      release();
    }
  },
};
