/**
 * nginx test servers: the stock `dav` module plus `dav-ext` (PROPFIND, OPTIONS), Basic auth from
 * an htpasswd file, as its own foreground nginx (daemon off) with config, pid, temp and log files
 * in a temp folder. "nginx" keeps nginx's default `create_full_put_path off` (a PUT into a missing
 * folder fails, MKCOL wants a trailing slash); "nginx-fullpath" turns it on.
 */
import { readFileSync } from "node:fs";
import { mkdir, mkdtemp, rm, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
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
} from "./proc.js";
import type { DavServer } from "./types.js";

const NGINX = "/usr/sbin/nginx";
const DAV_EXT = "/usr/lib/nginx/modules/ngx_http_dav_ext_module.so";

export async function startNginx(kind: "nginx" | "nginx-fullpath"): Promise<DavServer> {
  requireBinary(NGINX, [], "nginx");
  requireFile(DAV_EXT, "libnginx-mod-http-dav-ext");
  const base = await mkdtemp(path.join(os.tmpdir(), `arsipd-${kind}-`));
  const root = path.join(base, "root");
  await mkdir(root);
  await mkdir(path.join(base, "tmp"));
  const username = randomName("user");
  const password = randomName("pw");
  await writeFile(path.join(base, "htpasswd"), htpasswdLine(username, password));
  const port = await freePort();
  const conf = [
    `load_module ${DAV_EXT};`,
    "daemon off;",
    "worker_processes 2;",
    // As root, nginx would switch its workers to "nobody"; the files are the tests' own.
    ...(process.getuid?.() === 0 ? ["user root;"] : []),
    `pid ${base}/nginx.pid;`,
    `error_log ${base}/error.log warn;`,
    "events { worker_connections 256; }",
    "http {",
    "  access_log off;",
    `  client_body_temp_path ${base}/tmp/body;`,
    `  proxy_temp_path ${base}/tmp/proxy;`,
    `  fastcgi_temp_path ${base}/tmp/fastcgi;`,
    `  uwsgi_temp_path ${base}/tmp/uwsgi;`,
    `  scgi_temp_path ${base}/tmp/scgi;`,
    "  client_max_body_size 0;",
    "  server {",
    `    listen 127.0.0.1:${port};`,
    `    root ${root};`,
    "    location /dav/ {",
    `      alias ${root}/;`,
    '      auth_basic "arsipd-test";',
    `      auth_basic_user_file ${base}/htpasswd;`,
    "      dav_methods PUT DELETE MKCOL COPY MOVE;",
    "      dav_ext_methods PROPFIND OPTIONS;",
    "      dav_access user:rw group:rw all:r;",
    `      create_full_put_path ${kind === "nginx-fullpath" ? "on" : "off"};`,
    "    }",
    "  }",
    "}",
    "",
  ].join("\n");
  await writeFile(path.join(base, "nginx.conf"), conf);
  const baseUrl = `http://127.0.0.1:${port}`;
  let proc: Proc | undefined;
  const errorLog = () => {
    try {
      return readFileSync(path.join(base, "error.log"), "utf8").slice(-1500);
    } catch {
      return "";
    }
  };
  const start = async () => {
    proc = launch(NGINX, [
      "-p",
      base,
      "-c",
      path.join(base, "nginx.conf"),
      "-e",
      `${base}/error.log`,
    ]);
    await waitUntilUp(`${baseUrl}/`, proc, errorLog);
  };
  const stop = async () => {
    if (proc) await killGroup(proc);
    proc = undefined;
    await waitPortFree(port);
  };
  await start();
  return {
    kind,
    baseUrl,
    url: `${baseUrl}/dav`,
    root,
    username,
    password,
    logs: () => `${proc?.logs() ?? ""}${errorLog()}`,
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
