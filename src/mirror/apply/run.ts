/**
 * The state one application of a plan shares between its parts (see ../apply.ts): the counts,
 * the pass's own abort signal, the error that stopped it, the progress figures and the uploads
 * whose size is still to be checked. Plain data plus two helpers; the parts are functions of it.
 */
import type { ArsipdError } from "../../errors.js";
import type { Logger } from "../../log/logger.js";
import type { Remote, RemoteCapabilities } from "../../remote/types.js";
import type { Journal } from "../../state/journal.js";
import type { MirrorSummary } from "../types.js";
import type { SizeCheck } from "./size-check.js";

export interface ApplyContext {
  remote: Remote;
  caps: RemoteCapabilities;
  journal: Journal;
  /** Child logger with module "mirror". */
  log: Logger;
  now: () => Date;
  concurrency: number;
  signal?: AbortSignal | undefined;
  onProgress?: (p: { done: number; total: number; bytes: number; totalBytes: number }) => void;
}

/** The counts of a pass that apply decides; the pass adds the rest of the summary. */
export type ApplyResult = Omit<MirrorSummary, "refused" | "plan" | "durationMs">;

export interface Run {
  ctx: ApplyContext;
  res: ApplyResult;
  /** Aborted by the caller's signal or by a stop-the-pass error. */
  signal: AbortSignal;
  abort(): void;
  /** The auth/quota error that stopped the pass, rethrown at the end. */
  stopError?: ArsipdError | undefined;
  sizes: SizeCheck;
  /** Uploads counted when their PUT returned whose size check then failed. */
  notStored: number;
  progress: { done: number; total: number; bytes: number; totalBytes: number };
  report(): void;
}

export function emptyResult(): ApplyResult {
  return {
    uploaded: 0,
    moved: 0,
    trashed: 0,
    forgotten: 0,
    adopted: 0,
    conflicts: 0,
    skipped: 0,
    failed: 0,
    deferred: [],
    unmirrored: [],
  };
}
