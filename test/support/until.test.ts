/**
 * The tests' wait helper. The daemon's server tests judge the server's disk by polling it while
 * the server replaces files; stock SabreDAV replaces by deleting the old file and then renaming
 * the upload onto its name, so a look can find a name listed and then gone. Such a look must
 * not end the wait (it once ended it early and failed a correct run with a stale difference).
 */
import {
  mkdtempSync,
  readdirSync,
  readFileSync,
  renameSync,
  unlinkSync,
  writeFileSync,
} from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { until } from "../helpers/workspace.js";

describe("until", () => {
  it("takes a file vanishing mid-look as 'not yet' and sees the replacement", async () => {
    const dir = mkdtempSync(path.join(tmpdir(), "arsipd-until-"));
    const target = path.join(dir, "Indeks.csv");
    writeFileSync(target, "old");
    let looks = 0;
    await until(
      () => {
        looks++;
        const names = readdirSync(dir);
        // The first look falls between the server's two steps: listed, then deleted.
        if (looks === 1) {
          unlinkSync(target);
          writeFileSync(path.join(dir, ".upload.part"), "new");
        }
        if (looks === 2) renameSync(path.join(dir, ".upload.part"), target);
        return names.includes("Indeks.csv") && readFileSync(target, "utf8") === "new";
      },
      5_000,
      "the replacement",
    );
    expect(looks).toBe(3);
  });

  it("names the last vanished file when the wait times out", async () => {
    const missing = path.join(tmpdir(), "arsipd-until-never-there", "x");
    await expect(until(() => readFileSync(missing).length > 0, 200, "a file")).rejects.toThrow(
      /timed out waiting for a file \(last look: ENOENT.*arsipd-until-never-there/,
    );
  });

  it("ends the wait at once on any other error", async () => {
    let looks = 0;
    await expect(
      until(
        () => {
          looks++;
          throw new TypeError("a bug in the check");
        },
        5_000,
        "never",
      ),
    ).rejects.toThrow("a bug in the check");
    expect(looks).toBe(1);
  });
});
