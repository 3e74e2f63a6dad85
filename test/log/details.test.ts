/** `arsipd logs` (human view) shows what admins need: reason, typed name, error, summary numbers. */
import { chmodSync, mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { formatEntry, parseLine } from "../../src/log/view.js";
import { runCli } from "../helpers/cli.js";

describe("arsipd logs details", () => {
  it("shows a quarantine's reason, a filed decree's typed name and a failed action's error", async () => {
    const dir = mkdtempSync(path.join(tmpdir(), "arsipd-logdet-"));
    const cfg = path.join(dir, "arsipd.yaml");
    writeFileSync(
      cfg,
      "share: ./share\nstateDir: ./state\nremote:\n  type: local\n  path: ./mirror\n" +
        "watch:\n  stabilityMs: 0\nindex:\n  enabled: false\nfeed:\n  enabled: false\n",
    );
    mkdirSync(path.join(dir, "share", "MASUK"), { recursive: true });
    writeFileSync(path.join(dir, "share", "MASUK", "SK Ketua No 3 Th 2024 ttg Rapat.pdf"), "a");
    writeFileSync(path.join(dir, "share", "MASUK", "scan0001.pdf"), "b");
    // The year folder is a plain file: filing this one fails.
    writeFileSync(path.join(dir, "share", "KPT-SEKRETARIS"), "not a folder");
    writeFileSync(path.join(dir, "share", "MASUK", "SK Sekretaris No 1 Th 2024 ttg Tim.pdf"), "c");
    chmodSync(dir, 0o755);
    const sync = await runCli(["sync", "--config", cfg], { cwd: dir });
    expect(sync.code).toBe(1);
    const r = await runCli(["logs", "--config", cfg], { cwd: dir });
    const out = r.stdout;
    const filed = out.split("\n").find((l) => l.includes("filed decree"));
    expect(filed).toContain('dari "MASUK/SK Ketua No 3 Th 2024 ttg Rapat.pdf"');
    const quarantined = out.split("\n").find((l) => l.includes("quarantined"));
    expect(quarantined).toContain("alasan:");
    const failed = out.split("\n").find((l) => l.includes("organizer action failed"));
    expect(failed).toMatch(/— .*(folder|KPT-SEKRETARIS)/);
  });

  it("shows the numbers of the daily summary", () => {
    const e = parseLine(
      JSON.stringify({
        level: 30,
        time: Date.now(),
        msg: "daily summary",
        summary: { filed: 4, quarantined: 1, uploaded: 5, failed: 0 },
      }),
    );
    expect(e && formatEntry(e, false)).toContain("filed=4 quarantined=1 uploaded=5 failed=0");
  });
});
