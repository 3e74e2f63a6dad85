/** The command table. One file per command; each adds itself here with one line. */
import type { Command } from "../command.js";
import { checkCommand } from "./check.js";
import { configCommand } from "./config.js";
import { indexCommand } from "./index-cmd.js";
import { logsCommand } from "./logs.js";
import { parseCommand } from "./parse.js";
import { serveFeedCommand } from "./serve-feed.js";

export const COMMANDS: Command[] = [
  parseCommand,
  checkCommand,
  indexCommand,
  serveFeedCommand,
  logsCommand,
  configCommand,
];
