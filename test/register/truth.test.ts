/**
 * What the register tells clerks, from real files through the engine: the name a clerk typed
 * is kept in Keterangan, and "tersinkron" is never shown for bytes the server does not have.
 */
import {
  appendFileSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  utimesSync,
  writeFileSync,
} from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import pino from "pino";
import { afterEach, describe, expect, it } from "vitest";
import { loadConfig } from "../../src/config/load.js";
import { ArchiveEngine } from "../../src/daemon/engine.js";

const open: ArchiveEngine[] = [];
afterEach(async () => {
  for (const e of open.splice(0)) await e.close();
});

describe("register truth", () => {
  it("keeps the typed name and says menunggu once the share's bytes differ from the server's", async () => {
    const dir = mkdtempSync(path.join(tmpdir(), "arsipd-regtruth-"));
    mkdirSync(path.join(dir, "arsip", "MASUK"), { recursive: true });
    mkdirSync(path.join(dir, "data", "state"), { recursive: true });
    const typed = "SK Ketua No 12 Th 2024 ttg Penetapan DPT.pdf";
    const f = path.join(dir, "arsip", "MASUK", typed);
    writeFileSync(f, "%PDF-1.4\nfirst\n%%EOF\n");
    const old = new Date(Date.now() - 60_000);
    utimesSync(f, old, old);
    const loaded = loadConfig({ cwd: dir, env: {} });
    const engine = await ArchiveEngine.open(loaded, pino({ level: "silent" }));
    open.push(engine);
    await engine.pass("full", [], new AbortController().signal, "start-up");
    await engine.index();
    const csv = () => readFileSync(path.join(dir, "arsip", "Indeks-Keputusan.csv"), "utf8");
    const row = () =>
      csv()
        .split(/\r?\n/)
        .find((l) => l.includes("KPT-KETUA_2024_012"));
    expect(row()).toContain(`Nama asal: ${typed}`);
    expect(row()).toContain("tersinkron");

    // A late write the mirror has not uploaded yet: the register must not claim it is synced.
    const filed = path.join(dir, "arsip", "KPT-KETUA/2024/KPT-KETUA_2024_012_penetapan-dpt.pdf");
    appendFileSync(filed, "%PDF update\n%%EOF\n");
    await engine.index();
    expect(row()).not.toContain("tersinkron");
    expect(row()).toContain("menunggu");
  });
  it("shows Tentang as the clerk typed it (capitals, acronyms), in the CSV and the JDIHN feed", async () => {
    const dir = mkdtempSync(path.join(tmpdir(), "arsipd-regcase-"));
    mkdirSync(path.join(dir, "arsip", "MASUK"), { recursive: true });
    mkdirSync(path.join(dir, "arsip", "KPT-KETUA", "2024"), { recursive: true });
    const old = new Date(Date.now() - 60_000);
    const typed =
      "SK Ketua No 13 Th 2024 ttg Penetapan DPT Pemilu 2024 di Kelurahan Sunter Agung.pdf";
    writeFileSync(path.join(dir, "arsip", "MASUK", typed), "%PDF-1.4\ntiga belas\n%%EOF\n");
    // Saved under the canonical name already: no typed name, the slug's words stay.
    const canonical = path.join(dir, "arsip", "KPT-KETUA/2024/KPT-KETUA_2024_014_rapat-pleno.pdf");
    writeFileSync(canonical, "%PDF-1.4\nempat belas\n%%EOF\n");
    for (const f of [path.join(dir, "arsip", "MASUK", typed), canonical]) utimesSync(f, old, old);
    const loaded = loadConfig({ cwd: dir, env: {} });
    const engine = await ArchiveEngine.open(loaded, pino({ level: "silent" }));
    open.push(engine);
    await engine.pass("full", [], new AbortController().signal, "start-up");
    await engine.index();
    const csv = readFileSync(path.join(dir, "arsip", "Indeks-Keputusan.csv"), "utf8");
    const line = (k: string) => csv.split(/\r?\n/).find((l) => l.includes(k)) ?? "";
    expect(line("KPT-KETUA_2024_013")).toContain(
      "Penetapan DPT Pemilu 2024 di Kelurahan Sunter Agung",
    );
    expect(line("KPT-KETUA_2024_014")).toContain("rapat pleno");
    const feed = JSON.parse(readFileSync(path.join(dir, "arsip", "jdihn.json"), "utf8")) as {
      judul: string;
    }[];
    expect(feed.map((e) => e.judul)).toContain(
      "Keputusan Komisi Pemilihan Umum Kota Jakarta Utara Nomor 13 Tahun 2024 tentang Penetapan DPT Pemilu 2024 di Kelurahan Sunter Agung",
    );
  });
});
