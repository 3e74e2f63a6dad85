/** SHA-256 (the archive's identity) and SHA-1 (OwnCloud's OC-Checksum) in one read. */
import { createHash } from "node:crypto";
import { createReadStream } from "node:fs";

export interface FileDigests {
  sha256: string;
  sha1: string;
  size: number;
}

export async function hashFile(abs: string, signal?: AbortSignal): Promise<FileDigests> {
  return hashStream(createReadStream(abs, signal ? { signal } : {}));
}

/** The same digests of any byte stream (a remote file being read back). */
export async function hashStream(stream: AsyncIterable<unknown>): Promise<FileDigests> {
  const a = createHash("sha256");
  const b = createHash("sha1");
  let size = 0;
  for await (const chunk of stream) {
    a.update(chunk as Buffer);
    b.update(chunk as Buffer);
    size += (chunk as Buffer).length;
  }
  return { sha256: a.digest("hex"), sha1: b.digest("hex"), size };
}

/** Runs `fn` over `items` with at most `limit` at a time; stops taking work once `stop()`. */
export async function eachLimit<T>(
  items: T[],
  limit: number,
  fn: (item: T) => Promise<void>,
  stop: () => boolean = () => false,
): Promise<void> {
  let next = 0;
  const worker = async () => {
    while (next < items.length && !stop()) {
      const item = items[next++] as T;
      await fn(item);
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, Math.min(limit, items.length)) }, worker));
}
