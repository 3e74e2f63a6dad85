/**
 * The quarantine step of the applier (apply.ts): moving a file into the quarantine under a free
 * name that every client can open, with its reason file (`.ALASAN.txt`), crash-safe through an
 * intent (quarantine-intent.ts); writing a missing reason file and removing a stale one. In a dry
 * run nothing is written (the names it would take are counted).
 */

import { link, lstat, unlink } from "node:fs/promises";
import { ArsipdError } from "../errors.js";
import { writeFileAtomic } from "../util/atomic-write.js";
import { parentOf } from "../util/rel-path.js";
import type { ApplierInit } from "./apply.js";
import { ensureDirInside, errCode } from "./fs-guard.js";
import { moveFile } from "./move.js";
import { dropIntent, fitName, recordQuarantine } from "./quarantine-intent.js";
import { SIDECAR_SUFFIX, sidecarText } from "./sidecar.js";

export interface Quarantine {
  code: string;
  message: string;
  messageEn: string;
  /** `Saran nama` for the sidecar; undefined: ask the content step when quarantining. */
  suggestion?: string | null;
}

const nameOf = (rel: string) => rel.slice(rel.lastIndexOf("/") + 1);

export class QuarantineStep {
  /** Quarantine names taken in this dry run (nothing is created, so count them here). */
  private readonly dryTaken = new Set<string>();

  constructor(
    private readonly s: ApplierInit,
    private readonly absOf: (rel: string) => string,
    private readonly rawOf: (rel: string) => Buffer | undefined,
  ) {}

  /** Moves `from` into the quarantine under a free name and writes its sidecar; returns the new path. */
  async quarantine(from: string, q: Quarantine, collision = false): Promise<string> {
    const qDir = this.s.config.convention.quarantineDir;
    // The quarantined copy gets a name every client can open: no trailing dots or spaces, no
    // bytes that were not UTF-8.
    const name = quarantineName(nameOf(from));
    const dot = name.lastIndexOf(".");
    // A long "extension" (a dot early in a long name) is part of the stem, so it can be cut.
    const ext = dot > 0 && Buffer.byteLength(name.slice(dot)) <= 16 ? name.slice(dot) : "";
    const stem = ext ? name.slice(0, dot) : name;
    if (!this.s.dryRun) await ensureDirInside(this.s.share, qDir);
    for (let i = 1; i < 10_000; i++) {
      const target = `${qDir}/${fitName(stem, ext, i === 1 ? "" : ` (${i})`)}`;
      if (this.s.dryRun) {
        if (this.dryTaken.has(target) || (await lstat(this.absOf(target)).catch(() => null)))
          continue;
        this.dryTaken.add(target);
      } else {
        // Intent first (file and reason text), so a kill at any step below is finished on the
        // next start by recoverQuarantines: never a file without its reason, never two names.
        const text = await this.sidecarFor(target, q, parentOf(from), from);
        const raw = this.rawOf(from);
        const intent = await recordQuarantine(this.s.stateDir, {
          from: this.absOf(from),
          ...(raw ? { fromRaw: raw.toString("base64") } : {}),
          to: this.absOf(target),
          sidecar: text,
        });
        try {
          if (raw) {
            // A name that is not UTF-8 cannot be passed to moveFile as text: link (never
            // overwrites) then unlink, both by bytes; the intent finishes a kill in between.
            await link(raw, this.absOf(target));
            await unlink(raw);
          } else {
            await moveFile(this.absOf(from), this.absOf(target), {
              stateDir: this.s.stateDir,
              copy: this.s.copy,
            });
          }
        } catch (err) {
          await dropIntent(intent);
          if (errCode(err) === "EEXIST") continue;
          throw err;
        }
        this.s.report.sidecars.push({ path: target + SIDECAR_SUFFIX, op: "written" });
        await writeFileAtomic(this.absOf(target + SIDECAR_SUFFIX), text);
        await dropIntent(intent);
      }
      if (!collision) {
        this.s.report.quarantined.push({
          path: from,
          to: target,
          reason: q.code,
          message: q.message,
        });
      }
      this.s.log.warn({ path: from, to: target, code: q.code, reason: q.messageEn }, "quarantined");
      return target;
    }
    throw new ArsipdError(
      "QUARANTINE_NO_NAME",
      "fatal",
      `no free name in ${qDir} for ${name}: 10,000 files of that name wait there; clear the quarantine`,
    );
  }

  async writeSidecar(
    file: string,
    q: Quarantine,
    onlyIfMissing: boolean,
    origin?: string,
  ): Promise<void> {
    const side = file + SIDECAR_SUFFIX;
    const sideAbs = this.absOf(side);
    if (onlyIfMissing && (await lstat(sideAbs).catch(() => null))) return;
    this.s.report.sidecars.push({ path: side, op: "written" });
    if (this.s.dryRun) return;
    await writeFileAtomic(sideAbs, await this.sidecarFor(file, q, origin));
  }

  /**
   * The sidecar's text for `file`; the name suggestion (`Saran nama`) is read from the document
   * at `readFrom` (default `file`) when the quarantine reason did not bring one.
   */
  private async sidecarFor(
    file: string,
    q: Quarantine,
    origin?: string,
    readFrom = file,
  ): Promise<string> {
    let suggestion = q.suggestion;
    if (suggestion === undefined && this.s.content) {
      const st = await lstat(this.absOf(readFrom)).catch(() => null);
      suggestion = st
        ? await this.s.content.suggestion(this.absOf(readFrom), nameOf(file), st.size)
        : null;
    }
    return sidecarText(
      {
        suggestion,
        name: nameOf(file),
        message: q.message,
        code: q.code,
        origin: origin ?? this.s.config.convention.quarantineDir,
        time: this.s.now,
        timezone: this.s.config.timezone,
      },
      this.s.config.convention,
    );
  }

  async removeSidecar(side: string): Promise<void> {
    const subject = this.absOf(side.slice(0, -SIDECAR_SUFFIX.length));
    if (await lstat(subject).catch(() => null)) return;
    if (!this.s.dryRun) await unlink(this.absOf(side));
    this.s.report.sidecars.push({ path: side, op: "removed" });
  }
}

export function quarantineName(name: string): string {
  const n = name.replace(/\uFFFD/g, "_").replace(/[. ]+$/, "");
  return n === "" ? "tanpa-nama" : n;
}
