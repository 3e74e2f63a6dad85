/**
 * The last line of defence for secrets: every log line passes through `scrub` just before it is
 * written (pino's streamWrite hook), so a password cannot reach the log even when it hides in a
 * thrown error's message, a URL or a nested object that no redact path names.
 */

const secrets = new Set<string>();

/** Registers a value that must never be written; also its Basic-auth and URL-encoded forms. */
export function registerSecret(value: string, username?: string): void {
  if (value.length < 1) return;
  secrets.add(value);
  secrets.add(encodeURIComponent(value));
  secrets.add(JSON.stringify(value).slice(1, -1));
  if (username !== undefined) secrets.add(Buffer.from(`${username}:${value}`).toString("base64"));
}

/** For tests: forget registered secrets. */
export function clearSecrets(): void {
  secrets.clear();
}

const URL_CREDENTIALS = /(\b[a-z][a-z0-9+.-]*:\/\/)[^/\s:@"]+:[^/\s@"]*@/gi;
const AUTH_HEADER = /("authorization"\s*:\s*")[^"]*(")/gi;
const PASSWORD_FIELD = /("[a-z_]*pass(?:word)?"\s*:\s*")[^"]*(")/gi;
const BASIC_TOKEN = /\b(Basic|Bearer)\s+[A-Za-z0-9+/=._-]{6,}/g;

export function scrub(line: string): string {
  let out = line
    .replace(URL_CREDENTIALS, "$1[redacted]@")
    .replace(AUTH_HEADER, "$1[redacted]$2")
    .replace(PASSWORD_FIELD, "$1[redacted]$2")
    .replace(BASIC_TOKEN, "$1 [redacted]");
  for (const s of secrets) {
    if (out.includes(s)) out = out.split(s).join("[redacted]");
  }
  return out;
}
