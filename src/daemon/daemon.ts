/**
 * `arsipd run`: wires the watcher, the cron jobs and the engine to the one work loop, keeps
 * status.json current, and handles signals:
 * - SIGTERM/SIGINT: stop taking work, abort in-flight transfers (the engine finishes or drops
 *   them safely), flush the journal, exit 0 — well within systemd's 15 s stop timeout;
 * - SIGHUP: reload the config; an invalid new config is logged and the running one kept.
 * `arsipd sync`/`arsipd index` reach it over the control socket (control.ts); their work is
 * a request job in the same loop, so it never runs beside a pass.
 */

import type { LoadedConfig } from "../config/load.js";
import { checkPaths } from "../config/paths.js";
import { ArsipdError, ConfigError, describeError } from "../errors.js";
import type { Logger } from "../log/logger.js";
import { logFileFailure } from "../log/rolling-file.js";
import type { BuildResult } from "../register/build.js";
import { makeIgnore } from "../share/ignore.js";
import { settleGroups } from "../share/settle.js";
import { EXIT } from "../util/exit-codes.js";
import { type ControlReply, type ControlRequest, startControl } from "./control.js";
import { OcrQueue } from "./ocr-queue.js";
import { type RequestResult, requestJob, runRequest } from "./requests.js";
import { startSchedules } from "./scheduler.js";
import { type DaemonStatus, type PassRecord, writeStatus } from "./status-file.js";
import type { SyncOptions, SyncOutcome } from "./sync-once.js";
import { ShareWatcher } from "./watcher.js";
import { type Job, WorkLoop } from "./work-loop.js";

export interface PassResult {
  ok: boolean;
  /** Something was filed, quarantined or mirrored: the register is due for a rebuild. */
  changed: boolean;
  /** Paths left alone because they were still being written: look again after the window. */
  deferred: string[];
  /**
   * Where files were filed by this pass (canonical paths): watched a while longer by timed
   * quick passes, since a writer may still hold the file open under its old name.
   */
  filed?: string[];
  /** Scans left in the share for the background OCR queue (then a quick pass files them). */
  ocr?: string[];
  summary: Record<string, number | string | undefined>;
}

/** What the daemon drives. Built from the config; rebuilt on reload. */
export interface Engine {
  /** Remote description without credentials. */
  readonly remoteDescription: string;
  /** Organize, mirror and (when due) re-index. Throws when the remote is unusable. */
  pass(
    kind: "full" | "quick",
    paths: string[],
    signal: AbortSignal,
    reason: string,
  ): Promise<PassResult>;
  /** Rebuilds the register and feed (when enabled); returns the files it rewrote. */
  index(signal: AbortSignal): Promise<string[]>;
  /** `arsipd index`: rebuilds the register and feed now, enabled or not. */
  register(): Promise<BuildResult>;
  /** `arsipd sync`: the one-shot command's whole sequence (sync-once.ts). */
  sync(opts: SyncOptions): Promise<SyncOutcome>;
  /** Reads one scan for the background OCR queue (ocr-queue.ts); absent: no background OCR. */
  ocrOne?(rel: string, signal: AbortSignal): Promise<boolean>;
  /** Filed decrees the last register build found never read: checked in the background. */
  unreadFiled?(): string[];
  /** The daily summary line's fields; resets the day's counters. */
  summary(): Record<string, number>;
  close(): Promise<void>;
}

export interface DaemonDeps {
  log: Logger;
  load(): LoadedConfig;
  makeEngine(loaded: LoadedConfig, log: Logger): Promise<Engine>;
  /** Stop grace for in-flight work (ms). */
  graceMs?: number;
}

interface Instance {
  loaded: LoadedConfig;
  engine: Engine;
  loop: WorkLoop;
  watcher: ShareWatcher;
  ocr: OcrQueue;
  stopSchedules: () => void;
}

/** A reason on one log line (a config error lists one problem per line). */
function oneLine(err: unknown): string {
  return describeError(err).replace(/\s*\n\s*/g, "; ");
}

export async function runDaemon(first: LoadedConfig, deps: DaemonDeps): Promise<number> {
  const log = deps.log.child({ module: "daemon" });
  const startedAt = new Date().toISOString();
  let status: DaemonStatus = {
    pid: process.pid,
    state: "idle",
    startedAt,
    updatedAt: startedAt,
    remote: { description: "", reachable: null, message: "not checked yet" },
  };
  let writing = Promise.resolve();
  const saveStatus = (patch: Partial<DaemonStatus>) => {
    status = {
      ...status,
      ...patch,
      logFile: logFileFailure(),
      updatedAt: new Date().toISOString(),
    };
    const snapshot = status;
    writing = writing
      .then(() => writeStatus(stateDir(), snapshot))
      .catch((err) => log.warn({ err }, "could not write status.json"));
  };

  // The state folder of the running config (a reload may move it).
  let activeStateDir = first.config.stateDir;
  const stateDir = () => activeStateDir;

  let ready = false;
  // The read-only web page (src/web), restarted with the config on reload.
  let web: { close(): Promise<void> } | undefined;
  // E-mail notifications (src/notify), likewise.
  let notifier: { stop(): Promise<void> } | undefined;
  async function start(loaded: LoadedConfig): Promise<Instance> {
    const { config } = loaded;
    web = await (await import("../web/index.js")).startWebIfEnabled(config, deps.log);
    notifier = (await import("../notify/index.js")).startNotifier(config, deps.log);
    activeStateDir = config.stateDir;
    const engine = await deps.makeEngine(loaded, deps.log);
    const ocr = new OcrQueue({
      workers: config.ocr.workers,
      run: (rel, signal) => engine.ocrOne?.(rel, signal) ?? Promise.resolve(false),
      // A scan in the inbox is filed by a quick pass; a filed one's reading reaches the
      // register's Perlu Diperbaiki sheet with the next rebuild.
      done: (rel, filed) =>
        filed
          ? loop.later(
              { kind: "index", reason: "OCR of filed decrees" },
              config.index.debounceMs,
              "index",
            )
          : loop.enqueue({ kind: "quick", paths: [rel], reason: "OCR done" }),
      onSize: (n) => saveStatus({ ocrWaiting: n }),
      log: deps.log.child({ module: "ocr" }),
    });
    const loop: WorkLoop = new WorkLoop({
      run: (job, signal) => runJob(engine, loop, ocr, job, signal),
      onState(state, detail) {
        // Busy/idle flips are routine (debug); an outage and its end are what admins read.
        if (state === "error")
          log.error({ detail }, `work stopped: ${detail}; retrying with back-off`);
        else if (status.state === "error" && state === "idle")
          log.info("working again after the error");
        else log.debug({ state }, `state: ${state}`);
        if (state === "idle" && !ready) {
          ready = true;
          log.info("first pass done; watching for changes");
        }
        saveStatus({ state, detail });
      },
    });
    const watcher = new ShareWatcher({
      share: config.share,
      polling: config.watch.polling,
      pollIntervalMs: config.watch.pollIntervalMs,
      debounceMs: config.watch.debounceMs,
      ignore: makeIgnore(config.convention.ignore),
      log: deps.log.child({ module: "watcher" }),
      onBatch: (paths) => loop.enqueue({ kind: "quick", paths, reason: "watcher" }),
      onError: () => loop.enqueue({ kind: "full", reason: "watcher error" }),
    });
    await watcher.start();
    log.info(
      { share: config.share, polling: config.watch.polling },
      `watching ${config.share} (${config.watch.polling ? `polling every ${config.watch.pollIntervalMs} ms` : "file system events"})`,
    );
    const stopSchedules = startSchedules([
      {
        name: "full-pass",
        key: "schedule.fullPass",
        expression: config.schedule.fullPass,
        fire: () => loop.enqueue({ kind: "full", reason: "schedule" }),
      },
      {
        name: "index",
        key: "schedule.index",
        expression: config.schedule.index,
        fire: () => loop.enqueue({ kind: "index", reason: "schedule" }),
      },
      {
        name: "summary",
        key: "schedule.summary",
        expression: config.schedule.summary,
        fire: () => loop.enqueue({ kind: "summary", reason: "schedule" }),
      },
    ]);
    loop.enqueue({ kind: "full", reason: "start-up" });
    return { loaded, engine, loop, watcher, ocr, stopSchedules };
  }

  async function runJob(
    engine: Engine,
    loop: WorkLoop,
    ocr: OcrQueue,
    job: Job,
    signal: AbortSignal,
  ): Promise<unknown> {
    if (job.kind === "request") {
      return runRequest(engine, job, signal, {
        log,
        saveStatus,
        again: () => loop.enqueue({ kind: "full", reason: "after arsipd sync" }),
      });
    }
    if (job.kind === "index") {
      // A register that cannot be built says nothing about the server: logged, the loop goes on.
      try {
        const written = await engine.index(signal);
        if (written.length > 0) log.info({ files: written }, "register rebuilt");
        ocr.add(engine.unreadFiled?.() ?? [], true);
      } catch (err) {
        log.error({ err }, `register not rebuilt: ${describeError(err)}`);
      }
      return;
    }
    if (job.kind === "summary") {
      log.info({ summary: engine.summary() }, "daily summary");
      return;
    }
    const began = new Date().toISOString();
    const record = (ok: boolean, summary: PassRecord["summary"], error?: string): PassRecord => ({
      kind: job.kind as "full" | "quick",
      startedAt: began,
      finishedAt: new Date().toISOString(),
      ok,
      summary,
      error,
    });
    try {
      const r = await engine.pass(
        job.kind,
        job.kind === "quick" ? job.paths : [],
        signal,
        job.reason,
      );
      // After a pass that left files unsent the register is rebuilt too: a file changed since
      // its last upload must read `menunggu`/`gagal` there, not the `tersinkron` of before.
      if (r.changed || !r.ok || job.reason === "start-up") indexSoon(loop);
      if (r.deferred.length > 0) lookAgain(loop, r.deferred);
      if (r.filed && r.filed.length > 0) recheckFiled(loop, r.filed);
      if (r.ocr && r.ocr.length > 0) ocr.add(r.ocr);
      saveStatus({
        lastPass: record(r.ok, r.summary),
        remote: { description: engine.remoteDescription, reachable: true, message: "reachable" },
        ...(r.ok ? { lastSuccessAt: new Date().toISOString() } : {}),
      });
    } catch (err) {
      indexSoon(loop); // likewise when the server is lost (the loop rebuilds while it backs off)
      const msg = describeError(err);
      saveStatus({
        lastPass: record(false, {}, msg),
        remote: { description: engine.remoteDescription, reachable: false, message: msg },
      });
      throw err;
    }
  }

  // The register is rebuilt a while after the last change, not after every file: a keyed
  // timer of the loop, so each change pushes the rebuild back.
  function indexSoon(loop: WorkLoop): void {
    const ms = current.loaded.config.index.debounceMs;
    loop.later({ kind: "index", reason: "changes" }, ms, "index");
  }

  // Files still being written are looked at again once the stability window has passed:
  // no watcher event may come for them (the last write already fired it).
  function lookAgain(loop: WorkLoop, paths: string[]): void {
    const { share, watch } = current.loaded.config;
    for (const [ms, group] of settleGroups(share, paths, watch.stabilityMs)) {
      loop.later({ kind: "quick", paths: group, reason: "stability window passed" }, ms);
    }
  }

  // A file just filed may still be open in the program that saved it (Word keeps its document
  // open; on Linux and Samba the handle follows the file to its new name): later writes land
  // under the canonical name, and the watch on a folder arsipd just created may not be in place
  // yet to report them. So a filed file is looked at again by quick passes at growing
  // intervals of the stability window (1, 2, 4, 8 and 16 windows): a late write reaches the
  // server within about two windows, without waiting for the next full pass. An unchanged file
  // costs a stat in such a pass.
  function recheckFiled(loop: WorkLoop, paths: string[]): void {
    const { stabilityMs } = current.loaded.config.watch;
    for (const k of [1, 2, 4, 8, 16]) {
      loop.later(
        { kind: "quick", paths, reason: "recently filed" },
        k * Math.max(stabilityMs, 250),
      );
    }
  }

  /** A request from the control socket, answered with what the one-shot command prints. */
  async function answer(req: ControlRequest): Promise<ControlReply> {
    if (req.op === "status") return { ok: true, code: 0, result: status };
    await reloading; // a reload in progress finishes first: ask the new instance
    const job = requestJob(req);
    log.info({ request: req }, `${job.reason}: requested over the control socket`);
    try {
      const r = await current.loop.request<RequestResult>(job);
      return { ok: true, code: r.code, result: r.result };
    } catch (err) {
      const code = err instanceof ArsipdError && err.kind === "auth" ? EXIT.auth : EXIT.failure;
      return { ok: false, code, message: describeError(err) };
    }
  }

  async function stopInstance(inst: Instance): Promise<void> {
    inst.stopSchedules();
    await web?.close();
    web = undefined;
    await notifier?.stop();
    notifier = undefined;
    await inst.watcher.close();
    await inst.ocr.stop();
    await inst.loop.stop(deps.graceMs ?? 8_000);
    await inst.engine.close();
  }

  // SIGHUP reloads, one after the other; requests wait for the one in progress.
  let reloading = Promise.resolve();
  // The socket stays in the first state folder, next to the lock this process holds.
  const stopControl = await startControl(
    first.config.stateDir,
    (req) => answer(req),
    (err) => log.error({ err }, `control socket: ${describeError(err)}`),
  );
  let current: Instance = await start(first);
  if (status.remote.description === "") {
    saveStatus({ remote: { ...status.remote, description: current.engine.remoteDescription } });
  }

  return new Promise<number>((resolve) => {
    let stopping = false;
    const stop = (signal: string) => {
      if (stopping) return;
      stopping = true;
      log.info({ signal }, `${signal} received: finishing in-flight work and stopping`);
      void reloading
        // The loop first: requests still queued are answered ("stopping"), then the socket goes.
        .then(() => stopInstance(current))
        .then(() => stopControl())
        .then(() => {
          saveStatus({ state: "stopping", detail: "stopped" });
          return writing;
        })
        .then(
          () => {
            log.info("stopped");
            resolve(0);
          },
          (err) => {
            log.error({ err }, "error while stopping");
            resolve(1);
          },
        );
    };
    const reload = () => {
      if (stopping) return;
      const keep = (err: unknown) =>
        log.error({ err }, `config reload failed, keeping the running config: ${oneLine(err)}`);
      reloading = reloading.then(async () => {
        // Everything that can be checked without the state folder's lock (which the running
        // instance holds) is checked before it is stopped: schema, cron, paths.
        let next: LoadedConfig;
        try {
          next = deps.load();
          const problems = checkPaths(next.config, { shareMayBeMissing: true });
          if (problems.length > 0) throw new ConfigError(problems);
        } catch (err) {
          keep(err);
          return;
        }
        log.info({ source: next.source }, "SIGHUP: reloading the config");
        const old = current;
        await stopInstance(old);
        try {
          current = await start(next);
          deps.log.level = next.config.log.level;
        } catch (err) {
          // The new instance could not start (remote, journal): the old one comes back.
          keep(err);
          current = await start(old.loaded);
          return;
        }
        saveStatus({
          remote: {
            description: current.engine.remoteDescription,
            reachable: null,
            message: "reloaded",
          },
        });
      });
    };
    process.on("SIGTERM", () => stop("SIGTERM"));
    process.on("SIGINT", () => stop("SIGINT"));
    process.on("SIGHUP", () => {
      reload();
      // A reload that fails even to restore the old instance is logged, never unhandled.
      reloading = reloading.catch((err) => log.error({ err }, `reload: ${oneLine(err)}`));
    });
  });
}
