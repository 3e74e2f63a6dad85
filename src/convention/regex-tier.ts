/**
 * V8 runs a new regex first from bytecode and compiles it to machine code on a later run; a run
 * on a subject of 1,000 characters or more compiles it to machine code at once. For the large
 * alternations compiled from the config (rules.ts, office.ts, fast.ts) the bytecode compile is
 * the dear step, several times the machine-code compile (headHintOwn, about 2,000 characters:
 * 1.8 against 0.3 ms on Node 20, and its first interpreted run over a head costs more again),
 * and every name runs them, so the bytecode is never worth having. Pure: a test against blank
 * text changes no state the parser reads (lastIndex is reset).
 */
const BLANK = " ".repeat(1000);

/** `re`, compiled to machine code now (see above). */
export function machineCompiled<R extends RegExp>(re: R): R {
  re.test(BLANK);
  re.lastIndex = 0;
  return re;
}
