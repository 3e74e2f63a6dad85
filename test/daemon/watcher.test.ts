import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import pino from "pino";
import { describe, expect, it } from "vitest";
import { ShareWatcher } from "../../src/daemon/watcher.js";
import { makeIgnore } from "../../src/share/ignore.js";

describe("ShareWatcher", () => {
  it("hands over batches while files keep arriving, and never reports ignored names", async () => {
    const share = mkdtempSync(path.join(tmpdir(), "arsipd-watch-"));
    const batches: string[][] = [];
    const w = new ShareWatcher({
      share,
      polling: false,
      pollIntervalMs: 100,
      debounceMs: 300,
      ignore: makeIgnore(),
      log: pino({ level: "silent" }),
      onBatch: (paths) => batches.push(paths),
      onError: () => {},
    });
    await w.start();
    try {
      let batchesWhileWriting = 0;
      for (let i = 0; i < 15; i++) {
        writeFileSync(path.join(share, `scan ${i}.pdf`), "x");
        writeFileSync(path.join(share, `~$scan ${i}.docx`), "lock");
        await new Promise((r) => setTimeout(r, 100));
        if (i === 14) batchesWhileWriting = batches.length;
      }
      await new Promise((r) => setTimeout(r, 800));
      // A stream of files must not postpone every batch until it stops.
      expect(batchesWhileWriting).toBeGreaterThanOrEqual(2);
      const all = batches.flat();
      for (let i = 0; i < 15; i++) expect(all).toContain(`scan ${i}.pdf`);
      expect(all.some((p) => p.startsWith("~$"))).toBe(false);
    } finally {
      await w.close();
    }
  });
});
