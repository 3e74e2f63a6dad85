/**
 * `arsipd verify`: asks the server, not the journal alone. One listing of the remote is compared
 * with the journal AND the share:
 * - every journaled file must be on the remote with the size (and, where the server reports one,
 *   the checksum) we recorded: else "missing", "size", "checksum";
 * - every share file must be mirrored: a file the journal does not know and the remote does not
 *   hold with its size is "unmirrored"; one changed since its upload is "changed";
 * - files on the remote that are neither journaled nor in the share are "extra"; konflik copies
 *   (kept by arsipd when the remote copy differed) are "konflik": someone must look at them;
 * - with `deep`, every mirrored file is read back and hashed: "content" (a checksum the server
 *   keeps in its own database says nothing about bytes changed behind its back).
 * The trash folder, hidden names (scratch files, a server's own files) are never reported.
 */

import path from "node:path";
import type { Config } from "../config/schema.js";
import type { Remote, RemoteEntry } from "../remote/types.js";
import { makeIgnore } from "../share/ignore.js";
import { scanShare } from "../share/scan.js";
import { hashStream } from "../util/hash.js";
import { isMirrorPath } from "./names.js";
import type { JournalView } from "./plan.js";

export interface RemoteDifference {
  path: string;
  problem:
    | "missing"
    | "size"
    | "checksum"
    | "content"
    | "extra"
    | "konflik"
    | "unmirrored"
    | "changed";
  detail: string;
}

export interface VerifyContext {
  config: Config;
  remote: Remote;
  journal: JournalView;
  /** Read back and hash every file the server has no checksum for (`verify --deep`). */
  deep?: boolean;
  /** Compare with the share too (default true). */
  share?: boolean;
  signal?: AbortSignal;
}

export const isKonflik = (p: string) => p.includes(" (konflik ");

export async function verifyRemote(
  ctx: VerifyContext,
): Promise<{ differences: RemoteDifference[]; checked: number }> {
  const trash = ctx.config.deletes.trashDir;
  const listing = await ctx.remote.list("", ctx.signal);
  const byPath = new Map(listing.filter((e) => e.type === "file").map((e) => [e.path, e]));
  const known = new Set<string>();
  const differences: RemoteDifference[] = [];
  const add = (path: string, problem: RemoteDifference["problem"], detail: string) =>
    differences.push({ path, problem, detail });
  const readBack: [string, string, RemoteEntry][] = [];
  for (const [rel, e] of ctx.journal.entries()) {
    known.add(e.remotePath);
    const r = byPath.get(e.remotePath);
    if (!r) add(rel, "missing", `not on the remote at ${e.remotePath}`);
    else if (r.size !== e.remoteSize)
      add(rel, "size", `remote ${r.size} bytes, journal ${e.remoteSize}`);
    else if (r.checksums?.sha256 && r.checksums.sha256 !== e.sha256)
      add(rel, "checksum", `remote SHA-256 ${r.checksums.sha256}, ours ${e.sha256}`);
    else if (r.checksums?.sha1 && e.sha1 && r.checksums.sha1 !== e.sha1)
      add(rel, "checksum", `remote SHA-1 ${r.checksums.sha1}, ours ${e.sha1}`);
    else if (ctx.deep) readBack.push([rel, e.sha256, r]);
  }
  for (const [rel, sha256, r] of readBack) {
    const got = await hashStream(await ctx.remote.read(r.path, ctx.signal));
    if (got.sha256 !== sha256)
      add(rel, "content", `remote SHA-256 ${got.sha256} (read back), ours ${sha256}`);
  }

  const inShare = new Set<string>();
  if (ctx.share !== false) {
    const scan = await scanShare(path.resolve(ctx.config.share), {
      ignore: makeIgnore(ctx.config.convention.ignore),
      skipDirs: [trash],
    });
    for (const f of scan.files) {
      inShare.add(f.rel);
      const e = ctx.journal.get(f.rel);
      if (!e) {
        const r = byPath.get(f.rel);
        if (r?.size !== f.size)
          add(f.rel, "unmirrored", "in the share, not mirrored to the remote");
      } else if (e.size !== f.size || e.mtimeMs !== f.mtimeMs)
        add(f.rel, "changed", "changed in the share since it was mirrored");
    }
  }

  for (const p of byPath.keys()) {
    if (known.has(p) || !isMirrorPath(p, trash)) continue;
    if (isKonflik(p))
      add(p, "konflik", "a konflik copy kept by arsipd: compare it with the file, then remove it");
    else if (!inShare.has(p))
      add(p, "extra", "on the remote but neither mirrored nor in the share");
  }
  differences.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  return { differences, checked: ctx.journal.size };
}
