/**
 * The Remote contract against SabreDAV with the OwnCloud emulation through the legacy
 * /remote.php/webdav endpoint (the matrix, webdav-matrix.test.ts, covers the other one).
 */
import { startSabre } from "../servers/index.js";
import { remoteContract } from "./contract.js";
import { makeWebDav, rootOnDisk } from "./helpers.js";

remoteContract(
  "WebDAV on SabreDAV via /remote.php/webdav",
  async () => {
    const s = await startSabre();
    return {
      remote: makeWebDav(s, { url: `${s.baseUrl}/remote.php/webdav` }),
      root: rootOnDisk(s),
      close: () => s.stop(),
    };
  },
  { honours: { setMtime: true, sha1: true, etags: true } },
);
