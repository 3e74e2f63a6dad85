/**
 * Runs the notifier beside the daemon when `notify.enabled`: a look every minute (and one at
 * start), one at a time. The SMTP password (ARSIPD_SMTP_PASSWORD) is registered with the log
 * redactor first.
 */
import type { Config } from "../config/schema.js";
import type { Logger } from "../log/logger.js";
import { registerSecret } from "../log/redact.js";
import { Notifier } from "./notifier.js";

export const CHECK_EVERY_MS = 60_000;

export function startNotifier(config: Config, log: Logger): { stop(): Promise<void> } | undefined {
  if (!config.notify.enabled) return undefined;
  const pw = process.env.ARSIPD_SMTP_PASSWORD;
  if (pw) registerSecret(pw);
  if (config.notify.to.length === 0) {
    log.error(
      { module: "notify" },
      "notify.enabled but notify.to is empty: no e-mail will be sent",
    );
    return undefined;
  }
  const n = new Notifier(config, log.child({ module: "notify" }), pw);
  let running = Promise.resolve();
  const tick = () => {
    running = running.then(() => n.check().then(() => undefined));
  };
  tick();
  const timer = setInterval(tick, CHECK_EVERY_MS);
  timer.unref();
  return {
    async stop() {
      clearInterval(timer);
      await running;
      await n.close();
    },
  };
}
