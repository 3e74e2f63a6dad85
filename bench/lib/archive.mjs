/**
 * A deterministic, realistic decree archive for the bench: canonical folders and names
 * (`KPT-KETUA/2024/KPT-KETUA_2024_012_penetapan-….pdf`), incompressible content (AES-CTR
 * keystream keyed by seed and file number; .pdf files are valid one-page image PDFs like a
 * scanner's, without a text layer), sizes log-uniform between `minSize` and `maxSize`
 * (many small scans, a few big ones, as in a real office), plus `scans` big scans. The same
 * options always give byte-identical files with identical mtimes.
 */
import { createCipheriv, createHash } from "node:crypto";
import { createReadStream } from "node:fs";
import { mkdir, open, readFile, stat, utimes, writeFile } from "node:fs/promises";
import path from "node:path";

const WORDS = [
  "penetapan",
  "daftar",
  "pemilih",
  "tetap",
  "pembentukan",
  "tim",
  "pengelola",
  "jdih",
  "panitia",
  "pemungutan",
  "suara",
  "kelompok",
  "penyelenggara",
  "rekapitulasi",
  "hasil",
  "perhitungan",
  "calon",
  "anggota",
  "dewan",
  "perwakilan",
  "rakyat",
  "daerah",
  "kota",
  "jakarta",
  "utara",
  "pedoman",
  "teknis",
  "pelaksanaan",
  "kampanye",
  "pemilihan",
  "umum",
  "tahun",
  "anggaran",
  "honorarium",
  "sekretariat",
  "pengadaan",
  "logistik",
  "distribusi",
  "perubahan",
  "atas",
  "keputusan",
  "pencabutan",
  "standar",
  "operasional",
  "prosedur",
  "arsip",
  "dinamis",
  "badan",
  "adhoc",
  "pengangkatan",
  "pemberhentian",
  "petugas",
  "pemutakhiran",
  "data",
  "sosialisasi",
];
const JENIS = ["KPT-KETUA", "KPT-SEKRETARIS"];
const BASE_MTIME = Date.UTC(2024, 0, 2, 8, 0, 0) / 1000;

/** Small seeded PRNG (mulberry32): the archive layout must not depend on Math.random. */
export function prng(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function slug(rand) {
  const n = 2 + Math.floor(rand() * 5);
  const w = [];
  for (let i = 0; i < n; i++) w.push(WORDS[Math.floor(rand() * WORDS.length)]);
  return w.join("-");
}

/**
 * The archive's file list (no I/O).
 * @returns {{rel:string,size:number,key:number,mtime:number}[]}
 */
export function plan({
  files,
  minSize,
  maxSize,
  scans,
  scanSize,
  seed,
  yearFrom = 2015,
  yearTo = 2025,
}) {
  const rand = prng(seed);
  const serial = new Map();
  const out = [];
  const years = yearTo - yearFrom + 1;
  const add = (size) => {
    const jenis = JENIS[rand() < 0.6 ? 0 : 1];
    const year = yearFrom + Math.floor(rand() * years);
    const k = `${jenis}/${year}`;
    const nomor = (serial.get(k) ?? 0) + 1;
    serial.set(k, nomor);
    const qual = rand() < 0.1 ? `_LAMPIRAN-${1 + Math.floor(rand() * 3)}` : "";
    const ext = rand() < 0.85 ? "pdf" : "docx";
    const name = `${jenis}_${year}_${String(nomor).padStart(3, "0")}${qual}_${slug(rand)}.${ext}`;
    const key = out.length;
    out.push({ rel: `${jenis}/${year}/${name}`, size, key, mtime: BASE_MTIME + key * 60 });
  };
  const lnMin = Math.log(minSize);
  const lnMax = Math.log(maxSize);
  for (let i = 0; i < files; i++) add(Math.round(Math.exp(lnMin + rand() * (lnMax - lnMin))));
  for (let i = 0; i < scans; i++) add(scanSize);
  return out;
}

/** Incompressible, deterministic bytes for file `key` (generation `gen` for edited versions). */
export function contentStream(seed, key, gen = 0) {
  const k = createHash("sha256").update(`arsipd-bench:${seed}:${key}:${gen}`).digest();
  return createCipheriv("aes-128-ctr", k.subarray(0, 16), k.subarray(16, 32));
}

const ZERO = Buffer.alloc(1 << 20);

/**
 * The PDF frame around `payload` bytes: a one-page PDF whose page shows one grey-scale image
 * (Width = payload bytes, Height 1, no filter, so any bytes are valid), as a scanner writes it:
 * valid xref and trailer, no text layer. Returns [head, tail] Buffers.
 */
function pdfFrame(payload) {
  const objs = [
    "<< /Type /Catalog /Pages 2 0 R >>",
    "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
    "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /XObject << /Im0 4 0 R >> >> /Contents 5 0 R >>",
  ];
  let head = "%PDF-1.4\n%\u00e2\u00e3\u00cf\u00d3\n";
  const offsets = [];
  for (let i = 0; i < objs.length; i++) {
    offsets.push(Buffer.byteLength(head, "latin1"));
    head += `${i + 1} 0 obj\n${objs[i]}\nendobj\n`;
  }
  offsets.push(Buffer.byteLength(head, "latin1"));
  head += `4 0 obj\n<< /Type /XObject /Subtype /Image /Width ${payload} /Height 1 /ColorSpace /DeviceGray /BitsPerComponent 8 /Length ${payload} >>\nstream\n`;
  let tail = "\nendstream\nendobj\n";
  const at = Buffer.byteLength(head, "latin1") + payload;
  offsets.push(at + Buffer.byteLength(tail, "latin1"));
  const content = "q 595 0 0 842 0 0 cm /Im0 Do Q";
  tail += `5 0 obj\n<< /Length ${content.length} >>\nstream\n${content}\nendstream\nendobj\n`;
  const xref = at + Buffer.byteLength(tail, "latin1");
  tail += `xref\n0 6\n0000000000 65535 f \n${offsets.map((o) => `${String(o).padStart(10, "0")} 00000 n \n`).join("")}`;
  tail += `trailer\n<< /Size 6 /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return [Buffer.from(head, "latin1"), Buffer.from(tail, "latin1")];
}

/** The frame for a PDF of exactly `size` bytes, or undefined when `size` is too small for one. */
function pdfFrameFor(size) {
  let payload = size - 1000;
  for (let i = 0; i < 5 && payload > 0; i++) {
    const [h, t] = pdfFrame(payload);
    const next = size - h.length - t.length;
    if (next === payload) return [h, t, payload];
    payload = next;
  }
  return undefined;
}

/**
 * Writes one file of `size` bytes (in 1 MiB blocks of keystream) and sets its mtime. With
 * `pdf`, the keystream is the image of a valid one-page PDF of exactly `size` bytes.
 */
export async function writeContent(file, seed, key, size, mtime, gen = 0, pdf = false) {
  await mkdir(path.dirname(file), { recursive: true });
  const c = contentStream(seed, key, gen);
  const frame = pdf ? pdfFrameFor(size) : undefined;
  const fh = await open(file, "w");
  try {
    if (frame) await fh.write(frame[0]);
    let left = frame ? frame[2] : size;
    while (left > 0) {
      const n = Math.min(left, ZERO.length);
      await fh.write(c.update(ZERO.subarray(0, n)));
      left -= n;
    }
    if (frame) await fh.write(frame[1]);
  } finally {
    await fh.close();
  }
  await utimes(file, mtime, mtime);
}

/**
 * Creates the archive in `dir` unless `dir/.bench-manifest.json` already describes the same
 * options (a cache for repeated runs). Returns the manifest entries.
 */
export async function generate(dir, opts, { onProgress } = {}) {
  const manifestFile = path.join(dir, "..", `${path.basename(dir)}.manifest.json`);
  const want = JSON.stringify(opts);
  try {
    const m = JSON.parse(await readFile(manifestFile, "utf8"));
    if (JSON.stringify(m.opts) === want) return { entries: m.entries, cached: true };
  } catch {}
  const entries = plan(opts);
  const queue = [...entries];
  let done = 0;
  const worker = async () => {
    for (let e = queue.shift(); e; e = queue.shift()) {
      await writeContent(
        path.join(dir, e.rel),
        opts.seed,
        e.key,
        e.size,
        e.mtime,
        0,
        e.rel.endsWith(".pdf"),
      );
      done++;
      if (onProgress && done % 5000 === 0) onProgress(done, entries.length);
    }
  };
  await Promise.all(Array.from({ length: 8 }, worker));
  await writeFile(manifestFile, JSON.stringify({ opts: JSON.parse(want), entries }));
  return { entries, cached: false };
}

export async function sha256File(file) {
  const h = createHash("sha256");
  for await (const chunk of createReadStream(file)) h.update(chunk);
  return h.digest("hex");
}

export async function sizeOf(file) {
  return (await stat(file)).size;
}
