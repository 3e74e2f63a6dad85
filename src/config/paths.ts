/**
 * What `config check` verifies on disk beyond the schema: the share is an existing folder, and
 * the state folder (and a local remote's folder) is a folder or can become one — nothing on its
 * path is a file. The daemon creates a missing share at start, so a reload passes
 * `shareMayBeMissing` (a share that is a file is still refused). Returns one `<key>: <what is wrong>; expected …` line per problem. Kept out of
 * loadConfig: commands such as `logs` and `index` report a missing share in their own words.
 */
import { statSync } from "node:fs";
import path from "node:path";
import type { Config } from "./schema.js";

function kind(p: string): "dir" | "other" | "missing" {
  try {
    return statSync(p).isDirectory() ? "dir" : "other";
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === "ENOENT" ? "missing" : "other";
  }
}

/** The first ancestor-or-self of `p` that exists is a folder (so mkdir -p can succeed). */
function creatable(p: string): boolean {
  for (let cur = p; ; cur = path.dirname(cur)) {
    const k = kind(cur);
    if (k !== "missing") return k === "dir";
    if (path.dirname(cur) === cur) return false;
  }
}

export function checkPaths(config: Config, opts: { shareMayBeMissing?: boolean } = {}): string[] {
  const problems: string[] = [];
  const share = kind(config.share);
  if (share === "missing" && !opts.shareMayBeMissing)
    problems.push(
      `share: ${config.share} does not exist; expected the shared folder (mount it or fix the path)`,
    );
  else if (share === "other")
    problems.push(`share: ${config.share} is not a folder; expected the shared folder`);
  if (!creatable(config.stateDir))
    problems.push(
      `stateDir: ${config.stateDir} is a file or lies below one; expected a folder arsipd can create`,
    );
  if (config.remote.type === "local" && !creatable(config.remote.path))
    problems.push(
      `remote.path: ${config.remote.path} is a file or lies below one; expected a folder`,
    );
  return problems;
}
