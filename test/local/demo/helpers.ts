// Shared fixtures for the demo tests: a small area list, sheet accessors, a 和暦 reader and the "clean cell" rules of each sheet.
import type { CellValue, DemoArea, DemoBook, DemoSheet, DemoSheetKind } from '../../../src/local/demo';
import { tokyoOffsetAt } from '../../support/tokyo';

/** Four 圏域 like Nishitokyo's, one town unknown to the postal table (みなみ台) to exercise the fallback. */
export const AREAS: DemoArea[] = [
  { name: '北東部圏域', districts: ['保谷小地区', '東伏見小地区'], towns: ['保谷町', '東伏見', '柳沢', '北町'] },
  { name: '中部圏域', districts: ['田無小地区', '谷戸小地区'], towns: ['田無町', '谷戸町', '緑町'] },
  { name: '南部圏域', districts: ['向台小地区'], towns: ['南町', '向台町', 'みなみ台'] },
  { name: '西部圏域', districts: ['芝久保小地区'], towns: ['芝久保町', '西原町'] },
];

export const TODAY = { year: 2026, month: 11, day: 26 };
const DAY_MS = 86_400_000;

export function sheetOf(book: DemoBook, kind: DemoSheetKind): DemoSheet {
  const s = book.sheets.find((x) => x.kind === kind);
  if (!s) throw new Error(`no ${kind} sheet`);
  return s;
}

/** A row as header → value, for readable assertions. */
export type Row = Record<string, CellValue>;

export function rowsOf(sheet: DemoSheet): Row[] {
  return sheet.rows.map((r) => Object.fromEntries(sheet.header.map((h, i) => [h, r[i] as CellValue])));
}

/** Sheet row number (header = 1) → row record. */
export function rowAt(sheet: DemoSheet, rowNumber: number): Row {
  const r = rowsOf(sheet)[rowNumber - 2];
  if (!r) throw new Error(`no row ${rowNumber} in ${sheet.name}`);
  return r;
}

/** The Tokyo calendar day of a date cell as YYYY-MM-DD. */
export function tokyoIso(d: Date): string {
  return new Date(d.getTime() + tokyoOffsetAt(d.getTime())).toISOString().slice(0, 10);
}

export function isTokyoMidnight(d: Date): boolean {
  return (d.getTime() + tokyoOffsetAt(d.getTime())) % DAY_MS === 0;
}

export function fiscalYearOfIso(iso: string): number {
  const y = Number(iso.slice(0, 4));
  const m = Number(iso.slice(5, 7));
  return m >= 4 ? y : y - 1;
}

const ERA_FIRST_YEAR: Record<string, number> = {
  明治: 1868,
  大正: 1912,
  昭和: 1926,
  平成: 1989,
  令和: 2019,
  M: 1868,
  T: 1912,
  S: 1926,
  H: 1989,
  R: 2019,
};

/** Reads 令和6年4月1日, 令和元年5月1日, R6.4.1 and R6/4/1 as YYYY-MM-DD; undefined otherwise. */
export function parseWareki(text: string): string | undefined {
  const m =
    /^(明治|大正|昭和|平成|令和)(元|\d+)年(\d+)月(\d+)日$/.exec(text) ??
    /^([MTSHR])(\d+)([./])(\d+)\3(\d+)$/.exec(text);
  if (!m) return undefined;
  const parts = m.length === 5 ? [m[1], m[2], m[3], m[4]] : [m[1], m[2], m[4], m[5]];
  const [era, year, month, day] = parts as [string, string, string, string];
  const y = (ERA_FIRST_YEAR[era] as number) + (year === '元' ? 1 : Number(year)) - 1;
  return `${y}-${month.padStart(2, '0')}-${day.padStart(2, '0')}`;
}

export const PHONE_RE = /^0\d{1,4}-\d{1,4}-\d{4}$/;
export const KATAKANA_RE = /^[ァ-ヶー]+( [ァ-ヶー]+)*$/;
const SLOT_RE = /^(月|火|水|木|金|土|日|平日|土日)(午前|午後|夜間|終日)$/;

export function isCleanPhone(v: CellValue): boolean {
  if (typeof v !== 'string' || !PHONE_RE.test(v)) return false;
  const digits = v.replace(/-/g, '').length;
  return digits === 10 || digits === 11;
}

/** Values of the 設定 lists that contain ・ and must not be split on it (as core's splitMulti does with known values). */
const WITH_DOT = ['子ども・子育て', '環境・まちづくり', 'パソコン・スマホ', '通訳・翻訳'];

/** Splits a multi-value cell as DESIGN.md says (、 , ， ・ or a new line), keeping known values with ・ whole. */
export function splitMulti(v: CellValue): string[] {
  if (v === '') return [];
  let text = String(v);
  for (const w of WITH_DOT) text = text.split(w).join(w.replace('・', '\u0000'));
  return text.split(/[、,，・\n]/).map((s) => s.replace('\u0000', '・'));
}

/** The default 設定 lists (core/sheets/defaults.ts), which the demo's values must come from. */
const FIELDS = [
  '高齢者',
  '障害のある人',
  '子ども・子育て',
  '外国にルーツのある人',
  '地域の居場所',
  '災害支援',
  '環境・まちづくり',
  'その他',
];
const SKILLS = [
  '介護福祉士',
  '介護職員初任者研修',
  '看護師',
  '保育士',
  '手話',
  '点訳',
  '音訳',
  '要約筆記',
  '運転',
  '調理',
  '傾聴',
  'パソコン・スマホ',
  '外国語',
];
const LANGUAGES = ['日本語', 'やさしい日本語', '英語', '中国語', '韓国語', 'ベトナム語', 'ネパール語', 'タガログ語'];
const REQUEST_CATEGORIES = [
  '外出の付き添い',
  '話し相手',
  '家事の手伝い',
  '見守り',
  '子育て支援',
  '学習支援',
  '通訳・翻訳',
  '手続きの手伝い',
  'イベントの手伝い',
  'その他',
];
const CONSULTATION_CATEGORIES = [
  '生活困窮',
  '8050',
  'ひきこもり',
  'ヤングケアラー',
  '外国にルーツ',
  '介護',
  '障害',
  '子育て',
  'その他',
];

const oneOf = (v: CellValue, values: readonly CellValue[]): boolean => values.includes(v);
const nonEmptyText = (v: CellValue): boolean => typeof v === 'string' && v.trim() !== '';
const multiOf = (v: CellValue, values: readonly string[], allowEmpty = true): boolean =>
  typeof v === 'string' && (v === '' ? allowEmpty : splitMulti(v).every((x) => values.includes(x)));
const wholeIn = (v: CellValue, min: number, max: number): boolean =>
  typeof v === 'number' && Number.isInteger(v) && v >= min && v <= max;

/** What a clean cell of each column looks like; `row` gives the other cells of the same row. */
export type CleanRules = Record<string, (v: CellValue, row: Row) => boolean>;

export interface RuleContext {
  areas: DemoArea[];
  today: string;
  fiscalYears: number[];
  volunteerIds: Set<string>;
  requestIds: Set<string>;
}

function inArea(ctx: RuleContext, row: Row): DemoArea | undefined {
  return ctx.areas.find((a) => a.name === row['圏域']);
}

const isDate =
  (ctx: RuleContext) =>
  (v: CellValue): boolean =>
    v instanceof Date && isTokyoMidnight(v) && tokyoIso(v) <= ctx.today;

export function cleanRules(kind: DemoSheetKind, ctx: RuleContext): CleanRules {
  const date = isDate(ctx);
  switch (kind) {
    case 'volunteers':
      return {
        登録番号: (v) => typeof v === 'string' && /^V-\d{4,}$/.test(v),
        氏名: nonEmptyText,
        フリガナ: (v) => typeof v === 'string' && KATAKANA_RE.test(v),
        生年月日: (v, row) => (row['種別'] === '団体' ? v === '' : date(v)),
        性別: (v) => oneOf(v, ['', '女性', '男性']),
        郵便番号: (v) => typeof v === 'string' && /^(188|202)-\d{4}$/.test(v),
        住所: (v, row) =>
          typeof v === 'string' && (inArea(ctx, row)?.towns.some((t) => v.startsWith(`西東京市${t}`)) ?? false),
        圏域: (_v, row) => inArea(ctx, row) !== undefined,
        地区: (v, row) => inArea(ctx, row)?.districts.includes(String(v)) ?? false,
        電話番号: isCleanPhone,
        メール: (v) =>
          v === '' || (typeof v === 'string' && /^[a-z0-9._]+@example\.(com|org|jp|ne\.jp|co\.jp)$/.test(v)),
        種別: (v) => oneOf(v, ['個人', '団体']),
        活動分野: (v) => multiOf(v, FIELDS, false),
        '資格・特技': (v) => multiOf(v, SKILLS),
        対応言語: (v) => multiOf(v, LANGUAGES, false) && splitMulti(v).includes('日本語'),
        活動可能日時: (v) => typeof v === 'string' && v !== '' && splitMulti(v).every((s) => SLOT_RE.test(s)),
        月間上限: (v) => v === '' || wholeIn(v, 1, 6),
        // Never before the year of registration (when 登録日 itself is readable).
        保険加入年度: (v, row) =>
          v === '' ||
          wholeIn(
            v,
            row['登録日'] instanceof Date ? fiscalYearOfIso(tokyoIso(row['登録日'])) : 2000,
            ctx.fiscalYears[2] as number,
          ),
        個人情報同意: (v) => oneOf(v, ['はい', 'いいえ', '']),
        状態: (v) => oneOf(v, ['活動中', '休止', '退会']),
        登録日: date,
        備考: (v) => typeof v === 'string',
      };
    case 'requests':
      return {
        依頼番号: (v) => typeof v === 'string' && /^R-\d{4,}$/.test(v),
        受付日: date,
        依頼者種別: (v) => oneOf(v, ['個人', '施設', '団体']),
        依頼者: nonEmptyText,
        圏域: (_v, row) => inArea(ctx, row) !== undefined,
        地区: (v, row) => inArea(ctx, row)?.districts.includes(String(v)) ?? false,
        内容区分: (v) => oneOf(v, REQUEST_CATEGORIES),
        '必要な資格・特技': (v) => multiOf(v, SKILLS),
        対応言語: (v) => v === '' || oneOf(v, LANGUAGES),
        希望日時: (v) => typeof v === 'string' && v !== '' && splitMulti(v).every((s) => SLOT_RE.test(s)),
        頻度: (v) => oneOf(v, ['単発', '毎週', '隔週', '毎月']),
        必要人数: (v) => v === '' || wholeIn(v, 1, 3),
        性別希望: (v) => oneOf(v, ['', '女性', '男性']),
        在宅対応可: (v) => oneOf(v, ['はい', 'いいえ']),
        状態: (v) => oneOf(v, ['受付', '調整中', '紹介済', '活動中', '終了', '不成立']),
        担当ボランティア: (v, row) =>
          ['紹介済', '活動中', '終了'].includes(String(row['状態']))
            ? v !== '' && splitMulti(v).every((id) => ctx.volunteerIds.has(id))
            : v === '',
        担当職員: nonEmptyText,
        不成立理由: (v, row) => (row['状態'] === '不成立' ? nonEmptyText(v) : v === ''),
      };
    case 'donations':
      return {
        領収書番号: (v) => typeof v === 'string' && /^R\d+-\d{4}$/.test(v),
        受領日: (v, row) =>
          date(v) &&
          fiscalYearOfIso(tokyoIso(v as Date)) === 2018 + Number(/^R(\d+)-/.exec(String(row['領収書番号']))?.[1]),
        寄付者番号: (v, row) =>
          row['寄付者種別'] === '匿名' ? v === '' : typeof v === 'string' && /^D-\d{4}$/.test(v),
        寄付者名: nonEmptyText,
        寄付者種別: (v) => oneOf(v, ['個人', '法人', '団体', '匿名']),
        住所: (v, row) => (row['寄付者種別'] === '匿名' ? v === '' : nonEmptyText(v)),
        区分: (v) => oneOf(v, ['一般寄付', '指定寄付', '物品寄付']),
        指定先: (v, row) => (row['区分'] === '指定寄付' ? nonEmptyText(v) : v === ''),
        金額: (v) => wholeIn(v, 1, 10_000_000),
        入金方法: (v, row) => (row['区分'] === '物品寄付' ? v === '' : oneOf(v, ['現金', '振込', '口座振替'])),
        領収書: (v) => oneOf(v, ['未発行', '発行済', '無効']),
        氏名公表: (v, row) => oneOf(v, row['寄付者種別'] === '匿名' ? ['不可'] : ['可', '不可']),
        備考: (v) => typeof v === 'string',
      };
    case 'memberships': {
      const prices: Record<string, number> = { 普通会員: 500, 賛助会員: 1000, 法人会員: 10000, 特別会員: 3000 };
      const branches = ctx.areas.map((a) => `${a.name.replace(/圏域$/, '')}支部`);
      return {
        会員番号: (v) => typeof v === 'string' && /^M-\d{4}$/.test(v),
        '氏名・団体名': nonEmptyText,
        会員種別: (v) => String(v) in prices,
        口数: (v) => wholeIn(v, 1, 10),
        単価: (v, row) => v === prices[String(row['会員種別'])],
        金額: (v, row) => typeof v === 'number' && v === (row['口数'] as number) * (row['単価'] as number),
        年度: (v) => ctx.fiscalYears.includes(v as number),
        支部: (v) => branches.includes(String(v)),
        納入日: (v, row) => date(v) && fiscalYearOfIso(tokyoIso(v as Date)) === row['年度'],
        入金方法: (v) => oneOf(v, ['現金', '振込', '口座振替']),
      };
    }
    case 'activities':
      return {
        日付: (v) => date(v) && (ctx.fiscalYears as number[]).includes(fiscalYearOfIso(tokyoIso(v as Date))),
        事業: (v) => oneOf(v, ['ほっとネット', 'ふれまち', 'りんく', 'ボラセン']),
        活動種別: (v) =>
          oneOf(v, ['居場所', 'サロン', '見守り訪問', '助け合い活動', '住民懇談会', '講座', 'イベント', '情報発信']),
        圏域: (_v, row) => inArea(ctx, row) !== undefined,
        登録番号: (v) => v === '' || ctx.volunteerIds.has(String(v)),
        依頼番号: (v) => v === '' || ctx.requestIds.has(String(v)),
        参加者数: (v, row) => (row['活動種別'] === '情報発信' ? v === '' : wholeIn(v, 1, 1000)),
        活動時間: (v) => typeof v === 'number' && v > 0 && v <= 8 && Number.isInteger(v * 2),
        多世代: (v) => oneOf(v, ['はい', 'いいえ']),
        備考: (v) => typeof v === 'string',
      };
    case 'consultations':
      return {
        受付日: (v) => date(v) && (ctx.fiscalYears as number[]).includes(fiscalYearOfIso(tokyoIso(v as Date))),
        圏域: (_v, row) => inArea(ctx, row) !== undefined,
        経路: (v) => oneOf(v, ['来所', '電話', '訪問', 'メール', 'その他']),
        相談分類: (v) => multiOf(v, CONSULTATION_CATEGORIES, false),
        対応状況: (v) => oneOf(v, ['継続', '解決', 'つなぎ']),
        つなぎ先: (v, row) => (row['対応状況'] === 'つなぎ' ? nonEmptyText(v) : v === ''),
      };
  }
}

export function ruleContext(book: DemoBook, areas: DemoArea[], today: string): RuleContext {
  const fy = fiscalYearOfIso(today);
  return {
    areas,
    today,
    fiscalYears: [fy - 2, fy - 1, fy],
    volunteerIds: new Set(rowsOf(sheetOf(book, 'volunteers')).map((r) => String(r['登録番号']))),
    requestIds: new Set(rowsOf(sheetOf(book, 'requests')).map((r) => String(r['依頼番号']))),
  };
}
