/** Command-line parsing on node:util parseArgs, with one-line errors for unknown input. */
import { parseArgs } from "node:util";
import { UsageError } from "../errors.js";
import type { Command, OptionSpec } from "./command.js";

export const GLOBAL_OPTIONS: Record<string, OptionSpec> = {
  config: {
    type: "string",
    short: "c",
    valueName: "FILE",
    description:
      "config file (default: $ARSIPD_CONFIG, then config/arsipd.yaml, then built-in defaults)",
  },
  help: { type: "boolean", short: "h", description: "show help" },
};

export function parseCommandArgs(cmd: Command, argv: string[]) {
  const options = { ...GLOBAL_OPTIONS, ...cmd.options };
  const spec: Record<string, { type: "string" | "boolean"; short?: string; multiple?: boolean }> =
    {};
  for (const [k, o] of Object.entries(options)) {
    spec[k] = {
      type: o.type,
      ...(o.short ? { short: o.short } : {}),
      ...(o.multiple ? { multiple: true } : {}),
    };
  }
  try {
    const parsed = parseArgs({ args: argv, options: spec, allowPositionals: true, strict: true });
    if (!cmd.positionals && parsed.positionals.length > 0 && !parsed.values.help) {
      throw new UsageError(
        `arsipd ${cmd.name}: unexpected argument '${parsed.positionals[0]}'; see 'arsipd ${cmd.name} --help'`,
      );
    }
    return parsed;
  } catch (err) {
    if (err instanceof UsageError) throw err;
    const msg = (err as Error).message.split("\n")[0] ?? "bad arguments";
    const m = /Unknown option '([^']+)'/.exec(msg);
    const what = m ? `unknown option '${m[1]}'` : msg.replace(/\. To specify.*$/, "");
    throw new UsageError(`arsipd ${cmd.name}: ${what}; see 'arsipd ${cmd.name} --help'`);
  }
}

export function commandHelp(cmd: Command): string {
  const lines = [`Usage: arsipd ${cmd.usage}`, "", cmd.summary];
  if (cmd.details) lines.push("", cmd.details);
  const opts = { ...cmd.options, ...GLOBAL_OPTIONS };
  lines.push("", "Options:");
  for (const [k, o] of Object.entries(opts)) {
    const flag = `${o.short ? `-${o.short}, ` : "    "}--${k}${o.type === "string" ? ` ${o.valueName ?? "VALUE"}` : ""}`;
    lines.push(`  ${flag.padEnd(28)} ${o.description}`);
  }
  if (cmd.examples.length > 0) {
    lines.push("", "Examples:");
    for (const e of cmd.examples) lines.push(`  ${e}`);
  }
  return `${lines.join("\n")}\n`;
}
