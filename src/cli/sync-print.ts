/**
 * How `arsipd sync` shows its outcome, whether it ran the pass itself or the daemon ran it
 * (the same outcome object either way, so both print alike).
 */
import type { SyncOutcome } from "../daemon/sync-once.js";

export function printSyncOutcome(
  o: SyncOutcome,
  out: NodeJS.WritableStream,
  opts: { json: boolean; err: NodeJS.WritableStream },
): void {
  if (opts.json) {
    const body = o.dryRun
      ? { ...o.summary, dryRun: true, organize: o.plan?.organize, plan: o.plan?.mirror.plan }
      : { ...o.summary, ...(o.unmirrored ? { unmirrored: o.unmirrored } : {}) };
    out.write(`${JSON.stringify(body, null, 2)}\n`);
  } else if (o.dryRun) {
    printPlan(out, o);
  } else {
    out.write(`${human(o.summary)}\n`);
  }
  // Files the organizer failed on (could not file or quarantine), with why: also under --json.
  const errors = o.errors ?? [];
  if (!o.dryRun && errors.length > 0) {
    opts.err.write(`arsipd: ${errors.length} file(s) could not be filed:\n`);
    for (const e of errors)
      opts.err.write(`  ${e.path}: ${e.message}${e.code ? ` (${e.code})` : ""}\n`);
  }
  // Every file that should be on the server and is not, with why: also under --json.
  const unmirrored = o.unmirrored ?? [];
  if (!o.dryRun && unmirrored.length > 0) {
    opts.err.write(`arsipd: ${unmirrored.length} file(s) are not on the server:\n`);
    for (const u of unmirrored) opts.err.write(`  ${u.path}: ${u.reason}\n`);
  }
}

function human(s: Record<string, unknown>): string {
  const parts = [
    "filed",
    "quarantined",
    "uploaded",
    "moved",
    "trashed",
    "adopted",
    "skipped",
    "failed",
  ]
    .map((k) => `${k} ${s[k] ?? 0}`)
    .join(", ");
  const refused = s.refused ? `\nrefused: ${s.refused}` : "";
  return `sync done in ${((s.durationMs as number) / 1000).toFixed(1)} s: ${parts}${refused}`;
}

function printPlan(out: NodeJS.WritableStream, r: SyncOutcome): void {
  const lines: string[] = [];
  const o = r.plan?.organize;
  if (o) {
    for (const m of o.moves) lines.push(`file        ${m.from} -> ${m.to}`);
    for (const m of o.unquarantined) lines.push(`unquarantine ${m.from} -> ${m.to}`);
    for (const q of o.quarantined) lines.push(`quarantine  ${q.path}: ${q.message}`);
    for (const d of o.duplicates) lines.push(`duplicate   ${d.path} (same as ${d.existing})`);
    for (const c of o.conflicts) lines.push(`conflict    ${c.path} (differs from ${c.existing})`);
  }
  for (const a of r.plan?.mirror.plan ?? []) {
    if (a.kind === "upload") lines.push(`upload      ${a.rel} (${a.reason})`);
    else if (a.kind === "move") lines.push(`move        ${a.from} -> ${a.to}`);
    else if (a.kind === "trash") lines.push(`trash       ${a.rel} -> ${a.to}`);
    else if (a.kind === "conflict-keep")
      lines.push(`keep remote ${a.remotePath} as ${a.keepAs}, then upload ${a.rel}`);
    else if (a.kind === "mkdir") lines.push(`mkdir       ${a.path}`);
    else if (a.kind === "adopt") lines.push(`adopt       ${a.rel} (already on the remote)`);
    else if (a.kind === "skip") lines.push(`skip        ${a.rel}: ${a.reason}`);
  }
  if (r.plan?.mirror.refused) lines.push(`REFUSED: ${r.plan.mirror.refused}`);
  if (lines.length === 0) lines.push("nothing to do: the share and the remote are in order");
  out.write(`${lines.join("\n")}\n(dry run: nothing was changed)\n`);
}
