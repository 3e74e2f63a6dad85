/**
 * The Dockerfile cannot be built here (no Docker engine), so this checks what can be checked
 * without one: every file it copies exists, it runs the built CLI's `run` as a non-root user on
 * an official Node 20 image, the health check is `status`, and the volumes match the example
 * container config.
 */
import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { loadConfig } from "../../src/config/load.js";
import { REPO } from "../helpers/cli.js";

interface Instr {
  op: string;
  args: string;
  stage: number;
}

/** Dockerfile instructions with continuation lines joined; `stage` counts FROMs from 0. */
function parseDockerfile(text: string): Instr[] {
  const out: Instr[] = [];
  let stage = -1;
  let buf = "";
  for (const raw of text.split("\n")) {
    const line = raw.trim();
    if (buf === "" && (line === "" || line.startsWith("#"))) continue;
    if (line.startsWith("#")) continue;
    buf += `${line.replace(/\\$/, "").trim()} `;
    if (line.endsWith("\\")) continue;
    const m = /^(\S+)\s+(.*)$/.exec(buf.trim());
    buf = "";
    if (!m) continue;
    const op = m[1]!.toUpperCase();
    if (op === "FROM") stage++;
    out.push({ op, args: m[2]!.trim(), stage });
  }
  return out;
}

const instrs = parseDockerfile(readFileSync(path.join(REPO, "Dockerfile"), "utf8"));
const finalStage = Math.max(...instrs.map((i) => i.stage));
const final = instrs.filter((i) => i.stage === finalStage);
const lastOf = (op: string) => final.filter((i) => i.op === op).at(-1)?.args;
const dockerignore = readFileSync(path.join(REPO, ".dockerignore"), "utf8")
  .split("\n")
  .map((l) => l.trim())
  .filter((l) => l !== "" && !l.startsWith("#"));

/** Where a build-stage path comes from in the repo, once `npm ci` and `npm run build` ran. */
function buildStageSource(p: string): string {
  return path.join(REPO, p.replace(/^\/app\/?/, ""));
}

describe("Dockerfile", () => {
  it("builds on official Node 20 images, in two stages", () => {
    const froms = instrs.filter((i) => i.op === "FROM").map((i) => i.args.split(/\s+/)[0]!);
    expect(froms.length).toBe(2);
    for (const image of froms)
      expect(image).toMatch(/^node:20(-(bookworm|bookworm-slim|alpine))?$/);
  });

  it("runs npm ci, the build and the dev-dependency prune in the build stage", () => {
    const runs = instrs
      .filter((i) => i.stage === 0 && i.op === "RUN")
      .map((i) => i.args)
      .join(" && ");
    expect(runs).toMatch(/npm ci\b.*npm run build.*npm prune --omit=dev/);
  });

  it("copies only files that exist in the repository or the build", () => {
    const copies = instrs.filter((i) => i.op === "COPY");
    expect(copies.length).toBeGreaterThan(3);
    for (const c of copies) {
      const parts = c.args.split(/\s+/);
      const from = parts.find((p) => p.startsWith("--from="));
      const paths = parts.filter((p) => !p.startsWith("--"));
      const sources = paths.slice(0, -1);
      for (const s of sources) {
        const where = from ? buildStageSource(s) : path.join(REPO, s);
        expect(existsSync(where), `COPY ${c.args}: ${s} missing`).toBe(true);
        if (!from) expect(dockerignore, `${s} is in .dockerignore`).not.toContain(s);
      }
    }
    const runtimeSources = copies
      .filter((c) => c.stage === finalStage)
      .map((c) => c.args.split(/\s+/).filter((p) => !p.startsWith("--"))[0]);
    expect(runtimeSources.sort()).toEqual(
      ["/app/dist", "/app/node_modules", "/app/package.json", "config"].sort(),
    );
    expect(existsSync(path.join(REPO, "dist/cli/main.js"))).toBe(true);
  });

  it("runs `dist/cli/main.js run` under tini as a user that is not root", () => {
    const entry = JSON.parse(lastOf("ENTRYPOINT") ?? "[]") as string[];
    const cmd = JSON.parse(lastOf("CMD") ?? "[]") as string[];
    const argv = [...entry, ...cmd].join(" ");
    expect(argv).toMatch(/^\/usr\/bin\/tini -- node \/app\/dist\/cli\/main\.js run$/);
    expect(final.some((i) => i.op === "RUN" && /apt-get install .*\btini\b/.test(i.args))).toBe(
      true,
    );
    const user = lastOf("USER");
    expect(user).toBeDefined();
    expect(user).not.toMatch(/^(root|0)(:|$)/);
  });

  it("checks health with `arsipd status`", () => {
    const hc = lastOf("HEALTHCHECK") ?? "";
    const json = /CMD\s+(\[.*\])\s*$/.exec(hc);
    expect(json, hc).not.toBeNull();
    expect(JSON.parse(json![1]!)).toEqual(["node", "/app/dist/cli/main.js", "status"]);
  });

  it("has volumes and ARSIPD_CONFIG that match config/arsipd.docker.yaml", () => {
    const volumes = JSON.parse(lastOf("VOLUME") ?? "[]") as string[];
    expect(volumes.sort()).toEqual(["/data/arsip", "/data/state", "/etc/arsipd"]);
    const env = final.filter((i) => i.op === "ENV").map((i) => i.args);
    expect(env.join(" ")).toMatch(/\bARSIPD_CONFIG=\/etc\/arsipd\/arsipd\.yaml\b/);
    const { config } = loadConfig({
      configPath: path.join(REPO, "config/arsipd.docker.yaml"),
      env: { ARSIPD_REMOTE_PASSWORD: "example-only" },
    });
    expect(config.share).toBe("/data/arsip");
    expect(config.stateDir).toBe("/data/state");
  });

  it("keeps node_modules, data and .git out of the build context", () => {
    for (const p of ["node_modules", "data", ".git"]) expect(dockerignore).toContain(p);
  });
});
