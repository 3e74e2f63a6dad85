import { mkdir, mkdtemp, utimes, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import pino from "pino";
import { type Config, configSchema } from "../../src/config/schema.js";

export const NOW = new Date(2025, 5, 1, 12, 0, 0);
export const OLD = new Date(NOW.getTime() - 60_000);
export const silent = pino({ level: "silent" });

export async function tempShare(
  base = os.tmpdir(),
): Promise<{ root: string; share: string; state: string; config: Config }> {
  const root = await mkdtemp(path.join(base, "arsipd-org-"));
  const share = path.join(root, "share");
  const state = path.join(root, "state");
  await mkdir(share, { recursive: true });
  const config = configSchema.parse({ share, stateDir: state });
  return { root, share, state, config };
}

/** Writes a file with an mtime older than the stability window. */
export async function put(
  share: string,
  rel: string,
  content: string,
  mtime = OLD,
): Promise<string> {
  const abs = path.join(share, rel);
  await mkdir(path.dirname(abs), { recursive: true });
  await writeFile(abs, content);
  await utimes(abs, mtime, mtime);
  return abs;
}
