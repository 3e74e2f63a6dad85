import { existsSync } from "node:fs";
import { mkdir, readdir, rename, rm, stat, utimes, writeFile } from "node:fs/promises";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { mirrorPass } from "../../src/mirror/pass.js";
import { verifyRemote } from "../../src/mirror/verify.js";
import { closeAll, put, setup, tree } from "./helpers.js";

const NAMES = [
  "KPT-KETUA/2024/KPT-KETUA_2024_012_penetapan dpt.pdf",
  "MASUK/SK Ketua No 12 Th 2024 100% & #1.pdf",
  "MASUK/sub dir/Keputusan Sekretaris – pembentukan tim é.docx",
  "_KARANTINA/tanpa nomor (1).pdf",
  "Ünïcödé/Jalan Raya №5/ñ.pdf",
];
const notTrash = (r: string) => !r.startsWith("_Dihapus/");

describe("mirrorPass on a local-folder remote", () => {
  afterEach(closeAll);
  it("mirrors a nested tree with awkward names; a second pass does nothing", async () => {
    const t = await setup();
    for (const [i, n] of NAMES.entries()) await put(t.share, n, `content ${i}`);
    await put(t.share, "MASUK/~$lock.docx", "lock"); // ignored
    const s1 = await mirrorPass(t, { full: true });
    expect(s1).toMatchObject({ uploaded: NAMES.length, failed: 0 });
    expect(await tree(t.mirror)).toEqual(await tree(t.share, (r) => !r.includes("~$")));
    for (const full of [true, false]) {
      const s2 = await mirrorPass(t, { full, dryRun: true });
      expect(s2.plan).toEqual([]);
    }
    expect((await verifyRemote(t)).differences).toEqual([]);
  });

  it("edit → re-upload; rename → server-side MOVE; delete → dated trash", async () => {
    const t = await setup({ deletes: { maxFraction: 0.5 } });
    for (let i = 0; i < 6; i++) await put(t.share, `d/f${i}.pdf`, `v1 ${i}`);
    await mirrorPass(t, { full: true });
    await put(t.share, "d/f0.pdf", "v2 edited");
    const ino1 = (await stat(path.join(t.mirror, "d/f1.pdf"))).ino;
    await put(t.share, "KPT/2024", "");
    await rm(path.join(t.share, "KPT/2024"));
    await rename(path.join(t.share, "d/f1.pdf"), path.join(t.share, "KPT/renamed f1.pdf"));
    await rm(path.join(t.share, "d/f2.pdf"));
    const now = new Date(2024, 6, 9, 10, 0, 0);
    const s = await mirrorPass({ ...t, now: () => now }, {});
    expect(s).toMatchObject({ uploaded: 1, moved: 1, trashed: 1, failed: 0 });
    expect((await stat(path.join(t.mirror, "KPT/renamed f1.pdf"))).ino).toBe(ino1);
    expect(await tree(t.mirror, notTrash)).toEqual(await tree(t.share));
    expect(await tree(path.join(t.mirror, "_Dihapus"))).toEqual({ "2024-07-09/d/f2.pdf": "v1 2" });
    expect((await mirrorPass(t, { full: true, dryRun: true })).plan).toEqual([]);
  });

  it("a scan handed over by the caller is used, without the trash folder's files", async () => {
    const t = await setup();
    await put(t.share, "d/a.pdf", "a");
    await put(t.share, "_Dihapus/2024-01-01/d/old.pdf", "old");
    const { scanShare } = await import("../../src/share/scan.js");
    const scan = await scanShare(t.share, { ignore: () => false });
    expect(scan.files.map((f) => f.rel)).toEqual(["_Dihapus/2024-01-01/d/old.pdf", "d/a.pdf"]);
    await put(t.share, "d/later.pdf", "not in the scan");
    const s = await mirrorPass(t, { full: true, scan });
    expect(s).toMatchObject({ uploaded: 1, failed: 0 });
    expect(await tree(t.mirror)).toEqual({ "d/a.pdf": "a" });
  });

  it("mass vanish is refused and nothing is moved", async () => {
    const t = await setup();
    for (let i = 0; i < 40; i++) await put(t.share, `a/${i}.pdf`, `x${i}`);
    await mirrorPass(t, { full: true });
    const before = await tree(t.mirror);
    for (let i = 0; i < 25; i++) await rm(path.join(t.share, `a/${i}.pdf`));
    await put(t.share, "a/new.pdf", "new");
    const s = await mirrorPass(t, { full: true });
    expect(s.refused).toMatch(/25 of 40/);
    expect(s).toMatchObject({ trashed: 0, moved: 0, uploaded: 1 });
    expect(await tree(t.mirror)).toEqual({ ...before, "a/new.pdf": "new" });
    // An empty (unmounted) share changes nothing at all.
    await rm(t.share, { recursive: true });
    const s2 = await mirrorPass(t, { full: true });
    expect(s2.refused).toMatch(/share could not be read|share looks empty/);
    expect(await tree(t.mirror)).toEqual({ ...before, "a/new.pdf": "new" });
  });

  it("a few files removed from a small archive are trashed, not a mass delete (deletes.minFiles)", async () => {
    const t = await setup();
    for (let i = 0; i < 12; i++) await put(t.share, `a/${i}.pdf`, `x${i}`);
    await mirrorPass(t, { full: true });
    for (let i = 0; i < 3; i++) await rm(path.join(t.share, `a/${i}.pdf`));
    const s = await mirrorPass(t, { full: true });
    expect(s.refused).toBeUndefined();
    expect(s.trashed).toBe(3);
    const trash = await tree(path.join(t.mirror, "_Dihapus"));
    expect(Object.keys(trash).filter((k) => /a\/[012]\.pdf$/.test(k))).toHaveLength(3);
  });

  it("a remote edited by someone else keeps their copy as konflik and gets ours", async () => {
    const t = await setup();
    await put(t.share, "d/x.pdf", "ours v1");
    await mirrorPass(t, { full: true });
    await writeFile(path.join(t.mirror, "d/x.pdf"), "THEIRS, longer");
    await put(t.share, "d/x.pdf", "ours v2");
    const now = new Date(2024, 0, 5, 8, 9, 10);
    for (const full of [false, true]) {
      // quick pass: If-Match fails → resolved in apply; full pass: planned
      if (full) {
        await writeFile(path.join(t.mirror, "d/x.pdf"), "THEIRS again, longer");
      }
      const s = await mirrorPass({ ...t, now: () => now }, { full });
      expect(s).toMatchObject({ conflicts: 1, uploaded: 1, failed: 0 });
    }
    expect(await tree(path.join(t.mirror, "d"))).toEqual({
      "x.pdf": "ours v2",
      "x (konflik 2024-01-05 080910).pdf": "THEIRS, longer",
      "x (konflik 2024-01-05 080910) (2).pdf": "THEIRS again, longer",
    });
  });

  it("a failing upload backs off and does not hot-loop", async () => {
    const t = await setup();
    await put(t.share, "a.pdf", "a");
    await put(t.share, "b.pdf", "b");
    const orig = t.remote.put.bind(t.remote);
    let calls = 0;
    t.remote.put = async (p, f, o) => {
      if (p === "a.pdf") {
        calls++;
        throw Object.assign(
          new (await import("../../src/errors.js")).ArsipdError(
            "X",
            "retryable",
            "server said 503",
          ),
        );
      }
      return orig(p, f, o);
    };
    const now = new Date(2024, 0, 1, 0, 0, 0);
    const s = await mirrorPass({ ...t, now: () => now }, {});
    expect(s).toMatchObject({ uploaded: 1, failed: 1 });
    expect(t.journal.failure("a.pdf")).toMatchObject({
      failures: 1,
      lastError: "server said 503",
      nextRetryAt: now.getTime() + 60_000,
    });
    const s2 = await mirrorPass({ ...t, now: () => now }, {});
    expect(s2).toMatchObject({ skipped: 1, failed: 0 });
    expect(calls).toBe(1);
    const later = new Date(now.getTime() + 61_000);
    await mirrorPass({ ...t, now: () => later }, {});
    expect(t.journal.failure("a.pdf")).toMatchObject({
      failures: 2,
      nextRetryAt: later.getTime() + 120_000,
    });
  });

  it("an auth error stops the whole pass at once", async () => {
    const t = await setup();
    for (let i = 0; i < 10; i++) await put(t.share, `${i}.pdf`, `${i}`);
    const { ArsipdError } = await import("../../src/errors.js");
    let calls = 0;
    t.remote.put = async () => {
      calls++;
      throw new ArsipdError("AUTH", "auth", "login refused (401)");
    };
    await expect(mirrorPass(t, {})).rejects.toThrow(/stopped: login refused/);
    expect(calls).toBeLessThanOrEqual(t.config.remote.concurrency);
    expect([...t.journal.failures()]).toEqual([]);
    expect(await readdir(t.mirror)).toEqual([]);
  });

  it("an aborted pass (SIGTERM) takes no new work and records no failures", async () => {
    const t = await setup({ remote: { type: "local", concurrency: 1 } });
    for (let i = 0; i < 10; i++) await put(t.share, `${i}.pdf`, `${i}`);
    const ac = new AbortController();
    const orig = t.remote.put.bind(t.remote);
    let calls = 0;
    t.remote.put = async (p, f, o) => {
      calls++;
      const r = await orig(p, f, o);
      if (calls === 3) ac.abort();
      return r;
    };
    const s = await mirrorPass(t, { signal: ac.signal });
    expect(calls).toBe(3);
    expect(s).toMatchObject({ uploaded: 3, failed: 0 });
    expect([...t.journal.failures()]).toEqual([]);
    expect(t.journal.size).toBe(3);
  });
});

describe("files still being written", () => {
  it("are left alone within the stability window and mirrored once it has passed", async () => {
    const t = await setup({ watch: { stabilityMs: 60_000 } });
    const file = path.join(t.share, "MASUK", "scan.pdf");
    await mkdir(path.dirname(file), { recursive: true });
    await writeFile(file, "half a scan");
    const first = await mirrorPass(t);
    expect(first.deferred).toEqual(["MASUK/scan.pdf"]);
    expect(first.uploaded).toBe(0);
    expect(existsSync(path.join(t.mirror, "MASUK/scan.pdf"))).toBe(false);
    const old = new Date(Date.now() - 120_000);
    await utimes(file, old, old);
    const second = await mirrorPass(t);
    expect(second.deferred).toEqual([]);
    expect(second.uploaded).toBe(1);
  });
});

describe("files the organizer waits for (still being written when it looked)", () => {
  it("are not uploaded under the name they were saved with, even once settled here", async () => {
    const t = await setup();
    await put(t.share, "SK Ketua No 3 Th 2024.pdf", "a scan");
    await put(t.share, "KPT-KETUA/2024/KPT-KETUA_2024_001.pdf", "filed");
    const s = await mirrorPass(t, { leave: ["SK Ketua No 3 Th 2024.pdf"] });
    expect([s.uploaded, s.deferred]).toEqual([1, ["SK Ketua No 3 Th 2024.pdf"]]);
    expect(await tree(t.mirror)).toEqual({ "KPT-KETUA/2024/KPT-KETUA_2024_001.pdf": "filed" });
  });
});

describe("a remote file with our bytes that the journal does not know (crash before the record)", () => {
  it("is read back, recognised and adopted: no second upload, no konflik copy", async () => {
    const t = await setup();
    await put(t.share, "A/ours.pdf", "the same bytes");
    await put(t.mirror, "A/ours.pdf", "the same bytes", Date.now() - 86_400_000);
    await put(t.share, "A/other.pdf", "local version!");
    await put(t.mirror, "A/other.pdf", "remote version", Date.now() - 86_400_000);
    const s = await mirrorPass(t, { full: true });
    expect(s.adopted).toBe(1);
    expect(s.conflicts).toBe(1);
    expect(s.uploaded).toBe(1);
    const names = (await readdir(path.join(t.mirror, "A"))).sort();
    expect(names.filter((n) => n.includes("konflik"))).toHaveLength(1);
    expect(names.filter((n) => n.startsWith("ours"))).toEqual(["ours.pdf"]);
    expect(t.journal.get("A/ours.pdf")?.sha256).toBeDefined();
  });
});
