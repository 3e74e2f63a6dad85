/**
 * The names clerks typed, kept after filing: `<stateDir>/nama-asal.jsonl`, one JSON line per
 * filing `{"to": <canonical rel>, "from": <rel as typed>}`; the last line for a path wins. The
 * register shows it in Keterangan ("Nama asal: …") so a clerk finds the file she saved.
 * Appended after the move is done: a crash in between loses only this hint, never a file.
 */
import { appendFile, readFile } from "node:fs/promises";
import path from "node:path";

const FILE = "nama-asal.jsonl";

export async function recordOrigins(
  stateDir: string,
  moves: readonly { from: string; to: string }[],
): Promise<void> {
  if (moves.length === 0) return;
  const text = moves.map((m) => `${JSON.stringify({ to: m.to, from: m.from })}\n`).join("");
  await appendFile(path.join(stateDir, FILE), text, "utf8");
}

/** Canonical rel → the name (last path segment) it was typed as; empty when none recorded. */
export async function readOrigins(stateDir: string): Promise<Map<string, string>> {
  const out = new Map<string, string>();
  const text = await readFile(path.join(stateDir, FILE), "utf8").catch(() => "");
  for (const line of text.split("\n")) {
    if (line === "") continue;
    try {
      const { to, from } = JSON.parse(line) as { to?: unknown; from?: unknown };
      if (typeof to === "string" && typeof from === "string")
        out.set(to, from.slice(from.lastIndexOf("/") + 1));
    } catch {
      // a line cut by a crash: skipped
    }
  }
  return out;
}
