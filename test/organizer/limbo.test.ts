/** Every file in the inbox ends filed, quarantined with a reason, or listed as left. */
import { existsSync, readdirSync, readFileSync, utimesSync, writeFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { organize } from "../../src/organizer/organize.js";
import { NOW, OLD, put, silent, tempShare } from "./helpers.js";

const ctx = (config: Parameters<typeof organize>[0]["config"]) => ({
  config,
  log: silent,
  now: () => NOW,
});

describe("no file in limbo", () => {
  it("files TIFF scans, quarantines HEIC and names ending in a dot or space, lists the rest", async () => {
    const { share, config } = await tempShare();
    await put(share, "MASUK/SK Ketua No 1 Th 2024 ttg Jadwal.tif", "II*\0scan");
    await put(share, "MASUK/SK Ketua No 2 Th 2024 ttg Jadwal.tiff", "II*\0another scan");
    await put(share, "MASUK/SK Ketua No 3 Th 2024 ttg Foto.heic", "heic");
    await put(share, "MASUK/SK Ketua No 4 Th 2024 ttg Titik.pdf.", "dot");
    await put(share, "MASUK/SK Ketua No 5 Th 2024 ttg Spasi.pdf ", "space");
    await put(share, "MASUK/catatan.txt", "note");
    await put(share, "MASUK/arsip.zip", "PK");
    await put(share, "MASUK/9A1B2C3D", "excel temp");
    const r = await organize(ctx(config));
    expect(r.moves.map((m) => m.to).sort()).toEqual([
      "KPT-KETUA/2024/KPT-KETUA_2024_001_jadwal.tif",
      // One spelling per format in the archive: ".tiff" is filed as ".tif".
      "KPT-KETUA/2024/KPT-KETUA_2024_002_jadwal.tif",
    ]);
    expect(r.quarantined.map((q) => [q.to, q.reason]).sort()).toEqual([
      ["_KARANTINA/SK Ketua No 3 Th 2024 ttg Foto.heic", "BAD_EXTENSION"],
      ["_KARANTINA/SK Ketua No 4 Th 2024 ttg Titik.pdf", "UNSAFE_NAME"],
      ["_KARANTINA/SK Ketua No 5 Th 2024 ttg Spasi.pdf", "UNSAFE_NAME"],
    ]);
    const heic = readFileSync(
      path.join(share, "_KARANTINA/SK Ketua No 3 Th 2024 ttg Foto.heic.ALASAN.txt"),
      "utf8",
    );
    expect(heic).toContain("PDF");
    expect([...r.left].sort()).toEqual(["MASUK/9A1B2C3D", "MASUK/arsip.zip", "MASUK/catatan.txt"]);
    // Every inbox file is accounted for.
    const inbox = readdirSync(path.join(share, "MASUK"));
    expect(inbox.sort()).toEqual(["9A1B2C3D", "arsip.zip", "catatan.txt"]);
    expect(existsSync(path.join(share, "MASUK/catatan.txt"))).toBe(true);
  });
});

describe("a name that is not UTF-8", () => {
  it("is quarantined under a safe name with a reason, not left unseen", async () => {
    const { share, config } = await tempShare();
    await put(share, "MASUK/placeholder.txt", "x");
    const dir = Buffer.from(path.join(share, "MASUK/"));
    // "SK Ketua No 6 Th 2024 ttg Rapat\xe9.pdf": a Latin-1 é written by an old client.
    const raw = Buffer.concat([
      dir,
      Buffer.from("SK Ketua No 6 Th 2024 ttg Rapat"),
      Buffer.from([0xe9]),
      Buffer.from(".pdf"),
    ]);
    writeFileSync(raw, "latin1 name");
    utimesSync(raw, OLD, OLD);
    const r = await organize(ctx(config));
    expect(r.quarantined).toMatchObject([
      { path: "MASUK/SK Ketua No 6 Th 2024 ttg Rapat\uFFFD.pdf", reason: "NAME_BYTES" },
    ]);
    const safe = "_KARANTINA/SK Ketua No 6 Th 2024 ttg Rapat_.pdf";
    expect(readFileSync(path.join(share, safe), "utf8")).toBe("latin1 name");
    expect(readFileSync(path.join(share, `${safe}.ALASAN.txt`), "utf8")).toContain("UTF-8");
    expect(readdirSync(path.join(share, "MASUK"))).toEqual(["placeholder.txt"]);
  });
});
