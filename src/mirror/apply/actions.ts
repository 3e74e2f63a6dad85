/**
 * One action of the plan, carried out and recorded. Errors propagate to applyPlan, which turns
 * them into failure records (failures.ts).
 */
import { ArsipdError } from "../../errors.js";
import type { Logger } from "../../log/logger.js";
import type { MirrorAction } from "../types.js";
import { keepTheirsThenPut, moveAside, resolveConflict } from "./conflicts.js";
import { isKind } from "./failures.js";
import { adoptRemote } from "./record.js";
import type { Run } from "./run.js";
import { hashed, putFile } from "./transfer.js";

type Action<K extends MirrorAction["kind"]> = Extract<MirrorAction, { kind: K }>;

/** Resolves to "left" when the action was not carried out and nothing is recorded. */
export async function runAction(
  run: Run,
  a: MirrorAction,
  log: Logger,
): Promise<"left" | undefined> {
  const { journal, remote } = run.ctx;
  switch (a.kind) {
    case "upload": {
      const h = await hashed(run, a.local, log);
      if (!h) return "left";
      try {
        const cond = { ifMatch: a.ifMatch, ifNoneMatch: a.ifNoneMatch };
        await putFile(run, a.rel, a.remotePath, h.file, cond, h.content);
        run.res.uploaded++;
      } catch (err) {
        if (!isKind(err, "conflict")) throw err;
        await resolveConflict(run, a.rel, a.remotePath, h.file, log);
      }
      return;
    }
    case "conflict-keep":
      await keepTheirsThenPut(run, a.rel, a.remotePath, a.keepAs, a.local, log);
      return;
    case "move":
      return move(run, a, log);
    case "trash":
      try {
        const to = await moveAside(run, a.remotePath, a.to);
        log.info({ to }, "removed from the share: moved to the remote trash");
      } catch (err) {
        if (!isKind(err, "notFound")) throw err;
        log.warn("removed from the share and already gone from the remote");
      }
      journal.delete(a.rel);
      run.res.trashed++;
      return;
    case "forget":
      journal.delete(a.rel);
      log.info({ reason: a.reason }, "forgotten (remote copy left in place)");
      run.res.forgotten++;
      return;
    case "adopt":
      adoptRemote(run, a.rel, a.local, a.remote);
      return;
    case "refresh": {
      const e = journal.get(a.rel);
      if (!e) return;
      const r = a.remote;
      journal.set(a.rel, {
        ...e,
        size: a.local.size,
        mtimeMs: a.local.mtimeMs,
        ...(r ? { etag: r.etag, remoteSize: r.size, remoteMtimeMs: r.mtimeMs } : {}),
      });
      return;
    }
    case "remove-scratch":
      await remote.removeScratch(a.path, run.signal);
      return;
    default:
      return;
  }
}

/** A server-side MOVE of a renamed file; a vanished source means uploading the new name. */
async function move(run: Run, a: Action<"move">, log: Logger): Promise<"left" | undefined> {
  const { journal, remote } = run.ctx;
  const old = journal.get(a.from);
  try {
    await remote.move(a.fromRemote, a.toRemote, run.signal);
  } catch (err) {
    if (isKind(err, "notFound")) {
      journal.delete(a.from); // the source is gone on the server: upload the new name
      return runAction(
        run,
        {
          kind: "upload",
          rel: a.to,
          remotePath: a.toRemote,
          local: a.local,
          ifNoneMatch: true,
          reason: "new",
        },
        log,
      );
    }
    if (isKind(err, "conflict")) {
      await resolveConflict(run, a.to, a.toRemote, a.local, log);
      return;
    }
    throw err;
  }
  const st = await remote.stat(a.toRemote, run.signal);
  if (!st)
    throw new ArsipdError(
      "MIRROR_MOVE_LOST",
      "retryable",
      `moved to ${a.toRemote} but it is not there`,
    );
  journal.set(a.to, {
    size: a.local.size,
    mtimeMs: a.local.mtimeMs,
    sha256: a.local.sha256,
    sha1: a.local.sha1 ?? old?.sha1,
    remotePath: a.toRemote,
    etag: st.etag,
    remoteSize: st.size,
    remoteMtimeMs: st.mtimeMs,
    mtimeKept: old?.mtimeKept ?? false,
    uploadedAt: old?.uploadedAt ?? run.ctx.now().getTime(),
  });
  journal.delete(a.from);
  run.res.moved++;
}
