/**
 * The npm `webdav-server` package (a dev dependency) over a folder on disk, in a child process
 * (npm-webdav.mjs). It lists names with reserved characters such as `#` unencoded in hrefs.
 */
import { mkdir, mkdtemp, rm } from "node:fs/promises";
import { createRequire } from "node:module";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import {
  freePort,
  killGroup,
  launch,
  type Proc,
  randomName,
  waitPortFree,
  waitUntilUp,
} from "./proc.js";
import type { DavServer } from "./types.js";

const SCRIPT = path.join(path.dirname(fileURLToPath(import.meta.url)), "npm-webdav.mjs");

export async function startNpmWebdav(): Promise<DavServer> {
  try {
    createRequire(import.meta.url).resolve("webdav-server");
  } catch {
    throw new Error("the npm package webdav-server is missing: install with: npm ci");
  }
  const base = await mkdtemp(path.join(os.tmpdir(), "arsipd-webdav-server-"));
  const root = path.join(base, "root");
  await mkdir(root);
  const username = randomName("user");
  const password = randomName("pw");
  const port = await freePort();
  const baseUrl = `http://127.0.0.1:${port}`;
  let proc: Proc | undefined;
  const start = async () => {
    proc = launch(process.execPath, [SCRIPT, root, String(port), username, password]);
    await waitUntilUp(`${baseUrl}/`, proc);
  };
  const stop = async () => {
    if (proc) await killGroup(proc);
    proc = undefined;
    await waitPortFree(port);
  };
  await start();
  return {
    kind: "webdav-server",
    baseUrl,
    url: baseUrl,
    root,
    username,
    password,
    logs: () => proc?.logs() ?? "",
    async stop() {
      await stop();
      await rm(base, { recursive: true, force: true });
    },
    async restart() {
      await stop();
      await start();
    },
  };
}
