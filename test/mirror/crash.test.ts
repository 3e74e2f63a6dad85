/**
 * kill -9 during a mirror pass, then a fresh pass: the remote equals the share byte for byte,
 * the journal matches both, and no file was uploaded twice without reason (a put that completed
 * before the crash is adopted from the remote listing, not repeated).
 */
import { spawn } from "node:child_process";
import { createHash } from "node:crypto";
import { readFile, rename } from "node:fs/promises";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { afterEach, describe, expect, it } from "vitest";
import { mirrorPass } from "../../src/mirror/pass.js";
import { verifyRemote } from "../../src/mirror/verify.js";
import { Journal } from "../../src/state/journal.js";
import { closeAll, put, setup, tree } from "./helpers.js";

const CHILD = path.join(path.dirname(fileURLToPath(import.meta.url)), "crash-child.mjs");
type T = Awaited<ReturnType<typeof setup>>;

function runChild(t: T, events: string, env: Record<string, string>) {
  return new Promise<{ code: number | null; signal: NodeJS.Signals | null; out: string }>(
    (resolve, reject) => {
      const c = spawn(process.execPath, [CHILD], {
        env: {
          ...process.env,
          SHARE: t.share,
          MIRROR: t.mirror,
          STATE: t.state,
          CRASH_EVENTS: events,
          ...env,
        },
        stdio: ["ignore", "pipe", "inherit"],
      });
      let out = "";
      c.stdout.on("data", (d) => {
        out += d;
      });
      c.on("error", reject);
      c.on("exit", (code, signal) => resolve({ code, signal, out }));
    },
  );
}

async function events(file: string) {
  const text = await readFile(file, "utf8").catch(() => "");
  return text
    .split("\n")
    .filter(Boolean)
    .map((l) => l.split("\t"));
}

async function assertConsistent(t: T) {
  const visible = (r: string) =>
    !r.split("/").some((s) => s.startsWith(".")) && !r.startsWith("_Dihapus/");
  expect(await tree(t.mirror, visible)).toEqual(await tree(t.share));
  const j = await Journal.open(t.state, { readOnly: true });
  const share = await tree(t.share);
  expect(j.size).toBe(Object.keys(share).length);
  for (const [rel, content] of Object.entries(share)) {
    const e = j.get(rel);
    expect(e?.sha256, rel).toBe(createHash("sha256").update(content).digest("hex"));
    expect((await t.remote.stat(e?.remotePath ?? ""))?.etag, rel).toBe(e?.etag);
  }
  expect(
    (await verifyRemote({ config: t.config, remote: t.remote, journal: j })).differences,
  ).toEqual([]);
}

async function makeTree(t: T, n: number) {
  for (let i = 0; i < n; i++)
    await put(t.share, `KPT/${i % 7}/dok ${i} #%&.pdf`, `isi ${i} `.repeat(50 + i));
}

describe("mirror crash safety (kill -9)", () => {
  afterEach(closeAll);

  const points: [string, number][] = [
    ["put-begin", 1],
    ["put-begin", 57],
    ["put-done", 120],
    ["flush", 4],
  ];
  it.each(points)("kill at %s #%i, restart: remote = share, no double upload", async (when, at) => {
    const t = await setup();
    await t.journal.close(); // the children own the state folder
    await makeTree(t, 200);
    const ev = path.join(t.base, "events");
    const first = await runChild(t, ev, { KILL_WHEN: when, KILL_AT: String(at) });
    expect(first.signal).toBe("SIGKILL");
    const before = (await events(ev)).length;
    expect(before).toBeLessThan(200);
    const second = await runChild(t, ev, {});
    expect(second.code).toBe(0);
    const s = JSON.parse(second.out);
    expect(s.failed).toBe(0);
    const puts = (await events(ev)).filter((e) => e[0] === "put").map((e) => e[1]);
    expect(new Set(puts).size).toBe(puts.length); // no path uploaded twice
    expect(puts.length + s.adopted).toBeGreaterThanOrEqual(200);
    await assertConsistent(t);
  });

  it("kill after PUTs of late-hashed new files; no mtime to go by: read back and adopted", async () => {
    const t = await setup();
    await t.journal.close();
    await makeTree(t, 200);
    const ev = path.join(t.base, "events");
    const env = { NO_MTIME: "1" };
    const first = await runChild(t, ev, { ...env, KILL_WHEN: "put-done", KILL_AT: "57" });
    expect(first.signal).toBe("SIGKILL");
    const j = await Journal.open(t.state, { readOnly: true });
    const unrecorded = 57 - j.size; // on the server, not in the journal
    await j.close();
    expect(unrecorded).toBeGreaterThan(0);
    const second = await runChild(t, ev, env);
    expect(second.code).toBe(0);
    const s = JSON.parse(second.out);
    expect(s).toMatchObject({ failed: 0, conflicts: 0 });
    // Also adopted: PUTs still in flight at the kill that had already stored their file.
    expect(s.adopted).toBeGreaterThanOrEqual(unrecorded);
    expect(s.adopted).toBeLessThanOrEqual(unrecorded + t.config.remote.concurrency - 1);
    const puts = (await events(ev)).filter((e) => e[0] === "put").map((e) => e[1]);
    expect(new Set(puts).size).toBe(puts.length); // no path uploaded twice
    expect(puts.length + s.adopted - unrecorded).toBe(200);
    await assertConsistent(t);
  });

  it("kill mid-PUT on a server that writes in place: our half file is replaced, never kept as konflik", async () => {
    const t = await setup();
    await t.journal.close();
    await makeTree(t, 20);
    // Above INTENT_MIN_BYTES: its intent is in the journal before the PUT starts.
    const big = "KPT/scan besar.pdf";
    await put(t.share, big, "0123456789abcdef".repeat(256 * 1024));
    const ev = path.join(t.base, "events");
    const first = await runChild(t, ev, { KILL_WHEN: "put-partial", KILL_PATH: "scan besar" });
    expect(first.signal).toBe("SIGKILL");
    expect((await tree(t.mirror))[big]?.length).toBe(2 * 1024 * 1024); // half of it, in place
    const second = await runChild(t, ev, {});
    expect(second.code).toBe(0);
    expect(JSON.parse(second.out)).toMatchObject({ failed: 0, conflicts: 0 });
    expect(Object.keys(await tree(t.mirror)).filter((r) => r.includes("(konflik "))).toEqual([]);
    await assertConsistent(t);
  });

  it("kill twice in a row, including while renames are MOVEd", async () => {
    const t = await setup();
    await t.journal.close();
    await makeTree(t, 200);
    const ev = path.join(t.base, "events");
    expect((await runChild(t, ev, {})).code).toBe(0);
    for (let i = 0; i < 60; i += 1)
      await rename(
        path.join(t.share, `KPT/${i % 7}/dok ${i} #%&.pdf`),
        path.join(t.share, `KPT/${i % 7}/renamed ${i}.pdf`),
      );
    expect((await runChild(t, ev, { KILL_WHEN: "move-done", KILL_AT: "11" })).signal).toBe(
      "SIGKILL",
    );
    expect((await runChild(t, ev, { KILL_WHEN: "move-done", KILL_AT: "20" })).signal).toBe(
      "SIGKILL",
    );
    const last = await runChild(t, ev, {});
    expect(last.code).toBe(0);
    const all = await events(ev);
    expect(all.filter((e) => e[0] === "put")).toHaveLength(200); // the renames cost no upload
    // Moves in flight when a kill hit finished unseen; the restart adopts those, never re-uploads.
    const moves = all.filter((e) => e[0] === "move").length;
    expect(moves).toBeLessThanOrEqual(60);
    expect(moves).toBeGreaterThanOrEqual(60 - 2 * (t.config.remote.concurrency - 1));
    await assertConsistent(t);
    const j = await Journal.open(t.state);
    const again = await mirrorPass({ ...t, journal: j }, { full: true, dryRun: true });
    expect(again.plan).toEqual([]);
    await j.close();
  });
});
