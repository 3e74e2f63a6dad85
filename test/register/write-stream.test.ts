import { mkdtemp, readdir, readFile, rm, stat, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { csvBuffer, csvLine } from "../../src/register/csv.js";
import { writeChunksIfChanged } from "../../src/register/write-stream.js";

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), "arsipd-wstream-"));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe("writeChunksIfChanged", () => {
  it("writes a new file, then leaves identical content untouched", async () => {
    const f = path.join(dir, "a.txt");
    expect(await writeChunksIfChanged(f, ["ab", Buffer.from("cd"), "e"])).toBe(true);
    expect(await readFile(f, "utf8")).toBe("abcde");
    const before = (await stat(f)).mtimeMs;
    await new Promise((r) => setTimeout(r, 20));
    expect(await writeChunksIfChanged(f, ["abc", "de"])).toBe(false);
    expect((await stat(f)).mtimeMs).toBe(before);
  });

  it("rewrites when the content differs late, grows or shrinks, keeping the shared prefix", async () => {
    const f = path.join(dir, "b.txt");
    const big = "x".repeat(3 << 20);
    await writeFile(f, `${big}old`);
    expect(await writeChunksIfChanged(f, [big, "new"])).toBe(true);
    expect(await readFile(f, "utf8")).toBe(`${big}new`);
    expect(await writeChunksIfChanged(f, [big, "new", "er"])).toBe(true);
    expect(await readFile(f, "utf8")).toBe(`${big}newer`);
    expect(await writeChunksIfChanged(f, [big])).toBe(true);
    expect(await readFile(f, "utf8")).toBe(big);
    expect(await writeChunksIfChanged(f, [])).toBe(true);
    expect(await readFile(f, "utf8")).toBe("");
    expect(await readdir(dir)).toEqual(["b.txt"]);
  });

  it("removes its temp file when the producer throws, leaving the old file", async () => {
    const f = path.join(dir, "c.txt");
    await writeFile(f, "old");
    function* bad(): Generator<Buffer> {
      yield Buffer.from("other content"); // differs at once: the temp file exists when it throws
      throw new Error("boom");
    }
    await expect(writeChunksIfChanged(f, bad())).rejects.toThrow("boom");
    expect(await readFile(f, "utf8")).toBe("old");
    expect(await readdir(dir)).toEqual(["c.txt"]);
  });
});

describe("csvLine", () => {
  it("quotes separators, quotes and any line break, and neutralises formulas", () => {
    expect(csvLine(["a;b", 'say "hi"', "x\ny", "=1+1", 3, null, ""], ";")).toBe(
      '"a;b";"say ""hi""";"x\ny";\'=1+1;3;;\r\n',
    );
    expect(csvBuffer([["a"]], ";").subarray(0, 3)).toEqual(Buffer.from([0xef, 0xbb, 0xbf]));
  });
});
