/**
 * What only the local-folder remote promises, beyond the Remote contract it passes with the
 * WebDAV servers (local-contract.test.ts runs test/remote/contract.ts on it): paths never leave
 * the mirror folder, a move keeps the file's inode (a rename, not a copy), and a put whose size
 * is wrong fails without leaving a scratch file.
 */
import { readdir, stat } from "node:fs/promises";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { ArsipdError } from "../../src/errors.js";
import { put, setup } from "../mirror/helpers.js";

describe("LocalRemote beyond the contract", () => {
  it("refuses a path that leaves the mirror folder", async () => {
    const { remote } = await setup();
    await expect(remote.stat("../etc")).rejects.toThrow(/invalid remote path/);
    await expect(remote.mkdirp("a/../../x")).rejects.toThrow(/invalid remote path/);
  });

  it("a move is a rename: the inode stays", async () => {
    const { remote, mirror } = await setup();
    await put(mirror, "a.pdf", "A");
    await remote.mkdirp("d");
    const ino = (await stat(path.join(mirror, "a.pdf"))).ino;
    await remote.move("a.pdf", "d/ä.pdf");
    expect((await stat(path.join(mirror, "d/ä.pdf"))).ino).toBe(ino);
  });

  it("a put whose size is wrong (the file changed meanwhile) fails and leaves no scratch file", async () => {
    const { remote, mirror, base } = await setup();
    await put(base, "src", "two!");
    await expect(
      remote.put("y.pdf", path.join(base, "src"), { size: 9, mtimeMs: 0 }),
    ).rejects.toBeInstanceOf(ArsipdError);
    expect(await readdir(mirror)).toEqual([]);
  });
});
