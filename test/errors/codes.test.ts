/** One list of error codes, one rule for a cancelled operation, whichever remote it hits. */
import { describe, expect, it } from "vitest";
import { ERROR_CODES } from "../../src/error-codes.js";
import { isRetryable } from "../../src/errors.js";
import { toArsipdError } from "../../src/remote/http-errors.js";
import { localError } from "../../src/remote/local-errors.js";

const abortError = () =>
  Object.assign(new Error("The operation was aborted"), { name: "AbortError" });

describe("error codes", () => {
  it("every listed code says what it means", () => {
    for (const [code, meaning] of Object.entries(ERROR_CODES)) {
      expect(code).toMatch(/^[A-Z][A-Z0-9_]+$/);
      expect(meaning.length).toBeGreaterThan(10);
    }
  });

  it("an operation arsipd cancelled is ABORTED and never retried, on the local and the WebDAV remote", () => {
    const local = localError("put", "a.pdf", abortError());
    const http = toArsipdError(abortError(), "PUT a.pdf", true);
    expect([local.code, local.kind, isRetryable(local)]).toEqual(["ABORTED", "fatal", false]);
    expect([http.code, http.kind, isRetryable(http)]).toEqual(["ABORTED", "fatal", false]);
  });

  it("a timeout the caller did not ask for is retried (WebDAV), a busy disk too (local)", () => {
    const http = toArsipdError(abortError(), "PUT a.pdf", false);
    expect([http.code, isRetryable(http)]).toEqual(["REMOTE_TIMEOUT", true]);
    const busy = localError("put", "a.pdf", Object.assign(new Error("busy"), { code: "EBUSY" }));
    expect([busy.code, isRetryable(busy)]).toEqual(["LOCAL_EBUSY", true]);
  });
});
