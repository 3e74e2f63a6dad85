/**
 * Crash safety: a child process organizes with copy-moves and is SIGKILLed between copy and
 * unlink (test/support/crash-before.mjs); the next pass must finish the move, losing nothing and not
 * calling it a duplicate. Plus a real cross-file-system move (/dev/shm vs the temp folder).
 */
import { spawnSync } from "node:child_process";
import { existsSync, statSync } from "node:fs";
import { mkdtemp, readdir, readFile, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { moveFile } from "../../src/organizer/move.js";
import { organize } from "../../src/organizer/organize.js";
import { REPO } from "../helpers/cli.js";
import { CRASH_BEFORE, CRASH_HOOK } from "../helpers/crash.js";
import { NOW, put, silent, tempShare } from "./helpers.js";

function crashChild(share: string, state: string, at: string) {
  const script = `
    import { organize } from ${JSON.stringify(path.join(REPO, "dist/organizer/organize.js"))};
    import { configSchema } from ${JSON.stringify(path.join(REPO, "dist/config/schema.js"))};
    import pino from "pino";
    const config = configSchema.parse({ share: ${JSON.stringify(share)}, stateDir: ${JSON.stringify(state)} });
    await organize({ config, log: pino({ level: "silent" }), now: () => new Date(${NOW.getTime()}) }, { copyMoves: true });
  `;
  return spawnSync(
    process.execPath,
    ["--import", CRASH_HOOK, "--input-type=module", "-e", script],
    {
      cwd: REPO,
      env: { ...process.env, ARSIPD_CRASH_BEFORE: CRASH_BEFORE[at] },
      encoding: "utf8",
    },
  );
}

describe("crash-safe moves", () => {
  for (const at of ["after-copy", "after-place"]) {
    it(`a kill ${at} loses nothing and the next pass completes the move`, async () => {
      const { share, state, config } = await tempShare();
      await put(share, "MASUK/SK Ketua No 12 Th 2024.pdf", "precious bytes");
      const child = crashChild(share, state, at);
      expect(child.signal).toBe("SIGKILL");
      const target = path.join(share, "KPT-KETUA/2024/KPT-KETUA_2024_012.pdf");
      const source = path.join(share, "MASUK/SK Ketua No 12 Th 2024.pdf");
      expect(existsSync(target) || existsSync(source)).toBe(true);
      const r = await organize({ config, log: silent, now: () => NOW });
      expect([r.duplicates, r.conflicts, r.quarantined]).toEqual([[], [], []]);
      expect(await readFile(target, "utf8")).toBe("precious bytes");
      expect(existsSync(source)).toBe(false);
      expect((await readdir(path.dirname(target))).filter((n) => n.startsWith("."))).toEqual([]);
      if (at === "after-place") {
        expect(r.completed).toEqual([
          { from: "MASUK/SK Ketua No 12 Th 2024.pdf", to: "KPT-KETUA/2024/KPT-KETUA_2024_012.pdf" },
        ]);
      } else {
        expect(r.moves).toHaveLength(1);
      }
    });
  }

  it("moves across file systems by copy + verify, never overwriting", async () => {
    const shm = existsSync("/dev/shm") ? "/dev/shm" : os.tmpdir();
    const a = await mkdtemp(path.join(shm, "arsipd-x-"));
    const b = await mkdtemp(path.join(os.tmpdir(), "arsipd-y-"));
    const state = await mkdtemp(path.join(os.tmpdir(), "arsipd-s-"));
    await writeFile(path.join(a, "f.pdf"), "cross");
    await moveFile(path.join(a, "f.pdf"), path.join(b, "f.pdf"), { stateDir: state });
    expect(await readFile(path.join(b, "f.pdf"), "utf8")).toBe("cross");
    expect(existsSync(path.join(a, "f.pdf"))).toBe(false);
    await writeFile(path.join(a, "g.pdf"), "new");
    await expect(
      moveFile(path.join(a, "g.pdf"), path.join(b, "f.pdf"), { stateDir: state }),
    ).rejects.toMatchObject({ code: "EEXIST" });
    expect(await readFile(path.join(b, "f.pdf"), "utf8")).toBe("cross");
    expect(await readFile(path.join(a, "g.pdf"), "utf8")).toBe("new");
    expect(await readdir(path.join(state, "moves"))).toEqual([]);
    // With /dev/shm (tmpfs) this really crossed file systems (EXDEV path).
    if (shm === "/dev/shm") expect(statSync(a).dev).not.toBe(statSync(b).dev);
  });
});
