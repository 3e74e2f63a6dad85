import { mkdir, mkdtemp, readdir, utimes, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { runCli } from "./helpers/cli.js";

describe("arsipd parse / check", () => {
  it("parse --json prints one object per name, in order, and exits 1 on a rejection", async () => {
    const r = await runCli([
      "parse",
      "--json",
      "SK Ketua No 12A Th 2024 ttg Penetapan DPT.pdf",
      "scan.pdf",
    ]);
    expect(r.code).toBe(1);
    const out = JSON.parse(r.stdout);
    expect(out).toEqual([
      {
        input: "SK Ketua No 12A Th 2024 ttg Penetapan DPT.pdf",
        ok: true,
        jenis: "KPT-KETUA",
        tahun: 2024,
        nomor: "12A",
        qualifier: null,
        tentang: "Penetapan DPT",
        path: "KPT-KETUA/2024/KPT-KETUA_2024_012A_penetapan-dpt.pdf",
      },
      {
        input: "scan.pdf",
        ok: false,
        reason: "NO_JENIS",
        message: expect.stringContaining("jenis"),
      },
    ]);
  });

  it("parse exits 0 when all names read, and 64 without names", async () => {
    const ok = await runCli(["parse", "kpt ketua 2024 012.pdf"]);
    expect(ok.code).toBe(0);
    expect(ok.stdout).toContain("KPT-KETUA/2024/KPT-KETUA_2024_012.pdf");
    const none = await runCli(["parse"]);
    expect(none.code).toBe(64);
    expect(none.stderr.trim().split("\n")).toHaveLength(1);
  });

  it("check reports the plan, changes nothing, and exits 1 when something would be quarantined", async () => {
    const root = await mkdtemp(path.join(os.tmpdir(), "arsipd-check-"));
    const share = path.join(root, "share");
    await mkdir(path.join(share, "MASUK"), { recursive: true });
    const old = new Date(Date.now() - 60_000);
    for (const n of ["MASUK/SK Ketua No 1 Th 2024.pdf", "scan.pdf"]) {
      await writeFile(path.join(share, n), n);
      await utimes(path.join(share, n), old, old);
    }
    await writeFile(
      path.join(root, "arsipd.yaml"),
      `share: ${JSON.stringify(share)}\nstateDir: ${JSON.stringify(path.join(root, "state"))}\n`,
    );
    const r = await runCli(["check", "--json", "--config", path.join(root, "arsipd.yaml")]);
    expect(r.code).toBe(1);
    const rep = JSON.parse(r.stdout);
    expect(rep.moves).toEqual([
      { from: "MASUK/SK Ketua No 1 Th 2024.pdf", to: "KPT-KETUA/2024/KPT-KETUA_2024_001.pdf" },
    ]);
    expect(rep.quarantined.map((q: { path: string }) => q.path)).toEqual(["scan.pdf"]);
    expect((await readdir(share)).sort()).toEqual(["MASUK", "scan.pdf"]);
    const text = await runCli(["check", "--config", path.join(root, "arsipd.yaml")]);
    expect(text.stdout).toContain("KARANTINA   scan.pdf");
  });

  it("check lists a document filed twice under two subjects, and exits 1 for it alone", async () => {
    const root = await mkdtemp(path.join(os.tmpdir(), "arsipd-check-"));
    const share = path.join(root, "share");
    const dir = path.join(share, "KPT-KETUA", "2024");
    await mkdir(dir, { recursive: true });
    const old = new Date(Date.now() - 60_000);
    for (const n of [
      "KPT-KETUA_2024_012_penetapan-dpt.pdf",
      "KPT-KETUA_2024_012_penetapan-dpt-copy.pdf",
      "KPT-KETUA_2024_012_penetapan-dpt.docx",
      "KPT-KETUA_2024_012_LAMPIRAN-1_penetapan-dpt.pdf",
    ]) {
      await writeFile(path.join(dir, n), n);
      await utimes(path.join(dir, n), old, old);
    }
    const config = path.join(root, "arsipd.yaml");
    await writeFile(
      config,
      `share: ${JSON.stringify(share)}\nstateDir: ${JSON.stringify(path.join(root, "state"))}\n`,
    );
    const r = await runCli(["check", "--json", "--config", config]);
    expect(r.code).toBe(1);
    const rep = JSON.parse(r.stdout);
    expect([rep.moves, rep.quarantined, rep.duplicates]).toEqual([[], [], []]);
    expect(rep.filedTwice).toEqual([
      {
        path: "KPT-KETUA/2024/KPT-KETUA_2024_012_penetapan-dpt.pdf",
        existing: "KPT-KETUA/2024/KPT-KETUA_2024_012_penetapan-dpt-copy.pdf",
      },
    ]);
    const text = await runCli(["check", "--config", config]);
    expect(text.stdout).toContain(
      "DUA KALI    KPT-KETUA/2024/KPT-KETUA_2024_012_penetapan-dpt.pdf (dokumen yang sama dengan KPT-KETUA/2024/KPT-KETUA_2024_012_penetapan-dpt-copy.pdf)",
    );
  });
});
