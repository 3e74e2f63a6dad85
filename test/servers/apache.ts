/**
 * Apache 2.4 test servers, each its own foreground Apache (no system service, no port 80) with its
 * config, pid, lock and log files in a temp folder:
 *  - "apache-dav": mod_dav_fs, Basic auth by Apache (mod_authn_file);
 *  - "sabre-modphp": stock SabreDAV (sabre/stock.php) inside Apache with mod_php (prefork);
 *  - "sabre-fpm": the same under PHP-FPM via mod_proxy_fcgi, with `CGIPassAuth On` (ownCloud's
 *    stack); `setPassAuth(false)` restarts it without, as a site that forgot it: Apache then drops
 *    the Authorization header before PHP sees it, and every request is answered 401.
 * Run as root, Apache refuses to serve as root: its workers (and the FPM pool) run as www-data and
 * the served folders are handed to that account.
 */
import { existsSync } from "node:fs";
import { chmod, chown, copyFile, mkdir, mkdtemp, readdir, rm, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import {
  freePort,
  htpasswdLine,
  killGroup,
  launch,
  type Proc,
  randomName,
  requireBinary,
  requireFile,
  waitPortFree,
  waitUntilUp,
  workerAccount,
} from "./proc.js";
import type { DavServer } from "./types.js";

export type ApacheKind = "apache-dav" | "sabre-modphp" | "sabre-fpm";

const APACHE = "/usr/sbin/apache2";
const MODULES = "/usr/lib/apache2/modules";
const PHP_FPM = "/usr/sbin/php-fpm8.2";
const SABRE_AUTOLOAD = "/usr/share/php/Sabre/autoload.php";
const STOCK = path.join(path.dirname(fileURLToPath(import.meta.url)), "sabre", "stock.php");

function requirements(kind: ApacheKind): void {
  requireBinary(APACHE, [], "apache2");
  if (kind === "sabre-modphp") requireFile(`${MODULES}/libphp8.2.so`, "libapache2-mod-php");
  if (kind === "sabre-fpm") requireBinary(PHP_FPM, [], "php-fpm");
  if (kind !== "apache-dav") requireFile(SABRE_AUTOLOAD, "php-sabre-dav");
}

async function chownTree(dir: string, uid: number, gid: number): Promise<void> {
  await chown(dir, uid, gid);
  for (const e of await readdir(dir, { withFileTypes: true })) {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) await chownTree(p, uid, gid);
    else await chown(p, uid, gid);
  }
}

interface Layout {
  base: string;
  root: string;
  control: string;
  run: string;
  htdocs: string;
  port: number;
  user: string | undefined;
}

function apacheConf(kind: ApacheKind, l: Layout, passAuth: boolean): string {
  const mod = (name: string, file = `mod_${name}.so`) =>
    `LoadModule ${name}_module ${MODULES}/${file}`;
  const lines = [
    `ServerRoot "${l.base}"`,
    `Listen 127.0.0.1:${l.port}`,
    "ServerName 127.0.0.1",
    `PidFile "${l.run}/apache.pid"`,
    `DefaultRuntimeDir "${l.run}"`,
    `Mutex file:${l.run} default`,
    `ErrorLog "${l.base}/error.log"`,
    "LogLevel warn",
    kind === "sabre-modphp" ? mod("mpm_prefork") : mod("mpm_event"),
    mod("authz_core"),
    mod("authn_core"),
    mod("alias"),
    mod("env"),
    "StartServers 1",
    "MaxRequestWorkers 16",
    ...(kind === "sabre-modphp" ? [] : ["ThreadsPerChild 16", "ServerLimit 1"]),
    ...(l.user ? [`User ${l.user}`, `Group ${l.user}`] : []),
    `DocumentRoot "${l.htdocs}"`,
    "<Directory />",
    "  Require all denied",
    "  AllowOverride None",
    "</Directory>",
  ];
  if (kind === "apache-dav") {
    lines.push(
      mod("dav"),
      mod("dav_fs"),
      mod("auth_basic"),
      mod("authn_file"),
      mod("authz_user"),
      `DavLockDB "${l.run}/DavLock"`,
      `Alias /dav "${l.root}"`,
      `<Directory "${l.root}">`,
      "  DAV On",
      "  Options None",
      "  AuthType Basic",
      '  AuthName "arsipd-test"',
      `  AuthUserFile "${l.base}/htpasswd"`,
      "  Require valid-user",
      "</Directory>",
    );
    return `${lines.join("\n")}\n`;
  }
  lines.push(
    `Alias /dav "${l.htdocs}/stock.php"`,
    `<Directory "${l.htdocs}">`,
    "  Require all granted",
    "  AcceptPathInfo On",
    `  SetEnv ARSIP_SABRE_CONTROL "${l.control}"`,
  );
  if (kind === "sabre-modphp") {
    lines.splice(lines.indexOf(mod("env")) + 1, 0, mod("php", "libphp8.2.so"));
    lines.push("  SetHandler application/x-httpd-php");
  } else {
    lines.splice(lines.indexOf(mod("env")) + 1, 0, mod("proxy"), mod("proxy_fcgi"));
    lines.push(`  SetHandler "proxy:unix:${l.run}/fpm.sock|fcgi://localhost"`);
    // What ownCloud's documentation asks for: without it Apache keeps the Authorization header
    // from the FastCGI application.
    if (passAuth) lines.push("  CGIPassAuth On");
  }
  lines.push("</Directory>");
  return `${lines.join("\n")}\n`;
}

function fpmConf(l: Layout): string {
  return [
    "[global]",
    `pid = ${l.run}/fpm.pid`,
    `error_log = ${l.base}/fpm.log`,
    "daemonize = no",
    "[arsipd]",
    ...(l.user ? [`user = ${l.user}`, `group = ${l.user}`] : []),
    `listen = ${l.run}/fpm.sock`,
    ...(l.user ? [`listen.owner = ${l.user}`, `listen.group = ${l.user}`] : []),
    "listen.mode = 0660",
    "pm = static",
    "pm.max_children = 6",
    "catch_workers_output = yes",
    "clear_env = no",
    "",
  ].join("\n");
}

export async function startApache(kind: ApacheKind): Promise<DavServer> {
  requirements(kind);
  const account = workerAccount();
  const base = await mkdtemp(path.join(os.tmpdir(), `arsipd-${kind}-`));
  const l: Layout = {
    base,
    root: path.join(base, "root"),
    control: path.join(base, "control"),
    run: path.join(base, "run"),
    htdocs: path.join(base, "htdocs"),
    port: await freePort(),
    user: account?.user,
  };
  for (const d of [l.root, l.control, l.run, l.htdocs]) await mkdir(d);
  const username = randomName("user");
  const password = randomName("pw");
  await writeFile(path.join(base, "htpasswd"), htpasswdLine(username, password));
  await writeFile(
    path.join(l.control, "config.json"),
    JSON.stringify({ root: l.root, username, password }),
  );
  if (kind !== "apache-dav") await copyFile(STOCK, path.join(l.htdocs, "stock.php"));
  if (account) {
    await chmod(base, 0o755);
    for (const d of [l.root, l.control, l.run]) await chownTree(d, account.uid, account.gid);
  }
  const baseUrl = `http://127.0.0.1:${l.port}`;
  let passAuth = true;
  let procs: Proc[] = [];
  const logs = () => procs.map((p) => p.logs()).join("\n");

  const start = async () => {
    await writeFile(path.join(base, "apache.conf"), apacheConf(kind, l, passAuth));
    if (kind === "sabre-fpm") {
      await writeFile(path.join(base, "fpm.conf"), fpmConf(l));
      const fpm = launch(PHP_FPM, ["-F", "-O", "-y", path.join(base, "fpm.conf"), "-R"]);
      procs.push(fpm);
      await waitForSocket(`${l.run}/fpm.sock`, fpm);
    }
    const httpd = launch(APACHE, [
      "-d",
      base,
      "-f",
      path.join(base, "apache.conf"),
      "-DFOREGROUND",
    ]);
    procs.push(httpd);
    await waitUntilUp(`${baseUrl}/`, httpd, logs);
  };
  const stop = async () => {
    for (const p of procs.reverse()) await killGroup(p);
    procs = [];
    await waitPortFree(l.port);
    await rm(`${l.run}/fpm.sock`, { force: true });
  };
  try {
    await start();
  } catch (err) {
    await stop();
    await rm(base, { recursive: true, force: true });
    throw err;
  }
  return {
    kind,
    baseUrl,
    url: `${baseUrl}/dav`,
    root: l.root,
    username,
    password,
    owner: account ? { uid: account.uid, gid: account.gid } : undefined,
    logs,
    async stop() {
      await stop();
      await rm(base, { recursive: true, force: true });
    },
    async restart() {
      await stop();
      await start();
    },
    ...(kind === "sabre-fpm"
      ? {
          async setPassAuth(on: boolean) {
            passAuth = on;
            await stop();
            await start();
          },
        }
      : {}),
  };
}

async function waitForSocket(sock: string, p: Proc): Promise<void> {
  const deadline = Date.now() + 15_000;
  while (!existsSync(sock)) {
    if (p.child.exitCode !== null)
      throw new Error(`php-fpm exited early: ${p.logs().slice(-1500)}`);
    if (Date.now() > deadline) throw new Error(`php-fpm did not start: ${p.logs().slice(-1500)}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}
