/**
 * Real WebDAV servers for tests, each on a random 127.0.0.1 port with a fresh temp root and random
 * credentials:
 *  - startSabre(): SabreDAV 1.8 under `php -S`, laid out like OwnCloud (see sabre/router.php), with
 *    the OwnCloud emulation plugin (X-OC-Mtime, OC-Checksum, oc:checksums, etags, atomic PUT) and
 *    a maintenance switch;
 *  - startRclone(): `rclone serve webdav`, a plain WebDAV server with none of those extras;
 *  - startServer(kind): any server of the matrix (matrix.ts), with what each one honours.
 * Servers run in their own process group (php -S workers outlive their master), stopped by
 * killing the group. A missing tool is an error, never a silent skip.
 */
import { randomBytes } from "node:crypto";
import { existsSync } from "node:fs";
import { mkdir, mkdtemp, rm, unlink, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import {
  freePort,
  killGroup,
  launch,
  type Proc,
  randomName,
  requireBinary,
  waitPortFree,
  waitUntilUp,
} from "./proc.js";
import type { DavServer } from "./types.js";

export { SERVER_KINDS, type ServerCaps, serverCaps, startServer } from "./matrix.js";
export { freePort } from "./proc.js";
export type { DavServer, ServerKind } from "./types.js";

const SABRE_AUTOLOAD = "/usr/share/php/Sabre/autoload.php";
const ROUTER = path.join(path.dirname(fileURLToPath(import.meta.url)), "sabre", "router.php");

export async function startSabre(): Promise<DavServer> {
  requireBinary("php", ["--version"], "php-cli php-sabre-dav");
  if (!existsSync(SABRE_AUTOLOAD)) requireBinary(SABRE_AUTOLOAD, [], "php-sabre-dav");
  const base = await mkdtemp(path.join(os.tmpdir(), "arsipd-sabre-"));
  const root = path.join(base, "root");
  const control = path.join(base, "control");
  await mkdir(root);
  await mkdir(path.join(control, "uploads"), { recursive: true });
  const username = randomName("user");
  const password = randomBytes(12).toString("base64url");
  await writeFile(path.join(control, "config.json"), JSON.stringify({ root, username, password }));
  const port = await freePort();
  const baseUrl = `http://127.0.0.1:${port}`;
  let proc: Proc | undefined;

  const start = async () => {
    proc = launch("php", ["-S", `127.0.0.1:${port}`, ROUTER], {
      ...process.env,
      PHP_CLI_SERVER_WORKERS: "4",
      ARSIP_SABRE_CONTROL: control,
    });
    await waitUntilUp(`${baseUrl}/status.php`, proc);
  };
  const stop = async () => {
    if (proc) await killGroup(proc);
    proc = undefined;
    await waitPortFree(port);
  };
  await start();
  return {
    kind: "sabre",
    logs: () => proc?.logs() ?? "",
    baseUrl,
    url: `${baseUrl}/remote.php/dav/files/${username}`,
    root,
    username,
    password,
    async stop() {
      await stop();
      await rm(base, { recursive: true, force: true });
    },
    async restart() {
      await stop();
      await start();
    },
    async setMaintenance(on: boolean) {
      const flag = path.join(control, "maintenance");
      if (on) await writeFile(flag, "on");
      else await unlink(flag).catch(() => undefined);
    },
  };
}

export async function startRclone(): Promise<DavServer> {
  requireBinary("rclone", ["version"], "rclone");
  const base = await mkdtemp(path.join(os.tmpdir(), "arsipd-rclone-"));
  const root = path.join(base, "root");
  await mkdir(root);
  const rcConf = path.join(base, "rclone.conf");
  await writeFile(rcConf, "");
  const username = randomName("user");
  const password = randomBytes(12).toString("base64url");
  const port = await freePort();
  const baseUrl = `http://127.0.0.1:${port}`;
  let proc: Proc | undefined;
  const start = async () => {
    proc = launch(
      "rclone",
      [
        "serve",
        "webdav",
        root,
        "--addr",
        `127.0.0.1:${port}`,
        "--user",
        username,
        "--pass",
        password,
        "--config",
        rcConf,
        "--dir-cache-time",
        "0s",
        "--poll-interval",
        "0",
      ],
      { ...process.env, RCLONE_CONFIG: rcConf },
    );
    await waitUntilUp(`${baseUrl}/`, proc);
  };
  const stop = async () => {
    if (proc) await killGroup(proc);
    proc = undefined;
    await waitPortFree(port);
  };
  await start();
  return {
    kind: "rclone",
    logs: () => proc?.logs() ?? "",
    baseUrl,
    url: baseUrl,
    root,
    username,
    password,
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

/** Basic-auth header for raw requests in tests. */
export function basicAuth(s: Pick<DavServer, "username" | "password">): string {
  return `Basic ${Buffer.from(`${s.username}:${s.password}`).toString("base64")}`;
}
