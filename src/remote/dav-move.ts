/**
 * Server-side MOVE. `move` is the Remote's (never overwrites; a retry after a lost answer that
 * finds the move done counts as done); `moveRaw` is the upload's last step (Overwrite as asked).
 */
import { ArsipdError } from "../errors.js";
import type { DavHttp } from "./dav-http.js";

export function moveRaw(
  h: DavHttp,
  from: string,
  to: string,
  overwrite: boolean,
  signal?: AbortSignal,
): Promise<void> {
  return h
    .once("MOVE", from, {
      headers: { Destination: h.url(to), Overwrite: overwrite ? "T" : "F" },
      signal,
    })
    .then((res) => res.arrayBuffer().then(() => undefined));
}

export async function move(
  h: DavHttp,
  description: string,
  stat: (p: string, s?: AbortSignal) => Promise<unknown | null>,
  from: string,
  to: string,
  signal?: AbortSignal,
): Promise<void> {
  await h.call(
    "MOVE",
    from,
    { headers: { Destination: h.url(to), Overwrite: "F" }, signal },
    async (err, attempt) => {
      // A retry after a lost answer: the first attempt did the move.
      if (attempt > 0 && err instanceof ArsipdError && err.kind === "notFound") {
        if ((await stat(to, signal)) && !(await stat(from, signal))) return;
      }
      if (err instanceof ArsipdError && err.kind === "conflict")
        throw new ArsipdError("REMOTE_EXISTS", "conflict", `${description}/${to} already exists`);
      throw err;
    },
  );
}
