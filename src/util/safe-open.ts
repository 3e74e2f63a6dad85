/**
 * The one way arsipd opens a file it reads from the share or serves: O_NOFOLLOW (a symlink at the
 * name is refused, never followed to /etc/passwd or /dev/zero), O_NONBLOCK (a FIFO at the name
 * cannot freeze the process in open()), then fstat on the open descriptor must say "regular
 * file" (so what is read is what was checked), and a size cap for files read into memory.
 * A refusal is a NotRegularFileError / TooLargeError with a one-line Indonesian message naming
 * the file; the caller treats it like an unreadable file.
 */
import { constants, createReadStream, type ReadStream } from "node:fs";
import { type FileHandle, open } from "node:fs/promises";

const FLAGS = constants.O_RDONLY | constants.O_NOFOLLOW | constants.O_NONBLOCK;

/** Metadata sheets, sidecars, the feed, register files: far below this in any real office. */
export const SMALL_FILE_CAP = 64 * 1024 * 1024;

export class NotRegularFileError extends Error {
  readonly code = "ENOTREG";
  constructor(readonly file: string) {
    super(`${file}: bukan berkas biasa (tautan, FIFO atau perangkat); tidak dibaca`);
  }
}

export class TooLargeError extends Error {
  readonly code = "EFBIG";
  constructor(
    readonly file: string,
    readonly cap: number,
  ) {
    super(`${file}: lebih dari ${Math.round(cap / 1048576)} MB; tidak dibaca`);
  }
}

/** Opens `file` for reading only if it is a regular file (not a link, FIFO, device, folder). */
export async function openRegular(file: string): Promise<{ fh: FileHandle; size: number }> {
  let fh: FileHandle;
  try {
    fh = await open(file, FLAGS);
  } catch (err) {
    // ELOOP: the last component is a symlink (O_NOFOLLOW).
    if ((err as NodeJS.ErrnoException).code === "ELOOP") throw new NotRegularFileError(file);
    throw err;
  }
  try {
    const st = await fh.stat();
    if (!st.isFile()) throw new NotRegularFileError(file);
    return { fh, size: st.size };
  } catch (err) {
    await fh.close().catch(() => undefined);
    throw err;
  }
}

/** Reads a whole regular file into memory, refusing more than `cap` bytes (even if it grows). */
export async function readRegular(file: string, cap = SMALL_FILE_CAP): Promise<Buffer> {
  const { fh, size } = await openRegular(file);
  try {
    if (size > cap) throw new TooLargeError(file, cap);
    const chunks: Buffer[] = [];
    let total = 0;
    for (;;) {
      const buf = Buffer.allocUnsafe(Math.min(Math.max(size - total, 0) + 65536, cap + 1 - total));
      const { bytesRead } = await fh.read(buf, 0, buf.length, null);
      if (bytesRead === 0) break;
      total += bytesRead;
      if (total > cap) throw new TooLargeError(file, cap);
      chunks.push(buf.subarray(0, bytesRead));
    }
    return Buffer.concat(chunks, total);
  } finally {
    await fh.close();
  }
}

export async function readRegularText(file: string, cap = SMALL_FILE_CAP): Promise<string> {
  return (await readRegular(file, cap)).toString("utf8");
}

/** A read stream over a regular file (streamed, no cap: hashing and uploads of big scans). */
export async function streamRegular(
  file: string,
  opts: { signal?: AbortSignal } = {},
): Promise<ReadStream> {
  const { fh } = await openRegular(file);
  return createReadStream("", { fd: fh, autoClose: true, ...(opts.signal ? opts : {}) });
}
