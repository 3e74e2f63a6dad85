const { writeWorkbook, STYLE } = await import("/work/wt-register/dist/register/ooxml.js");
const N = 20000;
const cols = Array.from({length:16},(_, i)=>({header:"h"+i, width:10}));
function* rows(){ for (let i=0;i<N;i++) yield [i,"KPT-KETUA","12",2024,"tentang sesuatu yang panjang sekali", {date:new Date(),style:2}, "", {text:"KPT-KETUA_2024_012_tentang-sesuatu.pdf",link:"https://x/index.php/apps/files/?dir=/Arsip/KPT/2024&scrollto=a"+i},"KPT/2024","https://x/index.php/apps/files/?dir=/Arsip/KPT/2024&scrollto=a"+i, {num:1234,style:5},"abcdef0123456789abcdef0123456789abcdef0123456789abcdef0123456789", {date:new Date(),style:3}, "", "", ""]; }
let t = performance.now();
let n = 0; const { } = {};
// string generation only
const mod = await import("/work/wt-register/dist/register/ooxml.js");
t = performance.now();
const b = await writeWorkbook([{name:"K", columns: cols, rows: rows(), table:true}], new Date());
console.log("full", (performance.now()-t)|0, b.length);
const zlib = await import("node:zlib");
const big = Buffer.alloc(20_000_000, "abcdefghij<c r=\"A1\"><v>1</v></c>");
t = performance.now(); zlib.deflateRawSync(big); console.log("deflate 20MB", (performance.now()-t)|0);
t = performance.now(); zlib.deflateRawSync(big, {level:1}); console.log("deflate 20MB l1", (performance.now()-t)|0);
