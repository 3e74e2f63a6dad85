/**
 * The admin guide in two languages: the same sections, the commands and paths the shipped
 * unit, wrapper and Dockerfile really use, and nothing that must not be published.
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { REPO } from "../helpers/cli.js";
import { last, readUnit } from "./unit-file.js";

const read = (p: string) => readFileSync(path.join(REPO, p), "utf8");
const GUIDES = {
  "docs/panduan.md": read("docs/panduan.md"),
  "docs/guide.md": read("docs/guide.md"),
};
const sections = (text: string) => text.split("\n").filter((l) => l.startsWith("## "));
const unit = readUnit(path.join(REPO, "systemd/arsipd.service"));

describe("docs/panduan.md and docs/guide.md", () => {
  it("have the same numbered sections", () => {
    const id = sections(GUIDES["docs/panduan.md"]).map((l) => l.split(" ")[1]);
    const en = sections(GUIDES["docs/guide.md"]).map((l) => l.split(" ")[1]);
    expect(id.length).toBeGreaterThanOrEqual(10);
    expect(en).toEqual(id);
  });

  for (const [name, text] of Object.entries(GUIDES)) {
    it(`${name} uses the paths and commands that ship`, () => {
      const execStart = last(unit, "Service", "ExecStart")!;
      const main = execStart.split(/\s+/)[1]!;
      expect(text).toContain(path.dirname(path.dirname(path.dirname(main)))); // /opt/arsipd
      const credential = last(unit, "Service", "LoadCredential")!.split(":")[1]!;
      expect(text).toContain(credential);
      expect(text).toContain("chmod 600");
      for (const must of [
        "systemctl enable --now arsipd",
        "arsipd logs --since 1d --level warn",
        "--file",
        "vers=3.0",
        "uid=arsipd",
        "polling: true",
        "Settings → Security → App passwords",
        "_KARANTINA",
        ".ALASAN.txt",
        "_Dihapus",
        "Perlu Diperbaiki",
        "Ringkasan",
        "Metadata-Keputusan.csv",
        "Indeks-Keputusan.xlsx",
        "git pull",
        "npm ci",
        "npm run build",
        "systemctl disable --now arsipd",
        "systemd/arsipd-cli.sh",
        "config/arsipd.server.yaml",
        "docker run",
        "-v /srv/arsip:/data/arsip",
        "/data/state",
        "/etc/arsipd:/etc/arsipd:ro",
      ]) {
        expect(text, must).toContain(must);
      }
      for (const code of ["0", "1", "2", "64", "77", "78", "70"]) {
        expect(text).toMatch(new RegExp(`^\\| ${code} +\\|`, "m"));
      }
    });

    it(`${name} holds no machine path, registry host or credential`, () => {
      expect(text).not.toMatch(/\/work\/|\/root\/|\/home\/\w/);
      expect(text).not.toMatch(
        /registry\.|npmjs|deb\.debian|nodesource\.com|https?:\/\/(?!cloud\.example)/,
      );
      expect(text).not.toMatch(/password=(?!WINDOWS_PASSWORD|KATA_SANDI_WINDOWS)\S/i);
    });
  }
});
