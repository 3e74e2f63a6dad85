/**
 * arsipd behind a real Samba share (#14 point 11), with smbclient as the clerk's Windows PC: a
 * decree put over SMB is filed and mirrored; a name Windows cannot hold shows over SMB only as
 * an 8.3 name (as the admin guide tells), and renaming that 8.3 name over SMB gets it filed.
 */
import { readFileSync } from "node:fs";
import { mkdtemp, readdir, rm, writeFile } from "node:fs/promises";
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
});
