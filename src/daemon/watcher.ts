/**
 * The watcher narrows the next pass; it is never the truth (the full pass is). chokidar events
 * are gathered for at most `debounceMs` into one batch of dirty share-relative paths (files, or
 * a folder that appeared: the pass looks inside it). On a watcher
 * error, a full pass is asked for. Polling is one setting away for SMB/NFS mounts, which
 * deliver no inotify events.
 */
import type { Stats } from "node:fs";
import path from "node:path";
import { type FSWatcher, watch } from "chokidar";
import type { Logger } from "../log/logger.js";

export interface WatcherOptions {
  share: string;
  polling: boolean;
  pollIntervalMs: number;
  debounceMs: number;
  ignore: (name: string) => boolean;
  log: Logger;
  onBatch(paths: string[]): void;
  onError(err: unknown): void;
}

export class ShareWatcher {
  #watcher: FSWatcher | undefined;
  #pending = new Set<string>();
  #timer: NodeJS.Timeout | undefined;

  constructor(private readonly opts: WatcherOptions) {}

  async start(): Promise<void> {
    const { share, ignore } = this.opts;
    const polling = this.opts.polling;
    const w = watch(share, {
      ignoreInitial: true,
      followSymlinks: false,
      usePolling: polling,
      interval: this.opts.pollIntervalMs,
      binaryInterval: this.opts.pollIntervalMs,
      // With file-system events only folders are watched: one watch per folder reports what
      // happens to every file in it (the raw events below), where a watch per file cost
      // ~9 KB each — 900 MB for 100,000 files. Polling has no folder events for a file
      // written in place, so there every file is still watched.
      ignored: (p: string, stats?: Stats) =>
        p !== share && (ignore(path.basename(p)) || (!polling && stats?.isFile() === true)),
      alwaysStat: false,
    });
    for (const ev of ["add", "change", "unlink", "addDir", "unlinkDir"] as const) {
      w.on(ev, (p: string) => this.#dirty(p));
    }
    if (!polling) {
      w.on("raw", (_event, name: string | null, details) => {
        const dir = (details as { watchedPath?: string } | undefined)?.watchedPath;
        if (!dir) return;
        if (!name) this.#dirty(dir);
        else if (!ignore(path.basename(name))) this.#dirty(path.join(dir, name));
      });
    }
    w.on("error", (err) => {
      this.opts.log.warn({ err }, "watcher error; a full pass will run");
      this.opts.onError(err);
    });
    await new Promise<void>((resolve) => w.once("ready", () => resolve()));
    this.#watcher = w;
  }

  #dirty(abs: string): void {
    const rel = path.relative(this.opts.share, abs).split(path.sep).join("/").normalize("NFC");
    if (rel.startsWith("..")) return;
    this.#pending.add(rel);
    // The batch closes debounceMs after its FIRST event, not its last: files dropped one after
    // another (a scanner, a folder copied over SMB) would otherwise keep postponing the batch
    // until the whole stream stops.
    this.#timer ??= setTimeout(() => this.#flush(), this.opts.debounceMs);
  }

  #flush(): void {
    this.#timer = undefined;
    if (this.#pending.size === 0) return;
    const batch = [...this.#pending];
    this.#pending.clear();
    this.opts.onBatch(batch);
  }

  async close(): Promise<void> {
    if (this.#timer) clearTimeout(this.#timer);
    await this.#watcher?.close();
    this.#watcher = undefined;
  }
}
