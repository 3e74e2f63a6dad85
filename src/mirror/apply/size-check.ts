/**
 * Size-check batching: uploads are recorded in the journal only once the server reports their
 * size. Instead of a PROPFIND per file, one listing per folder checks a batch of them: half the
 * requests on a first mirror. Until checked an upload is not in the journal, so a crash loses
 * nothing: the next full pass finds the file on the server and adopts it by content.
 */
import { ArsipdError } from "../../errors.js";
import type { DirListing } from "../../remote/types.js";
import { observeFolder } from "../discover.js";
import type { LocalFile } from "../types.js";
import { notStored } from "./failures.js";
import { recordUpload } from "./record.js";
import type { Run } from "./run.js";

/** Uploads checked together by one folder listing. */
export const CHECK_BATCH = 256;

export interface Unchecked {
  rel: string;
  remotePath: string;
  f: LocalFile;
  mtimeKept: boolean;
}

export class SizeCheck {
  /** Folders of uploads the server's answer confirmed (OwnCloud): listed once at the end. */
  readonly answered = new Set<string>();
  private unchecked = new Map<string, Unchecked[]>();
  private count = 0;

  /** Queues an upload into `dir`; checks every queued one once a batch is full. */
  async add(run: Run, dir: string, it: Unchecked): Promise<void> {
    const list = this.unchecked.get(dir) ?? [];
    list.push(it);
    this.unchecked.set(dir, list);
    if (++this.count >= CHECK_BATCH) await this.check(run, false);
  }

  /**
   * Lists each folder with queued uploads and records those the listing shows with their size.
   * A listing that fails is tried again at the next batch; at the `final` check it fails them.
   * `signal` is the pass's, or after a stop a short one of its own (apply.ts confirmSignal).
   */
  async check(run: Run, final: boolean, signal: AbortSignal = run.signal): Promise<void> {
    const { remote, journal, caps } = run.ctx;
    const batches = [...this.unchecked];
    this.unchecked = new Map();
    this.count = 0;
    for (const [dir, items] of batches) {
      let listing: DirListing;
      try {
        listing = await remote.listDir(dir, signal);
      } catch (err) {
        if (!final && !signal.aborted) {
          this.unchecked.set(dir, [...(this.unchecked.get(dir) ?? []), ...items]);
          this.count += items.length;
          continue;
        }
        for (const it of items) notStored(run, it, err);
        continue;
      }
      const listed = new Map(listing.children.map((e) => [e.path, e]));
      for (const it of items) {
        try {
          const e = listed.get(it.remotePath);
          if (!e) {
            throw new ArsipdError(
              "MIRROR_NOT_STORED",
              "retryable",
              `the server does not list ${it.remotePath} after the upload`,
            );
          }
          recordUpload(run, it.rel, it.f, e, it.mtimeKept);
        } catch (err) {
          notStored(run, it, err);
        }
      }
      // The same answer may show the folder as the journal now knows it: then its ETag is
      // recorded and the next full pass need not list it again (see discover.ts).
      if (caps.folderEtags) observeFolder(journal, dir, listing);
    }
  }
}
