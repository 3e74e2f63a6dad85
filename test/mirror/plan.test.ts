import { describe, expect, it } from "vitest";
import { type JournalView, needsHash, planMirror } from "../../src/mirror/plan.js";
import type { LocalFile } from "../../src/mirror/types.js";
import type { RemoteCapabilities, RemoteEntry } from "../../src/remote/types.js";
import type { FailureEntry, JournalEntry } from "../../src/state/journal-types.js";

const NOW = new Date(2024, 4, 2, 13, 4, 5);
const CFG = {
  mode: "trash" as const,
  trashDir: "_Dihapus",
  maxFraction: 0.1,
  minFiles: 1,
};
const CAPS: RemoteCapabilities = {
  setMtime: true,
  checksums: [],
  etags: true,
  folderEtags: false,
};

function lf(rel: string, sha = `sha-${rel}`, size = 10, mtimeMs = 1_000_000): LocalFile {
  return { rel, abs: `/share/${rel}`, size, mtimeMs, sha256: sha };
}
function je(rel: string, sha = `sha-${rel}`, size = 10, mtimeMs = 1_000_000): JournalEntry {
  return {
    size,
    mtimeMs,
    sha256: sha,
    remotePath: rel,
    etag: `e-${rel}`,
    remoteSize: size,
    remoteMtimeMs: mtimeMs,
    mtimeKept: true,
    uploadedAt: 1,
  };
}
function re(p: string, etag = `e-${p}`, size = 10, mtimeMs = 1_000_000): RemoteEntry {
  return { path: p, type: "file", size, mtimeMs, etag };
}
function jv(entries: JournalEntry[], failures: Record<string, FailureEntry> = {}): JournalView {
  const m = new Map(entries.map((e) => [e.remotePath, e]));
  return {
    size: m.size,
    get: (r) => m.get(r),
    entries: () => m.entries(),
    failure: (r) => failures[r],
  };
}
const kinds = (p: { actions: { kind: string }[] }) => p.actions.map((a) => a.kind);

describe("needsHash", () => {
  it.each([
    [undefined, true],
    [je("a"), false],
    [je("a", "x", 11), true],
    [je("a", "x", 10, 5), true],
  ])("entry %# → %s", (e, want) => {
    expect(needsHash({ size: 10, mtimeMs: 1_000_000 }, e)).toBe(want);
  });
});

describe("planMirror", () => {
  const table: {
    name: string;
    local: LocalFile[];
    journal: JournalEntry[];
    remote?: RemoteEntry[];
    want: string[];
  }[] = [
    {
      name: "new file, quick pass",
      local: [lf("A/x.pdf")],
      journal: [],
      want: ["mkdir", "upload"],
    },
    { name: "unchanged", local: [lf("x.pdf")], journal: [je("x.pdf")], want: [] },
    {
      name: "unchanged, full pass, remote intact",
      local: [lf("x.pdf")],
      journal: [je("x.pdf")],
      remote: [re("x.pdf")],
      want: [],
    },
    {
      name: "changed content",
      local: [lf("x.pdf", "new")],
      journal: [je("x.pdf")],
      want: ["upload"],
    },
    {
      name: "same content, new mtime",
      local: [lf("x.pdf", "sha-x.pdf", 10, 2_000_000)],
      journal: [je("x.pdf")],
      want: ["refresh"],
    },
    {
      name: "remote missing on full pass",
      local: [lf("x.pdf")],
      journal: [je("x.pdf")],
      remote: [re("other")],
      want: ["upload"],
    },
    {
      name: "remote changed by someone",
      local: [lf("x.pdf")],
      journal: [je("x.pdf")],
      remote: [re("x.pdf", "other", 12)],
      want: ["conflict-keep"],
    },
    {
      name: "crash recovery: remote has it, journal not",
      local: [lf("x.pdf")],
      journal: [],
      remote: [re("x.pdf", "e9")],
      want: ["adopt"],
    },
    {
      name: "unknown remote file at new name",
      local: [lf("x.pdf")],
      journal: [],
      remote: [re("x.pdf", "e9", 99)],
      want: ["conflict-keep"],
    },
    {
      name: "rename → move",
      local: [lf("B/y.pdf", "S")],
      journal: [je("a.pdf", "S")],
      want: ["mkdir", "move"],
    },
    {
      name: "delete → trash",
      local: [
        lf("k1"),
        lf("k2"),
        lf("k3"),
        lf("k4"),
        lf("k5"),
        lf("k6"),
        lf("k7"),
        lf("k8"),
        lf("k9"),
        lf("k10"),
      ],
      journal: ["k1", "k2", "k3", "k4", "k5", "k6", "k7", "k8", "k9", "k10", "gone"].map((r) =>
        je(r),
      ),
      want: ["mkdir", "mkdir", "trash"],
    },
    {
      name: "vanished and already gone remotely",
      local: [lf("k")],
      journal: [je("k"), je("g")],
      remote: [re("k")],
      want: ["forget"],
    },
  ];
  it.each(table)("$name", ({ local, journal, remote, want }) => {
    const plan = planMirror({
      local,
      journal: jv(journal),
      remote: remote && { entries: remote, caps: CAPS },
      now: NOW,
      config: CFG,
    });
    expect(kinds(plan)).toEqual(want);
    expect(plan.refused).toBeUndefined();
  });

  it("uploads with If-Match our last ETag, and If-None-Match when new", () => {
    const p = planMirror({
      local: [lf("a", "new"), lf("b")],
      journal: jv([je("a")]),
      now: NOW,
      config: CFG,
    });
    expect(p.actions).toMatchObject([
      { kind: "upload", rel: "a", ifMatch: "e-a" },
      { kind: "upload", rel: "b", ifNoneMatch: true },
    ]);
  });

  it("names trash and konflik targets with the date", () => {
    const keep = planMirror({
      local: [lf("d/x.pdf")],
      journal: jv([je("d/x.pdf")]),
      remote: { entries: [re("d/x.pdf", "zz", 12)], caps: CAPS },
      now: NOW,
      config: CFG,
    });
    expect(keep.actions[0]).toMatchObject({
      kind: "conflict-keep",
      keepAs: "d/x (konflik 2024-05-02 130405).pdf",
    });
    const tr = planMirror({
      local: [lf("k")],
      journal: jv([je("k"), je("d/y.pdf")]),
      now: NOW,
      config: { ...CFG, maxFraction: 0.5 },
    });
    expect(tr.actions.find((a) => a.kind === "trash")).toMatchObject({
      to: "_Dihapus/2024-05-02/d/y.pdf",
    });
    expect(
      tr.actions.filter((a) => a.kind === "mkdir").map((a) => (a as { path: string }).path),
    ).toEqual(["_Dihapus", "_Dihapus/2024-05-02", "_Dihapus/2024-05-02/d"]);
  });

  it("mode keep forgets instead of trashing", () => {
    const p = planMirror({
      local: [lf("k")],
      journal: jv([je("k"), je("y")]),
      now: NOW,
      config: { ...CFG, mode: "keep", maxFraction: 0.5 },
    });
    expect(kinds(p)).toEqual(["forget"]);
  });

  it("refuses a mass vanish: no trash, no move, move targets not uploaded", () => {
    const journal = jv(Array.from({ length: 20 }, (_, i) => je(`f${i}`)));
    const local = [lf("f0"), lf("f1"), lf("renamed", "sha-f2"), lf("brand-new")];
    const p = planMirror({ local, journal, now: NOW, config: CFG });
    expect(p.refused?.reason).toBe("mass-vanish");
    expect(p.refused?.message).toMatch(/17 of 20/);
    expect(kinds(p)).toEqual(["upload"]);
    expect(p.actions[0]).toMatchObject({ rel: "brand-new" });
    const ok = planMirror({ local, journal, now: NOW, config: CFG, acceptVanished: true });
    expect(ok.refused).toBeUndefined();
    expect(kinds(ok).filter((k) => k === "trash")).toHaveLength(17);
  });

  it("the vanish guard has an absolute floor: a few renames on a small archive pass", () => {
    const journal = jv(Array.from({ length: 20 }, (_, i) => je(`f${i}`)));
    const few = [lf("f0"), lf("f1"), lf("f2"), lf("f3"), lf("f4"), lf("f5"), lf("f6"), lf("f7")];
    // 12 of 20 vanished: > 10 %, but under the floor of 20 files.
    const small = planMirror({ local: few, journal, now: NOW, config: { ...CFG, minFiles: 20 } });
    expect(small.refused).toBeUndefined();
    expect(kinds(small).filter((k) => k === "trash")).toHaveLength(12);
    const big = jv(Array.from({ length: 100 }, (_, i) => je(`f${i}`)));
    const p = planMirror({ local: few, journal: big, now: NOW, config: { ...CFG, minFiles: 20 } });
    expect(p.refused?.reason).toBe("mass-vanish");
  });

  it("refuses when the remote looks empty (unmounted NAS) on a full pass", () => {
    const p = planMirror({
      local: [lf("a")],
      journal: jv([je("a")]),
      remote: { entries: [], caps: CAPS },
      now: NOW,
      config: CFG,
    });
    expect(p).toMatchObject({ actions: [], refused: { reason: "empty-remote" } });
  });

  it("refuses when the share looks empty (unmounted)", () => {
    const p = planMirror({
      local: [],
      journal: jv([je("a")]),
      now: NOW,
      config: { ...CFG, maxFraction: 1 },
    });
    expect(p).toMatchObject({ actions: [], refused: { reason: "empty-share" } });
  });

  it("never treats files under an unreadable folder as vanished", () => {
    const p = planMirror({
      local: [lf("ok")],
      journal: jv([je("ok"), je("sub/a"), je("sub/b")]),
      unreadable: ["sub"],
      now: NOW,
      config: CFG,
    });
    expect(p.actions).toEqual([]);
    expect(p.refused).toBeUndefined();
  });

  it("skips files in back-off unless they changed", () => {
    const fail: FailureEntry = {
      failures: 2,
      lastError: "boom",
      nextRetryAt: NOW.getTime() + 1000,
      size: 10,
      mtimeMs: 1_000_000,
    };
    expect(
      kinds(planMirror({ local: [lf("a")], journal: jv([], { a: fail }), now: NOW, config: CFG })),
    ).toEqual(["skip"]);
    expect(
      kinds(
        planMirror({
          local: [lf("a", "s", 11)],
          journal: jv([], { a: fail }),
          now: NOW,
          config: CFG,
        }),
      ),
    ).toEqual(["upload"]);
    const past = { ...fail, nextRetryAt: NOW.getTime() - 1 };
    expect(
      kinds(planMirror({ local: [lf("a")], journal: jv([], { a: past }), now: NOW, config: CFG })),
    ).toEqual(["upload"]);
  });

  it("ignores the trash folder, hidden names and scratch files; clears old scratch", () => {
    const old = NOW.getTime() - 2 * 3600_000;
    const remote = [
      re("_Dihapus/2024-01-01/a.pdf"),
      re(".hidden"),
      re("d/.arsipd-abc.part", "s", 3, old),
      re("d/.arsipd-new.part", "s", 3, NOW.getTime()),
    ];
    const p = planMirror({
      local: [lf("_Dihapus/x.pdf")],
      journal: jv([]),
      remote: { entries: remote, caps: CAPS },
      now: NOW,
      config: CFG,
    });
    expect(p.actions).toEqual([{ kind: "remove-scratch", path: "d/.arsipd-abc.part" }]);
  });

  it("adopts by checksum when the server has one, never by a wrong checksum", () => {
    const f = { ...lf("x"), sha1: "s1" };
    const good = { ...re("x", "e", 10, 5), checksums: { sha1: "s1" } };
    const bad = { ...re("x", "e", 10, 1_000_000), checksums: { sha1: "zz" } };
    expect(
      kinds(
        planMirror({
          local: [f],
          journal: jv([]),
          remote: { entries: [good], caps: { ...CAPS, setMtime: false } },
          now: NOW,
          config: CFG,
        }),
      ),
    ).toEqual(["adopt"]);
    expect(
      kinds(
        planMirror({
          local: [f],
          journal: jv([]),
          remote: { entries: [bad], caps: CAPS },
          now: NOW,
          config: CFG,
        }),
      ),
    ).toEqual(["conflict-keep"]);
  });

  it("pairs duplicates one to one and uploads the surplus", () => {
    const p = planMirror({
      local: [lf("k"), lf("n1", "S"), lf("n2", "S")],
      journal: jv([je("k"), je("old", "S")]),
      now: NOW,
      config: { ...CFG, maxFraction: 0.5 },
    });
    expect(p.actions).toMatchObject([
      { kind: "move", from: "old", to: "n1" },
      { kind: "upload", rel: "n2" },
    ]);
  });

  it("does not move onto a name the remote already holds (full pass)", () => {
    const p = planMirror({
      local: [lf("k"), lf("b", "S")],
      journal: jv([je("k"), je("a", "S")]),
      remote: { entries: [re("k"), re("a", "e-a", 10), re("b", "eb", 10)], caps: CAPS },
      now: NOW,
      config: { ...CFG, maxFraction: 0.5 },
    });
    expect(kinds(p)).toEqual(["mkdir", "mkdir", "trash", "adopt"]);
  });
});
