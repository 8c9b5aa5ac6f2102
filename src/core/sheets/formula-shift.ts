/**
 * Moving a formula to another cell as Sheets does when it copies one: relative A1 references
 * (D6, D$6, A:A, 3:5, Sheet!B2) move with it, absolute parts ($D$6) stay, text in quotes is left alone.
 */

/** Columns Sheets can address: A … ZZZ. */
const MAX_COLUMN = 18_278;

function columnNumber(letters: string): number {
  let n = 0;
  for (const ch of letters.toUpperCase()) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n;
}

function columnLetters(column: number): string {
  let n = column;
  let out = '';
  while (n > 0) {
    const rem = (n - 1) % 26;
    out = String.fromCharCode(65 + rem) + out;
    n = Math.floor((n - 1) / 26);
  }
  return out;
}

/**
 * One reference at the start of `text`: a cell (D6, $D$6), a column range (A:C) or a row range (3:5),
 * as [matched, the reference moved]; null when text does not start with one.
 */
const CELL = /^(\$?)([A-Za-z]{1,3})(\$?)(\d{1,7})/;
const COLUMNS = /^(\$?)([A-Za-z]{1,3}):(\$?)([A-Za-z]{1,3})/;
const ROWS = /^(\$?)(\d{1,7}):(\$?)(\d{1,7})/;
/** What may not touch a reference on either side: it would be part of a name, a number or a function. */
const WORD = /[A-Za-z0-9_.$\u0080-\uffff]/;

function moveRow(absolute: string, row: number, by: number): string | null {
  if (absolute === '$') return `$${row}`;
  const moved = row + by;
  return moved < 1 ? null : String(moved);
}

function moveColumn(absolute: string, letters: string, by: number): string | null {
  if (absolute === '$') return `$${letters}`;
  const moved = columnNumber(letters) + by;
  return moved < 1 || moved > MAX_COLUMN ? null : columnLetters(moved);
}

function reference(text: string, rows: number, columns: number): [string, string] | null {
  const cols = COLUMNS.exec(text);
  if (cols) {
    const a = moveColumn(cols[1] as string, cols[2] as string, columns);
    const b = moveColumn(cols[3] as string, cols[4] as string, columns);
    return [cols[0], a === null || b === null ? '#REF!' : `${a}:${b}`];
  }
  const cell = CELL.exec(text);
  if (cell) {
    const column = moveColumn(cell[1] as string, cell[2] as string, columns);
    const row = moveRow(cell[3] as string, Number(cell[4]), rows);
    return [cell[0], column === null || row === null ? '#REF!' : `${column}${row}`];
  }
  const rowRange = ROWS.exec(text);
  if (rowRange) {
    const a = moveRow(rowRange[1] as string, Number(rowRange[2]), rows);
    const b = moveRow(rowRange[3] as string, Number(rowRange[4]), rows);
    return [rowRange[0], a === null || b === null ? '#REF!' : `${a}:${b}`];
  }
  return null;
}

/**
 * The formula as it reads when copied `rows` down and `columns` right (negative: up, left). A
 * reference moved off the sheet becomes #REF!, as in Sheets. Text that is not a formula is returned as it is.
 */
export function shiftFormula(formula: string, rows: number, columns: number): string {
  if (!formula.startsWith('=') || (rows === 0 && columns === 0)) return formula;
  let out = '';
  let i = 0;
  while (i < formula.length) {
    const ch = formula.charAt(i);
    // String literals and quoted sheet names are copied as they are ("" and '' escape a quote).
    if (ch === '"' || ch === "'") {
      let j = i + 1;
      while (j < formula.length) {
        if (formula.charAt(j) === ch) {
          if (formula.charAt(j + 1) === ch) j += 2;
          else break;
        } else j += 1;
      }
      out += formula.slice(i, j + 1);
      i = j + 1;
      continue;
    }
    const before = i === 0 ? '' : formula.charAt(i - 1);
    if (!WORD.test(before)) {
      const found = reference(formula.slice(i), rows, columns);
      if (found) {
        const after = formula.charAt(i + found[0].length);
        // Followed by a letter, digit or '(' it is a name or a function (LOG10(, Q1_total); by '!' a sheet name.
        if (after === '' || !(WORD.test(after) || after === '(' || after === '!')) {
          out += found[1];
          i += found[0].length;
          continue;
        }
      }
    }
    // Not a reference: copy the whole word, so that the middle of a name is never taken for one.
    let j = i + 1;
    if (WORD.test(ch) && ch !== '$') {
      while (j < formula.length && WORD.test(formula.charAt(j)) && formula.charAt(j) !== '$') j += 1;
    }
    out += formula.slice(i, j);
    i = j;
  }
  return out;
}
