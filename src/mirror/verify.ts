/**
 * Compares the remote listing with the journal: every mirrored file must be on the remote with
 * the size (and, where the server reports one, the checksum) we recorded; files of ours on the
 * remote the journal does not know are "extra". The trash folder, hidden/scratch names and
 * konflik copies are not reported as extra (they are kept on purpose).
 */
import type { Config } from "../config/schema.js";
import type { Remote } from "../remote/types.js";
import type { JournalView } from "./plan.js";

export interface RemoteDifference {
  path: string;
  problem: "missing" | "size" | "checksum" | "extra";
  detail: string;
}

export async function verifyRemote(ctx: {
  config: Config;
  remote: Remote;
  journal: JournalView;
  signal?: AbortSignal;
}): Promise<{ differences: RemoteDifference[]; checked: number }> {
  const trash = ctx.config.deletes.trashDir;
  const listing = await ctx.remote.list("", ctx.signal);
  const byPath = new Map(listing.filter((e) => e.type === "file").map((e) => [e.path, e]));
  const known = new Set<string>();
  const differences: RemoteDifference[] = [];
  for (const [rel, e] of ctx.journal.entries()) {
    known.add(e.remotePath);
    const r = byPath.get(e.remotePath);
    if (!r)
      differences.push({
        path: rel,
        problem: "missing",
        detail: `not on the remote at ${e.remotePath}`,
      });
    else if (r.size !== e.remoteSize)
      differences.push({
        path: rel,
        problem: "size",
        detail: `remote ${r.size} bytes, journal ${e.remoteSize}`,
      });
    else if (r.checksums?.sha256 && r.checksums.sha256 !== e.sha256)
      differences.push({
        path: rel,
        problem: "checksum",
        detail: `remote SHA-256 ${r.checksums.sha256}, ours ${e.sha256}`,
      });
    else if (r.checksums?.sha1 && e.sha1 && r.checksums.sha1 !== e.sha1)
      differences.push({
        path: rel,
        problem: "checksum",
        detail: `remote SHA-1 ${r.checksums.sha1}, ours ${e.sha1}`,
      });
  }
  for (const p of byPath.keys()) {
    if (known.has(p) || p === trash || p.startsWith(`${trash}/`)) continue;
    if (p.split("/").some((s) => s.startsWith(".")) || p.includes(" (konflik ")) continue;
    differences.push({ path: p, problem: "extra", detail: "on the remote but not in the journal" });
  }
  differences.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  return { differences, checked: ctx.journal.size };
}
