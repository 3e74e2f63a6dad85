/**
 * Creating folders (MKCOL, always with the trailing slash a collection's URL has: nginx answers
 * 409 without it). Each folder is created at most once per pass: folders made or seen (in a
 * listing, or answered 405 "already there") are remembered until the next `check()` starts a
 * new pass, so a first mirror of N files in F folders sends at most F MKCOLs, not one per parent
 * of every upload. A folder removed behind our back between two passes is found again because
 * the cache does not outlive the pass.
 */
import { ArsipdError } from "../errors.js";
import type { DavHttp } from "./dav-http.js";

export class DavFolders {
  /** Folders (Remote paths, "" = the archive root) known to exist during this pass. */
  readonly #known = new Set<string>();
  /** MKCOLs in flight, so parallel uploads into one new folder share one request. */
  readonly #pending = new Map<string, Promise<void>>();

  constructor(readonly http: DavHttp) {}

  /** A new pass: what was true in the last one may not be any more. */
  reset(): void {
    this.#known.clear();
  }

  /** Notes folders a listing showed. */
  saw(path: string): void {
    this.#known.add(path);
  }

  /** Forgets a folder and everything below it (it was moved away). */
  forget(path: string): void {
    for (const k of this.#known) if (k === path || k.startsWith(`${path}/`)) this.#known.delete(k);
  }

  async mkdirp(path: string, signal?: AbortSignal): Promise<void> {
    const segs = path.split("/").filter(Boolean);
    // The root folder itself, then each level below it.
    const levels = ["", ...segs.map((_, i) => segs.slice(0, i + 1).join("/"))];
    for (const rel of levels) {
      if (rel === "" && this.http.root === "") continue;
      if (this.#known.has(rel)) continue;
      let p = this.#pending.get(rel);
      if (!p) {
        p = this.#mkcol(rel, signal).finally(() => this.#pending.delete(rel));
        this.#pending.set(rel, p);
      }
      await p;
    }
  }

  async #mkcol(rel: string, signal?: AbortSignal): Promise<void> {
    await this.http.call("MKCOL", rel, { signal, folder: true }, (err) => {
      // 405: something is there already. A file in the way shows up on the next step.
      if (err instanceof ArsipdError && err.code === "HTTP_405") return;
      throw err;
    });
    this.#known.add(rel);
  }
}
