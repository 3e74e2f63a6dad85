#!/usr/bin/env node
/**
 * The `arsipd` entry point: dispatches to a command and maps errors to exit codes with a
 * one-line message. Nothing below this file prints a stack trace for bad input.
 */
import { ArsipdError, ConfigError, describeError, UsageError } from "../errors.js";
import { scrub } from "../log/redact.js";
import { EXIT } from "../util/exit-codes.js";
import { commandHelp, parseCommandArgs } from "./args.js";
import { COMMANDS } from "./commands/index.js";

export function mainHelp(): string {
  const width = Math.max(...COMMANDS.map((c) => c.name.length)) + 2;
  const lines = [
    "arsipd: files every decree by the naming convention, mirrors the archive to OwnCloud,",
    "and keeps the register (XLSX/CSV) and the JDIHN feed up to date.",
    "",
    "Usage: arsipd <command> [options]",
    "",
    "Commands:",
    ...COMMANDS.map((c) => `  ${c.name.padEnd(width)}${c.summary}`),
    "",
    "Global options:",
    "  -c, --config FILE   config file (default: $ARSIPD_CONFIG, config/arsipd.yaml, built-in defaults)",
    "  -h, --help          help for arsipd or a command",
    "  -V, --version       print the version",
    "",
    "Examples:",
    ...COMMANDS.flatMap((c) => c.examples.slice(0, 1)).map((e) => `  ${e}`),
    "",
    "Run 'arsipd <command> --help' for a command's options and examples.",
  ];
  return `${lines.join("\n")}\n`;
}

export async function main(argv: string[]): Promise<number> {
  const [name, ...rest] = argv;
  if (name === undefined || name === "--help" || name === "-h" || name === "help") {
    const topic = name === "help" ? COMMANDS.find((c) => c.name === rest[0]) : undefined;
    process.stdout.write(topic ? commandHelp(topic) : mainHelp());
    return EXIT.ok;
  }
  if (name === "--version" || name === "-V") {
    const { readFileSync } = await import("node:fs");
    const pkg = JSON.parse(readFileSync(new URL("../../package.json", import.meta.url), "utf8"));
    process.stdout.write(`arsipd ${pkg.version}\n`);
    return EXIT.ok;
  }
  const cmd = COMMANDS.find((c) => c.name === name);
  if (!cmd) {
    const hint = name.startsWith("-") ? "unknown option" : "unknown command";
    throw new UsageError(`arsipd: ${hint} '${name}'; run 'arsipd --help' for the list of commands`);
  }
  const parsed = parseCommandArgs(cmd, rest);
  if (parsed.values.help) {
    process.stdout.write(commandHelp(cmd));
    return EXIT.ok;
  }
  return cmd.run({
    values: parsed.values,
    positionals: parsed.positionals,
    configPath: parsed.values.config as string | undefined,
    stdout: process.stdout,
    stderr: process.stderr,
  });
}

export function exitCodeFor(err: unknown): number {
  if (err instanceof ConfigError) return EXIT.config;
  if (err instanceof UsageError) return EXIT.usage;
  if (err instanceof ArsipdError && err.kind === "auth") return EXIT.auth;
  if (err instanceof ArsipdError && err.kind === "retryable") return EXIT.tempfail;
  return EXIT.failure;
}

function report(err: unknown): void {
  const lines = err instanceof ConfigError ? err.problems : [describeError(err)];
  for (const l of lines)
    process.stderr.write(`${scrub(l.startsWith("arsipd") ? l : `arsipd: ${l}`)}\n`);
  if (process.env.ARSIPD_DEBUG && err instanceof Error && err.stack) {
    process.stderr.write(`${scrub(err.stack)}\n`);
  }
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (err) => {
    report(err);
    process.exitCode = exitCodeFor(err);
  },
);
