import path from "node:path";
import { loadConfig } from "../../config/load.js";
import { ArsipdError, describeError } from "../../errors.js";
import { EXIT } from "../../util/exit-codes.js";
import type { Command } from "../command.js";

export const serveFeedCommand: Command = {
  name: "serve-feed",
  summary: "serve jdihn.json read-only over HTTP for the JDIHN harvester",
  usage: "serve-feed [--listen HOST:PORT]",
  details:
    "Serves the feed file from the share at / and /<feed file name> (GET and HEAD only, with\n" +
    "ETag). Binds feed.listen (loopback by default; put a reverse proxy in front to publish).\n" +
    "Stops on SIGTERM or SIGINT.",
  examples: ["arsipd serve-feed", "arsipd serve-feed --listen 127.0.0.1:8089"],
  options: {
    listen: {
      type: "string",
      valueName: "HOST:PORT",
      description: "address to bind (default: feed.listen)",
    },
  },
  async run({ values, configPath, stdout }) {
    const { config } = loadConfig({ configPath });
    const listen = (values.listen as string | undefined) ?? config.feed.listen;
    const file = path.join(config.share, config.feed.fileName);
    const { serveFeed } = await import("../../register/serve.js");
    let srv: Awaited<ReturnType<typeof serveFeed>>;
    try {
      srv = await serveFeed(file, listen);
    } catch (err) {
      throw new ArsipdError(
        "LISTEN_FAILED",
        "fatal",
        `arsipd serve-feed: cannot listen on ${listen} (${describeError(err)}); set feed.listen or --listen to a free host:port`,
        { cause: err },
      );
    }
    stdout.write(`serving ${file} on http://${srv.address}/\n`);
    await new Promise<void>((resolve) => {
      const stop = () => {
        process.off("SIGTERM", stop);
        process.off("SIGINT", stop);
        srv.close().then(resolve);
        srv.server.closeAllConnections();
      };
      process.on("SIGTERM", stop);
      process.on("SIGINT", stop);
    });
    return EXIT.ok;
  },
};
