/** Builds the configured Remote. The only place that knows which implementations exist. */
import type { Config } from "../config/schema.js";
import type { Secret } from "../config/secret.js";
import type { Logger } from "../log/logger.js";
import { LocalRemote } from "./local.js";
import type { Remote } from "./types.js";

export async function createRemote(
  remote: Config["remote"],
  password: Secret | undefined,
  log: Logger,
): Promise<Remote> {
  if (remote.type === "local") return new LocalRemote(remote.path);
  // Loaded on demand: the WebDAV client is not needed for a local remote or for most commands.
  const { WebDavRemote } = await import("./webdav.js");
  return new WebDavRemote({
    url: remote.url ?? "",
    ...(remote.username !== undefined ? { username: remote.username } : {}),
    ...(password !== undefined ? { password } : {}),
    root: remote.root,
    concurrency: remote.concurrency,
    timeoutMs: remote.timeoutMs,
    retries: remote.retries,
    log: log.child({ module: "remote" }),
  });
}
