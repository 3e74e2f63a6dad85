/** The command table. One file per command; each adds itself here with one line. */
import type { Command } from "../command.js";
import { configCommand } from "./config.js";
import { logsCommand } from "./logs.js";

export const COMMANDS: Command[] = [configCommand, logsCommand];
