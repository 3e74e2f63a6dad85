/**
 * A small SpreadsheetML (XLSX) writer for the register: typed string cells (inline strings,
 * never formulas), numbers, dates with a number format, hyperlinks, a frozen header row, column
 * widths and an auto-filter. Written by hand because exceljs needs ~0.25 ms per row, which is
 * 25 s for a 100,000-decree register; this writes the same workbook in a fraction of that and
 * streams each sheet through the ZIP deflater. Deterministic for the same input.
 */
import { ZipWriter } from "./zip.js";

/** Fixed cell styles (indices into cellXfs in STYLES). */
export const STYLE = {
  normal: 0,
  header: 1,
  date: 2,
  dateTime: 3,
  link: 4,
  thousands: 5,
  bold: 6,
  /** Wrapped text, top-aligned: long Tentang, file names, reasons. */
  wrap: 7,
  /** A byte count shown as KB/MB (the cell keeps the exact number, so it still sorts and sums). */
  size: 8,
  /** Wrapped and linked (a long file name linked to its OwnCloud page). */
  wrapLink: 9,
} as const;

export type Cell =
  | null
  | string
  | number
  | { date: Date; style: typeof STYLE.date | typeof STYLE.dateTime }
  | { text: string; link: string; style?: number }
  | { text: string; style: number }
  | { num: number; style: number };

export interface SheetSpec {
  name: string;
  /**
   * `hidden`: a collapsed column group (a "+" above the sheet opens it): on screen on demand,
   * never printed.
   */
  columns: { header: string; width: number; hidden?: boolean }[];
  rows: Iterable<Cell[]>;
  /** Freeze the header row and put an auto-filter on it. */
  table?: boolean;
  /**
   * Print on A4 landscape, scaled to one page wide (as many pages tall as needed), the header
   * row repeated on every page, page numbers in the footer. Hidden columns stay out of print.
   */
  print?: boolean;
}

/** Excel drops hyperlinks past this many per sheet (and reports the file as damaged). */
export const MAX_LINKS_PER_SHEET = 65_530;

const NS = 'xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"';
const NS_R = 'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"';
const HEAD = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';
const REL_HYPERLINK =
  "http://schemas.openxmlformats.org/officeDocument/2006/relationships/hyperlink";

// biome-ignore lint/suspicious/noControlCharactersInRegex: removing what XML 1.0 forbids
const INVALID_XML = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g;

/** Anything xmlEscape would change; most cells have none, and skip the five replaces. */
// biome-ignore lint/suspicious/noControlCharactersInRegex: same set as INVALID_XML
const NEEDS_ESCAPE = /[&<>"\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/;

export function xmlEscape(s: string): string {
  if (!NEEDS_ESCAPE.test(s)) return s;
  return s
    .replace(INVALID_XML, "")
    .replace(/&/g, "&amp;")
    .replace(/</g, "&lt;")
    .replace(/>/g, "&gt;")
    .replace(/"/g, "&quot;");
}

export function columnName(n: number): string {
  let s = "";
  for (let c = n + 1; c > 0; c = Math.floor((c - 1) / 26))
    s = String.fromCharCode(65 + ((c - 1) % 26)) + s;
  return s;
}

/** A Date → Excel serial day number (1900 date system), taking the Date's UTC fields. */
export function excelSerial(d: Date): number {
  return (d.getTime() - Date.UTC(1899, 11, 30)) / 86_400_000;
}

function str(ref: string, text: string, style = 0): string {
  const s = style ? ` s="${style}"` : "";
  return `<c r="${ref}"${s} t="inlineStr"><is><t xml:space="preserve">${xmlEscape(text)}</t></is></c>`;
}

function num(ref: string, n: number, style = 0): string {
  return `<c r="${ref}"${style ? ` s="${style}"` : ""}><v>${n}</v></c>`;
}

/** Points per text line at the default 11 pt font. */
const LINE_PT = 15;

/**
 * How many lines a wrapped text takes in a column `width` characters wide: a greedy word wrap
 * counting every character as wide as a digit (the width unit), so it errs on the tall side.
 * Spreadsheets do not re-measure rows when they open a file (LibreOffice keeps the default
 * height and overlaps the lines), so wrapped rows carry their height.
 */
export function wrappedLines(text: string, width: number): number {
  const cap = Math.max(1, Math.floor(width) - 1);
  let lines = 0;
  for (const para of text.split("\n")) {
    let used = 0;
    lines++;
    for (const word of para.split(/\s+/).filter(Boolean)) {
      const len = [...word].length;
      if (used > 0 && used + 1 + len <= cap) {
        used += 1 + len;
        continue;
      }
      if (used > 0) lines++;
      lines += Math.ceil(len / cap) - 1;
      used = len % cap || cap;
    }
  }
  return lines;
}

const rowOpen = (r: number, lines: number) =>
  lines > 1 ? `<row r="${r}" ht="${lines * LINE_PT}" customHeight="1">` : `<row r="${r}">`;

function* sheetXml(spec: SheetSpec, first: boolean, links: string[]): Generator<string> {
  const cols = spec.columns.map((_, i) => columnName(i));
  const lastCol = cols[cols.length - 1] ?? "A";
  const view = spec.table
    ? '<pane ySplit="1" topLeftCell="A2" activePane="bottomLeft" state="frozen"/><selection pane="bottomLeft" activeCell="A2" sqref="A2"/>'
    : "";
  const sheetPr = spec.print
    ? '<sheetPr><outlinePr summaryRight="0"/><pageSetUpPr fitToPage="1"/></sheetPr>'
    : "";
  const outline = spec.columns.some((c) => c.hidden) ? ' outlineLevelCol="1"' : "";
  yield `${HEAD}<worksheet ${NS} ${NS_R}>${sheetPr}<sheetViews><sheetView workbookViewId="0"${first ? ' tabSelected="1"' : ""}>${view}</sheetView></sheetViews>`;
  yield `<sheetFormatPr defaultRowHeight="15"${outline}/><cols>${spec.columns
    .map(
      (c, i) =>
        `<col min="${i + 1}" max="${i + 1}" width="${c.width}" customWidth="1"${c.hidden ? ' hidden="1" outlineLevel="1" collapsed="1"' : ""}/>`,
    )
    .join("")}</cols><sheetData>`;
  const headLines = Math.max(...spec.columns.map((c) => wrappedLines(c.header, c.width)));
  yield `${rowOpen(1, headLines)}${spec.columns.map((c, i) => str(`${cols[i]}1`, c.header, STYLE.header)).join("")}</row>`;
  let r = 1;
  let buf = "";
  for (const row of spec.rows) {
    r++;
    let x = "";
    let lines = 1;
    for (let i = 0; i < row.length; i++) {
      const v = row[i];
      const ref = `${cols[i]}${r}`;
      if (v === null || v === undefined || v === "") continue;
      if (typeof v === "string") x += str(ref, v);
      else if (typeof v === "number") x += num(ref, v);
      else if ("date" in v) x += num(ref, excelSerial(v.date), v.style);
      else if ("link" in v) {
        if (links.length < MAX_LINKS_PER_SHEET) {
          links.push(`<hyperlink ref="${ref}" r:id="rId${links.length / 2 + 1}"/>`, v.link);
          x += str(ref, v.text, v.style ?? STYLE.link);
        } else x += str(ref, v.text, v.style === STYLE.wrapLink ? STYLE.wrap : 0);
      } else if ("num" in v) x += num(ref, v.num, v.style);
      else {
        x += str(ref, v.text, v.style);
        if (v.style === STYLE.wrap)
          lines = Math.max(lines, wrappedLines(v.text, spec.columns[i]?.width ?? 10));
      }
    }
    buf += `${rowOpen(r, lines)}${x}</row>`;
    if (buf.length > 1 << 20) {
      yield buf;
      buf = "";
    }
  }
  yield `${buf}</sheetData>`;
  if (spec.table) yield `<autoFilter ref="A1:${lastCol}${r}"/>`;
  const refs = links.filter((_, i) => i % 2 === 0);
  if (refs.length > 0) yield `<hyperlinks>${refs.join("")}</hyperlinks>`;
  if (spec.print) {
    yield '<printOptions horizontalCentered="1"/><pageMargins left="0.4" right="0.4" top="0.5" bottom="0.6" header="0.2" footer="0.3"/>';
    // paperSize 9 = A4; fitToHeight 0 = as many pages tall as the rows need.
    yield '<pageSetup paperSize="9" orientation="landscape" fitToWidth="1" fitToHeight="0"/>';
    yield `<headerFooter><oddFooter>&amp;L${xmlEscape(spec.name)}&amp;RHalaman &amp;P dari &amp;N</oddFooter></headerFooter>`;
  } else {
    yield '<pageMargins left="0.7" right="0.7" top="0.75" bottom="0.75" header="0.3" footer="0.3"/>';
  }
  yield "</worksheet>";
}

const STYLES = `${HEAD}<styleSheet ${NS}><numFmts count="3"><numFmt numFmtId="164" formatCode="dd/mm/yyyy"/><numFmt numFmtId="165" formatCode="dd/mm/yyyy hh:mm"/><numFmt numFmtId="166" formatCode="[&lt;1000000]0.0,&quot; KB&quot;;0.0,,&quot; MB&quot;"/></numFmts><fonts count="3"><font><sz val="11"/><name val="Calibri"/><family val="2"/></font><font><b/><sz val="11"/><name val="Calibri"/><family val="2"/></font><font><u/><sz val="11"/><color rgb="FF0563C1"/><name val="Calibri"/><family val="2"/></font></fonts><fills count="3"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill><fill><patternFill patternType="solid"><fgColor rgb="FFDDEBF7"/><bgColor indexed="64"/></patternFill></fill></fills><borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders><cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs><cellXfs count="10"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0" applyAlignment="1"><alignment vertical="top"/></xf><xf numFmtId="0" fontId="1" fillId="2" borderId="0" xfId="0" applyFont="1" applyFill="1" applyAlignment="1"><alignment vertical="top" wrapText="1"/></xf><xf numFmtId="164" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1" applyAlignment="1"><alignment vertical="top"/></xf><xf numFmtId="165" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1" applyAlignment="1"><alignment vertical="top"/></xf><xf numFmtId="0" fontId="2" fillId="0" borderId="0" xfId="0" applyFont="1" applyAlignment="1"><alignment vertical="top"/></xf><xf numFmtId="3" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1" applyAlignment="1"><alignment vertical="top"/></xf><xf numFmtId="0" fontId="1" fillId="0" borderId="0" xfId="0" applyFont="1" applyAlignment="1"><alignment vertical="top"/></xf><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0" applyAlignment="1"><alignment vertical="top" wrapText="1"/></xf><xf numFmtId="166" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1" applyAlignment="1"><alignment vertical="top"/></xf><xf numFmtId="0" fontId="2" fillId="0" borderId="0" xfId="0" applyFont="1" applyAlignment="1"><alignment vertical="top" wrapText="1"/></xf></cellXfs><cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles></styleSheet>`;

/** Writes the workbook; `when` is its created/modified date and every ZIP entry's time. */
export async function writeWorkbook(sheets: SheetSpec[], when: Date): Promise<Buffer> {
  const zip = new ZipWriter(when);
  const iso = `${when.toISOString().slice(0, 19)}Z`;
  const n = sheets.length;
  const ids = sheets.map((_, i) => i + 1);
  await zip.add("[Content_Types].xml", [
    `${HEAD}<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>${ids
      .map(
        (i) =>
          `<Override PartName="/xl/worksheets/sheet${i}.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>`,
      )
      .join(
        "",
      )}<Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/><Override PartName="/docProps/core.xml" ContentType="application/vnd.openxmlformats-package.core-properties+xml"/></Types>`,
  ]);
  await zip.add("_rels/.rels", [
    `${HEAD}<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/><Relationship Id="rId2" Type="http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties" Target="docProps/core.xml"/></Relationships>`,
  ]);
  await zip.add("docProps/core.xml", [
    `${HEAD}<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"><dc:creator>arsipd</dc:creator><cp:lastModifiedBy>arsipd</cp:lastModifiedBy><dcterms:created xsi:type="dcterms:W3CDTF">${iso}</dcterms:created><dcterms:modified xsi:type="dcterms:W3CDTF">${iso}</dcterms:modified></cp:coreProperties>`,
  ]);
  const defined: string[] = [];
  for (let i = 0; i < n; i++) {
    const spec = sheets[i]!;
    const links: string[] = [];
    let rows = 0;
    const counted: SheetSpec = {
      ...spec,
      rows: (function* () {
        for (const r of spec.rows) {
          rows++;
          yield r;
        }
      })(),
    };
    await zip.add(`xl/worksheets/sheet${i + 1}.xml`, sheetXml(counted, i === 0, links));
    const last = columnName(spec.columns.length - 1);
    if (spec.print) {
      const q = `'${xmlEscape(spec.name.replace(/'/g, "''"))}'`;
      defined.push(
        `<definedName name="_xlnm.Print_Area" localSheetId="${i}">${q}!$A$1:$${last}$${rows + 1}</definedName>`,
        `<definedName name="_xlnm.Print_Titles" localSheetId="${i}">${q}!$1:$1</definedName>`,
      );
    }
    if (spec.table) {
      defined.push(
        `<definedName name="_xlnm._FilterDatabase" localSheetId="${i}" hidden="1">'${xmlEscape(spec.name)}'!$A$1:$${last}$${rows + 1}</definedName>`,
      );
    }
    if (links.length > 0) {
      const rels: string[] = [];
      for (let k = 0; k < links.length; k += 2) {
        rels.push(
          `<Relationship Id="rId${k / 2 + 1}" Type="${REL_HYPERLINK}" Target="${xmlEscape(links[k + 1]!)}" TargetMode="External"/>`,
        );
      }
      await zip.add(`xl/worksheets/_rels/sheet${i + 1}.xml.rels`, [
        `${HEAD}<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">`,
        ...rels,
        "</Relationships>",
      ]);
    }
  }
  await zip.add("xl/workbook.xml", [
    `${HEAD}<workbook ${NS} ${NS_R}><bookViews><workbookView activeTab="0"/></bookViews><sheets>${sheets
      .map((s, i) => `<sheet name="${xmlEscape(s.name)}" sheetId="${i + 1}" r:id="rId${i + 1}"/>`)
      .join(
        "",
      )}</sheets>${defined.length > 0 ? `<definedNames>${defined.join("")}</definedNames>` : ""}</workbook>`,
  ]);
  await zip.add("xl/_rels/workbook.xml.rels", [
    `${HEAD}<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">${ids
      .map(
        (i) =>
          `<Relationship Id="rId${i}" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet${i}.xml"/>`,
      )
      .join(
        "",
      )}<Relationship Id="rId${n + 1}" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/></Relationships>`,
  ]);
  await zip.add("xl/styles.xml", [STYLES]);
  return zip.finish();
}
