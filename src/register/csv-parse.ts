/**
 * A small RFC 4180 reader for the staff metadata file: quoted fields with `""`, newlines inside
 * quotes, CRLF or LF, a leading UTF-8 BOM. The separator is whichever of `;` `,` tab occurs
 * most in the header line (Excel in an Indonesian locale saves `;`). Pure.
 */

export function detectSeparator(text: string): string {
  const first = text.replace(/^\uFEFF/, "").split(/\r?\n/, 1)[0] ?? "";
  let best = ";";
  let bestCount = 0;
  for (const sep of [";", ",", "\t"]) {
    const n = first.split(sep).length - 1;
    if (n > bestCount) {
      best = sep;
      bestCount = n;
    }
  }
  return best;
}

export function parseCsv(input: string, sep = detectSeparator(input)): string[][] {
  const text = input.replace(/^\uFEFF/, "");
  const rows: string[][] = [];
  let row: string[] = [];
  let field = "";
  let quoted = false;
  let i = 0;
  while (i < text.length) {
    const c = text[i]!;
    if (quoted) {
      if (c === '"') {
        if (text[i + 1] === '"') {
          field += '"';
          i += 2;
          continue;
        }
        quoted = false;
      } else field += c;
      i++;
      continue;
    }
    if (c === '"' && field === "") quoted = true;
    else if (c === sep) {
      row.push(field);
      field = "";
    } else if (c === "\n" || c === "\r") {
      row.push(field);
      rows.push(row);
      row = [];
      field = "";
      if (c === "\r" && text[i + 1] === "\n") i++;
    } else field += c;
    i++;
  }
  if (field !== "" || row.length > 0) {
    row.push(field);
    rows.push(row);
  }
  return rows;
}
