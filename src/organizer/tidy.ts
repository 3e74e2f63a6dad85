/**
 * Keeping the share's folders as clerks expect them, after the organizer has moved files:
 * - `removeEmptied`: a folder the pass emptied (a staff folder inside MASUK, a case variant such
 *   as `kpt-ketua/2024` whose files went to `KPT-KETUA/2024`) is removed, and so is each parent
 *   it leaves empty. Only `rmdir`, which fails on a folder that holds anything (a file saved
 *   meanwhile, a hidden file, a link): nothing but an empty folder is ever removed. Never the
 *   share root, an inbox (`convention.inboxDirs`), the quarantine, or a jenis folder.
 *   A folder that was empty before the pass is not this pass's business: it stays.
 * - `ensureInboxes`: the inbox folders the docs tell staff to use exist. Called only after a
 *   full pass that trusted the share (not refused as empty-looking): an unmounted mount point
 *   gets no folder, so nothing is created there for the server either.
 */
import { readdir, rmdir } from "node:fs/promises";
import path from "node:path";
import type { Config } from "../config/schema.js";
import type { Logger } from "../log/logger.js";
import { parentOf } from "../util/rel-path.js";
import { ensureDirInside, errCode } from "./fs-guard.js";
import type { OrganizeReport } from "./types.js";

/** Share-relative folders whose files this pass moved away. */
export function emptiedCandidates(r: OrganizeReport): string[] {
  const from = [
    ...r.moves.map((m) => m.from),
    ...r.unquarantined.map((m) => m.from),
    ...r.quarantined.map((q) => q.path),
    ...r.duplicates.map((d) => d.path),
    ...r.conflicts.map((c) => c.path),
  ];
  return [...new Set(from.map(parentOf).filter((d) => d !== ""))];
}

/**
 * Whether `dir` is never removed: the share root, an inbox, the quarantine (any letter case: a
 * clerk's `masuk` is the inbox too) or a jenis folder as the convention spells it (its case
 * variants, such as `kpt-ketua`, are what this clean-up exists to remove).
 */
function isProtected(dir: string, config: Config): boolean {
  const c = config.convention;
  const trim = (d: string) => d.replace(/^\/+|\/+$/g, "");
  const anyCase = ["", ...c.inboxDirs, c.quarantineDir].map((d) => trim(d).toLowerCase());
  return anyCase.includes(dir.toLowerCase()) || c.jenis.some((j) => j.code === dir);
}

/** Removes the emptied folders of `dirs` and the parents they leave empty; returns those removed. */
export async function removeEmptied(
  share: string,
  dirs: string[],
  config: Config,
  log: Logger,
): Promise<string[]> {
  const removed: string[] = [];
  // Deepest first, so a parent is tried after its children.
  const todo = [...dirs].sort((a, b) => b.split("/").length - a.split("/").length);
  const tried = new Set<string>();
  for (const start of todo) {
    for (let d = start; !isProtected(d, config) && !tried.has(d); d = parentOf(d)) {
      tried.add(d);
      try {
        await rmdir(path.join(share, ...d.split("/")));
      } catch (err) {
        // ENOTEMPTY/EEXIST: it holds something; ENOENT: gone; ENOTDIR: a link. All: leave it.
        const code = errCode(err);
        if (
          !["ENOTEMPTY", "EEXIST", "ENOENT", "ENOTDIR", "EBUSY", "EACCES", "EPERM"].includes(code)
        )
          log.warn({ path: d, err: String(err) }, "could not remove an emptied folder");
        break;
      }
      removed.push(d);
      log.info({ path: d }, "removed a folder the organizer emptied");
    }
  }
  return removed;
}

/** Creates the inbox folders that do not exist yet, in any letter case; returns those created. */
export async function ensureInboxes(share: string, config: Config, log: Logger): Promise<string[]> {
  const top = new Set(
    (await readdir(share).catch(() => [] as string[])).map((n) => n.normalize("NFC").toLowerCase()),
  );
  const made: string[] = [];
  for (const inbox of config.convention.inboxDirs) {
    const rel = inbox.replace(/^\/+|\/+$/g, "");
    if (rel === "" || top.has(rel.split("/")[0]!.toLowerCase())) continue;
    try {
      await ensureDirInside(share, rel);
      made.push(rel);
      log.info({ path: rel }, "created the inbox folder staff save new decrees into");
    } catch (err) {
      log.warn({ path: rel, err: String(err) }, `inbox folder not created (${errCode(err)})`);
    }
  }
  return made;
}
