/** `arsipd sync` as a process: a file saved a moment ago is waited for, not left behind. */
import { existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { runCli } from "./helpers/cli.js";

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
