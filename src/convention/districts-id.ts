/**
 * Indonesia's districts (kecamatan) and villages (kelurahan, desa) by name, each with the region
 * codes of the cities and regencies that have one so named, from the idn-area-data package
 * (Kemendagri's codes; its data is under the ODbL and read here as shipped, never copied into
 * this repository).
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
   * Folded name without its spaces → the four-digit codes of the cities and regencies with a
   * district so named: "Teluknaga" and "Teluk Naga", "Kampung Baru" and "Kampungbaru" are one.
   */
  districts: Map<string, string[]>;
  /** The most words a district's name has. */
  longest: number;
}

/** The cities and regencies (regencies.csv, 514 rows), read once for both look-ups below. */
interface Regencies {
  /** Four-digit code → the city's or regency's name as the data writes it ("KOTA TANGERANG"). */
  byCode: Map<string, string>;
  /** Their names folded ("kota tangerang", "kabupaten bogor"). */
  names: Set<string>;
}

let loaded: Table | undefined;
let villagesLoaded: Map<string, string[]> | undefined;
let regenciesLoaded: Regencies | undefined;

/** Lower-case words `[a-z0-9]` joined by one space: how a subject's words are compared. */
function foldName(name: string): string {
  const lower = name.toLowerCase();
  // Most names are letters and single spaces already: one test instead of the whole fold.
  if (PLAIN_NAME.test(lower)) return lower;
  return lower
    .normalize("NFKD")
    .replace(/[^a-z0-9]+/g, " ")
    .trim();
}
const PLAIN_NAME = /^[a-z0-9]+(?: [a-z0-9]+)*$/;

/** Each row of one of the package's CSV files (code,parent_code,name; no quoting in them). */
function eachRow(file: string, row: (code: string, parent: string, name: string) => void): void {
  const path = createRequire(import.meta.url).resolve(`idn-area-data/data/${file}`);
  const text = readFileSync(path, "utf8");
  // By hand, not split(): the villages' file has 83,000 rows, read on a name's first look.
  let at = text.indexOf("\n") + 1;
  while (at > 0 && at < text.length) {
    let eol = text.indexOf("\n", at);
    if (eol < 0) eol = text.length;
    const a = text.indexOf(",", at);
    const b = a < 0 ? -1 : text.indexOf(",", a + 1);
    if (b > 0 && b < eol) {
      const end = text.charCodeAt(eol - 1) === 0x0d ? eol - 1 : eol;
      row(text.slice(at, a), text.slice(a + 1, b), text.slice(b + 1, end));
    }
    at = eol + 1;
  }
}

/** `code` added to the codes of `name` in `map`, once. */
function add(map: Map<string, string[]>, name: string, code: string): void {
  const codes = map.get(name);
  if (codes === undefined) map.set(name, [code]);
  else if (!codes.includes(code)) codes.push(code);
}

function table(): Table {
  if (loaded !== undefined) return loaded;
  const districts = new Map<string, string[]>();
  let longest = 0;
  try {
    eachRow("districts.csv", (_, regency, name) => {
      const key = foldName(name);
      if (key === "") return;
      const code = regency.replace(".", "");
      add(districts, key.replace(/ /g, ""), code);
      longest = Math.max(longest, key.split(" ").length);
    });
  } catch {
    // No table (the package missing): no district outside DKI is known, as before it.
    districts.clear();
  }
  loaded = { districts, longest };
  return loaded;
}

function regencies(): Regencies {
  if (regenciesLoaded !== undefined) return regenciesLoaded;
  const byCode = new Map<string, string>();
  const names = new Set<string>();
  try {
    eachRow("regencies.csv", (code, _, name) => {
      byCode.set(code.replace(".", ""), name);
      names.add(foldName(name));
    });
  } catch {
    // No table: codes are shown as they are, and no name is known (every head reads as before).
  }
  regenciesLoaded = { byCode, names };
  return regenciesLoaded;
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
  return namedIn(t.districts, t.longest, ws, from);
}

/**
 * The village (kelurahan, desa) named by the words of `ws` from index `from` on, as
 * districtNamed reads a district's name. Its table (83,000 villages, read on the first village
 * named outside DKI) is kept apart from the districts', which most offices need alone.
 */
export function villageNamed(
  ws: readonly { word: string }[],
  from: number,
): NamedDistrict | undefined {
  return namedIn(villageTable(), VILLAGE_WORDS, ws, from);
}

/**
 * The name in `table` (keyed without spaces) that the words of `ws` from `from` spell, at most
 * `longest` of them, the longest first.
 */
function namedIn(
  table: ReadonlyMap<string, string[]>,
  longest: number,
  ws: readonly { word: string }[],
  from: number,
): NamedDistrict | undefined {
  for (let n = Math.min(longest, ws.length - from); n >= 1; n--) {
    const words = ws.slice(from, from + n).map((w) => w.word);
    const codes = table.get(words.join(""));
    if (codes !== undefined) return { name: words.join(" "), codes, words: n };
  }
  return undefined;
}

/** The most words of a village's name read. */
const VILLAGE_WORDS = 4;

function villageTable(): Map<string, string[]> {
  if (villagesLoaded !== undefined) return villagesLoaded;
  const villages = new Map<string, string[]>();
  try {
    eachRow("villages.csv", (code, _, name) => {
      const key = foldName(name);
      if (key === "") return;
      // "36.03.01.2001": the city's or regency's code is its first two parts.
      const regency = code.slice(0, 2) + code.slice(3, 5);
      add(villages, key.replace(/ /g, ""), regency);
    });
  } catch {
    // No table: no village outside DKI is known, as before it.
    villages.clear();
  }
  villagesLoaded = villages;
  return villages;
}

/** The city's or regency's name of a four-digit region code ("3671": "KOTA TANGERANG"), or it. */
export function regencyName(code: string): string {
  return regencies().byCode.get(code) ?? code;
}

/**
 * Whether a city or regency is named `name` (folded words joined by one space: "kabupaten
 * bogor", "kota bekasi").
 */
export function isRegencyName(name: string): boolean {
  return regencies().names.has(name);
}
