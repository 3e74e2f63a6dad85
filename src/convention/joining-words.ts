/**
 * Words that only join what follows them ("dan", "pada", "untuk" …): never a place's name
 * (dki-names.ts), and a subject cut after one reads as if a word were missing (slug-cut.ts).
 * Data only.
 */
export const JOINING_WORDS: readonly string[] = [
  "dan",
  "atau",
  "serta",
  "pada",
  "dalam",
  "di",
  "ke",
  "dari",
  "untuk",
  "bagi",
  "yang",
  "dengan",
  "atas",
  "oleh",
];
