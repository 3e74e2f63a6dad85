/** The Remote contract against the local-folder remote (the built-in default, NAS mounts). */
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { LocalRemote } from "../../src/remote/local.js";
import { remoteContract } from "./contract.js";

remoteContract(
  "local folder",
  async () => {
    const root = path.join(mkdtempSync(path.join(tmpdir(), "arsipd-localremote-")), "mirror");
    return { remote: new LocalRemote(root), root, close: async () => {} };
  },
  { honours: { setMtime: true, sha1: false, etags: true } },
);
