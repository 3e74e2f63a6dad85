import { loadConfig } from "../../config/load.js";
import { consoleLogger } from "../../log/logger.js";
import { organize } from "../../organizer/organize.js";
import { filedTwice } from "../../organizer/twice.js";
import { makeIgnore } from "../../share/ignore.js";
import { scanShare } from "../../share/scan.js";
import { EXIT } from "../../util/exit-codes.js";
import type { Command } from "../command.js";

export const checkCommand: Command = {
  name: "check",
  summary: "dry run of the organizer: what would be filed, quarantined or deferred",
  usage: "check [--json]",
  details:
    "Reads the share and prints every planned move, duplicate, conflict, quarantine and deferral,\n" +
    "and every document already filed twice (under two subjects: keep one); changes nothing.\n" +
    "Exit 0 when nothing would be quarantined and nothing is filed twice (and no error), 1 otherwise.",
  examples: ["arsipd check", "arsipd check --json"],
  options: { json: { type: "boolean", description: "print the report as JSON" } },
  async run({ values, configPath, stdout }) {
    const { config } = loadConfig({ configPath });
    // One walk serves the organizer's plan and the search for documents filed twice.
    const scan = await scanShare(config.share, { ignore: makeIgnore(config.convention.ignore) });
    const report = await organize({ config, log: consoleLogger("silent") }, { dryRun: true, scan });
    const twice = filedTwice(
      scan.files.map((f) => f.rel),
      config.convention,
      new Date(),
    );
    if (values.json) stdout.write(`${JSON.stringify({ ...report, filedTwice: twice }, null, 2)}\n`);
    else {
      const w = (s: string) => stdout.write(`${s}\n`);
      for (const m of report.moves) w(`PINDAH      ${m.from} -> ${m.to}`);
      for (const m of report.unquarantined) w(`KELUAR      ${m.from} -> ${m.to}`);
      for (const q of report.quarantined) w(`KARANTINA   ${q.path} (${q.reason}: ${q.message})`);
      for (const d of report.duplicates) w(`GANDA       ${d.path} (sama dengan ${d.existing})`);
      for (const c of report.conflicts) w(`KONFLIK     ${c.path} (berbeda dengan ${c.existing})`);
      for (const d of report.deferred) w(`TUNDA       ${d.path} (${d.why})`);
      for (const e of report.errors) w(`GALAT       ${e.path} (${e.code}: ${e.message})`);
      for (const l of report.left) w(`BUKAN SK    ${l.path} (dibiarkan di tempatnya)`);
      for (const t of twice) w(`DUA KALI    ${t.path} (dokumen yang sama dengan ${t.existing})`);
      w(
        `${report.scanned} files read: ${report.moves.length + report.unquarantined.length} to file, ` +
          `${report.quarantined.length + report.duplicates.length + report.conflicts.length} to quarantine, ` +
          `${report.deferred.length} deferred, ${report.left.length} left (not decrees), ` +
          `${report.errors.length} errors (dry run, nothing changed)`,
      );
    }
    const bad =
      report.quarantined.length +
      report.duplicates.length +
      report.conflicts.length +
      report.errors.length +
      twice.length;
    return bad > 0 ? EXIT.problems : EXIT.ok;
  },
};
