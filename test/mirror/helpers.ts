/** Shared fixtures for the mirror tests: temp share + mirror folder + journal + config. */
import { mkdir, mkdtemp, readdir, readFile, stat, utimes, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import pino from "pino";
import { configSchema } from "../../src/config/schema.js";
import { LocalRemote } from "../../src/remote/local.js";
import { Journal } from "../../src/state/journal.js";

const opened: Journal[] = [];
/** Closes the journals `setup` opened (call from afterEach). */
export async function closeAll() {
  for (const j of opened.splice(0)) await j.close();
}

export async function setup(extra: Record<string, unknown> = {}) {
  const base = await mkdtemp(path.join(os.tmpdir(), "arsipd-mirror-"));
  const share = path.join(base, "share");
  const mirror = path.join(base, "mirror");
  const state = path.join(base, "state");
  await mkdir(share, { recursive: true });
  await mkdir(mirror, { recursive: true });
  const config = configSchema.parse({
    share,
    stateDir: state,
    remote: { type: "local", path: mirror },
    // The files are written by the test itself, just before the pass: no stability wait.
    watch: { stabilityMs: 0 },
    ...extra,
  });
  const journal = await Journal.open(state);
  opened.push(journal);
  const remote = new LocalRemote(mirror);
  const log = pino({ level: "silent" });
  return { base, share, mirror, state, config, journal, remote, log };
}

export async function put(root: string, rel: string, content: string | Buffer, mtimeMs?: number) {
  const abs = path.join(root, ...rel.split("/"));
  await mkdir(path.dirname(abs), { recursive: true });
  await writeFile(abs, content);
  if (mtimeMs !== undefined) await utimes(abs, mtimeMs / 1000, mtimeMs / 1000);
}

/** rel → content of every regular file below `root` whose path matches `keep`. */
export async function tree(root: string, keep: (rel: string) => boolean = () => true) {
  const out: Record<string, string> = {};
  const walk = async (dir: string, rel: string) => {
    for (const d of await readdir(dir, { withFileTypes: true })) {
      const r = rel ? `${rel}/${d.name}` : d.name;
      if (d.isDirectory()) await walk(path.join(dir, d.name), r);
      else if (keep(r)) out[r] = await readFile(path.join(dir, d.name), "utf8");
    }
  };
  await walk(root, "");
  return out;
}

export const inode = async (p: string) => (await stat(p)).ino;
