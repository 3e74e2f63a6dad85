/**
 * End to end with the real program: `arsipd sync` mirrors the share to the SabreDAV test server,
 * `arsipd index` then gives each published decree a public link (the password reaches the OCS
 * calls from ARSIPD_REMOTE_PASSWORD, never the log) and every urlDownload of the feed downloads
 * the decree's PDF without a login.
 */
import { readFile, writeFile } from "node:fs/promises";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { jdihnFeedSchema } from "../../src/register/jdihn-schema.js";
import { runCli } from "../helpers/cli.js";
import { minimalPdf, put, tempDir } from "../register/helpers.js";
import { type DavServer, startSabre } from "../servers/index.js";

let server: DavServer;
beforeAll(async () => {
  server = await startSabre();
}, 60_000);
afterAll(async () => {
  await server?.stop();
});

describe("arsipd sync + index with feed.publicLinks", () => {
  it("publishes every filed PDF decree with a working public link, never the draft", async () => {
    const dir = await tempDir("arsipd-pubcli-");
    const share = path.join(dir, "arsip");
    const pdf = minimalPdf(["KEPUTUSAN", "NOMOR 12 TAHUN 2024", "TENTANG", "PENETAPAN DPT"]);
    await put(share, "MASUK/SK Ketua No 12 Th 2024 ttg Penetapan DPT.pdf", pdf);
    await put(share, "MASUK/SK Ketua No 13 Th 2024 ttg Pelantikan PPK.docx", "draft");
    const configFile = path.join(dir, "arsipd.yaml");
    await writeFile(
      configFile,
      [
        "share: ./arsip",
        "stateDir: ./state",
        "remote:",
        "  type: webdav",
        `  url: ${server.url}`,
        `  username: ${server.username}`,
        "  root: /Arsip",
        "  retries: 0",
        "watch:",
        "  stabilityMs: 0",
        "feed:",
        "  publicLinks: ocs-v1",
        "",
      ].join("\n"),
    );
    const env = { ARSIPD_REMOTE_PASSWORD: server.password };
    const sync = await runCli(["sync", "-c", configFile], { cwd: dir, env, timeoutMs: 60_000 });
    expect(sync.code, sync.stderr + sync.stdout).toBe(0);
    const index = await runCli(["index", "-c", configFile], { cwd: dir, env, timeoutMs: 60_000 });
    expect(index.code, index.stderr).toBe(0);
    const feed = jdihnFeedSchema.parse(
      JSON.parse(await readFile(path.join(share, "jdihn.json"), "utf8")),
    );
    expect(feed.map((i) => i.idData)).toEqual(["KPT-KETUA-2024-12"]);
    const res = await fetch(feed[0]!.urlDownload);
    expect(res.status).toBe(200);
    expect(Buffer.from(await res.arrayBuffer()).equals(pdf)).toBe(true);
    const logs = await readFile(path.join(dir, "state", "logs", "arsipd.1.log"), "utf8").catch(
      () => "",
    );
    expect(logs + sync.stdout + sync.stderr + index.stdout + index.stderr).not.toContain(
      server.password,
    );
  }, 120_000);
});
