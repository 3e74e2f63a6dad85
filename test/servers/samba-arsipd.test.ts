/**
 * arsipd behind a real Samba share (#14 point 11), with smbclient as the clerk's Windows PC: a
 * decree put over SMB is filed and mirrored; a name Windows cannot hold shows over SMB only as
 * an 8.3 name (as the admin guide tells), and renaming that 8.3 name over SMB gets it filed.
 */
import { readFileSync } from "node:fs";
import { mkdir, mkdtemp, readdir, rm, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runCli } from "../helpers/cli.js";
import { type Workspace, workspace } from "../helpers/workspace.js";
import { type SambaServer, startSamba } from "./samba.js";

describe("arsipd on a Samba share, driven by smbclient", () => {
  let ws: Workspace;
  let smb: SambaServer;
  let pc: string;
  beforeAll(async () => {
    ws = workspace("local");
    smb = await startSamba({ sharePath: ws.share, shareLines: ["create mask = 0660"] });
    pc = await mkdtemp(path.join(os.tmpdir(), "arsipd-pc-"));
  });
  afterAll(async () => {
    await smb?.stop();
    if (pc) await rm(pc, { recursive: true, force: true });
  });

  const sync = async () => {
    const r = await runCli(["sync", "-c", ws.config], { cwd: ws.dir, env: ws.env });
    expect(r.stderr).not.toMatch(/\bat .*\.js:\d+/);
    return r;
  };

  it("files and mirrors a decree a clerk put over SMB", async () => {
    await writeFile(path.join(pc, "scan.pdf"), "%PDF-1.4 dari PC staf\n%%EOF\n");
    await smb.run(
      'mkdir MASUK; cd MASUK; put scan.pdf "SK Ketua No 12 Th 2024 ttg Penetapan DPT.pdf"',
      pc,
    );
    const r = await sync();
    expect(r.code).toBe(0);
    const rel = "KPT-KETUA/2024/KPT-KETUA_2024_012_penetapan-dpt.pdf";
    expect(readFileSync(path.join(ws.share, rel), "utf8")).toBe("%PDF-1.4 dari PC staf\n%%EOF\n");
    expect(readFileSync(path.join(ws.remoteDir, rel), "utf8")).toBe(
      "%PDF-1.4 dari PC staf\n%%EOF\n",
    );
    // and the clerk sees it where the convention put it
    expect(await smb.run("ls KPT-KETUA/2024/*")).toContain("KPT-KETUA_2024_012_penetapan-dpt.pdf");
    expect(await readdir(path.join(ws.share, "MASUK"))).toEqual([]);
  });

  it("a name Windows cannot hold shows as an 8.3 name; renaming it over SMB gets it filed", async () => {
    // written on the server (or from a Mac): a colon Windows cannot show
    await writeFile(
      path.join(ws.share, "MASUK", "SK Ketua No 13 Th 2024: rapat.pdf"),
      "%PDF-1.4 titik dua\n%%EOF\n",
    );
    const ls = await smb.run("ls MASUK/*");
    expect(ls).not.toContain("SK Ketua No 13 Th 2024: rapat.pdf");
    const short = /^\s+(\S+~\S+)\s+[A-Z]+\s/m.exec(ls)?.[1];
    expect(short, ls).toMatch(/^[A-Z0-9_]{1,8}~[A-Z0-9]\.PDF$/i);
    await smb.run(`rename "MASUK\\${short}" "MASUK\\SK Ketua No 13 Th 2024 ttg Rapat Pleno.pdf"`);
    const r = await sync();
    expect(r.code).toBe(0);
    const rel = "KPT-KETUA/2024/KPT-KETUA_2024_013_rapat-pleno.pdf";
    expect(readFileSync(path.join(ws.share, rel), "utf8")).toBe("%PDF-1.4 titik dua\n%%EOF\n");
    expect(readFileSync(path.join(ws.remoteDir, rel), "utf8")).toBe("%PDF-1.4 titik dua\n%%EOF\n");
  });
  it("a case-variant folder a clerk made over SMB ends as one canonical folder, and emptied folders go", async () => {
    await writeFile(path.join(pc, "v.pdf"), "%PDF-1.4 varian\n%%EOF\n");
    await writeFile(path.join(pc, "w.pdf"), "%PDF-1.4 dalam subfolder\n%%EOF\n");
    await mkdir(path.join(ws.share, "MASUK"), { recursive: true, mode: 0o777 });
    // Made before arsipd made KPT-SEKRETARIS: Windows (and Samba, to it) treats kpt-sekretaris
    // and KPT-SEKRETARIS as one name; on the server's disk arsipd's folder would be a second.
    await smb.run(
      'mkdir kpt-sekretaris; mkdir kpt-sekretaris\\2024; put v.pdf "kpt-sekretaris\\2024\\SK Sekretaris No 14 Th 2024 ttg Rapat.pdf"; ' +
        'mkdir "MASUK\\scan minggu ini"; put w.pdf "MASUK\\scan minggu ini\\SK Ketua No 15 Th 2024 ttg Tim.pdf"',
      pc,
    );
    const r = await sync();
    expect(r.code).toBe(0);
    const top = await smb.run("ls");
    expect(top).not.toMatch(/^\s+kpt-sekretaris\s+D/m);
    expect(top).toMatch(/^\s+KPT-SEKRETARIS\s+D/m);
    expect(await readdir(ws.share)).not.toContain("kpt-sekretaris");
    expect(await smb.run("ls KPT-SEKRETARIS/2024/*")).toContain(
      "KPT-SEKRETARIS_2024_014_rapat.pdf",
    );
    expect(await smb.run("ls KPT-KETUA/2024/*")).toContain("KPT-KETUA_2024_015_tim.pdf");
    expect(await readdir(path.join(ws.share, "MASUK"))).toEqual([]);
  });
});
