/**
 * Sends the events of events.ts by e-mail (nodemailer over SMTP), each once: the keys already
 * sent are kept in the state folder (notify.json), so a restart does not send them again. With
 * `notify.digest`, events are collected and sent as one e-mail a day (the first check on a new
 * local day sends the previous days' collection). A failed send is retried at the next check;
 * the SMTP password (ARSIPD_SMTP_PASSWORD) never reaches a log line.
 */
import { readFile } from "node:fs/promises";
import path from "node:path";
import nodemailer, { type Transporter } from "nodemailer";
import type { Config } from "../config/schema.js";
import { describeError } from "../errors.js";
import type { Logger } from "../log/logger.js";
import { writeFileAtomic } from "../util/atomic-write.js";
import { loadQuarantine, loadStatus } from "../web/data.js";
import { detectEvents, type NotifyEvent } from "./events.js";

interface NotifyState {
  sent: string[];
  pending: NotifyEvent[];
  /** Local date (YYYY-MM-DD) of the last digest sent or started. */
  day: string;
}

const localDay = (d: Date) =>
  `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, "0")}-${String(d.getDate()).padStart(2, "0")}`;

export class Notifier {
  readonly #file: string;
  readonly #mail: Transporter;

  constructor(
    private readonly config: Config,
    private readonly log: Logger,
    password = process.env.ARSIPD_SMTP_PASSWORD,
  ) {
    this.#file = path.join(config.stateDir, "notify.json");
    const { smtp } = config.notify;
    this.#mail = nodemailer.createTransport({
      host: smtp.host,
      port: smtp.port,
      secure: smtp.secure,
      ...(smtp.username ? { auth: { user: smtp.username, pass: password ?? "" } } : {}),
      connectionTimeout: 20_000,
    });
  }

  /** One look: new events are sent (or queued for the digest). Never throws. */
  async check(now = new Date()): Promise<number> {
    const n = this.config.notify;
    const state = await this.#load(now);
    const sent = new Set(state.sent);
    const events = detectEvents(
      await loadStatus(this.config),
      await loadQuarantine(this.config),
      now.getTime(),
      n.after,
    ).filter((e) => !sent.has(e.key) && !state.pending.some((p) => p.key === e.key));
    let mails = 0;
    try {
      if (n.digest) {
        state.pending.push(...events);
        const today = localDay(now);
        if (state.day !== today) {
          if (state.pending.length > 0) {
            await this.#send(
              `Ringkasan arsip: ${state.pending.length} kejadian`,
              state.pending.map((e) => `• ${e.subject}\n${e.text}`).join("\n\n"),
            );
            mails++;
            for (const e of state.pending) sent.add(e.key);
            state.pending = [];
          }
          state.day = today;
        }
      } else {
        for (const e of events) {
          await this.#send(e.subject, e.text);
          mails++;
          sent.add(e.key);
        }
      }
    } catch (err) {
      this.log.warn(
        { module: "notify" },
        `e-mail not sent, trying again later: ${describeError(err)}`,
      );
    }
    // Keys of events that are over are dropped, so the file does not grow without end.
    const live = new Set(events.map((e) => e.key));
    const current = detectEvents(
      await loadStatus(this.config),
      await loadQuarantine(this.config),
      now.getTime(),
      n.after,
    ).map((e) => e.key);
    for (const k of current) live.add(k);
    state.sent = [...sent].filter((k) => live.has(k));
    await writeFileAtomic(this.#file, `${JSON.stringify(state)}\n`);
    return mails;
  }

  async close(): Promise<void> {
    this.#mail.close();
  }

  async #send(subject: string, text: string): Promise<void> {
    const n = this.config.notify;
    await this.#mail.sendMail({
      from: n.from,
      to: n.to.join(", "),
      subject: `[arsipd] ${subject}`,
      text,
    });
  }

  async #load(now: Date): Promise<NotifyState> {
    try {
      const s = JSON.parse(await readFile(this.#file, "utf8")) as NotifyState;
      return { sent: s.sent ?? [], pending: s.pending ?? [], day: s.day ?? localDay(now) };
    } catch {
      return { sent: [], pending: [], day: localDay(now) };
    }
  }
}
