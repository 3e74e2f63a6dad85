/**
 * Start-up shared by the commands that act (run, sync, index …): load the config, register
 * the password with the log scrubber before anything can log, open the logger.
 */
import { existsSync, mkdirSync } from "node:fs";
import { type LoadedConfig, loadConfig } from "../config/load.js";
import type { Config } from "../config/schema.js";
import { createLogger, type Logger } from "../log/logger.js";
import { registerSecret } from "../log/redact.js";

export interface Runtime {
  loaded: LoadedConfig;
  log: Logger;
}

export function loadAndProtect(configPath: string | undefined): LoadedConfig {
  const loaded = loadConfig({ configPath });
  if (loaded.remotePassword) {
    registerSecret(loaded.remotePassword.reveal(), loaded.config.remote.username);
  }
  return loaded;
}

export async function openRuntime(
  configPath: string | undefined,
  opts: { logFile: boolean; stdout: boolean },
): Promise<Runtime> {
  const loaded = loadAndProtect(configPath);
  const { config } = loaded;
  const log = await createLogger({
    level: config.log.level,
    stdout: opts.stdout,
    ...(opts.logFile
      ? {
          stateDir: config.stateDir,
          maxSizeMB: config.log.maxSizeMB,
          maxFiles: config.log.maxFiles,
        }
      : {}),
  });
  return { loaded, log };
}

/**
 * A local mirror folder is created when missing (the built-in default's ./data/mirror). An
 * unmounted NAS still shows its (empty) mount point, which the mirror's empty-remote refusal
 * guards against; creating a missing folder never hides a mount.
 */
export function ensureLocalMirror(config: Config): void {
  if (config.remote.type === "local" && !existsSync(config.remote.path)) {
    mkdirSync(config.remote.path, { recursive: true });
  }
}
