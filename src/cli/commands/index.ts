/** The command table. One file per command; each adds itself here with one line. */
import type { Command } from "../command.js";
import { checkCommand } from "./check.js";
import { configCommand } from "./config.js";
import { logsCommand } from "./logs.js";
import { parseCommand } from "./parse.js";

export const COMMANDS: Command[] = [parseCommand, checkCommand, logsCommand, configCommand];
