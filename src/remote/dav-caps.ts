/**
 * What the server honours, learnt once by a probe in `check()` (dav-probe.ts) so the first pass
 * of a process plans with the real set, and kept up to date by what PUT answers and listings
 * show afterwards (a server that was not probed, e.g. the probe was not allowed to write, is
 * learnt the old way: from the first uploads).
 */
import { isWeakEtag } from "./etag.js";
import type { OcStatus } from "./owncloud-status.js";
import type { RemoteCapabilities, RemoteEntry } from "./types.js";

export class DavCaps {
  ownCloud: OcStatus | null = null;
  mtime: "accepted" | "ignored" | undefined;
  sawSha1 = false;
  sawEtag = false;
  sawWeakEtag = false;
  probed = false;

  /** A PUT's answer: whether X-OC-Mtime was accepted. */
  notePut(mtimeHeader: string | undefined): void {
    if (mtimeHeader === "accepted") this.mtime = "accepted";
    else if (this.mtime === undefined) this.mtime = "ignored";
  }

  noteEntries(entries: RemoteEntry[]): void {
    for (const e of entries) {
      if (e.type !== "file") continue;
      if (e.checksums?.sha1) this.sawSha1 = true;
      if (e.etag) {
        this.sawEtag = true;
        if (isWeakEtag(e.etag)) this.sawWeakEtag = true;
      }
    }
  }

  get(): RemoteCapabilities {
    const oc = this.ownCloud !== null;
    return {
      setMtime: this.mtime === "accepted",
      checksums: this.sawSha1 ? ["sha1"] : [],
      etags: this.sawEtag || oc,
      // OwnCloud propagates folder ETags to the root; a plain WebDAV server may not.
      folderEtags: oc,
      weakEtags: this.sawWeakEtag,
      ownCloud: oc,
      probed: this.probed,
    };
  }
}
