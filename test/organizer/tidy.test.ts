/**
 * Folders as clerks expect them after a pass: emptied staff folders and case variants of the
 * jenis folders go, the inbox, the quarantine and folders that still hold anything stay.
 */
import { existsSync, mkdirSync, readdirSync, writeFileSync } from "node:fs";
import { mkdtemp } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { organize } from "../../src/organizer/organize.js";
import { runCli } from "../helpers/cli.js";
import { NOW, put, silent, tempShare } from "./helpers.js";

const ctx = (config: Parameters<typeof organize>[0]["config"]) => ({
  config,
  log: silent,
  now: () => NOW,
});
const PDF = (s: string) => `%PDF-1.4 ${s}\n%%EOF\n`;

describe("emptied folders", () => {
  it("removes the staff folders a pass emptied, keeps the inbox and what still holds a file", async () => {
    const { share, config } = await tempShare();
    await put(share, "MASUK/scan minggu ini/SK Ketua No 1 Th 2024 ttg Rapat.pdf", PDF("1"));
    await put(share, "MASUK/scan minggu ini/lama/SK Ketua No 2 Th 2024 ttg Tim.pdf", PDF("2"));
    await put(share, "MASUK/rapat/SK Ketua No 3 Th 2024 ttg Honor.pdf", PDF("3"));
    await put(share, "MASUK/rapat/catatan.txt", "notulen");
    await put(share, "MASUK/tak terbaca/scan0001.pdf", PDF("q"));
    mkdirSync(path.join(share, "MASUK", "kosong dari dulu"));
    const r = await organize(ctx(config));
    expect(r.moves).toHaveLength(3);
    expect(r.quarantined.map((q) => q.path)).toEqual(["MASUK/tak terbaca/scan0001.pdf"]);
    // Emptied (also the nested one and its parent); the folder with a note stays; the folder
    // that was empty before the pass is not this pass's business.
    expect(readdirSync(path.join(share, "MASUK")).sort()).toEqual(["kosong dari dulu", "rapat"]);
    expect(readdirSync(path.join(share, "MASUK", "rapat"))).toEqual(["catatan.txt"]);
    // The inbox itself stays, even when the pass empties it.
    const { share: s2, config: c2 } = await tempShare();
    await put(s2, "MASUK/SK Ketua No 4 Th 2024 ttg Rapat.pdf", PDF("4"));
    await organize(ctx(c2));
    expect(readdirSync(path.join(s2, "MASUK"))).toEqual([]);
  });

  it("files a case-variant jenis folder's decrees into the canonical folder and removes the variant", async () => {
    const { share, config } = await tempShare();
    await put(share, "kpt-ketua/2024/KPT-KETUA_2024_001_rapat.pdf", PDF("1"));
    await put(share, "Kpt-Ketua/2024/SK Ketua No 2 Th 2024 ttg Tim.pdf", PDF("2"));
    await put(share, "KPT-KETUA/2024/KPT-KETUA_2024_003_honor.pdf", PDF("3"));
    const r = await organize(ctx(config));
    expect(r.errors).toEqual([]);
    expect(readdirSync(share).sort()).toEqual(["KPT-KETUA"]);
    expect(readdirSync(path.join(share, "KPT-KETUA", "2024")).sort()).toEqual([
      "KPT-KETUA_2024_001_rapat.pdf",
      "KPT-KETUA_2024_002_tim.pdf",
      "KPT-KETUA_2024_003_honor.pdf",
    ]);
  });

  it("a dry run removes nothing", async () => {
    const { share, config } = await tempShare();
    await put(share, "MASUK/sub/SK Ketua No 5 Th 2024 ttg Rapat.pdf", PDF("5"));
    await organize(ctx(config), { dryRun: true });
    expect(
      existsSync(path.join(share, "MASUK", "sub", "SK Ketua No 5 Th 2024 ttg Rapat.pdf")),
    ).toBe(true);
  });
});

describe("the inbox folder (process)", () => {
  const yaml =
    "share: ./share\nstateDir: ./state\nremote:\n  type: local\n  path: ./mirror\n" +
    "watch:\n  stabilityMs: 0\nindex:\n  enabled: false\nfeed:\n  enabled: false\n";

  it("is created on a fresh share, not when a lower-case one exists, not on an unmounted share", async () => {
    const dir = await mkdtemp(path.join(tmpdir(), "arsipd-inbox-"));
    mkdirSync(path.join(dir, "share"));
    writeFileSync(path.join(dir, "arsipd.yaml"), yaml);
    const first = await runCli(["sync", "-c", "arsipd.yaml"], { cwd: dir });
    expect(first.code).toBe(0);
    expect(readdirSync(path.join(dir, "share"))).toEqual(["MASUK"]);

    const d2 = await mkdtemp(path.join(tmpdir(), "arsipd-inbox-"));
    mkdirSync(path.join(d2, "share", "masuk"), { recursive: true });
    writeFileSync(path.join(d2, "arsipd.yaml"), yaml);
    expect((await runCli(["sync", "-c", "arsipd.yaml"], { cwd: d2 })).code).toBe(0);
    expect(readdirSync(path.join(d2, "share"))).toEqual(["masuk"]);

    // An archive that was mirrored, then its share unmounted (an empty mount point).
    const d3 = await mkdtemp(path.join(tmpdir(), "arsipd-inbox-"));
    mkdirSync(path.join(d3, "share", "KPT-KETUA", "2024"), { recursive: true });
    for (let i = 1; i <= 30; i++) {
      const n = String(i).padStart(3, "0");
      writeFileSync(
        path.join(d3, "share", "KPT-KETUA", "2024", `KPT-KETUA_2024_${n}_x.pdf`),
        PDF(n),
      );
    }
    writeFileSync(path.join(d3, "arsipd.yaml"), yaml);
    expect((await runCli(["sync", "-c", "arsipd.yaml"], { cwd: d3 })).code).toBe(0);
    const { rmSync } = await import("node:fs");
    rmSync(path.join(d3, "share"), { recursive: true });
    mkdirSync(path.join(d3, "share"));
    const refused = await runCli(["sync", "-c", "arsipd.yaml"], { cwd: d3 });
    expect(refused.code).not.toBe(0);
    expect(readdirSync(path.join(d3, "share"))).toEqual([]);
  });
});
