/**
 * Runs a measured child process: wall time from spawn to exit, and peak resident memory from
 * `/usr/bin/time -f %M` (Debian package `time`) when present, else from /proc/<pid>/status VmHWM
 * sampled while it runs. Every child runs in its own process group and is killed as a group on
 * timeout or when the bench is interrupted, so no tool outlives the bench.
 */
import { spawn } from "node:child_process";
import { existsSync } from "node:fs";
import { readFile, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";

export const GNU_TIME = "/usr/bin/time";
export const hasGnuTime = existsSync(GNU_TIME);

const live = new Set();

/** Kills every process group this module started (used on exit and on Ctrl-C). */
export function killAll() {
  for (const pid of live) {
    try {
      process.kill(-pid, "SIGKILL");
    } catch {}
  }
  live.clear();
}

/** VmHWM (peak RSS) of a live process in KiB, or 0 when it is gone. */
export async function vmHwmKb(pid) {
  try {
    const s = await readFile(`/proc/${pid}/status`, "utf8");
    const m = /VmHWM:\s+(\d+)\s+kB/.exec(s);
    return m ? Number(m[1]) : 0;
  } catch {
    return 0;
  }
}

/**
 * Spawns `cmd args` and waits for it.
 * @returns {Promise<{ms:number, peakKb:number, code:number|null, signal:string|null, stdout:string, stderr:string, timedOut:boolean}>}
 */
export async function runMeasured(cmd, args, { env = process.env, cwd, timeoutMs = 600_000 } = {}) {
  const timeFile = path.join(
    os.tmpdir(),
    `arsipd-bench-time-${process.pid}-${Math.random().toString(36).slice(2)}`,
  );
  const [file, argv] = hasGnuTime
    ? [GNU_TIME, ["-f", "%M", "-o", timeFile, cmd, ...args]]
    : [cmd, args];
  const t0 = performance.now();
  const child = spawn(file, argv, { env, cwd, detached: true, stdio: ["ignore", "pipe", "pipe"] });
  live.add(child.pid);
  let stdout = "";
  let stderr = "";
  child.stdout.on("data", (d) => {
    stdout = (stdout + d).slice(-1_000_000);
  });
  child.stderr.on("data", (d) => {
    stderr = (stderr + d).slice(-200_000);
  });
  let sampled = 0;
  const sampler = hasGnuTime
    ? undefined
    : setInterval(async () => {
        sampled = Math.max(sampled, await vmHwmKb(child.pid));
      }, 50);
  let timedOut = false;
  const timer = setTimeout(() => {
    timedOut = true;
    try {
      process.kill(-child.pid, "SIGKILL");
    } catch {}
  }, timeoutMs);
  const { code, signal } = await new Promise((resolve, reject) => {
    child.on("error", reject);
    child.on("close", (c, s) => resolve({ code: c, signal: s }));
  });
  const ms = performance.now() - t0;
  clearTimeout(timer);
  if (sampler) clearInterval(sampler);
  live.delete(child.pid);
  try {
    process.kill(-child.pid, "SIGKILL"); // stragglers of the group, if any
  } catch {}
  let peakKb = sampled;
  if (hasGnuTime) {
    const t = await readFile(timeFile, "utf8").catch(() => "");
    // GNU time prints "Command exited with non-zero status N" before the figure on failure.
    const last = t.trim().split("\n").pop() ?? "";
    peakKb = /^\d+$/.test(last) ? Number(last) : 0;
    await rm(timeFile, { force: true });
  }
  return { ms, peakKb, code, signal, stdout, stderr, timedOut };
}

/** Starts a long-running child in its own process group; the caller stops it with stopGroup. */
export function startGroup(cmd, args, { env = process.env, cwd } = {}) {
  const child = spawn(cmd, args, { env, cwd, detached: true, stdio: ["ignore", "pipe", "pipe"] });
  live.add(child.pid);
  let out = "";
  const keep = (d) => {
    out = (out + d).slice(-50_000);
  };
  child.stdout.on("data", keep);
  child.stderr.on("data", keep);
  const exited = new Promise((resolve) =>
    child.on("close", (code, signal) => resolve({ code, signal })),
  );
  return { child, exited, logs: () => out };
}

/** SIGTERM to the group, SIGKILL after `graceMs`. */
export async function stopGroup(g, graceMs = 5000) {
  const pid = g.child.pid;
  if (g.child.exitCode === null && g.child.signalCode === null) {
    try {
      process.kill(-pid, "SIGTERM");
    } catch {}
    const t = setTimeout(() => {
      try {
        process.kill(-pid, "SIGKILL");
      } catch {}
    }, graceMs);
    await g.exited;
    clearTimeout(t);
  }
  try {
    process.kill(-pid, "SIGKILL");
  } catch {}
  live.delete(pid);
}
