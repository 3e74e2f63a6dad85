/** A quiet file whose bytes are cut short is not filed: deferred, then quarantined, never filed truncated. */
import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { organize } from "../../src/organizer/organize.js";
import { judgeTail, startsAs } from "../../src/share/complete.js";
import { NOW, put, silent, tempShare } from "./helpers.js";

const ctx = (config: Parameters<typeof organize>[0]["config"]) => ({
  config,
  log: silent,
  now: () => NOW,
});

const PDF = "%PDF-1.4\n1 0 obj\n<<>>\nendobj\ntrailer\n<<>>\n%%EOF\n";

describe("format completeness", () => {
  it("judges the ends of PDF, JPEG, PNG and zip files", () => {
    expect(judgeTail(Buffer.from(`${PDF}\r\n \n`), "pdf")).toBe(true);
    expect(judgeTail(Buffer.from(`${PDF}%PDF update\n%%EOF`), "pdf")).toBe(true);
    expect(judgeTail(Buffer.from(PDF.slice(0, -8)), "pdf")).toBe(false);
    expect(judgeTail(Buffer.from(`${PDF}\0\0\0`), "pdf")).toBe(true);
    // Readers look for %%EOF in the last 1,024 bytes: stray bytes after it are a whole file,
    // a %%EOF further back (an earlier revision of a cut-short update) is not.
    expect(judgeTail(Buffer.from(`${PDF}${"z".repeat(1000)}`), "pdf")).toBe(true);
    expect(judgeTail(Buffer.from(`${PDF}${"z".repeat(1100)}`), "pdf")).toBe(false);
    expect(judgeTail(Buffer.from([0xff, 0xd8, 1, 2, 0xff, 0xd9]), "jpg")).toBe(true);
    expect(judgeTail(Buffer.from([0xff, 0xd8, 1, 2, 0xff]), "jpeg")).toBe(false);
    const iend = [0, 0, 0, 0, 0x49, 0x45, 0x4e, 0x44, 0xae, 0x42, 0x60, 0x82];
    expect(judgeTail(Buffer.from([0x89, 0x50, ...iend]), "png")).toBe(true);
    expect(judgeTail(Buffer.from([0x89, 0x50, ...iend.slice(0, 10)]), "png")).toBe(false);
    const eocd = Buffer.alloc(22);
    eocd.writeUInt32LE(0x06054b50, 0);
    const zip = Buffer.concat([Buffer.from("PK\x03\x04 data"), eocd]);
    expect(judgeTail(zip, "docx")).toBe(true);
    expect(judgeTail(zip.subarray(0, zip.length - 1), "xlsx")).toBe(false);
    expect(startsAs(Buffer.from("%PDF-1.7"), "pdf")).toBe(true);
    expect(startsAs(Buffer.from("hello"), "pdf")).toBe(false);
  });

  it("defers a cut-short PDF, files it once complete, quarantines it past watch.incompleteMs", async () => {
    const { share, config } = await tempShare();
    const name = "SK Ketua No 7 Th 2024 ttg Jadwal.pdf";
    const half = PDF.slice(0, 20);
    await put(share, `MASUK/${name}`, half); // quiet for a minute, but cut short
    const first = await organize(ctx(config));
    expect(first.moves).toEqual([]);
    expect(first.quarantined).toEqual([]);
    expect(first.deferred).toEqual([{ path: `MASUK/${name}`, why: "incomplete" }]);
    await put(share, `MASUK/${name}`, PDF);
    const second = await organize(ctx(config));
    const to = "KPT-KETUA/2024/KPT-KETUA_2024_007_jadwal.pdf";
    expect(second.moves).toEqual([{ from: `MASUK/${name}`, to }]);
    expect(readFileSync(path.join(share, to), "utf8")).toBe(PDF);

    // Never completed: after the (short, here) incomplete window it goes to the quarantine.
    const other = "SK Ketua No 8 Th 2024 ttg Jadwal.pdf";
    await put(share, `MASUK/${other}`, half);
    const cfg = { ...config, watch: { ...config.watch, incompleteMs: 30_000 } };
    const third = await organize(ctx(cfg));
    expect(third.quarantined).toMatchObject([{ path: `MASUK/${other}`, reason: "INCOMPLETE" }]);
    expect(existsSync(path.join(share, "KPT-KETUA/2024/KPT-KETUA_2024_008_jadwal.pdf"))).toBe(
      false,
    );
    const side = readFileSync(path.join(share, `_KARANTINA/${other}.ALASAN.txt`), "utf8");
    expect(side).toContain("belum utuh");
    // The quarantined file's name reads, but it is still cut short: it stays in the quarantine.
    const fourth = await organize(ctx(cfg));
    expect(fourth.unquarantined).toEqual([]);
    expect(existsSync(path.join(share, `_KARANTINA/${other}`))).toBe(true);
  });
});
