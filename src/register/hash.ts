/** SHA-256 of a file: streamed (constant memory) unless it is known to be small. */
import { createHash } from "node:crypto";
import { createReadStream } from "node:fs";
import { readFile } from "node:fs/promises";
import { pipeline } from "node:stream/promises";

/** Below this size one read is cheaper than a stream (no pipeline/AbortSignal per file). */
const SMALL = 1 << 20;

/** `size` is the size from the scan, a hint: the whole current content is hashed either way. */
export async function sha256File(abs: string, size?: number): Promise<string> {
  if (size !== undefined && size < SMALL)
    return createHash("sha256")
      .update(await readFile(abs))
      .digest("hex");
  const hash = createHash("sha256");
  await pipeline(createReadStream(abs), hash);
  return hash.digest("hex");
}

/** Runs `fn` over `items` with at most `limit` in flight; results keep the input order. */
export async function mapLimit<T, R>(
  items: T[],
  limit: number,
  fn: (item: T, i: number) => Promise<R>,
): Promise<R[]> {
  const out = new Array<R>(items.length);
  let next = 0;
  async function worker(): Promise<void> {
    while (next < items.length) {
      const i = next++;
      out[i] = await fn(items[i]!, i);
    }
  }
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  return out;
}
