#!/usr/bin/env node
/**
 * Summarises a V8 CPU profile (from `node --cpu-prof`) by self time: the top functions with
 * their file and line, and the top files. For finding what dominates an arsipd pass:
 *   node --cpu-prof --cpu-prof-dir /tmp/prof dist/cli/main.js sync --json --config run.yaml
 *   node bench/profile.mjs /tmp/prof/*.cpuprofile [--top 20]
 */
import { readFile } from "node:fs/promises";
import path from "node:path";
import { parseArgs } from "node:util";

const { positionals, values } = parseArgs({
  allowPositionals: true,
  options: { top: { type: "string", default: "20" } },
});
if (positionals.length === 0) {
  console.error("usage: node bench/profile.mjs FILE.cpuprofile [--top N]");
  process.exit(64);
}
const top = Number(values.top);
for (const file of positionals) {
  const prof = JSON.parse(await readFile(file, "utf8"));
  const byId = new Map(prof.nodes.map((n) => [n.id, n]));
  const self = new Map();
  for (let i = 0; i < prof.samples.length; i++) {
    const id = prof.samples[i];
    self.set(id, (self.get(id) ?? 0) + (prof.timeDeltas[i] ?? 0));
  }
  const total = [...self.values()].reduce((a, b) => a + b, 0);
  const fnTime = new Map();
  const fileTime = new Map();
  for (const [id, us] of self) {
    const cf = byId.get(id).callFrame;
    const where = cf.url ? `${cf.url.replace(/^file:\/\//, "")}:${cf.lineNumber + 1}` : "(native)";
    const fn = `${cf.functionName || "(anonymous)"}  ${where}`;
    fnTime.set(fn, (fnTime.get(fn) ?? 0) + us);
    const f = cf.url ? cf.url.replace(/^file:\/\//, "") : `(${cf.functionName || "native"})`;
    fileTime.set(f, (fileTime.get(f) ?? 0) + us);
  }
  const show = (m) =>
    [...m.entries()]
      .sort((a, b) => b[1] - a[1])
      .slice(0, top)
      .map(
        ([k, us]) =>
          `${((100 * us) / total).toFixed(1).padStart(5)}%  ${(us / 1000).toFixed(0).padStart(7)} ms  ${k}`,
      )
      .join("\n");
  console.log(
    `${path.basename(file)}: ${(total / 1000).toFixed(0)} ms sampled\n\nby function (self time):\n${show(fnTime)}\n\nby file:\n${show(fileTime)}\n`,
  );
}
