/**
 * The organizer's plan: which file goes where. Pure (no I/O, no clock: `now` is passed).
 * Contract:
 * - a file at its canonical path, an arsipd-written file in the share root, and a file in the
 *   quarantine that still cannot be read: no action (idempotent);
 * - a name ending in a dot or space (Windows cannot hold it), a name with bytes that are not
 *   UTF-8 (shown as U+FFFD), and a scan or photo type the archive does not take (SCAN_LIKE,
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
import { documentKey } from "../convention/identity.js";
import { parse } from "../convention/parse.js";
import { reject } from "../convention/reasons.js";
import type { ParseRejected } from "../convention/types.js";
import { SEARCHABLE_DIR } from "../share/own-files.js";
import { SIDECAR_SUFFIX } from "./sidecar.js";
import type { OrganizeAction, PlanFile } from "./types.js";

export interface PlanRules {
  convention: ConventionConfig;
  stabilityMs: number;
  /** Names in the share root that arsipd writes itself (register, feed, metadata). */
  ownFiles: string[];
}

/**
 * Extensions of scans and photos that are not decree extensions: a decree saved as one of these
 * must not be left in the share unseen. Quarantined with the advice to save it as PDF.
 */
const SCAN_LIKE = new Set(["tif", "tiff", "heic", "heif", "bmp", "gif", "webp", "jp2"]);

/**
 * Whether a file outside the quarantine is for the convention at all: "leave" for a file that
 * is no decree (another extension, and a name that does not read as a decree: it stays where
 * it is, mirrored, and `check` lists it as left), null for a decree file to parse, or the
 * rejection that quarantines it:
 * - a name with bytes that are not UTF-8 (no client shows it, the mirror cannot name it);
 * - a name ending in a dot or a space (Windows shows such names only as 8.3 names);
 * - a scan or photo type that is not a decree type (a decree scanned to TIFF or saved as HEIC);
 * - a name that reads as a decree but has another extension (".zip", ".xlsx", none).
 */
function notLeft(
  name: string,
  exts: Set<string>,
  conv: ConventionConfig,
  now: Date,
): ParseRejected | "leave" | null {
  if (name.includes("\uFFFD")) {
    return {
      ok: false,
      reason: "NAME_BYTES",
      message:
        "Nama berkas memuat huruf yang tidak terbaca (bukan UTF-8); ketik ulang namanya (di karantina huruf itu sudah diganti '_').",
      messageEn: "The name has bytes that are not UTF-8; type the name again.",
    };
  }
  const trimmed = name.replace(/[. ]+$/, "");
  const dot = trimmed.lastIndexOf(".");
  const ext = dot < 0 ? "" : trimmed.slice(dot + 1).toLowerCase();
  if (
    trimmed !== name &&
    (exts.has(ext) || SCAN_LIKE.has(ext) || parse(`${trimmed}.pdf`, conv, { now }).ok)
  ) {
    return {
      ok: false,
      reason: "UNSAFE_NAME",
      message:
        "Nama berkas berakhir dengan titik atau spasi, yang tidak bisa dibuka di Windows; hapus titik atau spasi di akhir nama (nama di karantina sudah tanpa itu).",
      messageEn: "The name ends in a dot or a space, which Windows cannot open; remove them.",
    };
  }
  if (exts.has(ext)) return null;
  if (SCAN_LIKE.has(ext)) return reject("BAD_EXTENSION", `.${ext}`);
  const asDecree = parse(`${dot < 0 ? trimmed : trimmed.slice(0, dot)}.pdf`, conv, { now });
  return asDecree.ok ? reject("BAD_EXTENSION", dot < 0 ? "tanpa ekstensi" : `.${ext}`) : "leave";
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
  /** Document (documentKey) → the earlier move of this plan that files it. */
  const claimed = new Map<string, { from: string; to: string }>();
  const actions: OrganizeAction[] = [];
  for (const f of files) {
    const inQ = f.rel.startsWith(`${q}/`);
    const name = baseName(f.rel);
    if (!f.rel.includes("/") && own.has(name)) continue;
    // Searchable copies of filed scans (ocr/searchable.ts): arsipd's own, not decrees to file.
    if (f.rel.startsWith(`${SEARCHABLE_DIR}/`)) continue;
    if (inQ && name.endsWith(SIDECAR_SUFFIX)) {
      const subject = f.rel.slice(0, -SIDECAR_SUFFIX.length);
      if (!present.has(subject)) actions.push({ kind: "removeSidecar", path: f.rel });
      continue;
    }
    const limbo = inQ ? null : notLeft(name, exts, conv, now);
    if (limbo === "leave") {
      actions.push({ kind: "leave", path: f.rel });
      continue;
    }
    const r = limbo ?? parse(name, conv, { now });
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
    const key = documentKey(r.decree);
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
