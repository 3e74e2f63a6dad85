/**
 * How the daemon's heap grows. V8 sizes the next heap limit for throughput: after a collection
 * it lets the heap grow to up to four times what survived before collecting again. A pass over
 * 100,000 files makes short-lived lists of that many entries, so the process swelled to more
 * than 500 MB for about 70 MB of live data, and kept that memory while idle. The daemon idles
 * nearly all the time on an office machine that runs other things too: it trades a few more
 * collections during a pass for a footprint near its live data. This caps nothing (a larger
 * archive still gets the heap it needs); it only makes the heap grow in smaller steps.
 * One-shot commands keep V8's default.
 */
import v8 from "node:v8";

/** Next heap limit = live data × (1 + HEAP_GROWING_PERCENT / 100). */
export const HEAP_GROWING_PERCENT = 50;

export function tuneHeapForDaemon(): void {
  v8.setFlagsFromString(`--heap-growing-percent=${HEAP_GROWING_PERCENT}`);
}
