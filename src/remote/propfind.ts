/**
 * PROPFIND request body and multistatus parsing for the WebDAV adapter. Entries come back with
 * paths relative to a base folder, percent-decoded and NFC, so they compare equal to local paths.
 */
import type { RemoteEntry } from "./types.js";

export const PROPFIND_BODY =
  '<?xml version="1.0" encoding="utf-8"?>' +
  '<d:propfind xmlns:d="DAV:" xmlns:oc="http://owncloud.org/ns"><d:prop>' +
  "<d:getetag/><d:getlastmodified/><d:getcontentlength/><d:resourcetype/><oc:checksums/>" +
  "</d:prop></d:propfind>";

/** Lower-case digests from OwnCloud's "SHA1:abc MD5:def ADLER32:…" (unknown types ignored). */
export function parseChecksums(value: string): RemoteEntry["checksums"] {
  const out: NonNullable<RemoteEntry["checksums"]> = {};
  for (const token of value.split(/[\s,]+/)) {
    const m = /^(SHA1|MD5|SHA256):([0-9a-fA-F]+)$/i.exec(token);
    if (!m) continue;
    const type = m[1]!.toLowerCase() as "sha1" | "md5" | "sha256";
    out[type] = m[2]!.toLowerCase();
  }
  return Object.keys(out).length > 0 ? out : undefined;
}

/** Decodes the %XX runs of one segment that are valid UTF-8; a stray `%` stays as it is. */
function decodeSegment(seg: string): string {
  try {
    return decodeURIComponent(seg);
  } catch {
    return seg.replace(/(?:%[0-9A-Fa-f]{2})+/g, (run) => {
      try {
        return decodeURIComponent(run);
      } catch {
        return run;
      }
    });
  }
}

/**
 * Decodes an href (absolute URL or path) to its NFC, percent-decoded pathname without trailing
 * slash. Robust to servers that do not encode reserved characters in hrefs (npm webdav-server
 * lists `a#b.pdf` raw): a multistatus href names a resource, so `#` and `?` in it are part of
 * the name, never a fragment or a query; a `%` not followed by two hex digits is a literal `%`.
 */
export function hrefPath(href: string): string {
  const m = /^[a-z][a-z0-9+.-]*:\/\/[^/]*/i.exec(href.trim());
  const pathname = m ? href.trim().slice(m[0].length) || "/" : href.trim();
  const decoded = pathname.split("/").map(decodeSegment).join("/").normalize("NFC");
  return decoded.length > 1 ? decoded.replace(/\/+$/, "") : decoded;
}

type Obj = Record<string, unknown>;

function asArray<T>(v: T | T[] | undefined): T[] {
  if (v === undefined || v === null) return [];
  return Array.isArray(v) ? v : [v];
}

function text(v: unknown): string | undefined {
  if (v === undefined || v === null || v === "") return undefined;
  if (typeof v === "object") {
    const t = (v as Obj).text;
    return t === undefined ? undefined : String(t);
  }
  return String(v);
}

function checksumText(v: unknown): string | undefined {
  if (v === undefined || v === null || v === "") return undefined;
  if (typeof v === "object") {
    return asArray((v as Obj).checksum as unknown)
      .map((c) => text(c) ?? "")
      .join(" ");
  }
  return String(v);
}

/**
 * Reads a multistatus document already parsed by the webdav package's parseXML (prefixes
 * stripped, repeated elements as arrays); parsing stays in webdav.ts, the one file that imports
 * the package. `basePath` is the decoded pathname of the folder the paths are
 * made relative to; responses outside it are dropped; the base itself gets path "".
 */
export function parseMultistatus(parsed: unknown, basePath: string): RemoteEntry[] {
  const doc = (parsed ?? {}) as Obj;
  const ms = (doc.multistatus ?? {}) as Obj;
  const base = basePath.replace(/\/+$/, "");
  const out: RemoteEntry[] = [];
  for (const r of asArray(ms.response as Obj | Obj[])) {
    const href = text(r.href);
    if (href === undefined) continue;
    const p = hrefPath(href);
    let rel: string;
    if (p === base || p === `${base}/` || (base === "" && p === "/")) rel = "";
    else if (p.startsWith(`${base}/`)) rel = p.slice(base.length + 1);
    else continue;
    const ok = asArray(r.propstat as Obj | Obj[]).find((ps) => / 200 /.test(String(ps.status)));
    const prop = ((ok?.prop ?? {}) as Obj) || {};
    const rt = prop.resourcetype;
    const isDir = typeof rt === "object" && rt !== null && "collection" in (rt as Obj);
    const mtime = text(prop.getlastmodified);
    const mtimeMs = mtime === undefined ? undefined : Date.parse(mtime);
    const etag = text(prop.getetag);
    const sums = checksumText(prop.checksums);
    out.push({
      path: rel,
      type: isDir ? "dir" : "file",
      size: isDir ? 0 : Number(text(prop.getcontentlength) ?? 0),
      mtimeMs: mtimeMs === undefined || Number.isNaN(mtimeMs) ? undefined : mtimeMs,
      etag,
      checksums: sums === undefined ? undefined : parseChecksums(sums),
    });
  }
  return out;
}
