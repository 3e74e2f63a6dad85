import { appendFile, mkdtemp, readFile, stat, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { Journal, LOG_FILE, SNAPSHOT_FILE } from "../../src/state/journal.js";
import type { JournalEntry } from "../../src/state/journal-types.js";

const tmp = () => mkdtemp(path.join(os.tmpdir(), "arsipd-journal-"));
const entry = (n: number): JournalEntry => ({
  size: n,
  mtimeMs: 1000 + n,
  sha256: `sha${n}`,
  remotePath: `f/${n}.pdf`,
  etag: `e${n}`,
  remoteSize: n,
  mtimeKept: true,
  uploadedAt: 5,
});

describe("Journal", () => {
  it("survives reopen: set, delete, rename, failures", async () => {
    const dir = await tmp();
    const j = await Journal.open(dir);
    j.set("a", entry(1));
    j.set("b", entry(2));
    j.set("c", entry(3));
    j.delete("b");
    j.rename("c", "d");
    j.recordFailure("x", { failures: 2, lastError: "boom", nextRetryAt: 99 });
    await j.close();
    const k = await Journal.open(dir);
    expect([...k.entries()].map(([r]) => r).sort()).toEqual(["a", "d"]);
    expect(k.get("d")?.sha256).toBe("sha3");
    expect(k.failure("x")).toMatchObject({ failures: 2, nextRetryAt: 99 });
    k.set("x", entry(4));
    expect(k.failure("x")).toBeUndefined();
    await k.close();
  });

  it("cuts a torn last line and keeps everything before it", async () => {
    const dir = await tmp();
    const j = await Journal.open(dir);
    j.set("a", entry(1));
    j.set("b", entry(2));
    await j.close();
    await appendFile(path.join(dir, LOG_FILE), '{"s":3,"o":"set","k":"c","v":{"si');
    const k = await Journal.open(dir);
    expect(k.get("a")).toBeDefined();
    expect(k.get("c")).toBeUndefined();
    k.set("c", entry(3));
    await k.close();
    const text = await readFile(path.join(dir, LOG_FILE), "utf8");
    expect(
      text
        .split("\n")
        .filter(Boolean)
        .every((l) => JSON.parse(l)),
    ).toBe(true);
    expect((await Journal.open(dir, { readOnly: true })).get("c")?.size).toBe(3);
  });

  it("reports a damaged line in the middle instead of skipping it", async () => {
    const dir = await tmp();
    const j = await Journal.open(dir);
    j.set("a", entry(1));
    await j.close();
    await appendFile(path.join(dir, LOG_FILE), 'garbage\n{"s":9,"o":"del","k":"a"}\n');
    await expect(Journal.open(dir)).rejects.toThrow(/damaged at line 2/);
  });

  it("one set+flush appends to the log and leaves the snapshot alone", async () => {
    const dir = await tmp();
    const j = await Journal.open(dir, { compactBytes: 10_000 });
    for (let i = 0; i < 200; i++) j.set(`f${i}`, entry(i));
    await j.flush(); // log passes 10 kB: compacted into the snapshot
    const snap = path.join(dir, SNAPSHOT_FILE);
    const before = await stat(snap);
    expect((await stat(path.join(dir, LOG_FILE))).size).toBe(0);
    j.set("one-more", entry(1));
    await j.flush();
    const after = await stat(snap);
    expect(after.ino).toBe(before.ino);
    expect(after.mtimeMs).toBe(before.mtimeMs);
    expect((await stat(path.join(dir, LOG_FILE))).size).toBeGreaterThan(0);
    await j.close();
    const k = await Journal.open(dir, { readOnly: true });
    expect(k.size).toBe(201);
  });

  it("holds 100,000 entries; a single change costs one log line, not a rewrite", async () => {
    const dir = await tmp();
    const j = await Journal.open(dir, { batchSize: 5000, compactBytes: 4_000_000 });
    for (let i = 0; i < 100_000; i++) j.set(`KPT/${i % 50}/${i}.pdf`, entry(i));
    await j.close();
    const k = await Journal.open(dir);
    expect(k.size).toBe(100_000);
    const snap = path.join(dir, SNAPSHOT_FILE);
    const log = path.join(dir, LOG_FILE);
    const snapBefore = await stat(snap); // compaction wrote it while the 100k went in
    const logBefore = (await stat(log)).size;
    k.set("KPT/1/1.pdf", entry(7));
    await k.flush();
    const logAfter = (await stat(log)).size;
    expect(logAfter - logBefore).toBeLessThan(400);
    const snapAfter = await stat(snap);
    expect(snapAfter.mtimeMs).toBe(snapBefore.mtimeMs);
    expect(snapAfter.ino).toBe(snapBefore.ino);
    await k.close();
    expect((await Journal.open(dir, { readOnly: true })).get("KPT/1/1.pdf")?.size).toBe(7);
  });

  it("replays nothing twice after a crash between snapshot and log reset", async () => {
    const dir = await tmp();
    const j = await Journal.open(dir, { compactBytes: 1 });
    j.set("a", entry(1));
    j.rename("a", "b");
    await j.flush(); // compacted: snapshot has seq 2
    await j.close();
    // Simulate the crash: the old log lines are still there after the snapshot was written.
    await writeFile(
      path.join(dir, LOG_FILE),
      '{"s":1,"o":"set","k":"a","v":{"size":9,"mtimeMs":1,"sha256":"x","remotePath":"a","remoteSize":9,"mtimeKept":true,"uploadedAt":1}}\n{"s":2,"o":"mv","k":"a","to":"b"}\n',
    );
    const k = await Journal.open(dir, { readOnly: true });
    expect([...k.entries()].map(([r, e]) => [r, e.size])).toEqual([["b", 1]]);
  });

  it("keeps a second writer out while the first is open", async () => {
    const dir = await tmp();
    const j = await Journal.open(dir);
    const other = await import("node:child_process");
    // A live foreign pid in the lock file: the lock is refused.
    const child = other.spawn(process.execPath, ["-e", "setTimeout(()=>{},10000)"]);
    await j.close();
    await writeFile(path.join(dir, "journal.lock"), `${child.pid}\n`);
    await expect(Journal.open(dir)).rejects.toThrow(/another arsipd process/);
    child.kill();
    await new Promise((r) => child.once("exit", r));
    const k = await Journal.open(dir); // the owner died: taken over
    await k.close();
  });

  it("takes over a lock file a power cut left empty (it is never fsynced)", async () => {
    for (const content of ["", "\n"]) {
      const dir = await tmp();
      await writeFile(path.join(dir, "journal.lock"), content);
      const j = await Journal.open(dir);
      expect(await readFile(path.join(dir, "journal.lock"), "utf8")).toBe(`${process.pid}\n`);
      await j.close();
    }
  });
});
