/**
 * Indonesia's districts (kecamatan) by name, each with the region codes of the cities and
 * regencies that have one so named, from the idn-area-data package (Kemendagri's codes; its
 * data is under the ODbL and read here as shipped, never copied into this repository).
 *
 * dki-districts.ts lists DKI Jakarta's districts and villages, so an office there tells another
 * DKI city's district from its own. An office elsewhere had no such list: "PPS Kecamatan Ciledug"
 * (Kota Tangerang's) was filed by KPU Kabupaten Tangerang as its own business. With this table a
 * district named after its level word is another office's when no district of that name lies in
 * this office's area (its region codes).
 *
 * The table is read from disk once, on the first name that names a district outside DKI: a static
 * file, so every reading stays a function of the name and the config. Without the file (a broken
 * install) no district is known here, and names read as they did before the table.
 */
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";

/** A district's name as read (folded words joined by one space) and its areas' codes ("3671"). */
export interface NamedDistrict {
  name: string;
  codes: readonly string[];
  /** The words of the name matched: the district's name is that many words long. */
  words: number;
}

interface Table {
  /**
   * Folded name → the four-digit codes of the cities and regencies with a district so named; each
   * name also without its spaces ("teluknaga", "teluk naga" typed either way).
   */
  districts: Map<string, string[]>;
  /** Four-digit code → the city's or regency's name as the data writes it ("KOTA TANGERANG"). */
  regencies: Map<string, string>;
  /** The most words a district's name has. */
  longest: number;
}

let loaded: Table | undefined;

/** Lower-case words `[a-z0-9]` joined by one space: how a subject's words are compared. */
function foldName(name: string): string {
  return name
    .toLowerCase()
    .normalize("NFKD")
    .replace(/[^a-z0-9]+/g, " ")
    .trim();
}

/** The rows of one of the package's CSV files (code,parent_code,name; no quoting in them). */
function rows(file: string): string[][] {
  const path = createRequire(import.meta.url).resolve(`idn-area-data/data/${file}`);
  return readFileSync(path, "utf8")
    .split("\n")
    .slice(1)
    .map((line) => line.trim().split(","))
    .filter((r) => r.length >= 3);
}

function table(): Table {
  if (loaded !== undefined) return loaded;
  const districts = new Map<string, string[]>();
  const regencies = new Map<string, string>();
  let longest = 0;
  try {
    for (const [code, , name] of rows("regencies.csv")) {
      regencies.set(code!.replace(".", ""), name!);
    }
    for (const [, regency, name] of rows("districts.csv")) {
      const key = foldName(name!);
      if (key === "") continue;
      const code = regency!.replace(".", "");
      for (const k of new Set([key, key.replace(/ /g, "")])) {
        const codes = districts.get(k);
        if (codes === undefined) districts.set(k, [code]);
        else if (!codes.includes(code)) codes.push(code);
      }
      longest = Math.max(longest, key.split(" ").length);
    }
  } catch {
    // No table (the package missing): no district outside DKI is known, as before it.
    districts.clear();
  }
  loaded = { districts, regencies, longest };
  return loaded;
}

/**
 * The district named by the words of `ws` from index `from` on (the longest name first, so
 * "Ciputat Timur" before "Ciputat"; its words typed apart or joined), or undefined for none.
 */
export function districtNamed(
  ws: readonly { word: string }[],
  from: number,
): NamedDistrict | undefined {
  const t = table();
  for (let n = Math.min(t.longest, ws.length - from); n >= 1; n--) {
    const words = ws.slice(from, from + n).map((w) => w.word);
    const name = words.join(" ");
    const codes = t.districts.get(name) ?? t.districts.get(words.join(""));
    if (codes !== undefined) return { name, codes, words: n };
  }
  return undefined;
}

/** The city's or regency's name of a four-digit region code ("3671": "KOTA TANGERANG"), or the code. */
export function regencyName(code: string): string {
  return table().regencies.get(code) ?? code;
}
