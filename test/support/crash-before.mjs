/**
 * Test-only crash hook, loaded with `node --import` into a child process (the production code
 * carries none): ARSIPD_CRASH_BEFORE=<fn>:<regex> SIGKILLs the process just before the first
 * call of `fs.promises.<fn>` (link, unlink, rename, open, copyFile, writeFile …) whose path
 * arguments (absolute paths, or Buffers), joined by " -> ", match <regex>. `open` counts only when it opens for writing.
 * The kill lands between two real steps of a move, a quarantine or an atomic write, which is
 * what the crash tests need; node's syncBuiltinESMExports makes the ESM imports of
 * node:fs/promises see the wrapped function.
 */
import fs from "node:fs";
import { syncBuiltinESMExports } from "node:module";

const spec = process.env.ARSIPD_CRASH_BEFORE;
if (spec) {
  const at = spec.indexOf(":");
  const fn = spec.slice(0, at);
  const re = new RegExp(spec.slice(at + 1));
  const orig = fs.promises[fn];
  if (typeof orig !== "function") throw new Error(`ARSIPD_CRASH_BEFORE: no fs.promises.${fn}`);
  fs.promises[fn] = function (...args) {
    const paths = args
      .filter((a) => (typeof a === "string" && a.includes("/")) || Buffer.isBuffer(a))
      .map(String)
      .join(" -> ");
    const writing = fn !== "open" || /[wa+]/.test(String(args[1] ?? "r"));
    if (writing && re.test(paths)) process.kill(process.pid, "SIGKILL");
    return orig.apply(this, args);
  };
  syncBuiltinESMExports();
}
