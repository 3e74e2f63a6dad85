import { stringify } from "yaml";
import { defaultsYaml } from "../../config/defaults-file.js";
import { loadConfig } from "../../config/load.js";
import { checkPaths } from "../../config/paths.js";
import { ConfigError, UsageError } from "../../errors.js";
import { EXIT } from "../../util/exit-codes.js";
import type { Command } from "../command.js";

export const configCommand: Command = {
  name: "config",
  summary: "check the configuration, or print the default config file",
  usage: "config check | config --defaults",
  details:
    "'config check' validates the config and prints the effective values (secrets masked).\n" +
    "A bad config exits 78 with one line per problem.",
  examples: ["arsipd config check", "arsipd config --defaults > config/arsipd.yaml"],
  options: {
    defaults: { type: "boolean", description: "print the default config file with comments" },
  },
  positionals: true,
  async run({ values, positionals, configPath, stdout }) {
    if (values.defaults) {
      stdout.write(defaultsYaml());
      return EXIT.ok;
    }
    if (positionals[0] !== "check" || positionals.length > 1) {
      throw new UsageError(
        "arsipd config: expected 'check' or '--defaults'; see 'arsipd config --help'",
      );
    }
    const loaded = loadConfig({ configPath });
    const problems = checkPaths(loaded.config);
    if (problems.length > 0) throw new ConfigError(problems.map((p) => `${loaded.source}: ${p}`));
    const shown = {
      ...loaded.config,
      remote: {
        ...loaded.config.remote,
        password: loaded.remotePassword ? `******** (from ${loaded.passwordSource})` : "(none)",
      },
    };
    stdout.write(`# effective configuration (from ${loaded.source}); config is valid\n`);
    stdout.write(stringify(shown, { lineWidth: 0 }));
    return EXIT.ok;
  },
};
