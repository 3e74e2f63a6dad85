/**
 * The SabreDAV server behind the fault proxy, started once per describe block: the fixture of
 * the process tests that need a real WebDAV server they can also break (faults, kills, truth).
 * Call inside a describe(); read `fx.server` / `fx.proxy` inside tests.
 */
import { afterAll, beforeAll } from "vitest";
import { type FaultProxy, startFaultProxy } from "../servers/fault-proxy.js";
import { type DavServer, startSabre } from "../servers/index.js";

export interface SabreFixture {
  readonly server: DavServer;
  readonly proxy: FaultProxy;
}

export function sabreBehindProxy(): SabreFixture {
  const it: { server?: DavServer; proxy?: FaultProxy } = {};
  beforeAll(async () => {
    it.server = await startSabre();
    it.proxy = await startFaultProxy(it.server.url);
  });
  afterAll(async () => {
    await it.proxy?.close();
    await it.server?.stop();
  });
  return {
    get server() {
      if (!it.server) throw new Error("the SabreDAV fixture is not started (use it inside a test)");
      return it.server;
    },
    get proxy() {
      if (!it.proxy) throw new Error("the fault proxy is not started (use it inside a test)");
      return it.proxy;
    },
  };
}
