/** The pure pieces of the WebDAV adapter: status mapping, Retry-After, back-off, PROPFIND parsing. */
import { describe, expect, it } from "vitest";
import { ArsipdError } from "../../src/errors.js";
import { etagOpaque, etagsMatchWeak, isWeakEtag } from "../../src/remote/etag.js";
import { parseRetryAfter, statusKind, toArsipdError } from "../../src/remote/http-errors.js";
import { hrefPath, parseChecksums, parseMultistatus } from "../../src/remote/propfind.js";
import { backoffDelay, withRetry } from "../../src/remote/retry.js";
import { isScratchPath, probePathFor, scratchPathFor } from "../../src/remote/scratch.js";

describe("statusKind", () => {
  it.each([
    [401, "auth"],
    [403, "auth"],
    [404, "notFound"],
    [409, "conflict"],
    [412, "conflict"],
    [423, "retryable"],
    [425, "retryable"],
    [429, "retryable"],
    [500, "retryable"],
    [503, "retryable"],
    [507, "quota"],
    [400, "fatal"],
  ])("%i is %s", (status, kind) => {
    expect(statusKind(status)).toBe(kind);
  });
});

describe("parseRetryAfter", () => {
  it("reads seconds and HTTP dates", () => {
    const now = Date.UTC(2024, 0, 1, 0, 0, 0);
    expect(parseRetryAfter("120", now)).toBe(120);
    expect(parseRetryAfter("Mon, 01 Jan 2024 00:00:30 GMT", now)).toBe(30);
    expect(parseRetryAfter("soon", now)).toBeUndefined();
    expect(parseRetryAfter(null, now)).toBeUndefined();
  });
});

describe("backoff and retry", () => {
  it("grows, stays bounded, and prefers Retry-After", () => {
    for (let a = 0; a < 10; a++) {
      const d = backoffDelay(a, new Error("x"), 100, 5000);
      expect(d).toBeGreaterThanOrEqual(Math.min(5000, 100 * 2 ** a) / 2);
      expect(d).toBeLessThanOrEqual(5000);
    }
    const e = new ArsipdError("HTTP_503", "retryable", "x", { retryAfterSec: 3 });
    expect(backoffDelay(0, e, 100, 60_000)).toBe(3000);
    expect(backoffDelay(0, e, 100, 1000)).toBe(1000);
  });

  it("retries only retryable errors, at most `retries` times", async () => {
    let calls = 0;
    const retryable = new ArsipdError("X", "retryable", "x");
    await expect(
      withRetry(
        async () => {
          calls++;
          throw retryable;
        },
        { retries: 2, baseDelayMs: 1 },
      ),
    ).rejects.toBe(retryable);
    expect(calls).toBe(3);
    calls = 0;
    await expect(
      withRetry(
        async () => {
          calls++;
          throw new ArsipdError("A", "auth", "no");
        },
        { retries: 5, baseDelayMs: 1 },
      ),
    ).rejects.toMatchObject({ kind: "auth" });
    expect(calls).toBe(1);
  });
});

describe("toArsipdError", () => {
  it("maps resets to retryable and keeps no request details in the cause", () => {
    const raw = Object.assign(new Error("read ECONNRESET\nmore"), {
      code: "ECONNRESET",
      request: { headers: { Authorization: "Basic c2VjcmV0" } },
    });
    const e = toArsipdError(raw, "PUT http://h/x");
    expect(e.kind).toBe("retryable");
    expect(e.message).toBe("PUT http://h/x: connection failed (ECONNRESET)");
    expect(JSON.stringify(e.cause, Object.getOwnPropertyNames(e.cause))).not.toContain("Basic");
  });
});

describe("ETag comparison", () => {
  it("compares weakly (RFC 9110): W/ does not make a different tag", () => {
    expect(etagsMatchWeak('W/"5-661dfb"', '"5-661dfb"')).toBe(true);
    expect(etagsMatchWeak('"5-661dfb"', '"5-661dfb"')).toBe(true);
    expect(etagsMatchWeak('W/"5-661dfb"', 'W/"6-661dfb"')).toBe(false);
    expect(etagsMatchWeak(undefined, '"a"')).toBe(false);
    expect(etagsMatchWeak("", "")).toBe(false);
    expect(isWeakEtag('W/"x"')).toBe(true);
    expect(isWeakEtag('"x"')).toBe(false);
    expect(etagOpaque(' W/"x" ')).toBe('"x"');
  });
});

describe("scratch names", () => {
  it("live in the target's folder, hidden, and are recognised as arsipd's own", () => {
    const p = scratchPathFor("KPT/2024/KPT_2024_001_x.pdf", "abc123");
    expect(p).toBe("KPT/2024/.arsipd-abc123.part");
    expect(isScratchPath(p)).toBe(true);
    expect(isScratchPath("KPT/2024/KPT_2024_001_x.pdf")).toBe(false);
    expect(isScratchPath("KPT/2024/.arsipd-notes.txt")).toBe(false);
    expect(probePathFor("", "ab12")).toBe(".arsipd-probe-ab12.tmp");
    expect(isScratchPath(probePathFor("", "ab12"))).toBe(true);
    expect(probePathFor("x", "ab12").endsWith(".part")).toBe(false);
  });
});

describe("PROPFIND parsing", () => {
  it("parses OwnCloud checksum lists", () => {
    expect(parseChecksums("SHA1:ABC MD5:def ADLER32:1")).toEqual({ sha1: "abc", md5: "def" });
    expect(parseChecksums("")).toBeUndefined();
  });

  it("decodes hrefs to NFC paths", () => {
    expect(hrefPath("http://h/dav/a%20b/u%CC%88.pdf")).toBe("/dav/a b/\u00fc.pdf");
    expect(hrefPath("/dav/x%23y/")).toBe("/dav/x#y");
  });

  it("keeps reserved characters a server lists unencoded as part of the name", () => {
    // npm webdav-server: absolute hrefs with a raw '#'; others: raw '?', '&', "'", stray '%'.
    expect(hrefPath("http://127.0.0.1:8080/a/x#y.pdf")).toBe("/a/x#y.pdf");
    expect(hrefPath("/dav/a?b #2.pdf")).toBe("/dav/a?b #2.pdf");
    expect(hrefPath("/dav/Umum & Jum'at/100% lunas.pdf")).toBe("/dav/Umum & Jum'at/100% lunas.pdf");
    // Encoded runs next to a stray '%' are still decoded.
    expect(hrefPath("/dav/100%25%20x%zz.pdf")).toBe("/dav/100% x%zz.pdf");
    expect(hrefPath("/dav/50%-u%CC%88.pdf")).toBe("/dav/50%-\u00fc.pdf");
    expect(hrefPath("https://h:1/")).toBe("/");
  });

  it("makes entries relative to the base and reads the 200 propstat", () => {
    const doc = {
      multistatus: {
        response: [
          {
            href: "/dav/Arsip/",
            propstat: { prop: { resourcetype: { collection: "" } }, status: "HTTP/1.1 200 OK" },
          },
          {
            href: "/dav/Arsip/a%20b.pdf",
            propstat: [
              {
                prop: {
                  getcontentlength: 12,
                  getetag: '"e1"',
                  getlastmodified: "Mon, 01 Jan 2024 00:00:00 GMT",
                  checksums: { checksum: "SHA1:aa" },
                  resourcetype: "",
                },
                status: "HTTP/1.1 200 OK",
              },
              { prop: { foo: "" }, status: "HTTP/1.1 404 Not Found" },
            ],
          },
          { href: "/elsewhere/x", propstat: { prop: {}, status: "HTTP/1.1 200 OK" } },
        ],
      },
    };
    expect(parseMultistatus(doc, "/dav/Arsip")).toEqual([
      { path: "", type: "dir", size: 0, mtimeMs: undefined, etag: undefined, checksums: undefined },
      {
        path: "a b.pdf",
        type: "file",
        size: 12,
        mtimeMs: Date.UTC(2024, 0, 1),
        etag: '"e1"',
        checksums: { sha1: "aa" },
      },
    ]);
  });
});
