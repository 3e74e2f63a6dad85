/**
 * The one loop that owns the daemon's work (Syncthing's folder loop). Watcher batches, cron
 * jobs, start-up, timers (register debounce, re-look after the stability window) and requests
 * from `arsipd sync`/`arsipd index` over the control socket are only messages to it; it runs one
 * job at a time, so the share, the journal, the register cache and the remote are never touched
 * by two passes at once.
 *
 * Coalescing: while a job runs, new work merges: a pending full pass absorbs every quick pass;
 * quick passes merge their dirty paths; an index job is kept once; requests with the same key
 * share one run and one answer. A request runs before queued background work (a person waits
 * for it) and absorbs the background work it covers (a real sync covers a full pass).
 * Failure: a failing pass moves the loop to `error`; it retries with doubling back-off
 * (capped) and goes back to `idle` on the first successful pass. State changes are reported
 * once, not once per retry, so a lost server does not flood the log. Only passes move the
 * state: a register rebuild or a summary says nothing about the server, and so runs while the
 * loop backs off (the register must say `menunggu` for a file changed while the server is
 * lost); only passes wait for the back-off timer.
 */

export type LoopState = "idle" | "syncing" | "error" | "stopping";

/** A person's request (control socket): runs once, answers every waiter with its result. */
export interface RequestJob {
  kind: "request";
  /** Requests with equal keys queued together are run once. */
  key: string;
  reason: string;
  /** A pass: moves the loop state like a full pass (syncing, error, idle). */
  pass: boolean;
  /** Queued background work this request covers and so removes from the queue. */
  absorbs: ReadonlyArray<"full" | "quick" | "index">;
}

export type Job =
  | { kind: "full"; reason: string }
  | { kind: "quick"; paths: string[]; reason: string }
  | { kind: "index"; reason: string }
  | { kind: "summary"; reason: string }
  | RequestJob;

export interface LoopHandlers {
  /**
   * Runs one job; a request's return value is its answer. Throwing puts the loop in `error`
   * (for passes) and schedules a retry of a full pass; a request's waiters get the error.
   */
  run(job: Job, signal: AbortSignal): Promise<unknown>;
  onState(state: LoopState, detail?: string): void;
}

export interface LoopOptions {
  /** First retry delay after a failed pass. */
  backoffMinMs?: number;
  backoffMaxMs?: number;
}

interface Waiter {
  resolve(v: unknown): void;
  reject(e: unknown): void;
}

export class WorkLoop {
  #state: LoopState = "idle";
  #full: Job | undefined;
  #quick = new Set<string>();
  #quickReason = "";
  #index: Job | undefined;
  #summary: Job | undefined;
  #requests: { job: RequestJob; waiters: Waiter[] }[] = [];
  #running: Promise<void> | undefined;
  #abort = new AbortController();
  #retryTimer: NodeJS.Timeout | undefined;
  /** In `error`, passes wait until the back-off timer sets this. */
  #retryDue = false;
  /** Work due later (debounce, stability window): keyed timers replace each other. */
  #timers = new Map<string, NodeJS.Timeout>();
  #timerSeq = 0;
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

  enqueue(job: Exclude<Job, RequestJob>): void {
    if (this.#stopped) return;
    if (job.kind === "full") this.#full = job;
    else if (job.kind === "quick") {
      for (const p of job.paths) this.#quick.add(p);
      this.#quickReason = job.reason;
    } else if (job.kind === "index") this.#index = job;
    else this.#summary = job;
    this.#kick();
  }

  /**
   * Enqueues `job` after `ms`. With a `key`, a later call replaces the pending one (debounce:
   * the register is rebuilt a while after the last change, not after every file).
   * The timers belong to the loop: `stop()` cancels them.
   */
  later(job: Exclude<Job, RequestJob>, ms: number, key?: string): void {
    if (this.#stopped) return;
    const k = key ?? `#${++this.#timerSeq}`;
    const old = this.#timers.get(k);
    if (old) clearTimeout(old);
    const t = setTimeout(() => {
      this.#timers.delete(k);
      this.enqueue(job);
    }, ms);
    t.unref();
    this.#timers.set(k, t);
  }

  /**
   * A person's request: queued before background work, run once per key even when asked
   * twice meanwhile, and run even while the loop backs off after an error (the person asked
   * now). Rejects when the loop stops before running it.
   */
  request<T>(job: RequestJob): Promise<T> {
    return new Promise<T>((resolve, reject) => {
      if (this.#stopped) {
        reject(new Error("arsipd is stopping"));
        return;
      }
      const waiter: Waiter = { resolve: resolve as (v: unknown) => void, reject };
      const same = this.#requests.find((r) => r.job.key === job.key);
      if (same) same.waiters.push(waiter);
      else this.#requests.push({ job, waiters: [waiter] });
      this.#kick();
    });
  }

  /** Resolves when nothing is queued or running (for tests). */
  async idle(): Promise<void> {
    while (this.#running || (this.#hasWork() && this.#state !== "error")) {
      await (this.#running ?? new Promise((r) => setImmediate(r)));
    }
  }

  /**
   * Stops taking work, cancels timers and queued requests, aborts the running job (its
   * transfers see the signal) and waits for it to return, at most `graceMs`.
   */
  async stop(graceMs: number): Promise<void> {
    this.#stopped = true;
    if (this.#retryTimer) clearTimeout(this.#retryTimer);
    for (const t of this.#timers.values()) clearTimeout(t);
    this.#timers.clear();
    for (const r of this.#requests.splice(0)) {
      for (const w of r.waiters) w.reject(new Error("arsipd is stopping"));
    }
    this.#setState("stopping");
    this.#abort.abort();
    if (this.#running) {
      await Promise.race([this.#running, new Promise((r) => setTimeout(r, graceMs).unref())]);
    }
  }

  #hasWork(): boolean {
    return !!(
      this.#full ||
      this.#quick.size > 0 ||
      this.#index ||
      this.#summary ||
      this.#requests.length > 0
    );
  }

  #next(): { job: Job; waiters?: Waiter[] } | undefined {
    const req = this.#requests.shift();
    if (req) {
      for (const a of req.job.absorbs) {
        if (a === "full") this.#full = undefined;
        else if (a === "quick") this.#quick.clear();
        else this.#index = undefined;
      }
      return req;
    }
    // While in error, passes wait for the back-off timer instead of hammering a dead server.
    const passesWait = this.#state === "error" && !this.#retryDue;
    if (this.#full && !passesWait) {
      const j = this.#full;
      this.#full = undefined;
      this.#quick.clear();
      return { job: j };
    }
    if (this.#quick.size > 0 && !passesWait) {
      const j: Job = { kind: "quick", paths: [...this.#quick], reason: this.#quickReason };
      this.#quick.clear();
      return { job: j };
    }
    if (this.#index) {
      const j = this.#index;
      this.#index = undefined;
      return { job: j };
    }
    const j = this.#summary;
    this.#summary = undefined;
    return j ? { job: j } : undefined;
  }

  #kick(): void {
    if (this.#running || this.#stopped) return;
    const next = this.#next();
    if (!next) return;
    this.#running = this.#runOne(next.job, next.waiters).finally(() => {
      this.#running = undefined;
      this.#kick();
    });
  }

  async #runOne(job: Job, waiters: Waiter[] = []): Promise<void> {
    const isPass =
      job.kind === "full" || job.kind === "quick" || (job.kind === "request" && job.pass);
    // While recovering from an error the state stays `error` until a pass succeeds, so a
    // server that stays down is reported once, not once per retry.
    if (isPass && this.#state !== "error") this.#setState("syncing");
    if (isPass) this.#retryDue = false;
    try {
      const result = await this.handlers.run(job, this.#abort.signal);
      for (const w of waiters) w.resolve(result);
      if (this.#stopped || !isPass) return;
      this.#backoff = this.#min;
      if (this.#retryTimer) clearTimeout(this.#retryTimer);
      this.#retryTimer = undefined;
      this.#setState("idle");
    } catch (err) {
      for (const w of waiters) w.reject(err);
      if (this.#stopped || !isPass) return;
      const detail = err instanceof Error ? err.message : String(err);
      this.#setState("error", detail);
      // Retry the whole thing as a full pass: after a failure the quick hints are not enough.
      this.#full = { kind: "full", reason: "retry after error" };
      const wait = this.#backoff;
      this.#backoff = Math.min(this.#max, this.#backoff * 2);
      if (this.#retryTimer) clearTimeout(this.#retryTimer);
      this.#retryTimer = setTimeout(() => {
        this.#retryTimer = undefined;
        this.#retryDue = true;
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
