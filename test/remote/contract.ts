/**
 * The one contract suite every Remote must pass (src/remote/types.ts), asserting on the files on
 * disk behind it. Independent of the implementation: `makeRemote` gives a Remote and the folder
 * on disk that stands behind its root (which need not exist yet).
 */
import { createHash, randomBytes } from "node:crypto";
import { createWriteStream, existsSync } from "node:fs";
import { mkdtemp, readdir, readFile, rm, stat, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ArsipdError } from "../../src/errors.js";
import type { PutOptions, Remote } from "../../src/remote/types.js";

export interface RemoteUnderTest {
  remote: Remote;
  /** Folder on disk behind the remote's root. */
  root: string;
  close(): Promise<void>;
}

const sha1 = (b: Buffer | string) => createHash("sha1").update(b).digest("hex");

async function readAll(s: NodeJS.ReadableStream): Promise<Buffer> {
  const parts: Buffer[] = [];
  for await (const c of s as AsyncIterable<Buffer>) parts.push(Buffer.from(c));
  return Buffer.concat(parts);
}

async function kindOf(p: Promise<unknown>): Promise<string> {
  try {
    await p;
    return "resolved";
  } catch (err) {
    return err instanceof ArsipdError ? err.kind : `not an ArsipdError: ${String(err)}`;
  }
}

/** What the server behind a Remote does on its own, so the suite asserts only what applies. */
export interface ContractOptions {
  /** Files the server keeps in its folders by itself (not the Remote's, not the user's). */
  serverFiles?: string[];
  /**
   * What the storage behind the Remote honours (test/servers/matrix.ts for the WebDAV servers):
   * the tests of a feature it lacks are skipped, and the Remote must report the same.
   */
  honours: { setMtime: boolean; sha1: boolean; etags: boolean };
}

export function remoteContract(
  name: string,
  makeRemote: () => Promise<RemoteUnderTest>,
  opts: ContractOptions,
): void {
  const { honours } = opts;
  const serverFiles = new Set(opts.serverFiles ?? []);
  /** The names in a folder on disk, the server's own files left out. */
  const namesIn = async (dir: string) =>
    (await readdir(dir)).filter((n) => !serverFiles.has(n)).sort();
  describe(`Remote contract: ${name}`, () => {
    let t: RemoteUnderTest;
    let local: string;
    let n = 0;
    /** A fresh folder name per test, so tests never see each other's files. */
    const fresh = () => `t${++n}-${randomBytes(3).toString("hex")}`;
    const file = async (content: Buffer | string) => {
      const p = path.join(local, `src-${++n}`);
      await writeFile(p, content);
      return p;
    };
    const put = async (rel: string, content: Buffer | string, o: Partial<PutOptions> = {}) => {
      const buf = Buffer.from(content);
      const mtimeMs = o.mtimeMs ?? Date.UTC(2024, 0, 15, 8, 30, 0);
      return t.remote.put(rel, await file(buf), {
        size: buf.length,
        mtimeMs,
        sha1: sha1(buf),
        ...o,
      });
    };
    const onDisk = (rel: string) => path.join(t.root, ...rel.split("/"));

    beforeAll(async () => {
      t = await makeRemote();
      local = await mkdtemp(path.join(os.tmpdir(), "arsipd-contract-"));
    });
    afterAll(async () => {
      await t?.remote.close?.();
      await t?.close();
      if (local) await rm(local, { recursive: true, force: true });
    });

    it("describes itself without credentials and checks as reachable", async () => {
      expect(t.remote.description).not.toMatch(/:[^/]*@/);
      const h = await t.remote.check();
      expect(h.ok).toBe(true);
    });

    it("mkdirp creates parents and is idempotent", async () => {
      const d = `${fresh()}/a/b c`;
      await t.remote.mkdirp(d);
      await t.remote.mkdirp(d);
      await t.remote.mkdirp(d.split("/")[0]!);
      expect((await stat(onDisk(d))).isDirectory()).toBe(true);
    });

    it("stat answers null when missing, and describes files and folders", async () => {
      const d = fresh();
      expect(await t.remote.stat(`${d}/nothing.pdf`)).toBeNull();
      await t.remote.mkdirp(d);
      await put(`${d}/x.pdf`, "12345");
      const f = await t.remote.stat(`${d}/x.pdf`);
      expect(f).toMatchObject({ path: `${d}/x.pdf`, type: "file", size: 5 });
      expect(await t.remote.stat(d)).toMatchObject({ path: d, type: "dir" });
    });

    it("lists everything below a folder recursively, [] when missing", async () => {
      const d = fresh();
      expect(await t.remote.list(d)).toEqual([]);
      await t.remote.mkdirp(`${d}/A/B`);
      await put(`${d}/one.pdf`, "1");
      await put(`${d}/A/B/two.pdf`, "22");
      const got = (await t.remote.list(d)).map((e) => [e.path, e.type, e.size]);
      expect(got.sort()).toEqual(
        [
          [`${d}/A`, "dir", 0],
          [`${d}/A/B`, "dir", 0],
          [`${d}/A/B/two.pdf`, "file", 2],
          [`${d}/one.pdf`, "file", 1],
        ].sort(),
      );
      const all = await t.remote.list();
      expect(all.map((e) => e.path)).toContain(`${d}/A/B/two.pdf`);
    });

    it("listDir lists the folder and only its immediate children, nothing when missing", async () => {
      const d = fresh();
      expect(await t.remote.listDir(d)).toEqual({ folder: null, children: [] });
      await t.remote.mkdirp(`${d}/A/B`);
      await put(`${d}/one.pdf`, "1");
      await put(`${d}/A/two.pdf`, "22");
      const l = await t.remote.listDir(d);
      expect(l.folder).toMatchObject({ path: d, type: "dir" });
      const got = l.children.map((e) => [e.path, e.type, e.size]);
      expect(got.sort()).toEqual(
        [
          [`${d}/A`, "dir", 0],
          [`${d}/one.pdf`, "file", 1],
        ].sort(),
      );
    });

    it("put with sizeCheck 'caller' stores the bytes and leaves the check to the caller", async () => {
      const d = fresh();
      await t.remote.mkdirp(d);
      const body = randomBytes(4321);
      const src = await file(body);
      const r = await t.remote.put(`${d}/x.pdf`, src, {
        size: body.length,
        mtimeMs: Date.UTC(2024, 0, 15, 8, 30, 0),
        sha1: sha1(body),
        sizeCheck: "caller",
      });
      const listed = (await t.remote.listDir(d)).children.find((e) => e.path === `${d}/x.pdf`);
      expect(listed?.size).toBe(body.length);
      expect(await readFile(onDisk(`${d}/x.pdf`))).toEqual(body);
      expect(r.entry === null || r.entry.size === body.length).toBe(true);
    });

    it("put with content sends those bytes, not a fresh read of the file", async () => {
      const d = fresh();
      await t.remote.mkdirp(d);
      const hashed = randomBytes(5000);
      // The file on disk changed after it was read and hashed: the upload must be of what was
      // hashed, so the content the caller passes wins over the file's current bytes.
      const src = await file(randomBytes(5000));
      const r = await t.remote.put(`${d}/c.pdf`, src, {
        size: hashed.length,
        mtimeMs: Date.UTC(2024, 0, 15, 8, 30, 0),
        sha1: sha1(hashed),
        content: hashed,
      });
      expect(await readFile(onDisk(`${d}/c.pdf`))).toEqual(hashed);
      expect(r.entry?.size).toBe(hashed.length);
    });

    it("put stores the bytes, reports the entry and what the storage honours", async () => {
      const d = fresh();
      await t.remote.mkdirp(d);
      const mtimeMs = Date.UTC(2023, 4, 6, 7, 8, 9);
      const res = await put(`${d}/k.pdf`, "keputusan", { mtimeMs });
      expect(await readFile(onDisk(`${d}/k.pdf`), "utf8")).toBe("keputusan");
      expect(res.entry).toMatchObject({ path: `${d}/k.pdf`, type: "file", size: 9 });
      expect(res.mtimeKept).toBe(honours.setMtime);
      const caps = await t.remote.capabilities();
      expect(caps.setMtime).toBe(honours.setMtime);
      expect(caps.checksums.includes("sha1")).toBe(honours.sha1);
      expect(caps.etags).toBe(honours.etags);
      expect(res.entry?.etag !== undefined).toBe(honours.etags);
    });

    it.skipIf(!honours.setMtime)("put keeps the mtime it is given", async () => {
      const d = fresh();
      await t.remote.mkdirp(d);
      const mtimeMs = Date.UTC(2023, 4, 6, 7, 8, 9);
      const res = await put(`${d}/k.pdf`, "keputusan", { mtimeMs });
      expect((await stat(onDisk(`${d}/k.pdf`))).mtimeMs).toBe(mtimeMs);
      expect(res.entry?.mtimeMs).toBe(mtimeMs);
    });

    it.skipIf(!honours.sha1)("put leaves a SHA-1 the storage reports back", async () => {
      const d = fresh();
      await t.remote.mkdirp(d);
      await put(`${d}/k.pdf`, "keputusan");
      expect((await t.remote.stat(`${d}/k.pdf`))?.checksums?.sha1).toBe(sha1("keputusan"));
    });

    it("put replaces a file whole and leaves no scratch file behind", async () => {
      const d = fresh();
      await t.remote.mkdirp(d);
      await put(`${d}/r.pdf`, "old");
      await put(`${d}/r.pdf`, "new content");
      expect(await readFile(onDisk(`${d}/r.pdf`), "utf8")).toBe("new content");
      expect(await namesIn(onDisk(d))).toEqual(["r.pdf"]);
    });

    it.skipIf(!honours.etags)("a replaced file gets a new ETag", async () => {
      const d = fresh();
      await t.remote.mkdirp(d);
      const a = await put(`${d}/e.pdf`, "old");
      const b = await put(`${d}/e.pdf`, "new content");
      expect(a.entry?.etag).toBeTruthy();
      expect(b.entry?.etag).toBeTruthy();
      expect(b.entry?.etag).not.toBe(a.entry?.etag);
    });

    it("ifNoneMatch refuses an existing target with a conflict", async () => {
      const d = fresh();
      await t.remote.mkdirp(d);
      await put(`${d}/n.pdf`, "first", { ifNoneMatch: true });
      expect(await kindOf(put(`${d}/n.pdf`, "second", { ifNoneMatch: true }))).toBe("conflict");
      expect(await readFile(onDisk(`${d}/n.pdf`), "utf8")).toBe("first");
      expect(await namesIn(onDisk(d))).toEqual(["n.pdf"]);
    });

    it("ifMatch refuses a target whose ETag is another", async () => {
      const d = fresh();
      await t.remote.mkdirp(d);
      await put(`${d}/m.pdf`, "v1");
      expect(await kindOf(put(`${d}/m.pdf`, "v2", { ifMatch: '"not-the-etag"' }))).toBe("conflict");
      expect(await readFile(onDisk(`${d}/m.pdf`), "utf8")).toBe("v1");
    });

    it.skipIf(!honours.etags)("ifMatch replaces while the ETag still matches", async () => {
      const d = fresh();
      await t.remote.mkdirp(d);
      const first = await put(`${d}/m.pdf`, "v1");
      await put(`${d}/m.pdf`, "v2", { ifMatch: first.entry?.etag });
      expect(await readFile(onDisk(`${d}/m.pdf`), "utf8")).toBe("v2");
    });

    it("move renames, and never overwrites", async () => {
      const d = fresh();
      await t.remote.mkdirp(`${d}/sub`);
      await put(`${d}/a.pdf`, "A");
      await put(`${d}/b.pdf`, "B");
      await t.remote.move(`${d}/a.pdf`, `${d}/sub/a2.pdf`);
      expect(existsSync(onDisk(`${d}/a.pdf`))).toBe(false);
      expect(await readFile(onDisk(`${d}/sub/a2.pdf`), "utf8")).toBe("A");
      expect(await kindOf(t.remote.move(`${d}/sub/a2.pdf`, `${d}/b.pdf`))).toBe("conflict");
      expect(await readFile(onDisk(`${d}/b.pdf`), "utf8")).toBe("B");
      expect(await readFile(onDisk(`${d}/sub/a2.pdf`), "utf8")).toBe("A");
    });

    it("read streams a file; notFound when missing", async () => {
      const d = fresh();
      await t.remote.mkdirp(d);
      await put(`${d}/g.pdf`, "isi berkas");
      expect((await readAll(await t.remote.read(`${d}/g.pdf`))).toString()).toBe("isi berkas");
      expect(await kindOf(t.remote.read(`${d}/none.pdf`).then(readAll))).toBe("notFound");
    });

    it("removeScratch deletes a file", async () => {
      const d = fresh();
      await t.remote.mkdirp(d);
      await put(`${d}/.x.part`, "tmp");
      await t.remote.removeScratch(`${d}/.x.part`);
      expect(existsSync(onDisk(`${d}/.x.part`))).toBe(false);
    });

    it("handles awkward names: spaces, % & # ? + ; ' and non-ASCII (NFC)", async () => {
      const d = `${fresh()}/Sekretariat & Umum #1`;
      const nameNfd = "Keputusan 100% ü é + ç; a?b #2 Jum'at %41.pdf".normalize("NFD");
      const name = nameNfd.normalize("NFC");
      await t.remote.mkdirp(d);
      await put(`${d}/${name}`, "aneh");
      expect(await readFile(onDisk(`${d}/${name}`), "utf8")).toBe("aneh");
      const listed = await t.remote.list(d.split("/")[0]!);
      expect(listed.map((e) => e.path)).toContain(`${d}/${name}`);
      expect((await t.remote.stat(`${d}/${name}`))?.size).toBe(4);
      await t.remote.move(`${d}/${name}`, `${d}/${name} (2)`);
      expect((await readAll(await t.remote.read(`${d}/${name} (2)`))).toString()).toBe("aneh");
    });

    it("streams a 50 MB file intact, reporting progress", async () => {
      const d = fresh();
      await t.remote.mkdirp(d);
      const big = path.join(local, "big.bin");
      const hash = createHash("sha1");
      const size = 50 * 1024 * 1024;
      await new Promise<void>((resolve, reject) => {
        const w = createWriteStream(big);
        w.on("error", reject);
        const chunk = randomBytes(1024 * 1024);
        for (let i = 0; i < 50; i++) {
          w.write(chunk);
          hash.update(chunk);
        }
        w.end(resolve);
      });
      const digest = hash.digest("hex");
      let last = 0;
      const res = await t.remote.put(`${d}/big.bin`, big, {
        size,
        mtimeMs: Date.now(),
        sha1: digest,
        onProgress: (b) => {
          last = b;
        },
      });
      expect(res.entry.size).toBe(size);
      expect(last).toBe(size);
      expect(sha1(await readFile(onDisk(`${d}/big.bin`)))).toBe(digest);
    });

    it("an aborted upload leaves the previous content and no partial file", async () => {
      const d = fresh();
      await t.remote.mkdirp(d);
      await put(`${d}/z.bin`, "previous");
      const content = randomBytes(8 * 1024 * 1024);
      const ac = new AbortController();
      const outcome = put(`${d}/z.bin`, content, {
        signal: ac.signal,
        onProgress: (b) => {
          if (b > 1024 * 1024) ac.abort();
        },
      });
      expect(await kindOf(outcome)).not.toBe("resolved");
      expect(await readFile(onDisk(`${d}/z.bin`), "utf8")).toBe("previous");
      // The server ends the aborted request in its own time (Apache's mod_dav_fs deletes its
      // ".davfs.tmp…" once it notices the client gone, later on a loaded machine): no partial
      // file may be left once it has, so the folder is looked at for up to 10 s.
      let names = await namesIn(onDisk(d));
      for (let i = 0; i < 100 && names.join() !== "z.bin"; i++) {
        await new Promise((r) => setTimeout(r, 100));
        names = await namesIn(onDisk(d));
      }
      expect(names).toEqual(["z.bin"]);
    });
  });
}
