/**
 * The contenders, each behind the same small adapter:
 *   detect()              → {ok:true, version} or {ok:false, reason} (a missing tool is reported, never dropped)
 *   prepare(run)          → per-run setup that is not timed (config files, remote folder for owncloudcmd)
 *   pass(run, kind, ext)  → runMeasured(...) of one pass; kind is first | noChange | oneChange
 * `run` = {src, remoteFolder, stateDir, home, changedRel?}. All tools get the same concurrency.
 */
import { spawnSync } from "node:child_process";
import { mkdir, writeFile } from "node:fs/promises";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { runMeasured } from "./proc.mjs";

const HERE = path.dirname(fileURLToPath(import.meta.url));
export const REPO = path.resolve(HERE, "..", "..");
export const CLI = path.join(REPO, "dist", "cli", "main.js");

function which(cmd) {
  const r = spawnSync("sh", ["-c", `command -v ${cmd}`], { encoding: "utf8" });
  return r.status === 0 ? r.stdout.trim() : "";
}

/** The arsipd commands the compiled CLI offers (parsed from `arsipd --help`). */
export function arsipdCommands() {
  const r = spawnSync(process.execPath, [CLI, "--help"], { encoding: "utf8" });
  if (r.status !== 0) return new Set();
  const out = new Set();
  let inList = false;
  for (const line of r.stdout.split("\n")) {
    if (line.startsWith("Commands:")) inList = true;
    else if (inList && /^\s{2}\S/.test(line)) out.add(line.trim().split(/\s+/)[0]);
    else if (inList && line.trim() === "") inList = false;
  }
  return out;
}

async function davMkcol(server, folder) {
  const res = await fetch(`${server.url}/${encodeURIComponent(folder)}`, {
    method: "MKCOL",
    headers: {
      Authorization: `Basic ${Buffer.from(`${server.username}:${server.password}`).toString("base64")}`,
    },
  });
  await res.arrayBuffer();
  if (res.status !== 201 && res.status !== 405)
    throw new Error(`MKCOL ${folder}: HTTP ${res.status}`);
}

/**
 * The environment the Node programs of the bench (arsipd and the ceiling) run with: the caller's,
 * plus `extra`, without NODE_EXTRA_CA_CERTS. CI hosts set that variable machine-wide for their
 * proxy; it makes every Node process parse a 200 KB CA bundle at start (~80 ms here, a third of a
 * no-change pass), nothing in the bench speaks TLS, and arsipd's systemd unit and image run
 * without it. rclone and owncloudcmd are not Node programs: the variable does not touch them.
 * Printed in the report.
 */
export function nodeEnv(extra) {
  const env = { ...process.env, ...extra };
  delete env.NODE_EXTRA_CA_CERTS;
  return env;
}

/** The environment arsipd runs with: nodeEnv with the remote password. */
export function arsipdEnv(password) {
  return nodeEnv({ ARSIPD_REMOTE_PASSWORD: password });
}

/** The arsipd config for one run: the interface of `arsipd sync`/`arsipd run`. */

export function arsipdYaml({ share, stateDir, url, username, root, concurrency, extra = "" }) {
  return [
    `share: ${JSON.stringify(share)}`,
    `stateDir: ${JSON.stringify(stateDir)}`,
    "remote:",
    "  type: webdav",
    `  url: ${JSON.stringify(url)}`,
    `  username: ${JSON.stringify(username)}`,
    `  root: ${JSON.stringify(root)}`,
    `  concurrency: ${concurrency}`,
    "index: { enabled: false }",
    "feed: { enabled: false }",
    extra,
  ].join("\n");
}

/** The JSON object a `--json` command printed (whole stdout, pretty or not; else its last `{` line). */
export function lastJson(stdout) {
  const t = stdout.trim();
  try {
    return JSON.parse(t.slice(t.indexOf("{")));
  } catch {}
  for (const line of t.split("\n").reverse()) {
    if (line.trim().startsWith("{")) {
      try {
        return JSON.parse(line);
      } catch {}
    }
  }
  return undefined;
}

export function makeTools(ctx) {
  const { server, concurrency, checkers } = ctx;
  const timeoutMs = ctx.timeoutMs;

  const arsipd = {
    name: "arsipd",
    detect() {
      const cmds = arsipdCommands();
      if (cmds.size === 0) return { ok: false, reason: "missing (dist/cli/main.js not built)" };
      if (!cmds.has("sync"))
        return { ok: false, reason: "missing (not built yet: no `arsipd sync` command)" };
      return {
        ok: true,
        version: spawnSync(process.execPath, [CLI, "--version"], {
          encoding: "utf8",
        }).stdout.trim(),
      };
    },
    async prepare(run) {
      await mkdir(run.stateDir, { recursive: true });
      run.config = path.join(run.stateDir, "..", `${path.basename(run.stateDir)}.yaml`);
      await writeFile(
        run.config,
        arsipdYaml({
          share: run.src,
          stateDir: run.stateDir,
          url: server.url,
          username: server.username,
          root: `/${run.remoteFolder}`,
          concurrency,
        }),
      );
    },
    async pass(run) {
      const r = await runMeasured(
        process.execPath,
        [CLI, "sync", "--json", "--config", run.config],
        {
          env: arsipdEnv(server.password),
          timeoutMs,
        },
      );
      r.summary = lastJson(r.stdout);
      if (r.code !== 0)
        r.error = `exit ${r.code}: ${r.stderr.trim().split("\n").slice(-2).join(" | ")}`;
      else if (!r.summary) r.error = "no JSON summary on stdout";
      else if (r.summary && (r.summary.failed > 0 || r.summary.quarantined > 0))
        r.error = `summary reports failed=${r.summary.failed} quarantined=${r.summary.quarantined}`;
      return r;
    },
  };

  const rclone = {
    name: "rclone",
    detect() {
      if (!which("rclone")) return { ok: false, reason: "missing (apt-get install rclone)" };
      const v = spawnSync("rclone", ["version"], { encoding: "utf8" }).stdout.split("\n")[0];
      return { ok: true, version: v };
    },
    async prepare(run) {
      if (!ctx.rcloneObscured) {
        const r = spawnSync("rclone", ["obscure", "-"], {
          input: server.password,
          encoding: "utf8",
        });
        if (r.status !== 0) throw new Error(`rclone obscure failed: ${r.stderr}`);
        ctx.rcloneObscured = r.stdout.trim();
      }
      await mkdir(run.home, { recursive: true });
      const conf = path.join(run.home, "rclone.conf");
      await writeFile(conf, "");
      run.env = {
        ...process.env,
        HOME: run.home,
        RCLONE_CONFIG: conf,
        RCLONE_CONFIG_BENCH_TYPE: "webdav",
        RCLONE_CONFIG_BENCH_URL: server.url,
        RCLONE_CONFIG_BENCH_VENDOR: "owncloud",
        RCLONE_CONFIG_BENCH_USER: server.username,
        RCLONE_CONFIG_BENCH_PASS: ctx.rcloneObscured,
      };
    },
    async pass(run) {
      const args = [
        "copy",
        run.src,
        `bench:${run.remoteFolder}`,
        "--transfers",
        String(concurrency),
        "--checkers",
        String(checkers),
      ];
      run.cmdline = `rclone ${args.join(" ")}`;
      const r = await runMeasured("rclone", args, { env: run.env, timeoutMs });
      if (r.code !== 0)
        r.error = `exit ${r.code}: ${r.stderr.trim().split("\n").slice(-2).join(" | ")}`;
      return r;
    },
  };

  const owncloudcmd = {
    name: "owncloudcmd",
    detect() {
      if (!which("owncloudcmd"))
        return { ok: false, reason: "missing (apt-get install owncloud-client-cmd)" };
      const v = spawnSync("owncloudcmd", ["--version"], { encoding: "utf8" }).stdout.split("\n")[0];
      return { ok: true, version: v };
    },
    async prepare(run) {
      await mkdir(run.home, { recursive: true });
      // Debian's owncloudcmd aborts without an exclude list ("Cannot load system exclude list").
      run.exclude = path.join(run.home, "sync-exclude.lst");
      await writeFile(
        run.exclude,
        [
          "*~",
          "~$*",
          ".~lock.*",
          "*.part",
          "*.crdownload",
          "Thumbs.db",
          "desktop.ini",
          ".DS_Store",
        ].join("\n"),
      );
      // A sync client syncs into an existing folder: create it (not timed).
      await davMkcol(server, run.remoteFolder);
      run.env = { ...process.env, HOME: run.home, OWNCLOUD_MAX_PARALLEL: String(concurrency) };
    },
    async pass(run) {
      const url = `${server.baseUrl}/remote.php/webdav/${encodeURIComponent(run.remoteFolder)}`;
      const args = [
        "--non-interactive",
        "--silent",
        "--exclude",
        run.exclude,
        "--user",
        server.username,
        "--password",
        server.password,
        run.src,
        url,
      ];
      const r = await runMeasured("owncloudcmd", args, { env: run.env, timeoutMs });
      if (r.code !== 0)
        r.error = `exit ${r.code}: ${r.stderr.trim().split("\n").slice(-2).join(" | ")}`;
      return r;
    },
  };

  const ceiling = {
    name: "ceiling",
    detect() {
      return { ok: true, version: `node ${process.version} http, raw PUT/MKCOL` };
    },
    async prepare() {},
    async pass(run, kind) {
      const mode = kind === "first" ? "put" : kind === "noChange" ? "walk" : "walk-put";
      const args = [
        path.join(REPO, "bench", "ceiling.mjs"),
        mode,
        "--src",
        run.src,
        "--list",
        ctx.relsFile,
        "--url",
        server.url,
        "--user",
        server.username,
        "--remote",
        run.remoteFolder,
        "--concurrency",
        String(concurrency),
      ];
      if (run.changedRel) args.push("--file", run.changedRel);
      const r = await runMeasured(process.execPath, args, {
        env: nodeEnv({ BENCH_PASSWORD: server.password }),
        timeoutMs,
      });
      if (r.code !== 0)
        r.error = `exit ${r.code}: ${r.stderr.trim().split("\n").slice(-2).join(" | ")}`;
      return r;
    },
  };

  return [arsipd, rclone, owncloudcmd, ceiling];
}
