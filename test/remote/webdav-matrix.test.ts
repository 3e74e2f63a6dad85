/** The Remote contract against every server of the matrix (test/servers/matrix.ts). */
import { SERVER_KINDS, serverCaps, startServer } from "../servers/index.js";
import { remoteContract } from "./contract.js";
import { makeWebDav, rootOnDisk } from "./helpers.js";

for (const kind of SERVER_KINDS) {
  const caps = serverCaps(kind);
  remoteContract(
    `WebDAV on ${caps.label}`,
    async () => {
      const s = await startServer(kind);
      return { remote: makeWebDav(s), root: rootOnDisk(s), close: () => s.stop() };
    },
    {
      serverFiles: caps.ownFiles,
      honours: { setMtime: caps.setMtime, sha1: caps.checksums, etags: caps.etags !== "none" },
    },
  );
}
