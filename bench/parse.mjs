// Parses 100,000 generated decree names through the built dist/ and prints the rate.
// Run: npm run build && node bench/parse.mjs   (figures only, no assertions)
import { conventionSchema } from "../dist/config/schema.js";
import { parse } from "../dist/convention/parse.js";

const rules = conventionSchema.parse({});
const now = new Date();
const shapes = [
  (n, y) => `SK Ketua No ${n} Th ${y} ttg Penetapan Daftar Pemilih Tetap Pemilu ${y}.pdf`,
  (n, y) => `Kep. Sekretaris ${n}-${y} pembentukan tim pengelola jdih.docx`,
  (n, y) => `KEPUTUSAN KPU KOTA JAKARTA UTARA NOMOR ${n} TAHUN ${y} TENTANG PENETAPAN CALON.pdf`,
  (n, y) => `kpt ketua ${y} ${String(n).padStart(3, "0")}.pdf`,
  (n, y) => `${n}_PL.01.3-Kpt_3172_KPU-Kot_IV_${y} penetapan.pdf`,
  (n, y) => `KPT-KETUA_${y}_${String(n).padStart(3, "0")}_penetapan-dpt.pdf`,
  (n) => `scan${n}.pdf`,
];
const names = [];
for (let i = 0; i < 100_000; i++) {
  // Template literals build V8 cons-strings, which the first string operation flattens (copies);
  // names read from a directory arrive flat, so flatten them here, outside the timed loop.
  names.push(Buffer.from(shapes[i % shapes.length](1 + (i % 400), 2011 + (i % 15))).toString());
}
let ok = 0;
// The time of each 20,000 names too: the first chunk runs while V8 is still optimising the
// parser (a fresh process, as in the daemon's first scan), the later ones show the steady rate.
const CHUNK = 20_000;
const chunks = [];
const t0 = process.hrtime.bigint();
let t = t0;
for (let i = 0; i < names.length; i++) {
  if (parse(names[i], rules, { now }).ok) ok++;
  if ((i + 1) % CHUNK === 0) {
    const t1 = process.hrtime.bigint();
    chunks.push(Number(t1 - t) / 1e6);
    t = t1;
  }
}
const ms = Number(process.hrtime.bigint() - t0) / 1e6;
console.log(
  `parsed ${names.length} names (${ok} ok) in ${ms.toFixed(0)} ms: ${Math.round(names.length / (ms / 1000))} names/s`,
);
console.log(`per ${CHUNK} names: ${chunks.map((c) => c.toFixed(0)).join(", ")} ms`);
