/**
 * Crash-safe quarantine (#14 point 9): a child process quarantines files and is SIGKILLed at each
 * step (test/support/crash-before.mjs); after the next pass every file is in exactly one place, each
 * quarantined file has its reason file with its real reason, and no temp file of ours is left.
 * Plus names of 255 bytes, which leave no room for `.ALASAN.txt`.
 */
import { spawnSync } from "node:child_process";
import { createHash } from "node:crypto";
import { readdirSync, readFileSync, statSync } from "node:fs";
import { readdir, readFile } from "node:fs/promises";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { organize } from "../../src/organizer/organize.js";
import { REPO } from "../helpers/cli.js";
import { CRASH_BEFORE, CRASH_HOOK } from "../helpers/crash.js";
import { NOW, put, silent, tempShare } from "./helpers.js";

function crashChild(share: string, state: string, at: string, copy: boolean) {
  const script = `
    import { organize } from ${JSON.stringify(path.join(REPO, "dist/organizer/organize.js"))};
    import { configSchema } from ${JSON.stringify(path.join(REPO, "dist/config/schema.js"))};
    import pino from "pino";
    const config = configSchema.parse({ share: ${JSON.stringify(share)}, stateDir: ${JSON.stringify(state)} });
    await organize({ config, log: pino({ level: "silent" }), now: () => new Date(${NOW.getTime()}) }, { copyMoves: ${copy} });
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

const STEPS = [
  "sidecar-tmp",
  "after-link",
  "quarantine-moved",
  "quarantine-sidecar",
  "after-copy",
  "after-place",
];

describe("a kill mid-quarantine", () => {
  for (const at of STEPS) {
    const copy = at === "after-copy" || at === "after-place";
    it(`at ${at}${copy ? " (copy-move)" : ""}: each file ends in one place with its reason`, async () => {
      const { share, state, config } = await tempShare();
      // An unreadable name, and a second copy of a filed decree (its reason, DUPLICATE, cannot
      // be recomputed from its name).
      await put(share, "MASUK/catatan rapat.pdf", "unreadable name");
      await put(share, "KPT-KETUA/2024/KPT-KETUA_2024_012.pdf", "filed decree");
      await put(share, "MASUK/SK Ketua No 12 Th 2024.pdf", "filed decree");
      const child = crashChild(share, state, at, copy);
      expect(child.signal).toBe("SIGKILL");

      const r = await organize({ config, log: silent, now: () => NOW });
      expect(r.errors).toEqual([]);
      const files = allFiles(share);
      const where = (h: string) => [...files].filter(([, v]) => v === h).map(([k]) => k);
      expect(where(sha("unreadable name"))).toEqual(["_KARANTINA/catatan rapat.pdf"]);
      expect(where(sha("filed decree")).sort()).toEqual([
        "KPT-KETUA/2024/KPT-KETUA_2024_012.pdf",
        "_KARANTINA/SK Ketua No 12 Th 2024.pdf",
      ]);
      const reason = (n: string) => readFile(path.join(share, "_KARANTINA", n), "utf8");
      expect(await reason("catatan rapat.pdf.ALASAN.txt")).toMatch(/^Berkas: catatan rapat\.pdf\n/);
      expect(await reason("SK Ketua No 12 Th 2024.pdf.ALASAN.txt")).toContain("Kode: DUPLICATE");
      expect([...files.keys()].filter((k) => /\.arsipd-|\.tmp$/.test(k))).toEqual([]);
      expect(await readdir(path.join(state, "quarantine")).catch(() => [])).toEqual([]);
      // and a further pass changes nothing
      const again = await organize({ config, log: silent, now: () => NOW });
      expect([again.moves, again.quarantined, again.duplicates, again.errors]).toEqual([
        [],
        [],
        [],
        [],
      ]);
    });
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
