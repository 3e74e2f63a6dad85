import { parse } from "../../convention/parse.js";
import { acquireLock } from "../../daemon/lock.js";
import { ArsipdError, describeError } from "../../errors.js";
import type { BuildResult } from "../../register/build.js";
import { EXIT } from "../../util/exit-codes.js";
import type { Command } from "../command.js";
import { askDaemon } from "../delegate.js";
import { openRuntime } from "../runtime.js";

export const indexCommand: Command = {
  name: "index",
  summary: "rebuild the register (XLSX, CSV) and the JDIHN feed now",
  usage: "index [--json]",
  details:
    "Reads every filed decree, the quarantine and the metadata file, and writes the register and\n" +
    "jdihn.json into the share root (only when their content changed). Problems in the metadata\n" +
    "file are listed in the sheet 'Perlu Diperbaiki' and in the log.\n" +
    "While the daemon runs, it rebuilds the register in its own work loop and this prints its result.",
  examples: ["arsipd index", "arsipd index --json"],
  options: {
    json: { type: "boolean", description: "print the result as JSON" },
  },
  async run({ values, configPath, stdout, stderr }) {
    const { loaded, log } = await openRuntime(configPath, { logFile: true, stdout: false });
    const { config } = loaded;
    const print = (r: BuildResult) => printIndex(r, stdout, values.json === true);
    // A running daemon owns the state folder (journal, register cache): it rebuilds, we print.
    const asked = await askDaemon(config.stateDir, {
      request: { op: "index" },
      print: (r) => print(r as BuildResult),
      stderr,
    });
    if (asked !== undefined) return asked;
    const release = acquireLock(config.stateDir, "rebuild the register", "index");
    // Loaded here, not at start-up: the spreadsheet and PDF libraries are heavy.
    const { buildRegister } = await import("../../register/build.js");
    const { Journal } = await import("../../state/journal.js");
    const { journalSyncStatus } = await import("../../daemon/sync-status.js");
    let result: BuildResult;
    const { makePublicLinks } = await import("../../publish/index.js");
    try {
      // Read-only: the register only reports what the mirror journal says (Status Sinkronisasi).
      const journal = await Journal.open(config.stateDir, { readOnly: true });
      result = await buildRegister({
        config,
        publicLinks: makePublicLinks(config, loaded.remotePassword, log),
        log,
        now: new Date(),
        syncStatus: journalSyncStatus(journal),
        parse,
        cacheDir: config.stateDir,
      });
    } catch (err) {
      if (err instanceof ArsipdError) throw err;
      throw new ArsipdError("INDEX_FAILED", "fatal", `arsipd index: ${describeError(err)}`, {
        cause: err,
      });
    } finally {
      release();
    }
    print(result);
    return EXIT.ok;
  },
};

function printIndex(result: BuildResult, stdout: NodeJS.WritableStream, json: boolean): void {
  if (json) {
    stdout.write(`${JSON.stringify(result)}\n`);
    return;
  }
  for (const f of result.files) {
    stdout.write(`${result.written.includes(f) ? "ditulis " : "tetap   "} ${f}\n`);
  }
  stdout.write(
    `${result.decrees} keputusan, ${result.quarantined} berkas di karantina, ${result.badMetadataRows} baris metadata bermasalah\n`,
  );
}
