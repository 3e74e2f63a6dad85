/** Pure naming rules of the mirror: remote paths, trash and conflict-copy names. */

function pad(n: number, w = 2): string {
  return String(n).padStart(w, "0");
}

/** YYYY-MM-DD in the process's local time zone (the office's). */
export function dateStamp(now: Date): string {
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

/** YYYY-MM-DD HHmmss in local time. */
export function timeStamp(now: Date): string {
  return `${dateStamp(now)} ${pad(now.getHours())}${pad(now.getMinutes())}${pad(now.getSeconds())}`;
}

export { parentOf } from "../util/rel-path.js";

/** Splits "a/b/name.ext" into ["a/b/name", ".ext"]; no extension for "name" or ".hidden". */
function splitExt(p: string): [string, string] {
  const slash = p.lastIndexOf("/");
  const dot = p.lastIndexOf(".");
  if (dot <= slash + 1) return [p, ""];
  return [p.slice(0, dot), p.slice(dot)];
}

/** `<trashDir>/<YYYY-MM-DD>/<original path>` (below the remote root). */
export function trashPath(trashDir: string, rel: string, now: Date): string {
  return `${trashDir.replace(/^\/+|\/+$/g, "")}/${dateStamp(now)}/${rel}`;
}

/** `<name> (konflik YYYY-MM-DD HHmmss).<ext>` in the same folder. */
export function conflictPath(remotePath: string, now: Date): string {
  const [stem, ext] = splitExt(remotePath);
  return `${stem} (konflik ${timeStamp(now)})${ext}`;
}

/** "x.pdf" → "x (2).pdf": the n-th alternative when a trash/conflict name is taken. */
export function withCounter(p: string, n: number): string {
  const [stem, ext] = splitExt(p);
  return `${stem} (${n})${ext}`;
}

/** Every ancestor folder of `p` ("a/b/c.pdf" → ["a", "a/b"]). */
export function ancestors(p: string): string[] {
  const parts = p.split("/");
  const out: string[] = [];
  for (let i = 1; i < parts.length; i++) out.push(parts.slice(0, i).join("/"));
  return out;
}

/**
 * Whether a remote path is one the mirror looks at: not in the remote trash folder, not a hidden
 * name (arsipd's scratch uploads, a server's own files such as .htaccess). The one rule for
 * planning (plan.ts) and verifying (verify.ts). Called for every remote entry: a hidden segment
 * is found without splitting the path.
 */
export function isMirrorPath(p: string, trashDir: string): boolean {
  return !(p === trashDir || p.startsWith(`${trashDir}/`) || p.startsWith(".") || p.includes("/."));
}
