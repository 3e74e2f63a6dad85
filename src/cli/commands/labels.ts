import path from "node:path";
import { parse } from "../../convention/parse.js";
import { ArsipdError, describeError } from "../../errors.js";
import { writeFileAtomic } from "../../util/atomic-write.js";
import { EXIT } from "../../util/exit-codes.js";
import type { Command } from "../command.js";
import { openRuntime } from "../runtime.js";

export const labelsCommand: Command = {
  name: "labels",
  summary: "write a printable PDF of box labels and tables of contents for the paper archive",
  usage: "labels [--out FILE]",
  details:
    "Groups the decrees by the 'Lokasi Fisik' column of the metadata file (cabinet / box) and\n" +
    "writes one A4 page per box: a label to cut out and stick on the box, then the list of the\n" +
    "decrees it holds. Decrees without a location are listed on their own pages. Refreshes the\n" +
    "register first (written only when it changed). The PDF is written outside the share by\n" +
    "default, so it is never taken for a decree.",
  examples: ["arsipd labels", "arsipd labels --out /tmp/label-boks.pdf"],
  options: {
    out: {
      type: "string",
      valueName: "FILE",
      description: "where to write the PDF (default: Label-Arsip-Fisik.pdf here)",
    },
  },
  async run({ values, configPath, stdout }) {
    const { loaded, log } = await openRuntime(configPath, { logFile: true, stdout: false });
    const { config } = loaded;
    const out = path.resolve(typeof values.out === "string" ? values.out : "Label-Arsip-Fisik.pdf");
    const { buildRegister } = await import("../../register/build.js");
    const { groupByLocation } = await import("../../register/physical.js");
    const { labelsPdf } = await import("../../labels/labels.js");
    try {
      const r = await buildRegister({
        config,
        log,
        now: new Date(),
        parse,
        cacheDir: config.stateDir,
        keepRows: true,
      });
      const boxes = groupByLocation(r.rows ?? []);
      await writeFileAtomic(
        out,
        labelsPdf(boxes, config.feed.teuBadan.replace(/^Indonesia\.\s*/, "")),
      );
      const located = boxes.filter((b) => b.location !== null);
      const none = boxes.find((b) => b.location === null)?.decrees.length ?? 0;
      stdout.write(
        `ditulis ${out}: ${located.length} boks, ${none} keputusan tanpa lokasi fisik\n`,
      );
    } catch (err) {
      if (err instanceof ArsipdError) throw err;
      throw new ArsipdError("LABELS_FAILED", "fatal", `arsipd labels: ${describeError(err)}`, {
        cause: err,
      });
    }
    return EXIT.ok;
  },
};
