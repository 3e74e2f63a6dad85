/**
 * The daemon's background OCR: scans the organizer left in the share because they are not read
 * yet (deferred as "ocr") are read here, `ocr.workers` at a time, outside the work loop, so a
 * slow OCR never holds up the filing and mirroring of other files. When a scan is read, `done`
 * asks for a quick pass on it, which finds the reading in the OCR cache and files or
 * quarantines it at once.
 *
 * Filed decrees the content cache never read (filed by name while OCR was off or failed, or
 * from before this check) are read too, behind the scans waiting in the share; their readings
 * reach the register's Perlu Diperbaiki sheet with the next rebuild.
 *
 * Nothing here needs to survive a restart: the queue is derived from the share and the cache
 * (a scan still in the share without a cached reading is deferred again by the next pass, and
 * a full pass runs at start-up). `stop` aborts the running OCR (the tesseract child is killed)
 * and drops the rest.
 */
import type { Logger } from "../log/logger.js";

export interface OcrQueueOptions {
  workers: number;
  /** Reads one scan; true when a pass should look at it again (read, or given up on). */
  run(rel: string, signal: AbortSignal): Promise<boolean>;
  /** `filed`: the scan was already filed (a post-hoc check), not waiting in the share. */
  done(rel: string, filed: boolean): void;
  /** Called whenever the number of waiting or running scans changes. */
  onSize?(size: number): void;
  log: Logger;
}

export class OcrQueue {
  #pending: string[] = [];
  /** Queued scans that are filed already (checked after the fact). */
  readonly #filed = new Set<string>();
  /** Waiting or running. */
  readonly #queued = new Set<string>();
  #running = 0;
  #idle: (() => void)[] = [];
  readonly #stop = new AbortController();

  constructor(private readonly o: OcrQueueOptions) {}

  /** Scans waiting for OCR or being read now. */
  get size(): number {
    return this.#queued.size;
  }

  /**
   * Queues scans waiting in the share first, filed ones (`filed`, checked after the fact)
   * behind every waiting one: a clerk's new scan is never held up by the archive's backlog.
   */
  add(paths: readonly string[], filed = false): void {
    if (this.#stop.signal.aborted) return;
    for (const p of paths) {
      if (this.#queued.has(p)) continue;
      this.#queued.add(p);
      if (filed) {
        this.#filed.add(p);
        this.#pending.push(p);
      } else {
        const at = this.#pending.findIndex((q) => this.#filed.has(q));
        this.#pending.splice(at < 0 ? this.#pending.length : at, 0, p);
      }
    }
    this.o.onSize?.(this.size);
    this.#pump();
  }

  #pump(): void {
    while (this.#running < Math.max(1, this.o.workers) && this.#pending.length > 0) {
      const rel = this.#pending.shift()!;
      this.#running++;
      void this.#one(rel);
    }
  }

  async #one(rel: string): Promise<void> {
    const signal = this.#stop.signal;
    try {
      this.o.log.info({ path: rel }, "reading a scan (OCR) in the background");
      const again = await this.o.run(rel, signal);
      if (again && !signal.aborted) this.o.done(rel, this.#filed.has(rel));
    } catch (err) {
      if (!signal.aborted)
        this.o.log.warn({ path: rel, err: String(err) }, "background OCR failed");
    } finally {
      this.#running--;
      this.#queued.delete(rel);
      this.#filed.delete(rel);
      this.o.onSize?.(this.size);
      if (this.#running === 0) for (const r of this.#idle.splice(0)) r();
      if (!signal.aborted) this.#pump();
    }
  }

  /** Aborts the running OCR, drops what waits, and resolves when no OCR runs any more. */
  async stop(): Promise<void> {
    this.#stop.abort();
    for (const p of this.#pending.splice(0)) {
      this.#queued.delete(p);
      this.#filed.delete(p);
    }
    if (this.#running > 0) await new Promise<void>((r) => this.#idle.push(r));
  }
}
