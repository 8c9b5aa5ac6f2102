/** Draft rows, mistake recipes and the planting and bookkeeping that turn drafts into a DemoSheet plus its manifest entries. */
import { DEMO_SHEET_SPECS } from './canonical';
import { formatWareki, isoDay, tokyoEpochDay, type WarekiStyle } from './plain-day';
import type { Random } from './random';
import type { CellValue, DemoSheet, DemoSheetKind, MistakeKind, PlantedMistake } from './types';

export interface DraftMistake {
  readonly column: string;
  readonly kind: MistakeKind;
  readonly note: string;
  readonly expected: CellValue;
  /** Resolved to a sheet row number once the sheet's row order is final. */
  readonly related?: DraftRow;
}

/** A row under construction: cells by header, plus the mistakes planted in it. */
export interface DraftRow {
  readonly cells: Record<string, CellValue>;
  readonly mistakes: DraftMistake[];
  /** Rows that take part in a planted duplicate stay otherwise clean, so the duplicate is unambiguous. */
  locked: boolean;
}

export function draftRow(cells: Record<string, CellValue>): DraftRow {
  return { cells, mistakes: [], locked: false };
}

/** How to spoil one cell the way staff do; apply() changes the cell and explains what it did. */
export interface MistakeRecipe<R extends DraftRow = DraftRow> {
  readonly kind: MistakeKind;
  readonly column: string;
  applies(row: R): boolean;
  apply(row: R, rng: Random): { note: string; related?: DraftRow };
}

/**
 * Plants up to `count` mistakes, at most one per row, cycling through the kinds in a shuffled
 * order so that every kind shows up as soon as there are as many mistakes as kinds.
 */
export function plantMistakes<R extends DraftRow>(
  rows: readonly R[],
  count: number,
  recipes: readonly MistakeRecipe<R>[],
  rng: Random,
): void {
  const kinds = rng.shuffle([...new Set(recipes.map((r) => r.kind))]);
  let cursor = 0;
  let planted = 0;
  for (const index of rng.shuffle(rows.map((_, i) => i))) {
    if (planted >= count) break;
    const row = rows[index] as R;
    if (row.locked || row.mistakes.length > 0) continue;
    for (let k = 0; k < kinds.length; k++) {
      const kind = kinds[(cursor + k) % kinds.length];
      const options = recipes.filter((r) => r.kind === kind && r.applies(row));
      if (options.length === 0) continue;
      const recipe = rng.pick(options);
      const expected = row.cells[recipe.column] ?? '';
      const { note, related } = recipe.apply(row, rng);
      row.mistakes.push({ column: recipe.column, kind: recipe.kind, note, expected, ...(related ? { related } : {}) });
      cursor = (cursor + k + 1) % kinds.length;
      planted++;
      break;
    }
  }
}

/** The number of rows to spoil: a share drawn from [low, high) of the rows, rounded. */
export function mistakeCount(rng: Random, rows: number, low: number, high: number): number {
  return Math.round(rows * rng.range(low, high));
}

/** Turns finished drafts into the sheet and its manifest entries (row numbers count the header as row 1). */
export function finishSheet(
  kind: DemoSheetKind,
  rows: readonly DraftRow[],
): { sheet: DemoSheet; mistakes: PlantedMistake[] } {
  const spec = DEMO_SHEET_SPECS[kind];
  const header = [...spec.header];
  const rowNumber = new Map<DraftRow, number>();
  rows.forEach((r, i) => rowNumber.set(r, i + 2));
  const mistakes: PlantedMistake[] = [];
  const values = rows.map((r, i) => {
    for (const m of r.mistakes) {
      const related = m.related ? rowNumber.get(m.related) : undefined;
      mistakes.push({
        sheet: spec.name,
        row: i + 2,
        column: m.column,
        kind: m.kind,
        note: m.note,
        expected: m.expected,
        ...(related !== undefined ? { relatedRow: related } : {}),
      });
    }
    return header.map((h) => r.cells[h] ?? '');
  });
  return { sheet: { kind, name: spec.name, header, rows: values }, mistakes };
}

// ---- text spoilers shared by the recipes -------------------------------------------------------

const FULLWIDTH_ASCII: Readonly<Record<string, string>> = { '-': '－', ',': '，', '.': '．', '/': '／' };

/** 全角 digits and punctuation, as an IME in full-width mode types them. */
export function toFullwidth(text: string): string {
  return text.replace(/[0-9\-,./]/g, (c) =>
    /[0-9]/.test(c) ? String.fromCharCode(c.charCodeAt(0) + 0xfee0) : (FULLWIDTH_ASCII[c] ?? c),
  );
}

export function katakanaToHiragana(text: string): string {
  return text.replace(/[\u30a1-\u30f6]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0x60));
}

const HALFWIDTH_KANA: Readonly<Record<string, string>> = Object.fromEntries(
  [
    ...'ァアィイゥウェエォオカキクケコサシスセソタチッツテトナニヌネノハヒフヘホマミムメモャヤュユョヨラリルレロワヲンー',
  ].map((c, i) => [c, [...'ｧｱｨｲｩｳｪｴｫｵｶｷｸｹｺｻｼｽｾｿﾀﾁｯﾂﾃﾄﾅﾆﾇﾈﾉﾊﾋﾌﾍﾎﾏﾐﾑﾒﾓｬﾔｭﾕｮﾖﾗﾘﾙﾚﾛﾜｦﾝｰ'][i] ?? c]),
);

/** 半角カナ, as old systems and some phones produce it: ガ becomes ｶﾞ (two characters). */
export function katakanaToHalfwidth(text: string): string {
  return [...text.normalize('NFD')]
    .map((c) => (c === '\u3099' ? 'ﾞ' : c === '\u309a' ? 'ﾟ' : (HALFWIDTH_KANA[c] ?? c)))
    .join('');
}

/** 10000 → '10,000'; written out rather than toLocaleString so the output never depends on ICU data. */
export function yen(amount: number): string {
  return String(amount).replace(/\B(?=(\d{3})+(?!\d))/g, ',');
}

// ---- recipes that fit many sheets ---------------------------------------------------------------

/** A date cell typed as 和暦 text; birth dates use 昭和/平成, recent dates 令和. */
export function warekiRecipe<R extends DraftRow>(
  column: string,
  styles: readonly WarekiStyle[] = ['kanji', 'letterDot', 'letterSlash'],
): MistakeRecipe<R> {
  return {
    kind: 'wareki',
    column,
    applies: (row) => row.cells[column] instanceof Date,
    apply: (row, rng) => {
      const day = tokyoEpochDay(row.cells[column] as Date);
      const text = formatWareki(day, rng.pick(styles));
      row.cells[column] = text;
      return { note: `${column}を和暦の文字列「${text}」で入力（${isoDay(day)}）` };
    },
  };
}

export function missingRecipe<R extends DraftRow>(
  column: string,
  when: (row: R) => boolean = () => true,
): MistakeRecipe<R> {
  return {
    kind: 'missingRequired',
    column,
    applies: (row) => row.cells[column] !== '' && row.cells[column] !== undefined && when(row),
    apply: (row) => {
      row.cells[column] = '';
      return { note: `必須の${column}が空欄` };
    },
  };
}

/** A count or amount typed in 全角 (１０，０００円 for amounts, ２ for counts). */
export function fullwidthNumberRecipe<R extends DraftRow>(column: string, asAmount: boolean): MistakeRecipe<R> {
  return {
    kind: 'fullwidthDigits',
    column,
    applies: (row) => typeof row.cells[column] === 'number',
    apply: (row, rng) => {
      const n = row.cells[column] as number;
      const text = asAmount ? toFullwidth(yen(n)) + (rng.chance(0.6) ? '円' : '') : toFullwidth(String(n));
      row.cells[column] = text;
      return { note: `${column}を全角で入力（${n}）` };
    },
  };
}

/** An amount typed as text with a yen sign or 円: '¥10,000', '10,000円'. */
export function amountTextRecipe<R extends DraftRow>(column: string): MistakeRecipe<R> {
  return {
    kind: 'amountText',
    column,
    applies: (row) => typeof row.cells[column] === 'number',
    apply: (row, rng) => {
      const n = row.cells[column] as number;
      const text = rng.weighted([
        [`¥${yen(n)}`, 4],
        [`${yen(n)}円`, 4],
        [`￥${yen(n)}`, 2],
        [`${n}円`, 1],
      ]);
      row.cells[column] = text;
      return { note: `${column}を文字列「${text}」で入力（${n}）` };
    },
  };
}
