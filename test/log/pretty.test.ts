/** stdout for a person at a terminal: the log viewer's lines instead of JSON, secrets scrubbed. */
import { afterEach, describe, expect, it, vi } from "vitest";
import { createLogger } from "../../src/log/logger.js";
import { clearSecrets, registerSecret } from "../../src/log/redact.js";

describe("createLogger with pretty stdout", () => {
  afterEach(() => {
    vi.restoreAllMocks();
    clearSecrets();
  });

  it("prints one readable line per entry, scrubbed like the JSON", async () => {
    const out: string[] = [];
    vi.spyOn(process.stdout, "write").mockImplementation((chunk) => {
      out.push(String(chunk));
      return true;
    });
    registerSecret("s3cr3t-pw");
    const log = await createLogger({ level: "info", pretty: true });
    log.child({ module: "mirror" }).info({ path: "KPT-KETUA/2024/A.pdf" }, "mirrored");
    log.child({ module: "remote" }).debug("below the level: not printed");
    log
      .child({ module: "remote" })
      .warn({ err: new Error("login with s3cr3t-pw refused") }, "remote request failed");
    vi.restoreAllMocks();
    expect(out).toHaveLength(2);
    expect(out[0]).toMatch(
      /^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d {2}INFO {3}mirror {6}mirrored {2}KPT-KETUA\/2024\/A\.pdf\n$/,
    );
    expect(out[1]).toMatch(/ WARN .*remote request failed {2}— login with .* refused\n$/);
    expect(out.join("")).not.toContain("s3cr3t-pw");
    expect(out.join("")).not.toContain('"level"');
  });
});
