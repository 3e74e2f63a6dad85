import { execFileSync } from "node:child_process";
import { existsSync } from "node:fs";
import { readdir, readFile, rm, symlink } from "node:fs/promises";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { organize } from "../../src/organizer/organize.js";
import { parseSidecar } from "../../src/organizer/sidecar.js";
import { officeTime } from "../../src/util/office-time.js";
import { NOW, put, silent, tempShare } from "./helpers.js";

const ctx = (config: Parameters<typeof organize>[0]["config"]) => ({
  config,
  log: silent,
  now: () => NOW,
});

async function tree(dir: string, base = ""): Promise<string[]> {
  const out: string[] = [];
  for (const e of await readdir(dir, { withFileTypes: true })) {
    const rel = base ? `${base}/${e.name}` : e.name;
    if (e.isDirectory()) out.push(...(await tree(path.join(dir, e.name), rel)));
    else out.push(rel);
  }
  return out.sort();
}

describe("organize", () => {
  it("files decrees from the top level, MASUK and a wrong folder; a second pass does nothing", async () => {
    const { share, config } = await tempShare();
    await put(share, "SK Ketua No 12 Th 2024 ttg Penetapan DPT.pdf", "a");
    await put(share, "MASUK/Kep Sekretaris 3-2023 pembentukan tim.pdf", "b");
    await put(share, "KPT-KETUA/2023/KPT-KETUA_2024_005_x.pdf", "c");
    await put(share, "catatan.txt", "not a decree");
    await put(share, "Indeks-Keputusan.xlsx", "register");
    await put(share, "jdihn.json", "[]");
    await put(share, "MASUK/~$Dokumen.docx", "lock");
    const r = await organize(ctx(config));
    expect(r.moves.map((m) => m.to).sort()).toEqual([
      "KPT-KETUA/2024/KPT-KETUA_2024_005_x.pdf",
      "KPT-KETUA/2024/KPT-KETUA_2024_012_penetapan-dpt.pdf",
      "KPT-SEKRETARIS/2023/KPT-SEKRETARIS_2023_003_pembentukan-tim.pdf",
    ]);
    expect(r.quarantined).toEqual([]);
    const files = await tree(share);
    expect(files).toEqual([
      "Indeks-Keputusan.xlsx",
      "KPT-KETUA/2024/KPT-KETUA_2024_005_x.pdf",
      "KPT-KETUA/2024/KPT-KETUA_2024_012_penetapan-dpt.pdf",
      "KPT-SEKRETARIS/2023/KPT-SEKRETARIS_2023_003_pembentukan-tim.pdf",
      "MASUK/~$Dokumen.docx",
      "catatan.txt",
      "jdihn.json",
    ]);
    expect(
      await readFile(
        path.join(share, "KPT-KETUA/2024/KPT-KETUA_2024_012_penetapan-dpt.pdf"),
        "utf8",
      ),
    ).toBe("a");
    const again = await organize(ctx(config));
    expect([
      again.moves,
      again.quarantined,
      again.duplicates,
      again.conflicts,
      again.deferred,
      again.sidecars,
    ]).toEqual([[], [], [], [], [], []]);
    expect(await tree(share)).toEqual(files);
  });

  it("quarantines unreadable names with a sidecar; renaming files them and removes the sidecar", async () => {
    const { share, config } = await tempShare();
    await put(share, "MASUK/scan0001.pdf", "s1");
    await put(share, "scan0001.pdf", "s2");
    const r = await organize(ctx(config));
    expect(r.quarantined.map((q) => [q.path, q.to, q.reason])).toEqual([
      ["MASUK/scan0001.pdf", "_KARANTINA/scan0001.pdf", "NO_JENIS"],
      ["scan0001.pdf", "_KARANTINA/scan0001 (2).pdf", "NO_JENIS"],
    ]);
    const text = await readFile(path.join(share, "_KARANTINA/scan0001.pdf.ALASAN.txt"), "utf8");
    const sc = parseSidecar(text);
    expect(sc).toMatchObject({
      berkas: "scan0001.pdf",
      kode: "NO_JENIS",
      asal: "MASUK",
      waktu: officeTime(NOW, "Asia/Jakarta"),
    });
    expect(sc.alasan).toContain("jenis keputusan");
    expect(text).toMatch(/Cara memperbaiki: .*\n.*KPT-KETUA_2024_012/);
    expect(
      parseSidecar(
        await readFile(path.join(share, "_KARANTINA/scan0001 (2).pdf.ALASAN.txt"), "utf8"),
      ).asal,
    ).toBe("(folder utama)");
    // Second pass: still unreadable, nothing changes.
    const again = await organize(ctx(config));
    expect([again.quarantined, again.moves, again.sidecars]).toEqual([[], [], []]);
    // The clerk renames it inside the quarantine.
    execFileSync("mv", [
      path.join(share, "_KARANTINA/scan0001.pdf"),
      path.join(share, "_KARANTINA/SK Ketua No 9 Th 2024.pdf"),
    ]);
    const fixed = await organize(ctx(config));
    expect(fixed.unquarantined).toEqual([
      { from: "_KARANTINA/SK Ketua No 9 Th 2024.pdf", to: "KPT-KETUA/2024/KPT-KETUA_2024_009.pdf" },
    ]);
    expect(fixed.sidecars).toEqual([{ path: "_KARANTINA/scan0001.pdf.ALASAN.txt", op: "removed" }]);
    expect(await tree(path.join(share, "_KARANTINA"))).toEqual([
      "scan0001 (2).pdf",
      "scan0001 (2).pdf.ALASAN.txt",
    ]);
  });

  it("holds a decree of a year that has not come in the quarantine, and files it when its year begins", async () => {
    const { share, config } = await tempShare();
    await put(share, "MASUK/SK Ketua No 3 Th 2027 ttg Penetapan DPT.pdf", "prepared early");
    const december = await organize({ config, log: silent, now: () => new Date(2026, 11, 6) });
    expect(december.moves).toEqual([]);
    expect(december.quarantined.map((q) => q.reason)).toEqual(["YEAR_OUT_OF_RANGE"]);
    const note = await readFile(
      path.join(share, `${december.quarantined[0]!.to}.ALASAN.txt`),
      "utf8",
    );
    expect(note).toContain("2027");
    // Nothing changes on a later pass in the same year; in January the file is filed by itself.
    const later = await organize({ config, log: silent, now: () => new Date(2026, 11, 20) });
    expect([later.moves, later.unquarantined]).toEqual([[], []]);
    const january = await organize({ config, log: silent, now: () => new Date(2027, 0, 2) });
    expect(january.unquarantined.map((m) => m.to)).toEqual([
      "KPT-KETUA/2027/KPT-KETUA_2027_003_penetapan-dpt.pdf",
    ]);
    expect(existsSync(path.join(share, `${december.quarantined[0]!.to}.ALASAN.txt`))).toBe(false);
  });

  it("a quick pass over a rename in the quarantine files the file and removes its old sidecar", async () => {
    const { share, config } = await tempShare();
    await put(share, "scan0002.pdf", "s");
    await organize(ctx(config));
    execFileSync("mv", [
      path.join(share, "_KARANTINA/scan0002.pdf"),
      path.join(share, "_KARANTINA/SK Ketua No 10 Th 2024.pdf"),
    ]);
    // What the watcher reports: the old name went away, the new one appeared.
    const r = await organize(ctx(config), {
      paths: ["_KARANTINA/scan0002.pdf", "_KARANTINA/SK Ketua No 10 Th 2024.pdf"],
    });
    expect(r.unquarantined.map((u) => u.to)).toEqual(["KPT-KETUA/2024/KPT-KETUA_2024_010.pdf"]);
    expect(r.sidecars).toEqual([{ path: "_KARANTINA/scan0002.pdf.ALASAN.txt", op: "removed" }]);
    expect(await tree(path.join(share, "_KARANTINA"))).toEqual([]);
  });

  it("files names and folders written in NFD (macOS) like any other", async () => {
    const { share, config } = await tempShare();
    const nfd = "Kep Sekretaris Nomor 8 Tahun 2025 tentang Pe\u0301ngadaan.pdf";
    await put(share, nfd, "e");
    await put(share, "MASUK/Surat Pe\u0301nting/SK Ketua No 1 Th 2024.pdf", "f");
    await put(share, "MASUK/Surat Pe\u0301nting/scan-e\u0301.pdf", "g");
    const r = await organize(ctx(config));
    expect(r.deferred).toEqual([]);
    expect(r.moves.map((m) => m.to).sort()).toEqual([
      "KPT-KETUA/2024/KPT-KETUA_2024_001.pdf",
      "KPT-SEKRETARIS/2025/KPT-SEKRETARIS_2025_008_pengadaan.pdf",
    ]);
    expect(r.quarantined.map((q) => q.to)).toEqual(["_KARANTINA/scan-\u00e9.pdf"]);
    expect(
      await readFile(
        path.join(share, "KPT-SEKRETARIS/2025/KPT-SEKRETARIS_2025_008_pengadaan.pdf"),
        "utf8",
      ),
    ).toBe("e");
    // A quick pass names it by its NFC path, as the watcher and `arsipd sync` do.
    await put(share, "MASUK/SK Ketua No 2 Th 2024 ttg Pe\u0301netapan DPT.pdf", "h");
    const quick = await organize(ctx(config), {
      paths: ["MASUK/SK Ketua No 2 Th 2024 ttg P\u00e9netapan DPT.pdf"],
    });
    expect(quick.moves.map((m) => m.to)).toEqual([
      "KPT-KETUA/2024/KPT-KETUA_2024_002_penetapan-dpt.pdf",
    ]);
  });

  it("never overwrites: duplicates and conflicts go to the quarantine naming the file already there", async () => {
    const { share, config } = await tempShare();
    await put(share, "KPT-KETUA/2024/KPT-KETUA_2024_012.pdf", "original");
    await put(share, "MASUK/SK Ketua No 12 Th 2024.pdf", "original");
    await put(share, "kpt ketua 2024 012.pdf", "other bytes");
    const r = await organize(ctx(config));
    expect(r.duplicates).toEqual([
      {
        path: "MASUK/SK Ketua No 12 Th 2024.pdf",
        to: "_KARANTINA/SK Ketua No 12 Th 2024.pdf",
        existing: "KPT-KETUA/2024/KPT-KETUA_2024_012.pdf",
      },
    ]);
    expect(r.conflicts).toEqual([
      {
        path: "kpt ketua 2024 012.pdf",
        to: "_KARANTINA/kpt ketua 2024 012.pdf",
        existing: "KPT-KETUA/2024/KPT-KETUA_2024_012.pdf",
      },
    ]);
    expect(await readFile(path.join(share, "KPT-KETUA/2024/KPT-KETUA_2024_012.pdf"), "utf8")).toBe(
      "original",
    );
    const dup = parseSidecar(
      await readFile(path.join(share, "_KARANTINA/SK Ketua No 12 Th 2024.pdf.ALASAN.txt"), "utf8"),
    );
    expect(dup.kode).toBe("DUPLICATE");
    expect(dup.alasan).toContain("KPT-KETUA_2024_012.pdf");
    const con = parseSidecar(
      await readFile(path.join(share, "_KARANTINA/kpt ketua 2024 012.pdf.ALASAN.txt"), "utf8"),
    );
    expect(con.kode).toBe("CONFLICT");
    const again = await organize(ctx(config));
    expect([again.duplicates, again.conflicts, again.moves]).toEqual([[], [], []]);
  });

  it("one document is filed once: another subject is a duplicate or a conflict, a draft and an attachment go beside it", async () => {
    const { share, config } = await tempShare();
    const filed = "KPT-KETUA/2024/KPT-KETUA_2024_012_penetapan-dpt.pdf";
    await put(share, filed, "signed scan");
    await put(share, "SK Ketua No 12 Th 2024 ttg Penetapan DPT - Copy.pdf", "signed scan");
    await put(share, "MASUK/SK Ketua No 12 Th 2024 ttg Pembentukan Tim.pdf", "another decree");
    await put(share, "SK Ketua No 12 Th 2024 ttg Penetapan DPT.docx", "draft");
    await put(share, "Lampiran 1 SK Ketua No 12 Th 2024 ttg Penetapan DPT.pdf", "attachment");
    const r = await organize(ctx(config));
    expect(r.duplicates).toEqual([
      {
        path: "SK Ketua No 12 Th 2024 ttg Penetapan DPT - Copy.pdf",
        to: "_KARANTINA/SK Ketua No 12 Th 2024 ttg Penetapan DPT - Copy.pdf",
        existing: filed,
      },
    ]);
    expect(r.conflicts).toEqual([
      {
        path: "MASUK/SK Ketua No 12 Th 2024 ttg Pembentukan Tim.pdf",
        to: "_KARANTINA/SK Ketua No 12 Th 2024 ttg Pembentukan Tim.pdf",
        existing: filed,
      },
    ]);
    expect(r.moves.map((m) => m.to).sort()).toEqual([
      "KPT-KETUA/2024/KPT-KETUA_2024_012_LAMPIRAN-1_penetapan-dpt.pdf",
      "KPT-KETUA/2024/KPT-KETUA_2024_012_penetapan-dpt.docx",
    ]);
    expect(await readFile(path.join(share, filed), "utf8")).toBe("signed scan");
    const con = parseSidecar(
      await readFile(
        path.join(share, "_KARANTINA/SK Ketua No 12 Th 2024 ttg Pembentukan Tim.pdf.ALASAN.txt"),
        "utf8",
      ),
    );
    expect([con.kode, con.alasan.includes("KPT-KETUA_2024_012_penetapan-dpt.pdf")]).toEqual([
      "CONFLICT",
      true,
    ]);
    const again = await organize(ctx(config));
    expect([again.duplicates, again.conflicts, again.moves]).toEqual([[], [], []]);
    // The sidecar never advises deleting a filed decree: the keeper replaces it. When the keeper
    // has removed the filed file, the quarantined one is filed on the next pass.
    const text = await readFile(
      path.join(share, "_KARANTINA/SK Ketua No 12 Th 2024 ttg Pembentukan Tim.pdf.ALASAN.txt"),
      "utf8",
    );
    expect(text).toContain("serahkan kepada pengelola arsip");
    expect(text).toContain("jangan menghapus berkas yang sudah diarsipkan");
    expect(text).not.toMatch(/hapus berkas lama/);
    await rm(path.join(share, filed));
    const replaced = await organize(ctx(config));
    expect(replaced.unquarantined).toEqual([
      {
        from: "_KARANTINA/SK Ketua No 12 Th 2024 ttg Pembentukan Tim.pdf",
        to: "KPT-KETUA/2024/KPT-KETUA_2024_012_pembentukan-tim.pdf",
      },
    ]);
    expect(await tree(path.join(share, "_KARANTINA"))).toEqual([
      "SK Ketua No 12 Th 2024 ttg Penetapan DPT - Copy.pdf",
      "SK Ketua No 12 Th 2024 ttg Penetapan DPT - Copy.pdf.ALASAN.txt",
    ]);
  });

  it("two copies of one document dropped together: the first is filed, the other compared with it (dry run too)", async () => {
    const { share, config } = await tempShare();
    await put(share, "SK Ketua No 7 Th 2023 ttg Jadwal.pdf", "same bytes");
    await put(share, "SK Ketua No 7 Th 2023 ttg Jadwal Tahapan.pdf", "same bytes");
    const first = "KPT-KETUA/2023/KPT-KETUA_2023_007_jadwal-tahapan.pdf";
    const dry = await organize(ctx(config), { dryRun: true });
    expect(dry.moves.map((m) => m.to)).toEqual([first]);
    expect(dry.duplicates.map((d) => [d.path, d.existing])).toEqual([
      ["SK Ketua No 7 Th 2023 ttg Jadwal.pdf", "SK Ketua No 7 Th 2023 ttg Jadwal Tahapan.pdf"],
    ]);
    const r = await organize(ctx(config));
    expect(r.moves.map((m) => m.to)).toEqual([first]);
    expect(r.duplicates.map((d) => [d.path, d.existing])).toEqual([
      ["SK Ketua No 7 Th 2023 ttg Jadwal.pdf", first],
    ]);
    expect(await tree(share)).toEqual([
      first,
      "_KARANTINA/SK Ketua No 7 Th 2023 ttg Jadwal.pdf",
      "_KARANTINA/SK Ketua No 7 Th 2023 ttg Jadwal.pdf.ALASAN.txt",
    ]);
  });

  it("a quick pass finds the document filed under another subject it was not told about", async () => {
    const { share, config } = await tempShare();
    const filed = "KPT-SEKRETARIS/2022/KPT-SEKRETARIS_2022_004_honorarium.pdf";
    await put(share, filed, "v1");
    await put(share, "MASUK/Kep Sekretaris 4-2022 honor panitia.pdf", "v2");
    const r = await organize(ctx(config), {
      paths: ["MASUK/Kep Sekretaris 4-2022 honor panitia.pdf"],
    });
    expect(r.moves).toEqual([]);
    expect(r.conflicts.map((c) => [c.path, c.existing])).toEqual([
      ["MASUK/Kep Sekretaris 4-2022 honor panitia.pdf", filed],
    ]);
    expect(await readFile(path.join(share, filed), "utf8")).toBe("v1");
  });

  it("a quick pass given a folder that appeared files the decrees inside it", async () => {
    const { share, config } = await tempShare();
    await put(share, "incoming/sub/SK Ketua No 3 Th 2023 ttg Jadwal.pdf", "three");
    await put(share, "elsewhere/SK Ketua No 4 Th 2023.pdf", "four: not named in the pass");
    const r = await organize({ config, log: silent, now: () => NOW }, { paths: ["incoming"] });
    expect(r.moves.map((m) => m.to)).toEqual(["KPT-KETUA/2023/KPT-KETUA_2023_003_jadwal.pdf"]);
    expect(
      await readFile(path.join(share, "KPT-KETUA/2023/KPT-KETUA_2023_003_jadwal.pdf"), "utf8"),
    ).toBe("three");
    expect(existsSync(path.join(share, "elsewhere/SK Ketua No 4 Th 2023.pdf"))).toBe(true);
  });

  it("defers a file still being written and leaves a dry run's share unchanged", async () => {
    const { share, config } = await tempShare();
    await put(share, "SK Ketua No 1 Th 2024.pdf", "fresh", new Date(NOW.getTime() - 500));
    await put(share, "scan.pdf", "x");
    await put(share, "SK Ketua No 2 Th 2024.pdf", "y");
    const before = await tree(share);
    const dry = await organize(ctx(config), { dryRun: true });
    expect(dry.deferred).toEqual([{ path: "SK Ketua No 1 Th 2024.pdf", why: "writing" }]);
    expect(dry.moves).toEqual([
      { from: "SK Ketua No 2 Th 2024.pdf", to: "KPT-KETUA/2024/KPT-KETUA_2024_002.pdf" },
    ]);
    expect(dry.quarantined.map((q) => q.to)).toEqual(["_KARANTINA/scan.pdf"]);
    expect(await tree(share)).toEqual(before);
    const real = await organize(ctx(config));
    expect(real.deferred).toEqual([{ path: "SK Ketua No 1 Th 2024.pdf", why: "writing" }]);
    expect(existsSync(path.join(share, "SK Ketua No 1 Th 2024.pdf"))).toBe(true);
  });

  it("does not follow a symlinked folder out of the share", async () => {
    const { root, share, config } = await tempShare();
    const outside = path.join(root, "outside");
    await put(root, "outside/keep.txt", "x");
    await symlink(outside, path.join(share, "KPT-KETUA"));
    await put(share, "SK Ketua No 3 Th 2024.pdf", "z");
    await symlink(path.join(outside, "keep.txt"), path.join(share, "SK Ketua No 4 Th 2024.pdf"));
    const r = await organize(ctx(config));
    expect(r.moves).toEqual([]);
    expect(r.errors.map((e) => [e.path, e.code])).toEqual([
      ["SK Ketua No 3 Th 2024.pdf", "UNSAFE_TARGET"],
    ]);
    expect(await readdir(outside)).toEqual(["keep.txt"]);
    expect(existsSync(path.join(share, "SK Ketua No 3 Th 2024.pdf"))).toBe(true);
  });

  it("defers a locked file (rename refused) instead of quarantining it", async () => {
    const { share, config } = await tempShare();
    const abs = await put(share, "SK Ketua No 5 Th 2024.pdf", "locked");
    let immutable = true;
    try {
      execFileSync("chattr", ["+i", abs], { stdio: "ignore" });
    } catch {
      immutable = false;
    }
    try {
      const r = await organize(ctx(config));
      if (immutable) {
        expect(r.deferred).toEqual([{ path: "SK Ketua No 5 Th 2024.pdf", why: "locked" }]);
        expect(r.quarantined).toEqual([]);
        expect(existsSync(abs)).toBe(true);
      } else {
        expect(r.moves).toHaveLength(1);
      }
    } finally {
      if (immutable) execFileSync("chattr", ["-i", abs]);
    }
  });
});
