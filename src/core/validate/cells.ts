/** Defines the cell rules: one cell's value against its column's type and list, with a safe fix only where meaning is kept. */
import { parseDate, parseFiscalYear } from '../text/date';
import {
  checkKatakana,
  cleanSpaces,
  fixWidth,
  parseAmount,
  parseAvailability,
  parseEmail,
  parsePhone,
  parsePostal,
  toKatakana,
} from '../text';
import { splitMulti } from '../text/multi';
import { normalizeText } from '../text/normalize';
import { parseNumber } from '../text/number';
import { parseHours } from '../text/time';
import { tokyoDayNumber } from '../text/tokyo';
import { parseYesNo } from '../text/yesno';
import { finding, type Finding } from './codes';
import type { FixKind } from './types';
import { quoted } from './quote';
import { asText, closeItem, listKey, type ColumnView } from './view';

/** What the cell rules need to know besides the cell: today and the fiscal year start. Fixed for one run. */
export interface CellRules {
  /** Day number (PlainDate.toDayNumber) of today. */
  readonly todayDay: number;
  readonly todayISO: string;
  readonly startMonth: number;
  /** Dates after today are reported (data sheets: everything they record has happened). */
  readonly noFuture: boolean;
}

/** Serials below this (1910-01-01) are more likely a count typed in the wrong column than a date. */
const MIN_DATE_SERIAL = 3654;
/** Cached findings per column; past this, values are checked without caching (ids, phones are all distinct). */
const CACHE_LIMIT = 20_000;

/**
 * The findings for one cell that is neither blank nor an error value. Every fix is checked by
 * running the same rules on the fixed value: a fix is kept only when the fixed value draws no
 * finding that would fix it again, so fixing is idempotent. At most one finding per cell has a fix.
 */
export function checkCell(col: ColumnView, v: unknown, shown: string, rules: CellRules): readonly Finding[] | null {
  if (col.cached && typeof v === 'string') {
    const cached = col.cache.get(v);
    if (cached !== undefined) return cached;
    const found = verified(col, v, shown, rules);
    if (col.cache.size < CACHE_LIMIT) col.cache.set(v, found);
    return found;
  }
  return verified(col, v, shown, rules);
}

function verified(col: ColumnView, v: unknown, shown: string, rules: CellRules): readonly Finding[] | null {
  const found = rawCheck(col, v, shown, rules);
  if (found === null) return null;
  let fixed = false;
  let out: Finding[] | null = null;
  for (let i = 0; i < found.length; i++) {
    const f = found[i] as Finding;
    let keep = f;
    if (f.fix) {
      const to = f.fix.to;
      const again = fixed || to === '' ? null : rawCheck(col, to, String(to), rules);
      if (fixed || to === '' || (again !== null && again.some((g) => g.fix !== undefined))) keep = withoutFix(f);
      else fixed = true;
    }
    if (keep !== f && out === null) out = found.slice(0, i);
    if (out !== null) out.push(keep);
  }
  return out ?? found;
}

function withoutFix(f: Finding): Finding {
  return finding(
    f.code,
    f.message.ja,
    f.message.en,
    f.suggestion !== undefined ? { suggestion: f.suggestion } : undefined,
  );
}

function rawCheck(col: ColumnView, v: unknown, shown: string, rules: CellRules): Finding[] | null {
  switch (col.type) {
    case 'text':
      return null;
    case 'id':
      return checkId(col, v, shown);
    case 'date':
      return checkDate(col, v, shown, rules);
    case 'integer':
      return checkInteger(col, v);
    case 'number':
      return checkNumber(col, v, shown);
    case 'amount':
      return checkAmount(col, v, shown);
    case 'yesno':
      return checkYesNo(col, v, shown);
    case 'list':
      return col.list === null ? null : col.multi ? checkMultiList(col, v, shown) : checkList(col, v, shown);
    case 'multi':
      return col.list === null ? null : checkMultiList(col, v, shown);
    case 'phone':
      return checkPhone(col, v, shown);
    case 'postal':
      return checkPostal(col, v, shown);
    case 'email':
      return checkEmail(col, v, shown);
    case 'kana':
      return checkKana(col, v, shown);
    case 'availability':
      return checkAvailability(col, v, shown);
    case 'fiscalYear':
      return checkFiscalYear(col, v, rules);
    case 'time':
      return readHours(v, shown) === null ? [timeInvalid(col)] : null;
  }
  return null;
}

/** The kind of a fix that only changes spaces or width, else the rule's own kind. */
function fixKindOf(s: string, to: string, specific: FixKind): FixKind {
  if (cleanSpaces(s) === to) return 'spaces';
  const w = fixWidth(s);
  if (w === to || cleanSpaces(w) === to) return 'width';
  return specific;
}

function quoteList(values: readonly string[]): string {
  const shown = values.slice(0, 12).map((v) => `「${v}」`);
  return values.length > 12 ? `${shown.join('')}…` : shown.join('');
}

function quoteListEn(values: readonly string[]): string {
  const shown = values.slice(0, 12).join(', ');
  return values.length > 12 ? `${shown}, …` : shown;
}

// ───────── ids ─────────

function checkId(col: ColumnView, v: unknown, _shown: string): Finding[] | null {
  if (typeof v !== 'string') return null;
  let to: string;
  if (col.multi) {
    // Line breaks separate ids: only widths change, and only if the ids read the same afterwards.
    to = fixWidth(v).trim();
    if (to === v || splitMulti(to).join('\n') !== splitMulti(v).join('\n')) return null;
  } else {
    to = cleanSpaces(fixWidth(v));
    if (to === v) return null;
  }
  if (to === '') return null;
  return [
    finding(
      'id.format',
      `「${col.header}」は半角の英数字で、前後に空白を入れずに入力してください`,
      `「${col.header}」 should be in half-width letters and digits, without surrounding spaces`,
      { suggestion: to, fix: { kind: fixKindOf(v, to, 'width'), to } },
    ),
  ];
}

// ───────── dates ─────────

const HAS_TIME = /\d:\d|時/;

function dateFuture(col: ColumnView, iso: string, rules: CellRules): Finding {
  return finding(
    'date.future',
    `「${col.header}」の ${iso} は今日（${rules.todayISO}）より後の日付です。日付を確認してください`,
    `「${col.header}」 ${iso} is after today (${rules.todayISO}); please check the date`,
  );
}

function checkDate(col: ColumnView, v: unknown, shown: string, rules: CellRules): Finding[] | null {
  if (typeof v === 'object' && v !== null && Object.prototype.toString.call(v) === '[object Date]') {
    const t = (v as Date).getTime();
    if (Number.isNaN(t)) return [dateInvalid(col, 'unrecognised')];
    if (rules.noFuture && tokyoDayNumber(t) > rules.todayDay) {
      const d = parseDate(v);
      return [dateFuture(col, d.ok ? d.date.toISO() : shown, rules)];
    }
    return null;
  }
  if (typeof v === 'number') {
    const d = parseDate(v);
    const yyyymmdd = Number.isInteger(v) && v >= 10000101;
    if (!d.ok || (!yyyymmdd && v < MIN_DATE_SERIAL)) return [dateInvalid(col, d.ok ? 'unrecognised' : d.reason)];
    const iso = d.date.toISO();
    const out: Finding[] = [];
    const future = d.date.toDayNumber() > rules.todayDay;
    if (rules.noFuture && future) out.push(dateFuture(col, iso, rules));
    // A number that would be a day after today is more likely a typo than a serial: suggest, never fix.
    out.push(
      finding(
        'date.number',
        `「${col.header}」が数値（${asText(v, shown)}）で入力されています。日付 ${iso} として入力し直せます`,
        `「${col.header}」 holds a number (${asText(v, shown)}); it can be stored as the date ${iso}`,
        future ? { suggestion: iso } : { suggestion: iso, fix: { kind: 'date', to: iso } },
      ),
    );
    return out;
  }
  if (typeof v !== 'string') return [dateInvalid(col, 'unrecognised')];
  const d = parseDate(v);
  if (!d.ok) return d.reason === 'blank' ? null : [dateInvalid(col, d.reason)];
  const iso = d.date.toISO();
  const out: Finding[] = [];
  if (rules.noFuture && d.date.toDayNumber() > rules.todayDay) out.push(dateFuture(col, iso, rules));
  if (v !== iso) {
    // A time of day would be lost by writing the bare date: suggest it, do not fix it.
    const keepsMeaning = !HAS_TIME.test(normalizeText(v));
    out.push(
      finding(
        'date.text',
        `「${col.header}」の日付が文字列（${quoted(v)}）で入力されています。${iso} の形にそろえられます`,
        `「${col.header}」 holds a date typed as text (${quoted(v)}); it can be written as ${iso}`,
        keepsMeaning ? { suggestion: iso, fix: { kind: 'date', to: iso } } : { suggestion: iso },
      ),
    );
  }
  return out.length > 0 ? out : null;
}

function dateInvalid(col: ColumnView, reason: string): Finding {
  if (reason === 'eraMismatch') {
    return finding(
      'date.eraMismatch',
      `「${col.header}」の元号と日付が合いません（例: 平成31年5月1日は令和元年5月1日、昭和64年1月8日は平成元年1月8日）`,
      `「${col.header}」: the day is outside the named era (e.g. 平成31年5月1日 is 令和元年5月1日)`,
    );
  }
  if (reason === 'invalidDate') {
    return finding(
      'date.invalid',
      `「${col.header}」は存在しない日付です（2月30日、13月など）。正しい日付を入力してください`,
      `「${col.header}」 is a day that does not exist (February 30, month 13 …); please enter a real date`,
    );
  }
  return finding(
    'date.invalid',
    `「${col.header}」は日付として読めません。2024/4/1、2024-04-01、令和6年4月1日、R6.4.1 のように入力してください`,
    `「${col.header}」 is not a date; write it like 2024/4/1, 2024-04-01, 令和6年4月1日 or R6.4.1`,
  );
}

// ───────── numbers ─────────

function checkInteger(col: ColumnView, v: unknown): Finding[] | null {
  let n: number;
  let text: string | null = null;
  if (typeof v === 'number') {
    if (!Number.isFinite(v)) return [integerInvalid(col)];
    n = v;
  } else if (typeof v === 'string') {
    const p = parseNumber(v, { integer: true });
    if (!p.ok) {
      if (p.reason === 'blank') return null;
      // Not a number, but what the reader reads (基本目標１): nothing to say.
      if (col.reads?.integer !== undefined && col.reads.integer(v) !== null) return null;
      if (p.reason === 'ambiguous' || p.reason === 'several') return [ambiguousNumber('integer.ambiguous', col, v, p)];
      return [p.reason === 'notInteger' ? integerNotInteger(col) : integerInvalid(col)];
    }
    n = p.value;
    text = v;
  } else {
    return [integerInvalid(col)];
  }
  if (!Number.isInteger(n)) return [integerNotInteger(col)];
  const out: Finding[] = [];
  if (n < 0) {
    out.push(
      finding(
        'integer.negative',
        `「${col.header}」は0以上の整数で入力してください`,
        `「${col.header}」 must be a whole number of 0 or more`,
      ),
    );
  } else if (col.list !== null && !col.list.set.has(String(n))) {
    out.push(notInList(col, String(n)));
  }
  if (text !== null) {
    const to = String(n);
    const w = cleanSpaces(fixWidth(text));
    const kind: FixKind = cleanSpaces(text) === to ? 'spaces' : w === to ? 'width' : 'amount';
    out.push(
      finding(
        'integer.text',
        `「${col.header}」が文字列（${quoted(text)}）で入力されています。数値 ${n} として入力し直せます`,
        `「${col.header}」 holds text (${quoted(text)}); it can be stored as the number ${n}`,
        { suggestion: to, fix: { kind, to: n } },
      ),
    );
  }
  return out.length > 0 ? out : null;
}

function integerInvalid(col: ColumnView): Finding {
  return finding(
    'integer.invalid',
    `「${col.header}」は 3 のように整数で入力してください`,
    `「${col.header}」 must be a whole number such as 3`,
  );
}

function integerNotInteger(col: ColumnView): Finding {
  return finding(
    'integer.notInteger',
    `「${col.header}」は小数ではなく整数で入力してください`,
    `「${col.header}」 must be a whole number, not a fraction`,
  );
}

function checkNumber(col: ColumnView, v: unknown, shown: string): Finding[] | null {
  if (typeof v === 'number' && Number.isFinite(v)) return null;
  const text = typeof v === 'string' ? v : asText(v, shown);
  const p = parseNumber(text);
  if (p.ok || p.reason === 'blank') return null;
  if (p.reason === 'ambiguous' || p.reason === 'several') return [ambiguousNumber('number.ambiguous', col, text, p)];
  return [
    finding(
      'number.invalid',
      `「${col.header}」は 3200 や 18.5 のように数で入力してください`,
      `「${col.header}」 must be a number such as 3200 or 18.5`,
    ),
  ];
}

type Unread =
  | { readonly reason: 'ambiguous'; readonly readings: readonly number[] }
  | { readonly reason: 'several'; readonly numbers: readonly string[] };

/**
 * Text that reads as more than one number: it is never fixed (a fix would choose for the person
 * who typed it); the message says what it could mean and the suggestion lists the readings.
 */
function ambiguousNumber(
  code: 'amount.ambiguous' | 'integer.ambiguous' | 'number.ambiguous',
  col: ColumnView,
  typed: string,
  p: Unread,
): Finding {
  const what = code === 'amount.ambiguous' ? ['金額', 'amount'] : ['数', 'number'];
  const shown = quoted(typed);
  if (p.reason === 'several') {
    const ja = p.numbers.map((n) => `「${quoted(n)}」`).join('');
    const en = p.numbers.map((n) => quoted(n)).join(', ');
    return finding(
      code,
      `「${col.header}」の「${shown}」には${p.numbers.length}つの数（${ja}）が入っています。1つのセルには${what[0]}を1つだけ入力してください（自動では直しません）`,
      `「${col.header}」 「${shown}」 holds ${p.numbers.length} numbers (${en}); enter one ${what[1]} per cell (Tsunagu does not choose one)`,
    );
  }
  const readings = p.readings.map(String);
  if (readings.length === 1) {
    return finding(
      code,
      `「${col.header}」の「${shown}」は ${readings[0]} と読めますが、区切り（, .）の使い方が通常と違うため自動では直しません。${readings[0]} のように数字だけで入力してください`,
      `「${col.header}」 「${shown}」 reads as ${readings[0]}, but its separators (, .) are not where they usually are, so Tsunagu does not fix it; enter ${readings[0]} in digits`,
      { suggestion: readings[0] as string },
    );
  }
  return finding(
    code,
    `「${col.header}」の「${shown}」は区切り（, .）の位置が通常と違い、${readings.join(' とも ')} とも読めます。意図した${what[0]}を数字だけで入力してください（自動では直しません）`,
    `「${col.header}」 「${shown}」 has separators (, .) in unusual places and reads as ${readings.join(' or ')}; enter the ${what[1]} you mean in digits (Tsunagu does not choose one)`,
    { suggestion: readings.join(' または ') },
  );
}

function checkAmount(col: ColumnView, v: unknown, shown: string): Finding[] | null {
  if (typeof v === 'number' && Number.isInteger(v) && v > 0) return null;
  const input = typeof v === 'number' || typeof v === 'string' ? v : asText(v, shown);
  const p = parseAmount(input);
  if (p.ok) {
    if (!p.wasText && typeof v === 'number') return null;
    const s = asText(v, shown);
    return [
      finding(
        'amount.text',
        `「${col.header}」が文字列（${quoted(s)}）で入力されています。数値 ${p.yen} として入力し直せます（¥・カンマ・円は不要です）`,
        `「${col.header}」 holds the amount as text (${quoted(s)}); it can be stored as the number ${p.yen} (no ¥, commas or 円 needed)`,
        { suggestion: String(p.yen), fix: { kind: 'amount', to: p.yen } },
      ),
    ];
  }
  switch (p.reason) {
    case 'blank':
      return null;
    case 'ambiguous':
    case 'several':
      return [ambiguousNumber('amount.ambiguous', col, asText(v, shown), p)];
    case 'notInteger':
      return [
        finding(
          'amount.notInteger',
          `「${col.header}」は1円単位の整数で入力してください`,
          `「${col.header}」 must be a whole number of yen`,
        ),
      ];
    case 'notPositive':
      return [
        finding(
          'amount.notPositive',
          `「${col.header}」は1円以上の金額で入力してください`,
          `「${col.header}」 must be at least 1 yen`,
        ),
      ];
    default:
      return [
        finding(
          'amount.invalid',
          `「${col.header}」は 10000 のように円単位の数字で入力してください`,
          `「${col.header}」 must be a number of yen such as 10000`,
        ),
      ];
  }
}

// ───────── yes/no ─────────

function checkYesNo(col: ColumnView, v: unknown, shown: string): Finding[] | null {
  // A checkbox cell holds a boolean: it is a yes/no already, and writing text would break the box.
  if (typeof v === 'boolean') return null;
  const s = asText(v, shown);
  if (s === col.yes || s === col.no) return null;
  const y = col.reads?.yesNo !== undefined ? col.reads.yesNo(s) : parseYesNo(s);
  if (y.status === 'blank') return null;
  if (y.status === 'unrecognised') {
    return [
      finding(
        'yesno.invalid',
        `「${col.header}」は「${col.yes}」か「${col.no}」で入力してください`,
        `「${col.header}」 must be 「${col.yes}」 or 「${col.no}」`,
      ),
    ];
  }
  const to = y.status === 'yes' ? col.yes : col.no;
  return [
    finding(
      'yesno.variant',
      `「${col.header}」は「${col.yes}」か「${col.no}」にそろえてください（「${quoted(s)}」は「${to}」の意味）`,
      `「${col.header}」 should read 「${col.yes}」 or 「${col.no}」 (「${quoted(s)}」 means 「${to}」)`,
      { suggestion: to, fix: { kind: 'yesno', to } },
    ),
  ];
}

// ───────── lists ─────────

/** notInList, with the list value it most likely stands for as a suggestion (never a fix: only staff know). */
function notInListNear(col: ColumnView, value: string): Finding {
  const list = col.list as NonNullable<ColumnView['list']>;
  const f = notInList(col, value);
  const near = closeItem(list, listKey(value));
  if (near === null) return f;
  return {
    ...f,
    message: {
      ja: `${f.message.ja}。「${near}」のことでしたら、そう書き直してください（同じ意味なら、設定シートに「言い換え:${near}」の行を作ると安全な修正で直せます）`,
      en: `${f.message.en}. If 「${near}」 is meant, write that (if it always means the same, a 設定 row 「言い換え:${near}」 lets 安全な修正 fix it)`,
    },
    suggestion: near,
  };
}

/** A word 設定 lists as meaning `meant`; the cell becomes `to` (the whole cell, for several values). */
function listSynonym(col: ColumnView, from: string, meant: string, to: string = meant): Finding {
  return finding(
    'list.synonym',
    `「${quoted(from)}」は設定シートの「言い換え:${meant}」により「${meant}」と同じ意味です。「${col.header}」は一覧の表記「${to}」にそろえてください`,
    `「${quoted(from)}」 means 「${meant}」 by the 設定 row 「言い換え:${meant}」; 「${col.header}」 should read 「${to}」 as in its list`,
    { suggestion: to, fix: { kind: 'listValue', to } },
  );
}

function notInList(col: ColumnView, value: string): Finding {
  const list = col.list as NonNullable<ColumnView['list']>;
  if (list.fromSettings !== null && list.standard) {
    return finding(
      'list.notInSettings',
      `「${quoted(value)}」はつなぐの標準の「${list.fromSettings}」の一覧（${quoteList(list.values)}）にありません。設定シートはまだありません。「シート準備」で設定シートを作ると、この一覧を団体の値に書き換えられます`,
      `「${quoted(value)}」 is not in Tsunagu's standard list 「${list.fromSettings}」 (${quoteListEn(list.values)}). There is no 設定 sheet yet: シート準備 (Set up) creates it, where the list can be changed to the council's own values`,
    );
  }
  if (list.fromSettings !== null) {
    return finding(
      'list.notInSettings',
      `「${quoted(value)}」は設定シートの「${list.fromSettings}」の一覧にありません。一覧の値（${quoteList(list.values)}）で入力するか、設定シートに追加してください`,
      `「${quoted(value)}」 is not in the 設定 list 「${list.fromSettings}」; use one of ${quoteListEn(list.values)} or add it to 設定`,
    );
  }
  return finding(
    'list.notAllowed',
    `「${quoted(value)}」は「${col.header}」の選択肢にありません。${quoteList(list.values)}のいずれかで入力してください`,
    `「${quoted(value)}」 is not a choice of 「${col.header}」; use one of ${quoteListEn(list.values)}`,
  );
}

function listVariant(col: ColumnView, to: string): Finding {
  return finding(
    'list.variant',
    `「${col.header}」の値は一覧の表記「${to}」にそろえてください（全角・半角や空白の違い）`,
    `「${col.header}」 should be written 「${to}」 as in its list (width or spaces differ)`,
    { suggestion: to, fix: { kind: 'listValue', to } },
  );
}

function checkList(col: ColumnView, v: unknown, shown: string): Finding[] | null {
  const list = col.list as NonNullable<ColumnView['list']>;
  const s = asText(v, shown);
  if (list.set.has(s)) return null;
  const key = listKey(s);
  if (key === '') return null;
  const to = list.byKey.get(key);
  if (to !== undefined && to !== null) return [listVariant(col, to)];
  // A word the reader reads as it is (種類 「チェックボックス」): nothing to say.
  if (col.reads?.word !== undefined && col.reads.word(s)) return null;
  const meant = list.synonyms.get(key);
  if (meant !== undefined) return [listSynonym(col, normalizeText(s), meant)];
  return [notInListNear(col, normalizeText(s))];
}

function checkMultiList(col: ColumnView, v: unknown, shown: string): Finding[] | null {
  const list = col.list as NonNullable<ColumnView['list']>;
  const s = asText(v, shown);
  // Most cells are allowed values joined by 、: no normalising, no splitting rules needed.
  let allKnown = true;
  for (const piece of s.split('、')) {
    if (!list.set.has(piece)) {
      allKnown = false;
      break;
    }
  }
  if (allKnown) return null;
  const pieces = splitMulti(s, { known: list.set });
  const out: Finding[] = [];
  let variants = false;
  let synonym: { from: string; meant: string } | null = null;
  const canonical: string[] = [];
  for (const piece of pieces) {
    if (list.set.has(piece)) {
      canonical.push(piece);
      continue;
    }
    const key = listKey(piece);
    const to = list.byKey.get(key);
    const meant = list.synonyms.get(key);
    if ((to === undefined || to === null) && col.reads?.word !== undefined && col.reads.word(piece)) {
      canonical.push(piece);
      continue;
    }
    if (to !== undefined && to !== null) {
      variants = true;
      canonical.push(to);
    } else if (meant !== undefined) {
      variants = true;
      if (synonym === null) synonym = { from: piece, meant };
      canonical.push(meant);
    } else {
      canonical.push(piece);
      out.push(notInListNear(col, piece));
    }
  }
  if (variants) {
    const to = canonical.join('、');
    out.unshift(synonym !== null ? listSynonym(col, synonym.from, synonym.meant, to) : listVariant(col, to));
  }
  return out.length > 0 ? out : null;
}

// ───────── contact details ─────────

const PHONE_EXPECTED_JA = '電話番号は 042-461-1234 のように、市外局番から10〜11桁で入力してください';
const PHONE_EXPECTED_EN = 'Write a phone number with its area code, 10 or 11 digits, like 042-461-1234';

function checkPhone(col: ColumnView, v: unknown, shown: string): Finding[] | null {
  const s = asText(v, shown);
  // A number cell goes in as a number: parsePhone restores the leading 0 Sheets dropped.
  const p = parsePhone(typeof v === 'number' ? v : s);
  if (p.ok) {
    if (s === p.formatted) return null;
    return [
      finding(
        'phone.format',
        `${PHONE_EXPECTED_JA}（ハイフンで区切った半角数字: ${p.formatted}）`,
        `${PHONE_EXPECTED_EN} (half-width digits with hyphens: ${p.formatted})`,
        { suggestion: p.formatted, fix: { kind: fixKindOf(s, p.formatted, 'phone'), to: p.formatted } },
      ),
    ];
  }
  if (p.reason === 'blank') return null;
  if (p.reason === 'digitCount') {
    return [
      finding(
        'phone.digitCount',
        `電話番号の桁数が合いません。${PHONE_EXPECTED_JA}`,
        `The phone number has the wrong number of digits. ${PHONE_EXPECTED_EN}`,
      ),
    ];
  }
  return [
    finding(
      'phone.invalid',
      `「${col.header}」は電話番号として読めません。${PHONE_EXPECTED_JA}`,
      `「${col.header}」 is not a phone number. ${PHONE_EXPECTED_EN}`,
    ),
  ];
}

function checkPostal(col: ColumnView, v: unknown, shown: string): Finding[] | null {
  const s = asText(v, shown);
  const p = parsePostal(typeof v === 'number' ? v : s);
  if (p.ok) {
    if (s === p.formatted) return null;
    return [
      finding(
        'postal.format',
        `郵便番号は 188-0012 のように、3桁-4桁の半角数字で入力してください（${p.formatted}）`,
        `Write a postal code as 3 + 4 half-width digits, like 188-0012 (${p.formatted})`,
        { suggestion: p.formatted, fix: { kind: fixKindOf(s, p.formatted, 'postal'), to: p.formatted } },
      ),
    ];
  }
  if (p.reason === 'blank') return null;
  if (p.reason === 'digitCount') {
    return [
      finding(
        'postal.digitCount',
        '郵便番号は7桁です。188-0012 のように入力してください',
        'A postal code has 7 digits; write it like 188-0012',
      ),
    ];
  }
  return [
    finding(
      'postal.invalid',
      `「${col.header}」は郵便番号として読めません。188-0012 のように入力してください`,
      `「${col.header}」 is not a postal code; write it like 188-0012`,
    ),
  ];
}

function checkEmail(col: ColumnView, v: unknown, shown: string): Finding[] | null {
  const s = asText(v, shown);
  const p = parseEmail(s);
  if (!p.ok) {
    if (p.reason === 'blank') return null;
    return [
      finding(
        'email.invalid',
        `「${col.header}」はメールアドレスとして読めません（例: taro@example.jp）`,
        `「${col.header}」 is not an e-mail address (e.g. taro@example.jp)`,
      ),
    ];
  }
  const to = cleanSpaces(fixWidth(s));
  if (to === s || to === '' || !parseEmail(to).ok) return null;
  return [
    finding(
      'email.format',
      `メールアドレスは半角で、空白を入れずに入力してください（${quoted(to)}）`,
      `Write an e-mail address in half-width characters without spaces (${quoted(to)})`,
      { suggestion: to, fix: { kind: fixKindOf(s, to, 'width'), to } },
    ),
  ];
}

// ───────── furigana ─────────

function checkKana(col: ColumnView, v: unknown, shown: string): Finding[] | null {
  const s = asText(v, shown);
  const k = checkKatakana(s);
  if (k.ok) return null;
  if (k.reason === 'notKana') {
    return [
      finding(
        'kana.notKana',
        `「${col.header}」はカタカナで入力してください（漢字・英字などが含まれています）`,
        `「${col.header}」 must be katakana (it holds kanji, Latin letters or other characters)`,
      ),
    ];
  }
  const to = toKatakana(s);
  const what = k.reason === 'hiragana' ? ['ひらがな', 'hiragana'] : ['半角カナ', 'half-width katakana'];
  return [
    finding(
      k.reason === 'hiragana' ? 'kana.hiragana' : 'kana.halfwidth',
      `「${col.header}」は全角カタカナで入力してください（${what[0]}になっています: ${quoted(to)}）`,
      `「${col.header}」 must be full-width katakana (it is in ${what[1]}: ${quoted(to)})`,
      to !== s && to !== '' ? { suggestion: to, fix: { kind: 'kana', to } } : undefined,
    ),
  ];
}

// ───────── availability, fiscal years, hours ─────────

function checkAvailability(col: ColumnView, v: unknown, shown: string): Finding[] | null {
  const s = asText(v, shown);
  const a = parseAvailability(s);
  if (!a.ok || a.unknown.length === 0) return null;
  const parts = a.unknown.map((u) => `「${quoted(u)}」`).join('');
  return [
    finding(
      'availability.unknown',
      `「${col.header}」の${parts}が読み取れません。月午前、水午後、土日終日、平日夜間 のように曜日と時間帯（午前・午後・夜間・終日）で入力してください`,
      `「${col.header}」: ${a.unknown.map((u) => quoted(u)).join(', ')} cannot be read; write a day and a part of day, like 月午前、水午後、土日終日、平日夜間`,
    ),
  ];
}

function checkFiscalYear(col: ColumnView, v: unknown, rules: CellRules): Finding[] | null {
  // The year as a number is what parseFiscalYear accepts first; most cells hold one.
  if (typeof v === 'number' && Number.isInteger(v) && v >= 1000 && v <= 9998) return null;
  const fy = parseFiscalYear(v, rules.startMonth);
  if (fy.ok || fy.reason === 'blank') return null;
  if (fy.reason === 'eraMismatch') {
    return [
      finding(
        'fiscalYear.eraMismatch',
        `「${col.header}」の元号と年度が合いません（例: 昭和64年度はありません。平成元年度＝1989年度）`,
        `「${col.header}」: that year is outside the named era (e.g. there is no 昭和64年度; 平成元年度 = FY1989)`,
      ),
    ];
  }
  return [
    finding(
      'fiscalYear.invalid',
      `「${col.header}」は 2024、2024年度、令和6年度、R6 のように年度で入力してください`,
      `「${col.header}」 must be a fiscal year such as 2024, 2024年度, 令和6年度 or R6`,
    ),
  ];
}

function timeInvalid(col: ColumnView): Finding {
  return finding(
    'time.invalid',
    `「${col.header}」は 2、1.5、2時間30分、90分、10:00〜12:00 のように時間数で入力してください`,
    `「${col.header}」 must be a number of hours, like 2, 1.5, 2時間30分, 90分 or 10:00〜12:00`,
  );
}

const CLOCK_HMS = /^(\d{1,3}):([0-5]\d):([0-5]\d)$/;

/**
 * Hours of a duration cell: the display text first (Sheets hands a duration over as a Date
 * near 1899-12-30, shown as 2:00:00), then the value. Null when neither reads.
 */
export function readHours(v: unknown, shown: string): number | null {
  if (shown !== '') {
    const h = parseHours(shown);
    if (h.ok) return h.hours;
    const m = CLOCK_HMS.exec(shown.trim());
    if (m) return Number(m[1]) + Number(m[2]) / 60 + Number(m[3]) / 3600;
  }
  const h = parseHours(v);
  return h.ok ? h.hours : null;
}
