/** The command table. One file per command; each adds itself here with one line. */
import type { Command } from "../command.js";
import { checkCommand } from "./check.js";
import { configCommand } from "./config.js";
import { indexCommand } from "./index-cmd.js";
import { labelsCommand } from "./labels.js";
import { logsCommand } from "./logs.js";
import { parseCommand } from "./parse.js";
import { runCommand } from "./run.js";
import { serveFeedCommand } from "./serve-feed.js";
import { statusCommand } from "./status.js";
import { syncCommand } from "./sync.js";
import { verifyCommand } from "./verify.js";

export const COMMANDS: Command[] = [
  runCommand,
  syncCommand,
  statusCommand,
  verifyCommand,
  parseCommand,
  checkCommand,
  indexCommand,
  labelsCommand,
  serveFeedCommand,
  logsCommand,
  configCommand,
];
