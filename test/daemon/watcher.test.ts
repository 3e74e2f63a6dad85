import { mkdirSync, mkdtempSync, renameSync, unlinkSync, writeFileSync } from "node:fs";
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

  it.each([false, true])(
    "reports edits in place, renames, deletes and a folder moved in (polling %s)",
    async (polling) => {
      const base = mkdtempSync(path.join(tmpdir(), "arsipd-watch-"));
      const share = path.join(base, "share");
      mkdirSync(path.join(share, "KPT-KETUA", "2024"), { recursive: true });
      const old = path.join(share, "KPT-KETUA", "2024", "a.pdf");
      writeFileSync(old, "v1");
      writeFileSync(path.join(share, "KPT-KETUA", "2024", "gone.pdf"), "x");
      // A folder prepared outside the share, then moved in whole: its files fire no event.
      mkdirSync(path.join(base, "incoming", "sub"), { recursive: true });
      writeFileSync(path.join(base, "incoming", "sub", "inside.pdf"), "in");
      const seen = new Set<string>();
      const w = new ShareWatcher({
        share,
        polling,
        pollIntervalMs: 50,
        debounceMs: 100,
        ignore: makeIgnore(),
        log: pino({ level: "silent" }),
        onBatch: (paths) => {
          for (const p of paths) seen.add(p);
        },
        onError: () => {},
      });
      await w.start();
      try {
        const until = async (rel: string) => {
          for (let i = 0; i < 100 && !seen.has(rel); i++)
            await new Promise((r) => setTimeout(r, 50));
          expect([...seen]).toContain(rel);
        };
        await new Promise((r) => setTimeout(r, 200));
        writeFileSync(old, "v2, edited in place");
        await until("KPT-KETUA/2024/a.pdf");
        renameSync(old, path.join(share, "KPT-KETUA", "2024", "b.pdf"));
        await until("KPT-KETUA/2024/b.pdf");
        unlinkSync(path.join(share, "KPT-KETUA", "2024", "gone.pdf"));
        await until("KPT-KETUA/2024/gone.pdf");
        renameSync(path.join(base, "incoming"), path.join(share, "incoming"));
        await until("incoming");
      } finally {
        await w.close();
      }
    },
  );
});
