/** The Remote contract against rclone serve webdav (plain WebDAV: scratch upload + MOVE). */
import { startRclone } from "../servers/index.js";
import { remoteContract } from "./contract.js";
import { makeWebDav, rootOnDisk } from "./helpers.js";

remoteContract("WebDAV on rclone serve webdav", async () => {
  const s = await startRclone();
  return { remote: makeWebDav(s), root: rootOnDisk(s), close: () => s.stop() };
});
