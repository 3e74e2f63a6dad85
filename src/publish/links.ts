/**
 * Public download links for the decrees the JDIHN feed publishes, kept in step with the feed.
 * For every wanted file (the main PDF of a published decree, share-relative path):
 *  - a cached link (state folder, public-links.json) younger than `recheckMs` is used as is;
 *    an older one is re-checked on the server (still there, still share_type 3, no password);
 *  - otherwise an existing share_type 3 link without password or expiry is reused, or a new
 *    read-only one is created (no password: a harvester cannot type one);
 *  - a file not on the server yet gets no link this time (the next rebuild after the mirror will).
 * Every cached link whose file is no longer wanted (revoked, withdrawn, renamed, gone) is deleted
 * on the server: arsipd removes only links it recorded, never ones staff made by hand.
 * When the server's policy forces a password or an expiry date, nothing is created, one line says
 * so, and those decrees get no link (the feed leaves them out rather than publish a dead URL).
 * Returns share path → urlDownload (`<share url>/download`).
 */
import { readFile } from "node:fs/promises";
import path from "node:path";
import { ArsipdError, describeError } from "../errors.js";
import type { Logger } from "../log/logger.js";
import { writeFileAtomic } from "../util/atomic-write.js";
import { mapLimit } from "../util/limit.js";
import { LinkPolicyError, type OcsClient, type OcsShare } from "./ocs.js";

export const LINKS_FILE = "public-links.json";

interface CachedLink {
  id: string;
  token: string;
  url: string;
  /** The server path the link was made for. */
  path: string;
  checkedAt: number;
}

export interface PublishContext {
  client: OcsClient;
  stateDir: string;
  /** Share-relative path → the server path relative to the user's home. */
  serverPath: (rel: string) => string;
  log: Logger;
  now: number;
  recheckMs: number;
  concurrency: number;
}

export interface PublishOutcome {
  urls: Map<string, string>;
  created: number;
  removed: number;
  /** The policy message when the server refused links without password/expiry. */
  policy: string | undefined;
  failed: number;
}

const usable = (s: OcsShare) => s.shareType === 3 && !s.hasPassword && s.expiration === null;

export async function syncPublicLinks(
  ctx: PublishContext,
  wanted: string[],
): Promise<PublishOutcome> {
  const file = path.join(ctx.stateDir, LINKS_FILE);
  const cache = await loadCache(file);
  const before = JSON.stringify(cache);
  const want = new Set(wanted);
  const out: PublishOutcome = {
    urls: new Map(),
    created: 0,
    removed: 0,
    policy: undefined,
    failed: 0,
  };

  for (const [rel, link] of Object.entries(cache)) {
    if (want.has(rel)) continue;
    try {
      await ctx.client.remove(link.id);
      delete cache[rel];
      out.removed++;
    } catch (err) {
      out.failed++;
      ctx.log.warn(
        { path: rel, code: code(err) },
        `cannot remove the public link: ${describeError(err)}`,
      );
    }
  }

  await mapLimit(wanted, ctx.concurrency, async (rel) => {
    const target = ctx.serverPath(rel);
    try {
      const link = await ensure(ctx, cache[rel], target, out);
      if (!link) {
        delete cache[rel];
        return;
      }
      cache[rel] = link;
      out.urls.set(rel, `${link.url.replace(/\/+$/, "")}/download`);
    } catch (err) {
      if (err instanceof LinkPolicyError) {
        out.policy ??= err.message;
        return;
      }
      out.failed++;
      ctx.log.warn({ path: rel, code: code(err) }, `no public link: ${describeError(err)}`);
    }
  });

  if (out.policy !== undefined) {
    const left = wanted.length - out.urls.size;
    ctx.log.error(
      { decrees: left },
      `the server requires a password or an expiry date on public links (${out.policy}); ${left} decree(s) left out of the JDIHN feed: ask the OwnCloud admin to allow public links without password and expiry for this user, or set feed.publicLinks to "none"`,
    );
  }
  if (JSON.stringify(cache) !== before) await writeFileAtomic(file, `${JSON.stringify(cache)}\n`);
  return out;
}

/** The link to use for one file, or undefined when the file is not on the server. */
async function ensure(
  ctx: PublishContext,
  cached: CachedLink | undefined,
  target: string,
  out: PublishOutcome,
): Promise<CachedLink | undefined> {
  if (cached && cached.path === target) {
    if (ctx.now - cached.checkedAt < ctx.recheckMs) return cached;
    const s = await ctx.client.get(cached.id);
    if (s && usable(s) && s.token === cached.token && s.path === target)
      return { ...cached, url: s.url, checkedAt: ctx.now };
  }
  const shares = await ctx.client.sharesOf(target);
  if (shares === null) return undefined;
  const found = shares.find(usable) ?? (await ctx.client.createLink(target));
  if (!shares.includes(found)) out.created++;
  if (!found.token || !found.url)
    throw new ArsipdError(
      "OCS_BAD_ANSWER",
      "fatal",
      `the server gave a link without token or url for ${target}`,
    );
  return { id: found.id, token: found.token, url: found.url, path: target, checkedAt: ctx.now };
}

async function loadCache(file: string): Promise<Record<string, CachedLink>> {
  try {
    const v = JSON.parse(await readFile(file, "utf8"));
    return v && typeof v === "object" && !Array.isArray(v) ? v : {};
  } catch {
    // Missing or torn: links are found again on the server (list before create), none is lost.
    return {};
  }
}

const code = (err: unknown) => (err instanceof ArsipdError ? err.code : undefined);
