import { consoleLogger } from "../../log/logger.js";
import { verifyRemote } from "../../mirror/verify.js";
import { createRemote } from "../../remote/create.js";
import { Journal } from "../../state/journal.js";
import { EXIT } from "../../util/exit-codes.js";
import type { Command } from "../command.js";
import { loadAndProtect } from "../runtime.js";

export const verifyCommand: Command = {
  name: "verify",
  summary: "compare the remote with the journal and list every difference",
  usage: "verify [--json]",
  details:
    "Checks that every mirrored file is on the remote with the recorded size (and checksum,\n" +
    "where the server reports one). Exit 0 when there is no difference, 1 otherwise.",
  examples: ["arsipd verify", "arsipd verify --json"],
  options: { json: { type: "boolean", description: "print the differences as JSON" } },
  async run({ values, configPath, stdout }) {
    const loaded = loadAndProtect(configPath);
    const { config } = loaded;
    const remote = await createRemote(
      config.remote,
      loaded.remotePassword,
      consoleLogger("silent"),
    );
    const journal = await Journal.open(config.stateDir, { readOnly: true });
    try {
      const { differences, checked } = await verifyRemote({ config, remote, journal });
      if (values.json) {
        stdout.write(`${JSON.stringify({ checked, differences }, null, 2)}\n`);
      } else {
        for (const d of differences) stdout.write(`${d.problem.padEnd(9)}${d.path}: ${d.detail}\n`);
        stdout.write(
          differences.length === 0
            ? `verified ${checked} files: the remote matches the journal\n`
            : `${differences.length} difference(s) among ${checked} files\n`,
        );
      }
      return differences.length === 0 ? EXIT.ok : EXIT.problems;
    } finally {
      await journal.close();
      await remote.close?.();
    }
  },
};
