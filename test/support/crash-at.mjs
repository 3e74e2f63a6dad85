// Test-only crash hook, loaded with `node --import <this file>`: it wraps node's file-system
// calls that change something on disk and SIGKILLs the process right after the Nth change
// completes, so a crash test can kill arsipd after every single step of a move or a write
// without any hook in arsipd's own code.
//   ARSIPD_CRASH_AFTER=N   kill after the Nth change (unset or 0: never)
//   ARSIPD_CRASH_LOG=file  append "N<TAB>call<TAB>path" per change (to list the steps)
// Counted: fs/promises and FileHandle writes, creates, renames, links, unlinks, removals and
// creating mkdirs (a recursive mkdir of an existing folder changes nothing and is not counted),
// and their *Sync forms. Not counted: reads and fsync (a SIGKILL does not undo what the kernel
// already has), and callback-style fs calls (streams), which the code under these tests does
// not use to change files.
import fs from "node:fs";
import fsp from "node:fs/promises";
import { syncBuiltinESMExports } from "node:module";
import { fileURLToPath } from "node:url";

const killAfter = Number(process.env.ARSIPD_CRASH_AFTER ?? 0);
const logFile = process.env.ARSIPD_CRASH_LOG;
const { appendFileSync } = fs;
let n = 0;
/** True inside a wrapped sync call or the log write: node's own nested calls are not counted. */
let busy = false;

const show = (p) => (Buffer.isBuffer(p) ? p.toString("latin1") : String(p));

function changed(call, p) {
  n += 1;
  if (logFile) {
    busy = true;
    try {
      appendFileSync(logFile, `${n}\t${call}\t${show(p)}\n`);
    } finally {
      busy = false;
    }
  }
  if (n === killAfter) process.kill(process.pid, "SIGKILL");
}

/** Whether open flags create or change the file (anything but plain reading). */
const writes = (flags) =>
  typeof flags === "number"
    ? (flags & (fs.constants.O_WRONLY | fs.constants.O_RDWR | fs.constants.O_CREAT)) !== 0
    : flags !== undefined && flags !== "r" && flags !== "rs" && flags !== "sr";

/** Which calls count, and whether a given call changed something. */
const CHANGES = {
  writeFile: () => true,
  appendFile: () => true,
  rename: () => true,
  link: () => true,
  symlink: () => true,
  unlink: () => true,
  rm: () => true,
  rmdir: () => true,
  copyFile: () => true,
  truncate: () => true,
  utimes: () => true,
  open: (args) => writes(args[1]),
  mkdir: (args, result) => !(args[1]?.recursive && result === undefined),
};

/** FileHandle → the path it was opened with, for the log. */
const handlePaths = new WeakMap();

function wrapAsync(obj, name, test, label = name) {
  const orig = obj[name];
  obj[name] = async function (...args) {
    const result = await orig.apply(this, args);
    if (name === "open") handlePaths.set(result, args[0]);
    if (test(args, result)) changed(label, handlePaths.get(this) ?? args[0]);
    return result;
  };
}

function wrapSync(obj, name, test) {
  const orig = obj[name];
  obj[name] = function (...args) {
    if (busy) return orig.apply(this, args);
    busy = true;
    let result;
    try {
      result = orig.apply(this, args);
    } finally {
      busy = false;
    }
    if (test(args, result)) changed(name, args[0]);
    return result;
  };
}

for (const [name, test] of Object.entries(CHANGES)) {
  wrapAsync(fsp, name, test);
  wrapSync(fs, `${name}Sync`, test);
}
wrapSync(fs, "writeSync", (args) => args[0] > 2); // not stdout/stderr

// FileHandle methods live on its prototype; one handle (of this file, read-only) reaches it.
const probe = await fsp.open(fileURLToPath(import.meta.url), "r");
const handleProto = Object.getPrototypeOf(probe);
await probe.close();
for (const name of ["write", "writeFile", "appendFile", "truncate", "writev"])
  wrapAsync(handleProto, name, () => true, `handle.${name}`);

// ESM named imports (`import { rename } from "node:fs/promises"`) are live bindings of these
// objects' properties; this makes them see the wrapped functions.
syncBuiltinESMExports();
