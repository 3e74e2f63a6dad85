import ExcelJS from "exceljs";
import { PassThrough } from "node:stream";
const N = 20000;
async function go(label, perCell, links) {
  const out = new PassThrough(); const chunks = []; out.on("data", c => chunks.push(c));
  const done = new Promise(r => out.on("end", r));
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: out, useStyles: true, useSharedStrings: false });
  const ws = wb.addWorksheet("K");
  ws.columns = Array.from({length:16},(_, i)=>({header:"h"+i, width:10, style: i===5?{numFmt:"dd/mm/yyyy"}:{}}));
  const t = performance.now();
  for (let i=0;i<N;i++){ const row = ws.addRow([i,"KPT-KETUA","12",2024,"tentang sesuatu yang panjang", new Date(), "", links?{text:"a.pdf",hyperlink:"https://x/y?z="+i}:"a.pdf","KPT/2024","https://x", 1234,"abcdef0123456789abcdef0123456789abcdef0123456789abcdef0123456789", new Date(), "", "", ""]);
    if (perCell) { row.getCell(6).numFmt="dd/mm/yyyy"; row.getCell(13).numFmt="dd/mm/yyyy hh:mm"; row.getCell(8).font={underline:true}; }
    row.commit(); }
  ws.commit(); await wb.commit(); await done;
  console.log(label, (performance.now()-t).toFixed(0));
}
await go("percell+links", true, true);
await go("colstyle+links", false, true);
await go("colstyle nolinks", false, false);
