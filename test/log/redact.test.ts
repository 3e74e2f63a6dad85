import { mkdtempSync, readdirSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { ArsipdError } from "../../src/errors.js";
import { createLogger, logDir } from "../../src/log/logger.js";
import { clearSecrets, registerSecret, scrub } from "../../src/log/redact.js";

const PASSWORD = "Rahasia!Kota#2024";
const USER = "arsip";

function readLogs(stateDir: string): string {
  const dir = logDir(stateDir);
  return readdirSync(dir)
    .map((f) => readFileSync(path.join(dir, f), "utf8"))
    .join("");
}

describe("log redaction", () => {
  afterEach(() => clearSecrets());

  it("scrubs URL credentials, Authorization headers and password fields without registration", () => {
    const line = JSON.stringify({
      url: "https://user:pa55@cloud.example/remote.php/webdav",
      headers: { authorization: "Basic dXNlcjpwYTU1" },
      password: "pa55",
    });
    const out = scrub(line);
    expect(out).not.toContain("pa55");
    expect(out).not.toContain("dXNlcjpwYTU1");
    expect(out).toContain("https://[redacted]@cloud.example");
  });

  it("never writes a registered password to the log file, even inside thrown errors", async () => {
    const stateDir = mkdtempSync(path.join(tmpdir(), "arsipd-log-"));
    registerSecret(PASSWORD, USER);
    const log = await createLogger({ level: "debug", stateDir, stdout: false });
    const basic = Buffer.from(`${USER}:${PASSWORD}`).toString("base64");
    const cause = new Error(
      `request to https://cloud.example/?p=${encodeURIComponent(PASSWORD)} failed`,
    );
    const err = new ArsipdError("REMOTE_AUTH", "auth", `login refused for ${USER}/${PASSWORD}`, {
      cause,
    });
    (err as unknown as Record<string, unknown>).request = {
      headers: { Authorization: `Basic ${basic}` },
    };
    log
      .child({ module: "test" })
      .error({ err, config: { remote: { password: PASSWORD } } }, "upload failed");
    log.info(`plain message with ${PASSWORD} inside`);
    log.info({ nested: { deeper: { token: `x${PASSWORD}y` } } }, "nested");
    log.flush();
    await new Promise((r) => setTimeout(r, 100));
    const text = readLogs(stateDir);
    expect(text).toContain("upload failed");
    expect(text).toContain("login refused");
    expect(text.split("\n").filter(Boolean).length).toBe(3);
    expect(text).not.toContain(PASSWORD);
    expect(text).not.toContain(encodeURIComponent(PASSWORD));
    expect(text).not.toContain(basic);
    expect(text).toContain("[redacted]");
  });
});
