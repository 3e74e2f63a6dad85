/**
 * The planner on servers that are not OwnCloud (issue #13): a weak ETag of our own upload is not
 * someone else's edit, and a truncated copy of our own interrupted upload (an intent in the
 * journal) is replaced, never kept as a konflik copy.
 */
import { describe, expect, it } from "vitest";
import { type JournalView, planMirror } from "../../src/mirror/plan.js";
import type { LocalFile } from "../../src/mirror/types.js";
import type { RemoteCapabilities, RemoteEntry } from "../../src/remote/types.js";
import type { JournalEntry, UploadIntent } from "../../src/state/journal-types.js";

const NOW = new Date(2024, 4, 2, 13, 4, 5);
const CFG = { mode: "trash" as const, trashDir: "_Dihapus", maxFraction: 0.1 };
/** Apache mod_dav_fs: no mtime kept, no checksums, weak ETags for fresh files. */
const APACHE: RemoteCapabilities = {
  setMtime: false,
  checksums: [],
  etags: true,
  folderEtags: false,
  weakEtags: true,
};
const SABRE: RemoteCapabilities = { ...APACHE, setMtime: true, checksums: ["sha1"] };

const local: LocalFile = {
  rel: "A/x.pdf",
  abs: "/share/A/x.pdf",
  size: 10,
  mtimeMs: 1_000_000,
  sha256: "s256",
  sha1: "s1",
};
const entry = (etag: string, remoteMtimeMs = 2_000_000): JournalEntry => ({
  size: 10,
  mtimeMs: 1_000_000,
  sha256: "s256",
  sha1: "s1",
  remotePath: "A/x.pdf",
  etag,
  remoteSize: 10,
  remoteMtimeMs,
  mtimeKept: false,
  uploadedAt: 1,
});
function jv(entries: JournalEntry[], intents: Record<string, UploadIntent> = {}): JournalView {
  const m = new Map(entries.map((e) => [e.remotePath, e]));
  return {
    size: m.size,
    get: (r) => m.get(r),
    entries: () => m.entries(),
    failure: () => undefined,
    intent: (r) => intents[r],
  };
}
const plan = (j: JournalView, r: RemoteEntry[], caps = APACHE) =>
  planMirror({ local: [local], journal: j, remote: { entries: r, caps }, now: NOW, config: CFG });
const dir: RemoteEntry = { path: "A", type: "dir", size: 0 };
const file = (etag: string | undefined, size = 10, mtimeMs = 2_000_000): RemoteEntry => ({
  path: "A/x.pdf",
  type: "file",
  size,
  mtimeMs,
  etag,
});

describe("weak ETags", () => {
  it('W/"x" then "x" is the same file: no konflik copy, the ETag is refreshed silently', () => {
    const p = plan(jv([entry('W/"abc"')]), [dir, file('"abc"')]);
    expect(p.actions).toEqual([{ kind: "refresh", rel: "A/x.pdf", local, remote: file('"abc"') }]);
  });

  it("a new ETag with the same size and time is not an edit by someone else", () => {
    const p = plan(jv([entry('W/"abc-1"')]), [dir, file('"abc-2"')]);
    expect(p.actions.map((a) => a.kind)).toEqual(["refresh"]);
  });

  it("a new ETag with the same size but another modification time is an edit", () => {
    const p = plan(jv([entry('"abc"')]), [dir, file('"def"', 10, 9_000_000)]);
    expect(p.actions.map((a) => a.kind)).toEqual(["conflict-keep"]);
  });

  it("a new ETag with the same size but another server checksum is an edit", () => {
    const r = { ...file('"def"'), checksums: { sha1: "other" } };
    const p = plan(jv([entry('"abc"')]), [dir, r], SABRE);
    expect(p.actions.map((a) => a.kind)).toEqual(["conflict-keep"]);
  });

  it("another size is always an edit", () => {
    const p = plan(jv([entry('"abc"')]), [dir, file('"abc"', 11)]);
    expect(p.actions.map((a) => a.kind)).toEqual(["conflict-keep"]);
  });

  it("an unchanged strong ETag plans nothing", () => {
    expect(plan(jv([entry('"abc"')]), [dir, file('"abc"')]).actions).toEqual([]);
  });
});

describe("an interrupted upload of ours", () => {
  const big: LocalFile = { ...local, size: 60_000_000 };
  const intent: UploadIntent = {
    remotePath: "A/x.pdf",
    size: 60_000_000,
    sha256: "s256",
    at: 1_500_000,
  };
  const planBig = (j: JournalView, r: RemoteEntry[]) =>
    planMirror({
      local: [big],
      journal: j,
      remote: { entries: r, caps: APACHE },
      now: NOW,
      config: CFG,
    });

  it("a truncated new file at the target is replaced, not kept as a konflik copy", () => {
    const p = planBig(jv([], { "A/x.pdf": intent }), [dir, file('"t"', 21_000_000)]);
    expect(p.actions).toHaveLength(1);
    expect(p.actions[0]).toMatchObject({ kind: "upload", rel: "A/x.pdf", reason: "interrupted" });
    expect(p.actions[0]).not.toHaveProperty("ifNoneMatch");
  });

  it("a truncated replacement of a synced file is replaced too", () => {
    const old = { ...entry('"old"'), sha256: "old", size: 5, remoteSize: 5 };
    const p = planBig(jv([old], { "A/x.pdf": intent }), [dir, file('"t"', 21_000_000)]);
    expect(p.actions.map((a) => a.kind)).toEqual(["upload"]);
  });

  it("without an intent the same file is someone else's and is kept", () => {
    const p = planBig(jv([]), [dir, file('"t"', 21_000_000)]);
    expect(p.actions.map((a) => a.kind)).toEqual(["conflict-keep"]);
  });

  it("a file larger than what we sent, or older than the intent, is someone else's", () => {
    const j = jv([], { "A/x.pdf": intent });
    expect(planBig(j, [dir, file('"t"', 70_000_000)]).actions.map((a) => a.kind)).toEqual([
      "conflict-keep",
    ]);
    expect(planBig(j, [dir, file('"t"', 100, 1_000)]).actions.map((a) => a.kind)).toEqual([
      "conflict-keep",
    ]);
  });
});
