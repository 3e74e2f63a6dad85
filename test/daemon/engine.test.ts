/** The engine's pass and the daily summary it keeps for the log. */
import { existsSync, mkdirSync, mkdtempSync, utimesSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import pino from "pino";
import { afterEach, describe, expect, it } from "vitest";
import { loadConfig } from "../../src/config/load.js";
import { ArchiveEngine } from "../../src/daemon/engine.js";

const open: ArchiveEngine[] = [];
afterEach(async () => {
  for (const e of open.splice(0)) await e.close();
});

describe("ArchiveEngine", () => {
  it("files, quarantines and mirrors in one pass, and counts the day for the summary line", async () => {
    const dir = mkdtempSync(path.join(tmpdir(), "arsipd-engine-"));
    mkdirSync(path.join(dir, "arsip", "MASUK"), { recursive: true });
    const old = new Date(Date.now() - 60_000);
    for (const name of ["SK Ketua No 9 Th 2024 ttg Jadwal.pdf", "scan tanpa nama.pdf"]) {
      const f = path.join(dir, "arsip", "MASUK", name);
      writeFileSync(f, name);
      utimesSync(f, old, old);
    }
    const loaded = loadConfig({ cwd: dir, env: {} });
    const engine = await ArchiveEngine.open(loaded, pino({ level: "silent" }));
    open.push(engine);
    const r = await engine.pass("full", [], new AbortController().signal, "start-up");
    expect(r.ok).toBe(true);
    expect(r.changed).toBe(true);
    expect(r.summary).toMatchObject({ filed: 1, quarantined: 1, failed: 0 });
    const day = engine.summary();
    expect(day).toMatchObject({ filed: 1, quarantined: 1, failed: 0 });
    expect(day.uploaded).toBeGreaterThanOrEqual(1);
    expect(engine.summary()).toEqual({
      filed: 0,
      quarantined: 0,
      uploaded: 0,
      moved: 0,
      trashed: 0,
      failed: 0,
    });
    expect(engine.syncStatus("KPT-KETUA/2024/KPT-KETUA_2024_009_jadwal.pdf")).toEqual({
      state: "tersinkron",
    });
    expect(engine.syncStatus("KPT-KETUA/2024/nothing.pdf")).toEqual({ state: "menunggu" });
  });

  it("on a tidy share the mirror works from the organizer's walk and uploads every file", async () => {
    const dir = mkdtempSync(path.join(tmpdir(), "arsipd-engine-"));
    const old = new Date(Date.now() - 60_000);
    const names = [
      "KPT-KETUA/2024/KPT-KETUA_2024_001_tidy.pdf",
      "KPT-SEKRETARIS/2023/KPT-SEKRETARIS_2023_014_rapi.pdf",
    ];
    for (const rel of names) {
      const f = path.join(dir, "arsip", ...rel.split("/"));
      mkdirSync(path.dirname(f), { recursive: true });
      writeFileSync(f, rel);
      utimesSync(f, old, old);
    }
    const loaded = loadConfig({ cwd: dir, env: {} });
    const engine = await ArchiveEngine.open(loaded, pino({ level: "silent" }));
    open.push(engine);
    const r = await engine.run({ full: true });
    expect(r.organize).toMatchObject({ scanned: 2, moves: [], quarantined: [] });
    expect(r.mirror).toMatchObject({ uploaded: 2, failed: 0 });
    for (const rel of names) expect(existsSync(path.join(dir, "data", "mirror", rel))).toBe(true);
  });

  it("a quick pass files and mirrors what the watcher named, and the file the organizer moved", async () => {
    const dir = mkdtempSync(path.join(tmpdir(), "arsipd-engine-"));
    const old = new Date(Date.now() - 60_000);
    const put = (rel: string, content: string) => {
      const f = path.join(dir, "arsip", ...rel.split("/"));
      mkdirSync(path.dirname(f), { recursive: true });
      writeFileSync(f, content);
      utimesSync(f, old, old);
    };
    put("KPT-KETUA/2024/KPT-KETUA_2024_001_tidy.pdf", "one");
    const loaded = loadConfig({ cwd: dir, env: {} });
    const engine = await ArchiveEngine.open(loaded, pino({ level: "silent" }));
    open.push(engine);
    await engine.run({ full: true });
    put("MASUK/SK Ketua No 2 Th 2024 ttg Baru.pdf", "two");
    put("KPT-KETUA/2024/KPT-KETUA_2024_003_unnamed.pdf", "three: no event, left to the full pass");
    const r = await engine.run({
      full: false,
      paths: ["MASUK/SK Ketua No 2 Th 2024 ttg Baru.pdf"],
    });
    expect(r.organize.moves).toEqual([
      {
        from: "MASUK/SK Ketua No 2 Th 2024 ttg Baru.pdf",
        to: "KPT-KETUA/2024/KPT-KETUA_2024_002_baru.pdf",
      },
    ]);
    expect(r.mirror).toMatchObject({ uploaded: 1, trashed: 0, failed: 0 });
    const mirror = (rel: string) => existsSync(path.join(dir, "data", "mirror", rel));
    expect(mirror("KPT-KETUA/2024/KPT-KETUA_2024_002_baru.pdf")).toBe(true);
    expect(mirror("KPT-KETUA/2024/KPT-KETUA_2024_003_unnamed.pdf")).toBe(false);
    expect((await engine.run({ full: true })).mirror).toMatchObject({ uploaded: 1, trashed: 0 });
  });
});
