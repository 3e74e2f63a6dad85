/**
 * ETag comparison (RFC 9110 §8.8.3.2). ETags are stored and sent exactly as the server gave them;
 * whether two describe the same content is decided here. Weak comparison: equal once the W/
 * prefix is stripped (Apache mod_dav_fs gives W/"…" for a file changed within the last second
 * and the strong "…" of the same bytes later).
 */

/** The opaque part of an ETag: without W/ and surrounding whitespace. */
export function etagOpaque(etag: string): string {
  const t = etag.trim();
  return t.startsWith("W/") ? t.slice(2) : t;
}

export function isWeakEtag(etag: string | undefined): boolean {
  return etag?.trim().startsWith("W/") === true;
}

/** RFC 9110 weak comparison; false when either is missing. */
export function etagsMatchWeak(a: string | undefined, b: string | undefined): boolean {
  if (a === undefined || b === undefined || a === "" || b === "") return false;
  return etagOpaque(a) === etagOpaque(b);
}
