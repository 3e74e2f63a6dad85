/** GET of a file as a stream (verify --deep, tests); notFound when missing. */
import type { DavHttp } from "./dav-http.js";

export function read(
  h: DavHttp,
  path: string,
  signal?: AbortSignal,
): Promise<NodeJS.ReadableStream> {
  return h.retry(`GET ${path}`, signal, async () => {
    const res = await h.once("GET", path, { signal, timeoutMs: 24 * 3600_000 });
    return res.body as unknown as NodeJS.ReadableStream;
  });
}
