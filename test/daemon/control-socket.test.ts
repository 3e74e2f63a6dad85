/** The control socket's own contract: who may connect, what a bad request gets, stale files. */
import { mkdtempSync, statSync, writeFileSync } from "node:fs";
import net from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { type ControlRequest, socketPath, startControl } from "../../src/daemon/control.js";

function ask(stateDir: string, line: string): Promise<Record<string, unknown>> {
  return new Promise((resolve, reject) => {
    const c = net.createConnection(socketPath(stateDir));
    let buf = "";
    c.on("connect", () => c.write(line));
    c.on("data", (d) => {
      buf += d;
    });
    c.on("error", reject);
    c.on("close", () => resolve(JSON.parse(buf)));
  });
}

describe("control socket", () => {
  it("is 0600, answers a request with the handler's reply, and a bad request with 64", async () => {
    const dir = mkdtempSync(path.join(tmpdir(), "arsipd-ctl-"));
    const seen: ControlRequest[] = [];
    const stop = await startControl(
      dir,
      async (req) => {
        seen.push(req);
        return { ok: true, code: 1, result: { echoed: req.op } };
      },
      () => undefined,
    );
    try {
      expect(statSync(socketPath(dir)).mode & 0o777).toBe(0o600);
      expect(await ask(dir, '{"op":"sync","dryRun":true}\n')).toEqual({
        ok: true,
        code: 1,
        result: { echoed: "sync" },
      });
      expect(seen).toEqual([{ op: "sync", full: false, dryRun: true, acceptDeletes: false }]);
      const bad = await ask(dir, "rm -rf /\n");
      expect(bad).toMatchObject({ ok: false, code: 64 });
      const unknown = await ask(dir, '{"op":"delete-everything"}\n');
      expect(unknown).toMatchObject({ ok: false, code: 64 });
      const long = await ask(dir, "x".repeat(10_000));
      expect(long).toMatchObject({ ok: false, code: 64, message: "bad request: request too long" });
      expect(seen).toHaveLength(1);
    } finally {
      await stop();
    }
    expect(() => statSync(socketPath(dir))).toThrow();
  });

  it("never removes a regular file that has the socket's name", async () => {
    // (A socket left by a killed daemon is replaced: test/daemon/control.test.ts, kill -9.)
    const dir = mkdtempSync(path.join(tmpdir(), "arsipd-ctl-"));
    const file = socketPath(dir);
    writeFileSync(file, "not a socket");
    const h = async () => ({ ok: true as const, code: 0, result: null });
    await expect(startControl(dir, h, () => undefined)).rejects.toThrow("is not a socket");
    expect(statSync(file).isFile()).toBe(true);
  });
});
