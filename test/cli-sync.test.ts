/** `arsipd sync` as a process: a file saved a moment ago is waited for, not left behind. */
import { spawn } from "node:child_process";
import {
  chmodSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  writeFileSync,
} from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { BIN, runCli } from "./helpers/cli.js";

describe("arsipd sync", () => {
  it("waits for a file still inside the stability window, then mirrors it and exits 0", async () => {
    const dir = mkdtempSync(path.join(tmpdir(), "arsipd-sync-"));
    const rel = "KPT-KETUA/2024/KPT-KETUA_2024_005_baru.pdf";
    mkdirSync(path.join(dir, "share", "KPT-KETUA", "2024"), { recursive: true });
    writeFileSync(
      path.join(dir, "arsipd.yaml"),
      "share: ./share\nstateDir: ./state\nremote:\n  type: local\n  path: ./mirror\n" +
        "watch:\n  stabilityMs: 1500\nindex:\n  enabled: false\nfeed:\n  enabled: false\n",
    );
    writeFileSync(path.join(dir, "share", rel), "just saved"); // mtime: now
    const r = await runCli(["sync", "--json", "--config", path.join(dir, "arsipd.yaml")], {
      cwd: dir,
    });
    expect(r.stderr).toBe("");
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout)).toMatchObject({ uploaded: 1, failed: 0, deferred: 0 });
    expect(existsSync(path.join(dir, "mirror", rel))).toBe(true);
    expect(readFileSync(path.join(dir, "mirror", rel), "utf8")).toBe("just saved");
  });
});

/**
 * Runs `arsipd sync` so that a file with mode 000 cannot be read. As root, the child runs without
 * the capabilities that let root read anything (setpriv from util-linux drops them from its
 * bounding set), still as root, so it reads the checkout wherever CI cloned it.
 */
function syncAs(dir: string) {
  const args = ["sync", "--config", path.join(dir, "arsipd.yaml")];
  if (process.getuid?.() !== 0) return runCli(args, { cwd: dir });
  return new Promise<{ code: number | null; stderr: string }>((resolve) => {
    const child = spawn(
      "setpriv",
      ["--bounding-set", "-dac_override,-dac_read_search", process.execPath, BIN, ...args],
      { cwd: dir, env: { ...process.env, ARSIPD_CONFIG: "" } },
    );
    let stderr = "";
    child.stderr.on("data", (d) => {
      stderr += d;
    });
    child.on("close", (code) => resolve({ code, stderr }));
  });
}

describe("arsipd sync exit codes", () => {
  it("exits 1 and names a file it could not read or file", async () => {
    const dir = mkdtempSync(path.join(tmpdir(), "arsipd-sync-"));
    chmodSync(dir, 0o777);
    writeFileSync(
      path.join(dir, "arsipd.yaml"),
      "share: ./share\nstateDir: ./state\nremote:\n  type: local\n  path: ./mirror\n" +
        "watch:\n  stabilityMs: 0\nindex:\n  enabled: false\nfeed:\n  enabled: false\n",
    );
    for (const d of ["share", "share/KPT-KETUA", "share/KPT-KETUA/2024", "state", "mirror"]) {
      mkdirSync(path.join(dir, d), { recursive: true });
      chmodSync(path.join(dir, d), 0o777);
    }
    const ok = "KPT-KETUA/2024/KPT-KETUA_2024_001_baik.pdf";
    writeFileSync(path.join(dir, "share", ok), "%PDF-1.4\n%%EOF\n");
    const secret = "KPT-KETUA/2024/KPT-KETUA_2024_002_rahasia.pdf";
    writeFileSync(path.join(dir, "share", secret), "%PDF-1.4\n%%EOF\n", { mode: 0o600 });
    chmodSync(path.join(dir, "share", secret), 0o000);
    // A decree whose year folder is a plain file: the organizer cannot file it.
    writeFileSync(path.join(dir, "share", "KPT-SEKRETARIS"), "not a folder");
    chmodSync(path.join(dir, "share", "KPT-SEKRETARIS"), 0o666);
    writeFileSync(
      path.join(dir, "share", "SK Sekretaris No 3 Th 2023 ttg tim.pdf"),
      "%PDF\n%%EOF\n",
    );
    chmodSync(path.join(dir, "share", "SK Sekretaris No 3 Th 2023 ttg tim.pdf"), 0o666);
    for (const f of [ok]) chmodSync(path.join(dir, "share", f), 0o666);
    const r = await syncAs(dir);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain("KPT-KETUA_2024_002_rahasia.pdf");
    expect(r.stderr).toContain("SK Sekretaris No 3 Th 2023 ttg tim.pdf");
    expect(existsSync(path.join(dir, "mirror", ok))).toBe(true);
    expect(existsSync(path.join(dir, "mirror", secret))).toBe(false);
  });
});
