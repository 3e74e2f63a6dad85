#!/usr/bin/env node
/**
 * `npm run bench`: arsipd against `rclone copy`, `owncloudcmd` and a raw-PUT ceiling on the same
 * OwnCloud-shaped SabreDAV test server (test/servers), with a fresh remote folder per tool and run.
 * Prints a table (median of --runs, peak RSS, ratios) and writes it as JSON to
 * bench/results/<date>-<mode>.json. Flags: see HELP below and bench/README.md.
 * Needs `node --import tsx` (the server harness is TypeScript); the npm script does that.
 */
import { spawnSync } from "node:child_process";
import { mkdir, mkdtemp, rename, rm, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import { generate, writeContent } from "./lib/archive.mjs";
import { largeBench, latencyBench } from "./lib/daemon.mjs";
import { hasGnuTime, killAll } from "./lib/proc.mjs";
import { machine, ratios, requestsTable, SCENARIOS, summarize, table } from "./lib/report.mjs";
import { makeTools, REPO } from "./lib/tools.mjs";
import { verifyMirror } from "./lib/verify.mjs";

const HELP = `Usage: npm run bench -- [flags]
  --files N          decree files (default 2000; --large: 100000)
  --runs N           runs per tool, median reported (default 3; --large: 1)
  --large            100,000 small files (2-16 KB): first mirror, no-change pass, daemon start-up scan/RSS, index, parse
  --small            500 small files (2-60 KB), no scans, no latency run; every tool talks to the
                     server through a counting proxy and requests per file are reported
  --scans N          extra 20 MB scans (default 5; --large: 0)
  --min-kb/--max-kb  decree size range, log-uniform (default 50..2048; --large: 2..16)
  --concurrency N    parallel transfers for every tool (default 4); rclone --checkers (--checkers, default 8)
  --tools LIST       comma list of arsipd,rclone,owncloudcmd,ceiling (default all; --large: arsipd,ceiling)
  --latency-files N  files dropped into the daemon's share for save-to-server latency (default 50; 0 = skip)
  --ocr-docs N       one-page decrees for the OCR figures (bench/ocr.mjs: pages/min, daemon latency with OCR on; default 4, --small/--large: 0)
  --seed N           archive seed (default 1)
  --cache DIR        keep the generated archive in DIR and reuse it next time (default: temp, deleted)
  --out DIR          results folder (default bench/results)
  --timeout-s N      per-pass timeout (default 1800)`;

const { values: f } = parseArgs({
  options: {
    files: { type: "string" },
    runs: { type: "string" },
    large: { type: "boolean", default: false },
    small: { type: "boolean", default: false },
    scans: { type: "string" },
    "min-kb": { type: "string" },
    "max-kb": { type: "string" },
    concurrency: { type: "string", default: "4" },
    checkers: { type: "string", default: "8" },
    tools: { type: "string" },
    "latency-files": { type: "string" },
    "ocr-docs": { type: "string" },
    seed: { type: "string", default: "1" },
    cache: { type: "string" },
    out: { type: "string", default: path.join(REPO, "bench", "results") },
    "timeout-s": { type: "string", default: "1800" },
    help: { type: "boolean", short: "h", default: false },
  },
});
if (f.help) {
  console.log(HELP);
  process.exit(0);
}
const large = f.large;
const small = f.small && !large;
const mode = large ? "large" : small ? "small" : "default";
const num = (v, d) => (v === undefined ? d : Number(v));
const opts = {
  files: num(f.files, large ? 100_000 : small ? 500 : 2000),
  minSize: num(f["min-kb"], large || small ? 2 : 50) * 1024,
  maxSize: num(f["max-kb"], large ? 16 : small ? 60 : 2048) * 1024,
  scans: num(f.scans, large || small ? 0 : 5),
  scanSize: 20 * 1000 * 1000,
  seed: num(f.seed, 1),
};
const runs = num(f.runs, large ? 1 : 3);
const concurrency = num(f.concurrency, 4);
// --large: peers only on request; 100,000 files take them about 10 min (owncloudcmd) to 1 h
// (rclone 1.60: its WebDAV pacer spaces calls >= 10 ms apart) on a 2-core machine.
const toolList = f.tools ?? (large ? "arsipd,ceiling" : "arsipd,rclone,owncloudcmd,ceiling");
const wanted = new Set(toolList.split(",").map((s) => s.trim()));
const log = (...a) => console.error(`[bench ${new Date().toISOString().slice(11, 19)}]`, ...a);

const work = await mkdtemp(path.join(os.tmpdir(), "arsipd-bench-"));
let server;
let proxy;
const cleanup = async () => {
  killAll();
  if (proxy) await proxy.close().catch(() => undefined);
  if (server) await server.stop().catch(() => undefined);
  await rm(work, { recursive: true, force: true });
};
// Ctrl-C / SIGTERM: kill the running tool's process group now; the main flow then stops at the
// next checkpoint and its `finally` stops the server and removes the work folder.
let stopping = false;
const checkpoint = () => {
  if (stopping) throw new Error("interrupted");
};
for (const sig of ["SIGINT", "SIGTERM"]) {
  process.on(sig, () => {
    log(`${sig}: stopping and cleaning up`);
    stopping = true;
    process.exitCode = 130;
    killAll();
  });
}

try {
  const archiveDir = f.cache
    ? path.resolve(f.cache, `archive-${mode}`)
    : path.join(work, "archive");
  await mkdir(archiveDir, { recursive: true });
  log(`archive: ${opts.files} files + ${opts.scans} scans (seed ${opts.seed}) in ${archiveDir}`);
  const t0 = performance.now();
  const { entries, cached } = await generate(archiveDir, opts, {
    onProgress: (d, n) => log(`  generated ${d}/${n}`),
  });
  const totalBytes = entries.reduce((s, e) => s + e.size, 0);
  log(
    `archive ${cached ? "reused" : "generated"}: ${entries.length} files, ${(totalBytes / 2 ** 20).toFixed(0)} MiB in ${((performance.now() - t0) / 1000).toFixed(1)} s`,
  );
  const relsFile = path.join(work, "rels.json");
  await writeFile(relsFile, JSON.stringify(entries.map((e) => e.rel)));

  const { startSabre } = await import("../test/servers/index.ts");
  server = await startSabre();
  log(`server: SabreDAV (php -S, PHP_CLI_SERVER_WORKERS=4) at ${server.baseUrl}`);
  // --small: every tool goes through the same counting proxy (the test suite's fault proxy with
  // no faults queued), so each pass's requests can be counted; it costs every tool alike.
  let served = server;
  if (small) {
    const { startFaultProxy } = await import("../test/servers/fault-proxy.ts");
    proxy = await startFaultProxy(server.url);
    const origin = new URL(proxy.url).origin;
    served = { ...server, url: proxy.url, baseUrl: origin };
    log(`counting proxy at ${origin}`);
  }
  const ctx = {
    server: served,
    concurrency,
    checkers: num(f.checkers, 8),
    relsFile,
    timeoutMs: num(f["timeout-s"], 1800) * 1000,
  };
  const all = makeTools(ctx);
  const tools = {};
  for (const t of all) {
    tools[t.name] = wanted.has(t.name)
      ? t.detect()
      : { ok: false, reason: "not selected (--tools)" };
    log(`${t.name}: ${tools[t.name].ok ? tools[t.name].version : tools[t.name].reason}`);
  }
  let arsipdWarm;
  const raw = Object.fromEntries(SCENARIOS.map(([k]) => [k, {}]));

  for (let r = 1; r <= runs; r++) {
    for (const tool of all.filter((t) => tools[t.name].ok)) {
      checkpoint();
      const runDir = path.join(work, `${tool.name}-${r}`);
      const run = {
        src: path.join(runDir, "share"),
        remoteFolder: `bench-${tool.name}-${r}`,
        stateDir: path.join(runDir, "state"),
        home: path.join(runDir, "home"),
      };
      await mkdir(runDir, { recursive: true });
      // A hard-link copy per tool: owncloudcmd writes its journal into the synced folder, and
      // the one-change edit replaces a file (new inode) without touching the pristine archive.
      const cp = spawnSync("cp", ["-al", archiveDir, run.src]);
      if (cp.status !== 0) throw new Error(`cp -al failed: ${cp.stderr}`);
      await tool.prepare(run);
      const remoteDir = path.join(server.root, run.remoteFolder);
      const record = async (kind, res, expect, vopts) => {
        const v = res.error
          ? { ok: false, problems: [res.error] }
          : await verifyMirror(remoteDir, run.src, expect, vopts);
        const entry = {
          ms: res.ms,
          peakKb: res.peakKb,
          code: res.code,
          valid: v.ok,
          problems: v.problems,
          summary: res.summary,
          ...(res.requests !== undefined ? { requests: res.requests } : {}),
        };
        if (!raw[kind][tool.name]) raw[kind][tool.name] = [];
        raw[kind][tool.name].push(entry);
        log(
          `  run ${r} ${tool.name} ${kind}: ${(res.ms / 1000).toFixed(2)} s, ${Math.round(res.peakKb / 1024)} MB${v.ok ? "" : ` INVALID: ${v.problems.slice(0, 3).join("; ")}`}${res.summary ? ` ${JSON.stringify(res.summary)}` : ""}`,
        );
      };
      const counted = async (kind) => {
        const before = proxy?.requests.length ?? 0;
        const res = await tool.pass(run, kind);
        return proxy ? { ...res, requests: proxy.requests.length - before } : res;
      };
      await record("first", await counted("first"), entries, { sample: 64 });
      checkpoint();
      await record("noChange", await counted("noChange"), entries, { sample: 8 });
      checkpoint();
      // One file changes: new content and size, fresh mtime, saved by rename like an editor does.
      const pick = entries[(r * 7919) % Math.max(1, entries.length - opts.scans)];
      const changed = { ...pick, size: pick.size + 1000 };
      const tmp = path.join(run.src, `${pick.rel}.bench-tmp`);
      // Saved a minute ago: outside arsipd's stability window (a file younger than that is
      // deferred as still being written), and a new mtime for every tool.
      await writeContent(
        tmp,
        opts.seed,
        pick.key,
        changed.size,
        Date.now() / 1000 - 60,
        r,
        pick.rel.endsWith(".pdf"),
      );
      await rename(tmp, path.join(run.src, pick.rel));
      run.changedRel = pick.rel;
      const after = entries.map((e) => (e.rel === pick.rel ? changed : e));
      await record("oneChange", await counted("oneChange"), after, {
        sample: 8,
        mustHash: [pick.rel],
      });
      if (large && tool.name === "arsipd" && r === runs) {
        arsipdWarm = { config: run.config, stateDir: run.stateDir, src: run.src }; // for the daemon start-up figure
        continue;
      }
      await rm(remoteDir, { recursive: true, force: true });
      await rm(runDir, { recursive: true, force: true });
    }
  }

  const result = {
    date: new Date().toISOString(),
    mode,
    machine: machine(),
    peakMemorySource: hasGnuTime
      ? "/usr/bin/time -f %M"
      : "/proc/<pid>/status VmHWM (sampled every 50 ms)",
    options: {
      ...opts,
      runs,
      concurrency,
      checkers: ctx.checkers,
      totalBytes,
      files: entries.length,
    },
    tools,
    scenarios: {},
    ratios: {},
  };
  for (const [k] of SCENARIOS) {
    result.scenarios[k] = Object.fromEntries(
      Object.entries(raw[k]).map(([n, rs]) => [n, summarize(rs)]),
    );
    result.ratios[k] = ratios(result.scenarios[k], tools);
  }
  checkpoint();
  const daemonCtx = {
    server,
    work,
    concurrency,
    opts,
    archiveDir,
    entries,
    log,
    tools,
    arsipdWarm,
  };
  result.latency = await latencyBench(daemonCtx, num(f["latency-files"], small ? 0 : 50));
  if (large) result.large = await largeBench(daemonCtx);
  result.ocr = await ocrBench(num(f["ocr-docs"], small || large ? 0 : 4));

  await mkdir(f.out, { recursive: true });
  const outFile = path.join(f.out, `${result.date.slice(0, 10)}-${mode}.json`);
  await writeFile(outFile, `${JSON.stringify(result, null, 2)}\n`);
  console.log(
    `\narsipd bench (${mode}): ${entries.length} files, ${(totalBytes / 2 ** 20).toFixed(0)} MiB, ${runs} run(s), concurrency ${concurrency}`,
  );
  console.log(
    `machine: ${result.machine.nproc} cores (${result.machine.cpu}), ${result.machine.memTotalGiB} GiB RAM, node ${result.machine.node}\n`,
  );
  console.log(table(result));
  if (small) console.log(`\n${requestsTable(result, entries.length)}`);
  for (const [n, t] of Object.entries(tools)) if (!t.ok) console.log(`${n}: ${t.reason}`);
  const lat = result.latency;
  console.log(
    `\nsave-to-server latency (daemon): ${lat.status}` +
      (lat.p50Ms === undefined
        ? ""
        : `, ${lat.files} files: p50 ${(lat.p50Ms / 1000).toFixed(2)} s, p95 ${(lat.p95Ms / 1000).toFixed(2)} s, max ${(lat.maxMs / 1000).toFixed(2)} s, ${lat.failed} missing`),
  );
  if (result.large) console.log(`large: ${JSON.stringify(result.large)}`);
  const o = result.ocr;
  console.log(
    o.status
      ? `\nOCR: ${o.status}`
      : `\nOCR (${o.docs} one-page decrees, ${o.cpus} cores): ${o.ocrPagesPerMinute} pages/min; ` +
          `daemon save-to-mirror: text-layer decree ${o.daemonTextDecreeAloneMs} ms alone, ` +
          `${o.daemonTextDecreeBesideScanMs} ms beside a scan in OCR (x${o.daemonTextBesideScanRatio}), ` +
          `image-only scan ${o.daemonImageOnlyScanMs} ms (window ${o.daemonStabilityMs} ms)`,
  );
  console.log(`\nwritten: ${path.relative(process.cwd(), outFile)}`);
} catch (err) {
  if (!stopping) throw err;
  log("interrupted: no results written");
} finally {
  await cleanup();
}

/** bench/ocr.mjs in its own process (it renders its documents with ghostscript). */
async function ocrBench(docs) {
  if (docs <= 0) return { status: "skipped (--ocr-docs 0)" };
  const { execFile } = await import("node:child_process");
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      ["--import", "tsx", path.join(REPO, "bench", "ocr.mjs"), "--docs", String(docs)],
      { cwd: REPO, timeout: 600_000, maxBuffer: 1 << 20 },
      (err, stdout, stderr) => {
        if (err) resolve({ status: `failed: ${(stderr || String(err)).split("\n")[0]}` });
        else resolve(JSON.parse(stdout));
      },
    );
  });
}
