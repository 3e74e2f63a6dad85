import { spawn } from "node:child_process";
import { readFile, writeFile } from "node:fs/promises";
import http from "node:http";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { jdihnFeedSchema } from "../../src/register/jdihn-schema.js";
import { BIN, runCli } from "../helpers/cli.js";
import { minimalPdf, put, tempDir } from "./helpers.js";

async function setup(): Promise<{ dir: string; configFile: string; share: string }> {
  const dir = await tempDir();
  const share = path.join(dir, "arsip");
  await put(
    share,
    "KPT-KETUA/2024/KPT-KETUA_2024_002_penetapan-dpt.pdf",
    minimalPdf(["TENTANG", "PENETAPAN DPT", "Menimbang"]),
  );
  await put(share, "KPT-KETUA/2024/Nama Bebas.pdf", "not canonical");
  const configFile = path.join(dir, "arsipd.yaml");
  await writeFile(
    configFile,
    "share: ./arsip\nstateDir: ./state\nremote:\n  type: local\n  path: ./mirror\n",
  );
  return { dir, configFile, share };
}

function request(
  port: number,
  method: string,
  urlPath = "/",
  headers: Record<string, string> = {},
): Promise<{ status: number; headers: http.IncomingHttpHeaders; body: string }> {
  return new Promise((resolve, reject) => {
    const req = http.request({ host: "127.0.0.1", port, method, path: urlPath, headers }, (res) => {
      let body = "";
      res.setEncoding("utf8");
      res.on("data", (c) => {
        body += c;
      });
      res.on("end", () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body }));
    });
    req.on("error", reject);
    req.end();
  });
}

describe("arsipd index", () => {
  it("rebuilds and reports the files as JSON, then finds nothing to rewrite", async () => {
    const { dir, configFile, share } = await setup();
    const r = await runCli(["index", "--json", "-c", configFile], { cwd: dir });
    expect(r.stderr).toBe("");
    expect(r.code).toBe(0);
    const out = JSON.parse(r.stdout);
    expect(out).toMatchObject({ decrees: 1, quarantined: 0, badMetadataRows: 0 });
    expect(out.files).toEqual([
      path.join(share, "Indeks-Keputusan.xlsx"),
      path.join(share, "Indeks-Keputusan.csv"),
      path.join(share, "jdihn.json"),
    ]);
    const feed = jdihnFeedSchema.parse(
      JSON.parse(await readFile(path.join(share, "jdihn.json"), "utf8")),
    );
    expect(feed[0]?.judul).toContain("Nomor 2 Tahun 2024 tentang Penetapan DPT");
    expect(feed[0]?.urlDownload).toBe(""); // local remote: no web link
    const again = await runCli(["index", "-c", configFile], { cwd: dir });
    expect(again.code).toBe(0);
    expect(again.stdout).toContain("tetap    ");
    expect(again.stdout).not.toContain("ditulis");
  });

  it("says in one line when the share does not exist", async () => {
    const dir = await tempDir();
    const configFile = path.join(dir, "arsipd.yaml");
    await writeFile(configFile, "share: ./nope\nstateDir: ./state\n");
    const r = await runCli(["index", "-c", configFile], { cwd: dir });
    expect(r.code).toBe(70);
    expect(r.stderr.trim().split("\n")).toHaveLength(1);
    expect(r.stderr).toMatch(/share folder .*nope does not exist/);
  });
});

describe("arsipd serve-feed", () => {
  it("serves jdihn.json read-only with ETag, and stops on SIGTERM", async () => {
    const { dir, configFile, share } = await setup();
    expect((await runCli(["index", "-c", configFile], { cwd: dir })).code).toBe(0);
    const child = spawn(
      process.execPath,
      [BIN, "serve-feed", "-c", configFile, "--listen", "127.0.0.1:0"],
      {
        cwd: dir,
        env: { ...process.env, ARSIPD_CONFIG: "" },
        stdio: ["ignore", "pipe", "pipe"],
      },
    );
    const exited = new Promise<number | null>((resolve) =>
      child.once("exit", (code) => resolve(code)),
    );
    try {
      const port = await new Promise<number>((resolve, reject) => {
        let out = "";
        child.stdout.on("data", (d) => {
          out += d;
          const m = /http:\/\/127\.0\.0\.1:(\d+)\//.exec(out);
          if (m) resolve(Number(m[1]));
        });
        child.once("exit", () => reject(new Error(`exited early: ${out}`)));
      });
      const expected = await readFile(path.join(share, "jdihn.json"), "utf8");
      const get = await request(port, "GET", "/jdihn.json");
      expect(get.status).toBe(200);
      expect(get.headers["content-type"]).toBe("application/json; charset=utf-8");
      expect(get.body).toBe(expected);
      const etag = get.headers.etag!;
      expect(etag).toMatch(/^"[0-9a-f]{64}"$/);
      const head = await request(port, "HEAD", "/");
      expect(head.status).toBe(200);
      expect(head.body).toBe("");
      expect(head.headers["content-length"]).toBe(String(Buffer.byteLength(expected)));
      expect((await request(port, "GET", "/", { "If-None-Match": etag })).status).toBe(304);
      const post = await request(port, "POST", "/");
      expect(post.status).toBe(405);
      expect(post.headers.allow).toBe("GET, HEAD");
      expect((await request(port, "PUT", "/jdihn.json")).status).toBe(405);
      expect((await request(port, "GET", "/../arsipd.yaml")).status).toBe(404);
      // a rebuilt feed is served at once, with a new ETag
      await put(share, "KPT-KETUA/2024/KPT-KETUA_2024_003_lain.pdf", "x");
      expect((await runCli(["index", "-c", configFile], { cwd: dir })).code).toBe(0);
      const fresh = await request(port, "GET", "/", { "If-None-Match": etag });
      expect(fresh.status).toBe(200);
      expect(JSON.parse(fresh.body)).toHaveLength(2);
    } finally {
      child.kill("SIGTERM");
    }
    expect(await exited).toBe(0);
  });
});
