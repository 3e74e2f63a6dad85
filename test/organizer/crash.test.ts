/**
 * Crash safety: a child process organizes with moves (same file system, and copy-moves) and is
 * SIGKILLed after each of its file-system changes (test/support/crash-at.mjs); the next pass
 * must finish the move, losing nothing and not calling it a duplicate. Plus a real
 * cross-file-system move (/dev/shm vs the temp folder).
 */
import { existsSync, statSync } from "node:fs";
import { mkdtemp, readdir, readFile, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { moveFile } from "../../src/organizer/move.js";
import { organize } from "../../src/organizer/organize.js";
import { REPO } from "../helpers/cli.js";
import { runWithCrashHook, stepName, stepsOf } from "../support/crash.js";
import { NOW, put, silent, tempShare } from "./helpers.js";

function childScript(share: string, state: string, copy: boolean): string {
  return `
    import { organize } from ${JSON.stringify(path.join(REPO, "dist/organizer/organize.js"))};
    import { configSchema } from ${JSON.stringify(path.join(REPO, "dist/config/schema.js"))};
    import pino from "pino";
    const config = configSchema.parse({ share: ${JSON.stringify(share)}, stateDir: ${JSON.stringify(state)} });
    await organize({ config, log: pino({ level: "silent" }), now: () => new Date(${NOW.getTime()}) }, { copyMoves: ${copy} });
  `;
}

const FROM = "MASUK/SK Ketua No 12 Th 2024.pdf";
const TO = "KPT-KETUA/2024/KPT-KETUA_2024_012.pdf";

async function oneDecree() {
  const t = await tempShare();
  await put(t.share, FROM, "precious bytes");
  return t;
}

describe("crash-safe moves", () => {
  for (const copy of [false, true]) {
    it(`a kill after any step of a ${copy ? "copy-" : ""}move loses nothing and the next pass completes it`, async () => {
      const first = await oneDecree();
      const steps = stepsOf(childScript(first.share, first.state, copy));
      const calls = steps.map((s) => s.call);
      expect(calls).toEqual(
        expect.arrayContaining(copy ? ["copyFile", "link", "unlink"] : ["link", "unlink"]),
      );
      for (let n = 1; n <= steps.length; n++) {
        const at = stepName(steps, n);
        const { share, state, config } = await oneDecree();
        const child = runWithCrashHook(childScript(share, state, copy), n);
        expect(child.signal, at).toBe("SIGKILL");
        const target = path.join(share, TO);
        const source = path.join(share, FROM);
        expect(existsSync(target) || existsSync(source), at).toBe(true);
        const both = existsSync(target) && existsSync(source);
        const r = await organize({ config, log: silent, now: () => NOW });
        expect([r.duplicates, r.conflicts, r.quarantined, r.errors], at).toEqual([[], [], [], []]);
        expect(await readFile(target, "utf8"), at).toBe("precious bytes");
        expect(existsSync(source), at).toBe(false);
        expect(
          (await readdir(path.dirname(target))).filter((x) => x.startsWith(".")),
          at,
        ).toEqual([]);
        expect(await readdir(path.join(state, "moves")).catch(() => []), at).toEqual([]);
        // Both names present: the move was under way, and is finished, not taken for a copy.
        if (both) expect(r.completed, at).toEqual([{ from: FROM, to: TO }]);
        else expect(r.completed.length + r.moves.length, at).toBeLessThanOrEqual(1);
      }
    }, 300_000);
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
