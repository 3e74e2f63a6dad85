import { consoleLogger } from "../../log/logger.js";
import { verifyRemote } from "../../mirror/verify.js";
import { createRemote } from "../../remote/create.js";
import { Journal } from "../../state/journal.js";
import { EXIT } from "../../util/exit-codes.js";
import type { Command } from "../command.js";
import { loadAndProtect } from "../runtime.js";

export const verifyCommand: Command = {
  name: "verify",
  summary: "compare the server with the share and the journal and list every difference",
  usage: "verify [--deep] [--json]",
  details:
    "Lists the server and checks that every mirrored file is there with the recorded size (and\n" +
    "checksum, where the server reports one), that every share file is mirrored, and reports\n" +
    "files on the server that are neither (extra) and konflik copies arsipd kept.\n" +
    "--deep also reads back and hashes every mirrored file.\n" +
    "Exit 0 when there is no difference, 1 otherwise, 75 when the server cannot be read.",
  examples: ["arsipd verify", "arsipd verify --deep", "arsipd verify --json"],
  options: {
    json: { type: "boolean", description: "print the differences as JSON" },
    deep: { type: "boolean", description: "read back and hash every mirrored file" },
  },
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
      const { differences, checked } = await verifyRemote({
        config,
        remote,
        journal,
        deep: values.deep === true,
      });
      if (values.json) {
        stdout.write(`${JSON.stringify({ checked, differences }, null, 2)}\n`);
      } else {
        for (const d of differences) stdout.write(`${d.problem.padEnd(9)}${d.path}: ${d.detail}\n`);
        stdout.write(
          differences.length === 0
            ? `verified ${checked} files: the server matches the share and the journal\n`
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
