/** What every test server gives a test (see matrix.ts for the kinds and what each honours). */
export type ServerKind =
  | "sabre"
  | "sabre-modphp"
  | "sabre-fpm"
  | "apache-dav"
  | "nginx"
  | "nginx-fullpath"
  | "rclone"
  | "webdav-server";

export interface DavServer {
  kind: ServerKind;
  /** Origin, e.g. http://127.0.0.1:PORT */
  baseUrl: string;
  /** The user's DAV root (…/remote.php/dav/files/<user> for sabre, …/dav for Apache). */
  url: string;
  /** The folder on disk behind `url`. */
  root: string;
  username: string;
  password: string;
  /**
   * The account the server writes files as, when it is not the tests' own (tests run as root,
   * server workers as www-data): a folder a test creates on disk must be handed to it.
   */
  owner?: { uid: number; gid: number } | undefined;
  /** The server's own output and log files, for failure messages. */
  logs?: () => string;
  stop(): Promise<void>;
  /** Stops and starts again with the same port, root and credentials. */
  restart(): Promise<void>;
  setMaintenance?(on: boolean): Promise<void>;
  /** sabre-fpm only: restart with or without `CGIPassAuth On`. */
  setPassAuth?(on: boolean): Promise<void>;
}
