/**
 * Breadth-first walk of a folder tree with at most `concurrency` listings in flight, for servers
 * that refuse Depth: infinity. `children` lists one folder (Depth: 1, the folder itself
 * excluded), `descend` says which sub-folders to list too; folders that vanish mid-walk
 * (notFound) are skipped; any other error stops the walk and is thrown once the listings in
 * flight have settled.
 */
import { ArsipdError } from "../errors.js";
import type { RemoteEntry } from "./types.js";

export async function walkTree(
  start: string,
  concurrency: number,
  children: (dir: string) => Promise<RemoteEntry[]>,
  /** Whether to list a sub-folder too (default: every one). */
  descend: (folder: RemoteEntry) => boolean = () => true,
): Promise<RemoteEntry[]> {
  const out: RemoteEntry[] = [];
  const queue = [start];
  let active = 0;
  let failure: unknown;
  await new Promise<void>((resolve) => {
    const pump = () => {
      if (active === 0 && (failure !== undefined || queue.length === 0)) return resolve();
      while (failure === undefined && queue.length > 0 && active < concurrency) {
        const dir = queue.shift()!;
        active++;
        children(dir)
          .then((entries) => {
            for (const e of entries) {
              out.push(e);
              if (e.type === "dir" && descend(e)) queue.push(e.path);
            }
          })
          .catch((err: unknown) => {
            if (!(err instanceof ArsipdError && err.kind === "notFound")) failure ??= err;
          })
          .finally(() => {
            active--;
            pump();
          });
      }
    };
    pump();
  });
  if (failure !== undefined) throw failure;
  return out.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
}
