/**
 * The server matrix: every WebDAV server the suite runs against, started by one call, with what
 * each one honours declared here, so a test that needs a feature says so (`skipIf`) instead of
 * checking the server's name. Declarations are facts about the servers as configured by the
 * harness, checked by test/servers/matrix.test.ts with raw requests.
 */
import { startApache } from "./apache.js";
import { startRclone, startSabre } from "./index.js";
import { startNginx } from "./nginx.js";
import { startNpmWebdav } from "./npm-webdav.js";
import type { DavServer, ServerKind } from "./types.js";

export interface ServerCaps {
  /** One line for test names. */
  label: string;
  /** status.php and the OwnCloud headers (the adapter's ownCloud code path). */
  ownCloud: boolean;
  /** Keeps the mtime sent as X-OC-Mtime (answers `X-OC-Mtime: accepted`). */
  setMtime: boolean;
  /** Refuses a PUT whose body does not match OC-Checksum, and lists oc:checksums. */
  checksums: boolean;
  /**
   * ETags in listings: "strong" always; "weak-when-fresh" W/"…" for a file changed within the
   * last second, strong later (Apache); "mtime" a hash of the modification time alone (ms), so
   * two writes within one millisecond share it (npm webdav-server); "none" when it gives none.
   */
  etags: "strong" | "weak-when-fresh" | "mtime" | "none";
  /** A PUT cut off mid-body leaves the target as it was (the server writes elsewhere first). */
  atomicPut: boolean;
  /** A PUT into a missing folder creates the folder (nginx create_full_put_path on). */
  createsParents: boolean;
  /** Hrefs in PROPFIND answers carry reserved characters such as `#` unencoded. */
  rawHrefs: boolean;
  /** setMaintenance() works (OwnCloud maintenance mode). */
  maintenance: boolean;
  /** setPassAuth() works (Apache + PHP-FPM with or without CGIPassAuth On). */
  passAuthSwitch: boolean;
  /** Files the server itself keeps in the folders it serves (SabreDAV FSExt's `.sabredav`). */
  ownFiles: string[];
  /** Debian packages the server needs (also in test/run.sh). */
  debPackages: string[];
}

const plain = {
  ownCloud: false,
  setMtime: false,
  checksums: false,
  atomicPut: true,
  createsParents: false,
  rawHrefs: false,
  maintenance: false,
  passAuthSwitch: false,
  ownFiles: [] as string[],
};

const CAPS: Record<ServerKind, ServerCaps> = {
  sabre: {
    ...plain,
    label: "SabreDAV (php -S, OwnCloud emulation)",
    ownCloud: true,
    setMtime: true,
    checksums: true,
    etags: "strong",
    maintenance: true,
    debPackages: ["php-cli", "php-sabre-dav"],
  },
  "sabre-modphp": {
    ...plain,
    label: "stock SabreDAV in Apache mod_php",
    ownFiles: [".sabredav"],
    etags: "strong",
    atomicPut: false,
    debPackages: ["apache2", "libapache2-mod-php", "php-sabre-dav"],
  },
  "sabre-fpm": {
    ...plain,
    label: "stock SabreDAV in Apache + PHP-FPM",
    ownFiles: [".sabredav"],
    etags: "strong",
    atomicPut: false,
    passAuthSwitch: true,
    debPackages: ["apache2", "php-fpm", "php-sabre-dav"],
  },
  "apache-dav": {
    ...plain,
    label: "Apache mod_dav_fs",
    etags: "weak-when-fresh",
    debPackages: ["apache2"],
  },
  nginx: {
    ...plain,
    label: "nginx dav + dav-ext",
    etags: "none",
    debPackages: ["nginx", "libnginx-mod-http-dav-ext"],
  },
  "nginx-fullpath": {
    ...plain,
    label: "nginx dav + dav-ext, create_full_put_path on",
    etags: "none",
    createsParents: true,
    debPackages: ["nginx", "libnginx-mod-http-dav-ext"],
  },
  rclone: {
    ...plain,
    label: "rclone serve webdav",
    etags: "strong",
    debPackages: ["rclone"],
  },
  "webdav-server": {
    ...plain,
    label: "npm webdav-server",
    etags: "mtime",
    atomicPut: false,
    rawHrefs: true,
    debPackages: [],
  },
};

export const SERVER_KINDS = Object.keys(CAPS) as ServerKind[];

export function serverCaps(kind: ServerKind): ServerCaps {
  return CAPS[kind];
}

/** Starts a server of the matrix on a random loopback port with a fresh temp root. */
export function startServer(kind: ServerKind): Promise<DavServer> {
  switch (kind) {
    case "sabre":
      return startSabre();
    case "rclone":
      return startRclone();
    case "sabre-modphp":
    case "sabre-fpm":
    case "apache-dav":
      return startApache(kind);
    case "nginx":
    case "nginx-fullpath":
      return startNginx(kind);
    case "webdav-server":
      return startNpmWebdav();
  }
}
