/**
 * The steps the crash tests kill a child process at, as calls of the test-only hook
 * test/support/crash-before.mjs: the process dies just before the file-system call named.
 */
import path from "node:path";
import { REPO } from "./cli.js";

export const CRASH_HOOK = path.join(REPO, "test", "support", "crash-before.mjs");

export const CRASH_BEFORE: Record<string, string> = {
  // A move on one file system: linked into place, source not yet removed.
  "after-link": "unlink:/MASUK/",
  // A copy-move: the copy written and verified, not yet linked into place.
  "after-copy": "link:\\.arsipd-[0-9a-f]{12}\\.tmp ->",
  // A copy-move: the copy in place, the source not yet removed.
  "after-place": "unlink:/MASUK/",
  // A reason file written to its temp name, not yet renamed into place.
  "sidecar-tmp": "rename:\\.ALASAN\\.txt$",
  // The file moved into the quarantine, its reason file not yet written.
  "quarantine-moved": "open:/_KARANTINA/\\.arsipd-[0-9a-f]{12}\\.tmp$",
  // File and reason file in place, the quarantine intent not yet dropped.
  "quarantine-sidecar": "unlink:/quarantine/[0-9a-f]{32}\\.json$",
};
