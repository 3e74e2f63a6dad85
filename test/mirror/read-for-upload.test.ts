/** readForUpload: one read for small files (bytes and digests agree), a stream for big ones. */
import { createHash, randomBytes } from "node:crypto";
import { appendFile, mkdtemp, rm, stat, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { READ_WHOLE_MAX, readForUpload } from "../../src/mirror/digests.js";

const hex = (algo: string, b: Buffer) => createHash(algo).update(b).digest("hex");

describe("readForUpload", () => {
  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(path.join(os.tmpdir(), "arsipd-rfu-"));
  });
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });
  const scanned = async (name: string, bytes: Buffer) => {
    const abs = path.join(dir, name);
    await writeFile(abs, bytes);
    const st = await stat(abs);
    return { rel: name, abs, size: st.size, mtimeMs: st.mtimeMs };
  };

  it("hands back the bytes it hashed for a small file", async () => {
    const bytes = randomBytes(200_000);
    const r = await readForUpload(await scanned("small.pdf", bytes));
    if (r === "changed") throw new Error("unexpected");
    expect(r.content).toEqual(bytes);
    expect(r.file).toMatchObject({ size: bytes.length, sha256: hex("sha256", bytes) });
    expect(r.file.sha1).toBe(hex("sha1", bytes));
  });

  it("streams a file over the limit and keeps no bytes", async () => {
    const bytes = randomBytes(READ_WHOLE_MAX + 1);
    const r = await readForUpload(await scanned("big.pdf", bytes));
    if (r === "changed") throw new Error("unexpected");
    expect(r.content).toBeUndefined();
    expect(r.file.sha256).toBe(hex("sha256", bytes));
    expect(r.file.sha1).toBe(hex("sha1", bytes));
  });

  it("says changed when the file grew since the scan, for both sizes", async () => {
    for (const n of [1000, READ_WHOLE_MAX + 10]) {
      const f = await scanned(`grow-${n}.pdf`, randomBytes(n));
      await appendFile(f.abs, "more");
      expect(await readForUpload(f)).toBe("changed");
    }
  });
});
