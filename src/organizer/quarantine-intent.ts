/**
 * Crash-safe quarantine. Before a file is moved into the quarantine, an intent holding the
 * source, the target and the full text of its reason file is written to
 * `<stateDir>/quarantine/`; it is removed once file and reason file are both in place. On the
 * next start (recoverQuarantines, before anything is planned) each intent left by a kill is
 * finished:
 * - source and target are one inode (killed between link and unlink): the source name goes;
 * - target present: its reason file is written if missing (the reason of DUPLICATE/CONFLICT
 *   cannot be recomputed from the name, so it must come from the intent);
 * - target absent: nothing moved, the source stays and the next pass quarantines it again.
 * Then our own `.arsipd-*.tmp` leftovers in the quarantine folder are removed.
 * Also here: names fitted to the 255-byte limit with room for `.ALASAN.txt` and ` (N)`.
 */
import { createHash } from "node:crypto";
import { lstat, mkdir, readdir, unlink } from "node:fs/promises";
import path from "node:path";
import { OWN_TEMP as OWN_TMP, writeFileAtomic } from "../util/atomic-write.js";
import { readRegularText } from "../util/safe-open.js";
import { SIDECAR_SUFFIX } from "./sidecar.js";

interface QIntent {
  from: string;
  /** The source path's bytes (base64) when its name is not UTF-8 (`from` then shows U+FFFD). */
  fromRaw?: string;
  to: string;
  sidecar: string;
}

const dirOf = (stateDir: string) => path.join(stateDir, "quarantine");
/** Linux NAME_MAX, in bytes. */
const NAME_MAX = 255;

export async function recordQuarantine(stateDir: string, it: QIntent): Promise<string> {
  const dir = dirOf(stateDir);
  await mkdir(dir, { recursive: true });
  const file = path.join(
    dir,
    `${createHash("sha256").update(it.from).digest("hex").slice(0, 32)}.json`,
  );
  await writeFileAtomic(file, JSON.stringify(it));
  return file;
}

export async function dropIntent(file: string): Promise<void> {
  await unlink(file).catch(() => undefined);
}

/** Finishes what killed quarantines left (see the file comment); returns the targets completed. */
export async function recoverQuarantines(
  stateDir: string,
  quarantineAbs: string,
): Promise<string[]> {
  const dir = dirOf(stateDir);
  const names = await readdir(dir).catch(() => [] as string[]);
  const done: string[] = [];
  for (const n of names) {
    const file = path.join(dir, n);
    if (!n.endsWith(".json")) {
      if (OWN_TMP.test(n)) await unlink(file).catch(() => undefined);
      continue;
    }
    let it: QIntent;
    try {
      it = JSON.parse(await readRegularText(file, 1 << 20)) as QIntent;
    } catch {
      await dropIntent(file);
      continue;
    }
    const to = await lstat(it.to).catch(() => null);
    if (to) {
      const src = it.fromRaw ? Buffer.from(it.fromRaw, "base64") : it.from;
      const from = await lstat(src).catch(() => null);
      if (from && from.ino === to.ino && from.dev === to.dev) await unlink(src);
      const side = it.to + SIDECAR_SUFFIX;
      if (!(await lstat(side).catch(() => null))) await writeFileAtomic(side, it.sidecar);
      done.push(it.to);
    }
    await dropIntent(file);
  }
  for (const n of await readdir(quarantineAbs).catch(() => [] as string[]))
    if (OWN_TMP.test(n)) await unlink(path.join(quarantineAbs, n)).catch(() => undefined);
  return done;
}

/**
 * `stem + tail + ext` within NAME_MAX bytes with room for the reason file's suffix: the stem is
 * cut (at a character boundary) when the name is too long. `tail` is "" or " (N)".
 */
export function fitName(stem: string, ext: string, tail: string): string {
  const room = NAME_MAX - Buffer.byteLength(SIDECAR_SUFFIX + tail + ext);
  let s = stem;
  if (Buffer.byteLength(s) > room) {
    let cut = "";
    for (const ch of s) {
      if (Buffer.byteLength(cut + ch) > room - 1) break;
      cut += ch;
    }
    s = `${cut}~`;
  }
  return `${s}${tail}${ext}`;
}
