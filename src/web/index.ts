/**
 * Starts the web page for the daemon when `web.enabled`: the password comes from
 * ARSIPD_WEB_PASSWORD (never from the config file, never logged: it is registered with the log
 * redactor). A web page that cannot start is one error line; the archive keeps working.
 */
import type { Config } from "../config/schema.js";
import { Secret } from "../config/secret.js";
import { describeError } from "../errors.js";
import type { Logger } from "../log/logger.js";
import { registerSecret } from "../log/redact.js";
import { startWebServer, type WebServer } from "./server.js";

export async function startWebIfEnabled(
  config: Config,
  log: Logger,
): Promise<WebServer | undefined> {
  if (!config.web.enabled) return undefined;
  const raw = process.env.ARSIPD_WEB_PASSWORD;
  if (raw) registerSecret(raw);
  try {
    return await startWebServer(config, log, raw ? new Secret(raw) : undefined);
  } catch (err) {
    log.error({ module: "web" }, `web page not started: ${describeError(err)}`);
    return undefined;
  }
}
