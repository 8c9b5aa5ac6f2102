/** Defines IndicatorDefinition and parseIndicatorDefinitions: the 指標定義 sheet read row by row, with messages naming row and column for everything that is wrong. */
import { isNoteText } from '../sheets/row-kinds';
import { detectSheetAs } from '../sheets/detect';
import type { ColumnMapping } from '../sheets/mapping';
import { SHEET_SPECS } from '../sheets/specs';
import { cellText } from '../text/cell';
import { normalizeHeader, normalizeText } from '../text/normalize';
import { parseNumber } from '../text/number';
import { parseYesNo } from '../text/yesno';
import { resolveCondition, unknownColumnMessage, type ColumnLookup } from './bind';
import { parseBasicGoal } from './goal';
import { formatCondition, parseCondition, type Condition, type Message } from './condition';
import {
  isManualSourceName,
  sourceByName,
  specColumnByName,
  SOURCES,
  type SourceDescriptor,
  type SourceKind,
  type SourceView,
} from './sources';

export const METHODS = ['件数', '合計', '人数', '平均', '割合'] as const;
/** 件数 rows, 合計 a sum, 人数 distinct people, 平均 a mean, 割合 a share (%). */
export type Method = (typeof METHODS)[number];

export const DIRECTION_NAMES = ['増加', '減少', '維持'] as const;
export type Direction = (typeof DIRECTION_NAMES)[number];

/** How a row is put into a 年度. */
export type Dating =
  /** The source's own date column (受付日, 日付, 登録日 …; 会費台帳: 年度). */
  | { readonly kind: 'default' }
  /** A column staff named in 日付列. */
  | { readonly kind: 'column'; readonly name: string }
  /** 現在: every row as it stands today, counted in the current 年度 (a stock, such as 活動中の登録者). */
  | { readonly kind: 'current' };

export interface IndicatorDefinition {
  /** Stable: PDCA notes, 年度確定 snapshots and survey questions refer to it. */
  readonly id: string;
  /** 1-based row of 指標定義. */
  readonly row: number;
  /** 基本目標 1–4. */
  readonly goal: number;
  readonly initiative: string;
  readonly name: string;
  readonly unit: string;
  /** null: a manual indicator (集計元 手入力 or blank): staff type the 実績. */
  readonly source: SourceDescriptor | null;
  /** null for a manual indicator. */
  readonly method: Method | null;
  /** 対象列 as written; null when blank. */
  readonly column: string | null;
  readonly condition: Condition | null;
  /** 割合: the rows the share is taken of. */
  readonly denominator: Condition | null;
  readonly dating: Dating;
  readonly baseline: number | null;
  /** 目標 by fiscal year (only years with a number). */
  readonly targets: Readonly<Record<number, number>>;
  readonly direction: Direction;
  /** 許容幅: a difference this small (in the indicator's unit) counts as on target / unchanged. */
  readonly tolerance: number;
  /** 秘匿: small counts are hidden (and complemented). */
  readonly suppress: boolean;
}

export interface DefinitionIssue {
  readonly code: string;
  readonly severity: 'error' | 'warning';
  /** The sheet's name. */
  readonly sheet: string;
  /** 1-based sheet row; the header row for problems with a header. */
  readonly row: number;
  /** The header as written (or the canonical header of a missing column). */
  readonly column: string;
  readonly message: Message;
}

export interface ParsedDefinitions {
  /** Every row that could be read, in sheet order (rows with errors are left out). */
  readonly definitions: readonly IndicatorDefinition[];
  readonly issues: readonly DefinitionIssue[];
  /** The fiscal years that have a 目標 column, ascending. */
  readonly targetYears: readonly number[];
  /** False when any issue is an error: then no summary is made and nothing is written. */
  readonly ok: boolean;
}

export interface DefinitionSheet {
  readonly name: string;
  readonly values: readonly (readonly unknown[])[];
  readonly display?: readonly (readonly string[])[];
  readonly mapping: ColumnMapping;
}

export interface DefinitionContext {
  /** 年度開始月 of 設定. */
  readonly startMonth: number;
  /** The workbook's sources that have sheets; names are checked against those sheets' headers. */
  readonly views?: Partial<Record<SourceKind, SourceView>>;
}

const METHOD_WORDS: Readonly<Record<Method, readonly string[]>> = {
  件数: ['件数', '回数', '数', '延べ件数', 'count'],
  合計: ['合計', '総計', '計', '合計値', 'sum'],
  人数: ['人数', '実人数', '実人員', 'distinct'],
  平均: ['平均', '平均値', 'average', 'mean'],
  割合: ['割合', '率', '比率', '%', 'share'],
};

const DIRECTION_WORDS: Readonly<Record<Direction, readonly string[]>> = {
  増加: ['増加', '増', '増やす', '上げる', '上昇', '↑', 'up'],
  減少: ['減少', '減', '減らす', '下げる', '低下', '↓', 'down'],
  維持: ['維持', '保つ', '現状維持', '→', 'keep'],
};

const CURRENT_WORDS = ['現在', '現時点', '今', 'なし', '最新'];

function wordIn<T extends string>(table: Readonly<Record<T, readonly string[]>>, text: string): T | null {
  const n = normalizeHeader(text);
  for (const key of Object.keys(table) as T[]) {
    if ((table[key] as readonly string[]).some((w) => normalizeHeader(w) === n)) return key;
  }
  return null;
}

/** Where a column name of an indicator's source points, for checking: the sheet's headers when it is there. */
export function columnLookup(
  source: SourceDescriptor,
  views: DefinitionContext['views'],
): (name: string) => ColumnLookup {
  const view = views?.[source.kind];
  if (view) return (name) => view.resolve(name);
  if (source.dynamic) return () => ({ unchecked: true });
  return (name) => {
    const c = specColumnByName(source, name);
    return c ? { column: c } : null;
  };
}

/**
 * Reads the 指標定義 sheet. Every row gives a definition or issues that name its row and
 * column and say what was expected: an unknown 集計元 or column, a 条件 that does not parse,
 * a 基準値 or 目標 that is not a number, a 目標 header whose 年度 does not read (目標2024,
 * 目標 令和6年度, 目標R6 and FY2024 do). Any error makes `ok` false: no summary then.
 */
export function parseIndicatorDefinitions(sheet: DefinitionSheet, context: DefinitionContext): ParsedDefinitions {
  const issues: DefinitionIssue[] = [];
  const { mapping, values } = sheet;
  const headerIndex = mapping.headerRow - 1;
  const headerCells = values[headerIndex] ?? [];
  const headerOf = (key: string): string => {
    const index = mapping.columns[key];
    const written = index === undefined ? null : cellText(headerCells[index]);
    if (written) return written;
    const spec = SHEET_SPECS.indicators.columns.find((c) => c.key === key);
    return spec ? spec.header : key;
  };
  const push = (
    code: string,
    severity: 'error' | 'warning',
    row: number,
    key: string,
    ja: string,
    en: string,
  ): void => {
    issues.push({ code, severity, sheet: sheet.name, row, column: headerOf(key), message: { ja, en } });
  };

  // ── header: required columns, 目標 columns and their 年度 ──
  for (const key of ['indicatorId', 'name', 'goal']) {
    if (mapping.columns[key] === undefined) {
      push(
        'indicators.missingColumn',
        'error',
        mapping.headerRow,
        key,
        `指標定義に「${headerOf(key)}」の列がありません。見出し行（${mapping.headerRow}行目）に追加してください`,
        `指標定義 has no 「${headerOf(key)}」 column; add it to the header row (row ${mapping.headerRow})`,
      );
    }
  }
  const targetYears = Object.keys(mapping.columns)
    .filter((k) => k.startsWith('target.'))
    .map((k) => Number(k.slice('target.'.length)))
    .sort((a, b) => a - b);
  const detection = detectSheetAs('indicators', headerCells as unknown[], mapping.headerRow);
  const targetBase = normalizeHeader('目標');
  const mappedIndices = new Set(Object.values(mapping.columns));
  // A second header for a 年度 that already has a 目標 column is reported as a duplicate below.
  for (const dup of detection.duplicates)
    if (dup.key !== null && dup.key.startsWith('target.')) for (const i of dup.indices) mappedIndices.add(i);
  (headerCells as readonly unknown[]).forEach((cell, index) => {
    if (mappedIndices.has(index)) return;
    const text = cellText(cell);
    if (text === null) return;
    const n = normalizeHeader(text);
    const rest = n.startsWith(targetBase)
      ? n.slice(targetBase.length)
      : n.endsWith(targetBase)
        ? n.slice(0, -targetBase.length)
        : null;
    // A note column such as 目標の考え方 is left alone; one that tries to name a year is not.
    if (rest !== null && (rest === '' || /\d|令和|平成|年度|fy|^[rh]|元年/i.test(rest))) {
      issues.push({
        code: 'indicators.badYearHeader',
        severity: 'error',
        sheet: sheet.name,
        row: mapping.headerRow,
        column: text,
        message: {
          ja: `見出し「${text}」の年度が読めません。「目標2024」「目標 令和6年度」「目標R6」「目標FY2024」のように書いてください`,
          en: `The fiscal year of the header 「${text}」 does not read; write it as 目標2024, 目標 令和6年度, 目標R6 or 目標FY2024`,
        },
      });
    }
  });
  for (const dup of detection.duplicates) {
    if (dup.key === null || !dup.key.startsWith('target.')) continue;
    const headers = dup.indices.map((i) => cellText(headerCells[i]) ?? '').join('」「');
    issues.push({
      code: 'indicators.duplicateYear',
      severity: 'error',
      sheet: sheet.name,
      row: mapping.headerRow,
      column: cellText(headerCells[dup.indices[1] as number]) ?? dup.header,
      message: {
        ja: `「${headers}」は同じ年度（${dup.key.slice(7)}年度）の目標です。1つにまとめてください`,
        en: `「${headers}」 are targets for the same fiscal year (${dup.key.slice(7)}); keep one`,
      },
    });
  }
  if (targetYears.length === 0) {
    push(
      'indicators.noTargets',
      'warning',
      mapping.headerRow,
      'name',
      '目標の列（目標2024 など）がありません。実績だけを集計し、達成率と評価は出しません',
      'There is no 目標 column (目標2024 …); actuals are counted without rates or grades',
    );
  }

  // ── rows ──
  const definitions: IndicatorDefinition[] = [];
  const firstRowOfId = new Map<string, number>();
  const cell = (row: readonly unknown[], key: string): unknown => {
    const index = mapping.columns[key];
    return index === undefined ? '' : row[index];
  };
  for (let i = headerIndex + 1; i < values.length; i++) {
    const row = values[i] as readonly unknown[];
    const r = i + 1;
    if (Object.values(mapping.columns).every((c) => cellText(row[c]) === null)) continue;
    // A note staff wrote under (or into) the table: 「※ 目標は第4次計画の数値」 — set aside, as every reader does.
    const first = row.map((c) => cellText(c)).find((t) => t !== null);
    if (first && isNoteText(first)) continue;
    const before = issues.length;
    const error = (code: string, key: string, ja: string, en: string): void => push(code, 'error', r, key, ja, en);
    const warn = (code: string, key: string, ja: string, en: string): void => push(code, 'warning', r, key, ja, en);
    const text = (key: string): string | null =>
      cellText(cell(row, key), sheet.display?.[i]?.[mapping.columns[key] ?? -1]);

    const id = text('indicatorId');
    if (id === null)
      error(
        'indicators.noId',
        'indicatorId',
        'IDが空です。指標ごとに重ならないIDを付けてください（例: G1-1）',
        'The ID is blank; give every indicator its own ID (e.g. G1-1)',
      );
    else if (firstRowOfId.has(id))
      error(
        'indicators.duplicateId',
        'indicatorId',
        `ID「${id}」は${firstRowOfId.get(id)}行目と重複しています`,
        `ID 「${id}」 is also used on row ${firstRowOfId.get(id)}`,
      );
    else firstRowOfId.set(id, r);

    const name = text('name');
    if (name === null) error('indicators.noName', 'name', '指標名が空です', 'The indicator name is blank');

    const goal = parseBasicGoal(cell(row, 'goal')) ?? 0;
    if (goal === 0)
      error(
        'indicators.badGoal',
        'goal',
        `基本目標は1〜4の数で書いてください（「${text('goal') ?? ''}」）`,
        `基本目標 must be a number from 1 to 4 (「${text('goal') ?? ''}」)`,
      );

    // 集計元 and 集計方法
    const sourceText = text('source');
    const methodText = text('method');
    let source: SourceDescriptor | null = null;
    let method: Method | null = null;
    const manual =
      (sourceText === null && methodText === null) || (sourceText !== null && isManualSourceName(sourceText));
    if (!manual) {
      if (sourceText === null) {
        error(
          'indicators.noSource',
          'source',
          '集計元が空です。集計するシート（例: 活動記録）か「手入力」を書いてください',
          'The source is blank; name the sheet to count (e.g. 活動記録) or 手入力',
        );
      } else {
        source = sourceByName(sourceText);
        if (!source)
          error(
            'indicators.unknownSource',
            'source',
            `集計元「${sourceText}」というシートは集計できません（使える集計元: ${Object.values(SOURCES)
              .map((s) => s.name)
              .join('、')}、手入力）`,
            `The source 「${sourceText}」 is not a sheet Tsunagu counts (sources: ${Object.values(SOURCES)
              .map((s) => s.name)
              .join(', ')}, 手入力)`,
          );
      }
      if (methodText === null)
        error(
          'indicators.noMethod',
          'method',
          `集計方法が空です（${METHODS.join('・')}）`,
          `The method is blank (${METHODS.join(', ')})`,
        );
      else {
        method = wordIn(METHOD_WORDS, methodText);
        if (!method)
          error(
            'indicators.unknownMethod',
            'method',
            `集計方法「${methodText}」は使えません。${METHODS.join('・')}のどれかを書いてください`,
            `The method 「${methodText}」 is unknown; write one of ${METHODS.join(', ')}`,
          );
      }
    } else {
      for (const key of ['method', 'column', 'condition', 'denominator', 'dateColumn']) {
        if (text(key) !== null)
          warn(
            'indicators.manualIgnored',
            key,
            `手入力の指標のため「${headerOf(key)}」は使いません`,
            `This indicator is typed by hand, so 「${headerOf(key)}」 is not used`,
          );
      }
    }

    // 条件, 分母条件, 対象列, 日付列: checked against the source's columns
    const conditionText = text('condition');
    const denominatorText = text('denominator');
    const columnText = text('column');
    const dateText = text('dateColumn');
    let condition: Condition | null = null;
    let denominator: Condition | null = null;
    let dating: Dating = { kind: 'default' };
    if (!manual) {
      condition = parseConditionCell(conditionText, 'condition', error);
      denominator = parseConditionCell(denominatorText, 'denominator', error);
      if (denominator !== null && method !== null && method !== '割合')
        warn(
          'indicators.denominatorIgnored',
          'denominator',
          '分母条件は集計方法が「割合」のときだけ使います',
          'The denominator condition is used only when the method is 割合',
        );
      if (dateText !== null) {
        dating = CURRENT_WORDS.some((w) => normalizeHeader(w) === normalizeHeader(dateText))
          ? { kind: 'current' }
          : { kind: 'column', name: dateText };
      }
      if (source) {
        const lookup = columnLookup(source, context.views);
        for (const [key, c] of [
          ['condition', condition],
          ['denominator', method === '割合' ? denominator : null],
        ] as const) {
          const resolved = resolveCondition(c, source, lookup, context.startMonth);
          if (!resolved.ok)
            for (const p of resolved.problems)
              if (p.severity === 'error') error('indicators.badCondition', key, p.message.ja, p.message.en);
        }
        checkTargetColumn(source, lookup, method, columnText, error);
        if (dating.kind === 'column') checkDateColumn(source, lookup, dating.name, error);
      }
    }

    // 基準値, 方向, 許容幅, 秘匿, 目標
    const unitText = text('unit') ?? '';
    const baseline = numberCell(cell(row, 'baseline'), unitText);
    if (baseline === 'bad')
      error(
        'indicators.badBaseline',
        'baseline',
        `基準値「${text('baseline')}」は数として読めません`,
        `The baseline 「${text('baseline')}」 is not a number`,
      );
    const directionText = text('direction');
    let direction: Direction = '増加';
    if (directionText !== null) {
      const d = wordIn(DIRECTION_WORDS, directionText);
      if (d) direction = d;
      else
        error(
          'indicators.badDirection',
          'direction',
          `方向「${directionText}」は使えません。増加・減少・維持のどれかを書いてください`,
          `The direction 「${directionText}」 is unknown; write 増加, 減少 or 維持`,
        );
    }
    const toleranceCell = cell(row, 'tolerance');
    const tolerance = numberCell(
      typeof toleranceCell === 'string' ? toleranceCell.replace(/^[±+]/, '') : toleranceCell,
      unitText,
    );
    if (tolerance === 'bad' || (typeof tolerance === 'number' && tolerance < 0))
      error(
        'indicators.badTolerance',
        'tolerance',
        `許容幅「${text('tolerance')}」は0以上の数で書いてください（例: 3）`,
        `The tolerance 「${text('tolerance')}」 must be a number of 0 or more (e.g. 3)`,
      );
    const suppressCell = cell(row, 'suppress');
    const yn = parseYesNo(suppressCell);
    if (yn.status === 'unrecognised')
      error(
        'indicators.badSuppress',
        'suppress',
        `秘匿は「はい」か「いいえ」で書いてください（「${text('suppress')}」）`,
        `秘匿 must be はい or いいえ (「${text('suppress')}」)`,
      );
    const targets: Record<number, number> = {};
    for (const year of targetYears) {
      const v = numberCell(cell(row, `target.${year}`), unitText);
      if (v === 'bad')
        error(
          'indicators.badTarget',
          `target.${year}`,
          `目標「${text(`target.${year}`)}」は数として読めません`,
          `The target 「${text(`target.${year}`)}」 is not a number`,
        );
      else if (v !== null) targets[year] = v;
    }

    if (issues.slice(before).some((x) => x.severity === 'error')) continue;
    definitions.push({
      id: id as string,
      row: r,
      goal,
      initiative: text('initiative') ?? '',
      name: name as string,
      unit: unitText,
      source: manual ? null : source,
      method: manual ? null : method,
      column: manual ? null : columnText,
      condition,
      denominator: method === '割合' ? denominator : null,
      dating,
      baseline: typeof baseline === 'number' ? baseline : null,
      targets,
      direction,
      tolerance: typeof tolerance === 'number' ? tolerance : 0,
      // Blank 秘匿 is the safe reading: small counts are hidden.
      suppress: yn.value !== false,
    });
  }
  return { definitions, issues, targetYears, ok: !issues.some((x) => x.severity === 'error') };
}

function parseConditionCell(
  text: string | null,
  key: 'condition' | 'denominator',
  error: (code: string, key: string, ja: string, en: string) => void,
): Condition | null {
  const parsed = parseCondition(text);
  if (parsed.ok) return parsed.condition;
  const near = normalizeText(text ?? '').slice(parsed.error.at, parsed.error.at + 12);
  error(
    'indicators.conditionSyntax',
    key,
    `${parsed.error.message.ja}${near ? `（「${near}」のあたり）` : ''}。書き方は docs/summary.md の「条件の書き方」を見てください`,
    `${parsed.error.message.en}${near ? ` (near 「${near}」)` : ''}. See 「条件の書き方」 in docs/summary.md`,
  );
  return null;
}

/** A number cell: blank → null, unreadable → 'bad'. The indicator's unit may follow the number. */
function numberCell(value: unknown, unit: string): number | null | 'bad' {
  let v = value;
  if (typeof v === 'string') {
    const t = normalizeText(v);
    const u = normalizeText(unit);
    v = u !== '' && t.endsWith(u) ? t.slice(0, t.length - u.length) : t;
  }
  const n = parseNumber(v);
  if (n.ok) return n.value;
  return n.reason === 'blank' ? null : 'bad';
}

function checkTargetColumn(
  source: SourceDescriptor,
  lookup: (name: string) => ColumnLookup,
  method: Method | null,
  columnText: string | null,
  error: (code: string, key: string, ja: string, en: string) => void,
): void {
  if (method === null) return;
  if (columnText === null) {
    if (method === '合計' || method === '平均')
      error(
        'indicators.noColumn',
        'column',
        `集計方法「${method}」には、足し合わせる数の列を対象列に書いてください（例: 参加者数）`,
        `The method ${method} needs the number column to add up in 対象列 (e.g. 参加者数)`,
      );
    if (method === '人数' && source.personColumn === null)
      error(
        'indicators.noColumn',
        'column',
        `${source.name}の「人数」には、人を区別する列を対象列に書いてください`,
        `人数 over ${source.name} needs the column that tells people apart in 対象列`,
      );
    return;
  }
  const found = lookup(columnText);
  if (found === null) {
    const m = unknownColumnMessage(source, columnText);
    error('indicators.unknownColumn', 'column', m.ja, m.en);
    return;
  }
  if (!('column' in found)) return;
  const column = found.column;
  if (column.personal && method !== '人数')
    error(
      'indicators.personalColumn',
      'column',
      `「${column.header}」は個人情報の列のため、人数を数える（集計方法「人数」）ときだけ対象列にできます`,
      `「${column.header}」 holds personal data; it can be 対象列 only to count distinct people (人数)`,
    );
  if (
    (method === '合計' || method === '平均') &&
    column.type !== 'number' &&
    column.type !== 'hours' &&
    !column.key.startsWith('h:')
  )
    error(
      'indicators.notNumberColumn',
      'column',
      `「${column.header}」は数の列ではないため「${method}」できません（例: 参加者数、金額、活動時間）`,
      `「${column.header}」 is not a number column, so it cannot be summed or averaged (e.g. 参加者数, 金額, 活動時間)`,
    );
}

function checkDateColumn(
  source: SourceDescriptor,
  lookup: (name: string) => ColumnLookup,
  name: string,
  error: (code: string, key: string, ja: string, en: string) => void,
): void {
  const found = lookup(name);
  if (found === null) {
    const m = unknownColumnMessage(source, name);
    error('indicators.unknownDateColumn', 'dateColumn', m.ja, m.en);
    return;
  }
  if (!('column' in found)) return;
  const t = found.column.type;
  if (t !== 'date' && t !== 'fiscalYear' && !found.column.key.startsWith('h:'))
    error(
      'indicators.notDateColumn',
      'dateColumn',
      `日付列「${found.column.header}」は日付や年度の列ではありません。日付の列の名前か「現在」を書いてください`,
      `日付列 「${found.column.header}」 is not a date or fiscal-year column; name a date column or write 現在`,
    );
}

/** One issue as a line staff can read: 「指標定義 5行目「条件」: …」. */
export function formatDefinitionIssue(issue: DefinitionIssue, language: 'ja' | 'en' = 'ja'): string {
  return language === 'ja'
    ? `${issue.sheet} ${issue.row}行目「${issue.column}」: ${issue.message.ja}`
    : `${issue.sheet} row ${issue.row} 「${issue.column}」: ${issue.message.en}`;
}

/** The canonical text of a definition's 条件 (for display and for comparing definitions). */
export function conditionText(d: IndicatorDefinition): string {
  return formatCondition(d.condition);
}
