/**
 * Folder-ETag discovery against a real OwnCloud-like server (SabreDAV, folder ETags that change
 * with anything below them) behind a request-counting proxy: a no-change full pass reads one
 * folder, yet every kind of change made on the server behind arsipd's back is still found.
 */
import { rm, writeFile } from "node:fs/promises";
import path from "node:path";
import pino from "pino";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { Secret } from "../../src/config/secret.js";
import { mirrorPass } from "../../src/mirror/pass.js";
import { WebDavRemote } from "../../src/remote/webdav.js";
import { Journal } from "../../src/state/journal.js";
import { type FaultProxy, startFaultProxy } from "../servers/fault-proxy.js";
import { type DavServer, startRclone, startSabre } from "../servers/index.js";
import { closeAll, put, setup, tree } from "./helpers.js";

const FILES = [
  "KPT-KETUA/2023/KPT-KETUA_2023_001_a.pdf",
  "KPT-KETUA/2024/KPT-KETUA_2024_001_b.pdf",
  "KPT-KETUA/2024/KPT-KETUA_2024_002_c.pdf",
  "KPT-SEKRETARIS/2024/KPT-SEKRETARIS_2024_001_d.pdf",
];

describe.each([
  ["SabreDAV (OwnCloud)", startSabre, true],
  ["rclone serve webdav", startRclone, false],
] as const)("full passes on %s", (_name, start, trustsFolders) => {
  let server: DavServer;
  let proxy: FaultProxy;
  beforeAll(async () => {
    server = await start();
    proxy = await startFaultProxy(server.url);
  });
  afterAll(async () => {
    await proxy?.close();
    await server?.stop();
  });
  afterEach(closeAll);

  /** A share mirrored once to its own fresh remote folder, and a pass that counts PROPFINDs. */
  async function mirrored() {
    const t = await setup();
    const folder = `d${Math.random().toString(36).slice(2, 10)}`;
    const remote = remoteAt(folder);
    const ctx = { ...t, remote };
    for (const [i, f] of FILES.entries()) await put(t.share, f, `isi ${i}`);
    const first = await mirrorPass(ctx, { full: true });
    expect(first).toMatchObject({ uploaded: FILES.length, failed: 0 });
    const pass = async (o: { deep?: boolean } = {}) => {
      proxy.requests.length = 0;
      const s = await mirrorPass(ctx, { full: true, ...o });
      const reads = proxy.requests.filter((r) => r.method === "PROPFIND").length;
      return { s, reads };
    };
    // Someone else's client on the same account, straight to the server (not through the proxy).
    const other = () => new WebDavRemote({ ...remoteOptions(folder), url: server.url });
    return { ctx, remote, other, onDisk: path.join(server.root, folder), pass };
  }
  const remoteOptions = (folder: string) => ({
    url: proxy.url,
    username: server.username,
    password: new Secret(server.password),
    root: `/${folder}`,
    concurrency: 4,
    timeoutMs: 30_000,
    retries: 2,
    retryBaseDelayMs: 10,
    log: pino({ level: "silent" }),
  });
  const remoteAt = (folder: string) => new WebDavRemote(remoteOptions(folder));

  it("a no-change pass reads one folder where folder ETags are trusted, every folder elsewhere", async () => {
    const { remote, pass } = await mirrored();
    const settle = await pass();
    expect(settle.s).toMatchObject({ uploaded: 0, failed: 0, conflicts: 0 });
    // Folders: root, 2 jenis, 3 years = 6 listings without trusted ETags. The end of the
    // mirror recorded the year folders and then the folders above them, up to the root: the
    // first pass after it reads the root's ETag alone.
    if (trustsFolders) expect(settle.reads).toBe(1);
    else expect(settle.reads).toBeGreaterThanOrEqual(6);
    const { s, reads } = await pass();
    expect(s).toMatchObject({ uploaded: 0, failed: 0, conflicts: 0 });
    if (trustsFolders) expect(reads).toBe(1);
    else expect(reads).toBeGreaterThanOrEqual(6);
    const deep = await pass({ deep: true });
    expect(deep.s).toMatchObject({ uploaded: 0, failed: 0 });
    expect(deep.reads).toBeGreaterThanOrEqual(6);
    await remote.close();
  });

  it("trusts folder ETags as OwnCloud does; `deep` finds what bypassed the server", async () => {
    const { ctx, remote, onDisk, pass } = await mirrored();
    await pass();
    // Deleted on the server's disk, not through WebDAV: OwnCloud itself would not know yet.
    await rm(path.join(onDisk, FILES[1]!));
    const { s } = await pass();
    if (trustsFolders) {
      expect(s.uploaded).toBe(0); // no ETag above it changed
      expect((await pass({ deep: true })).s).toMatchObject({ uploaded: 1, failed: 0 });
    } else expect(s).toMatchObject({ uploaded: 1, failed: 0 });
    expect(await tree(onDisk)).toEqual(await tree(ctx.share));
    await remote.close();
  });

  it("finds a file changed by someone else through WebDAV and keeps their copy", async () => {
    const { ctx, remote, other, pass } = await mirrored();
    await pass();
    const them = other();
    const f = path.join(ctx.base, "theirs.txt");
    await writeFile(f, "THEIR VERSION");
    // Their edit goes through WebDAV: every ancestor's ETag changes.
    await them.put(FILES[2]!, f, { size: 13, mtimeMs: Date.now() });
    await them.close();
    const { s, reads } = await pass();
    expect(s).toMatchObject({ conflicts: 1, uploaded: 1, failed: 0 });
    // Only the changed branch is read (stat of the root + root, jenis, year); after the upload
    // the same branch is read once more to record its new ETags (year, jenis, root).
    if (trustsFolders) expect(reads).toBe(7);
    const after = await pass();
    expect(after.s).toMatchObject({ conflicts: 0, uploaded: 0, failed: 0 });
    if (trustsFolders) expect(after.reads).toBe(1);
    await remote.close();
  });

  it("finds a file deleted through WebDAV and a foreign file added beside ours", async () => {
    const { ctx, remote, other, onDisk, pass } = await mirrored();
    await pass();
    const them = other();
    await them.move(FILES[3]!, "moved-away.pdf");
    const f = path.join(ctx.base, "foreign.txt");
    await writeFile(f, "foreign");
    await them.put("KPT-KETUA/2023/foreign.pdf", f, { size: 7, mtimeMs: Date.now() });
    await them.close();
    const { s } = await pass();
    expect(s).toMatchObject({ uploaded: 1, conflicts: 0, failed: 0 });
    expect((await pass()).s).toMatchObject({ uploaded: 0, failed: 0 });
    const mine = (r: string) => r !== "moved-away.pdf" && !r.endsWith("foreign.pdf");
    expect(await tree(onDisk, mine)).toEqual(await tree(ctx.share));
    await remote.close();
  });

  it("keeps what it learnt across a restart (the journal holds the folder ETags)", async () => {
    const { ctx, remote, pass } = await mirrored();
    await pass();
    await ctx.journal.close();
    const journal = await Journal.open(ctx.state);
    try {
      proxy.requests.length = 0;
      const s = await mirrorPass({ ...ctx, journal }, { full: true });
      expect(s).toMatchObject({ uploaded: 0, failed: 0 });
      const reads = proxy.requests.filter((r) => r.method === "PROPFIND").length;
      if (trustsFolders) expect(reads).toBe(1);
      else expect(reads).toBeGreaterThanOrEqual(6);
    } finally {
      await journal.close();
    }
    await remote.close();
  });

  it("a dry run plans from what it reads but records nothing", async () => {
    const { ctx, remote, other, pass } = await mirrored();
    await pass();
    const them = other();
    const f = path.join(ctx.base, "new-elsewhere.txt");
    await writeFile(f, "theirs");
    await them.put("KPT-KETUA/2023/theirs.pdf", f, { size: 6, mtimeMs: Date.now() });
    await them.close();
    const before = [...ctx.journal.folderEtags()];
    const dry = await mirrorPass(ctx, { full: true, dryRun: true });
    expect(dry.plan).toEqual([]);
    expect([...ctx.journal.folderEtags()]).toEqual(before);
    if (trustsFolders) expect(before.length).toBeGreaterThan(0);
    await remote.close();
  });

  it("refuses, not skips, when the whole remote folder is gone", async () => {
    const { remote, onDisk, pass } = await mirrored();
    await pass();
    const top = new WebDavRemote({ ...remoteOptions(""), url: server.url });
    await top.move(path.basename(onDisk), `${path.basename(onDisk)}-renamed`);
    await top.close();
    const { s } = await pass();
    expect(s.refused).toMatch(/remote looks empty/);
    expect(s.uploaded).toBe(0);
    await remote.close();
  });
});

describe("journal folder ETags", () => {
  afterEach(closeAll);
  it("survive compaction and reopening; files are indexed by remote folder", async () => {
    const t = await setup();
    const j = await Journal.open(path.join(t.base, "j"), { compactBytes: 1 });
    const entry = (remotePath: string) => ({
      size: 1,
      mtimeMs: 1,
      sha256: "a",
      remotePath,
      remoteSize: 1,
      mtimeKept: true,
      uploadedAt: 1,
    });
    j.set("A/x.pdf", entry("A/x.pdf"));
    j.set("A/y.pdf", entry("A/y.pdf"));
    j.set("B/z.pdf", entry("B/z.pdf"));
    j.setFolderEtag("A", '"e1"');
    j.setFolderEtag("B", '"e2"');
    j.forgetFolderEtag("B");
    j.rename("A/y.pdf", "B/y.pdf");
    await j.close();
    const k = await Journal.open(path.join(t.base, "j"));
    expect([...k.folderEtags()]).toEqual([["A", '"e1"']]);
    expect([...k.filesInRemoteDir("A")]).toEqual(["A/x.pdf"]);
    expect([...k.filesInRemoteDir("B")].sort()).toEqual(["B/y.pdf", "B/z.pdf"]);
    k.delete("B/z.pdf");
    expect([...k.filesInRemoteDir("B")]).toEqual(["B/y.pdf"]);
    await k.close();
  });
});
