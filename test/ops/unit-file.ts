/** Reads a systemd unit file into section → key → values (repeated keys keep every value). */
import { readFileSync } from "node:fs";

export type Unit = Record<string, Record<string, string[]>>;

export function readUnit(file: string): Unit {
  const unit: Unit = {};
  let section = "";
  for (const raw of readFileSync(file, "utf8").split("\n")) {
    const line = raw.trim();
    if (line === "" || line.startsWith("#") || line.startsWith(";")) continue;
    const sec = /^\[(.+)\]$/.exec(line);
    if (sec) {
      section = sec[1]!;
      unit[section] ??= {};
      continue;
    }
    const eq = line.indexOf("=");
    if (eq < 0) continue;
    const key = line.slice(0, eq).trim();
    const value = line.slice(eq + 1).trim();
    unit[section] ??= {};
    const keys = unit[section];
    keys[key] ??= [];
    keys[key].push(value);
  }
  return unit;
}

/** The last value of a key (systemd's "last one wins" for single-valued settings). */
export function last(unit: Unit, section: string, key: string): string | undefined {
  return unit[section]?.[key]?.at(-1);
}
