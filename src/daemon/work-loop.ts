/**
 * The one loop that owns the daemon's work (Syncthing's folder loop). Watcher batches, cron
 * jobs, start-up and manual requests are only messages to it; it runs one job at a time, so the
 * share, the journal and the remote are never touched by two passes at once.
 *
 * Coalescing: while a job runs, new requests merge: a pending full pass absorbs every quick
 * pass; quick passes merge their dirty paths; an index request is kept once.
 * Failure: a failing pass moves the loop to `error`; it retries with doubling back-off
 * (capped) and goes back to `idle` on the first success. State changes are reported once,
 * not once per retry, so a lost server does not flood the log.
 */

export type LoopState = "idle" | "scanning" | "syncing" | "error" | "stopping";

export type Job =
  | { kind: "full"; reason: string }
  | { kind: "quick"; paths: string[]; reason: string }
  | { kind: "index"; reason: string }
  | { kind: "summary"; reason: string };

export interface LoopHandlers {
  /** Runs one job. Throwing puts the loop in `error` and schedules a retry of a full pass. */
  run(job: Job, signal: AbortSignal): Promise<void>;
  onState(state: LoopState, detail?: string): void;
}

export interface LoopOptions {
  /** First retry delay after a failed pass. */
  backoffMinMs?: number;
  backoffMaxMs?: number;
}

export class WorkLoop {
  #state: LoopState = "idle";
  #full: Job | undefined;
  #quick = new Set<string>();
  #quickReason = "";
  #index: Job | undefined;
  #summary: Job | undefined;
  #running: Promise<void> | undefined;
  #abort = new AbortController();
  #retryTimer: NodeJS.Timeout | undefined;
  #backoff: number;
  readonly #min: number;
  readonly #max: number;
  #stopped = false;

  constructor(
    private readonly handlers: LoopHandlers,
    opts: LoopOptions = {},
  ) {
    this.#min = opts.backoffMinMs ?? 5_000;
    this.#max = opts.backoffMaxMs ?? 5 * 60_000;
    this.#backoff = this.#min;
  }

  get state(): LoopState {
    return this.#state;
  }

  enqueue(job: Job): void {
    if (this.#stopped) return;
    if (job.kind === "full") this.#full = job;
    else if (job.kind === "quick") {
      for (const p of job.paths) this.#quick.add(p);
      this.#quickReason = job.reason;
    } else if (job.kind === "index") this.#index = job;
    else this.#summary = job;
    // While in error, work waits for the back-off timer instead of hammering a dead server.
    if (this.#state !== "error") this.#kick();
  }

  /** Resolves when nothing is queued or running (for tests and `sync`). */
  async idle(): Promise<void> {
    while (this.#running || (this.#hasWork() && this.#state !== "error")) {
      await (this.#running ?? new Promise((r) => setImmediate(r)));
    }
  }

  /**
   * Stops taking work, aborts the running job (its transfers see the signal) and waits for it
   * to return, at most `graceMs`.
   */
  async stop(graceMs: number): Promise<void> {
    this.#stopped = true;
    if (this.#retryTimer) clearTimeout(this.#retryTimer);
    this.#setState("stopping");
    this.#abort.abort();
    if (this.#running) {
      await Promise.race([this.#running, new Promise((r) => setTimeout(r, graceMs).unref())]);
    }
  }

  #hasWork(): boolean {
    return !!(this.#full || this.#quick.size > 0 || this.#index || this.#summary);
  }

  #next(): Job | undefined {
    if (this.#full) {
      const j = this.#full;
      this.#full = undefined;
      this.#quick.clear();
      return j;
    }
    if (this.#quick.size > 0) {
      const j: Job = { kind: "quick", paths: [...this.#quick], reason: this.#quickReason };
      this.#quick.clear();
      return j;
    }
    if (this.#index) {
      const j = this.#index;
      this.#index = undefined;
      return j;
    }
    const j = this.#summary;
    this.#summary = undefined;
    return j;
  }

  #kick(): void {
    if (this.#running || this.#stopped) return;
    const job = this.#next();
    if (!job) return;
    this.#running = this.#runOne(job).finally(() => {
      this.#running = undefined;
      if (this.#state !== "error") this.#kick();
    });
  }

  async #runOne(job: Job): Promise<void> {
    const isPass = job.kind === "full" || job.kind === "quick";
    // While recovering from an error the state stays `error` until a pass succeeds, so a
    // server that stays down is reported once, not once per retry.
    if (isPass && this.#state !== "error") this.#setState("syncing");
    try {
      await this.handlers.run(job, this.#abort.signal);
      if (this.#stopped) return;
      this.#backoff = this.#min;
      this.#setState("idle");
    } catch (err) {
      if (this.#stopped) return;
      const detail = err instanceof Error ? err.message : String(err);
      this.#setState("error", detail);
      // Retry the whole thing as a full pass: after a failure the quick hints are not enough.
      this.#full = { kind: "full", reason: "retry after error" };
      const wait = this.#backoff;
      this.#backoff = Math.min(this.#max, this.#backoff * 2);
      this.#retryTimer = setTimeout(() => {
        this.#retryTimer = undefined;
        this.#kick();
      }, wait);
      this.#retryTimer.unref();
    }
  }

  #lastDetail: string | undefined;
  #setState(state: LoopState, detail?: string): void {
    if (state === this.#state && detail === this.#lastDetail) return;
    this.#state = state;
    this.#lastDetail = detail;
    this.handlers.onState(state, detail);
  }
}
