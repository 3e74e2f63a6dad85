/**
 * The journal's append-only operation log (JSONL, one op per line, each with a sequence number).
 * Reading tolerates a torn tail (a crash or power cut in the middle of an append): every line
 * from the first unreadable one on must be unreadable too, and is cut off. An unreadable line
 * followed by good ones is real corruption and is reported, never silently skipped.
 */
import { open, readFile, truncate } from "node:fs/promises";
import { ArsipdError } from "../errors.js";
import type { FailureEntry, JournalEntry, UploadIntent } from "./journal-types.js";

export type JournalOp =
  | { s: number; o: "set"; k: string; v: JournalEntry }
  | { s: number; o: "del"; k: string }
  | { s: number; o: "mv"; k: string; to: string }
  | { s: number; o: "fail"; k: string; v: FailureEntry }
  | { s: number; o: "ok"; k: string }
  /** A remote folder's ETag as last verified (see mirror/discover.ts); no `v` forgets it. */
  | { s: number; o: "dir"; k: string; v?: string }
  /** An upload in flight (see UploadIntent); no `v` clears it. */
  | { s: number; o: "int"; k: string; v?: UploadIntent };

function parseOp(line: string): JournalOp | null {
  try {
    const op = JSON.parse(line) as JournalOp;
    if (typeof op?.s !== "number" || typeof op.k !== "string") return null;
    return op;
  } catch {
    return null;
  }
}

/** Reads the log; cuts a torn tail off the file unless `readOnly`. [] when missing. */
export async function readOpLog(file: string, readOnly: boolean): Promise<JournalOp[]> {
  let buf: Buffer;
  try {
    buf = await readFile(file);
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === "ENOENT") return [];
    throw err;
  }
  const ops: JournalOp[] = [];
  let offset = 0;
  let goodEnd = 0;
  let badLine = -1;
  let lineNo = 0;
  while (offset < buf.length) {
    const nl = buf.indexOf(0x0a, offset);
    const end = nl === -1 ? buf.length : nl;
    const text = buf.toString("utf8", offset, end);
    lineNo++;
    const op = nl === -1 ? null : parseOp(text); // a line without its newline is torn
    if (op && badLine === -1) {
      ops.push(op);
      goodEnd = end + 1;
    } else if (op && badLine !== -1) {
      throw new ArsipdError(
        "JOURNAL_CORRUPT",
        "fatal",
        `journal log ${file} is damaged at line ${badLine}: move it aside and run a full pass (arsipd sync --full) to rebuild it from the remote`,
      );
    } else if (badLine === -1 && text.trim() !== "") {
      badLine = lineNo;
    }
    offset = end + 1;
  }
  if (goodEnd < buf.length && !readOnly) await truncate(file, goodEnd);
  return ops;
}

/** An open log that appends batches durably (one write + fsync per batch). */
export class OpLogWriter {
  private constructor(
    private readonly fh: Awaited<ReturnType<typeof open>>,
    private bytes: number,
  ) {}

  static async open(file: string): Promise<OpLogWriter> {
    const fh = await open(file, "a", 0o600);
    const { size } = await fh.stat();
    return new OpLogWriter(fh, size);
  }

  get size(): number {
    return this.bytes;
  }

  async append(ops: JournalOp[]): Promise<void> {
    if (ops.length === 0) return;
    const text = ops.map((op) => JSON.stringify(op)).join("\n") + "\n";
    const data = Buffer.from(text, "utf8");
    await this.fh.write(data);
    await this.fh.sync();
    this.bytes += data.length;
  }

  /** Empties the log (after its ops went into a durable snapshot). */
  async reset(): Promise<void> {
    await this.fh.truncate(0);
    await this.fh.sync();
    this.bytes = 0;
  }

  async close(): Promise<void> {
    await this.fh.close();
  }
}
