/** Defines the default 設定 and 指標定義 rows Tsunagu writes into a new workbook (a Nishitokyo-like, fictionalised city). */
import { SHEET_SPECS } from './specs';

/** A cell Tsunagu writes: text or a number. */
export type DefaultCell = string | number;

/** The header of a 設定 sheet, in spec order; defaultSettingsRows() follows it. */
export function defaultSettingsHeader(): string[] {
  return SHEET_SPECS.settings.columns.map((c) => c.header);
}

/**
 * The data rows of a default 設定 sheet, in the column order of defaultSettingsHeader()
 * (項目, 値, 地区, 町名, 隣接圏域, 備考). Four 圏域 with plausible 地区 and 町名, their
 * adjacency, April fiscal years, 秘匿基準 10, 履歴保存日数 30 and the lists the other sheets draw values from.
 * parseSettings also reads these rows without the header (columns A–F are assumed).
 */
export function defaultSettingsRows(): DefaultCell[][] {
  return [
    // No sample name: a name shown at the top of the sidebar must be the council's own.
    ['団体名', '', '', '', '', '団体名を値の列に書いてください（サイドバーの上に表示されます）'],
    ['年度開始月', 4, '', '', '', '4 = 4月1日から翌年3月31日までを1年度とします'],
    ['秘匿基準', 10, '', '', '', 'この人数未満の集計は表示しません（3未満にはできません）'],
    [
      '履歴保存日数',
      30,
      '',
      '',
      '',
      '元に戻すための記録（直す前の氏名・電話番号など）をこの日数だけ残し、過ぎたものは次の操作で消します',
    ],
    [
      '圏域',
      '北東部',
      'ひばりが丘地区、栄町地区、住吉町地区',
      'ひばりが丘、ひばりが丘北、北町、栄町、下保谷、住吉町',
      '北西部、中部',
      '',
    ],
    ['圏域', '北西部', '谷戸地区、芝久保地区、西原地区', '谷戸町、緑町、北原町、西原町、芝久保町', '中部、南部', ''],
    ['圏域', '中部', '田無地区、保谷地区、東町地区', '田無町、南町、中町、泉町、保谷町、東町', '南部', ''],
    ['圏域', '南部', '向台地区、柳沢地区、東伏見地区', '向台町、新町、柳沢、東伏見、富士町', '', ''],
    [
      '内容区分',
      '外出の付き添い、話し相手、家事の手伝い、見守り、子育て支援、学習支援、通訳・翻訳、手続きの手伝い、イベントの手伝い、その他',
      '',
      '',
      '',
      '依頼の内容区分',
    ],
    [
      '活動分野',
      '高齢者、障害のある人、子ども・子育て、外国にルーツのある人、地域の居場所、災害支援、環境・まちづくり、その他',
      '',
      '',
      '',
      'ボランティアの活動分野',
    ],
    [
      '資格・特技',
      '介護福祉士、介護職員初任者研修、看護師、保育士、手話、点訳、音訳、要約筆記、運転、調理、傾聴、パソコン・スマホ、外国語',
      '',
      '',
      '',
      '',
    ],
    ['対応言語', '日本語、やさしい日本語、英語、中国語、韓国語、ベトナム語、ネパール語、タガログ語', '', '', '', ''],
    ['入金方法', '現金、振込、口座振替、郵便振替', '', '', '', '寄付台帳・会費台帳の入金方法'],
    ['支部', '北東部支部、北西部支部、中部支部、南部支部', '', '', '', '会費台帳の支部'],
  ];
}

/** Fiscal years the default 指標定義 has a 目標 column for: the plan period FY2024–FY2028. */
export const DEFAULT_TARGET_YEARS: readonly number[] = [2024, 2025, 2026, 2027, 2028];

/** The header of a 指標定義 sheet: the spec columns, then 目標2024 … 目標2028. defaultIndicatorRows() follows it. */
export function defaultIndicatorHeader(): string[] {
  return SHEET_SPECS.indicators.columns.map((c) => c.header).concat(DEFAULT_TARGET_YEARS.map((y) => `目標${y}`));
}

type IndicatorRow = [
  id: string,
  goal: number,
  initiative: string,
  name: string,
  unit: string,
  source: string,
  method: string,
  column: string,
  condition: string,
  baseline: number,
  direction: string,
  suppress: string,
  targets: number[],
];

/**
 * 条件 is written '列名=値' with several values separated by 、 (any of them matches) and
 * several conditions on separate lines (all must hold). 割合 is the share (%) of the source
 * rows that meet 条件; 人数 counts distinct values of 対象列; 件数 counts rows.
 */
const INDICATORS: readonly IndicatorRow[] = [
  [
    'G1-1',
    1,
    '居場所・サロンづくり',
    '居場所・サロンの参加者数',
    '人',
    '活動記録',
    '合計',
    '参加者数',
    '活動種別=居場所、サロン',
    3200,
    '増加',
    'はい',
    [3300, 3400, 3500, 3600, 3700],
  ],
  [
    'G1-2',
    1,
    'ボランティア活動の推進',
    'ボランティア登録者数（活動中）',
    '人',
    'ボランティア名簿',
    '人数',
    '登録番号',
    '状態=活動中',
    820,
    '増加',
    'はい',
    [840, 860, 880, 900, 920],
  ],
  [
    'G1-3',
    1,
    '多世代交流',
    '多世代が参加した活動の回数',
    '回',
    '活動記録',
    '件数',
    '',
    '多世代=はい',
    45,
    '増加',
    'いいえ',
    [50, 55, 60, 65, 70],
  ],
  [
    'G2-1',
    2,
    'なんでも受け止める相談',
    '相談件数',
    '件',
    '相談記録',
    '件数',
    '',
    '',
    1150,
    '増加',
    'はい',
    [1200, 1250, 1300, 1350, 1400],
  ],
  [
    'G2-2',
    2,
    '関係機関へのつなぎ',
    'つなぎの割合',
    '%',
    '相談記録',
    '割合',
    '対応状況',
    '対応状況=つなぎ',
    18,
    '増加',
    'はい',
    [20, 22, 24, 26, 28],
  ],
  [
    'G2-3',
    2,
    '助け合い活動',
    '依頼の成立件数',
    '件',
    '依頼',
    '件数',
    '',
    '状態=紹介済、活動中、終了',
    260,
    '増加',
    'はい',
    [270, 280, 290, 300, 310],
  ],
  [
    'G2-4',
    2,
    '見守り（りんく）',
    '見守り訪問の回数',
    '回',
    '活動記録',
    '件数',
    '',
    '事業=りんく\n活動種別=見守り訪問',
    600,
    '増加',
    'はい',
    [620, 640, 660, 680, 700],
  ],
  [
    'G3-1',
    3,
    '情報発信',
    '情報発信の回数',
    '回',
    '活動記録',
    '件数',
    '',
    '活動種別=情報発信',
    48,
    '増加',
    'いいえ',
    [52, 56, 60, 64, 68],
  ],
  [
    'G3-2',
    3,
    '住民懇談会',
    '住民懇談会の開催回数',
    '回',
    '活動記録',
    '件数',
    '',
    '活動種別=住民懇談会',
    20,
    '増加',
    'いいえ',
    [22, 24, 26, 28, 30],
  ],
  [
    'G4-1',
    4,
    '寄付の推進',
    '寄付金額',
    '円',
    '寄付台帳',
    '合計',
    '金額',
    '区分=一般寄付、指定寄付',
    3500000,
    '増加',
    'いいえ',
    [3600000, 3700000, 3800000, 3900000, 4000000],
  ],
  [
    'G4-2',
    4,
    '会費の確保',
    '会費収入',
    '円',
    '会費台帳',
    '合計',
    '金額',
    '',
    4200000,
    '増加',
    'いいえ',
    [4250000, 4300000, 4350000, 4400000, 4450000],
  ],
  [
    'G4-3',
    4,
    '会員の拡大',
    '会員数',
    '人',
    '会費台帳',
    '人数',
    '会員番号',
    '',
    2100,
    '増加',
    'はい',
    [2150, 2200, 2250, 2300, 2350],
  ],
];

/**
 * The data rows of a default 指標定義 sheet, in the column order of defaultIndicatorHeader():
 * two to four indicators for each of the plan's four basic goals, with a baseline (FY2023)
 * and targets for FY2024–FY2028. The numbers are illustrative.
 */
export function defaultIndicatorRows(): DefaultCell[][] {
  return INDICATORS.map(
    ([id, goal, initiative, name, unit, source, method, column, condition, baseline, direction, suppress, targets]) => [
      id,
      goal,
      initiative,
      name,
      unit,
      source,
      method,
      column,
      condition,
      baseline,
      direction,
      suppress,
      ...targets,
    ],
  );
}
