/**
 * Crash-safe quarantine (#14 point 9): a child process quarantines files and is SIGKILLed after
 * each of its file-system changes (test/support/crash-at.mjs), with plain moves and with
 * copy-moves; after the next pass every file is in exactly one place, each
 * quarantined file has its reason file with its real reason, and no temp file of ours is left.
 * Plus names of 255 bytes, which leave no room for `.ALASAN.txt`.
 */
import { createHash } from "node:crypto";
import { readdirSync, readFileSync, statSync } from "node:fs";
import { readdir, readFile } from "node:fs/promises";
import path from "node:path";
import { describe, expect, it } from "vitest";
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

/** rel path → sha256 of every file under `dir` (hidden names included). */
function allFiles(dir: string, rel = ""): Map<string, string> {
  const out = new Map<string, string>();
  for (const n of readdirSync(path.join(dir, rel))) {
    const r = rel ? `${rel}/${n}` : n;
    const st = statSync(path.join(dir, r));
    if (st.isDirectory()) for (const [k, v] of allFiles(dir, r)) out.set(k, v);
    else
      out.set(
        r,
        createHash("sha256")
          .update(readFileSync(path.join(dir, r)))
          .digest("hex"),
      );
  }
  return out;
}

const sha = (s: string) => createHash("sha256").update(s).digest("hex");

/** An unreadable name, and a second copy of a filed decree (its reason, DUPLICATE, cannot be
 * recomputed from its name). */
async function twoToQuarantine() {
  const t = await tempShare();
  await put(t.share, "MASUK/catatan rapat.pdf", "unreadable name");
  await put(t.share, "KPT-KETUA/2024/KPT-KETUA_2024_012.pdf", "filed decree");
  await put(t.share, "MASUK/SK Ketua No 12 Th 2024.pdf", "filed decree");
  return t;
}

describe("a kill mid-quarantine", () => {
  for (const copy of [false, true]) {
    it(`after any step${copy ? " (copy-moves)" : ""}: each file ends in one place with its reason`, async () => {
      const first = await twoToQuarantine();
      const steps = stepsOf(childScript(first.share, first.state, copy));
      expect(steps.map((x) => x.call)).toEqual(
        expect.arrayContaining(["link", "unlink", "rename", "open", "handle.writeFile"]),
      );
      for (let n = 1; n <= steps.length; n++) {
        const at = stepName(steps, n);
        const { share, state, config } = await twoToQuarantine();
        const child = runWithCrashHook(childScript(share, state, copy), n);
        expect(child.signal, at).toBe("SIGKILL");

        const r = await organize({ config, log: silent, now: () => NOW });
        expect(r.errors, at).toEqual([]);
        const files = allFiles(share);
        const where = (h: string) => [...files].filter(([, v]) => v === h).map(([k]) => k);
        expect(where(sha("unreadable name")), at).toEqual(["_KARANTINA/catatan rapat.pdf"]);
        expect(where(sha("filed decree")).sort(), at).toEqual([
          "KPT-KETUA/2024/KPT-KETUA_2024_012.pdf",
          "_KARANTINA/SK Ketua No 12 Th 2024.pdf",
        ]);
        const reason = (x: string) => readFile(path.join(share, "_KARANTINA", x), "utf8");
        expect(await reason("catatan rapat.pdf.ALASAN.txt"), at).toMatch(
          /^Berkas: catatan rapat\.pdf\n/,
        );
        expect(await reason("SK Ketua No 12 Th 2024.pdf.ALASAN.txt"), at).toContain(
          "Kode: DUPLICATE",
        );
        expect(
          [...files.keys()].filter((k) => /\.arsipd-|\.tmp$/.test(k)),
          at,
        ).toEqual([]);
        expect(await readdir(path.join(state, "quarantine")).catch(() => []), at).toEqual([]);
        expect(await readdir(path.join(state, "moves")).catch(() => []), at).toEqual([]);
        // and a further pass changes nothing
        const again = await organize({ config, log: silent, now: () => NOW });
        expect([again.moves, again.quarantined, again.duplicates, again.errors], at).toEqual([
          [],
          [],
          [],
          [],
        ]);
      }
    }, 600_000);
  }
});

describe("a 255-byte name", () => {
  it("is quarantined once under a shortened name with its reason file, not failed every pass", async () => {
    const { share, config } = await tempShare();
    const long = `${"catatan rapat panjang ".repeat(12).slice(0, 251)}.pdf`;
    expect(Buffer.byteLength(long)).toBe(255);
    await put(share, `MASUK/${long}`, "long");
    const r = await organize({ config, log: silent, now: () => NOW });
    expect(r.errors).toEqual([]);
    expect(r.quarantined).toHaveLength(1);
    const q = await readdir(path.join(share, "_KARANTINA"));
    const file = q.find((n) => !n.endsWith(".ALASAN.txt"))!;
    expect(q).toEqual([file, `${file}.ALASAN.txt`].sort());
    expect(Buffer.byteLength(`${file}.ALASAN.txt`)).toBeLessThanOrEqual(255);
    expect(file.endsWith("~.pdf")).toBe(true);
    expect(await readFile(path.join(share, "_KARANTINA", file), "utf8")).toBe("long");
    const again = await organize({ config, log: silent, now: () => NOW });
    expect([again.errors, again.quarantined]).toEqual([[], []]);
  });

  it("a second one of the same name gets its own shortened ' (2)' name", async () => {
    const { share, config } = await tempShare();
    const long = `${"x".repeat(251)}.pdf`;
    await put(share, `MASUK/${long}`, "one");
    await organize({ config, log: silent, now: () => NOW });
    await put(share, `MASUK/${long}`, "two");
    const r = await organize({ config, log: silent, now: () => NOW });
    expect(r.errors).toEqual([]);
    const q = (await readdir(path.join(share, "_KARANTINA"))).filter(
      (n) => !n.endsWith(".ALASAN.txt"),
    );
    expect(q).toHaveLength(2);
    expect(q.some((n) => n.endsWith("~ (2).pdf"))).toBe(true);
  });
});
