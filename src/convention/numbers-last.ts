/**
 * A decree's number and year typed after its subject, the head before "tentang" holding only
 * the decree's name ("SK Ketua ttg Pembentukan KPPS Nomor 5 Tahun 2024"): read again with them
 * moved before "tentang", as the clerk would have typed them in the usual order. Asked by
 * parse.ts only for a name refused as NO_NUMBER, and taken only when that reading reads.
 *
 * The numbers must end the name, each with its keyword ("No"/"Nomor", "Th"/"Tahun"), and be
 * nobody else's: not what the word before them counts ("TPS Nomor 5", subject-end.ts COUNTED),
 * and no decree, law or letter cited anywhere in the subject ("Perubahan atas SK Nomor 5 Tahun
 * 2023", "Tindak Lanjut Putusan DKPP Nomor 5 …", CITING), whose number it would be. Pure.
 */
import { CITING, COUNTED } from "./subject-end.js";
import { wordsFrom } from "./text.js";

const NUMBERS_LAST =
  /^(.*?)(?<![a-z0-9])(tentang|ttg|tntg)(?![a-z0-9])(.*?)[\s_-]+((?:nomor|nomer|nmr|no)[\s.:]*\d{1,4}[a-z]?[\s_-]+(?:tahun|thn|th)[\s.:]*\d{4})[\s_.-]*$/;

/**
 * `stem` with the number and year that end it moved before "tentang" (module comment), or null
 * when it has no such numbers.
 */
export function numbersLast(stem: string): string | null {
  const folded = stem.toLowerCase();
  if (folded.length !== stem.length) return null;
  const m = NUMBERS_LAST.exec(folded);
  if (m === null) return null;
  const ws = wordsFrom(m[3]!, 0);
  if (ws.length === 0 || COUNTED.has(ws[ws.length - 1]!.word)) return null;
  for (const w of ws) if (CITING.has(w.word)) return null;
  const head = m[1]!.length;
  const marker = head + m[2]!.length;
  const subjectEnd = marker + m[3]!.length;
  const numbers = folded.indexOf(m[4]!, subjectEnd);
  return `${stem.slice(0, head)}${stem.slice(numbers, numbers + m[4]!.length)} ${stem.slice(head, subjectEnd)}`;
}
