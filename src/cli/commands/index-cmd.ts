import { parse } from "../../convention/parse.js";
import { ArsipdError, describeError } from "../../errors.js";
import { EXIT } from "../../util/exit-codes.js";
import type { Command } from "../command.js";
import { openRuntime } from "../runtime.js";

export const indexCommand: Command = {
  name: "index",
  summary: "rebuild the register (XLSX, CSV) and the JDIHN feed now",
  usage: "index [--json]",
  details:
    "Reads every filed decree, the quarantine and the metadata file, and writes the register and\n" +
    "jdihn.json into the share root (only when their content changed). Problems in the metadata\n" +
    "file are listed in the sheet 'Perlu Diperbaiki' and in the log.",
  examples: ["arsipd index", "arsipd index --json"],
  options: {
    json: { type: "boolean", description: "print the result as JSON" },
  },
  async run({ values, configPath, stdout }) {
    const { loaded, log } = await openRuntime(configPath, { logFile: true, stdout: false });
    // Loaded here, not at start-up: the spreadsheet and PDF libraries are heavy.
    const { config } = loaded;
    const { buildRegister } = await import("../../register/build.js");
    const { makePublicLinks } = await import("../../publish/index.js");
    let result: Awaited<ReturnType<typeof buildRegister>>;
    try {
      result = await buildRegister({
        config,
        publicLinks: makePublicLinks(config, loaded.remotePassword, log),
        log,
        now: new Date(),
        parse,
        cacheDir: config.stateDir,
      });
    } catch (err) {
      if (err instanceof ArsipdError) throw err;
      throw new ArsipdError("INDEX_FAILED", "fatal", `arsipd index: ${describeError(err)}`, {
        cause: err,
      });
    }
    if (values.json) {
      stdout.write(`${JSON.stringify(result)}\n`);
    } else {
      for (const f of result.files) {
        stdout.write(`${result.written.includes(f) ? "ditulis " : "tetap   "} ${f}\n`);
      }
      stdout.write(
        `${result.decrees} keputusan, ${result.quarantined} berkas di karantina, ${result.badMetadataRows} baris metadata bermasalah\n`,
      );
    }
    return EXIT.ok;
  },
};
