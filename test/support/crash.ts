/**
 * Kill-halfway tests without hooks in arsipd: a child node runs a script with crash-at.mjs
 * preloaded, which SIGKILLs it right after its Nth file-system change. `stepsOf` runs the script
 * once unkilled and lists its changes, so a test can kill after every one of them.
 */
import { type SpawnSyncReturns, spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { REPO } from "../helpers/cli.js";

const HOOK = path.join(REPO, "test/support/crash-at.mjs");

export interface Step {
  n: number;
  call: string;
  path: string;
}

/** Runs `script` (an ES module's source) in a child node; kills it after change `after` (0: never). */
export function runWithCrashHook(
  script: string,
  after: number,
  logFile?: string,
): SpawnSyncReturns<string> {
  return spawnSync(process.execPath, ["--import", HOOK, "--input-type=module", "-e", script], {
    cwd: REPO,
    env: {
      ...process.env,
      ARSIPD_CRASH_AFTER: String(after),
      ...(logFile ? { ARSIPD_CRASH_LOG: logFile } : {}),
    },
    encoding: "utf8",
  });
}

/** The changes `script` makes when it is not killed; fails unless it exits 0. */
export function stepsOf(script: string): Step[] {
  const dir = mkdtempSync(path.join(os.tmpdir(), "arsipd-steps-"));
  try {
    const log = path.join(dir, "steps.log");
    const r = runWithCrashHook(script, 0, log);
    if (r.status !== 0) throw new Error(`the unkilled run failed: ${r.stderr}`);
    return readFileSync(log, "utf8")
      .split("\n")
      .filter(Boolean)
      .map((l) => {
        const [n, call, p] = l.split("\t");
        return { n: Number(n), call: call!, path: p! };
      });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** "step 3 of 12 (rename …/x.pdf)": names a step in a failed assertion. */
export function stepName(steps: Step[], n: number): string {
  const s = steps[n - 1];
  return `step ${n} of ${steps.length} (${s?.call} ${s ? path.basename(s.path) : "?"})`;
}
