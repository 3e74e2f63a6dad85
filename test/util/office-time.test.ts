/** Times as clerks read them: the office's zone and its Indonesian abbreviation. */
import { mkdirSync, mkdtempSync, readFileSync, utimesSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { isTimeZone, officeTime } from "../../src/util/office-time.js";
import { runCli } from "../helpers/cli.js";

describe("officeTime", () => {
  const t = new Date("2026-12-05T07:13:42Z");
  it("shows Indonesia's three zones by their abbreviations", () => {
    expect(officeTime(t, "Asia/Jakarta")).toBe("2026-12-05 14:13 WIB");
    expect(officeTime(t, "Asia/Makassar")).toBe("2026-12-05 15:13 WITA");
    expect(officeTime(t, "Asia/Jayapura")).toBe("2026-12-05 16:13 WIT");
    expect(officeTime(t, "Asia/Jakarta", { seconds: true })).toBe("2026-12-05 14:13:42 WIB");
  });
  it("crosses midnight in the office's zone, not the machine's", () => {
    expect(officeTime(new Date("2026-12-31T18:30:00Z"), "Asia/Jakarta")).toBe(
      "2027-01-01 01:30 WIB",
    );
  });
  it("names other zones as the runtime does, and says '-' for no time", () => {
    expect(officeTime(t, "UTC")).toBe("2026-12-05 07:13 UTC");
    expect(officeTime(new Date(Number.NaN), "Asia/Jakarta")).toBe("-");
  });
  it("knows a zone from a typo", () => {
    expect(isTimeZone("Asia/Jakarta")).toBe(true);
    expect(isTimeZone("Asia/Jakart")).toBe(false);
  });
});

describe("the office's time zone in what clerks and admins read (process)", () => {
  it("writes .ALASAN.txt in WIB by default and refuses an unknown zone in config check", async () => {
    const dir = mkdtempSync(path.join(tmpdir(), "arsipd-tz-"));
    mkdirSync(path.join(dir, "share", "MASUK"), { recursive: true });
    const base =
      "share: ./share\nstateDir: ./state\nremote:\n  type: local\n  path: ./mirror\n" +
      "watch:\n  stabilityMs: 0\nindex:\n  enabled: false\nfeed:\n  enabled: false\n";
    writeFileSync(path.join(dir, "arsipd.yaml"), base);
    const scan = path.join(dir, "share", "MASUK", "scan0001.pdf");
    writeFileSync(scan, "%PDF-1.4\n%%EOF\n");
    utimesSync(scan, new Date(Date.now() - 60_000), new Date(Date.now() - 60_000));
    const r = await runCli(["sync", "-c", "arsipd.yaml"], { cwd: dir });
    expect(r.code).toBe(0);
    const why = readFileSync(
      path.join(dir, "share", "_KARANTINA", "scan0001.pdf.ALASAN.txt"),
      "utf8",
    );
    expect(why).toMatch(/^Waktu: \d{4}-\d\d-\d\d \d\d:\d\d WIB$/m);
    const st = await runCli(["status", "-c", "arsipd.yaml"], { cwd: dir });
    expect(st.stdout).toMatch(/last pass: +\d{4}-\d\d-\d\d \d\d:\d\d WIB ok/);

    writeFileSync(path.join(dir, "bad.yaml"), `${base}timezone: Asia/Jakart\n`);
    const bad = await runCli(["config", "check", "-c", "bad.yaml"], { cwd: dir });
    expect(bad.code).not.toBe(0);
    expect(bad.stdout + bad.stderr).toContain("timezone");
    expect(bad.stdout + bad.stderr).not.toMatch(/\n\s+at /);
  });
});
