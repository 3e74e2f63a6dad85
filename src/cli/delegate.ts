/**
 * `arsipd sync`/`arsipd index` while the daemon runs: instead of racing it on the state folder
 * (or refusing), the command asks the daemon over its control socket to do the work in its
 * own loop, prints the daemon's answer as it would print its own, and exits with its code.
 * When no daemon holds the state folder, the command runs the work itself (the caller takes
 * the lock next; a socket left by a daemon that died is removed then).
 */
import net from "node:net";
import { type ControlReply, type ControlRequest, withSocketAddress } from "../daemon/control.js";
import { lockOwner } from "../daemon/lock.js";
import { ArsipdError } from "../errors.js";

/** How long a daemon that holds the lock may take to open its socket (it does so at start). */
const START_WAIT_MS = 20_000;

export interface AskOptions {
  request: ControlRequest;
  /** Prints the daemon's result the way the one-shot command prints its own. */
  print(result: unknown): void;
  stderr?: NodeJS.WritableStream;
}

/**
 * The daemon's exit code after printing its result, or undefined when no daemon holds the
 * state folder (the caller does the work itself).
 */
export async function askDaemon(stateDir: string, opts: AskOptions): Promise<number | undefined> {
  const end = Date.now() + START_WAIT_MS;
  for (;;) {
    const owner = lockOwner(stateDir);
    // No holder: run here. A one-shot command holds it: the caller's lock says who and exits.
    if (owner?.role !== "daemon") return undefined;
    let reply: ControlReply | undefined;
    try {
      reply = await exchange(stateDir, opts.request);
    } catch (err) {
      if (err instanceof ArsipdError) throw err;
      const code = (err as NodeJS.ErrnoException).code;
      // Not listening (yet): the daemon is starting, or has just died. Look again.
      if (code !== "ENOENT" && code !== "ECONNREFUSED") throw unreachable(stateDir, err);
      if (Date.now() > end) throw unreachable(stateDir, err);
      await new Promise((r) => setTimeout(r, 200));
      continue;
    }
    if (reply.ok) {
      opts.print(reply.result);
      return reply.code;
    }
    (opts.stderr ?? process.stderr).write(`arsipd: ${reply.message}\n`);
    return reply.code;
  }
}

function unreachable(stateDir: string, err: unknown): ArsipdError {
  const why = err instanceof Error ? err.message : String(err);
  return new ArsipdError(
    "DAEMON_UNREACHABLE",
    "fatal",
    `the arsipd daemon holds ${stateDir} but does not answer on its control socket (${why}); see 'arsipd status' and 'arsipd logs'`,
  );
}

/** One request, one answer line. The daemon may work for a long time: no timeout. */
function exchange(stateDir: string, req: ControlRequest): Promise<ControlReply> {
  return new Promise((resolve, reject) => {
    const conn = withSocketAddress(stateDir, (address) => net.createConnection(address));
    let buf = "";
    let settled = false;
    conn.setEncoding("utf8");
    conn.on("connect", () => conn.write(`${JSON.stringify(req)}\n`));
    conn.on("data", (d: string) => {
      buf += d;
    });
    conn.on("error", (err) => {
      if (settled) return;
      settled = true;
      reject(err);
    });
    conn.on("close", () => {
      if (settled) return;
      settled = true;
      const line = buf.split("\n")[0] ?? "";
      try {
        resolve(JSON.parse(line) as ControlReply);
      } catch {
        reject(
          new ArsipdError(
            "DAEMON_NO_ANSWER",
            "fatal",
            "the arsipd daemon closed the connection without an answer (stopping or restarting?); see 'arsipd logs', then run the command again",
          ),
        );
      }
    });
  });
}
