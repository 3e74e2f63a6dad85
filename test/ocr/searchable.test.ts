/**
 * `ocr.searchablePdf`: a scan's searchable copy (tesseract's PDF output) goes to
 * `_PDF-TEKS/<JENIS>/<TAHUN>/`, is mirrored and linked by the JDIHN feed; the scan itself stays
 * byte for byte; the organizer never files or quarantines the copies. As a process, on a
 * two-page image-only scan rendered by ghostscript.
 */
import { execFileSync } from "node:child_process";
import { createHash } from "node:crypto";
import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  writeFileSync,
} from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { runCli } from "../helpers/cli.js";
import { decreePages, makeDoc } from "./docs.js";

const sha = (f: string) => createHash("sha256").update(readFileSync(f)).digest("hex");

describe("searchable copies of scans", () => {
  it("writes, mirrors and publishes a searchable copy; the scan is untouched", async () => {
    const dir = mkdtempSync(path.join(tmpdir(), "arsipd-teks-"));
    mkdirSync(path.join(dir, "share", "MASUK"), { recursive: true });
    writeFileSync(
      path.join(dir, "arsipd.yaml"),
      "share: ./share\nstateDir: ./state\nremote:\n  type: local\n  path: ./mirror\n" +
        "watch:\n  stabilityMs: 0\nocr:\n  searchablePdf: true\n" +
        "feed:\n  publicBaseUrl: https://jdih.example/arsip\n",
    );
    const src = makeDoc(path.join(dir, "scan.pdf"), {
      device: "pdfimage24",
      pages: decreePages({ nomor: "20", tahun: 2024, tentang: "Penetapan PPK", twoPages: true }),
    });
    const name = "SK Ketua No 20 Th 2024 ttg Penetapan PPK.pdf";
    writeFileSync(path.join(dir, "share", "MASUK", name), readFileSync(src));
    const r = await runCli(["sync", "-c", "arsipd.yaml"], { cwd: dir, timeoutMs: 180_000 });
    expect(r.stderr).toBe("");
    expect(r.code).toBe(0);
    const rel = "KPT-KETUA/2024/KPT-KETUA_2024_020_penetapan-ppk.pdf";
    expect(sha(path.join(dir, "share", rel))).toBe(sha(src));
    const copy = path.join(dir, "share", "_PDF-TEKS", rel);
    expect(existsSync(copy)).toBe(true);
    const text = execFileSync("pdftotext", [copy, "-"], { encoding: "utf8" });
    expect(text).toMatch(/NOMOR\s+20\s+TAHUN\s+2024/);
    expect(execFileSync("pdfinfo", [copy], { encoding: "utf8" })).toMatch(/^Pages:\s+2$/m);
    // Mirrored, byte-exact.
    expect(sha(path.join(dir, "mirror", "_PDF-TEKS", rel))).toBe(sha(copy));
    const feed = JSON.parse(readFileSync(path.join(dir, "share", "jdihn.json"), "utf8"));
    expect(feed[0].urlDownload).toBe(`https://jdih.example/arsip/_PDF-TEKS/${rel}`);

    // The next sync leaves everything as it is: the copies are arsipd's own, not decrees.
    const again = await runCli(["sync", "--json", "-c", "arsipd.yaml"], { cwd: dir });
    expect(again.code).toBe(0);
    const s = JSON.parse(again.stdout);
    expect([s.filed, s.quarantined, s.uploaded]).toEqual([0, 0, 0]);
    expect(existsSync(path.join(dir, "share", "_KARANTINA"))).toBe(false);
    expect(readdirSync(path.join(dir, "share", "_PDF-TEKS", "KPT-KETUA", "2024"))).toEqual([
      "KPT-KETUA_2024_020_penetapan-ppk.pdf",
    ]);
  }, 240_000);
});
