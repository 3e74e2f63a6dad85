/**
 * Spreadsheet formula injection (OWASP ASVS 1.2.10, CWE-1236): a cell whose text starts with
 * `=`, `+`, `-`, `@`, tab or CR is run as a formula by Excel and LibreOffice when the CSV is
 * opened. In the CSV such text gets a leading `'`, which both programs treat as "this is text".
 * The XLSX does not use this: there every text is written as a typed string cell, which
 * Excel and LibreOffice show as text and never evaluate (a visible `'` would only confuse
 * clerks, and the hidden quotePrefix style is not needed for a typed string). Pure.
 */

const DANGEROUS = /^[=+\-@\t\r]/;

export function neutralise(text: string): string {
  return DANGEROUS.test(text) ? `'${text}` : text;
}
