/**
 * Wires public links into a register rebuild: from the config and the remote password to the
 * `publicLinks` function buildRegister calls with the files it wants to publish. Undefined when
 * `feed.publicLinks` is "none" or the remote is not an OwnCloud/Nextcloud WebDAV URL.
 */
import type { Config } from "../config/schema.js";
import type { Secret } from "../config/secret.js";
import type { Logger } from "../log/logger.js";
import { syncPublicLinks } from "./links.js";
import { OcsClient } from "./ocs.js";

export type PublicLinksFn = (wanted: string[]) => Promise<Map<string, string>>;

/** Cached links are re-checked on the server at most once a day. */
export const RECHECK_MS = 24 * 3600_000;

/** Server base and home prefix from a DAV URL: …/remote.php/dav/files/<user>/x or …/remote.php/webdav/x. */
export function ocsTarget(davUrl: string): { base: string; home: string } | undefined {
  let u: URL;
  try {
    u = new URL(davUrl);
  } catch {
    return undefined;
  }
  const m = /^(.*?)\/remote\.php\/(?:dav\/files\/[^/]+|webdav)(\/.*)?$/.exec(u.pathname);
  if (!m) return undefined;
  const home = decodeURIComponent((m[2] ?? "").replace(/\/+$/, ""));
  return { base: `${u.protocol}//${u.host}${m[1]}`, home };
}

export function makePublicLinks(
  config: Config,
  password: Secret | undefined,
  log: Logger,
  opts: { recheckMs?: number; now?: () => number } = {},
): PublicLinksFn | undefined {
  const mode = config.feed.publicLinks;
  if (mode === "none" || config.remote.type !== "webdav" || !config.remote.url) return undefined;
  const t = ocsTarget(config.remote.url);
  if (!t) {
    log.error(
      { url: "remote.url" },
      "feed.publicLinks needs an OwnCloud/Nextcloud remote.url (…/remote.php/dav/files/<user> or …/remote.php/webdav); no public links made",
    );
    return undefined;
  }
  const client = new OcsClient({
    base: t.base,
    version: mode === "ocs-v2" ? 2 : 1,
    username: config.remote.username,
    password,
    timeoutMs: config.remote.timeoutMs,
    retries: config.remote.retries,
  });
  const root = `/${config.remote.root.replace(/^\/+|\/+$/g, "")}`.replace(/^\/$/, "");
  return async (wanted) =>
    (
      await syncPublicLinks(
        {
          client,
          stateDir: config.stateDir,
          serverPath: (rel) => `${t.home}${root}/${rel}`,
          log: log.child({ module: "publish" }),
          now: (opts.now ?? Date.now)(),
          recheckMs: opts.recheckMs ?? RECHECK_MS,
          concurrency: config.remote.concurrency,
        },
        wanted,
      )
    ).urls;
}
