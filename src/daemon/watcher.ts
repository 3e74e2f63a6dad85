/**
 * The watcher narrows the next pass; it is never the truth (the full pass is). chokidar events
 * are gathered for at most `debounceMs` into one batch of dirty share-relative paths. On a watcher
 * error, a full pass is asked for. Polling is one setting away for SMB/NFS mounts, which
 * deliver no inotify events.
 */
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
    const w = watch(share, {
      ignoreInitial: true,
      followSymlinks: false,
      usePolling: this.opts.polling,
      interval: this.opts.pollIntervalMs,
      binaryInterval: this.opts.pollIntervalMs,
      ignored: (p: string) => p !== share && ignore(path.basename(p)),
      alwaysStat: false,
    });
    for (const ev of ["add", "change", "unlink", "addDir", "unlinkDir"] as const) {
      w.on(ev, (p: string) => this.#dirty(p));
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
