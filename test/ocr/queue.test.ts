/**
 * The daemon's background OCR (src/daemon/ocr-queue.ts), as a process on real documents: a
 * scan's OCR never holds up a decree whose name and text layer agree; a scan is filed (or
 * quarantined) once read; a kill during OCR loses nothing (the queue is derived from the share
 * and the OCR cache); SIGTERM during OCR stops the daemon.
 */
import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  utimesSync,
  writeFileSync,
} from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import ExcelJS from "exceljs";
import { afterEach, describe, expect, it } from "vitest";
import { type DaemonProc, startDaemon } from "../helpers/daemon.js";
import { decreePages, makeDoc } from "./docs.js";

const running: DaemonProc[] = [];
afterEach(() => {
  for (const d of running.splice(0)) if (d.child.exitCode === null) d.child.kill("SIGKILL");
});

function setup(): { dir: string; share: string; mirror: string; start: () => DaemonProc } {
  const dir = mkdtempSync(path.join(tmpdir(), "arsipd-ocrq-"));
  const share = path.join(dir, "share");
  mkdirSync(path.join(share, "MASUK"), { recursive: true });
  writeFileSync(
    path.join(dir, "arsipd.yaml"),
    "share: ./share\nstateDir: ./state\nremote:\n  type: local\n  path: ./mirror\n" +
      "watch:\n  stabilityMs: 300\n  debounceMs: 100\n" +
      'schedule:\n  fullPass: "0 3 * * *"\nindex:\n  enabled: false\nfeed:\n  enabled: false\n',
  );
  const start = () => {
    const d = startDaemon(["--config", path.join(dir, "arsipd.yaml")], { cwd: dir });
    running.push(d);
    return d;
  };
  return { dir, share, mirror: path.join(dir, "mirror"), start };
}

const idx = (d: DaemonProc, pred: (l: Record<string, unknown>) => boolean) =>
  d.lines().findIndex(pred);

describe("background OCR (daemon process)", () => {
  it("files a text-layer decree before a scan's OCR ends, then files the scan by its content", async () => {
    const { share, mirror, start } = setup();
    makeDoc(path.join(share, "MASUK", "SK Ketua No 20 Th 2024 ttg Penetapan PPK.pdf"), {
      device: "pdfimage24",
      pages: decreePages({ nomor: "20", tahun: 2024, tentang: "Penetapan PPK", twoPages: true }),
    });
    makeDoc(path.join(share, "MASUK", "SK Ketua No 7 Th 2024 ttg Jadwal.pdf"), {
      device: "pdfwrite",
      pages: decreePages({ nomor: "7", tahun: 2024, tentang: "Jadwal" }),
    });
    // A scan whose pages say another number: quarantined once read, never filed by its name.
    makeDoc(path.join(share, "MASUK", "SK Ketua No 9 Th 2024 ttg Honor.pdf"), {
      device: "pdfimage24",
      pages: decreePages({ nomor: "3", tahun: 2023, tentang: "Honor" }),
    });
    // Settled before the daemon starts: a file written less than `stabilityMs` ago is left to a
    // later pass, and on a loaded machine the text-layer decree, written after the first scan,
    // could be left while the scan went to OCR. What is tested is the order within one pass.
    const past = new Date(Date.now() - 60_000);
    for (const f of readdirSync(path.join(share, "MASUK"))) {
      utimesSync(path.join(share, "MASUK", f), past, past);
    }
    const d = start();
    const text = "KPT-KETUA/2024/KPT-KETUA_2024_007_jadwal.pdf";
    const scan = "KPT-KETUA/2024/KPT-KETUA_2024_020_penetapan-ppk.pdf";
    await d.waitFor((l) => l.msg === "filed decree" && l.path === scan, 120_000);
    await d.waitFor((l) => l.msg === "quarantined" && l.code === "ISI_BERBEDA", 120_000);
    // The text-layer decree was filed (and mirrored) by the first pass, before any OCR ended.
    const filedText = idx(d, (l) => l.msg === "filed decree" && l.path === text);
    const firstOcr = idx(d, (l) => l.msg === "reading a scan (OCR) in the background");
    expect(filedText).toBeGreaterThanOrEqual(0);
    expect(firstOcr).toBeGreaterThan(filedText);
    const mirrored = idx(d, (l) => l.msg === "mirror pass done" && Number(l.uploaded) > 0);
    expect(mirrored).toBeGreaterThanOrEqual(0);
    expect(mirrored).toBeLessThan(idx(d, (l) => l.msg === "filed decree" && l.path === scan));
    await waitFor(() => existsSync(path.join(mirror, scan)));
    expect(existsSync(path.join(mirror, text))).toBe(true);
    expect(readdirSync(path.join(share, "MASUK"))).toEqual([]);
    expect(readdirSync(path.join(share, "_KARANTINA"))).toContain(
      "SK Ketua No 9 Th 2024 ttg Honor.pdf",
    );
  });

  it("a kill during OCR loses nothing: after a restart the scan is read again and filed once", async () => {
    const { dir, share, start } = setup();
    makeDoc(path.join(share, "MASUK", "SK Ketua No 21 Th 2024 ttg Penetapan PPS.pdf"), {
      device: "pdfimage24",
      pages: decreePages({ nomor: "21", tahun: 2024, tentang: "Penetapan PPS", twoPages: true }),
    });
    const first = start();
    await first.waitFor((l) => l.msg === "reading a scan (OCR) in the background", 60_000);
    first.child.kill("SIGKILL");
    await first.exited;
    // Still in the inbox, untouched: nothing was filed on a half-done reading.
    expect(readdirSync(path.join(share, "MASUK"))).toEqual([
      "SK Ketua No 21 Th 2024 ttg Penetapan PPS.pdf",
    ]);
    const second = start();
    const scan = "KPT-KETUA/2024/KPT-KETUA_2024_021_penetapan-pps.pdf";
    await second.waitFor((l) => l.msg === "filed decree" && l.path === scan, 120_000);
    expect(existsSync(path.join(share, scan))).toBe(true);
    // One cached reading for the one document.
    expect(
      readdirSync(path.join(dir, "state", "ocr")).filter((n) => n.endsWith(".json")),
    ).toHaveLength(1);
  });

  it("reads a filed scan the cache never read, and its disagreement reaches Perlu Diperbaiki", async () => {
    const { dir, share, start } = setup();
    writeFileSync(
      path.join(dir, "arsipd.yaml"),
      `${readFileSync(path.join(dir, "arsipd.yaml"), "utf8").replace(
        "index:\n  enabled: false\n",
        "index:\n  enabled: true\n  debounceMs: 200\n",
      )}`,
    );
    // Filed by name before any check: its pages say NOMOR 3 TAHUN 2023.
    const rel = "KPT-KETUA/2024/KPT-KETUA_2024_005_honor.pdf";
    makeDoc(path.join(share, rel), {
      device: "pdfimage24",
      pages: decreePages({ nomor: "3", tahun: 2023, tentang: "Honor" }),
    });
    const d = start();
    await d.waitFor(
      (l) => l.msg === "reading a scan (OCR) in the background" && l.path === rel,
      60_000,
    );
    const fixes = async () => {
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.readFile(path.join(share, "Indeks-Keputusan.xlsx"));
      return (wb.getWorksheet("Perlu Diperbaiki")!.getSheetValues() as unknown[][])
        .filter(Boolean)
        .map((v) => [v[2], v[4]]);
    };
    const end = Date.now() + 120_000;
    let seen: unknown[][] = [];
    while (Date.now() < end) {
      seen = await fixes().catch(() => []);
      if (seen.some((f) => f[0] === rel && f[1] === "ISI_BERBEDA")) break;
      await new Promise((r) => setTimeout(r, 300));
    }
    expect(seen).toContainEqual([rel, "ISI_BERBEDA"]);
    // Never moved after the fact: it is filed and mirrored; the keeper decides.
    expect(existsSync(path.join(share, rel))).toBe(true);
  });

  it("SIGTERM during OCR stops the daemon (the OCR child is killed), the scan stays in the inbox", async () => {
    const { share, start } = setup();
    makeDoc(path.join(share, "MASUK", "SK Ketua No 22 Th 2024 ttg Penetapan KPPS.pdf"), {
      device: "pdfimage24",
      pages: decreePages({ nomor: "22", tahun: 2024, tentang: "Penetapan KPPS", twoPages: true }),
    });
    const d = start();
    await d.waitFor((l) => l.msg === "reading a scan (OCR) in the background", 60_000);
    d.signal("SIGTERM");
    const exit = await d.exited;
    expect(exit.code).toBe(0);
    expect(readdirSync(path.join(share, "MASUK"))).toEqual([
      "SK Ketua No 22 Th 2024 ttg Penetapan KPPS.pdf",
    ]);
  });
});

async function waitFor(ok: () => boolean, ms = 30_000): Promise<void> {
  const end = Date.now() + ms;
  while (!ok()) {
    if (Date.now() > end) throw new Error("timed out");
    await new Promise((r) => setTimeout(r, 100));
  }
}
