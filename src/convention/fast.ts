/**
 * The plain head, read in one anchored regex: a jenis phrase (with this office's place after it,
 * if any), then the numbers as most names type them ("No 12 Th 2024", "12-2024", "2024 012"),
 * then "tentang" / "ttg", a subject or nothing ("SK Ketua No 12 Th 2024 ttg …", "Keputusan KPU
 * Kota Jakarta Utara Nomor 12 Tahun 2024 tentang …", "Kep. Sekretaris 12-2024 pembentukan …",
 * "kpt ketua 2024 012"). A head in which none of lenient.ts's other readings and checks can find
 * anything: it is read here without them. Pure.
 *
 * Contract: for every name this reads, lenient.ts (with subject-read.ts readPlain) reads the same
 * decree, or refuses it for the same reason, as it does without this; every other name gets null
 * and is read as always. test/convention/fast.test.ts holds every table name and a random corpus to
 * it.
 *
 * Why it holds: such a head holds only the phrase, at most two keywords and two numbers, between
 * spaces. The head's other readings (old-style numbers, dates, other offices, other kinds of
 * document, attachment and copy markers, election years, list numbers) need a word or a
 * character it does not have, and what the head's checks decide (issuer.ts, office.ts) depends
 * on its phrase and the shape of its numbers, not on their digits. So each phrase is read once
 * per shape and end through lenient.ts itself (the first time a name has them, readShape), and
 * read here so only when that reading is this phrase's jenis. What the subject decides is
 * read by the same functions lenient.ts uses (subject-read.ts readPlain). Numbers the head reads in
 * another way (a year-shaped serial, two or no year-shaped bare numbers, a serial normNomor
 * refuses) are left to lenient.ts.
 */
import type { ConventionConfig } from "../config/schema.js";
import { countsSubject, type Head } from "./head.js";
import { lenient } from "./lenient.js";
import { fourDigits, isYearDigits, normNomor } from "./numbers.js";
import type { CompiledOffice } from "./office.js";
import { isRegionCodeSerial } from "./region-code.js";
import type { CompiledRules } from "./rules.js";
import type { OwnNamed } from "./subject-tag.js";
import { foldedWords as words } from "./text.js";

export interface FastHead extends OwnNamed {
  head: Head;
  /** Where the subject starts, as in lenient.ts: after "tentang", at its first word, or the end. */
  tailStart: number;
  /** "tentang" / "ttg" ends the head. */
  marked: boolean;
  /** The year is the head's last number ("No 12 Th 2024", "12-2024", "12 2024"; not "2024 012"). */
  yearLast: boolean;
  /**
   * Set by ownNamed() when the probe it asked read otherwise than both ways it tells apart: the
   * name is lenient.ts's to read after all (readPlain returns null), as is every later name of
   * this phrase, shape and end.
   */
  left: boolean;
}

/** A reader of plain heads for one config: the head of a folded printable name, or null. */
export type FastReader = (folded: string) => FastHead | null;

/** What lenient.ts makes of a folded printable name (how each phrase is checked, readShape). */
export type Reading = { jenis: string } | { reason: string };

/** Words only: a phrase or place with digits or other characters is left to lenient.ts. */
const PLAIN_HEAD = /^[a-z]+(?: [a-z]+)*$/;
/**
 * The words before the numbers (group 1, looked up among the phrases); the numbers as
 * "No 12 Th 2024" (2, 3), "12-2024" (4, 5) or two bare numbers (6, 7); then "tentang" (8), a
 * subject's first letter (not taken) or the end. A keyword glued to its number ("Th2024") is
 * left to lenient.ts, which reads it only where it stands before the subject.
 */
const PLAIN =
  /^([a-z][a-z .]*?) +(?:(?:nomor|no)(?:\. ?| )([0-9]{1,4}) +(?:tahun|th)(?:\. ?| )([0-9]{4})|([0-9]{1,4})-([0-9]{4})|([0-9]{1,4}) +([0-9]{1,4}))(?:( +(?:tentang|ttg))(?![a-z0-9])| +(?=[a-z])|$)/;
/** Words clerks end with "." ("Kep. Sekretaris", "Kota Adm. Jakarta Utara"): up to four letters. */
const ABBREVIATION = 4;
/** The shapes of the numbers, as PLAIN's alternatives, with a sample of each. */
const SHAPES = ["no 7 th 2011", "7-2011", "7 2011", "2011 7"];
/** How the head ends: "tentang", the end, a subject; bit 3: the subject is read for an office. */
const ENDS = [" ttg penetapan", "", " penetapan"];
const OFFICE_CHECKS = 3;
/** After "tentang", another office's business (body-place.ts); bit 16 + s: read for an office. */
const TAG_CHECKS = 16;
/**
 * The places of the probes, another KPU office's (" rapat kpu kota bekasi" as a subject, "… ttg
 * penetapan dpt kota bekasi" after "tentang"): the first that no configured name of this office
 * uses, since a probe that names this office is filed and would leave the subjects of every
 * office unread.
 */
const PROBE_PLACES = ["kota bekasi", "kota surabaya"];

/** The probes for an office whose names are `places` (folded words joined by spaces). */
function probes(places: readonly string[]): Probes {
  const own = new Set(places.flatMap((p) => p.split(" ")));
  const place = PROBE_PLACES.find((p) => !own.has(p.split(" ")[1]!)) ?? PROBE_PLACES[1]!;
  return { office: ` rapat kpu ${place}`, marked: ` dpt ${place}` };
}

interface Probes {
  /**
   * A subject typed without "tentang" that names another office, and not only it (a subject
   * that is another office alone is refused after any head, subject-read.ts otherOfficeIn).
   */
  office: string;
  /**
   * A subject after "tentang" that names another office's voter list: refused unless the head
   * names this office (a tag naming another office is refused either way, subject-tag.ts).
   */
  marked: string;
}
/** The words before a place: "Keputusan KPU <place>", "… Komisi Pemilihan Umum <place>". */
const BEFORE_PLACE = /(?:^| )(?:kpud?|umum)$/;

/** The plain-head reader of `rules` (compiled as `c`), built on first use and kept. */
export function plainReader(rules: ConventionConfig, c: CompiledRules): FastReader | null {
  let r = c.plainReader;
  if (r === undefined) {
    // A phrase word a head reading reads (a keyword such as "no", a number): the head's
    // readings then depend on more than its shape, so every name is left to lenient.ts.
    r = c.inertPhrases
      ? compileFast(rules, c.office, (folded) => lenient(folded, folded, "pdf", c, true))
      : null;
    c.plainReader = r;
  }
  return r;
}

/**
 * The reader, from `read` (lenient.ts's own reading) and this office (its region codes, and
 * other offices' codes, are no bare serial); null when no phrase may read plainly.
 */
export function compileFast(
  rules: ConventionConfig,
  office: CompiledOffice | null,
  read: (folded: string) => Reading,
): FastReader | null {
  // Phrase text → its jenis and, per shape s and end e, bit (4s + e): read plainly.
  const heads = new Map<string, Phrase>();
  const firsts = new Set<number>();
  const places = (rules.office?.names ?? []).map((p) => words(p).join(" "));
  const probe = probes(places);
  for (const j of rules.jenis) {
    for (const phrase of [j.code, j.label, ...j.aliases]) {
      const w = words(phrase).join(" ");
      const texts = [w, ...(BEFORE_PLACE.test(w) ? places.map((p) => `${w} ${p}`) : [])];
      for (const text of texts) {
        if (!PLAIN_HEAD.test(text) || heads.has(text)) continue;
        heads.set(text, { text, jenis: j.code, known: 0, bits: 0 });
        firsts.add(text.charCodeAt(0));
      }
    }
  }
  if (heads.size === 0) return null;
  const dotted = new Dotted(heads);
  const learn: Learner = { read, probe };
  // Named (not returned as an anonymous arrow) so profiles and V8's traces show it.
  const readPlainHead: FastReader = (folded) => {
    // PLAIN needs a phrase's first letter and a space: "scan12" is not tried.
    if (!firsts.has(folded.charCodeAt(0)) || !folded.includes(" ")) return null;
    const m = PLAIN.exec(folded);
    if (m === null) return null;
    const found = heads.get(m[1]!) ?? dotted.get(m[1]!);
    if (found === undefined) return null;
    let shape: number;
    let serial: string;
    let year: string;
    if (m[2] !== undefined) {
      shape = 0;
      serial = m[2];
      year = m[3]!;
    } else if (m[4] !== undefined) {
      shape = 1;
      serial = m[4];
      year = m[5]!;
    } else {
      // Bare numbers: the year-shaped one is the year, the other the serial.
      shape = isYearDigits(m[6]!) ? 3 : 2;
      serial = shape === 3 ? m[7]! : m[6]!;
      year = shape === 3 ? m[6]! : m[7]!;
    }
    if (isYearDigits(serial) || !isYearDigits(year)) return null;
    const end = m[8] !== undefined ? 0 : m[0].length === folded.length ? 1 : 2;
    // A serial after the year that counts the subject's first word ("2024 31 Kelurahan PPS"):
    // lenient.ts refuses it (head.ts countsSubject).
    if (shape === 3 && end === 2 && countsSubject(folded, m[0].length)) return null;
    if ((found.known & (1 << (4 * shape + end))) === 0) readShape(found, shape, end, read);
    if ((found.bits & (1 << (4 * shape + end))) === 0) return null;
    const nomor = normNomor(serial);
    if (nomor === null) return null;
    // A bare serial that is a region code, this office's or of another's shape, is no serial
    // (head.ts notSerial): the only reading that depends on the digits, left to lenient.ts.
    if (shape !== 0 && isRegionCodeSerial(nomor, office)) return null;
    return new PlainHead(
      { jenis: found.jenis, tahun: fourDigits(year), nomor, qualifier: null, counted: false },
      m[0].length,
      end === 0,
      shape !== 3,
      found,
      shape,
      end,
      learn,
    );
  };
  return readPlainHead;
}

/**
 * The phrases typed with an abbreviation's "." after some of their first four short words but
 * the last ("kep. sekretaris" for "kep sekretaris"), looked up by the typed text: it is read
 * without its dots the first time and kept (up to MAX_DOTTED texts; most offices type a few).
 * Other gaps are left to lenient.ts: a lookup of the words as typed costs less than rewriting.
 */
class Dotted {
  private readonly seen = new Map<string, Phrase | undefined>();
  constructor(private readonly heads: ReadonlyMap<string, Phrase>) {}

  get(typed: string): Phrase | undefined {
    if (!typed.includes(".")) return undefined;
    if (this.seen.has(typed)) return this.seen.get(typed);
    const text = undot(typed);
    const p = text === null ? undefined : this.heads.get(text);
    if (this.seen.size < MAX_DOTTED) this.seen.set(typed, p);
    return p;
  }
}

const MAX_DOTTED = 256;

/**
 * `typed` without the "." after its short words (at most ABBREVIATION letters, not the last
 * word, among the first four such words), or null when a "." stands anywhere else or words are
 * not apart by single spaces.
 */
function undot(typed: string): string | null {
  const w = typed.split(" ");
  let shorts = 0;
  for (let i = 0; i < w.length; i++) {
    const dot = w[i]!.endsWith(".");
    const word = dot ? w[i]!.slice(0, -1) : w[i]!;
    if (word.length === 0 || word.includes(".")) return null;
    const short = i < w.length - 1 && word.length <= ABBREVIATION;
    if (short) shorts++;
    if (dot && (!short || shorts > 4)) return null;
    w[i] = word;
  }
  return w.join(" ");
}

/**
 * A phrase as the reader keeps it. Whether it reads plainly in a shape of numbers and an end is
 * learnt the first time a name has them (readShape), and whether its subjects are read for
 * another office the first time a subject may name one (PlainHead.ownNamed): most offices type
 * a few of the phrases in one or two shapes, and most subjects name no office, so reading every
 * one up front would cost more than it saves.
 */
interface Phrase {
  text: string;
  jenis: string;
  /** Bit (4s + e): shape s with end e has been read; bit (4s + 3), bit (16 + s): probed, below. */
  known: number;
  /**
   * Per shape s and end e, bit (4s + e): read plainly; bit (4s + 3): a subject without "tentang"
   * read for offices; bit (16 + s): one after "tentang" read for an office in a tag.
   */
  bits: number;
}

/** What a phrase learns with: lenient.ts's reading, and the other office its probes name. */
interface Learner {
  read: (folded: string) => Reading;
  probe: Probes;
}

/** Learns whether `p` reads plainly in `shape` with `end`: when a sample reads as its jenis. */
function readShape(p: Phrase, shape: number, end: number, read: (folded: string) => Reading): void {
  const bit = 1 << (4 * shape + end);
  p.known |= bit;
  const r = read(`${p.text} ${SHAPES[shape]}${ENDS[end]}`);
  if (!("reason" in r) && r.jenis === p.jenis) p.bits |= bit;
}

/**
 * A plain head as read. Whether lenient.ts reads its subject for another office (ownNamed) is asked
 * only of a subject that may name one (a tag, "KPU", a place): the first time for its phrase, shape
 * and end, a probe tells. The probe that names another KPU office (without "tentang") or its voter
 * list (after it) is refused (bit 4s + 3; bit 16 + s set) or filed because the head names this
 * office or no office is configured (no bit); any other reading leaves the shape to lenient.ts from
 * then on, this name too (`left`).
 */
class PlainHead implements FastHead {
  // Declared, set in the constructor: class fields compile to an initializer function of their
  // own, which V8 queues for optimising apart, behind the parser's functions.
  declare readonly head: Head;
  declare readonly tailStart: number;
  declare readonly marked: boolean;
  declare readonly yearLast: boolean;
  declare left: boolean;
  declare private readonly phrase: Phrase;
  declare private readonly shape: number;
  declare private readonly end: number;
  declare private readonly learn: Learner;

  constructor(
    head: Head,
    tailStart: number,
    marked: boolean,
    yearLast: boolean,
    phrase: Phrase,
    shape: number,
    end: number,
    learn: Learner,
  ) {
    this.head = head;
    this.tailStart = tailStart;
    this.marked = marked;
    this.yearLast = yearLast;
    this.left = false;
    this.phrase = phrase;
    this.shape = shape;
    this.end = end;
    this.learn = learn;
  }

  ownNamed(): boolean {
    const { phrase: p, shape, end } = this;
    const checks = 1 << (end === 2 ? 4 * shape + OFFICE_CHECKS : TAG_CHECKS + shape);
    if ((p.known & checks) === 0) {
      p.known |= checks;
      const { read, probe } = this.learn;
      const sample = `${p.text} ${SHAPES[shape]}`;
      const r = read(sample + (end === 2 ? probe.office : ENDS[0] + probe.marked));
      if ("reason" in r && r.reason === "OFFICE_IN_SUBJECT") p.bits |= checks;
      else if ("reason" in r || r.jenis !== p.jenis) p.bits &= ~(1 << (4 * shape + end));
    }
    // Read plainly no more: the reading is lenient.ts's; until it returns, answer as the head
    // naming this office does, which asks the least.
    if ((p.bits & (1 << (4 * shape + end))) === 0) {
      this.left = true;
      return true;
    }
    return (p.bits & checks) === 0;
  }
}
