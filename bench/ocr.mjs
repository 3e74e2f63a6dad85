#!/usr/bin/env node
/**
 * OCR cost: `node --import tsx bench/ocr.mjs [--docs N]`. Renders N one-page decrees twice with
 * ghostscript (a text PDF and an image-only scan at 200 dpi), then measures with a cold cache:
 * - the content reader: text-layer reads (ms each) and OCR pages per minute (ocr.workers = 1);
 * - filing latency of one organizer pass (the step the daemon runs after a save settles): a
 *   decree whose name and text layer agree vs an image-only scan held for its OCR.
 * - the daemon (`arsipd run`, built dist/, a local-folder mirror standing in for the server):
 *   save-to-mirror latency of a decree whose name and text layer agree, alone and while an
 *   image-only scan saved at the same moment waits for its background OCR, and the scan's own
 *   latency (stability window + OCR + filing + copy).
 * Prints one JSON object.
 */
import { mkdtempSync, statSync, utimesSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import pino from "pino";
import { configSchema } from "../src/config/schema.ts";
import { ContentReader } from "../src/ocr/checker.ts";
import { organize } from "../src/organizer/organize.ts";
import { decreePages, makeDoc } from "../test/ocr/docs.ts";

const { values } = parseArgs({ options: { docs: { type: "string", default: "4" } } });
const n = Number(values.docs);
const tmp = () => mkdtempSync(path.join(os.tmpdir(), "arsipd-bench-ocr-"));
const log = pino({ level: "silent" });
const src = tmp();
const docs = [];
for (let i = 1; i <= n; i++) {
  const pages = decreePages({ nomor: String(i), tahun: 2024, tentang: `Penetapan PPK ${i}` });
  docs.push({
    i,
    text: makeDoc(path.join(src, `t${i}.pdf`), { device: "pdfwrite", pages }),
    scan: makeDoc(path.join(src, `s${i}.pdf`), { device: "pdfimage24", pages }),
  });
}

const reader = new ContentReader(configSchema.parse({}), tmp(), log);
let t = performance.now();
for (const d of docs) await reader.read(d.text, "pdf", statSync(d.text).size);
const textMs = (performance.now() - t) / n;
t = performance.now();
let read = 0;
for (const d of docs) if ((await reader.read(d.scan, "pdf", statSync(d.scan).size)).reading) read++;
const ocrMs = (performance.now() - t) / n;

async function fileOne(abs, name) {
  const share = tmp();
  const config = configSchema.parse({ share, stateDir: tmp() });
  const { copyFileSync } = await import("node:fs");
  const to = path.join(share, name);
  copyFileSync(abs, to);
  const old = new Date(Date.now() - 60_000);
  utimesSync(to, old, old);
  const t0 = performance.now();
  const r = await organize({ config, log });
  if (r.moves.length !== 1) throw new Error(`not filed: ${JSON.stringify(r)}`);
  return performance.now() - t0;
}
const agreeMs = await fileOne(docs[0].text, "SK Ketua No 1 Th 2024.pdf");
const scanMs = await fileOne(docs[0].scan, "SK Ketua No 1 Th 2024.pdf");
const offMs = await (async () => {
  const share = tmp();
  const config = configSchema.parse({ share, stateDir: tmp(), ocr: { enabled: false } });
  const { copyFileSync } = await import("node:fs");
  copyFileSync(docs[0].scan, path.join(share, "SK Ketua No 1 Th 2024.pdf"));
  const old = new Date(Date.now() - 60_000);
  utimesSync(path.join(share, "SK Ketua No 1 Th 2024.pdf"), old, old);
  const t0 = performance.now();
  await organize({ config, log });
  return performance.now() - t0;
})();
/** Time from the save to the file at its canonical path in the mirror, per file. */
async function daemonLatency(files) {
  const { spawn } = await import("node:child_process");
  const { copyFileSync, existsSync, mkdirSync, writeFileSync } = await import("node:fs");
  const dir = tmp();
  mkdirSync(path.join(dir, "share", "MASUK"), { recursive: true });
  writeFileSync(
    path.join(dir, "arsipd.yaml"),
    "share: ./share\nstateDir: ./state\nremote:\n  type: local\n  path: ./mirror\n" +
      "watch:\n  stabilityMs: 500\n  debounceMs: 100\n" +
      'schedule:\n  fullPass: "0 3 * * *"\nindex:\n  enabled: false\nfeed:\n  enabled: false\n',
  );
  const bin = path.join(import.meta.dirname, "..", "dist", "cli", "main.js");
  const child = spawn(process.execPath, [bin, "run", "--config", "arsipd.yaml"], {
    cwd: dir,
    stdio: ["ignore", "pipe", "ignore"],
  });
  let out = "";
  child.stdout.on("data", (d) => {
    out += d;
  });
  try {
    const until = async (ok, ms) => {
      const end = Date.now() + ms;
      while (!ok()) {
        if (Date.now() > end) throw new Error("timed out");
        await new Promise((r) => setTimeout(r, 10));
      }
    };
    await until(() => out.includes("first pass done"), 30_000);
    const t0 = performance.now();
    for (const f of files) copyFileSync(f.abs, path.join(dir, "share", "MASUK", f.name));
    const ms = {};
    await until(() => {
      for (const f of files)
        if (ms[f.key] === undefined && existsSync(path.join(dir, "mirror", f.filed)))
          ms[f.key] = Math.round(performance.now() - t0);
      return files.every((f) => ms[f.key] !== undefined);
    }, 180_000);
    return ms;
  } finally {
    child.kill("SIGTERM");
  }
}
const textFile = {
  key: "textDecree",
  abs: docs[0].text,
  name: "SK Ketua No 1 Th 2024 ttg Penetapan PPK 1.pdf",
  filed: "KPT-KETUA/2024/KPT-KETUA_2024_001_penetapan-ppk-1.pdf",
};
const alone = await daemonLatency([textFile]);
const withScan = await daemonLatency([
  textFile,
  {
    key: "scan",
    abs: docs[1 % n].scan,
    name: `SK Ketua No ${docs[1 % n].i} Th 2024 ttg Penetapan PPK ${docs[1 % n].i}.pdf`,
    filed: `KPT-KETUA/2024/KPT-KETUA_2024_${String(docs[1 % n].i).padStart(3, "0")}_penetapan-ppk-${docs[1 % n].i}.pdf`,
  },
]);

console.log(
  JSON.stringify(
    {
      docs: n,
      cpus: os.cpus().length,
      textLayerReadMs: Math.round(textMs),
      ocrPagesPerMinute: Math.round((60_000 / ocrMs) * 10) / 10,
      ocrReadOk: `${read}/${n}`,
      fileAgreeingTextPdfMs: Math.round(agreeMs),
      fileImageOnlyScanMs: Math.round(scanMs),
      fileScanOcrOffMs: Math.round(offMs),
      daemonStabilityMs: 500,
      daemonTextDecreeAloneMs: alone.textDecree,
      daemonTextDecreeBesideScanMs: withScan.textDecree,
      daemonTextBesideScanRatio:
        Math.round((withScan.textDecree / Math.max(1, alone.textDecree)) * 100) / 100,
      daemonImageOnlyScanMs: withScan.scan,
    },
    null,
    2,
  ),
);
