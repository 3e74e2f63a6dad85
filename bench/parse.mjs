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
const t0 = process.hrtime.bigint();
for (const n of names) if (parse(n, rules, { now }).ok) ok++;
const ms = Number(process.hrtime.bigint() - t0) / 1e6;
console.log(
  `parsed ${names.length} names (${ok} ok) in ${ms.toFixed(0)} ms: ${Math.round(names.length / (ms / 1000))} names/s`,
);
