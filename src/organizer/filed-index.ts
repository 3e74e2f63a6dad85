/**
 * Which documents are filed in a folder, for the applier (apply.ts): a document already filed
 * under another subject must be found before a second copy is filed beside it. A folder is read
 * once per pass (a quick pass's plan saw only the paths it was given) and kept up to date with
 * the pass's own moves.
 */
import { lstat, readdir } from "node:fs/promises";
import type { ConventionConfig } from "../config/schema.js";
import { documentAt } from "../convention/identity.js";
import { parentOf } from "../util/rel-path.js";

export class FiledIndex {
  /** Folder → documentKey → the first file (by name) at its canonical path there. */
  private readonly byDir = new Map<string, Map<string, string>>();

  constructor(
    private readonly rules: ConventionConfig,
    private readonly now: Date,
    private readonly absOf: (rel: string) => string,
  ) {}

  /** The document (documentKey) a canonical path holds; null if `rel` is not one. */
  documentOf(rel: string): string | null {
    return documentAt(rel, this.rules, this.now);
  }

  /**
   * The file that already holds the document whose canonical path is `to`: `to` itself, or a
   * file of its folder filed under another subject (convention/identity.ts). Null when none.
   */
  async holder(to: string, key: string | null): Promise<string | null> {
    if (await lstat(this.absOf(to)).catch(() => null)) return to;
    if (key === null) return null;
    return (await this.filedIn(parentOf(to))).get(key) ?? null;
  }

  /** This pass filed document `key` at `rel`. */
  add(rel: string, key: string): void {
    this.byDir.get(parentOf(rel))?.set(key, rel);
  }

  /** `rel` is gone from its folder (found missing where it was expected). */
  forget(rel: string): void {
    const docs = this.byDir.get(parentOf(rel));
    if (!docs) return;
    for (const [key, at] of docs) if (at === rel) docs.delete(key);
  }

  private async filedIn(dir: string): Promise<Map<string, string>> {
    let docs = this.byDir.get(dir);
    if (docs) return docs;
    docs = new Map();
    const names = await readdir(this.absOf(dir)).catch(() => [] as string[]);
    for (const name of names.sort()) {
      const rel = `${dir}/${name}`;
      const key = this.documentOf(rel);
      if (key !== null && !docs.has(key)) docs.set(key, rel);
    }
    this.byDir.set(dir, docs);
    return docs;
  }
}
