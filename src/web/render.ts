/**
 * The web page's HTML, rendered on the server: works without JavaScript, no framework, one small
 * inline style sheet. Labels are Indonesian first, English after a slash. Every value is escaped.
 * Pure.
 */
import type { DaemonStatus } from "../daemon/status-file.js";
import type { Activity, Hit, QuarantinedFile } from "./data.js";

export const esc = (s: unknown) =>
  String(s ?? "").replace(
    /[&<>"']/g,
    (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c]!,
  );

const CSS = `body{font:15px/1.45 system-ui,sans-serif;margin:0;color:#1b1b1b;background:#f6f7f9}
header{background:#8b1a1a;color:#fff;padding:.6rem 1rem}header h1{font-size:1.2rem;margin:0}
nav a{color:#fff;margin-right:1rem}main{padding:1rem;max-width:70rem}
section{background:#fff;border:1px solid #ddd;border-radius:6px;padding:.8rem 1rem;margin-bottom:1rem}
h2{font-size:1.05rem;margin:.2rem 0 .6rem}small,.en{color:#666;font-weight:normal}
table{border-collapse:collapse;width:100%}th,td{text-align:left;padding:.3rem .5rem;border-bottom:1px solid #eee;vertical-align:top}
.ok{color:#176b1e}.bad{color:#a40000}input[type=search]{width:60%;padding:.35rem;font-size:1rem}
button{padding:.35rem .8rem;font-size:1rem}code{background:#f0f0f0;padding:0 .2rem}`;

function page(title: string, body: string, q = ""): string {
  return `<!DOCTYPE html><html lang="id"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">
<title>${esc(title)} · arsipd</title><style>${CSS}</style></head><body>
<header><h1>Arsip Keputusan <span class="en">/ Decree archive</span></h1><nav>
<a href="/">Beranda <span class="en">/ Home</span></a><a href="/karantina">Karantina <span class="en">/ Quarantine</span></a><a href="/kegiatan">Kegiatan hari ini <span class="en">/ Today</span></a></nav></header>
<main><form method="get" action="/" role="search"><input type="search" name="q" value="${esc(q)}" placeholder="nomor, tahun, jenis atau kata tentang" aria-label="Cari / Search">
<button type="submit">Cari <span class="en">/ Search</span></button></form>
${body}</main></body></html>`;
}

const STATE_LABEL: Record<string, string> = {
  idle: "siap / idle",
  scanning: "memeriksa / scanning",
  syncing: "menyinkronkan / syncing",
  error: "bermasalah / error",
  stopping: "berhenti / stopping",
};

function when(iso: string | undefined): string {
  if (!iso) return "-";
  const d = new Date(iso);
  return Number.isNaN(d.getTime()) ? esc(iso) : esc(d.toLocaleString("id-ID"));
}

export function homePage(
  status: DaemonStatus | undefined,
  quarantined: number,
  q: string,
  hits: Hit[] | undefined,
): string {
  const st = status
    ? `<table><tr><th>Keadaan <span class="en">/ State</span></th><td class="${status.state === "error" ? "bad" : "ok"}">${esc(STATE_LABEL[status.state] ?? status.state)}${status.detail ? `: ${esc(status.detail)}` : ""}</td></tr>
<tr><th>Server</th><td class="${status.remote.reachable === false ? "bad" : ""}">${esc(status.remote.description)} — ${esc(status.remote.message)}</td></tr>
<tr><th>Pemeriksaan terakhir <span class="en">/ Last pass</span></th><td>${status.lastPass ? `${when(status.lastPass.finishedAt)} — ${status.lastPass.ok ? '<span class="ok">berhasil / ok</span>' : `<span class="bad">gagal / failed</span> ${esc(status.lastPass.error ?? "")}`}` : "-"}</td></tr>
<tr><th>Terakhir berhasil <span class="en">/ Last success</span></th><td>${when(status.lastSuccessAt)}</td></tr>
<tr><th>Menunggu <span class="en">/ Waiting</span></th><td>${esc(waiting(status))}</td></tr>
<tr><th>Di karantina <span class="en">/ In quarantine</span></th><td><a href="/karantina">${quarantined} berkas</a></td></tr></table>`
    : "<p>Daemon belum berjalan atau belum menulis status. <span class='en'>/ The daemon has not written its status yet.</span></p>";
  let results = "";
  if (hits) {
    results = `<section id="hasil"><h2>Hasil pencarian <span class="en">/ Search results</span>: ${hits.length} untuk “${esc(q)}”</h2>${
      hits.length === 0
        ? "<p>Tidak ditemukan. <span class='en'>/ Nothing found.</span></p>"
        : `<table><thead><tr><th>Jenis</th><th>Nomor</th><th>Tahun</th><th>Tentang</th><th>Status</th><th>Berkas <span class="en">/ File</span></th></tr></thead><tbody>${hits
            .map(
              (h) =>
                `<tr><td>${esc(h.jenis)}</td><td>${esc(h.nomor)}</td><td>${esc(h.tahun)}</td><td>${esc(h.tentang)}</td><td>${esc(h.status)}</td><td>${h.link ? `<a href="${esc(h.link)}">${esc(h.name)}</a>` : esc(h.name)}</td></tr>`,
            )
            .join("")}</tbody></table>`
    }</section>`;
  }
  return page(
    "Beranda",
    `${results}<section><h2>Keadaan arsip <span class="en">/ Archive state</span></h2>${st}</section>`,
    q,
  );
}

/** Files left for later (still being written) and failed ones that are retried. */
function waiting(s: DaemonStatus): string {
  const num = (v: unknown) => (typeof v === "number" ? v : 0);
  const deferred = num(s.lastPass?.summary?.deferred);
  const failed = num(s.lastPass?.summary?.failed);
  if (deferred + failed === 0) return "tidak ada / nothing";
  const parts = [];
  if (deferred) parts.push(`${deferred} berkas ditunda (masih ditulis)`);
  if (failed) parts.push(`${failed} berkas gagal, dicoba lagi`);
  return parts.join(", ");
}

export function quarantinePage(items: QuarantinedFile[]): string {
  const rows = items
    .map(
      (f) =>
        `<tr><td><code>${esc(f.name)}</code><br><small>${esc(f.origin)} · ${when(f.time)}</small></td><td>${esc(f.reason)}</td><td>${f.suggestion ? `<code>${esc(f.suggestion)}</code>` : "-"}</td></tr>`,
    )
    .join("");
  return page(
    "Karantina",
    `<section><h2>Karantina <span class="en">/ Quarantine</span>: ${items.length} berkas</h2>${
      items.length === 0
        ? "<p>Karantina kosong. <span class='en'>/ The quarantine is empty.</span></p>"
        : `<table id="karantina"><thead><tr><th>Berkas <span class="en">/ File</span></th><th>Alasan <span class="en">/ Reason</span></th><th>Saran nama <span class="en">/ Suggested name</span></th></tr></thead><tbody>${rows}</tbody></table>`
    }<p><small>Ganti nama berkas di folder karantina; arsipd mengarsipkannya pada pemeriksaan berikutnya.</small></p></section>`,
  );
}

export function activityPage(items: Activity[]): string {
  const icon = { filed: "✔", quarantined: "⚠", failed: "✖" } as const;
  const rows = items
    .map(
      (a) =>
        `<tr><td>${esc(new Date(a.time).toLocaleTimeString("id-ID"))}</td><td class="${a.kind === "filed" ? "ok" : "bad"}">${icon[a.kind]} ${esc(a.text)}${a.advice ? `<br><small>${esc(a.advice)}</small>` : ""}</td></tr>`,
    )
    .join("");
  return page(
    "Kegiatan hari ini",
    `<section><h2>Kegiatan hari ini <span class="en">/ Today's activity</span></h2>${
      items.length === 0
        ? "<p>Belum ada kegiatan hari ini. <span class='en'>/ Nothing yet today.</span></p>"
        : `<table id="kegiatan"><tbody>${rows}</tbody></table>`
    }</section>`,
  );
}
