/**
 * Typed errors. Every failure that crosses a module boundary is an ArsipdError with a stable
 * `code`, a `kind` that tells the caller whether to retry, a one-line message a person can act
 * on, and the original `cause`. The kind is decided once, where the error enters arsipd (the
 * remote adapter, the config loader, the file system helpers), never re-guessed by callers.
 */
import type { ErrorCode } from "./error-codes.js";

export type { ErrorCode } from "./error-codes.js";

export type ErrorKind = "retryable" | "auth" | "notFound" | "conflict" | "quota" | "fatal";

export class ArsipdError extends Error {
  readonly code: ErrorCode;
  readonly kind: ErrorKind;
  /** Seconds the server asked us to wait (Retry-After), when it said so. */
  readonly retryAfterSec: number | undefined;

  constructor(
    code: ErrorCode,
    kind: ErrorKind,
    message: string,
    options: { cause?: unknown; retryAfterSec?: number } = {},
  ) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.name = "ArsipdError";
    this.code = code;
    this.kind = kind;
    this.retryAfterSec = options.retryAfterSec;
  }
}

/** Bad configuration: exits 78 (EX_CONFIG) with one line per problem. */
export class ConfigError extends ArsipdError {
  readonly problems: string[];
  constructor(problems: string[]) {
    super("CONFIG_INVALID", "fatal", problems.join("\n"));
    this.name = "ConfigError";
    this.problems = problems;
  }
}

/** Wrong command line: exits 64 (EX_USAGE) with a one-line message. */
export class UsageError extends ArsipdError {
  constructor(message: string) {
    super("USAGE", "fatal", message);
    this.name = "UsageError";
  }
}

export function isRetryable(err: unknown): boolean {
  return err instanceof ArsipdError && err.kind === "retryable";
}

/**
 * The one rule for a request or file operation arsipd cancelled itself (its AbortSignal fired:
 * SIGTERM, a reload, a timeout it set): code ABORTED, kind "fatal", so no retry loop runs it
 * again; callers that cancelled know it from their own signal and do not count it as a failure.
 */
export function aborted(what: string, cause?: unknown): ArsipdError {
  return new ArsipdError("ABORTED", "fatal", `${what}: aborted`, { cause });
}

/** A one-line description of any thrown value, for logs and terminals. */
export function describeError(err: unknown): string {
  if (err instanceof Error) return err.message.split("\n")[0] ?? err.name;
  return String(err);
}
