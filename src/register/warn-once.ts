/**
 * Remembers which warnings this process has already logged, per file, so a problem in the
 * metadata file is logged when it appears, not again at every rebuild while it stays. A problem
 * that goes away is forgotten: if it comes back, it is logged again.
 */
export class WarnOnce {
  #seen = new Map<string, Set<string>>();

  /** The keys of `scope` not logged before; `current` becomes the remembered set of `scope`. */
  fresh(scope: string, current: string[]): Set<string> {
    const seen = this.#seen.get(scope) ?? new Set();
    const out = new Set(current.filter((k) => !seen.has(k)));
    this.#seen.set(scope, new Set(current));
    return out;
  }
}

/** One per process: the daemon rebuilds the register many times. */
export const metadataWarnings = new WarnOnce();
