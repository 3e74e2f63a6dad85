/**
 * The capability probe `check()` runs once per process: a tiny hidden file (scratch.ts's probe
 * name, recognised as arsipd's own) PUT into the user's DAV root with X-OC-Mtime
 * and OC-Checksum, read back with one PROPFIND (checksums, ETag and its strength), then
 * deleted. Three requests; any failure leaves the capabilities to be learnt from uploads.
 */
import { createHash, randomBytes } from "node:crypto";
import type { DavCaps } from "./dav-caps.js";
import { type DavHttp, drain, parseXml } from "./dav-http.js";
import { rawPut } from "./http-put.js";
import { hrefPath, PROPFIND_BODY, parseMultistatus } from "./propfind.js";
import { probePathFor } from "./scratch.js";

const BODY = Buffer.from("arsipd capability probe\n");
/** A time no upload carries: the server kept it only if it honours X-OC-Mtime. */
const PROBE_MTIME_S = 1_000_000_000;

export async function probeCapabilities(
  h: DavHttp,
  caps: DavCaps,
  signal?: AbortSignal,
): Promise<void> {
  const name = probePathFor("", randomBytes(6).toString("hex"));
  const url = `${h.base}/${name}`;
  try {
    const put = await h.noteAuth(
      rawPut({
        url,
        agent: h.agent,
        headers: {
          "Content-Length": String(BODY.length),
          "Content-Type": "application/octet-stream",
          "X-OC-Mtime": String(PROBE_MTIME_S),
          "OC-Checksum": `SHA1:${createHash("sha1").update(BODY).digest("hex")}`,
        },
        authorization: h.authorization,
        body: BODY,
        signal,
        timeoutMs: h.o.timeoutMs,
        what: "PUT (capability probe)",
      }),
    );
    const res = await h.once("PROPFIND", "", {
      url,
      headers: { Depth: "0", "Content-Type": "application/xml; charset=utf-8" },
      data: PROPFIND_BODY,
      signal,
    });
    const entries = parseMultistatus(await parseXml(await res.text()), hrefPath(url));
    const e = entries.find((x) => x.path === "") ?? entries[0];
    const kept = e?.mtimeMs === PROBE_MTIME_S * 1000;
    caps.mtime = put.header("x-oc-mtime") === "accepted" && kept ? "accepted" : "ignored";
    caps.noteEntries(entries.map((x) => ({ ...x, type: "file" })));
    caps.probed = true;
    h.log.debug({ capabilities: caps.get() }, "remote capabilities probed");
  } catch (err) {
    h.log.debug({ err: (err as Error).message }, "capability probe failed; learning from uploads");
  } finally {
    await h
      .once("DELETE", "", { url, signal })
      .then(drain)
      .catch(() => undefined);
  }
}
