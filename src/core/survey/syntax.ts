/** Defines how the cells of アンケート定義 are read: choices, grids, scales, 入力規則, 分岐, 指標 (the grammar is in docs/forms.md). */
import { fixWidth } from '../text/width';
import { normalizeText } from '../text/normalize';
import type { BranchTarget, RuleName, ValidationRule } from './types';

/** A reading of one cell: its value, or why it could not be read (in Japanese and English). */
export type Read<T> =
  { readonly ok: true; readonly value: T } | { readonly ok: false; readonly ja: string; readonly en: string };

function ok<T>(value: T): Read<T> {
  return { ok: true, value };
}

function fail<T>(ja: string, en: string): Read<T> {
  return { ok: false, ja, en };
}

/** The text of a cell as typed, with line breaks unified; '' for blank and non-text cells other than numbers. */
export function rawText(cell: unknown): string {
  if (typeof cell === 'string') return cell.replace(/\r\n?/g, '\n').trim();
  if (typeof cell === 'number' && Number.isFinite(cell)) return String(cell);
  return '';
}

/**
 * Choices: one per line, or separated by 、 or ; — never by a comma, which choices in many
 * languages contain ('Yes, I agree'). Each is kept as typed, trimmed; blanks dropped.
 * Duplicates are kept, so the check can name them (Forms refuses duplicate choices).
 */
export function splitChoices(cell: unknown): string[] {
  const text = rawText(cell);
  if (text === '') return [];
  return text
    .split(/[\n、;；]/)
    .map((s) => s.replace(/[ \t\u3000]+/g, (run) => (run === '\u3000' ? run : ' ')).trim())
    .filter((s) => s !== '');
}

/** Grid rows and columns are short labels: a comma separates them too. */
function splitLabels(text: string): string[] {
  return text
    .split(/[、,;]/)
    .map((s) => s.trim())
    .filter((s) => s !== '');
}

const SETTINGS_REF = /^設定\s*(?::|の|「)\s*(.+?)\s*」?$/;

/** '設定:圏域', '設定の活動分野', '設定「対応言語」' → the 設定 list's name; null when the cell is a list of choices. */
export function settingsListRef(cell: unknown): string | null {
  const m = SETTINGS_REF.exec(normalizeText(rawText(cell)));
  return m ? (m[1] as string) : null;
}

const GRID_LINE = /^(行|rows?|列|columns?)\s*:\s*(.*)$/i;

/**
 * A grid's rows and columns: two lines '行: 月、火、水' and '列: 午前、午後、夜間' (or 'Rows:' and
 * 'Columns:' in a translation), or two unlabelled lines, rows first.
 */
export function parseGrid(cell: unknown): Read<{ rows: string[]; columns: string[] }> {
  const lines = normalizeText(rawText(cell))
    .split('\n')
    .map((l) => l.trim())
    .filter((l) => l !== '');
  let rows: string[] | null = null;
  let columns: string[] | null = null;
  const unlabelled: string[][] = [];
  for (const line of lines) {
    const m = GRID_LINE.exec(line);
    if (!m) {
      unlabelled.push(splitLabels(line));
      continue;
    }
    const label = (m[1] as string).toLowerCase();
    const values = splitLabels(m[2] as string);
    if (label === '行' || label.startsWith('row')) rows = values;
    else columns = values;
  }
  if (rows === null && columns === null && unlabelled.length === 2) {
    rows = unlabelled[0] as string[];
    columns = unlabelled[1] as string[];
  }
  if (rows === null || columns === null || rows.length === 0 || columns.length === 0) {
    return fail(
      'グリッドの選択肢は「行: 月、火、水」と「列: 午前、午後、夜間」の2行で書いてください',
      'Write a grid as two lines: 「行: 月、火、水」 (rows) and 「列: 午前、午後、夜間」 (columns)',
    );
  }
  return ok({ rows, columns });
}

const SCALE = /^(\d+)\s*(?:\((.*?)\))?\s*(?:〜|~|-|から)\s*(\d+)\s*(?:\((.*?)\))?$/;

/** A scale: '1〜5', with optional labels at the ends: '1（そう思わない）〜5（そう思う）'. */
export function parseScale(cell: unknown): Read<{ low: number; high: number; lowLabel: string; highLabel: string }> {
  const m = SCALE.exec(normalizeText(rawText(cell)).replace(/\n/g, ' '));
  if (!m) {
    return fail(
      '均等目盛の選択肢は「1〜5」のように、両端のラベルを付けるなら「1（そう思わない）〜5（そう思う）」と書いてください',
      'Write a scale as 「1〜5」, with labels if you like: 「1（そう思わない）〜5（そう思う）」',
    );
  }
  return ok({ low: Number(m[1]), high: Number(m[3]), lowLabel: (m[2] ?? '').trim(), highLabel: (m[4] ?? '').trim() });
}

const RULE_NAMES: Readonly<Record<string, RuleName>> = {
  メール: 'メール',
  メールアドレス: 'メール',
  email: 'メール',
  電話: '電話',
  電話番号: '電話',
  郵便番号: '郵便番号',
  '〒': '郵便番号',
  カタカナ: 'カタカナ',
  フリガナ: 'カタカナ',
  カナ: 'カタカナ',
  数値: '数値',
  数字: '数値',
  整数: '整数',
  文字数: '文字数',
  長さ: '文字数',
  正規表現: '正規表現',
  選択数: '選択数',
  各列1つまで: '各列1つまで',
  各列1つ: '各列1つまで',
  列ごとに1つ: '各列1つまで',
};

const NUM = '(-?\\d+(?:\\.\\d+)?)';
const RANGE_BOTH = new RegExp(`^${NUM}\\s*(?:〜|~|から|-)\\s*${NUM}(?:まで)?$`);
const RANGE_MIN = new RegExp(`^${NUM}\\s*(?:〜|~|から|以上)$`);
const RANGE_MAX = new RegExp(`^(?:(?:〜|~)\\s*${NUM}|${NUM}\\s*(?:まで|以下|以内))$`);
const RANGE_ONE = new RegExp(`^${NUM}$`);

/** '1〜3', '〜200', '10以上', '3' → bounds; `single` says what a lone number means for the rule. */
function parseRange(text: string, single: 'max' | 'exact'): { min: number | null; max: number | null } | null {
  const t = text.replace(/^\((.*)\)$/, '$1').trim();
  if (t === '') return { min: null, max: null };
  let m = RANGE_BOTH.exec(t);
  if (m) return { min: Number(m[1]), max: Number(m[2]) };
  m = RANGE_MIN.exec(t);
  if (m) return { min: Number(m[1]), max: null };
  m = RANGE_MAX.exec(t);
  if (m) return { min: null, max: Number(m[1] ?? m[2]) };
  m = RANGE_ONE.exec(t);
  if (m) return single === 'max' ? { min: null, max: Number(m[1]) } : { min: Number(m[1]), max: Number(m[1]) };
  return null;
}

const MESSAGE_LINE = /^(?:メッセージ|エラー|エラーメッセージ|message)\s*[:：]\s*(.*)$/i;

/**
 * 入力規則: the first line names the rule — メール, 電話, 郵便番号, カタカナ, 数値(0〜120), 整数(1〜10),
 * 文字数(〜200), 正規表現: ^\d{4}$, 選択数(1〜3), 各列1つまで — and an optional second line
 * 'メッセージ: …' replaces the message respondents see (in Japanese; other languages keep Tsunagu's).
 * Blank → null.
 */
export function parseRule(cell: unknown): Read<ValidationRule | null> {
  const lines = rawText(cell)
    .split('\n')
    .map((l) => l.trim())
    .filter((l) => l !== '');
  if (lines.length === 0) return ok(null);
  let message: string | null = null;
  const ruleLines: string[] = [];
  for (const line of lines) {
    const m = MESSAGE_LINE.exec(line);
    if (m) message = (m[1] as string).trim() || null;
    else ruleLines.push(line);
  }
  if (ruleLines.length !== 1) {
    return fail(
      '入力規則は1つだけ書いてください（メッセージは2行目に「メッセージ: …」）',
      'Give one rule only (a message may follow on a second line as 「メッセージ: …」)',
    );
  }
  const first = ruleLines[0] as string;
  // The pattern of 正規表現 is taken exactly as typed: normalising it would change its meaning.
  const regex = /^正規表現\s*[:：]\s*(.+)$/.exec(first);
  if (regex) return ok({ rule: '正規表現', pattern: (regex[1] as string).trim(), message });
  const text = fixWidth(normalizeText(first)).replace(/\s+/g, '');
  const whole = RULE_NAMES[text.toLowerCase()];
  const nameMatch = whole ? [text, text, ''] : /^([^(:\d〜~-]+)(.*)$/.exec(text);
  const name = whole ?? (nameMatch ? RULE_NAMES[(nameMatch[1] as string).toLowerCase()] : undefined);
  if (!nameMatch || !name) {
    return fail(
      `入力規則「${first}」は使えません。メール・電話・郵便番号・カタカナ・数値・整数・文字数・正規表現・選択数・各列1つまで のどれかを書いてください`,
      `Unknown rule 「${first}」: use メール, 電話, 郵便番号, カタカナ, 数値, 整数, 文字数, 正規表現, 選択数 or 各列1つまで`,
    );
  }
  const rest = (nameMatch[2] as string).replace(/^:/, '');
  if (name === '正規表現') {
    return fail('正規表現は「正規表現: ^[0-9]+$」のように書いてください', 'Write a pattern as 「正規表現: ^[0-9]+$」');
  }
  if (name === '数値' || name === '整数' || name === '文字数' || name === '選択数') {
    const range = parseRange(rest, name === '選択数' ? 'exact' : 'max');
    if (!range) {
      return fail(
        `入力規則「${first}」の範囲が読めません。「${name}(1〜10)」「${name}(〜10)」「${name}(1〜)」のように書いてください`,
        `The range of 「${first}」 cannot be read: write 「${name}(1〜10)」, 「${name}(〜10)」 or 「${name}(1〜)」`,
      );
    }
    return ok({ rule: name, min: range.min, max: range.max, message });
  }
  if (rest !== '') {
    return fail(`入力規則「${name}」には範囲を付けられません`, `The rule 「${name}」 takes no range`);
  }
  return ok({ rule: name, message });
}

const ARROW = /\s*(?:→|⇒|->|=>)\s*/;

/** What 分岐 targets may say for the end of the form and for "go on". */
function targetOf(text: string): BranchTarget {
  const t = normalizeText(text).replace(/\s+/g, '');
  if (/^(送信|送信する|フォームを送信|回答を送信|submit|終了)$/i.test(t)) return { kind: 'submit' };
  if (/^(次へ|次|次のセクション|次のセクションへ|next|continue)$/i.test(t)) return { kind: 'next' };
  return { kind: 'section', name: normalizeText(text) };
}

/** One 分岐 entry: the choice it is for (null on a セクション row) and the target. */
export interface BranchEntry {
  readonly choice: string | null;
  readonly target: BranchTarget;
}

/**
 * 分岐: for a question, one 'choice → target' per line (or separated by 、): 'はい→経験のある方',
 * 'いいえ→送信'. For a セクション row, just the target: '送信' or '→ 次のセクション名'.
 * Targets are a section name, 送信 (submit) or 次へ (the next section).
 */
export function parseBranches(cell: unknown, forSection: boolean): Read<BranchEntry[]> {
  const text = rawText(cell);
  if (text === '') return ok([]);
  const entries: BranchEntry[] = [];
  for (const piece of text.split(/[\n、]/)) {
    const p = piece.trim();
    if (p === '') continue;
    const parts = p.split(ARROW);
    if (forSection) {
      const target = (
        parts.length === 2 && (parts[0] as string) === '' ? parts[1] : parts.length === 1 ? parts[0] : null
      ) as string | null;
      if (target === null || target.trim() === '') {
        return fail(
          'セクションの分岐には行き先（セクション名か「送信」）だけを書いてください',
          "A section's 分岐 is just where to go next: a section name or 「送信」",
        );
      }
      entries.push({ choice: null, target: targetOf(target) });
      continue;
    }
    if (parts.length !== 2 || (parts[0] as string).trim() === '' || (parts[1] as string).trim() === '') {
      return fail(
        `分岐「${p}」が読めません。「はい→セクション名」「いいえ→送信」のように、選択肢と行き先を「→」でつないで1行に1つ書いてください`,
        `Cannot read the branch 「${p}」: write one 「choice→section」 (or 「choice→送信」) per line`,
      );
    }
    entries.push({ choice: normalizeText(parts[0] as string), target: targetOf(parts[1] as string) });
  }
  return ok(entries);
}

/** 指標 IDs: separated by 、 , ; spaces or line breaks; written half-width ('Ｇ１－Ｓ１' → 'G1-S1'). */
export function parseIndicatorIds(cell: unknown): string[] {
  const text = fixWidth(normalizeText(rawText(cell)));
  const out: string[] = [];
  for (const id of text.split(/[\s、,;]+/)) if (id !== '' && out.indexOf(id) < 0) out.push(id);
  return out;
}

/**
 * Whether a pattern will work in Google Forms. Forms uses RE2 (no look-around, no
 * back-references); the pattern must also compile as a JavaScript RegExp, which the studio uses.
 */
export function checkPattern(pattern: string): Read<null> {
  if (/\(\?<?[=!]/.test(pattern)) {
    return fail(
      '正規表現に先読み・後読み（(?= (?! (?<= (?<!）は使えません（Google フォームの正規表現は RE2 です）',
      'Look-ahead and look-behind ((?= (?! (?<= (?<!) are not available: Google Forms uses RE2',
    );
  }
  if (/\\[1-9]|\\k</.test(pattern)) {
    return fail(
      '正規表現に後方参照（\\1 など）は使えません（Google フォームの正規表現は RE2 です）',
      'Back-references (\\1 …) are not available: Google Forms uses RE2',
    );
  }
  try {
    new RegExp(pattern, 'u');
  } catch (error) {
    const detail = error instanceof Error ? error.message : String(error);
    return fail(`正規表現として読めません（${detail}）`, `Not a valid regular expression (${detail})`);
  }
  return ok(null);
}
