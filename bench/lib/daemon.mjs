/**
 * Daemon figures: save-to-server latency (files dropped into a watched share until they are on
 * the server's disk, p50/p95) and, in --large mode, the start-up scan time and peak RSS of the
 * daemon over a warm journal, `arsipd index` build time and `arsipd parse` throughput. Each part
 * reports "missing" when the arsipd command it needs does not exist yet.
 */
import { spawnSync } from "node:child_process";
import { existsSync } from "node:fs";
import { mkdir, readFile, rm, stat, writeFile } from "node:fs/promises";
import path from "node:path";
import { writeContent } from "./archive.mjs";
import { runMeasured, startGroup, stopGroup, vmHwmKb } from "./proc.mjs";
import { percentile } from "./report.mjs";
import { arsipdCommands, arsipdEnv, arsipdYaml, CLI, REPO } from "./tools.mjs";

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

async function readStatus(stateDir) {
  try {
    return JSON.parse(await readFile(path.join(stateDir, "status.json"), "utf8"));
  } catch {
    return undefined;
  }
}

/** Waits (bounded) until the daemon's status.json shows a finished pass that started after `since`. */
async function waitForPass(stateDir, since, timeoutMs, daemon) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (daemon.child.exitCode !== null)
      throw new Error(`daemon exited: ${daemon.logs().slice(-400)}`);
    const s = await readStatus(stateDir);
    const fin = s?.lastPass?.finishedAt ? Date.parse(s.lastPass.finishedAt) : 0;
    if (fin >= since) return { status: s, at: Date.now() };
    await sleep(50);
  }
  throw new Error(`no finished pass within ${timeoutMs} ms`);
}

function startDaemon(ctx, config) {
  return startGroup(process.execPath, [CLI, "run", "--config", config], {
    env: arsipdEnv(ctx.server.password),
  });
}

export async function latencyBench(ctx, n) {
  if (n <= 0) return { status: "skipped (--latency-files 0)" };
  const cmds = arsipdCommands();
  if (!cmds.has("run")) return { status: "missing (not built yet: no `arsipd run` command)" };
  const dir = path.join(ctx.work, "latency");
  const share = path.join(dir, "share");
  const stateDir = path.join(dir, "state");
  const remoteFolder = "bench-latency";
  await mkdir(share, { recursive: true });
  await mkdir(stateDir, { recursive: true });
  const config = path.join(dir, "arsipd.yaml");
  const { server } = ctx;
  await writeFile(
    config,
    arsipdYaml({
      share,
      stateDir,
      url: server.url,
      username: server.username,
      root: `/${remoteFolder}`,
      concurrency: ctx.concurrency,
    }),
  );
  const started = Date.now();
  const daemon = startDaemon(ctx, config);
  try {
    await waitForPass(stateDir, started, 60_000, daemon);
    const lat = [];
    const failed = [];
    const pending = new Map();
    const size = 300 * 1024;
    // One file every 250 ms, like clerks saving scans; each is timed on its own.
    for (let i = 0; i < n; i++) {
      const rel = `KPT-KETUA/2025/KPT-KETUA_2025_${String(900 + i).padStart(3, "0")}_bench-latency-uji-simpan.pdf`;
      await writeContent(
        path.join(share, rel),
        ctx.opts.seed,
        1_000_000 + i,
        size,
        Date.now() / 1000,
        0,
        true,
      );
      pending.set(rel, performance.now());
      await sleep(250);
      await poll(pending, lat, server.root, remoteFolder, size);
    }
    const deadline = Date.now() + 60_000;
    while (pending.size > 0 && Date.now() < deadline) {
      await poll(pending, lat, server.root, remoteFolder, size);
      await sleep(20);
    }
    failed.push(...pending.keys());
    const peakKb = await vmHwmKb(daemon.child.pid);
    return {
      status: failed.length ? `done, ${failed.length} of ${n} never arrived within 60 s` : "done",
      files: n,
      p50Ms: percentile(lat, 50),
      p95Ms: percentile(lat, 95),
      maxMs: Math.max(...lat),
      failed: failed.length,
      daemonPeakKb: peakKb,
      note: "poll of the server's folder on disk every 20 ms; default watch.stabilityMs/debounceMs",
    };
  } catch (err) {
    return { status: `error: ${err.message}` };
  } finally {
    await stopGroup(daemon);
  }
}

async function poll(pending, lat, root, folder, size) {
  for (const [rel, t0] of pending) {
    const st = await stat(path.join(root, folder, rel)).catch(() => undefined);
    if (st && st.size === size) {
      lat.push(performance.now() - t0);
      pending.delete(rel);
    }
  }
}

/** --large: the daemon over the warm journal left by the last arsipd run (ctx.arsipdWarm). */
export async function largeBench(ctx) {
  const cmds = arsipdCommands();
  const out = {};
  const warm = ctx.arsipdWarm;
  if (!cmds.has("run"))
    out.startup = { status: "missing (not built yet: no `arsipd run` command)" };
  else if (!warm)
    out.startup = {
      status: "missing (no warm arsipd journal: arsipd sync missing or not selected)",
    };
  else {
    const since = Date.now();
    const daemon = startDaemon(ctx, warm.config);
    try {
      const t0 = performance.now();
      await waitForPass(warm.stateDir, since, 600_000, daemon);
      const ms = performance.now() - t0;
      const peakAtScan = await vmHwmKb(daemon.child.pid);
      await sleep(5000);
      out.startup = {
        status: "done",
        files: ctx.entries.length,
        scanMs: ms,
        peakKbAfterScan: peakAtScan,
        peakKbAfter5sIdle: await vmHwmKb(daemon.child.pid),
      };
    } catch (err) {
      out.startup = { status: `error: ${err.message}` };
    } finally {
      await stopGroup(daemon);
    }
  }
  if (!cmds.has("index")) out.index = { status: "missing (no `arsipd index` command)" };
  else out.index = await indexBench(ctx, warm);
  const parseScript = path.join(REPO, "bench", "parse.mjs");
  if (existsSync(parseScript)) {
    // bench/parse.mjs (from the convention work) parses 100,000 names and prints "... N names/s".
    const r = await runMeasured(process.execPath, [parseScript], {});
    const rate = /(\d+) names\/s/.exec(r.stdout);
    out.parse = {
      status: r.code === 0 ? "done" : `exit ${r.code}`,
      namesPerSecond: rate ? Number(rate[1]) : null,
      peakKb: r.peakKb,
      output: r.stdout.trim().slice(-300),
    };
  } else {
    out.parse = {
      status: cmds.has("parse")
        ? "missing (parse command exists; bench/parse.mjs not written yet)"
        : "missing (no bench/parse.mjs and no `arsipd parse`)",
    };
  }
  return out;
}

/**
 * `arsipd index` over the archive, twice: cold (no register cache) and again with nothing
 * changed. It runs on a hard-link copy of the archive (the register is written into the share),
 * or on the warm arsipd share when there is one.
 */
async function indexBench(ctx, warm) {
  const dir = path.join(ctx.work, "index");
  const share = warm?.src ?? path.join(dir, "share");
  const stateDir = warm ? `${warm.stateDir}-index` : path.join(dir, "state");
  await mkdir(dir, { recursive: true });
  await mkdir(stateDir, { recursive: true });
  if (!warm) {
    const cp = spawnSync("cp", ["-al", ctx.archiveDir, share]);
    if (cp.status !== 0) return { status: `cp -al failed: ${cp.stderr}` };
  }
  const { server } = ctx;
  const cfg = path.join(dir, "index.yaml");
  const yaml = arsipdYaml({
    share,
    stateDir,
    url: server.url,
    username: server.username,
    root: "/bench-index",
    concurrency: ctx.concurrency,
  });
  await writeFile(cfg, yaml.replace("index: { enabled: false }", "index: { enabled: true }"));
  const env = arsipdEnv(server.password);
  const out = { files: ctx.entries.length };
  for (const round of ["cold", "unchanged"]) {
    const r = await runMeasured(process.execPath, [CLI, "index", "--config", cfg], {
      env,
      timeoutMs: 3_600_000,
    });
    out[round] = {
      ok: r.code === 0,
      ms: r.ms,
      peakKb: r.peakKb,
      ...(r.code === 0 ? {} : { error: `exit ${r.code}: ${r.stderr.slice(-300)}` }),
    };
    ctx.log(
      `  index ${round}: ${(r.ms / 1000).toFixed(2)} s, ${Math.round(r.peakKb / 1024)} MB${r.code === 0 ? "" : ` exit ${r.code}`}`,
    );
  }
  out.status = out.cold.ok && out.unchanged.ok ? "done" : "error";
  if (!warm) await rm(dir, { recursive: true, force: true });
  return out;
}
