/**
 * The one atomic write (util/atomic-write.ts) and the register's streaming writer built on it:
 * a child process replacing a file is SIGKILLed after each of its file-system changes
 * (test/support/crash-at.mjs); the file is then always the whole old or the whole new content,
 * and whatever else is left beside it is a temp file of arsipd's own pattern.
 */
import { mkdtemp, readdir, readFile, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { OWN_TEMP, writeFileAtomic } from "../../src/util/atomic-write.js";
import { REPO } from "../helpers/cli.js";
import { runWithCrashHook, stepName, stepsOf } from "../support/crash.js";

const OLD = "old content, whole\n".repeat(1000);
const NEW = `${"old content, whole\n".repeat(500)}new content, whole\n`.repeat(3);

const WRITERS = {
  writeFileAtomic: (file: string) => `
    import { writeFileAtomic } from ${JSON.stringify(path.join(REPO, "dist/util/atomic-write.js"))};
    await writeFileAtomic(${JSON.stringify(file)}, ${JSON.stringify(NEW)});
  `,
  writeChunksIfChanged: (file: string) => `
    import { writeChunksIfChanged } from ${JSON.stringify(path.join(REPO, "dist/register/write-stream.js"))};
    const text = ${JSON.stringify(NEW)};
    await writeChunksIfChanged(${JSON.stringify(file)}, text.match(/[^]{1,4000}/g));
  `,
};

async function oldFile(): Promise<{ dir: string; file: string }> {
  const dir = await mkdtemp(path.join(os.tmpdir(), "arsipd-atomic-"));
  const file = path.join(dir, "Daftar Keputusan.csv");
  await writeFile(file, OLD);
  return { dir, file };
}

describe("a kill while a file is replaced", () => {
  for (const [name, script] of Object.entries(WRITERS)) {
    it(`${name}: after any step the file is the whole old or the whole new one`, async () => {
      const first = await oldFile();
      const steps = stepsOf(script(first.file));
      expect(await readFile(first.file, "utf8")).toBe(NEW);
      expect(steps.map((s) => s.call)).toEqual(expect.arrayContaining(["open", "rename"]));
      for (let n = 1; n <= steps.length; n++) {
        const at = stepName(steps, n);
        const { dir, file } = await oldFile();
        expect(runWithCrashHook(script(file), n).signal, at).toBe("SIGKILL");
        expect([OLD, NEW], at).toContain(await readFile(file, "utf8"));
        const others = (await readdir(dir)).filter((x) => x !== path.basename(file));
        expect(
          others.filter((x) => !OWN_TEMP.test(x)),
          at,
        ).toEqual([]);
      }
    }, 300_000);
  }

  it("writeFileAtomic leaves no temp file when it completes, even for a 255-byte name", async () => {
    const dir = await mkdtemp(path.join(os.tmpdir(), "arsipd-atomic-"));
    const long = `${"x".repeat(251)}.txt`;
    await writeFileAtomic(path.join(dir, long), "a");
    await writeFileAtomic(path.join(dir, long), "b");
    expect(await readdir(dir)).toEqual([long]);
    expect(await readFile(path.join(dir, long), "utf8")).toBe("b");
  });
});
