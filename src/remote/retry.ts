/**
 * Bounded retries with exponential back-off and full jitter. Only errors of kind "retryable" are
 * retried; a server's Retry-After (ArsipdError.retryAfterSec) replaces the computed delay, capped
 * at `maxDelayMs` so a hostile header cannot park the daemon. Abortable: an abort during the wait
 * rejects at once with the signal's reason.
 */
import { ArsipdError, isRetryable } from "../errors.js";

export interface RetryOptions {
  /** Retries after the first attempt (0 = try once). */
  retries: number;
  signal?: AbortSignal | undefined;
  /** First back-off step; doubles per attempt. */
  baseDelayMs?: number;
  maxDelayMs?: number;
  /** Called before each wait, e.g. to log. */
  onRetry?: (err: ArsipdError, attempt: number, delayMs: number) => void;
}

export function backoffDelay(attempt: number, err: unknown, base: number, max: number): number {
  if (err instanceof ArsipdError && err.retryAfterSec !== undefined) {
    return Math.min(max, Math.max(0, err.retryAfterSec * 1000));
  }
  const ceiling = Math.min(max, base * 2 ** attempt);
  return Math.round(ceiling / 2 + (Math.random() * ceiling) / 2);
}

export function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) return reject(signal.reason);
    const onAbort = () => {
      clearTimeout(timer);
      reject(signal?.reason);
    };
    const timer = setTimeout(() => {
      signal?.removeEventListener("abort", onAbort);
      resolve();
    }, ms);
    signal?.addEventListener("abort", onAbort, { once: true });
  });
}

export async function withRetry<T>(
  fn: (attempt: number) => Promise<T>,
  o: RetryOptions,
): Promise<T> {
  const base = o.baseDelayMs ?? 500;
  const max = o.maxDelayMs ?? 60_000;
  for (let attempt = 0; ; attempt++) {
    try {
      return await fn(attempt);
    } catch (err) {
      if (!isRetryable(err) || attempt >= o.retries || o.signal?.aborted) throw err;
      const delay = backoffDelay(attempt, err, base, max);
      o.onRetry?.(err as ArsipdError, attempt + 1, delay);
      await sleep(delay, o.signal);
    }
  }
}
