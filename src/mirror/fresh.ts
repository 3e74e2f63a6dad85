/**
 * Which new share files may go into the plan unhashed (as FreshFiles, hashed by apply right
 * before their upload, so that hashing overlaps the transfers). Pure: no file system, no clock.
 *
 * A file's digests decide something in the plan, so it is hashed up front, when
 * - the journal knows it (unchanged content, or changed: re-upload);
 * - the remote listing (full pass) has something at its remote path (adopt by content or keep
 *   theirs as a konflik copy; confirm.ts reads the remote copy back to compare);
 * - any synced file vanished in this pass (a vanished file is MOVEd to the new file with the
 *   same SHA-256, so every new file's SHA-256 is needed).
 * Every other file is fresh. On a quick pass (no listing) that includes a new file whose path is
 * taken on the remote: its If-None-Match upload conflicts and apply, which has hashed it by
 * then, adopts the same content or keeps theirs, exactly as for a hashed new file.
 *
 * `files` are the files handed on to the planner unless reading them fails; `unreadable` the
 * share paths nothing below which counts as vanished. A file that fails to hash later only joins
 * `unreadable`, so the planner never sees a vanished file that was not counted here.
 */
import type { RemoteEntry } from "../remote/types.js";
import { type JournalView, underAny } from "./plan.js";
import type { ScannedFile } from "./types.js";

export interface FreshInput {
  files: ScannedFile[];
  journal: JournalView;
  /** The remote listing of a full pass; undefined on a quick pass. */
  listing: RemoteEntry[] | undefined;
  unreadable: string[];
}

/** The rel paths of `files` that may be planned unhashed. */
export function freshPaths(input: FreshInput): Set<string> {
  const { files, journal, unreadable } = input;
  const out = new Set<string>();
  // Rel paths are unique, so every journal file is present exactly when as many present files
  // are in the journal as the journal holds; only otherwise is the missing one looked for.
  // (No set of 100,000 paths on every pass of a tidy archive.)
  const known = files.filter((f) => journal.get(f.rel) !== undefined).length;
  if (known !== journal.size) {
    const present = new Set(files.map((f) => f.rel));
    for (const [rel] of journal.entries())
      if (!present.has(rel) && !underAny(rel, unreadable)) return out; // something vanished
  }
  let taken: Set<string> | undefined;
  for (const f of files) {
    if (journal.get(f.rel)) continue;
    taken ??= new Set(input.listing?.map((e) => e.path));
    if (!taken.has(f.rel)) out.add(f.rel);
  }
  return out;
}
