import { existsSync } from "node:fs";
import type { ArchiveEngine, PassReport } from "../../daemon/engine.js";
import { acquireLock } from "../../daemon/lock.js";
import { ArsipdError } from "../../errors.js";
import { untilSettled } from "../../share/settle.js";
import { EXIT } from "../../util/exit-codes.js";
import type { Command } from "../command.js";
import { progressBar } from "../progress.js";
import { ensureLocalMirror, openRuntime } from "../runtime.js";

export const syncCommand: Command = {
  name: "sync",
  summary: "one full pass now (organize, mirror, register), then exit",
  usage: "sync [--dry-run] [--json] [--full] [--accept-deletes]",
  details:
    "Exit 0 when everything is mirrored, 1 when files failed or the pass was refused.\n" +
    "--dry-run prints what would be done and changes nothing (the mirror plan does not\n" +
    "include the organizer's planned moves, which are listed separately).\n" +
    "On OwnCloud only the remote folders whose ETag changed since the last pass are read;\n" +
    "--full reads every folder (after restoring the server from a backup, or to be sure).",
  examples: ["arsipd sync", "arsipd sync --dry-run", "arsipd sync --json", "arsipd sync --full"],
  options: {
    "dry-run": { type: "boolean", description: "print the plan, change nothing" },
    json: { type: "boolean", description: "print a JSON summary on stdout" },
    full: { type: "boolean", description: "read every remote folder, not only changed ones" },
    "accept-deletes": {
      type: "boolean",
      description: "go on although more than deletes.maxFraction of the archive vanished",
    },
  },
  async run({ values, configPath, stdout, stderr }) {
    const json = values.json === true;
    const dryRun = values["dry-run"] === true;
    // Human output goes to stdout; logs then go to the log file only, so they don't mix.
    const { loaded, log } = await openRuntime(configPath, { logFile: !dryRun, stdout: false });
    const { config } = loaded;
    if (!existsSync(config.share)) {
      throw new ArsipdError(
        "NO_SHARE",
        "fatal",
        `share ${config.share} does not exist; create it or fix 'share' in the config`,
      );
    }
    ensureLocalMirror(config);
    const release = acquireLock(config.stateDir, "sync");
    const { ArchiveEngine, deferredPaths, isClean, problemFiles, summarize } = await import(
      "../../daemon/engine.js"
    );
    const started = Date.now();
    const bar = json || dryRun ? undefined : progressBar();
    let engine: ArchiveEngine | undefined;
    try {
      engine = await ArchiveEngine.open(loaded, log, { oneShot: true });
      const first = await engine.run({
        full: true,
        deep: values.full === true,
        dryRun,
        acceptDeletes: values["accept-deletes"] === true,
        retryAuth: true,
        ...(bar ? { onProgress: (p) => bar.update(p) } : {}),
      });
      bar?.end();
      const passes = [first];
      if (!dryRun) {
        // Files still being written are waited for (a few windows at most), so that exit 0
        // means the remote really has everything; the register is rebuilt and mirrored too.
        for (let round = 0; round < 3; round++) {
          const waiting = deferredPaths(passes[passes.length - 1]!);
          if (waiting.length === 0) break;
          await new Promise((r) =>
            setTimeout(r, untilSettled(config.share, waiting, config.watch.stabilityMs)),
          );
          passes.push(await engine.run({ full: false, paths: waiting, retryAuth: true }));
        }
        if (config.index.enabled || config.feed.enabled) {
          const written = await engine.index();
          if (written.length > 0) passes.push(await engine.run({ full: false, retryAuth: true }));
        }
      }
      const result = passes[passes.length - 1]!;
      const total = addUp(passes.map((p) => summarize(p)));
      const summary = { ...total, durationMs: Date.now() - started };
      if (json) {
        stdout.write(
          `${JSON.stringify(dryRun ? { ...summary, dryRun, organize: result.organize, plan: result.mirror?.plan } : summary, null, 2)}\n`,
        );
      } else if (dryRun) {
        printPlan(stdout, result);
      } else {
        stdout.write(`${human(summary)}\n`);
      }
      // Files the organizer failed on or that could not be read are named (last reason wins).
      const problems = new Map(
        passes.flatMap((p) => problemFiles(p)).map((f) => [f.path, f.reason]),
      );
      for (const [p, why] of problems) stderr.write(`arsipd: ${p || "/"}: ${why}\n`);
      const clean = passes.every((p) => isClean(p)) && deferredPaths(result).length === 0;
      return clean ? EXIT.ok : EXIT.problems;
    } finally {
      await engine?.close();
      release();
    }
  },
};

/** Counts summed over the passes of one sync; `deferred` and `refused` as the last pass left them. */
function addUp(summaries: Record<string, number | string | undefined>[]) {
  const out: Record<string, number | string | undefined> = {};
  for (const s of summaries) {
    for (const [k, v] of Object.entries(s)) {
      if (typeof v === "number" && k !== "deferred") out[k] = ((out[k] as number) ?? 0) + v;
      else if (v !== undefined) out[k] = v;
    }
  }
  const last = summaries[summaries.length - 1] ?? {};
  out.deferred = last.deferred;
  out.refused = summaries.map((s) => s.refused).find((r) => r !== undefined);
  return out;
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

function printPlan(out: NodeJS.WritableStream, r: PassReport): void {
  const o = r.organize;
  const lines: string[] = [];
  for (const m of o.moves) lines.push(`file        ${m.from} -> ${m.to}`);
  for (const m of o.unquarantined) lines.push(`unquarantine ${m.from} -> ${m.to}`);
  for (const q of o.quarantined) lines.push(`quarantine  ${q.path}: ${q.message}`);
  for (const d of o.duplicates) lines.push(`duplicate   ${d.path} (same as ${d.existing})`);
  for (const c of o.conflicts) lines.push(`conflict    ${c.path} (differs from ${c.existing})`);
  for (const a of r.mirror?.plan ?? []) {
    if (a.kind === "upload") lines.push(`upload      ${a.rel} (${a.reason})`);
    else if (a.kind === "move") lines.push(`move        ${a.from} -> ${a.to}`);
    else if (a.kind === "trash") lines.push(`trash       ${a.rel} -> ${a.to}`);
    else if (a.kind === "conflict-keep")
      lines.push(`keep remote ${a.remotePath} as ${a.keepAs}, then upload ${a.rel}`);
    else if (a.kind === "mkdir") lines.push(`mkdir       ${a.path}`);
    else if (a.kind === "adopt") lines.push(`adopt       ${a.rel} (already on the remote)`);
    else if (a.kind === "skip") lines.push(`skip        ${a.rel}: ${a.reason}`);
  }
  if (r.mirror?.refused) lines.push(`REFUSED: ${r.mirror.refused}`);
  if (lines.length === 0) lines.push("nothing to do: the share and the remote are in order");
  out.write(`${lines.join("\n")}\n(dry run: nothing was changed)\n`);
}
