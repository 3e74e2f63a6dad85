/** Maps Node file-system errors of the local-folder remote onto the Remote error kinds. */
import { ArsipdError, aborted, type ErrorKind } from "../errors.js";

const KINDS: Record<string, ErrorKind> = {
  ENOENT: "notFound",
  ENOTDIR: "notFound",
  EEXIST: "conflict",
  ENOTEMPTY: "conflict",
  EACCES: "auth",
  EPERM: "auth",
  EROFS: "auth",
  ENOSPC: "quota",
  EDQUOT: "quota",
  EIO: "retryable",
  EBUSY: "retryable",
  EAGAIN: "retryable",
  ETIMEDOUT: "retryable",
  ESTALE: "retryable",
  EHOSTDOWN: "retryable",
  ENOTCONN: "retryable",
};

const HINTS: Partial<Record<ErrorKind, string>> = {
  auth: "check the mirror folder's owner and permissions",
  quota: "the mirror folder's disk is full",
  retryable: "the mirror folder (a NAS mount?) is not answering; will retry",
};

export function localError(op: string, rel: string, err: unknown): ArsipdError {
  if (err instanceof ArsipdError) return err;
  const code = (err as NodeJS.ErrnoException)?.code ?? "";
  if ((err as Error)?.name === "AbortError") return aborted(`${op} ${rel}`, err);
  const kind = KINDS[code] ?? "fatal";
  const hint = HINTS[kind];
  return new ArsipdError(
    `LOCAL_${code || "ERROR"}`,
    kind,
    `${op} ${rel || "/"}: ${code || (err as Error)?.message || "failed"}${hint ? ` (${hint})` : ""}`,
    { cause: err },
  );
}
