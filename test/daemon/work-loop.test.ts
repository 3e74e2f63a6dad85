import { describe, expect, it } from "vitest";
import { type Job, type LoopState, WorkLoop } from "../../src/daemon/work-loop.js";

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
});
