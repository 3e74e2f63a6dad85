/** The size-rotated log file: where it continues, when it rotates, what it keeps. */
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { RollingFile } from "../../src/log/rolling-file.js";

const names = (dir: string) => readdirSync(dir).sort();

describe("RollingFile", () => {
  it("continues the newest file, rotates before a line would pass the size, keeps the newest N", () => {
    const dir = mkdtempSync(path.join(tmpdir(), "arsipd-roll-"));
    writeFileSync(path.join(dir, "arsipd.2.log"), "old two\n");
    writeFileSync(path.join(dir, "arsipd.7.log"), "old seven\n");
    writeFileSync(path.join(dir, "other.txt"), "not ours\n");
    const f = new RollingFile({ dir, base: "arsipd", maxBytes: 40, keep: 3 });
    f.write("line a 0123456789\n"); // 10 + 18 = 28 bytes: still file 7
    f.write("line b 0123456789\n"); // would be 46 > 40: file 8
    f.write("line c 0123456789\n"); // 36: file 8
    f.write("line d 0123456789\n"); // file 9
    f.close();
    expect(readFileSync(path.join(dir, "arsipd.7.log"), "utf8")).toBe(
      "old seven\nline a 0123456789\n",
    );
    expect(readFileSync(path.join(dir, "arsipd.8.log"), "utf8")).toBe(
      "line b 0123456789\nline c 0123456789\n",
    );
    expect(readFileSync(path.join(dir, "arsipd.9.log"), "utf8")).toBe("line d 0123456789\n");
    expect(names(dir)).toEqual(["arsipd.7.log", "arsipd.8.log", "arsipd.9.log", "other.txt"]);
  });

  it("starts at 1 in an empty folder and writes a line longer than the limit whole", () => {
    const dir = path.join(mkdtempSync(path.join(tmpdir(), "arsipd-roll-")), "logs");
    const f = new RollingFile({ dir, base: "arsipd", maxBytes: 10, keep: 10 });
    const long = `${"x".repeat(50)}\n`;
    f.write(long);
    f.write("y\n");
    f.close();
    expect(readFileSync(path.join(dir, "arsipd.1.log"), "utf8")).toBe(long);
    expect(readFileSync(path.join(dir, "arsipd.2.log"), "utf8")).toBe("y\n");
  });
});
