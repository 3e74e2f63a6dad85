import { describe, expect, it } from "vitest";
import { type Job, type LoopState, type RequestJob, WorkLoop } from "../../src/daemon/work-loop.js";

function gate() {
  let open!: () => void;
  const p = new Promise<void>((r) => {
    open = r;
  });
  return { p, open };
}

describe("WorkLoop", () => {
  it("runs one job at a time and coalesces requests made meanwhile", async () => {
    const ran: Job[] = [];
    let inFlight = 0;
    let maxInFlight = 0;
    const first = gate();
    const loop = new WorkLoop({
      async run(job) {
        inFlight++;
        maxInFlight = Math.max(maxInFlight, inFlight);
        ran.push(job);
        if (ran.length === 1) await first.p;
        inFlight--;
      },
      onState() {},
    });
    loop.enqueue({ kind: "quick", paths: ["a"], reason: "watch" });
    loop.enqueue({ kind: "quick", paths: ["b"], reason: "watch" });
    loop.enqueue({ kind: "quick", paths: ["c"], reason: "watch" });
    loop.enqueue({ kind: "index", reason: "x" });
    loop.enqueue({ kind: "index", reason: "y" });
    first.open();
    await loop.idle();
    expect(maxInFlight).toBe(1);
    expect(ran.map((j) => j.kind)).toEqual(["quick", "quick", "index"]);
    expect(ran[1]).toMatchObject({ kind: "quick", paths: ["b", "c"] });
  });

  it("lets a pending full pass absorb quick passes", async () => {
    const ran: Job[] = [];
    const first = gate();
    const loop = new WorkLoop({
      async run(job) {
        ran.push(job);
        if (ran.length === 1) await first.p;
      },
      onState() {},
    });
    loop.enqueue({ kind: "index", reason: "start" });
    loop.enqueue({ kind: "quick", paths: ["a"], reason: "watch" });
    loop.enqueue({ kind: "full", reason: "cron" });
    loop.enqueue({ kind: "quick", paths: ["b"], reason: "watch" });
    first.open();
    await loop.idle();
    expect(ran.map((j) => j.kind)).toEqual(["index", "full"]);
  });

  it("reports an outage once, retries with back-off, and recovers", async () => {
    const states: string[] = [];
    let calls = 0;
    const loop = new WorkLoop(
      {
        async run() {
          calls++;
          if (calls <= 3) throw new Error("server unreachable");
        },
        onState(s: LoopState, d?: string) {
          states.push(d ? `${s}:${d}` : s);
        },
      },
      { backoffMinMs: 5, backoffMaxMs: 20 },
    );
    loop.enqueue({ kind: "full", reason: "start" });
    for (let i = 0; i < 200 && calls < 4; i++) await new Promise((r) => setTimeout(r, 5));
    await loop.idle();
    expect(calls).toBe(4);
    expect(states).toEqual(["syncing", "error:server unreachable", "idle"]);
  });

  it("stop() aborts the running job through its signal and takes no more work", async () => {
    let sawAbort = false;
    let runs = 0;
    const loop = new WorkLoop({
      async run(_job, signal) {
        runs++;
        await new Promise<void>((resolve) => {
          signal.addEventListener("abort", () => {
            sawAbort = true;
            resolve();
          });
        });
      },
      onState() {},
    });
    loop.enqueue({ kind: "full", reason: "start" });
    await new Promise((r) => setTimeout(r, 10));
    await loop.stop(1000);
    loop.enqueue({ kind: "full", reason: "late" });
    await new Promise((r) => setTimeout(r, 10));
    expect(sawAbort).toBe(true);
    expect(runs).toBe(1);
    expect(loop.state).toBe("stopping");
  });

  const syncReq = (key = "sync"): RequestJob => ({
    kind: "request",
    key,
    reason: "arsipd sync",
    pass: true,
    absorbs: ["full", "quick", "index"],
  });

  it("runs equal requests asked meanwhile once, answers each, and never beside other work", async () => {
    const ran: string[] = [];
    let inFlight = 0;
    let maxInFlight = 0;
    const first = gate();
    const loop = new WorkLoop({
      async run(job) {
        inFlight++;
        maxInFlight = Math.max(maxInFlight, inFlight);
        ran.push(job.kind === "request" ? job.key : job.kind);
        if (ran.length === 1) await first.p;
        inFlight--;
        return `result of ${ran.length}`;
      },
      onState() {},
    });
    loop.enqueue({ kind: "full", reason: "start-up" });
    const a = loop.request<string>(syncReq());
    const b = loop.request<string>(syncReq());
    const c = loop.request<string>(syncReq("sync dry"));
    loop.enqueue({ kind: "quick", paths: ["x"], reason: "watch" });
    loop.enqueue({ kind: "index", reason: "changes" });
    first.open();
    expect(await a).toBe("result of 2");
    expect(await b).toBe("result of 2");
    expect(await c).toBe("result of 3");
    await loop.idle();
    expect(maxInFlight).toBe(1);
    // The real sync covered the queued quick pass and register rebuild.
    expect(ran).toEqual(["full", "sync", "sync dry"]);
  });

  it("runs a request while backing off after an error, and a successful one ends the error", async () => {
    const states: string[] = [];
    let fail = true;
    const ran: string[] = [];
    const loop = new WorkLoop(
      {
        async run(job) {
          ran.push(job.kind);
          if (fail) throw new Error("server down");
          return 0;
        },
        onState(s) {
          states.push(s);
        },
      },
      { backoffMinMs: 60_000, backoffMaxMs: 60_000 },
    );
    loop.enqueue({ kind: "full", reason: "start" });
    await loop.idle();
    expect(loop.state).toBe("error");
    await expect(loop.request(syncReq())).rejects.toThrow("server down");
    fail = false;
    await expect(loop.request(syncReq())).resolves.toBe(0);
    expect(loop.state).toBe("idle");
    // The retry full pass the error queued was covered by the request: not run again.
    await loop.idle();
    expect(ran).toEqual(["full", "request", "request"]);
    expect(states).toEqual(["syncing", "error", "idle"]);
    await loop.stop(100);
  });

  it("rebuilds the register while backing off after an error; passes wait for the back-off timer", async () => {
    const ran: string[] = [];
    let fail = true;
    const loop = new WorkLoop(
      {
        async run(job) {
          ran.push(job.kind);
          if (fail && job.kind !== "index") throw new Error("server down");
        },
        onState() {},
      },
      { backoffMinMs: 150, backoffMaxMs: 150 },
    );
    loop.enqueue({ kind: "full", reason: "start" });
    await loop.idle();
    expect(loop.state).toBe("error");
    // A change in the share meanwhile: its quick pass waits, the register is rebuilt now.
    loop.enqueue({ kind: "quick", paths: ["a"], reason: "watcher" });
    loop.enqueue({ kind: "index", reason: "changes" });
    await loop.idle();
    expect(ran).toEqual(["full", "index"]);
    expect(loop.state).toBe("error");
    // The back-off timer lets the retry (a full pass, covering the quick one) run.
    fail = false;
    for (let i = 0; i < 100 && loop.state !== "idle"; i++)
      await new Promise((r) => setTimeout(r, 10));
    await loop.idle();
    expect(ran).toEqual(["full", "index", "full"]);
    expect(loop.state).toBe("idle");
    await loop.stop(100);
  });

  it("owns its timers: a keyed one is replaced, and stop() cancels them all", async () => {
    const ran: string[] = [];
    const loop = new WorkLoop({
      async run(job) {
        ran.push(job.reason);
      },
      onState() {},
    });
    loop.later({ kind: "index", reason: "first" }, 30, "index");
    loop.later({ kind: "index", reason: "second" }, 30, "index");
    loop.later({ kind: "quick", paths: ["a"], reason: "settled" }, 10);
    await new Promise((r) => setTimeout(r, 80));
    await loop.idle();
    expect(ran).toEqual(["settled", "second"]);
    loop.later({ kind: "full", reason: "too late" }, 20);
    await loop.stop(100);
    await new Promise((r) => setTimeout(r, 50));
    expect(ran).toEqual(["settled", "second"]);
  });

  it("rejects a request still queued when the loop stops", async () => {
    const first = gate();
    const loop = new WorkLoop({
      async run() {
        await first.p;
      },
      onState() {},
    });
    loop.enqueue({ kind: "full", reason: "start" });
    const r = loop.request(syncReq());
    const stopped = loop.stop(100);
    first.open();
    await stopped;
    await expect(r).rejects.toThrow("stopping");
  });
});
