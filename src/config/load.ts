/**
 * Loads the effective configuration: YAML file (if any) → zod defaults → secrets from the
 * environment or systemd credentials. Contract: returns a fully validated config or throws a
 * ConfigError whose `problems` are one line each (key path, what is wrong, what is expected).
 * Never throws anything else for bad input.
 */

import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { parseDocument } from "yaml";
import type { z } from "zod";
import { ConfigError } from "../errors.js";
import { type Config, configSchema } from "./schema.js";
import { descriptionOf, nodeAt } from "./schema-walk.js";
import { Secret } from "./secret.js";

export const DEFAULT_CONFIG_PATH = "config/arsipd.yaml";
/** The systemd credential name (LoadCredential=remote-password:/etc/arsipd/…). */
export const CREDENTIAL_NAME = "remote-password";

export interface LoadedConfig {
  config: Config;
  /** Where the config came from: a file path, or "built-in defaults". */
  source: string;
  /** The remote password, if any source gave one; never part of `config`. */
  remotePassword: Secret | undefined;
  /** Where the password came from (for `config check`), never the value. */
  passwordSource: string | undefined;
}

export interface LoadOptions {
  /** --config from the command line. */
  configPath?: string | undefined;
  env?: NodeJS.ProcessEnv;
  cwd?: string;
  /**
   * False for commands that never talk to the remote (`logs`): a missing password is then not
   * an error, so an admin can read the logs without the daemon's credential.
   */
  requirePassword?: boolean;
}

export function loadConfig(opts: LoadOptions = {}): LoadedConfig {
  const env = opts.env ?? process.env;
  const cwd = opts.cwd ?? process.cwd();
  const { raw, source } = readRaw(opts.configPath ?? env.ARSIPD_CONFIG, cwd);
  const parsed = configSchema.safeParse(raw);
  if (!parsed.success) throw new ConfigError(formatIssues(parsed.error.issues, source));
  const config = parsed.data;
  const fromFile = config.remote.password;
  delete config.remote.password;
  const { secret, from } = readPassword(env, fromFile);
  config.share = path.resolve(cwd, config.share);
  config.stateDir = path.resolve(cwd, config.stateDir);
  config.remote.path = path.resolve(cwd, config.remote.path);
  const problems = crossChecks(config, secret, opts.requirePassword !== false);
  if (problems.length > 0) throw new ConfigError(problems.map((p) => `${source}: ${p}`));
  return { config, source, remotePassword: secret, passwordSource: from };
}

function readRaw(explicit: string | undefined, cwd: string): { raw: unknown; source: string } {
  const file = explicit ? path.resolve(cwd, explicit) : path.resolve(cwd, DEFAULT_CONFIG_PATH);
  if (!existsSync(file)) {
    if (explicit) {
      throw new ConfigError([
        `${file}: config file not found; pass an existing file to --config or ARSIPD_CONFIG (see config/arsipd.example.yaml)`,
      ]);
    }
    return { raw: {}, source: "built-in defaults" };
  }
  let text: string;
  try {
    text = readFileSync(file, "utf8");
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code ?? "error";
    throw new ConfigError([
      `${file}: cannot read the config file (${code}); check its permissions`,
    ]);
  }
  const doc = parseDocument(text, { prettyErrors: true });
  if (doc.errors.length > 0) {
    throw new ConfigError(
      doc.errors.map((e) => {
        const line = e.linePos?.[0]?.line;
        const what = (e.message.split("\n")[0] ?? "").replace(/ at line \d+, column \d+:?$/, "");
        return `${file}${line ? `:${line}` : ""}: not valid YAML (${what}); fix the syntax`;
      }),
    );
  }
  const raw = doc.toJS() ?? {};
  if (typeof raw !== "object" || Array.isArray(raw)) {
    throw new ConfigError([`${file}: the config must be a YAML mapping of keys to values`]);
  }
  return { raw, source: file };
}

function readPassword(
  env: NodeJS.ProcessEnv,
  fromFile: string | undefined,
): { secret: Secret | undefined; from: string | undefined } {
  if (env.ARSIPD_REMOTE_PASSWORD) {
    return { secret: new Secret(env.ARSIPD_REMOTE_PASSWORD), from: "ARSIPD_REMOTE_PASSWORD" };
  }
  const file = env.ARSIPD_REMOTE_PASSWORD_FILE;
  if (file) return { secret: readSecretFile(file, "ARSIPD_REMOTE_PASSWORD_FILE"), from: file };
  if (env.CREDENTIALS_DIRECTORY) {
    const cred = path.join(env.CREDENTIALS_DIRECTORY, CREDENTIAL_NAME);
    if (existsSync(cred)) {
      return {
        secret: readSecretFile(cred, "systemd credential"),
        from: `credential ${CREDENTIAL_NAME}`,
      };
    }
  }
  if (fromFile !== undefined) return { secret: new Secret(fromFile), from: "config file" };
  return { secret: undefined, from: undefined };
}

function readSecretFile(file: string, what: string): Secret {
  let text: string;
  try {
    text = readFileSync(file, "utf8");
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code ?? "error";
    throw new ConfigError([
      `${what}: cannot read password file ${file} (${code}); check the path and permissions`,
    ]);
  }
  const value = text.replace(/\r?\n$/, "");
  if (value.length === 0) throw new ConfigError([`${what}: password file ${file} is empty`]);
  return new Secret(value);
}

function crossChecks(config: Config, secret: Secret | undefined, needPassword: boolean): string[] {
  const problems: string[] = [];
  const r = config.remote;
  if (r.type === "webdav") {
    if (!r.url)
      problems.push("remote.url: missing; expected the WebDAV URL when remote.type is webdav");
    if (r.url && /\/\/[^/]*@/.test(r.url)) {
      problems.push(
        "remote.url: contains credentials; expected them in remote.username and ARSIPD_REMOTE_PASSWORD",
      );
    }
    if (needPassword && r.username && !secret) {
      problems.push(
        "remote password: missing; expected ARSIPD_REMOTE_PASSWORD, ARSIPD_REMOTE_PASSWORD_FILE or the systemd credential 'remote-password'",
      );
    }
  }
  const share = path.resolve(config.share);
  const state = path.resolve(config.stateDir);
  if (state === share || state.startsWith(share + path.sep)) {
    problems.push("stateDir: inside the share; expected a folder outside the share");
  }
  if (r.type === "local") {
    const mirror = path.resolve(r.path);
    if (
      mirror === share ||
      mirror.startsWith(share + path.sep) ||
      share.startsWith(mirror + path.sep)
    ) {
      problems.push("remote.path: overlaps the share; expected a folder outside the share");
    }
  }
  const cmax = config.convention.yearMax;
  if (cmax !== undefined && cmax < config.convention.yearMin) {
    problems.push("convention.yearMax: below convention.yearMin; expected yearMin ≤ yearMax");
  }
  return problems;
}

/** One line per zod issue: `<file>: <key.path>: <what is wrong>; expected <description>`. */
export function formatIssues(issues: z.core.$ZodIssue[], source: string): string[] {
  return issues.map((issue) => {
    const key = issue.path.length > 0 ? issue.path.map(String).join(".") : "(top level)";
    let what = issue.message;
    if (issue.code === "unrecognized_keys") {
      const keys = issue.keys.join(", ");
      const where = issue.path.length > 0 ? `${key}.` : "";
      return `${source}: ${where}${issue.keys[0]}: unknown key${issue.keys.length > 1 ? `s (${keys})` : ""}; expected one of the documented keys (arsipd config --defaults)`;
    }
    const desc = describeAt(issue.path);
    if (issue.code === "invalid_type")
      what = `wrong type (${issue.message.replace(/^Invalid input: /, "")})`;
    return `${source}: ${key}: ${what}${desc ? `; expected: ${desc}` : ""}`;
  });
}

/** The `.describe()` text of the schema node at `keyPath`, if any. */
function describeAt(keyPath: PropertyKey[]): string | undefined {
  const node = nodeAt(configSchema, keyPath);
  return node === undefined ? undefined : descriptionOf(node);
}
