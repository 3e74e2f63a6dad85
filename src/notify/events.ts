/**
 * What deserves an e-mail, decided from what the daemon writes (status.json, the quarantine):
 * a file in quarantine; the mirror failing, or the server unreachable, for longer than
 * `notify.after` minutes since the last good pass. Each event has a stable key so it is sent
 * once: the same outage keeps its key (it is dated by the last success), a new outage gets a new
 * one. Pure.
 */
import type { DaemonStatus } from "../daemon/status-file.js";
import type { QuarantinedFile } from "../web/data.js";

export interface NotifyEvent {
  key: string;
  subject: string;
  text: string;
}

export function detectEvents(
  status: DaemonStatus | undefined,
  quarantine: QuarantinedFile[],
  now: number,
  afterMinutes: number,
): NotifyEvent[] {
  const out: NotifyEvent[] = [];
  for (const q of quarantine) {
    out.push({
      key: `karantina:${q.name}:${q.time}`,
      subject: `Berkas masuk karantina: ${q.name}`,
      text: `Berkas "${q.name}" (dari ${q.origin || "folder utama"}) masuk karantina.\nAlasan: ${q.reason}\nYang harus dilakukan: ganti nama berkas di folder karantina${q.suggestion ? `, misalnya "${q.suggestion}"` : ""}; arsipd mengarsipkannya pada pemeriksaan berikutnya.`,
    });
  }
  if (status) {
    const since = Date.parse(status.lastSuccessAt ?? status.startedAt);
    const longEnough = Number.isFinite(since) && now - since >= afterMinutes * 60_000;
    const sinceText = new Date(since).toISOString();
    if (longEnough && status.remote.reachable === false) {
      out.push({
        key: `server:${sinceText}`,
        subject: `Server arsip tidak terjangkau sejak ${sinceText}`,
        text: `arsipd tidak dapat menghubungi ${status.remote.description} lebih dari ${afterMinutes} menit (${status.remote.message}).\nBerkas tetap aman di share dan dikirim setelah server kembali. Periksa jaringan, server OwnCloud, dan kata sandi.`,
      });
    } else if (longEnough && status.lastPass && !status.lastPass.ok) {
      out.push({
        key: `mirror:${sinceText}`,
        subject: "Sinkronisasi arsip gagal",
        text: `Sinkronisasi ke ${status.remote.description} gagal sejak ${sinceText}: ${status.lastPass.error ?? "lihat arsipd logs"}.\nJalankan \`arsipd status\` dan \`arsipd logs --since 1h\` untuk rinciannya.`,
      });
    }
  }
  return out;
}
