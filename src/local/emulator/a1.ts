/** A1 notation: parsing 'Sheet'!A1:C3, A:A, 1:3, A2:C into bounds, and writing bounds back as Sheets prints them. */

/** A parsed A1 reference. An undefined end means the range runs to the edge of the sheet (A:A, A2:C). */
export interface A1Ref {
  sheetName?: string;
  startRow?: number;
  startColumn?: number;
  endRow?: number;
  endColumn?: number;
}

/** Which edges of a range were left open in the A1 notation it came from, so getA1Notation can say 'A:A'. */
export interface OpenEnds {
  rowsOpen: 'none' | 'end' | 'both';
  columnsOpen: 'none' | 'end' | 'both';
}

export const CLOSED: OpenEnds = { rowsOpen: 'none', columnsOpen: 'none' };

/** Sheets' columns are letters: 1 → A, 27 → AA. */
export function columnLetters(column: number): string {
  let n = column;
  let out = '';
  while (n > 0) {
    const rem = (n - 1) % 26;
    out = String.fromCharCode(65 + rem) + out;
    n = Math.floor((n - 1) / 26);
  }
  return out;
}

export function columnNumber(letters: string): number {
  let n = 0;
  for (const ch of letters.toUpperCase()) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n;
}

const CELL = /^\$?([A-Za-z]{1,3})?\$?(\d+)?$/;

interface Corner {
  row?: number;
  column?: number;
}

function parseCorner(text: string): Corner | null {
  const m = CELL.exec(text);
  if (!m || (!m[1] && !m[2])) return null;
  const corner: Corner = {};
  if (m[1]) corner.column = columnNumber(m[1]);
  if (m[2]) {
    corner.row = Number(m[2]);
    if (corner.row < 1) return null;
  }
  return corner;
}

/** Splits "'My sheet'!A1:B2" into the sheet name and the cells part; quotes in names are doubled. */
function splitSheet(a1: string): { sheetName?: string; cells: string } | null {
  const text = a1.trim();
  if (text.startsWith("'")) {
    let i = 1;
    let name = '';
    while (i < text.length) {
      const ch = text[i] as string;
      if (ch === "'") {
        if (text[i + 1] === "'") {
          name += "'";
          i += 2;
          continue;
        }
        break;
      }
      name += ch;
      i += 1;
    }
    if (text[i] !== "'" || text[i + 1] !== '!') return null;
    return { sheetName: name, cells: text.slice(i + 2) };
  }
  const bang = text.lastIndexOf('!');
  if (bang >= 0) return { sheetName: text.slice(0, bang), cells: text.slice(bang + 1) };
  return { cells: text };
}

/** Parses A1 notation; null when Sheets would answer "Range not found". */
export function parseA1(a1: string): A1Ref | null {
  const split = splitSheet(a1);
  if (!split || split.cells === '') return null;
  const parts = split.cells.split(':');
  if (parts.length > 2) return null;
  const start = parseCorner(parts[0] as string);
  if (!start) return null;
  const ref: A1Ref = {};
  if (split.sheetName !== undefined) ref.sheetName = split.sheetName;
  if (parts.length === 1) {
    // A lone cell; a lone column or row (A, 3) is not valid A1 on its own.
    if (start.row === undefined || start.column === undefined) return null;
    return { ...ref, startRow: start.row, startColumn: start.column, endRow: start.row, endColumn: start.column };
  }
  const end = parseCorner(parts[1] as string);
  if (!end) return null;
  // A:B (columns), 1:3 (rows), A2:C (open bottom), A1:C3.
  if (start.column === undefined && end.column !== undefined) return null;
  if (start.row === undefined && start.column === undefined) return null;
  if (start.row !== undefined) ref.startRow = start.row;
  if (start.column !== undefined) ref.startColumn = start.column;
  if (end.row !== undefined) ref.endRow = end.row;
  if (end.column !== undefined) ref.endColumn = end.column;
  if (start.column === undefined) {
    // 1:3 style: both ends must be rows.
    if (end.row === undefined || start.row === undefined) return null;
  }
  // Sheets normalises reversed corners (C3:A1 is A1:C3).
  if (ref.startRow !== undefined && ref.endRow !== undefined && ref.endRow < ref.startRow) {
    [ref.startRow, ref.endRow] = [ref.endRow, ref.startRow];
  }
  if (ref.startColumn !== undefined && ref.endColumn !== undefined && ref.endColumn < ref.startColumn) {
    [ref.startColumn, ref.endColumn] = [ref.endColumn, ref.startColumn];
  }
  return ref;
}

/** The open edges of a parsed reference. */
export function openEnds(ref: A1Ref): OpenEnds {
  return {
    rowsOpen: ref.startRow === undefined ? 'both' : ref.endRow === undefined ? 'end' : 'none',
    columnsOpen: ref.startColumn === undefined ? 'both' : ref.endColumn === undefined ? 'end' : 'none',
  };
}

/** A range as Sheets prints it: A1 for one cell, A1:C3, A:A or 1:3 for whole columns or rows. */
export function formatA1(
  row: number,
  column: number,
  numRows: number,
  numColumns: number,
  open: OpenEnds = CLOSED,
): string {
  const endRow = row + numRows - 1;
  const endColumn = column + numColumns - 1;
  if (open.rowsOpen === 'both') return `${columnLetters(column)}:${columnLetters(endColumn)}`;
  if (open.columnsOpen === 'both') return `${row}:${endRow}`;
  if (open.rowsOpen === 'end') return `${columnLetters(column)}${row}:${columnLetters(endColumn)}`;
  if (open.columnsOpen === 'end') return `${columnLetters(column)}${row}:${endRow}`;
  const first = `${columnLetters(column)}${row}`;
  if (numRows === 1 && numColumns === 1) return first;
  return `${first}:${columnLetters(endColumn)}${endRow}`;
}

/** A sheet name as it must appear before '!': quoted when it is not a plain identifier. */
export function quoteSheetName(name: string): string {
  return /^[A-Za-z_][A-Za-z0-9_]*$/.test(name) ? name : `'${name.replace(/'/g, "''")}'`;
}
