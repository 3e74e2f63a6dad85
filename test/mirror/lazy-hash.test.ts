/**
 * New files nothing needs to be compared with are hashed by apply right before their upload:
 * their journal digests are those of the bytes uploaded, a file that changes between scan and
 * upload is never recorded with digests of other bytes, and move detection (which needs every
 * new file's SHA-256 up front) still finds renames.
 */
import { createHash } from "node:crypto";
import { appendFile, mkdir, readFile, rename, stat, writeFile } from "node:fs/promises";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { mirrorPass } from "../../src/mirror/pass.js";
import type { MirrorAction } from "../../src/mirror/types.js";
import { closeAll, put, setup, tree } from "./helpers.js";

const sha = (algo: string, b: string | Buffer) => createHash(algo).update(b).digest("hex");
const uploads = (plan: MirrorAction[] | undefined) =>
  (plan ?? []).filter((a) => a.kind === "upload");

describe("late hashing of fresh files", () => {
  afterEach(closeAll);

  it("plans a first mirror unhashed and records the digests of the uploaded bytes", async () => {
    const t = await setup();
    const files: Record<string, string> = {};
    for (let i = 0; i < 12; i++) files[`KPT/${i % 3}/dok ${i}.pdf`] = `isi ${i} `.repeat(100 + i);
    for (const [rel, c] of Object.entries(files)) await put(t.share, rel, c);

    const dry = await mirrorPass(t, { full: true, dryRun: true });
    const planned = uploads(dry.plan);
    expect(planned).toHaveLength(12);
    for (const a of planned) {
      expect(a).toMatchObject({ reason: "new", ifNoneMatch: true });
      expect(a.local).toMatchObject({ digests: "at-upload" });
      expect(a.local).not.toHaveProperty("sha256");
    }
    expect(await tree(t.mirror)).toEqual({});

    const s = await mirrorPass(t, { full: true });
    expect(s).toMatchObject({ uploaded: 12, failed: 0, deferred: [] });
    expect(await tree(t.mirror)).toEqual(files);
    for (const [rel, c] of Object.entries(files))
      expect(t.journal.get(rel), rel).toMatchObject({
        sha256: sha("sha256", c),
        sha1: sha("sha1", c),
      });
    expect((await mirrorPass(t, { full: true, dryRun: true })).plan).toEqual([]);
  });

  it("a file that changes between scan and its late hash is deferred or recorded as uploaded", async () => {
    // One transfer slot: when the first PUT runs, no other file has been hashed yet.
    const t = await setup({ remote: { type: "local", concurrency: 1 } });
    const names = ["a.pdf", "b.pdf", "c.pdf"];
    for (const n of names) await put(t.share, n, `first version of ${n}`);
    let grown = "";
    let rewritten = "";
    const orig = t.remote.put.bind(t.remote);
    t.remote.put = async (p, f, o) => {
      if (!grown) {
        [grown, rewritten] = names.filter((n) => n !== p) as [string, string];
        await appendFile(path.join(t.share, grown), " and then some");
        await writeFile(path.join(t.share, rewritten), `FIRST VERSION OF ${rewritten}`); // same size
      }
      return orig(p, f, o);
    };
    const s = await mirrorPass(t, { full: true });
    expect(s).toMatchObject({ uploaded: 2, failed: 0, deferred: [grown] });
    expect(t.journal.get(grown)).toBeUndefined();
    expect(t.journal.failure(grown)).toBeUndefined();
    const now = await readFile(path.join(t.share, rewritten));
    expect(await readFile(path.join(t.mirror, rewritten))).toEqual(now);
    expect(t.journal.get(rewritten)).toMatchObject({
      sha256: sha("sha256", now),
      sha1: sha("sha1", now),
    });
    expect(Object.keys(await tree(t.mirror)).sort()).toEqual(names.filter((n) => n !== grown));

    // The next pass uploads the grown file; the rewritten one is only refreshed (new mtime).
    t.remote.put = orig;
    const s2 = await mirrorPass(t, { full: true });
    expect(s2).toMatchObject({ uploaded: 1, failed: 0, deferred: [] });
    expect(await tree(t.mirror)).toEqual(await tree(t.share));
    const g = await readFile(path.join(t.share, grown));
    expect(t.journal.get(grown)).toMatchObject({ sha256: sha("sha256", g), sha1: sha("sha1", g) });
    expect((await mirrorPass(t, { full: true, dryRun: true })).plan).toEqual([]);
  });

  it("hashes new files up front when a synced file vanished, and MOVEs the renamed one", async () => {
    const t = await setup({ deletes: { maxFraction: 0.5 } });
    for (let i = 0; i < 4; i++) await put(t.share, `d/f${i}.pdf`, `v1 ${i}`);
    await mirrorPass(t, { full: true });
    const ino = (await stat(path.join(t.mirror, "d/f1.pdf"))).ino;
    await mkdir(path.join(t.share, "KPT"));
    await rename(path.join(t.share, "d/f1.pdf"), path.join(t.share, "KPT/renamed f1.pdf"));
    await put(t.share, "d/new a.pdf", "brand new a");
    await put(t.share, "d/new b.pdf", "brand new b");

    const dry = await mirrorPass(t, { full: true, dryRun: true });
    const move = dry.plan?.find((a) => a.kind === "move");
    expect(move).toMatchObject({ from: "d/f1.pdf", to: "KPT/renamed f1.pdf" });
    expect(move && "local" in move ? move.local : undefined).toMatchObject({
      sha256: sha("sha256", "v1 1"),
    });
    const up = uploads(dry.plan);
    expect(up.map((a) => a.rel).sort()).toEqual(["d/new a.pdf", "d/new b.pdf"]);
    for (const a of up) {
      const content = await readFile(path.join(t.share, a.rel));
      expect(a.local).toMatchObject({ sha256: sha("sha256", content) });
    }

    const s = await mirrorPass(t, { full: true });
    expect(s).toMatchObject({ moved: 1, uploaded: 2, trashed: 0, failed: 0 });
    expect((await stat(path.join(t.mirror, "KPT/renamed f1.pdf"))).ino).toBe(ino);
    expect(await tree(t.mirror, (r) => !r.startsWith("_Dihapus/"))).toEqual(await tree(t.share));
  });
});
