/** The command table. One file per command; each adds itself here with one line. */
import type { Command } from "../command.js";
import { configCommand } from "./config.js";
import { indexCommand } from "./index-cmd.js";
import { serveFeedCommand } from "./serve-feed.js";

export const COMMANDS: Command[] = [configCommand, indexCommand, serveFeedCommand];
