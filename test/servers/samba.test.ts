/** Self-test of the Samba harness: smbclient puts, lists and renames through a real smbd. */
import { spawnSync } from "node:child_process";
import { mkdtemp, readdir, readFile, rm, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type SambaServer, startSamba } from "./samba.js";

describe("Samba test server", () => {
  let smb: SambaServer;
  let local: string;
  beforeAll(async () => {
    smb = await startSamba();
    local = await mkdtemp(path.join(os.tmpdir(), "arsipd-smbclient-"));
  });
  afterAll(async () => {
    await smb?.stop();
    if (local) await rm(local, { recursive: true, force: true });
  });

  it("stores a file put by smbclient in the shared folder, byte for byte", async () => {
    await writeFile(path.join(local, "a.pdf"), "%PDF-1.4\nhello\n%%EOF\n");
    await smb.run('mkdir MASUK; cd MASUK; put a.pdf "Surat Keputusan.pdf"', local);
    expect(await readFile(path.join(smb.sharePath, "MASUK", "Surat Keputusan.pdf"), "utf8")).toBe(
      "%PDF-1.4\nhello\n%%EOF\n",
    );
    const ls = await smb.run("ls MASUK/*");
    expect(ls).toContain("Surat Keputusan.pdf");
  });

  it("refuses a wrong password", async () => {
    const r = await smb.smbclient("ls");
    expect(r.code).toBe(0);
    const bad = spawnSync(
      "smbclient",
      [smb.service, "-p", String(smb.port), "-U", `${smb.username}%wrong`, "-c", "ls"],
      { encoding: "utf8" },
    );
    expect(bad.status).not.toBe(0);
    expect(bad.stdout + bad.stderr).toMatch(/NT_STATUS_LOGON_FAILURE/);
  });

  it("renames over SMB the way Explorer does", async () => {
    await writeFile(path.join(local, "b.txt"), "x");
    await smb.run("put b.txt tmp1.tmp; rename tmp1.tmp final.txt", local);
    const names = await readdir(smb.sharePath);
    expect(names).toContain("final.txt");
    expect(names).not.toContain("tmp1.tmp");
  });
});
