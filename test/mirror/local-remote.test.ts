import { readdir, readFile, stat } from "node:fs/promises";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { ArsipdError } from "../../src/errors.js";
import { put, setup } from "./helpers.js";

describe("LocalRemote", () => {
  it("list/stat/mkdirp honour the contract", async () => {
    const { remote, mirror } = await setup();
    expect(await remote.list("nope")).toEqual([]);
    expect(await remote.stat("nope/x")).toBeNull();
    await remote.mkdirp("a/b c/d");
    await remote.mkdirp("a/b c/d");
    await put(mirror, "a/b c/x.pdf", "hello");
    const l = await remote.list();
    expect(l.map((e) => `${e.type}:${e.path}`)).toEqual([
      "dir:a",
      "dir:a/b c",
      "dir:a/b c/d",
      "file:a/b c/x.pdf",
    ]);
    expect(await remote.stat("a/b c/x.pdf")).toMatchObject({ type: "file", size: 5 });
    await expect(remote.stat("../etc")).rejects.toThrow(/invalid remote path/);
  });

  it("put: atomic, keeps mtime, etag changes, conditions enforced", async () => {
    const { remote, mirror, base } = await setup();
    await put(base, "src1", "one");
    await put(base, "src2", "two!");
    const mtimeMs = Date.UTC(2023, 0, 2, 3, 4, 5);
    const r1 = await remote.put("x #%&.pdf", path.join(base, "src1"), {
      size: 3,
      mtimeMs,
      ifNoneMatch: true,
    });
    expect(r1).toMatchObject({ mtimeKept: true, entry: { size: 3, mtimeMs } });
    await expect(
      remote.put("x #%&.pdf", path.join(base, "src2"), { size: 4, mtimeMs, ifNoneMatch: true }),
    ).rejects.toMatchObject({ kind: "conflict" });
    await expect(
      remote.put("x #%&.pdf", path.join(base, "src2"), { size: 4, mtimeMs, ifMatch: "stale" }),
    ).rejects.toMatchObject({ kind: "conflict" });
    expect(await readFile(path.join(mirror, "x #%&.pdf"), "utf8")).toBe("one");
    const r2 = await remote.put("x #%&.pdf", path.join(base, "src2"), {
      size: 4,
      mtimeMs,
      ifMatch: r1.entry.etag,
    });
    expect(r2.entry.etag).not.toBe(r1.entry.etag);
    expect(await readFile(path.join(mirror, "x #%&.pdf"), "utf8")).toBe("two!");
    // A wrong size (the local file changed) fails and leaves no scratch behind.
    await expect(
      remote.put("y.pdf", path.join(base, "src2"), { size: 9, mtimeMs }),
    ).rejects.toBeInstanceOf(ArsipdError);
    expect(await readdir(mirror)).toEqual(["x #%&.pdf"]);
  });

  it("put aborted by its signal leaves the previous content", async () => {
    const { remote, mirror, base } = await setup();
    await put(mirror, "t.bin", "old");
    await put(base, "big", Buffer.alloc(8 * 1024 * 1024, 1));
    const ac = new AbortController();
    const p = remote.put("t.bin", path.join(base, "big"), {
      size: 8 * 1024 * 1024,
      mtimeMs: 0,
      signal: ac.signal,
      onProgress: () => ac.abort(),
    });
    await expect(p).rejects.toBeInstanceOf(ArsipdError);
    expect(await readFile(path.join(mirror, "t.bin"), "utf8")).toBe("old");
    expect(await readdir(mirror)).toEqual(["t.bin"]);
  });

  it("move never overwrites and keeps the inode", async () => {
    const { remote, mirror } = await setup();
    await put(mirror, "a.pdf", "A");
    await put(mirror, "b.pdf", "B");
    await remote.mkdirp("d");
    const ino = (await stat(path.join(mirror, "a.pdf"))).ino;
    await expect(remote.move("a.pdf", "b.pdf")).rejects.toMatchObject({ kind: "conflict" });
    await expect(remote.move("zz.pdf", "c.pdf")).rejects.toMatchObject({ kind: "notFound" });
    await remote.move("a.pdf", "d/ä.pdf");
    expect((await stat(path.join(mirror, "d/ä.pdf"))).ino).toBe(ino);
    expect(await remote.stat("a.pdf")).toBeNull();
    await expect(remote.read("a.pdf")).rejects.toMatchObject({ kind: "notFound" });
  });
});
