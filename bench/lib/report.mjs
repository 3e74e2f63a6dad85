/**
 * Turns the raw runs into the figures users compare: per tool and scenario the median wall time
 * of the runs and the highest peak RSS, with a tool's figure INVALID when any of its runs left a
 * wrong remote; then the ratios arsipd/rclone, arsipd/owncloudcmd and arsipd/ceiling.
 */
import os from "node:os";

export function median(xs) {
  if (xs.length === 0) return null;
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
}

export function percentile(xs, p) {
  if (xs.length === 0) return null;
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.max(0, Math.ceil((p / 100) * s.length) - 1))];
}

/** {runs:[{ms,peakKb,valid}]} → {medianMs, peakKb, valid, runs} */
export function summarize(runs) {
  const valid = runs.length > 0 && runs.every((r) => r.valid);
  return {
    valid,
    medianMs: median(runs.map((r) => r.ms)),
    peakKb: Math.max(0, ...runs.map((r) => r.peakKb ?? 0)),
    runs,
  };
}

export const SCENARIOS = [
  ["first", "first mirror"],
  ["noChange", "no-change pass"],
  ["oneChange", "one file changed"],
];
const PEERS = ["rclone", "owncloudcmd", "ceiling"];

export function ratios(scen, tools) {
  const out = {};
  const a = scen.arsipd;
  for (const p of PEERS) {
    const b = scen[p];
    out[`arsipd/${p}`] =
      a?.valid && b?.valid && a.medianMs && b.medianMs
        ? Number((a.medianMs / b.medianMs).toFixed(3))
        : null;
  }
  if (!tools.arsipd?.ok) for (const k of Object.keys(out)) out[k] = "arsipd missing";
  return out;
}

function cell(tools, name, s) {
  if (!tools[name]?.ok)
    return tools[name]?.reason?.startsWith("not selected") ? "not run" : "missing";
  if (!s) return "-";
  if (!s.valid) return "INVALID";
  return `${(s.medianMs / 1000).toFixed(2)} s / ${Math.round(s.peakKb / 1024)} MB`;
}

export function table(result) {
  const names = ["arsipd", "rclone", "owncloudcmd", "ceiling"];
  const head = [
    "scenario (median s / peak RSS)",
    ...names,
    "arsipd/rclone",
    "arsipd/occ",
    "arsipd/ceiling",
  ];
  const rows = [head];
  for (const [k, label] of SCENARIOS) {
    const scen = result.scenarios[k] ?? {};
    const r = result.ratios[k] ?? {};
    const fmt = (v) =>
      v === null || v === undefined ? "-" : typeof v === "number" ? `${v.toFixed(2)}x` : "n/a";
    rows.push([
      label,
      ...names.map((n) => cell(result.tools, n, scen[n])),
      fmt(r["arsipd/rclone"]),
      fmt(r["arsipd/owncloudcmd"]),
      fmt(r["arsipd/ceiling"]),
    ]);
  }
  const w = head.map((_, i) => Math.max(...rows.map((r) => String(r[i]).length)));
  const line = (r) => `| ${r.map((c, i) => String(c).padEnd(w[i])).join(" | ")} |`;
  const out = [
    line(rows[0]),
    `|${w.map((n) => "-".repeat(n + 2)).join("|")}|`,
    ...rows.slice(1).map(line),
  ];
  return out.join("\n");
}

/** --small: median HTTP requests per file of each tool's passes, counted by the proxy. */
export function requestsTable(result, files) {
  const names = ["arsipd", "rclone", "owncloudcmd", "ceiling"];
  const rows = [["requests per file (median)", ...names]];
  for (const [k, label] of SCENARIOS) {
    const scen = result.scenarios[k] ?? {};
    rows.push([
      label,
      ...names.map((n) => {
        const rs = (scen[n]?.runs ?? []).map((r) => r.requests).filter((x) => x !== undefined);
        const m = median(rs);
        return m === null ? "-" : `${(m / files).toFixed(2)} (${m})`;
      }),
    ]);
  }
  const w = rows[0].map((_, i) => Math.max(...rows.map((r) => String(r[i]).length)));
  const line = (r) => `| ${r.map((c, i) => String(c).padEnd(w[i])).join(" | ")} |`;
  return [
    line(rows[0]),
    `|${w.map((n) => "-".repeat(n + 2)).join("|")}|`,
    ...rows.slice(1).map(line),
  ].join("\n");
}

export function machine() {
  return {
    nproc: os.availableParallelism?.() ?? os.cpus().length,
    cpu: os.cpus()[0]?.model ?? "unknown",
    memTotalGiB: Number((os.totalmem() / 2 ** 30).toFixed(1)),
    memFreeGiB: Number((os.freemem() / 2 ** 30).toFixed(1)),
    node: process.version,
    os: `${os.type()} ${os.release()}`,
    // arsipd and the ceiling run without it (see nodeEnv in tools.mjs); recorded so a reader knows.
    nodeExtraCaCertsDropped: process.env.NODE_EXTRA_CA_CERTS !== undefined,
  };
}
