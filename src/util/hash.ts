/**
 * File digests, in one place for the organizer, the mirror and the register. SHA-256 is the
 * archive's identity; SHA-1 is what OwnCloud's OC-Checksum carries.
 */
import { createHash } from "node:crypto";
import { pipeline } from "node:stream/promises";
import { readRegular, streamRegular } from "./safe-open.js";

/** Below this size one read is cheaper than a stream (no pipeline/AbortSignal per file). */
const SMALL = 1 << 20;

/**
 * SHA-256 of a file: streamed (constant memory) unless `size` says it is small. `size` is a
 * hint from a scan; the whole current content is hashed either way.
 */
export async function sha256File(abs: string, size?: number): Promise<string> {
  if (size !== undefined && size < SMALL)
    return createHash("sha256")
      .update(await readRegular(abs, SMALL))
      .digest("hex");
  const hash = createHash("sha256");
  await pipeline(await streamRegular(abs), hash);
  return hash.digest("hex");
}

export interface FileDigests {
  sha256: string;
  sha1: string;
  size: number;
}

/** SHA-256 and SHA-1 in one read. */
export async function hashFile(abs: string, signal?: AbortSignal): Promise<FileDigests> {
  return hashStream(await streamRegular(abs, signal ? { signal } : {}));
}

/** The digests of bytes already in memory. */
export function digestsOf(buf: Buffer): FileDigests {
  return {
    sha256: createHash("sha256").update(buf).digest("hex"),
    sha1: createHash("sha1").update(buf).digest("hex"),
    size: buf.length,
  };
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
