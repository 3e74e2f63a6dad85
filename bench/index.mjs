// Builds the register for 100,000 synthetic decrees (no PDFs) and prints time and peak RSS.
// Figures only, no pass/fail. Run after `npm run build`:
//   node bench/index.mjs [--files N] [--keep DIR]
// --keep DIR builds the synthetic share in DIR once and reuses it on later runs (setup of
// 100,000 files takes a minute); the register and cache in DIR are removed first so the
// first build is cold.
import { existsSync } from "node:fs";
import { mkdir, mkdtemp, rm, utimes, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import pino from "pino";
import { configSchema } from "../dist/config/schema.js";
import { parse } from "../dist/convention/parse.js";
import { buildRegister } from "../dist/register/build.js";

const args = process.argv.slice(2);
const flag = (name) => {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : undefined;
};
// A bare number is still accepted as the file count (older usage).
const count = Number(flag("--files") ?? (/^\d+$/.test(args[0] ?? "") ? args[0] : 100_000));
const keep = flag("--keep");
const root = keep ?? (await mkdtemp(path.join(os.tmpdir(), "arsipd-bench-index-")));
const share = path.join(root, "arsip");
const state = path.join(root, "state");
const marker = path.join(root, `made-${count}`);
const reuse = keep !== undefined && existsSync(marker);
const jenis = ["KPT-KETUA", "KPT-SEKRETARIS"];
const years = 10;
const perGroup = Math.ceil(count / (jenis.length * years));

const t0 = performance.now();
let made = 0;
const meta = ["Jenis;Tahun;Nomor;Tanggal Penetapan;Status;Lokasi Fisik"];
if (reuse) {
  for (const f of ["Indeks-Keputusan.xlsx", "Indeks-Keputusan.csv", "jdihn.json"])
    await rm(path.join(share, f), { force: true });
  await rm(state, { recursive: true, force: true });
}
for (const j of reuse ? [] : jenis) {
  for (let y = 2015; y < 2015 + years; y++) {
    const dir = path.join(share, j, String(y));
    await mkdir(dir, { recursive: true });
    const writes = [];
    for (let n = 1; n <= perGroup && made < count; n++, made++) {
      if (n % 97 === 0) continue; // leave gaps
      const name = `${j}_${y}_${String(n).padStart(3, "0")}_keputusan-tentang-hal-nomor-${n}.docx`;
      writes.push(writeFile(path.join(dir, name), `${j} ${y} ${n}`));
      if (n % 10 === 0)
        meta.push(`${j};${y};${n};${(n % 28) + 1}-03-${y};berlaku;Lemari ${n % 40}`);
      if (writes.length >= 256) await Promise.all(writes.splice(0));
    }
    await Promise.all(writes);
  }
}
if (reuse) made = Number((await import("node:fs")).readFileSync(marker, "utf8"));
else {
  await writeFile(path.join(share, "Metadata-Keputusan.csv"), `${meta.join("\r\n")}\r\n`);
  await utimes(path.join(share, "Metadata-Keputusan.csv"), 1_710_000_000, 1_710_000_000);
  if (keep) await writeFile(marker, String(made));
}
const tSetup = performance.now() - t0;

const config = configSchema.parse({
  share,
  stateDir: state,
  remote: { type: "webdav", url: "https://cloud.example/remote.php/dav/files/arsip" },
});
let lastLine = "";
const log = pino(
  { level: "info" },
  {
    write: (l) => {
      lastLine = l;
    },
  },
);
const syncStatus = (rel) =>
  rel.length % 3 === 0 ? { state: "menunggu" } : { state: "tersinkron" };

async function run(label) {
  const t = performance.now();
  const r = await buildRegister({
    config,
    log,
    now: new Date(),
    parse,
    cacheDir: state,
    syncStatus,
  });
  const ms = performance.now() - t;
  console.log(
    `${label.padEnd(26)} ${(ms / 1000).toFixed(2)} s  decrees=${r.decrees} written=${r.written.length} badMetadataRows=${r.badMetadataRows}`,
  );
  const line = JSON.parse(lastLine);
  console.log(`  stages (ms): ${JSON.stringify(line.ms)}`);
  console.log(`  RSS after stage (MB): ${JSON.stringify(line.rssMB)}`);
}

console.log(
  `arsipd register bench: ${made} files (setup ${(tSetup / 1000).toFixed(1)} s${reuse ? ", reused" : ""})`,
);
await run("cold (hash every file)");
await run("warm (cache, no change)");
await run("warm again");
console.log(`peak RSS ${(process.resourceUsage().maxRSS / 1024).toFixed(0)} MB`);
console.log(
  `load average ${os
    .loadavg()
    .map((l) => l.toFixed(1))
    .join(" ")} on ${os.cpus().length} CPUs (figures scale with load)`,
);
if (!keep) await rm(root, { recursive: true, force: true });
