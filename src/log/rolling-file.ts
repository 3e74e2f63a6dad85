/**
 * The size-rotated log file: lines go to `<dir>/<base>.N.log`, continuing the highest N already
 * there (or 1); once a file reaches `maxBytes` the next line starts `N+1` and all but the newest
 * `keep` files are removed. Writes are synchronous, like pino.destination({ sync: true }): a line
 * has reached the operating system before the call returns, so a crash right after an action
 * still leaves its log line.
 *
 * A write that fails (ENOSPC: the state folder's disk is full; EIO; EDQUOT) never throws: the
 * line is dropped, the failure is kept for `status` (logFileFailure), and the next line tries
 * again; the first line that goes through clears it. A log must never be what stops the daemon.
 *
 * Why not pino-roll: it does the same and more (time-based rotation) but loads all of date-fns,
 * a quarter of a second of start-up for every `arsipd sync`; size rotation is all we use.
 */
import {
  closeSync,
  mkdirSync,
  openSync,
  readdirSync,
  statSync,
  unlinkSync,
  writeSync,
} from "node:fs";
import path from "node:path";

export interface LogFileFailure {
  path: string;
  code: string;
  since: string;
  dropped: number;
}

let failure: LogFileFailure | undefined;

/** Why the log file is not being written now, or undefined while it is. */
export function logFileFailure(): LogFileFailure | undefined {
  return failure && { ...failure };
}

export interface RollingFileOptions {
  dir: string;
  base: string;
  maxBytes: number;
  keep: number;
}

export class RollingFile {
  #fd: number;
  #n: number;
  #size: number;
  readonly #o: RollingFileOptions;

  constructor(o: RollingFileOptions) {
    this.#o = o;
    mkdirSync(o.dir, { recursive: true });
    this.#n = Math.max(1, ...this.#numbers());
    this.#fd = openSync(this.#file(this.#n), "a", 0o640);
    this.#size = statSync(this.#file(this.#n)).size;
    this.#prune();
  }

  /** pino's destination contract: one or more whole lines per call. */
  write(chunk: string): boolean {
    try {
      if (this.#size > 0 && this.#size + Buffer.byteLength(chunk) > this.#o.maxBytes) this.#roll();
      // After a failed write the file may end in part of a line: start on a fresh one.
      const buf = Buffer.from(failure ? `\n${chunk}` : chunk);
      let off = 0;
      try {
        while (off < buf.length) off += writeSync(this.#fd, buf, off);
      } finally {
        this.#size += off;
      }
      failure = undefined;
    } catch (err) {
      const code = (err as NodeJS.ErrnoException).code ?? "EIO";
      failure = failure
        ? { ...failure, code, dropped: failure.dropped + 1 }
        : { path: this.#file(this.#n), code, since: new Date().toISOString(), dropped: 1 };
    }
    return true;
  }

  close(): void {
    closeSync(this.#fd);
  }

  /** Opens the next file before closing this one, so a failed open keeps a usable fd. */
  #roll(): void {
    const fd = openSync(this.#file(this.#n + 1), "a", 0o640);
    closeSync(this.#fd);
    this.#fd = fd;
    this.#n++;
    this.#size = 0;
    this.#prune();
  }

  /** Removes all but the newest `keep` files; a file another process removed is fine. */
  #prune(): void {
    const old = this.#numbers()
      .sort((a, b) => b - a)
      .slice(Math.max(1, this.#o.keep));
    for (const n of old) {
      try {
        unlinkSync(this.#file(n));
      } catch {
        // already gone
      }
    }
  }

  #numbers(): number[] {
    const re = new RegExp(
      `^${this.#o.base.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}\\.(\\d+)\\.log$`,
    );
    const out: number[] = [];
    for (const name of readdirSync(this.#o.dir)) {
      const m = re.exec(name);
      if (m) out.push(Number(m[1]));
    }
    return out;
  }

  #file(n: number): string {
    return path.join(this.#o.dir, `${this.#o.base}.${n}.log`);
  }
}
