/**
 * Special files and links where arsipd reads (#14 point 5): FIFOs, symlinks to /etc/passwd and
 * /dev/zero at the names of the metadata sheet, the register and the feed; malformed request
 * targets at the feed server. Run as processes on real files; each must end, never hang.
 */
import { execFileSync, spawn } from "node:child_process";
import { readFile, rm, symlink, writeFile } from "node:fs/promises";
import net from "node:net";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { BIN, runCli } from "../helpers/cli.js";
import { startDaemon } from "../helpers/daemon.js";
import { minimalPdf, put, tempDir } from "./helpers.js";

async function setup(): Promise<{ dir: string; configFile: string; share: string }> {
  const dir = await tempDir();
  const share = path.join(dir, "arsip");
  await put(
    share,
    "KPT-KETUA/2024/KPT-KETUA_2024_002_penetapan-dpt.pdf",
    minimalPdf(["TENTANG", "PENETAPAN DPT", "Menimbang"]),
  );
  const configFile = path.join(dir, "arsipd.yaml");
  await writeFile(
    configFile,
    "share: ./arsip\nstateDir: ./state\nremote:\n  type: local\n  path: ./mirror\n",
  );
  return { dir, configFile, share };
}

function rawRequest(port: number, head: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const s = net.connect(port, "127.0.0.1", () => s.end(head));
    let out = "";
    s.on("data", (d) => {
      out += d;
    });
    s.on("end", () => resolve(out));
    s.on("error", reject);
  });
}

describe("special files at the names arsipd reads", () => {
  it("index ends with a FIFO as the metadata sheet and a FIFO at a register name", async () => {
    const { dir, configFile, share } = await setup();
    execFileSync("mkfifo", [path.join(share, "Metadata-Keputusan.csv")]);
    execFileSync("mkfifo", [path.join(share, "Indeks-Keputusan.csv")]);
    const r = await runCli(["index", "--json", "-c", configFile], { cwd: dir, timeoutMs: 20_000 });
    expect(r.code).not.toBeNull(); // not killed by the timeout: it did not hang
    const out = JSON.parse(r.stdout);
    expect(out.decrees).toBe(1);
    expect(out.badMetadataRows).toBe(1);
    // the register file replaced the FIFO with a real file
    expect(await readFile(path.join(share, "Indeks-Keputusan.csv"), "utf8")).toContain("KPT-KETUA");
    expect(
      execFileSync("stat", ["-c", "%F", path.join(share, "Indeks-Keputusan.csv")]).toString(),
    ).toMatch(/regular/);
  });

  it("the daemon rebuilds the register past a FIFO metadata sheet and still stops on SIGTERM", async () => {
    const { dir, share } = await setup();
    execFileSync("mkfifo", [path.join(share, "Metadata-Keputusan.csv")]);
    const cfg = path.join(dir, "d.yaml");
    await writeFile(
      cfg,
      "share: ./arsip\nstateDir: ./state\nremote:\n  path: ./mirror\nindex:\n  debounceMs: 100\n",
    );
    const d = startDaemon(["-c", cfg], { cwd: dir });
    try {
      const built = await d.waitFor((l) => l.msg === "register rebuilt", 30_000);
      expect(built.badMetadataRows).toBe(1);
      d.signal("SIGTERM");
      expect((await d.exited).code).toBe(0);
    } finally {
      if (d.child.exitCode === null) d.child.kill("SIGKILL");
    }
  });

  it("index reads nothing through a metadata sheet linked to /dev/zero or /etc/passwd", async () => {
    const { dir, configFile, share } = await setup();
    await symlink("/dev/zero", path.join(share, "Metadata-Keputusan.csv"));
    const r = await runCli(["index", "--json", "-c", configFile], { cwd: dir, timeoutMs: 20_000 });
    expect(r.code).not.toBeNull();
    expect(JSON.parse(r.stdout).badMetadataRows).toBe(1);
    await rm(path.join(share, "Metadata-Keputusan.csv"));
    await symlink("/etc/passwd", path.join(share, "Metadata-Keputusan.csv"));
    const again = await runCli(["index", "--json", "-c", configFile], { cwd: dir });
    expect(JSON.parse(again.stdout).badMetadataRows).toBe(1);
  });

  it("serve-feed refuses a symlinked feed and answers 400 to a malformed target, then keeps serving", async () => {
    const { dir, configFile, share } = await setup();
    expect((await runCli(["index", "-c", configFile], { cwd: dir })).code).toBe(0);
    const feed = path.join(share, "jdihn.json");
    const real = await readFile(feed, "utf8");
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
      const bad = await rawRequest(
        port,
        "GET //[ HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n",
      );
      expect(bad).toMatch(/^HTTP\/1\.1 400/);
      const ok = await fetch(`http://127.0.0.1:${port}/jdihn.json`);
      expect(ok.status).toBe(200);
      expect(await ok.text()).toBe(real);
      await rm(feed);
      await symlink("/etc/passwd", feed);
      const linked = await fetch(`http://127.0.0.1:${port}/jdihn.json`);
      const body = await linked.text();
      expect(linked.status).toBe(503);
      expect(body).not.toContain("root:");
      await rm(feed);
      execFileSync("mkfifo", [feed]);
      const fifo = await fetch(`http://127.0.0.1:${port}/`, {
        signal: AbortSignal.timeout(10_000),
      });
      expect(fifo.status).toBe(503);
      expect(child.exitCode).toBeNull();
    } finally {
      child.kill("SIGTERM");
    }
    expect(await exited).toBe(0);
  });
});
