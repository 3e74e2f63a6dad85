/** A quick pass's view of the share: named paths from disk, the rest from the journal. */
import { mkdir, rename, rm, writeFile } from "node:fs/promises";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { mirrorPass } from "../../src/mirror/pass.js";
import { quickView } from "../../src/mirror/quick-view.js";
import { makeIgnore } from "../../src/share/ignore.js";
import { closeAll, put, setup, tree } from "./helpers.js";

const OLD = Date.now() - 60_000;
const opts = { ignore: makeIgnore([]), skipDir: "_Dihapus" };
const notTrash = (r: string) => !r.startsWith("_Dihapus/");

async function mirrored(files: Record<string, string>, extra: Record<string, unknown> = {}) {
  const t = await setup(extra);
  for (const [rel, content] of Object.entries(files)) await put(t.share, rel, content, OLD);
  await mirrorPass(t, { full: true });
  return t;
}

describe("quickView", () => {
  afterEach(closeAll);

  it("reads the named paths; a change it was not told about waits for the full pass", async () => {
    const t = await mirrored({ "A/one.pdf": "1", "A/two.pdf": "2", "B/three.pdf": "3" });
    await put(t.share, "A/one.pdf", "1 edited, but no event for it", OLD + 1000);
    await rm(path.join(t.share, "B/three.pdf")); // gone, but not named either
    await put(t.share, "C/new.pdf", "new", OLD);
    await put(t.share, "A/two.pdf", "2 edited, and named", OLD + 2000);
    const view = await quickView(t.share, t.journal, ["C/new.pdf", "A/two.pdf"], opts);
    expect(view.files.map((f) => f.rel)).toEqual([
      "A/one.pdf",
      "A/two.pdf",
      "B/three.pdf",
      "C/new.pdf",
    ]);
    const s = await mirrorPass(t, { scan: view });
    expect([s.uploaded, s.trashed, s.moved]).toEqual([2, 0, 0]);
    expect(await tree(t.mirror)).toEqual({
      "A/one.pdf": "1",
      "A/two.pdf": "2 edited, and named",
      "B/three.pdf": "3",
      "C/new.pdf": "new",
    });
    // The full pass is the truth: it finds both.
    const full = await mirrorPass(t, { full: true });
    expect([full.uploaded, full.trashed]).toEqual([1, 1]);
  });

  it("a named file that is gone is trashed; a rename named on both sides is a server-side move", async () => {
    const t = await mirrored(
      { "A/a.pdf": "a", "A/b.pdf": "b", "A/c.pdf": "c", "A/d.pdf": "d" },
      { deletes: { maxFraction: 0.5 } },
    );
    await rm(path.join(t.share, "A/a.pdf"));
    await mkdir(path.join(t.share, "Z"), { recursive: true });
    await rename(path.join(t.share, "A/b.pdf"), path.join(t.share, "Z/b renamed.pdf"));
    const view = await quickView(
      t.share,
      t.journal,
      ["A/a.pdf", "A/b.pdf", "Z/b renamed.pdf"],
      opts,
    );
    const s = await mirrorPass(t, { scan: view });
    expect([s.uploaded, s.trashed, s.moved]).toEqual([0, 1, 1]);
    expect(await tree(t.mirror, notTrash)).toEqual(await tree(t.share));
  });

  it("a named folder that appeared is read whole; one that went away takes its files with it", async () => {
    const t = await mirrored(
      { "Old/x.pdf": "x", "Old/sub/y.pdf": "y", "Keep/k1.pdf": "k1", "Keep/k2.pdf": "k2" },
      { deletes: { maxFraction: 0.6 } },
    );
    await rm(path.join(t.share, "Old"), { recursive: true });
    await put(t.share, "New/deep/n.pdf", "n", OLD);
    await put(t.share, "New/m.pdf", "m", OLD);
    const view = await quickView(t.share, t.journal, ["Old", "New"], opts);
    expect(view.files.map((f) => f.rel)).toEqual([
      "Keep/k1.pdf",
      "Keep/k2.pdf",
      "New/deep/n.pdf",
      "New/m.pdf",
    ]);
    const s = await mirrorPass(t, { scan: view });
    expect([s.uploaded, s.trashed]).toEqual([2, 2]);
    expect(await tree(t.mirror, notTrash)).toEqual(await tree(t.share));
  });

  it("finds a file a Mac named in NFD from the NFC path the watcher reports: edited, not trashed", async () => {
    const nfd = "Surat Pe\u0301nting/Catatan Pe\u0301nting.txt";
    const t = await mirrored({ [nfd]: "v1", "A/a.pdf": "a" });
    await put(t.share, nfd, "v2, edited on the Mac", OLD + 1000);
    const nfc = nfd.normalize("NFC");
    const view = await quickView(t.share, t.journal, [nfc], opts);
    expect(view.files.map((f) => [f.rel, f.size])).toEqual([
      ["A/a.pdf", 1],
      [nfc, "v2, edited on the Mac".length],
    ]);
    const s = await mirrorPass(t, { scan: view });
    expect([s.uploaded, s.trashed]).toEqual([1, 0]);
    expect(await tree(t.mirror, notTrash)).toEqual({
      "A/a.pdf": "a",
      [nfc]: "v2, edited on the Mac",
    });
  });

  it("reads files with a failure record although not named, and skips ignored and trash paths", async () => {
    const t = await mirrored({ "A/ok.pdf": "ok" });
    await put(t.share, "A/failed before.pdf", "retry me", OLD);
    t.journal.recordFailure("A/failed before.pdf", {
      failures: 1,
      lastError: "HTTP 500",
      nextRetryAt: 0,
    });
    await put(t.share, "A/~$lock.docx", "lock", OLD);
    await put(t.share, "_Dihapus/2024-01-01/A/old.pdf", "old", OLD);
    const view = await quickView(
      t.share,
      t.journal,
      ["A/~$lock.docx", "_Dihapus/2024-01-01/A/old.pdf"],
      opts,
    );
    expect(view.files.map((f) => f.rel)).toEqual(["A/failed before.pdf", "A/ok.pdf"]);
    await writeFile(path.join(t.share, "unrelated.txt"), "not named, not journaled");
    const s = await mirrorPass(t, { scan: view });
    expect([s.uploaded, s.failed]).toEqual([1, 0]);
  });
});
