/**
 * The organizer's plan: which file goes where. Pure (no I/O, no clock: `now` is passed).
 * Contract:
 * - a file at its canonical path, an arsipd-written file in the share root, and a file in the
 *   quarantine that still cannot be read: no action (idempotent);
 * - a name ending in a dot or space (Windows cannot hold it), a name with bytes that are not
 *   UTF-8 (shown as U+FFFD), and a format the archive does not take (`quarantineExtensions`,
 *   e.g. HEIC photos): `quarantine` with a reason saying what to do (nothing is converted);
 * - any other extension that is not a decree's: `leave` (it stays, is mirrored, and is listed);
 * - a file modified less than `stabilityMs` before `now`: deferred;
 * - a readable name elsewhere: a `move` when its canonical path is free in `files` and no earlier
 *   move of this plan files the same document (convention/identity.ts: same decree, qualifier and
 *   extension, whatever the subject), otherwise a `collide` (the applier hashes and decides);
 *   a readable name inside the quarantine whose place is taken stays where it is. (A document
 *   already filed under another subject is found by the applier, which reads the target folder:
 *   a quick pass's `files` holds only the paths the watcher named.)
 * - an unreadable name outside the quarantine: `quarantine`;
 * - a sidecar in the quarantine whose file is gone: `removeSidecar`; a quarantined unreadable
 *   file without its sidecar: `sidecar`.
 */
import type { ConventionConfig } from "../config/schema.js";
import { decreeKey } from "../convention/identity.js";
import { parse } from "../convention/parse.js";
import { SIDECAR_SUFFIX } from "./sidecar.js";
import type { OrganizeAction, PlanFile } from "./types.js";

export interface PlanRules {
  convention: ConventionConfig;
  stabilityMs: number;
  /** Names in the share root that arsipd writes itself (register, feed, metadata). */
  ownFiles: string[];
}

function baseName(rel: string): string {
  return rel.slice(rel.lastIndexOf("/") + 1);
}

export function planOrganize(files: PlanFile[], rules: PlanRules, now: Date): OrganizeAction[] {
  const conv = rules.convention;
  const q = conv.quarantineDir;
  const present = new Set(files.map((f) => f.rel));
  const own = new Set(rules.ownFiles.map((n) => n.normalize("NFC")));
  const exts = new Set(conv.extensions.map((e) => e.toLowerCase()));
  const badExts = new Set(conv.quarantineExtensions.map((e) => e.toLowerCase()));
  /** Document (decreeKey) → the earlier move of this plan that files it. */
  const claimed = new Map<string, { from: string; to: string }>();
  const actions: OrganizeAction[] = [];
  for (const f of files) {
    const inQ = f.rel.startsWith(`${q}/`);
    const name = baseName(f.rel);
    if (!f.rel.includes("/") && own.has(name)) continue;
    if (inQ && name.endsWith(SIDECAR_SUFFIX)) {
      const subject = f.rel.slice(0, -SIDECAR_SUFFIX.length);
      if (!present.has(subject)) actions.push({ kind: "removeSidecar", path: f.rel });
      continue;
    }
    const odd = oddName(name, badExts);
    if (odd) {
      if (now.getTime() - f.mtimeMs < rules.stabilityMs)
        actions.push({ kind: "defer", path: f.rel, why: "writing" });
      else if (!inQ) actions.push({ kind: "quarantine", from: f.rel, ...odd });
      else if (!present.has(f.rel + SIDECAR_SUFFIX))
        actions.push({ kind: "sidecar", file: f.rel, ...odd });
      continue;
    }
    const dot = name.lastIndexOf(".");
    if (dot < 0 || !exts.has(name.slice(dot + 1).toLowerCase())) {
      if (!inQ) actions.push({ kind: "leave", path: f.rel });
      continue;
    }
    const r = parse(name, conv, { now });
    if (r.ok && r.path === f.rel) continue;
    if (now.getTime() - f.mtimeMs < rules.stabilityMs) {
      actions.push({ kind: "defer", path: f.rel, why: "writing" });
      continue;
    }
    if (!r.ok) {
      if (!inQ) {
        const { reason, message, messageEn } = r;
        actions.push({ kind: "quarantine", from: f.rel, reason, message, messageEn });
      } else if (!present.has(f.rel + SIDECAR_SUFFIX)) {
        const { reason, message, messageEn } = r;
        actions.push({ kind: "sidecar", file: f.rel, reason, message, messageEn });
      }
      continue;
    }
    const key = decreeKey(r.decree);
    // The file already at the canonical path wins over one this plan only means to move there.
    const holder = present.has(r.path) ? { from: r.path, to: r.path } : claimed.get(key);
    if (holder) {
      if (!inQ) {
        const { from, to } = holder;
        actions.push({ kind: "collide", from: f.rel, to: r.path, existing: to, against: from });
      }
      continue;
    }
    claimed.set(key, { from: f.rel, to: r.path });
    const sidecar = inQ && present.has(f.rel + SIDECAR_SUFFIX) ? f.rel + SIDECAR_SUFFIX : null;
    actions.push({ kind: "move", from: f.rel, to: r.path, fromQuarantine: inQ, sidecar });
  }
  return actions;
}

type Reason = { reason: string; message: string; messageEn: string };

/** Why a name must go to the quarantine whatever it says, or null. */
function oddName(name: string, badExts: ReadonlySet<string>): Reason | null {
  if (/[. ]$/.test(name))
    return {
      reason: "NAME_END",
      message:
        "Nama berkas berakhir dengan titik atau spasi, yang tidak bisa dibuka di Windows; namanya sudah dirapikan di karantina.",
      messageEn: "the name ends in a dot or space",
    };
  if (name.includes("\uFFFD"))
    return {
      reason: "NAME_BYTES",
      message:
        "Nama berkas memuat huruf yang tidak terbaca (bukan UTF-8); huruf itu diganti '_' di karantina.",
      messageEn: "the name has bytes that are not UTF-8",
    };
  const dot = name.lastIndexOf(".");
  const ext = dot < 0 ? "" : name.slice(dot + 1).toLowerCase();
  if (badExts.has(ext))
    return {
      reason: "FORMAT",
      message: `Format .${ext} tidak diarsipkan: buka berkas ini lalu simpan atau ekspor sebagai PDF (atau JPEG), dan letakkan hasilnya di MASUK.`,
      messageEn: `the .${ext} format is not archived (export as PDF or JPEG)`,
    };
  return null;
}
