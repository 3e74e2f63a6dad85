/**
 * A temp workspace for end-to-end tests: a share, a state folder, and a config file pointing at
 * a real WebDAV server (or a local mirror folder). Also compares trees byte for byte.
 */
import { createHash } from "node:crypto";
import {
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  statSync,
  writeFileSync,
} from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import type { DavServer } from "../servers/index.js";

export interface Workspace {
  dir: string;
  share: string;
  state: string;
  config: string;
  env: NodeJS.ProcessEnv;
  /** Folder on disk that holds the mirrored archive (behind the server's remote.root). */
  remoteDir: string;
}

export function workspace(
  server: Pick<DavServer, "url" | "root" | "username" | "password"> | "local",
  extraYaml = "",
): Workspace {
  const dir = mkdtempSync(path.join(tmpdir(), "arsipd-ws-"));
  const share = path.join(dir, "share");
  const state = path.join(dir, "state");
  mkdirSync(share);
  // Each workspace mirrors into its own folder on the server, so tests sharing a server
  // never see each other's files.
  const remoteRoot = `Arsip-${path.basename(dir).replace(/^arsipd-ws-/, "")}`;
  const remote =
    server === "local"
      ? "remote:\n  type: local\n  path: ./mirror\n"
      : `remote:\n  type: webdav\n  url: ${server.url}\n  username: ${server.username}\n  root: /${remoteRoot}\n  retries: 3\n  timeoutMs: 20000\n`;
  const config = path.join(dir, "arsipd.yaml");
  writeFileSync(
    config,
    `share: ./share\nstateDir: ./state\n${remote}watch:\n  stabilityMs: 0\n  debounceMs: 200\nindex:\n  enabled: false\nfeed:\n  enabled: false\n${extraYaml}`,
  );
  return {
    dir,
    share,
    state,
    config,
    env: server === "local" ? {} : { ARSIPD_REMOTE_PASSWORD: server.password },
    remoteDir: server === "local" ? path.join(dir, "mirror") : path.join(server.root, remoteRoot),
  };
}

/** rel path → sha256 of every regular file below `root`, skipping hidden names and `skip` top folders. */
export function treeHashes(root: string, skip: string[] = []): Map<string, string> {
  const out = new Map<string, string>();
  const walk = (abs: string, rel: string) => {
    let names: string[];
    try {
      names = readdirSync(abs);
    } catch {
      return;
    }
    for (const n of names) {
      if (n.startsWith(".")) continue;
      const r = rel ? `${rel}/${n.normalize("NFC")}` : n.normalize("NFC");
      if (!rel && skip.includes(n)) continue;
      const p = path.join(abs, n);
      const st = statSync(p);
      if (st.isDirectory()) walk(p, r);
      else if (st.isFile()) out.set(r, createHash("sha256").update(readFileSync(p)).digest("hex"));
    }
  };
  walk(root, "");
  return out;
}

export function writeTree(root: string, files: Record<string, string | Buffer>): void {
  for (const [rel, content] of Object.entries(files)) {
    const p = path.join(root, rel);
    mkdirSync(path.dirname(p), { recursive: true });
    writeFileSync(p, content);
  }
}

/**
 * Polls `pred` every 50 ms until it holds; fails after `timeoutMs` naming `what`. A file that
 * vanishes while `pred` reads it (ENOENT, ENOTDIR) counts as "not yet", not as the end of the
 * wait: a look at a server's disk can fall between the two steps of a replacement (stock
 * SabreDAV deletes the old file, then renames the upload onto its name), and the next look
 * sees the outcome. Any other error ends the wait at once.
 */
export async function until(pred: () => boolean, timeoutMs: number, what: string): Promise<void> {
  const end = Date.now() + timeoutMs;
  let vanished: unknown;
  for (;;) {
    try {
      if (pred()) return;
      vanished = undefined;
    } catch (err) {
      const code = (err as NodeJS.ErrnoException).code;
      if (code !== "ENOENT" && code !== "ENOTDIR") throw err;
      vanished = err;
    }
    if (Date.now() > end) {
      const last = vanished ? ` (last look: ${(vanished as Error).message})` : "";
      throw new Error(`timed out waiting for ${what}${last}`);
    }
    await new Promise((r) => setTimeout(r, 50));
  }
}
