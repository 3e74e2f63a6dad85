/** scanShare on real folders: what it reports, in which form, and what it leaves out. */
import { mkdir, mkdtemp, readFile, rm, symlink, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { scanShare } from "../../src/share/scan.js";

describe("scanShare", () => {
  let root: string;
  let outside: string;
  const nfd = "Keputusan Pe\u0301ngadaan.pdf"; // é typed as e + combining accent (macOS)
  beforeAll(async () => {
    root = await mkdtemp(path.join(os.tmpdir(), "arsipd-scan-"));
    outside = await mkdtemp(path.join(os.tmpdir(), "arsipd-scan-out-"));
    await mkdir(path.join(root, "KPT-KETUA", "2024"), { recursive: true });
    await mkdir(path.join(root, "_KARANTINA"));
    await writeFile(path.join(root, "KPT-KETUA", "2024", "b.pdf"), "bb");
    await writeFile(path.join(root, "KPT-KETUA", "2024", "a.pdf"), "a");
    await writeFile(path.join(root, "MASUK.pdf"), "masuk");
    await writeFile(path.join(root, nfd), "nfd");
    await writeFile(path.join(root, "~$lock.docx"), "lock");
    await writeFile(path.join(root, "_KARANTINA", "x.pdf"), "x");
    await writeFile(path.join(outside, "secret.pdf"), "secret");
    await symlink(path.join(outside, "secret.pdf"), path.join(root, "link.pdf"));
    await symlink(outside, path.join(root, "linked-folder"));
  });
  afterAll(async () => {
    await rm(root, { recursive: true, force: true });
    await rm(outside, { recursive: true, force: true });
  });
  const opts = { ignore: (n: string) => n.startsWith("~$"), skipDirs: ["_KARANTINA"] };

  it("reports regular files sorted by NFC path, never links, ignored names or skipped folders", async () => {
    const { files, errors } = await scanShare(root, opts);
    expect(errors).toEqual([]);
    expect(files.map((f) => f.rel)).toEqual([
      "KPT-KETUA/2024/a.pdf",
      "KPT-KETUA/2024/b.pdf",
      nfd.normalize("NFC"),
      "MASUK.pdf",
    ]);
    expect(files.map((f) => f.size)).toEqual([1, 2, 3, 5]);
  });

  it("gives each file's path as it is on disk, whatever form the root was given in", async () => {
    for (const given of [root, `${root}${path.sep}`, path.join(root, "KPT-KETUA", "..")]) {
      const { files } = await scanShare(given, opts);
      const f = files.find((x) => x.rel === nfd.normalize("NFC"));
      expect(f?.abs).toBe(path.join(root, nfd)); // the NFD name, as the file system has it
      expect(await readFile(f!.abs, "utf8")).toBe("nfd");
    }
  });

  it("reports a share that cannot be read in errors, not as a throw", async () => {
    const { files, errors } = await scanShare(path.join(root, "gone"), opts);
    expect(files).toEqual([]);
    expect(errors).toEqual([{ rel: "", code: "ENOENT" }]);
  });
});
