import "server-only";
// CSV for spreadsheets: RFC 4180 quoting, plus a guard against formula injection, since
// exported cells hold text other people typed (device names, descriptions, emails).

export type CsvCell = string | number | boolean | null | undefined;

/** Characters that make Excel, LibreOffice or Sheets read a cell as a formula. */
const FORMULA_START = /^[=+\-@\t\r]/;

/** One cell: formulas neutralised with a leading apostrophe, then quoted when needed. */
export function csvCell(value: CsvCell): string {
  if (value == null) return "";
  let s = String(value);
  // Numbers we write ourselves are safe; text that merely looks like a formula is not.
  if (typeof value === "string" && FORMULA_START.test(s)) s = `'${s}`;
  return /[",\r\n]/.test(s) || s !== s.trim() ? `"${s.replace(/"/g, '""')}"` : s;
}

export function csvLine(cells: readonly CsvCell[]): string {
  return cells.map(csvCell).join(",") + "\r\n";
}

/** A whole document; the BOM lets Excel detect UTF-8 (names are often not ASCII). */
export function csvDocument(header: readonly string[], rows: Iterable<readonly CsvCell[]>): string {
  let out = "\uFEFF" + csvLine(header);
  for (const r of rows) out += csvLine(r);
  return out;
}

/** A download response; the file name is ASCII-only so no header injection is possible. */
export function csvResponse(body: string, fileName: string): Response {
  const safe = fileName.replace(/[^A-Za-z0-9._-]/g, "_");
  return new Response(body, {
    headers: {
      "content-type": "text/csv; charset=utf-8",
      "content-disposition": `attachment; filename="${safe}"`,
      "cache-control": "no-store",
      "x-content-type-options": "nosniff",
    },
  });
}

/** "2030-01-15T12:00:00.000Z", or "" for none: unambiguous in every spreadsheet locale. */
export function isoOrEmpty(ms: number | null | undefined): string {
  return ms == null ? "" : new Date(ms).toISOString();
}
