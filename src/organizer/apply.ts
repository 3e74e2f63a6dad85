/**
 * Applies organizer actions one at a time. Every move goes through `moveFile` (never overwrites);
 * a target that turns out taken is resolved by content (duplicate / conflict / interrupted move);
 * a locked or changed file is deferred, not quarantined. In a dry run nothing is written.
 */
import { link, lstat, readdir, unlink } from "node:fs/promises";
import path from "node:path";
import type { Config } from "../config/schema.js";
import { documentAt } from "../convention/identity.js";
import { describeError } from "../errors.js";
import type { Logger } from "../log/logger.js";
import type { FilingCheck, OcrWhen } from "../ocr/filing.js";
import { completeness } from "../share/complete.js";
import { sha256File } from "../util/hash.js";
import { parentOf } from "../util/rel-path.js";
import { ensureDirInside, errCode, isPlainFileInside, LOCKED } from "./fs-guard.js";
import { moveFile } from "./move.js";
import { dropIntent, fitName, recordQuarantine, writeTextAtomic } from "./quarantine-intent.js";
import { SIDECAR_SUFFIX, sidecarText } from "./sidecar.js";
import type { OrganizeAction, OrganizeReport, PlanFile } from "./types.js";

export interface ApplierInit {
  share: string;
  stateDir: string;
  config: Config;
  log: Logger;
  now: Date;
  dryRun: boolean;
  copy: boolean;
  report: OrganizeReport;
  /** rel → absolute path as on disk (may be NFD; bytes for a name that is not UTF-8). */
  abs: Map<string, string | Buffer>;
  files: PlanFile[];
  /** The content step (ocr/filing.ts): document vs name, same bytes under another number. */
  content?: FilingCheck | null;
  /** Leave OCR to the daemon's background queue: scans not read yet are deferred ("ocr"). */
  ocrInBackground?: boolean;
  /** Scans whose OCR the queue tried and could not do: filed by their names. */
  ocrGaveUp?: ReadonlySet<string>;
}

interface Quarantine {
  code: string;
  message: string;
  messageEn: string;
  /** `Saran nama` for the sidecar; undefined: ask the content step when quarantining. */
  suggestion?: string | null;
}

const nameOf = (rel: string) => rel.slice(rel.lastIndexOf("/") + 1);

export class Applier {
  private readonly scanned: Map<string, PlanFile>;
  /** Quarantine names taken in this dry run (nothing is created, so count them here). */
  private readonly dryTaken = new Set<string>();
  /** Moves of scans waiting for OCR, applied by `applyHeld` after every other action. */
  private readonly held: OrganizeAction[] = [];
  private ocrWhen: OcrWhen = "later";
  /** Folder → the documents filed in it (see filedAs). */
  private readonly filed = new Map<string, Map<string, string>>();

  constructor(private readonly s: ApplierInit) {
    this.scanned = new Map(s.files.map((f) => [f.rel, f]));
  }

  private absOf(rel: string): string {
    const abs = this.s.abs.get(rel);
    return typeof abs === "string" ? abs : path.join(this.s.share, ...rel.split("/"));
  }

  /** The bytes of a path whose name is not UTF-8 (scanned as such), else undefined. */
  private rawOf(rel: string): Buffer | undefined {
    const abs = this.s.abs.get(rel);
    return Buffer.isBuffer(abs) ? abs : undefined;
  }

  async apply(a: OrganizeAction): Promise<void> {
    const r = this.s.report;
    const where = "from" in a ? a.from : "path" in a ? a.path : a.file;
    try {
      switch (a.kind) {
        case "leave":
          r.left.push(a.path);
          break;
        case "defer":
          r.deferred.push({ path: a.path, why: a.why });
          return;
        case "move":
          return await this.move(a.from, a.to, a.fromQuarantine, a.sidecar);
        case "collide":
          if ((await this.whole(a.from)) !== "go") return;
          return await this.collide(a.from, a.to, a.existing, a.against);
        case "quarantine":
          if (!(await this.stillSame(a.from))) return;
          if ((await this.whole(a.from)) !== "go") return;
          await this.quarantine(a.from, {
            code: a.reason,
            message: a.message,
            messageEn: a.messageEn,
          });
          return;
        case "sidecar":
          return await this.writeSidecar(
            a.file,
            { code: a.reason, message: a.message, messageEn: a.messageEn },
            true,
          );
        case "removeSidecar":
          return await this.removeSidecar(a.path);
      }
    } catch (err) {
      const code = errCode(err);
      if (LOCKED.has(code) && a.kind !== "removeSidecar" && a.kind !== "sidecar") {
        r.deferred.push({ path: where, why: "locked" });
        this.s.log.info({ path: where, code }, "file is locked by another program; will retry");
        return;
      }
      r.errors.push({ path: where, code, message: describeError(err) });
      this.s.log.error({ path: where, code, err: describeError(err) }, "organizer action failed");
    }
  }

  /**
   * The moves held for OCR, after every other action: a scan never delays the filing of the
   * files whose name and text layer agree, which the pass has filed already. Inline (a one-shot
   * command) they get their OCR now; in the background (the daemon) they stay where they are,
   * deferred as "ocr", until the daemon's OCR queue has read them, and a scan whose OCR failed
   * (`ocrGaveUp`) is filed by its name (`check` reads it again later).
   */
  async applyHeld(signal?: AbortSignal): Promise<void> {
    for (const a of this.held.splice(0)) {
      if (signal?.aborted) {
        if ("from" in a) this.s.report.deferred.push({ path: a.from, why: "aborted" });
        continue;
      }
      if (!this.s.ocrInBackground) this.ocrWhen = "now";
      else if (a.kind === "move" && this.s.ocrGaveUp?.has(a.from)) this.ocrWhen = "never";
      else {
        if ("from" in a) this.s.report.deferred.push({ path: a.from, why: "ocr" });
        continue;
      }
      await this.apply(a);
    }
  }

  /** The file is still a plain file in the share with the size and mtime the scan saw. */
  private async stillSame(rel: string): Promise<boolean> {
    const seen = this.scanned.get(rel);
    const raw = this.rawOf(rel);
    const st = await lstat(raw ?? this.absOf(rel)).catch(() => null);
    const ok =
      seen !== undefined &&
      st !== null &&
      st.size === seen.size &&
      st.mtimeMs === seen.mtimeMs &&
      // A name read as bytes came from the walk, which never follows a link.
      (raw ? st.isFile() : await isPlainFileInside(this.s.share, this.absOf(rel)));
    if (!ok) this.s.report.deferred.push({ path: rel, why: "changed" });
    return ok;
  }

  /**
   * Whether `rel`'s bytes end as its format's do. "wait": deferred (still being written, for
   * all we know); "done": it stayed cut short past watch.incompleteMs and was quarantined, or
   * (`quiet`, a file already in the quarantine) is simply left there.
   */
  private async whole(rel: string, quiet = false): Promise<"go" | "wait" | "done"> {
    const name = nameOf(rel);
    const dot = name.lastIndexOf(".");
    const at = this.rawOf(rel) ?? this.absOf(rel);
    if ((await completeness(at, dot < 0 ? "" : name.slice(dot + 1))) !== "incomplete") return "go";
    if (quiet) return "done";
    const seen = this.scanned.get(rel);
    const age = this.s.now.getTime() - (seen?.mtimeMs ?? this.s.now.getTime());
    if (age < this.s.config.watch.incompleteMs) {
      this.s.report.deferred.push({ path: rel, why: "incomplete" });
      this.s.log.info({ path: rel }, "file looks cut short (still being written?); not filed yet");
      return "wait";
    }
    await this.quarantine(rel, {
      code: "INCOMPLETE",
      message:
        "Berkas ini belum utuh: bagian akhirnya tidak ada (penyimpanan atau pemindaian terputus), jadi tidak diarsipkan.",
      messageEn: "the file is cut short (its format's end marker is missing)",
    });
    return "done";
  }

  private async move(
    from: string,
    to: string,
    fromQ: boolean,
    sidecar: string | null,
  ): Promise<void> {
    if (!(await this.stillSame(from))) return;
    // A cut-short file in the quarantine stays there (its sidecar says why).
    const whole = await this.whole(from, fromQ);
    if (whole !== "go") return;
    const seen = this.scanned.get(from);
    const verdict = await this.s.content?.verdict(
      from,
      this.absOf(from),
      seen?.size ?? 0,
      to,
      this.ocrWhen,
    );
    if (verdict === "ocr") {
      this.held.push({ kind: "move", from, to, fromQuarantine: fromQ, sidecar });
      return;
    }
    if (verdict) {
      // A file renamed inside the quarantine that still disagrees stays where it is.
      if (fromQ) return;
      const qPath = await this.quarantine(from, verdict, verdict.existing !== undefined);
      if (verdict.existing !== undefined)
        this.s.report.duplicates.push({ path: from, to: qPath, existing: verdict.existing });
      return;
    }
    const key = this.documentOf(to);
    const holder = await this.filedAs(to, key);
    if (holder !== null) {
      // Like a taken canonical path: a file renamed in the quarantine stays there.
      if (fromQ) return;
      return this.collide(from, to, holder, holder);
    }
    if (!this.s.dryRun) {
      await ensureDirInside(this.s.share, parentOf(to));
      try {
        await moveFile(this.absOf(from), this.absOf(to), {
          stateDir: this.s.stateDir,
          copy: this.s.copy,
        });
      } catch (err) {
        if (errCode(err) === "EEXIST") return this.collide(from, to, to, to);
        throw err;
      }
      if (sidecar) await unlink(this.absOf(sidecar)).catch(() => {});
      await this.s.content?.filed(this.absOf(from), to);
      if (key !== null) this.filed.get(parentOf(to))?.set(key, to);
    }
    (fromQ ? this.s.report.unquarantined : this.s.report.moves).push({ from, to });
    this.s.log.info(
      { path: to, from },
      fromQ ? "filed a file from the quarantine" : "filed decree",
    );
  }

  /**
   * The document `from` (canonical path `to`) is filed already, at `existing` (`against` in a dry
   * run, where earlier moves did not happen). The same inode at `existing` → finish an
   * interrupted link-move; otherwise compare bytes: duplicate or conflict, into the quarantine.
   */
  private async collide(
    from: string,
    to: string,
    existing: string,
    against: string,
  ): Promise<void> {
    if (!(await this.stillSame(from))) return;
    const fromAbs = this.absOf(from);
    let held = existing;
    let st = await lstat(this.absOf(held)).catch(() => null);
    if (!st && this.s.dryRun) {
      held = against;
      st = await lstat(this.absOf(held)).catch(() => null);
    }
    if (!st) {
      this.forgetFiled(existing);
      return this.move(from, to, false, null);
    }
    const src = await lstat(fromAbs);
    if (src.ino === st.ino && src.dev === st.dev && src.nlink >= 2) {
      if (!this.s.dryRun) await unlink(fromAbs);
      this.s.report.completed.push({ from, to: held });
      this.s.log.info({ path: held, from }, "finished an interrupted move (second link removed)");
      return;
    }
    const same = (await sha256File(fromAbs)) === (await sha256File(this.absOf(held)));
    const n = nameOf(held);
    const q: Quarantine = same
      ? {
          code: "DUPLICATE",
          message: `Isi berkas ini sama persis dengan ${n} yang sudah diarsipkan di ${parentOf(held)}; periksa lalu hapus salinan ini bila memang ganda.`,
          messageEn: `identical to the archived ${held}`,
        }
      : {
          code: "CONFLICT",
          message: `Sudah ada keputusan ${n} di ${parentOf(held)} dengan isi berbeda; periksa nomor dan tahun kedua berkas, lalu ganti nama berkas yang salah.`,
          messageEn: `same decree as ${held} but different content`,
        };
    const qPath = await this.quarantine(from, q, true);
    (same ? this.s.report.duplicates : this.s.report.conflicts).push({
      path: from,
      to: qPath,
      existing: held,
    });
  }

  /**
   * The file that already holds the document whose canonical path is `to`: `to` itself, or a
   * file of its folder filed under another subject (convention/identity.ts). Null when none.
   * The folder is read once per pass (a quick pass's plan saw only the paths it was given) and
   * kept up to date with this pass's own moves.
   */
  private async filedAs(to: string, key: string | null): Promise<string | null> {
    if (await lstat(this.absOf(to)).catch(() => null)) return to;
    if (key === null) return null;
    return (await this.filedIn(parentOf(to))).get(key) ?? null;
  }

  /** The document (documentKey) a canonical path holds; null if `rel` is not one. */
  private documentOf(rel: string): string | null {
    return documentAt(rel, this.s.config.convention, this.s.now);
  }

  /** documentKey → path of every file at its canonical path in folder `dir`, first name first. */
  private async filedIn(dir: string): Promise<Map<string, string>> {
    let docs = this.filed.get(dir);
    if (docs) return docs;
    docs = new Map();
    const names = await readdir(this.absOf(dir)).catch(() => [] as string[]);
    for (const name of names.sort()) {
      const rel = `${dir}/${name}`;
      const key = this.documentOf(rel);
      if (key !== null && !docs.has(key)) docs.set(key, rel);
    }
    this.filed.set(dir, docs);
    return docs;
  }

  /** `rel` is gone from its folder (found missing where it was expected). */
  private forgetFiled(rel: string): void {
    const docs = this.filed.get(parentOf(rel));
    if (!docs) return;
    for (const [key, at] of docs) if (at === rel) docs.delete(key);
  }

  /** Moves `from` into the quarantine under a free name and writes its sidecar; returns the new path. */
  private async quarantine(from: string, q: Quarantine, collision = false): Promise<string> {
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
        await writeTextAtomic(this.absOf(target + SIDECAR_SUFFIX), text);
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
    throw new Error(`no free name in ${qDir} for ${name}`);
  }

  private async writeSidecar(
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
    await writeTextAtomic(sideAbs, await this.sidecarFor(file, q, origin));
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

  private async removeSidecar(side: string): Promise<void> {
    const subject = this.absOf(side.slice(0, -SIDECAR_SUFFIX.length));
    if (await lstat(subject).catch(() => null)) return;
    if (!this.s.dryRun) await unlink(this.absOf(side));
    this.s.report.sidecars.push({ path: side, op: "removed" });
  }
}

/**
 * `name` as it is kept in the quarantine: trailing dots and spaces dropped (Windows and SMB
 * cannot open such names); fitName (quarantine-intent.ts) then makes it fit beside its sidecar.
 */
export function quarantineName(name: string): string {
  const n = name.replace(/\uFFFD/g, "_").replace(/[. ]+$/, "");
  return n === "" ? "tanpa-nama" : n;
}
