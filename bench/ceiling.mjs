#!/usr/bin/env node
/**
 * The raw ceiling: the least work any mirror tool must do against the server, run as its own
 * process so it is timed and memory-measured like the tools.
 *   put       MKCOL every folder (parents first), then PUT every file with Content-Length,
 *             `--concurrency` at a time over keep-alive connections. No checks, no journal.
 *   walk      stat every local file (the floor of a no-change pass with a warm journal).
 *   walk-put  walk, then PUT the one file named by --file (the floor of a one-change pass).
 * Usage: node bench/ceiling.mjs <mode> --src DIR --list FILE.json --url DAVROOT --user U
 *        --remote FOLDER [--concurrency 4] [--file REL]; password in env BENCH_PASSWORD.
 */
import { createReadStream } from "node:fs";
import { readFile, stat } from "node:fs/promises";
import http from "node:http";
import path from "node:path";
import { parseArgs } from "node:util";

const { positionals, values } = parseArgs({
  allowPositionals: true,
  options: {
    src: { type: "string" },
    list: { type: "string" },
    url: { type: "string" },
    user: { type: "string" },
    remote: { type: "string", default: "Arsip" },
    concurrency: { type: "string", default: "4" },
    file: { type: "string" },
  },
});
const mode = positionals[0];
const rels = JSON.parse(await readFile(values.list, "utf8"));
const conc = Number(values.concurrency);
const base = new URL(values.url.endsWith("/") ? values.url : `${values.url}/`);
const auth = `Basic ${Buffer.from(`${values.user}:${process.env.BENCH_PASSWORD ?? ""}`).toString("base64")}`;
const agent = new http.Agent({ keepAlive: true, maxSockets: conc });

const enc = (rel) => rel.split("/").map(encodeURIComponent).join("/");

function request(method, rel, { body, length } = {}) {
  return new Promise((resolve, reject) => {
    const u = new URL(`${enc(values.remote)}/${enc(rel)}`.replace(/\/$/, ""), base);
    const headers = { Authorization: auth };
    if (length !== undefined) headers["Content-Length"] = String(length);
    const req = http.request(u, { method, agent, headers }, (res) => {
      res.resume();
      res.on("end", () => resolve(res.statusCode));
    });
    req.on("error", reject);
    if (body) body.pipe(req);
    else req.end();
  });
}

async function put(rel) {
  const file = path.join(values.src, rel);
  const { size } = await stat(file);
  const code = await request("PUT", rel, { body: createReadStream(file), length: size });
  if (code !== 201 && code !== 204) throw new Error(`PUT ${rel}: HTTP ${code}`);
}

async function pool(items, fn) {
  const q = [...items];
  await Promise.all(
    Array.from({ length: Math.min(conc, q.length) }, async () => {
      for (let x = q.shift(); x !== undefined; x = q.shift()) await fn(x);
    }),
  );
}

async function walk() {
  let n = 0;
  await Promise.all(
    Array.from({ length: 16 }, async (_, k) => {
      for (let i = k; i < rels.length; i += 16) {
        await stat(path.join(values.src, rels[i]));
        n++;
      }
    }),
  );
  return n;
}

if (mode === "put") {
  const dirs = new Set();
  for (const r of rels) {
    const parts = r.split("/");
    for (let i = 1; i < parts.length; i++) dirs.add(parts.slice(0, i).join("/"));
  }
  const root = await request("MKCOL", "");
  if (root !== 201 && root !== 405) throw new Error(`MKCOL root: HTTP ${root}`);
  const byDepth = new Map();
  for (const d of dirs) {
    const k = d.split("/").length;
    byDepth.set(k, [...(byDepth.get(k) ?? []), d]);
  }
  for (const k of [...byDepth.keys()].sort((a, b) => a - b)) {
    await pool(byDepth.get(k), async (d) => {
      const code = await request("MKCOL", d);
      if (code !== 201 && code !== 405) throw new Error(`MKCOL ${d}: HTTP ${code}`);
    });
  }
  await pool(rels, put);
} else if (mode === "walk") {
  await walk();
} else if (mode === "walk-put") {
  await walk();
  await put(values.file);
} else {
  throw new Error(`unknown mode ${mode}`);
}
agent.destroy();
