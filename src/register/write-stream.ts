import { mkdir, open, rename, rm } from "node:fs/promises";
import path from "node:path";
import { fsyncDir, tempName } from "../util/atomic-write.js";
import { NotRegularFileError, openRegular } from "../util/safe-open.js";

type Handle = Awaited<ReturnType<typeof open>>;

const COPY_CHUNK = 1 << 20;

export class ChangedFileWriter {
  /** Bytes of the old file known to equal what was written so far (while tmp is unset). */
  private same = 0;
  private tmp: { path: string; fh: Handle } | undefined;
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
      const { fh, path: tmp } = this.tmp!;
      await fh.sync();
      await fh.close();
      await rename(tmp, this.file);
      this.tmp = undefined;
      await fsyncDir(path.dirname(this.file));
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
    const { fh, path: tmp } = this.tmp;
    this.tmp = undefined;
    await fh.close().catch(() => undefined);
    await rm(tmp, { force: true });
  }

  /** Opens the temp file and copies the prefix already known to be identical. */
  private async startTemp(): Promise<void> {
    const dir = path.dirname(this.file);
    await mkdir(dir, { recursive: true });
    const tmp = tempName(dir);
    const fh = await open(tmp, "w");
    this.tmp = { path: tmp, fh };
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
