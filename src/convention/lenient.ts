/**
 * The lenient reading of a name that is not canonical: where the head (the fields) ends and the
 * subject starts, then the head's readings (head.ts). Pure.
 */
import { blankSpans, readHead } from "./head.js";
import { isDigit, isWordChar } from "./numbers.js";
import { findOldNumber } from "./old-numbers.js";
import type { CompiledRules } from "./rules.js";
import { CONTROL_CHARS, cleanTentang, foldSameLength, hasControlChar } from "./text.js";
import type { Decree, ParseRejected } from "./types.js";

const TENTANG = /(?<![a-z0-9])(?:tentang|ttg|tntg)(?![a-z0-9])/;
const KEYWORDS = new Set([
  "nomor",
  "nomer",
  "nmr",
  "no",
  "tahun",
  "thn",
  "th",
  "tah",
  "lampiran",
  "ke",
  "salinan",
]);
const LONGEST_KEYWORD = 8;
/** The start of the first word `[a-z0-9]+` that starts with a digit. */
const FIRST_NUMBER = /(?<![a-z0-9])[0-9]/;

/**
 * The decree in `stem` (the name without its extension; `ascii` when it is plain ASCII), or why
 * not. The serial is normalised;
 * the year is not range-checked yet.
 *
 * The head is the text before "tentang"/"ttg"; without it, the text up to the first free word
 * after the numbers (subjectStart). The subject is the rest, as typed (text.ts cleanTentang).
 */
export function lenient(
  stem: string,
  ext: string,
  c: CompiledRules,
  ascii: boolean,
): Decree | ParseRejected {
  const spaced = hasControlChar(stem) ? stem.replace(CONTROL_CHARS, " ") : stem;
  const folded = ascii ? spaced.toLowerCase() : foldSameLength(spaced);
  const marker = TENTANG.exec(folded);
  let headEnd = marker ? marker.index : folded.length;
  let tailStart = marker ? marker.index + marker[0].length : folded.length;
  const old = findOldNumber(folded, headEnd, stem, c);
  if (!marker) {
    // The old number's words (issuer marker, Roman month) are not free words.
    const shape = old
      ? folded.slice(0, old.start) + "0".padEnd(old.end - old.start, " ") + folded.slice(old.end)
      : folded;
    headEnd = subjectStart(shape, c);
    tailStart = headEnd;
  }
  const inHead = old && old.end <= headEnd ? old : null;
  let work = folded.slice(0, headEnd);
  if (inHead) work = blankSpans(work, [inHead.start, inHead.end]);
  const head = readHead(work, c, inHead);
  if ("reason" in head) return head;
  return {
    jenis: head.jenis,
    tahun: head.tahun,
    nomor: head.nomor,
    qualifier: head.qualifier,
    tentang: cleanTentang(stem.slice(tailStart)),
    ext,
    nomorAsli: inHead ? inHead.asli : undefined,
  };
}

/**
 * Without "tentang": the subject starts at the first word `[a-z0-9]+`, after the first number,
 * that is not a keyword (nomor, tahun, lampiran …) and does not start a jenis phrase.
 */
function subjectStart(shape: string, c: CompiledRules): number {
  const len = shape.length;
  // Words before the first number never start the subject.
  let i = shape.search(FIRST_NUMBER);
  if (i < 0) return len;
  while (i < len) {
    if (!isWordChar(shape.charCodeAt(i))) {
      i++;
      continue;
    }
    const start = i;
    while (i < len && isWordChar(shape.charCodeAt(i))) i++;
    if (isDigit(shape.charCodeAt(start))) continue;
    if (i - start <= LONGEST_KEYWORD && KEYWORDS.has(shape.slice(start, i))) continue;
    c.phraseAt.lastIndex = start;
    const phrase = c.phraseAt.exec(shape);
    if (phrase) {
      i = start + phrase[0].length;
      continue;
    }
    return start;
  }
  return len;
}
