/**
 * Public links for the JDIHN feed against the SabreDAV test server's OCS Share API (v1 and v2
 * shapes): every urlDownload in the feed downloads the decree's PDF bytes without a login, drafts
 * are never published, revoked decrees lose their link, cached links are re-checked, and a
 * server policy that forces passwords publishes nothing broken.
 */
import { cp, readFile, rm, writeFile } from "node:fs/promises";
import path from "node:path";
import pino from "pino";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Config, configSchema } from "../../src/config/schema.js";
import { Secret } from "../../src/config/secret.js";
import { makePublicLinks } from "../../src/publish/index.js";
import { OcsClient } from "../../src/publish/ocs.js";
import { buildRegister } from "../../src/register/build.js";
import { type JdihnItem, jdihnFeedSchema } from "../../src/register/jdihn-schema.js";
import { fakeParse, minimalPdf, put, tempDir } from "../register/helpers.js";
import { type DavServer, startSabre } from "../servers/index.js";

const PDF_12 = "KPT-KETUA/2024/KPT-KETUA_2024_012_penetapan-dpt.pdf";
const PDF_5A = "KPT-KETUA/2024/KPT-KETUA_2024_005A_perubahan.pdf";
const DRAFT = "KPT-KETUA/2024/KPT-KETUA_2024_001_pembentukan-ppk.docx";
const PDF_S3 = "KPT-SEKRETARIS/2023/KPT-SEKRETARIS_2023_003_pembentukan-tim.pdf";

let server: DavServer;
let share: string;

beforeAll(async () => {
  server = await startSabre();
  share = await tempDir("arsipd-pub-");
  await put(share, PDF_12, minimalPdf(["NOMOR 12 TAHUN 2024", "TENTANG", "PENETAPAN DPT"]));
  await put(share, "KPT-KETUA/2024/KPT-KETUA_2024_012_LAMPIRAN-1_daftar.pdf", minimalPdf(["L"]));
  await put(share, PDF_5A, minimalPdf(["TENTANG", "PERUBAHAN"]));
  await put(share, DRAFT, "draft bytes");
  await put(share, PDF_S3, minimalPdf(["SEKRETARIS"]));
  await writeMeta("");
  // What the mirror would have put on the server: the share's files under remote.root.
  await cp(share, path.join(server.root, "Arsip"), { recursive: true });
}, 60_000);

afterAll(async () => {
  await server?.stop();
});

async function writeMeta(status12: string): Promise<void> {
  await put(
    share,
    "Metadata-Keputusan.csv",
    `\uFEFFJenis;Tahun;Nomor;Status\r\nKPT-KETUA;2024;12;${status12}\r\n`,
  );
}

function configFor(stateDir: string, mode: "ocs-v1" | "ocs-v2", webdav = true): Config {
  return configSchema.parse({
    share,
    stateDir,
    remote: webdav
      ? { type: "webdav", url: server.url, username: server.username, root: "/Arsip", retries: 0 }
      : { type: "local" },
    index: { enabled: false },
    feed: { publicLinks: mode },
  });
}

function logger() {
  const lines: string[] = [];
  return { log: pino({ level: "info" }, { write: (s: string) => lines.push(s) }), lines };
}

async function build(stateDir: string, mode: "ocs-v1" | "ocs-v2", recheckMs?: number) {
  const config = configFor(stateDir, mode);
  const { log, lines } = logger();
  await buildRegister({
    config,
    log,
    now: new Date(),
    parse: fakeParse,
    readPdfText: false,
    publicLinks: makePublicLinks(
      config,
      new Secret(server.password),
      log,
      recheckMs === undefined ? {} : { recheckMs },
    ),
  });
  const feed = jdihnFeedSchema.parse(
    JSON.parse(await readFile(path.join(share, "jdihn.json"), "utf8")),
  );
  return { feed, lines };
}

async function serverShares(): Promise<{ id: string; path: string; token: string }[]> {
  try {
    const db = JSON.parse(
      await readFile(path.join(server.root, "..", "control", "shares.json"), "utf8"),
    );
    return Object.values(db.shares);
  } catch {
    return [];
  }
}

async function expectDownloads(feed: JdihnItem[]): Promise<void> {
  for (const item of feed) {
    expect(item.urlDownload).toMatch(
      /^http:\/\/127\.0\.0\.1:\d+\/index\.php\/s\/[A-Za-z0-9]{15}\/download$/,
    );
    const res = await fetch(item.urlDownload); // no credentials: as JDIHN harvests
    expect(res.status, item.urlDownload).toBe(200);
    const bytes = Buffer.from(await res.arrayBuffer());
    const rel = [PDF_12, PDF_5A, PDF_S3].find((r) => path.basename(r) === item.fileDownload)!;
    expect(bytes.equals(await readFile(path.join(share, rel)))).toBe(true);
  }
}

describe("public links (ownCloud 10, OCS v1)", () => {
  let stateDir: string;
  beforeAll(async () => {
    stateDir = await tempDir("arsipd-pub-state-");
  });

  it("publishes every PDF decree with a working public link, never the draft", async () => {
    const { feed } = await build(stateDir, "ocs-v1");
    expect(feed.map((i) => i.idData).sort()).toEqual([
      "KPT-KETUA-2024-12",
      "KPT-KETUA-2024-5A",
      "KPT-SEKRETARIS-2023-3",
    ]);
    expect(feed.some((i) => i.fileDownload.endsWith(".docx"))).toBe(false);
    await expectDownloads(feed);
    const shares = await serverShares();
    expect(shares.map((s) => s.path).sort()).toEqual(
      [PDF_12, PDF_5A, PDF_S3].map((r) => `/Arsip/${r}`).sort(),
    );
    const cached = JSON.parse(await readFile(path.join(stateDir, "public-links.json"), "utf8"));
    expect(Object.keys(cached).sort()).toEqual([PDF_12, PDF_5A, PDF_S3].sort());
  });

  it("a rebuild reuses the links: no new share, same URLs", async () => {
    const before = await serverShares();
    const first = JSON.parse(await readFile(path.join(share, "jdihn.json"), "utf8"));
    const { feed } = await build(stateDir, "ocs-v1", 0); // re-check every cached link
    expect(await serverShares()).toEqual(before);
    expect(feed.map((i) => i.urlDownload)).toEqual(first.map((i: JdihnItem) => i.urlDownload));
  });

  it("a link deleted on the server is found missing at the re-check and made again", async () => {
    const gone = (await serverShares()).find((s) => s.path === `/Arsip/${PDF_S3}`)!;
    const client = new OcsClient({
      base: server.baseUrl,
      version: 1,
      username: server.username,
      password: new Secret(server.password),
      timeoutMs: 10_000,
      retries: 0,
    });
    await client.remove(gone.id);
    expect((await fetch(`${server.baseUrl}/index.php/s/${gone.token}/download`)).status).toBe(404);
    const { feed } = await build(stateDir, "ocs-v1", 0);
    const item = feed.find((i) => i.idData === "KPT-SEKRETARIS-2023-3")!;
    expect(item.urlDownload).not.toContain(gone.token);
    await expectDownloads(feed);
  });

  it("a revoked (dicabut) decree loses its link and leaves the feed", async () => {
    const old = (await serverShares()).find((s) => s.path === `/Arsip/${PDF_12}`)!;
    await writeMeta("dicabut");
    try {
      const { feed } = await build(stateDir, "ocs-v1");
      expect(feed.map((i) => i.idData)).not.toContain("KPT-KETUA-2024-12");
      expect((await serverShares()).some((s) => s.id === old.id)).toBe(false);
      expect((await fetch(`${server.baseUrl}/index.php/s/${old.token}/download`)).status).toBe(404);
      await expectDownloads(feed);
    } finally {
      await writeMeta("");
    }
  });
});

describe("public links (Nextcloud shape, OCS v2) and server policy", () => {
  it("v2 answers: errors carry the HTTP status, missing paths are null, deletes are idempotent", async () => {
    const client = new OcsClient({
      base: server.baseUrl,
      version: 2,
      username: server.username,
      password: new Secret(server.password),
      timeoutMs: 10_000,
      retries: 0,
    });
    expect(await client.sharesOf("/Arsip/tidak-ada.pdf")).toBeNull();
    await expect(client.remove("999999")).resolves.toBeUndefined();
    const made = await client.createLink(`/Arsip/${PDF_5A}`);
    expect(made.shareType).toBe(3);
    expect((await client.get(made.id))?.token).toBe(made.token);
    await client.remove(made.id);
    expect(await client.get(made.id)).toBeNull();
    const raw = await fetch(
      `${server.baseUrl}/ocs/v2.php/apps/files_sharing/api/v1/shares?path=/nope&format=json`,
      {
        headers: {
          "OCS-APIRequest": "true",
          Authorization: `Basic ${Buffer.from(`${server.username}:${server.password}`).toString("base64")}`,
        },
      },
    );
    expect(raw.status).toBe(404);
    expect(
      ((await raw.json()) as { ocs: { meta: { statuscode: number } } }).ocs.meta.statuscode,
    ).toBe(404);
  });

  it("a password policy: one clear line, no link made, no broken URL published, password never logged", async () => {
    const control = path.join(server.root, "..", "control");
    const stateDir = await tempDir("arsipd-pub-state2-");
    await rm(path.join(control, "shares.json"), { force: true });
    await writeFile(path.join(control, "share-policy.json"), '{"enforcePassword":true}');
    try {
      const { feed, lines } = await build(stateDir, "ocs-v2");
      expect(feed).toEqual([]);
      expect(await serverShares()).toEqual([]);
      const policy = lines.filter((l) => l.includes("Passwords are enforced for link shares"));
      expect(policy).toHaveLength(1);
      expect(JSON.parse(policy[0]!).msg).toMatch(/3 decree\(s\) left out of the JDIHN feed/);
      expect(lines.join("\n")).not.toContain(server.password);
    } finally {
      await rm(path.join(control, "share-policy.json"), { force: true });
    }
    const { feed } = await build(stateDir, "ocs-v2");
    expect(feed).toHaveLength(3);
    await expectDownloads(feed);
  });

  it("a link with a password made by hand is not reused", async () => {
    const control = path.join(server.root, "..", "control");
    const db = JSON.parse(await readFile(path.join(control, "shares.json"), "utf8"));
    for (const s of Object.values(db.shares) as { password: string }[]) s.password = "rahasia";
    await writeFile(path.join(control, "shares.json"), JSON.stringify(db));
    const stateDir = await tempDir("arsipd-pub-state3-");
    const { feed } = await build(stateDir, "ocs-v2");
    expect(feed).toHaveLength(3);
    await expectDownloads(feed); // protected links would answer 404 to a harvester
  });

  it("off, or a local remote: no OCS call, the feed links to the web page as before", () => {
    const { log } = logger();
    expect(
      makePublicLinks(configFor("/nonexistent", "ocs-v1", false), undefined, log),
    ).toBeUndefined();
  });
});
