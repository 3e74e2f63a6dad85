import { describe, expect, it } from "vitest";
import { runCli } from "./helpers/cli.js";

describe("arsipd CLI", () => {
  it("lists every command with --help", async () => {
    const r = await runCli(["--help"]);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain("Usage: arsipd <command>");
    expect(r.stdout).toMatch(/^\s+config\s/m);
  });

  it("rejects an unknown command with one line and exit 64", async () => {
    const r = await runCli(["frobnicate"]);
    expect(r.code).toBe(64);
    expect(r.stderr.trim().split("\n")).toHaveLength(1);
    expect(r.stderr).toContain("unknown command 'frobnicate'");
  });

  it("rejects an unknown flag with one line and exit 64", async () => {
    const r = await runCli(["config", "--frob"]);
    expect(r.code).toBe(64);
    expect(r.stderr.trim().split("\n")).toHaveLength(1);
    expect(r.stderr).toContain("unknown option '--frob'");
  });
});
