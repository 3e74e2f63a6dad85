/**
 * The remote listing a full pass plans against, read with as few requests as the server allows.
 *
 * On a server whose folder ETags change whenever anything below them changes (OwnCloud, see
 * RemoteCapabilities.folderEtags), a folder whose ETag equals the one recorded in the journal
 * holds exactly what the journal says: its files are taken from the journal instead of being
 * listed again. A no-change pass then costs one request, not one PROPFIND per folder and an XML
 * document with every file of the archive.
 *
 * The rule that keeps this safe: a folder's ETag is recorded only from a listing (one server
 * answer: the folder and its children) that agrees with the journal about every file the journal
 * places below it, and whose sub-folders are known too. A recorded ETag therefore always stands
 * for a state the journal describes; any later change, ours or anyone's, gives the folder a new
 * ETag and it is listed again. Files the journal does not track (other people's) are not taken
 * from the journal: an upload to such a path is conditional (If-None-Match) and the conflict it
 * meets is resolved at upload time, as on any pass.
 *
 * Elsewhere (plain WebDAV, a local folder), or when asked for a `deep` listing, the whole tree
 * is listed as before.
 */
import type { DirListing, Remote, RemoteCapabilities, RemoteEntry } from "../remote/types.js";
import { walkTree } from "../remote/walk.js";
import type { Journal } from "../state/journal.js";
import { parentOf } from "./names.js";

export interface Discovery {
  entries: RemoteEntry[];
  /** Folders listed with a request, and folders whose content came from the journal. */
  listed: number;
  reused: number;
}

export interface DiscoverOptions {
  /** List everything, whatever the recorded ETags say (`sync --full`). */
  deep?: boolean;
  /** Record what was learnt in the journal (not on a dry run, which writes nothing). */
  record: boolean;
  concurrency: number;
  signal?: AbortSignal | undefined;
}

export async function discover(
  remote: Remote,
  caps: RemoteCapabilities,
  journal: Journal,
  opts: DiscoverOptions,
): Promise<Discovery> {
  if (!caps.folderEtags || opts.deep) {
    const entries = await remote.list("", opts.signal);
    return { entries, listed: entries.filter((e) => e.type === "dir").length + 1, reused: 0 };
  }
  const root = await remote.stat("", opts.signal);
  if (root?.type !== "dir") {
    if (opts.record) for (const [dir] of [...journal.folderEtags()]) journal.forgetFolderEtag(dir);
    return { entries: [], listed: 1, reused: 0 };
  }
  if (root.etag && journal.folderEtag("") === root.etag)
    return { entries: fromJournal(journal, new Set([""]), caps), listed: 0, reused: 1 };

  const listings = new Map<string, DirListing>();
  const reused = new Set<string>();
  const entries = await walkTree(
    "",
    opts.concurrency,
    async (dir) => {
      const l = await remote.listDir(dir, opts.signal);
      listings.set(dir, l);
      return l.children;
    },
    (c) => {
      if (!c.etag || journal.folderEtag(c.path) !== c.etag) return true;
      reused.add(c.path);
      return false;
    },
  );
  if (reused.size > 0) entries.push(...fromJournal(journal, reused, caps));

  // Record bottom-up: a folder counts as known once its own listing agrees with the journal
  // and every sub-folder is known (reused, or recorded just before it).
  const known = (c: RemoteEntry) => reused.has(c.path) || journal.folderEtag(c.path) === c.etag;
  if (!opts.record) return { entries, listed: listings.size, reused: reused.size };
  const deepestFirst = [...listings.keys()].sort((a, b) => depth(b) - depth(a));
  for (const dir of deepestFirst) observeFolder(journal, dir, listings.get(dir)!, known);
  // Folders that no longer exist: their records can never match again.
  const seen = new Set<string>(["", ...reused]);
  for (const e of entries) if (e.type === "dir") seen.add(e.path);
  for (const [dir] of [...journal.folderEtags()])
    if (!seen.has(dir) && !under(dir, reused)) journal.forgetFolderEtag(dir);
  return { entries, listed: listings.size, reused: reused.size };
}

/**
 * Records `dir`'s ETag from one listing of it when that listing agrees with the journal: every
 * file the journal places directly in `dir` is listed with the size and ETag the journal has,
 * and every sub-folder is `known`. Otherwise any older record is dropped. Also used after
 * uploads, where the folder is listed anyway to check their sizes.
 */
export function observeFolder(
  journal: Journal,
  dir: string,
  l: DirListing,
  known: (child: RemoteEntry) => boolean = (c) => journal.folderEtag(c.path) === c.etag,
): boolean {
  const etag = l.folder?.etag;
  const listed = new Map<string, RemoteEntry>();
  for (const c of l.children) listed.set(c.path, c);
  let agrees = etag !== undefined;
  for (const rel of agrees ? journal.filesInRemoteDir(dir) : []) {
    const e = journal.get(rel)!;
    const r = listed.get(e.remotePath);
    if (r?.type !== "file" || !e.etag || r.etag !== e.etag || r.size !== e.remoteSize) {
      agrees = false;
      break;
    }
  }
  if (agrees) for (const c of l.children) if (c.type === "dir" && !known(c)) agrees = false;
  if (agrees) journal.setFolderEtag(dir, etag!);
  else journal.forgetFolderEtag(dir);
  return agrees;
}

/**
 * After uploads into `dirs`: lists each of them, then the folders above them deepest first up to
 * the root, and records every one whose listing agrees with the journal (observeFolder). Their
 * ETags changed with the uploads; recorded again, the next full pass reads the root's ETag alone
 * instead of walking down to here. Only an optimisation: a listing that fails is skipped (the
 * next full pass lists that folder instead); stops when `signal` aborts.
 */
export async function recordFolders(
  remote: Remote,
  journal: Journal,
  dirs: Set<string>,
  signal?: AbortSignal,
): Promise<void> {
  const parents = new Set<string>();
  for (const dir of dirs)
    for (let p = dir; p !== ""; ) {
      p = parentOf(p);
      if (!dirs.has(p)) parents.add(p);
    }
  const deepestFirst = [...parents].sort((a, b) => depth(b) - depth(a));
  for (const dir of [...dirs, ...deepestFirst]) {
    if (signal?.aborted) return;
    try {
      observeFolder(journal, dir, await remote.listDir(dir, signal));
    } catch {
      // the next full pass lists it
    }
  }
}

/** The entries below the folders `dirs` as the journal knows them: its files and their folders. */
function fromJournal(journal: Journal, dirs: Set<string>, caps: RemoteCapabilities): RemoteEntry[] {
  const out: RemoteEntry[] = [];
  const folders = new Set<string>();
  const sha1 = caps.checksums.includes("sha1");
  for (const [, e] of journal.entries()) {
    if (!under(e.remotePath, dirs)) continue;
    out.push({
      path: e.remotePath,
      type: "file",
      size: e.remoteSize,
      mtimeMs: e.remoteMtimeMs,
      etag: e.etag,
      checksums: sha1 && e.sha1 ? { sha1: e.sha1 } : undefined,
    });
    for (let p = parentOf(e.remotePath); !dirs.has(p) && !folders.has(p); p = parentOf(p))
      folders.add(p);
  }
  for (const [p] of journal.folderEtags()) if (!dirs.has(p) && under(p, dirs)) folders.add(p);
  for (const p of folders) out.push({ path: p, type: "dir", size: 0 });
  return out;
}

function under(p: string, dirs: Set<string>): boolean {
  for (let d = parentOf(p); ; d = parentOf(d)) {
    if (dirs.has(d)) return true;
    if (d === "") return false;
  }
}

function depth(p: string): number {
  return p === "" ? 0 : p.split("/").length;
}
