// Runs one full mirror pass from the compiled dist/ and, driven by env, kills itself (SIGKILL)
// at a chosen point. Every completed put and move is appended (fsync'd) to CRASH_EVENTS so the
// test can count uploads across crashes. Env: SHARE MIRROR STATE CRASH_EVENTS
// KILL_WHEN=put-begin|put-done|move-done|flush KILL_AT=N BATCH=n
// KILL_WHEN=put-partial KILL_PATH=substring: the put of that path writes the first half of the
// file at its target, in place (as stock SabreDAV or webdav-server do with a cut-off PUT), then
// the process is killed.
// NO_MTIME=1: the remote claims not to keep mtimes (and gives no checksums), so a file uploaded
// before a crash can only be recognised by reading it back (confirm.ts).
import {
  closeSync,
  fsyncSync,
  mkdirSync,
  openSync,
  readFileSync,
  writeFileSync,
  writeSync,
} from "node:fs";
import path from "node:path";
import pino from "pino";
import { configSchema } from "../../dist/config/schema.js";
import { mirrorPass } from "../../dist/mirror/pass.js";
import { LocalRemote } from "../../dist/remote/local.js";
import { Journal } from "../../dist/state/journal.js";

const env = process.env;
const killAt = Number(env.KILL_AT ?? 0);
let count = 0;
const event = (line) => {
  const fd = openSync(env.CRASH_EVENTS, "a");
  writeSync(fd, `${line}\n`);
  fsyncSync(fd);
  closeSync(fd);
};
const hit = (when) => {
  if (env.KILL_WHEN === when && ++count === killAt) process.kill(process.pid, "SIGKILL");
};

class CountingRemote extends LocalRemote {
  async put(p, file, opts) {
    if (env.KILL_WHEN === "put-partial" && p.includes(env.KILL_PATH)) {
      const bytes = opts.content ?? readFileSync(file);
      const target = path.join(env.MIRROR, p);
      mkdirSync(path.dirname(target), { recursive: true });
      writeFileSync(target, bytes.subarray(0, Math.floor(bytes.length / 2)));
      process.kill(process.pid, "SIGKILL");
    }
    hit("put-begin");
    const r = await super.put(p, file, opts);
    event(`put\t${p}`);
    hit("put-done");
    return r;
  }
  async capabilities() {
    const caps = await super.capabilities();
    return env.NO_MTIME ? { ...caps, setMtime: false } : caps;
  }
  async move(a, b, signal) {
    await super.move(a, b, signal);
    event(`move\t${a}\t${b}`);
    hit("move-done");
  }
}

const config = configSchema.parse({
  share: env.SHARE,
  stateDir: env.STATE,
  remote: { type: "local", path: env.MIRROR },
  watch: { stabilityMs: 0 },
  deletes: { maxFraction: 0.5 },
});
const journal = await Journal.open(env.STATE, { batchSize: Number(env.BATCH ?? 7) });
const flush = journal.flush.bind(journal);
journal.flush = async () => {
  await flush();
  hit("flush");
};
const summary = await mirrorPass(
  { config, log: pino({ level: "silent" }), remote: new CountingRemote(env.MIRROR), journal },
  { full: true },
);
await journal.close();
process.stdout.write(JSON.stringify(summary));
