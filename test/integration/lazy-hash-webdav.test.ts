/**
 * Late-hashed new files against SabreDAV with the OwnCloud emulation, which verifies OC-Checksum
 * (a wrong SHA-1 is refused with 400) and reports what it stored as oc:checksums: the SHA-1 sent
 * before the body is that of the bytes, and the journal holds the same digests. A new file whose
 * path is already taken (a quick pass does not list the remote) is resolved once it is hashed.
 */
import { createHash, randomBytes } from "node:crypto";
import { readdir, readFile } from "node:fs/promises";
import path from "node:path";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { mirrorPass } from "../../src/mirror/pass.js";
import type { WebDavRemote } from "../../src/remote/webdav.js";
import { closeAll, put, setup } from "../mirror/helpers.js";
import { makeWebDav, rootOnDisk } from "../remote/helpers.js";
import { type DavServer, startSabre } from "../servers/index.js";

const sha = (algo: string, b: Buffer) => createHash(algo).update(b).digest("hex");

describe("late hashing against SabreDAV (OwnCloud emulation)", () => {
  let server: DavServer;
  let remote: WebDavRemote;
  beforeAll(async () => {
    server = await startSabre();
    remote = makeWebDav(server);
    await remote.mkdirp("");
  });
  afterAll(async () => {
    await server?.stop();
  });
  afterEach(closeAll);

  it("sends each fresh file's SHA-1 as OC-Checksum and records its digests", async () => {
    const t = await setup();
    const files: Record<string, Buffer> = {};
    for (let i = 0; i < 16; i++)
      files[`first/KPT/${i % 4}/dok ${i} #%&.pdf`] = randomBytes(1000 + i * 3000);
    for (const [rel, b] of Object.entries(files)) await put(t.share, rel, b);
    const ctx = { ...t, remote };

    const s = await mirrorPass(ctx, { full: true });
    expect(s).toMatchObject({ uploaded: 16, failed: 0, conflicts: 0, deferred: [] });
    const listed = new Map((await remote.list("first")).map((e) => [e.path, e]));
    for (const [rel, b] of Object.entries(files)) {
      expect(listed.get(rel)?.checksums?.sha1, rel).toBe(sha("sha1", b));
      expect(t.journal.get(rel), rel).toMatchObject({
        sha256: sha("sha256", b),
        sha1: sha("sha1", b),
        etag: listed.get(rel)?.etag,
      });
      expect(await readFile(path.join(rootOnDisk(server), rel))).toEqual(b);
    }
    expect((await mirrorPass(ctx, { full: true, dryRun: true })).plan).toEqual([]);
  });

  it("a quick pass adopts our bytes already at the path and keeps someone else's", async () => {
    const t = await setup();
    const ours = randomBytes(5000);
    const theirs = randomBytes(5000);
    const mine = randomBytes(5000);
    await put(t.share, "quick/same.pdf", ours);
    await put(t.share, "quick/taken.pdf", mine);
    // Uploaded by "someone" a day ago (with the SHA-1, as an earlier upload of ours would be):
    // only the checksum can tell that same.pdf holds our bytes.
    await remote.mkdirp("quick");
    for (const [rel, b] of [
      ["quick/same.pdf", ours],
      ["quick/taken.pdf", theirs],
    ] as const) {
      const tmp = path.join(t.base, "upload");
      await put(t.base, "upload", b);
      await remote.put(rel, tmp, {
        size: b.length,
        mtimeMs: Date.now() - 86_400_000,
        sha1: sha("sha1", b),
      });
    }
    const s = await mirrorPass({ ...t, remote }, {});
    expect(s).toMatchObject({ adopted: 1, conflicts: 1, uploaded: 1, failed: 0 });
    expect(t.journal.get("quick/same.pdf")).toMatchObject({ sha256: sha("sha256", ours) });
    expect(t.journal.get("quick/taken.pdf")).toMatchObject({ sha256: sha("sha256", mine) });
    const dir = path.join(rootOnDisk(server), "quick");
    const names = (await readdir(dir)).sort();
    expect(names.filter((n) => n.includes("konflik"))).toHaveLength(1);
    const kept = names.find((n) => n.includes("konflik")) as string;
    expect(await readFile(path.join(dir, kept))).toEqual(theirs);
    expect(await readFile(path.join(dir, "taken.pdf"))).toEqual(mine);
    expect(await readFile(path.join(dir, "same.pdf"))).toEqual(ours);
  });
});
