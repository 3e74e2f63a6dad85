import { loadConfig } from "../../config/load.js";
import { parse } from "../../convention/parse.js";
import { UsageError } from "../../errors.js";
import { EXIT } from "../../util/exit-codes.js";
import type { Command } from "../command.js";

export const parseCommand: Command = {
  name: "parse",
  summary: "show how the naming convention reads file names",
  usage: "parse [--json] <name>...",
  details:
    "Reads each file NAME (not a path) as the organizer would and prints the canonical path or\n" +
    "the reason it cannot be read. Exit 0 when every name reads, 1 when any is rejected.",
  examples: [
    'arsipd parse "SK Ketua No 12 Th 2024 ttg Penetapan DPT.pdf"',
    "arsipd parse --json *.pdf",
  ],
  options: { json: { type: "boolean", description: "print a JSON array, one object per name" } },
  positionals: true,
  async run({ values, positionals, configPath, stdout }) {
    if (positionals.length === 0) {
      throw new UsageError("arsipd parse: give at least one file name; see 'arsipd parse --help'");
    }
    const { config } = loadConfig({ configPath });
    const now = new Date();
    const results = positionals.map((input) => {
      const r = parse(input, config.convention, { now });
      return r.ok
        ? {
            input,
            ok: true as const,
            jenis: r.decree.jenis,
            tahun: r.decree.tahun,
            nomor: r.decree.nomor,
            qualifier: r.decree.qualifier,
            tentang: r.decree.tentang,
            ...(r.decree.nomorAsli ? { nomorAsli: r.decree.nomorAsli } : {}),
            path: r.path,
          }
        : { input, ok: false as const, reason: r.reason, message: r.message };
    });
    if (values.json) stdout.write(`${JSON.stringify(results, null, 2)}\n`);
    else {
      for (const r of results) {
        stdout.write(
          r.ok
            ? `OK      ${r.input}\n    ->  ${r.path}\n`
            : `DITOLAK ${r.input}\n    ${r.reason}: ${r.message}\n`,
        );
      }
    }
    return results.every((r) => r.ok) ? EXIT.ok : EXIT.problems;
  },
};
