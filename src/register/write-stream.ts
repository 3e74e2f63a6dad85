/**
 * Streams a file's new content and writes it only when it differs from what is on disk, in
 * bounded memory: each chunk is compared with the same byte range of the existing file; only at
 * the first difference is a temp file started (hidden, same folder), seeded with the identical
 * prefix copied from the old file, then fed the rest. finish() fsyncs and renames it over the
 * target (atomic), or, when every byte matched, leaves the file untouched. abort() removes the
 * temp file. The temp file, its commit and its removal are util/atomic-write.ts's, so the
 * crash guarantee is writeFileAtomic's: the target is either old or new, whole.
 */
import type { open } from "node:fs/promises";
import { commitTemp, discardTemp, openTemp, type TempFile } from "../util/atomic-write.js";
import { NotRegularFileError, openRegular } from "../util/safe-open.js";

type Handle = Awaited<ReturnType<typeof open>>;

const COPY_CHUNK = 1 << 20;

export class ChangedFileWriter {
  /** Bytes of the old file known to equal what was written so far (while tmp is unset). */
  private same = 0;
  private tmp: TempFile | undefined;
  private oldSize: number;

  private constructor(
    private readonly file: string,
    private old: Handle | undefined,
    oldSize: number,
  ) {
    this.oldSize = oldSize;
  }

  static async open(file: string): Promise<ChangedFileWriter> {
    let old: Handle | undefined;
    let size = 0;
    try {
      ({ fh: old, size } = await openRegular(file));
    } catch (err) {
      // A FIFO or link at the register's name is never read; the new file replaces the name.
      if (!(err instanceof NotRegularFileError) && (err as NodeJS.ErrnoException).code !== "ENOENT")
        throw err;
    }
    return new ChangedFileWriter(file, old, size);
  }

  async write(data: Buffer | string): Promise<void> {
    const buf = typeof data === "string" ? Buffer.from(data, "utf8") : data;
    if (buf.length === 0) return;
    if (!this.tmp && this.old && this.same + buf.length <= this.oldSize) {
      const have = Buffer.allocUnsafe(buf.length);
      const { bytesRead } = await this.old.read(have, 0, buf.length, this.same);
      if (bytesRead === buf.length && have.equals(buf)) {
        this.same += buf.length;
        return;
      }
    }
    if (!this.tmp) await this.startTemp();
    await this.tmp!.fh.write(buf);
  }

  /** Returns true when the file was (re)written. */
  async finish(): Promise<boolean> {
    try {
      if (!this.tmp) {
        if (this.old && this.same === this.oldSize) return false;
        await this.startTemp();
      }
      const tmp = this.tmp!;
      this.tmp = undefined;
      try {
        await commitTemp(tmp, this.file);
      } catch (err) {
        await discardTemp(tmp);
        throw err;
      }
      return true;
    } catch (err) {
      await this.abort();
      throw err;
    } finally {
      await this.closeOld();
    }
  }

  async abort(): Promise<void> {
    await this.closeOld();
    if (!this.tmp) return;
    const tmp = this.tmp;
    this.tmp = undefined;
    await discardTemp(tmp);
  }

  /** Opens the temp file and copies the prefix already known to be identical. */
  private async startTemp(): Promise<void> {
    this.tmp = await openTemp(this.file);
    const { fh } = this.tmp;
    const buf = Buffer.allocUnsafe(Math.min(COPY_CHUNK, this.same));
    for (let pos = 0; pos < this.same; ) {
      const n = Math.min(buf.length, this.same - pos);
      const { bytesRead } = await this.old!.read(buf, 0, n, pos);
      if (bytesRead !== n) throw new Error(`${this.file} changed while the register was written`);
      await fh.write(buf.subarray(0, n));
      pos += n;
    }
    await this.closeOld();
  }

  private async closeOld(): Promise<void> {
    const old = this.old;
    this.old = undefined;
    await old?.close().catch(() => undefined);
  }
}

/**
 * Writes `chunks` to `file` only when the bytes differ (see ChangedFileWriter). Chunks are
 * produced lazily (e.g. one CSV line each), so a caller can generate a large file piece by
 * piece; small string chunks are gathered into ~1 MB writes.
 */
export async function writeChunksIfChanged(
  file: string,
  chunks: Iterable<Buffer | string>,
): Promise<boolean> {
  const w = await ChangedFileWriter.open(file);
  try {
    let pending = "";
    for (const c of chunks) {
      if (typeof c === "string") {
        pending += c;
        if (pending.length < COPY_CHUNK) continue;
      }
      await w.write(pending);
      pending = "";
      if (typeof c !== "string") await w.write(c);
    }
    await w.write(pending);
  } catch (err) {
    await w.abort();
    throw err;
  }
  return w.finish();
}
