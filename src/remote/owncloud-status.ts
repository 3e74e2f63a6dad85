/**
 * OwnCloud's status.php, found next to the DAV endpoint (the path before /remote.php, else the
 * origin). It needs no login and says whether the server is in maintenance. Any failure (not
 * OwnCloud, down, not JSON) answers null: callers treat the server as plain WebDAV.
 */

export interface OcStatus {
  maintenance: boolean;
  version: string;
}

export function statusUrl(davUrl: string): string {
  const u = new URL(davUrl);
  const i = u.pathname.indexOf("/remote.php");
  const prefix = i >= 0 ? u.pathname.slice(0, i) : "";
  return `${u.origin}${prefix}/status.php`;
}

/**
 * Reads status.php's answer with `get` (the adapter's own HTTP client: loading a second one,
 * Node's global fetch, costs every short-lived `arsipd` command ~0.1 s of start-up).
 */
export async function probeOcStatus(
  davUrl: string,
  get: (url: string) => Promise<Response>,
): Promise<OcStatus | null> {
  try {
    const res = await get(statusUrl(davUrl));
    if (!res.ok) return null;
    const body = JSON.parse(await res.text()) as Record<string, unknown>;
    if (typeof body.installed !== "boolean" || typeof body.version !== "string") return null;
    return { maintenance: body.maintenance === true, version: body.version };
  } catch {
    return null;
  }
}
