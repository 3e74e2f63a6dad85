/** DELETE of arsipd's own scratch files; a file already gone counts as removed. */
import { ArsipdError } from "../errors.js";
import type { DavHttp } from "./dav-http.js";

export function removeScratch(h: DavHttp, path: string, signal?: AbortSignal): Promise<void> {
  return h.call("DELETE", path, { signal }, (err) => {
    if (err instanceof ArsipdError && err.kind === "notFound") return;
    throw err;
  });
}
