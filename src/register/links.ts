/**
 * The link to a file's page in the OwnCloud/Nextcloud web UI, for the register and the feed.
 * - `remote.webUrl` set: its `{path}` is replaced by the file's remote path (`remote.root` +
 *   share path), `{dir}` by the remote folder and `{name}` by the file name, each URL-encoded
 *   per segment.
 * - otherwise, for a WebDAV remote, derived from `remote.url`: everything before `/remote.php`
 *   (the server's base, which may include a sub-path) + `/index.php/apps/files/?dir=<dir>&scrollto=<name>`,
 *   e.g. https://host/remote.php/dav/files/u → https://host/index.php/apps/files/?dir=/Arsip/KPT-KETUA/2024&scrollto=…
 *   A URL without `/remote.php` gives no link (the web UI location cannot be guessed).
 * - a local remote gives no link.
 * Credentials in the URL are never copied into a link. Pure.
 */

export interface LinkConfig {
  type: "local" | "webdav";
  url?: string | undefined;
  root: string;
  webUrl?: string | undefined;
}

const enc = (p: string) => p.split("/").map(encodeURIComponent).join("/");

export type LinkFn = (rel: string) => string | undefined;

export function makeLinker(remote: LinkConfig): LinkFn {
  const root = `/${remote.root.replace(/^\/+|\/+$/g, "")}`.replace(/^\/$/, "");
  const split = (rel: string) => {
    const full = `${root}/${rel}`;
    const i = full.lastIndexOf("/");
    return { full, dir: full.slice(0, i) || "/", name: full.slice(i + 1) };
  };
  if (remote.webUrl) {
    const pattern = remote.webUrl;
    return (rel) => {
      const { full, dir, name } = split(rel);
      return pattern
        .replaceAll("{path}", enc(full))
        .replaceAll("{dir}", enc(dir))
        .replaceAll("{name}", encodeURIComponent(name));
    };
  }
  if (remote.type !== "webdav" || !remote.url) return () => undefined;
  let base: string;
  try {
    const u = new URL(remote.url);
    const at = u.pathname.indexOf("/remote.php");
    if (at < 0) return () => undefined;
    base = `${u.protocol}//${u.host}${u.pathname.slice(0, at)}`;
  } catch {
    return () => undefined;
  }
  return (rel) => {
    const { dir, name } = split(rel);
    return `${base}/index.php/apps/files/?dir=${enc(dir)}&scrollto=${encodeURIComponent(name)}`;
  };
}
