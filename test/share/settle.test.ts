/** When files still being written are looked at again (daemon and `arsipd sync`). */
import { mkdtempSync, utimesSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { settleGroups, untilSettled } from "../../src/share/settle.js";

describe("untilSettled", () => {
  const share = mkdtempSync(path.join(tmpdir(), "arsipd-settle-"));
  const now = Date.now();
  const saved = (name: string, ageMs: number) => {
    writeFileSync(path.join(share, name), name);
    const t = new Date(now - ageMs);
    utimesSync(path.join(share, name), t, t);
    return name;
  };

  it("waits until the youngest file has been left alone for the window, not a window from now", () => {
    const young = saved("young.pdf", 1_500);
    const older = saved("older.pdf", 1_900);
    expect(untilSettled(share, [older, young], 2_000, now)).toBe(550);
    expect(untilSettled(share, [saved("settled.pdf", 5_000)], 2_000, now)).toBe(50);
  });

  it("a file it cannot read, or too many to read, counts as written just now", () => {
    expect(untilSettled(share, ["gone.pdf"], 2_000, now)).toBe(2_050);
    const many = Array.from({ length: 501 }, () => saved("old.pdf", 60_000));
    expect(untilSettled(share, many, 2_000, now)).toBe(2_050);
    expect(untilSettled(share, many.slice(0, 500), 2_000, now)).toBe(50);
  });

  it("groups files by when each settles, so the first of a batch does not wait for the last", () => {
    const a = saved("a.pdf", 1_900);
    const b = saved("b.pdf", 1_880);
    const c = saved("c.pdf", 1_000);
    const groups = settleGroups(share, [a, b, c, "gone.pdf"], 2_000, now);
    expect([...groups]).toEqual([
      [200, [a, b]],
      [1_100, [c]],
      [2_100, ["gone.pdf"]],
    ]);
  });
});
