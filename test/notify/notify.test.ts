/**
 * E-mail notifications against a real SMTP server (smtp-server on a random loopback port, with
 * login): a quarantined file, an unreachable server past `notify.after`, a failing mirror — each
 * mailed once, also across a restart of the notifier; the daily digest sends one summary on the
 * next day; the SMTP password never reaches the log.
 */
import type { AddressInfo } from "node:net";
import path from "node:path";
import pino from "pino";
import { SMTPServer } from "smtp-server";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Config, configSchema } from "../../src/config/schema.js";
import { type DaemonStatus, writeStatus } from "../../src/daemon/status-file.js";
import { Notifier } from "../../src/notify/notifier.js";
import { put, tempDir } from "../register/helpers.js";

interface Mail {
  to: string[];
  data: string;
}
const mails: Mail[] = [];
const PASSWORD = "smtp-rahasia-42";
let smtp: SMTPServer;
let port: number;

beforeAll(async () => {
  smtp = new SMTPServer({
    disabledCommands: ["STARTTLS"],
    allowInsecureAuth: true,
    onAuth(auth, _session, cb) {
      if (auth.username === "arsip" && auth.password === PASSWORD) cb(null, { user: "arsip" });
      else cb(new Error("bad login"));
    },
    onData(stream, session, cb) {
      let data = "";
      stream.on("data", (c: Buffer) => {
        data += c.toString("utf8");
      });
      stream.on("end", () => {
        // Bodies are quoted-printable: undo soft breaks and =XX so the text can be searched.
        const plain = Buffer.from(
          data
            .replace(/=\r\n/g, "")
            .replace(/=([0-9A-F]{2})/g, (_, h: string) =>
              String.fromCharCode(Number.parseInt(h, 16)),
            ),
          "latin1",
        ).toString("utf8");
        mails.push({ to: session.envelope.rcptTo.map((r) => r.address), data: plain });
        cb();
      });
    },
  });
  await new Promise<void>((resolve) => smtp.listen(0, "127.0.0.1", () => resolve()));
  port = (smtp.server.address() as AddressInfo).port;
});

afterAll(async () => {
  await new Promise<void>((resolve) => smtp.close(() => resolve()));
});

async function setup(
  extra: Record<string, unknown> = {},
): Promise<{ config: Config; lines: string[] }> {
  const dir = await tempDir("arsipd-notify-");
  const config = configSchema.parse({
    share: path.join(dir, "arsip"),
    stateDir: path.join(dir, "state"),
    notify: {
      enabled: true,
      to: ["admin@kpu.example"],
      from: "arsipd@kpu.example",
      smtp: { host: "127.0.0.1", port, username: "arsip" },
      after: 30,
      ...extra,
    },
  });
  await put(config.share, "_KARANTINA/scan 1.pdf", "q");
  await put(
    config.share,
    "_KARANTINA/scan 1.pdf.ALASAN.txt",
    "Berkas: scan 1.pdf\nAlasan: Nomor keputusan tidak terbaca.\nKode: NO_NUMBER\nAsal: MASUK\nWaktu: 2026-01-05T08:00:00Z\n",
  );
  return { config, lines: [] };
}

function status(at: Date, reachable: boolean, ok: boolean, lastSuccess: Date): DaemonStatus {
  return {
    pid: 1,
    state: ok ? "idle" : "error",
    startedAt: lastSuccess.toISOString(),
    updatedAt: at.toISOString(),
    remote: {
      description: "https://cloud.example/",
      reachable,
      message: reachable ? "ok" : "ECONNREFUSED",
    },
    lastPass: {
      kind: "full",
      startedAt: at.toISOString(),
      finishedAt: at.toISOString(),
      ok,
      summary: {},
      error: ok ? undefined : "HTTP 503",
    },
    lastSuccessAt: lastSuccess.toISOString(),
  };
}

const subjects = (from: number) =>
  mails.slice(from).map((m) => /^Subject: (.*)$/m.exec(m.data)?.[1] ?? "");

describe("notifications by e-mail", () => {
  it("each event once: quarantine now, the outage only after notify.after, not again after a restart", async () => {
    const { config } = await setup();
    const lines: string[] = [];
    const log = pino({ level: "info" }, { write: (s: string) => lines.push(s) });
    const start = mails.length;
    const t0 = new Date(2026, 0, 5, 9, 0);
    await writeStatus(
      config.stateDir,
      status(t0, false, false, new Date(t0.getTime() - 10 * 60_000)),
    );
    const n = new Notifier(config, log, PASSWORD);
    expect(await n.check(t0)).toBe(1); // the quarantined file; the outage is 10 min old
    expect(subjects(start)).toEqual(["[arsipd] Berkas masuk karantina: scan 1.pdf"]);
    expect(mails.at(-1)!.to).toEqual(["admin@kpu.example"]);
    expect(mails.at(-1)!.data).toContain("Nomor keputusan tidak terbaca.");
    const t1 = new Date(t0.getTime() + 25 * 60_000);
    expect(await n.check(t1)).toBe(1);
    expect(subjects(start)[1]).toMatch(/Server arsip tidak terjangkau/);
    expect(await n.check(new Date(t1.getTime() + 60_000))).toBe(0);
    await n.close();
    const again = new Notifier(config, log, PASSWORD); // a restart of the daemon
    expect(await again.check(new Date(t1.getTime() + 120_000))).toBe(0);
    // Reachable again but the mirror keeps failing: a different event, mailed once.
    await writeStatus(
      config.stateDir,
      status(t1, true, false, new Date(t0.getTime() - 10 * 60_000)),
    );
    expect(await again.check(new Date(t1.getTime() + 180_000))).toBe(1);
    expect(subjects(start)[2]).toBe("[arsipd] Sinkronisasi arsip gagal");
    await again.close();
    expect(lines.join("\n")).not.toContain(PASSWORD);
  });

  it("digest: nothing during the day, one summary at the first look on the next day", async () => {
    const { config } = await setup({ digest: true });
    const log = pino({ level: "silent" });
    const start = mails.length;
    const day1 = new Date(2026, 0, 5, 9, 0);
    await writeStatus(
      config.stateDir,
      status(day1, false, false, new Date(day1.getTime() - 3_600_000)),
    );
    const n = new Notifier(config, log, PASSWORD);
    expect(await n.check(day1)).toBe(0);
    expect(await n.check(new Date(2026, 0, 5, 17, 0))).toBe(0);
    expect(await n.check(new Date(2026, 0, 6, 7, 0))).toBe(1);
    expect(subjects(start)).toEqual(["[arsipd] Ringkasan arsip: 2 kejadian"]);
    expect(mails.at(-1)!.data).toContain("scan 1.pdf");
    expect(mails.at(-1)!.data).toContain("tidak terjangkau");
    expect(await n.check(new Date(2026, 0, 7, 7, 0))).toBe(0); // nothing new: no empty digest
    await n.close();
  });

  it("a wrong SMTP password: one warning, no crash, the event is tried again later", async () => {
    const { config } = await setup();
    const lines: string[] = [];
    const log = pino({ level: "info" }, { write: (s: string) => lines.push(s) });
    const start = mails.length;
    const bad = new Notifier(config, log, "salah");
    expect(await bad.check(new Date(2026, 0, 5, 9))).toBe(0);
    expect(lines.filter((l) => l.includes("e-mail not sent"))).toHaveLength(1);
    await bad.close();
    const good = new Notifier(config, log, PASSWORD);
    expect(await good.check(new Date(2026, 0, 5, 9, 5))).toBeGreaterThanOrEqual(1);
    expect(subjects(start)).toContain("[arsipd] Berkas masuk karantina: scan 1.pdf");
    await good.close();
  });
});
