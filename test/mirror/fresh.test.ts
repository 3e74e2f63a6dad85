/** Which new files may be planned unhashed, and how the planner treats them. */
import { describe, expect, it } from "vitest";
import { freshPaths } from "../../src/mirror/fresh.js";
import { type JournalView, planMirror } from "../../src/mirror/plan.js";
import type { FreshFile, LocalFile, ScannedFile } from "../../src/mirror/types.js";
import type { RemoteEntry } from "../../src/remote/types.js";
import type { JournalEntry } from "../../src/state/journal-types.js";

const NOW = new Date(2024, 4, 2, 13, 4, 5);
const CFG = { mode: "trash" as const, trashDir: "_Dihapus", maxFraction: 0.5 };
const CAPS = { setMtime: true, checksums: [], etags: true };

const sf = (rel: string): ScannedFile => ({ rel, abs: `/share/${rel}`, size: 10, mtimeMs: 1e6 });
const fresh = (rel: string): FreshFile => ({ ...sf(rel), digests: "at-upload" });
const hashed = (rel: string, sha = `sha-${rel}`): LocalFile => ({ ...sf(rel), sha256: sha });
const je = (rel: string, sha = `sha-${rel}`): JournalEntry => ({
  size: 10,
  mtimeMs: 1e6,
  sha256: sha,
  remotePath: rel,
  etag: `e-${rel}`,
  remoteSize: 10,
  remoteMtimeMs: 1e6,
  mtimeKept: true,
  uploadedAt: 1,
});
const re = (p: string): RemoteEntry => ({ path: p, type: "file", size: 10, etag: `e-${p}` });
function jv(entries: JournalEntry[]): JournalView {
  const m = new Map(entries.map((e) => [e.remotePath, e]));
  return {
    size: m.size,
    get: (r) => m.get(r),
    entries: () => m.entries(),
    failure: () => undefined,
  };
}
const paths = (s: Set<string>) => [...s].sort();

describe("freshPaths", () => {
  it("a new file with nothing at its remote path is fresh; a journaled one is not", () => {
    const got = freshPaths({
      files: [sf("a.pdf"), sf("B/b.pdf"), sf("known.pdf")],
      journal: jv([je("known.pdf")]),
      listing: [re("known.pdf"), re("B/b.pdf")],
      unreadable: [],
    });
    expect(paths(got)).toEqual(["a.pdf"]);
  });

  it("on a quick pass (no listing) every new file is fresh", () => {
    const got = freshPaths({
      files: [sf("a.pdf"), sf("b.pdf")],
      journal: jv([]),
      listing: undefined,
      unreadable: [],
    });
    expect(paths(got)).toEqual(["a.pdf", "b.pdf"]);
  });

  it("no file is fresh once a synced file vanished (a MOVE is found by SHA-256)", () => {
    const got = freshPaths({
      files: [sf("new.pdf"), sf("kept.pdf")],
      journal: jv([je("kept.pdf"), je("gone.pdf")]),
      listing: undefined,
      unreadable: [],
    });
    expect(paths(got)).toEqual([]);
  });

  it("a synced file below an unreadable folder has not vanished", () => {
    const got = freshPaths({
      files: [sf("new.pdf")],
      journal: jv([je("locked/x.pdf")]),
      listing: undefined,
      unreadable: ["locked"],
    });
    expect(paths(got)).toEqual(["new.pdf"]);
  });
});

describe("planMirror with fresh files", () => {
  it("plans a fresh file as a plain new upload (If-None-Match), next to hashed ones", () => {
    const p = planMirror({
      local: [fresh("A/x.pdf"), hashed("y.pdf")],
      journal: jv([]),
      remote: { entries: [], caps: CAPS },
      now: NOW,
      config: CFG,
    });
    expect(p.actions).toEqual([
      { kind: "mkdir", path: "A" },
      {
        kind: "upload",
        rel: "A/x.pdf",
        remotePath: "A/x.pdf",
        local: fresh("A/x.pdf"),
        ifNoneMatch: true,
        reason: "new",
      },
      expect.objectContaining({ kind: "upload", rel: "y.pdf", reason: "new", ifNoneMatch: true }),
    ]);
  });

  it("refuses a fresh file the journal knows (the caller must hash it)", () => {
    expect(() =>
      planMirror({ local: [fresh("x.pdf")], journal: jv([je("x.pdf")]), now: NOW, config: CFG }),
    ).toThrow(/x\.pdf is in the journal but came unhashed/);
  });

  it("never makes a fresh file a MOVE target; a hashed one with the same content is", () => {
    const j = jv([je("old1.pdf", "S"), je("old2.pdf", "S"), je("k1.pdf"), je("k2.pdf")]);
    const local = [fresh("new1.pdf"), hashed("new2.pdf", "S"), hashed("k1.pdf"), hashed("k2.pdf")];
    const p = planMirror({ local, journal: j, now: NOW, config: CFG });
    const moves = p.actions.filter((a) => a.kind === "move");
    expect(moves).toHaveLength(1);
    expect(moves[0]).toMatchObject({ from: "old1.pdf", to: "new2.pdf" });
    expect(p.actions.filter((a) => a.kind === "upload").map((a) => a.rel)).toEqual(["new1.pdf"]);
    expect(p.actions.filter((a) => a.kind === "trash").map((a) => a.rel)).toEqual(["old2.pdf"]);
  });
});
