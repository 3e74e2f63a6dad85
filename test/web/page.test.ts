/**
 * The read-only web page in a real browser (Debian chromium driven by playwright-core, with
 * JavaScript switched off: the page must work without it): the search (form and /?q=), the
 * quarantine with reasons from the .ALASAN.txt sidecars, today's activity from the log, the
 * daemon's state. A screenshot of each page is saved in test-results/web/.
 */
import { existsSync } from "node:fs";
import { mkdir, writeFile } from "node:fs/promises";
import path from "node:path";
import pino from "pino";
import { type Browser, chromium, type Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Config, configSchema } from "../../src/config/schema.js";
import { Secret } from "../../src/config/secret.js";
import { writeStatus } from "../../src/daemon/status-file.js";
import { buildRegister } from "../../src/register/build.js";
import { makeLinker } from "../../src/register/links.js";
import { startWebServer, type WebServer } from "../../src/web/server.js";
import { REPO } from "../helpers/cli.js";
import { fakeParse, put, tempDir } from "../register/helpers.js";

const CHROMIUM = "/usr/bin/chromium";
const SHOTS = path.join(REPO, "test-results", "web");

let browser: Browser;
let server: WebServer;
let config: Config;
let page: Page;
const logLines: string[] = [];

beforeAll(async () => {
  if (!existsSync(CHROMIUM)) throw new Error("chromium is needed: apt-get install chromium");
  const dir = await tempDir("arsipd-web-");
  const share = path.join(dir, "arsip");
  await put(share, "KPT-KETUA/2024/KPT-KETUA_2024_012_penetapan-daftar-pemilih-tetap.pdf", "a");
  await put(share, "KPT-KETUA/2024/KPT-KETUA_2024_013_pelantikan-ppk.pdf", "b");
  await put(share, "KPT-SEKRETARIS/2023/KPT-SEKRETARIS_2023_003_pembentukan-tim.pdf", "c");
  await put(share, "_KARANTINA/scan <b>1.pdf", "q");
  await put(
    share,
    "_KARANTINA/scan <b>1.pdf.ALASAN.txt",
    "Berkas: scan <b>1.pdf\nAlasan: Nomor keputusan tidak terbaca dari nama berkas.\nKode: NO_NUMBER\nAsal: MASUK\nWaktu: 2024-03-01T10:00:00Z\n",
  );
  config = configSchema.parse({
    share,
    stateDir: path.join(dir, "state"),
    remote: { type: "webdav", url: "https://cloud.example/remote.php/dav/files/arsip" },
    web: { enabled: true, listen: "127.0.0.1:0" },
  });
  const log = pino({ level: "info" }, { write: (s: string) => logLines.push(s) });
  await buildRegister({ config, log, now: new Date(), parse: fakeParse, readPdfText: false });
  const now = new Date();
  await writeStatus(config.stateDir, {
    pid: 1,
    state: "error",
    detail: "server tidak terjangkau",
    startedAt: now.toISOString(),
    updatedAt: now.toISOString(),
    remote: { description: "https://cloud.example/", reachable: false, message: "ECONNREFUSED" },
    lastPass: {
      kind: "full",
      startedAt: now.toISOString(),
      finishedAt: now.toISOString(),
      ok: false,
      summary: { deferred: 2 },
      error: "connection refused",
    },
  });
  const t = now.getTime();
  const line = (o: Record<string, unknown>) => JSON.stringify({ level: 30, time: t, ...o });
  await mkdir(path.join(config.stateDir, "logs"), { recursive: true });
  await writeFile(
    path.join(config.stateDir, "logs", "arsipd.1.log"),
    [
      line({
        time: t - 2 * 86_400_000,
        msg: "filed decree",
        path: "KEMARIN/old.pdf",
        from: "MASUK/old.pdf",
      }),
      line({
        msg: "filed decree",
        path: "KPT-KETUA/2024/KPT-KETUA_2024_013_pelantikan-ppk.pdf",
        from: "MASUK/SK Ketua No 13 Th 2024 pelantikan PPK.pdf",
      }),
      line({
        level: 40,
        msg: "quarantined",
        path: "MASUK/scan <b>1.pdf",
        to: "_KARANTINA/scan <b>1.pdf",
      }),
      line({ level: 50, msg: "work stopped: server unreachable; retrying with back-off" }),
    ].join("\n"),
  );
  server = await startWebServer(config, log);
  browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: [
      "--headless",
      "--no-sandbox",
      "--disable-gpu",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
    ],
  });
  const ctx = await browser.newContext({
    javaScriptEnabled: false,
    viewport: { width: 1100, height: 700 },
  });
  page = await ctx.newPage();
  await mkdir(SHOTS, { recursive: true });
}, 120_000);

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

describe("the web page (chromium, JavaScript off)", () => {
  it("searches the register from the form, by words of the tentang and the year", async () => {
    await page.goto(server.url);
    await page.fill("input[name=q]", "pemilih 2024");
    await page.click("button[type=submit]");
    expect(new URL(page.url()).searchParams.get("q")).toBe("pemilih 2024");
    const rows = page.locator("#hasil tbody tr");
    expect(await rows.count()).toBe(1);
    expect(await rows.first().textContent()).toContain("penetapan daftar pemilih tetap");
    const href = await rows.first().locator("a").getAttribute("href");
    expect(href).toBe(
      makeLinker(config.remote)(
        "KPT-KETUA/2024/KPT-KETUA_2024_012_penetapan-daftar-pemilih-tetap.pdf",
      ),
    );
    expect(href).toMatch(/^https:\/\/cloud\.example\/index\.php\/apps\/files\/\?dir=/);
    await page.screenshot({ path: path.join(SHOTS, "cari.png"), fullPage: true });
  });

  it("/?q= opens with the search done: by nomor and jenis", async () => {
    await page.goto(`${server.url}?q=${encodeURIComponent("KPT-SEKRETARIS 3")}`);
    const rows = page.locator("#hasil tbody tr");
    expect(await rows.count()).toBe(1);
    expect(await rows.first().textContent()).toContain("pembentukan tim");
    await page.goto(`${server.url}?q=tidakada`);
    expect(await page.locator("#hasil").textContent()).toContain("Tidak ditemukan");
  });

  it("shows the daemon's state: error, unreachable server, what is waiting", async () => {
    await page.goto(server.url);
    const text = await page.locator("main").textContent();
    expect(text).toContain("bermasalah / error");
    expect(text).toContain("ECONNREFUSED");
    expect(text).toContain("2 berkas");
    expect(text).toMatch(/Di karantina.*1 berkas/s);
    await page.screenshot({ path: path.join(SHOTS, "beranda.png"), fullPage: true });
  });

  it("lists the quarantine with each reason and a suggested name, HTML in names escaped", async () => {
    await page.goto(`${server.url}karantina`);
    const rows = page.locator("#karantina tbody tr");
    expect(await rows.count()).toBe(1);
    const t = await rows.first().textContent();
    expect(t).toContain("scan <b>1.pdf");
    expect(t).toContain("Nomor keputusan tidak terbaca dari nama berkas.");
    expect(t).toContain("SK Ketua No <nomor> Th <tahun> ttg <judul>.pdf");
    expect(await page.locator("#karantina b").count()).toBe(0);
    await page.screenshot({ path: path.join(SHOTS, "karantina.png"), fullPage: true });
  });

  it("tells today's activity in Indonesian: filed (from which typed name), quarantined, failed", async () => {
    await page.goto(`${server.url}kegiatan`);
    const t = await page.locator("#kegiatan").textContent();
    expect(t).toContain(
      "Diarsipkan: KPT-KETUA/2024/KPT-KETUA_2024_013_pelantikan-ppk.pdf (nama yang diketik: SK Ketua No 13 Th 2024 pelantikan PPK.pdf)",
    );
    expect(t).toContain("Masuk karantina: scan <b>1.pdf");
    expect(t).toContain("Gagal: work stopped");
    expect(t).not.toContain("KEMARIN"); // yesterday's lines stay out
    await page.screenshot({ path: path.join(SHOTS, "kegiatan.png"), fullPage: true });
  });

  it("read-only: other methods are refused, unknown pages are 404", async () => {
    expect((await fetch(server.url, { method: "POST" })).status).toBe(405);
    expect((await fetch(`${server.url}etc/passwd`)).status).toBe(404);
  });
});

describe("web page access", () => {
  it("a LAN address without a password is refused; with one, Basic auth guards it", async () => {
    const log = pino({ level: "info" }, { write: (s: string) => logLines.push(s) });
    const lan = { ...config, web: { enabled: true, listen: "0.0.0.0:0" } };
    await expect(startWebServer(lan, log)).rejects.toThrow(/set a password/);
    const pw = "rahasia-kantor-123";
    const s = await startWebServer(
      { ...config, web: { enabled: true, listen: "127.0.0.1:0" } },
      log,
      new Secret(pw),
    );
    try {
      expect((await fetch(s.url)).status).toBe(401);
      const bad = Buffer.from("staf:salah").toString("base64");
      expect((await fetch(s.url, { headers: { Authorization: `Basic ${bad}` } })).status).toBe(401);
      const good = Buffer.from(`staf:${pw}`).toString("base64");
      expect((await fetch(s.url, { headers: { Authorization: `Basic ${good}` } })).status).toBe(
        200,
      );
    } finally {
      await s.close();
    }
    expect(logLines.join("\n")).not.toContain(pw);
  });
});
