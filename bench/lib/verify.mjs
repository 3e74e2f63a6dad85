/**
 * Correctness check after each measured pass: the remote folder ON DISK behind the server must
 * hold exactly the expected files (no missing, no extra), every size equal, and a sample of files
 * byte-identical (SHA-256 of the remote copy against the local one). A tool whose result fails
 * this gets its figure marked invalid.
 */
import { readdir, stat } from "node:fs/promises";
import path from "node:path";
import { sha256File } from "./archive.mjs";

async function walk(dir, base = dir, out = new Map()) {
  let names;
  try {
    names = await readdir(dir, { withFileTypes: true });
  } catch (err) {
    if (err.code === "ENOENT") return out;
    throw err;
  }
  for (const d of names) {
    const p = path.join(dir, d.name);
    if (d.isDirectory()) await walk(p, base, out);
    else out.set(path.relative(base, p).split(path.sep).join("/"), (await stat(p)).size);
  }
  return out;
}

/**
 * @param {string} remoteDir  the remote folder on the server's disk
 * @param {string} localDir   the tree that was mirrored
 * @param {{rel:string,size:number}[]} entries  what must be there
 * @param {{sample?:number, mustHash?:string[]}} opts
 * @returns {Promise<{ok:boolean, problems:string[], files:number, hashed:number}>}
 */
export async function verifyMirror(
  remoteDir,
  localDir,
  entries,
  { sample = 64, mustHash = [] } = {},
) {
  const got = await walk(remoteDir);
  const problems = [];
  const want = new Map(entries.map((e) => [e.rel, e.size]));
  for (const [rel, size] of want) {
    if (!got.has(rel)) problems.push(`missing ${rel}`);
    else if (got.get(rel) !== size) problems.push(`size ${rel}: ${got.get(rel)} != ${size}`);
  }
  for (const rel of got.keys()) if (!want.has(rel)) problems.push(`extra ${rel}`);
  const pick = new Set(mustHash);
  const step = Math.max(1, Math.floor(entries.length / sample));
  for (let i = 0; i < entries.length; i += step) pick.add(entries[i].rel);
  const biggest = [...entries].sort((a, b) => b.size - a.size).slice(0, 2);
  for (const e of biggest) pick.add(e.rel);
  let hashed = 0;
  for (const rel of pick) {
    if (!got.has(rel)) continue;
    const [a, b] = await Promise.all([
      sha256File(path.join(remoteDir, rel)),
      sha256File(path.join(localDir, rel)),
    ]);
    hashed++;
    if (a !== b) problems.push(`content ${rel} differs`);
  }
  return {
    ok: problems.length === 0,
    problems: problems.slice(0, 10),
    problemCount: problems.length,
    files: got.size,
    hashed,
  };
}
