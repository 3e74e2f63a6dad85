/**
 * Decides, once, what kind of failure an HTTP status or a network error is (see errors.ts):
 * retryable: 408, 423, 425, 429, 5xx except 507, timeouts, resets, refused connections;
 * auth: 401/403, never retried (OwnCloud throttles repeated failed logins);
 * notFound: 404/410; conflict: 409/412 (and 405 on MKCOL, handled by the caller);
 * quota: 507, not retried hot (the mirror backs off for long); fatal: the rest.
 * Messages are one line and carry the credential-free URL only.
 */
import { ArsipdError, aborted, type ErrorKind } from "../errors.js";

export function statusKind(status: number): ErrorKind {
  if (status === 401 || status === 403) return "auth";
  if (status === 404 || status === 410) return "notFound";
  if (status === 409 || status === 412) return "conflict";
  if (status === 507) return "quota";
  if (status === 408 || status === 423 || status === 425 || status === 429) return "retryable";
  if (status >= 500) return "retryable";
  return "fatal";
}

/** Retry-After as seconds: either delta-seconds or an HTTP date. */
export function parseRetryAfter(
  value: string | null | undefined,
  nowMs: number,
): number | undefined {
  if (!value) return undefined;
  const v = value.trim();
  if (/^\d+$/.test(v)) return Number(v);
  const at = Date.parse(v);
  if (Number.isNaN(at)) return undefined;
  return Math.max(0, Math.ceil((at - nowMs) / 1000));
}

const RETRYABLE_CODES = new Set([
  "ECONNRESET",
  "ECONNREFUSED",
  "ECONNABORTED",
  "EPIPE",
  "ETIMEDOUT",
  "EHOSTUNREACH",
  "ENETUNREACH",
  "EAI_AGAIN",
  "UND_ERR_SOCKET",
  "ERR_STREAM_PREMATURE_CLOSE",
]);

function networkCode(err: unknown): string | undefined {
  for (let e: unknown = err, i = 0; e && i < 5; i++) {
    const code = (e as { code?: unknown }).code;
    if (typeof code === "string" && code.length > 0) return code;
    e = (e as { cause?: unknown }).cause;
  }
  return undefined;
}

/**
 * The original error reduced to name, one-line message and code: library errors can carry the
 * request (with its Authorization header) in enumerable fields that a log serializer would print.
 */
function plainCause(err: unknown): Error {
  const msg = err instanceof Error ? (err.message.split("\n")[0] ?? err.name) : String(err);
  const e = new Error(msg);
  e.name = err instanceof Error ? err.name : "Error";
  const code = networkCode(err);
  if (code) (e as Error & { code?: string }).code = code;
  return e;
}

/** Strips userinfo from a URL so it can go into messages. */
export function safeUrl(url: string): string {
  try {
    const u = new URL(url);
    u.username = "";
    u.password = "";
    return u.toString();
  } catch {
    return url.replace(/\/\/[^/@]*@/, "//");
  }
}

/**
 * Turns anything a request threw into an ArsipdError. `what` names the operation and target
 * ("PUT https://cloud/…/x.pdf"); `callerAborted` says the caller's own signal fired.
 */
export function toArsipdError(err: unknown, what: string, callerAborted = false): ArsipdError {
  if (err instanceof ArsipdError) return err;
  const status = (err as { status?: unknown }).status;
  if (typeof status === "number") {
    const res = (err as { response?: { headers?: { get(n: string): string | null } } }).response;
    const retryAfterSec = parseRetryAfter(res?.headers?.get("retry-after"), Date.now());
    return httpError(status, what, retryAfterSec);
  }
  const name = (err as { name?: unknown }).name;
  if (callerAborted) return aborted(what, plainCause(err));
  if (name === "AbortError" || name === "TimeoutError") {
    return new ArsipdError("REMOTE_TIMEOUT", "retryable", `${what}: timed out`, {
      cause: plainCause(err),
    });
  }
  const code = networkCode(err);
  if (code && RETRYABLE_CODES.has(code)) {
    return new ArsipdError("REMOTE_NETWORK", "retryable", `${what}: connection failed (${code})`, {
      cause: plainCause(err),
    });
  }
  const msg = err instanceof Error ? err.message.split("\n")[0] : String(err);
  // node-fetch reports a dropped socket as a FetchError of type "system" without a usable code.
  if (
    (err as { type?: unknown }).type === "system" ||
    /socket hang up|network|terminated/i.test(msg ?? "")
  ) {
    return new ArsipdError("REMOTE_NETWORK", "retryable", `${what}: connection failed (${msg})`, {
      cause: plainCause(err),
    });
  }
  return new ArsipdError("REMOTE_FAILED", "fatal", `${what}: ${msg}`, { cause: plainCause(err) });
}

export function httpError(status: number, what: string, retryAfterSec?: number): ArsipdError {
  const kind = statusKind(status);
  const hint =
    kind === "auth"
      ? " (login refused: check remote.username and the password)"
      : kind === "quota"
        ? " (the remote is out of space)"
        : "";
  return new ArsipdError(`HTTP_${status}`, kind, `${what}: HTTP ${status}${hint}`, {
    ...(retryAfterSec !== undefined ? { retryAfterSec } : {}),
  });
}
