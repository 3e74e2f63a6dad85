#!/usr/bin/env node
/**
 * OCR cost: `node --import tsx bench/ocr.mjs [--docs N]`. Renders N one-page decrees twice with
 * ghostscript (a text PDF and an image-only scan at 200 dpi), then measures with a cold cache:
 * - the content reader: text-layer reads (ms each) and OCR pages per minute (ocr.workers = 1);
 * - filing latency of one organizer pass (the step the daemon runs after a save settles): a
 *   decree whose name and text layer agree vs an image-only scan held for its OCR.
 * The daemon adds its stability window and the upload to both. Prints one JSON object.
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
    },
    null,
    2,
  ),
);
