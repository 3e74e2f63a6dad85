/**
 * A TCP relay in front of a test server on 127.0.0.1: counts the bytes sent towards the server
 * (so a test can kill a client while a big PUT is on the wire) and can play a lost server
 * (`setDown(true)`: open connections are cut, new ones are closed at once), while the server
 * itself, its files and its port stay as they are.
 */
import net from "node:net";

export interface Relay {
  port: number;
  /** Starts the byte count again from 0. */
  reset(): void;
  setDown(down: boolean): void;
  close(): Promise<void>;
}

/** Relays to `port`; `onBytes` sees the running total of bytes sent towards the server. */
export async function startRelay(
  port: number,
  onBytes: (total: number) => void = () => undefined,
): Promise<Relay> {
  let total = 0;
  let down = false;
  const sockets = new Set<net.Socket>();
  const srv = net.createServer((client) => {
    if (down) {
      client.destroy();
      return;
    }
    const up = net.connect(port, "127.0.0.1");
    sockets.add(client).add(up);
    client.on("data", (d) => {
      total += d.length;
      onBytes(total);
    });
    client.pipe(up).pipe(client);
    const end = () => {
      client.destroy();
      up.destroy();
      sockets.delete(client);
      sockets.delete(up);
    };
    client.on("error", end).on("close", end);
    up.on("error", end).on("close", end);
  });
  await new Promise<void>((r) => srv.listen(0, "127.0.0.1", r));
  return {
    port: (srv.address() as net.AddressInfo).port,
    reset: () => {
      total = 0;
    },
    setDown: (d) => {
      down = d;
      if (d) for (const s of sockets) s.destroy();
    },
    close: () =>
      new Promise<void>((r) => {
        for (const s of sockets) s.destroy();
        srv.close(() => r());
      }),
  };
}
