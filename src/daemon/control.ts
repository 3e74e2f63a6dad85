/**
 * The daemon's control socket: `<stateDir>/arsipd.sock`, a Unix socket only its owner may use
 * (mode 0600), through which `arsipd sync` and `arsipd index` ask the running daemon to do the
 * work in its own loop instead of racing it on the state folder.
 *
 * Protocol: one JSON request per connection, one line (`{"op":"sync","full":false,
 * "dryRun":false,"acceptDeletes":false}`, `{"op":"index"}` or `{"op":"status"}`); the daemon
 * answers with one line, `{"ok":true,"code":0,"result":…}` (the object the one-shot command
 * prints, and its exit code) or `{"ok":false,"code":70,"message":"…"}`, then closes.
 *
 * Path length: a Unix socket path holds at most 107 bytes (sun_path). When the state folder's
 * path is longer, the socket is bound and reached by its bare name from inside the state
 * folder (a synchronous chdir around bind/connect, the only moment the process's working
 * folder differs), so the socket is still in the state folder, where the lock is.
 */
import { chmodSync, lstatSync, unlinkSync } from "node:fs";
import net from "node:net";
import path from "node:path";

export const SOCKET_NAME = "arsipd.sock";
const SUN_PATH_MAX = 107;
/** A request is one short line: anything longer is not ours. */
const MAX_REQUEST_BYTES = 4096;

export type ControlRequest =
  | { op: "sync"; full: boolean; dryRun: boolean; acceptDeletes: boolean }
  | { op: "index" }
  | { op: "status" };

export type ControlReply =
  | { ok: true; code: number; result: unknown }
  | { ok: false; code: number; message: string };

export function socketPath(stateDir: string): string {
  return path.resolve(stateDir, SOCKET_NAME);
}

/** Runs `fn` with the socket's address: the full path, or the bare name from its folder. */
export function withSocketAddress<T>(stateDir: string, fn: (address: string) => T): T {
  const full = socketPath(stateDir);
  if (Buffer.byteLength(full) <= SUN_PATH_MAX) return fn(full);
  const back = process.cwd();
  process.chdir(path.dirname(full));
  try {
    return fn(SOCKET_NAME);
  } finally {
    process.chdir(back);
  }
}

/** Reads a request line; undefined (with why) when it is not a request this daemon serves. */
export function parseRequest(line: string): ControlRequest | string {
  let v: unknown;
  try {
    v = JSON.parse(line);
  } catch {
    return "not JSON";
  }
  if (typeof v !== "object" || v === null) return "not an object";
  const r = v as Record<string, unknown>;
  if (r.op === "index" || r.op === "status") return { op: r.op };
  if (r.op === "sync") {
    return {
      op: "sync",
      full: r.full === true,
      dryRun: r.dryRun === true,
      acceptDeletes: r.acceptDeletes === true,
    };
  }
  return `unknown op ${JSON.stringify(r.op)}`;
}

/**
 * Listens on the state folder's socket. The caller holds the state folder's lock, so a socket
 * file already there was left by a daemon that died (kill -9, power cut) and is removed; a
 * non-socket at that name is left alone and reported. The socket is created under umask 0177,
 * so no other user can connect even before the chmod.
 */
export async function startControl(
  stateDir: string,
  handle: (req: ControlRequest) => Promise<ControlReply>,
  onError: (err: unknown) => void,
): Promise<() => Promise<void>> {
  const file = socketPath(stateDir);
  try {
    if (!lstatSync(file).isSocket()) {
      throw new Error(
        `${file} exists and is not a socket; move it away so arsipd can use the name`,
      );
    }
    unlinkSync(file);
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== "ENOENT") throw err;
  }
  const open = new Set<net.Socket>();
  const server = net.createServer((conn) => {
    open.add(conn);
    conn.on("close", () => open.delete(conn));
    conn.on("error", () => undefined); // the client went away: its answer is dropped
    let buf = "";
    let done = false;
    conn.on("data", (d: Buffer) => {
      if (done) return;
      buf += d.toString("utf8");
      const nl = buf.indexOf("\n");
      if (nl < 0 && buf.length <= MAX_REQUEST_BYTES) return;
      done = true;
      const parsed = nl < 0 ? "request too long" : parseRequest(buf.slice(0, nl));
      const answer: Promise<ControlReply> =
        typeof parsed === "string"
          ? Promise.resolve({ ok: false, code: 64, message: `bad request: ${parsed}` })
          : handle(parsed).catch((err) => ({
              ok: false as const,
              code: 70,
              message: err instanceof Error ? err.message : String(err),
            }));
      void answer.then((reply) => {
        if (!conn.destroyed) conn.end(`${JSON.stringify(reply)}\n`);
      });
    });
  });
  server.on("error", onError);
  const listening = new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.once("listening", () => {
      server.off("error", reject);
      resolve();
    });
  });
  // bind() happens inside listen(), synchronously: the umask covers exactly the socket.
  const mask = process.umask(0o177);
  try {
    withSocketAddress(stateDir, (address) => server.listen(address));
  } finally {
    process.umask(mask);
  }
  await listening;
  chmodSync(file, 0o600);
  return async () => {
    // libuv unlinks the socket by the name it was bound with when the server closes (a bare
    // name is resolved against the working folder then): close from the same folder.
    await new Promise<void>((resolve) => {
      withSocketAddress(stateDir, () => server.close(() => resolve()));
      for (const c of open) c.destroy();
    });
    try {
      unlinkSync(file);
    } catch {
      // already gone
    }
  };
}
