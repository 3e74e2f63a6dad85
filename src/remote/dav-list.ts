/**
 * Reading the server's folders: one PROPFIND (Depth 0 or 1) per call, parsed by propfind.ts, and
 * the Remote's list/listDir/stat built on it. What the answers show (checksums, ETags and their
 * strength, folders that exist) is handed to `seen` for the capabilities and the folder cache.
 */
import { ArsipdError } from "../errors.js";
import { type DavHttp, joinRel, parseXml } from "./dav-http.js";
import { safeUrl } from "./http-errors.js";
import { PROPFIND_BODY, parseMultistatus } from "./propfind.js";
import type { DirListing, RemoteEntry } from "./types.js";
import { walkTree } from "./walk.js";

export type ListingObserver = (entries: RemoteEntry[]) => void;

export class DavLister {
  constructor(
    readonly http: DavHttp,
    readonly seen: ListingObserver,
  ) {}

  async propfind(rel: string, depth: "0" | "1", signal?: AbortSignal): Promise<RemoteEntry[]> {
    const h = this.http;
    return h.retry(`PROPFIND ${rel}`, signal, async () => {
      const res = await h.once("PROPFIND", rel, {
        headers: { Depth: depth, "Content-Type": "application/xml; charset=utf-8" },
        data: PROPFIND_BODY,
        signal,
        // A folder's own URL with its slash: nginx and Apache answer a folder without it with
        // a redirect; for a file the slash-less URL is the only one that exists.
        folder: depth === "1",
      });
      if (res.status !== 207) {
        throw new ArsipdError(
          "REMOTE_NOT_DAV",
          "fatal",
          `PROPFIND ${safeUrl(h.url(rel))}: answered ${res.status}, not a WebDAV folder (check remote.url)`,
        );
      }
      const entries = parseMultistatus(await parseXml(await res.text()), h.pathname(rel)).map(
        (e) => ({ ...e, path: joinRel(rel, e.path) }),
      );
      this.seen(entries);
      return entries;
    });
  }

  async listDir(dir: string, signal?: AbortSignal): Promise<DirListing> {
    try {
      const entries = await this.propfind(dir, "1", signal);
      return {
        folder: entries.find((e) => e.path === dir) ?? null,
        children: entries.filter((e) => e.path !== dir),
      };
    } catch (err) {
      if (err instanceof ArsipdError && err.kind === "notFound")
        return { folder: null, children: [] };
      throw err;
    }
  }

  list(dir: string, concurrency: number, signal?: AbortSignal): Promise<RemoteEntry[]> {
    return walkTree(dir, concurrency, async (d) =>
      (await this.propfind(d, "1", signal)).filter((e) => e.path !== d),
    );
  }

  async stat(path: string, signal?: AbortSignal): Promise<RemoteEntry | null> {
    try {
      const entries = await this.propfind(path, "0", signal);
      return entries.find((e) => e.path === path) ?? entries[0] ?? null;
    } catch (err) {
      if (err instanceof ArsipdError && err.kind === "notFound") return null;
      throw err;
    }
  }
}
