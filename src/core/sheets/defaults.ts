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
    ['基本目標1', '誰もがつながり・集い・地域の力になる', '', '', '', '指標サマリーと報告書の見出し'],
    ['基本目標2', '地域みんなで発見・なんでも受け止め・解決する', '', '', '', ''],
    ['基本目標3', '誰にでも必要な情報が届く仕組みをつくる', '', '', '', ''],
    ['基本目標4', '西東京市スタイル2.0を支える頼れる社協になる', '', '', '', ''],
    ['評価A', '目標達成', '', '', '', '達成率が「評価Aの基準」以上'],
    ['評価B', '概ね達成', '', '', '', '達成率が「評価Bの基準」以上'],
    ['評価C', '基準値より改善だが80%未満', '', '', '', '基準値より悪くはないが評価Bに届かない'],
    ['評価D', '基準値より悪化', '', '', '', '基準値より悪い（許容幅を超えて）'],
    ['評価Aの基準', 100, '', '', '', '達成率（%）。達成率は基準値から目標までの進み具合'],
    ['評価Bの基準', 80, '', '', '', '達成率（%）'],
  ];
}

/** Fiscal years the default 指標定義 has a 目標 column for: the plan period FY2024–FY2028. */
export const DEFAULT_TARGET_YEARS: readonly number[] = [2024, 2025, 2026, 2027, 2028];

/** The header of a 指標定義 sheet: the spec columns, then 目標2024 … 目標2028. defaultIndicatorRows() follows it. */
export function defaultIndicatorHeader(): string[] {
  return SHEET_SPECS.indicators.columns.map((c) => c.header).concat(DEFAULT_TARGET_YEARS.map((y) => `目標${y}`));
}

/** One default indicator, by 指標定義 column key; defaultIndicatorRows() lays them out in spec order. */
interface DefaultIndicator {
  readonly indicatorId: string;
  readonly goal: number;
  readonly initiative: string;
  readonly name: string;
  readonly unit: string;
  readonly source: string;
  readonly method?: string;
  readonly column?: string;
  readonly condition?: string;
  readonly denominator?: string;
  readonly dateColumn?: string;
  readonly baseline: number;
  readonly direction: string;
  readonly tolerance?: number;
  readonly suppress: 'はい' | 'いいえ';
  /** 目標2024 … 目標2028. */
  readonly targets: readonly number[];
}

/**
 * The plan's four basic goals with their 主な取り組み. The IDs are stable: PDCA notes, 年度確定
 * snapshots and the 住民意識調査 questions (G3-2 社協の認知度, G3-3 情報の入手方法) refer to
 * them (docs/summary.md). Baselines are FY2023 and targets are sized to a council of the demo
 * workbook's scale (300 volunteers, about 1,100 activities and 1,200 consultations a year).
 */
const INDICATORS: readonly DefaultIndicator[] = [
  // ── 基本目標1 誰もがつながり・集い・地域の力になる ──
  {
    indicatorId: 'G1-1',
    goal: 1,
    initiative: 'ボランティア活動の推進',
    name: '活動したボランティアの人数',
    unit: '人',
    source: '活動記録',
    method: '人数',
    column: '登録番号',
    baseline: 110,
    direction: '増加',
    suppress: 'はい',
    targets: [120, 125, 130, 135, 140],
  },
  {
    indicatorId: 'G1-2',
    goal: 1,
    initiative: 'ボランティア活動の推進',
    name: '新たに登録したボランティアの人数',
    unit: '人',
    source: 'ボランティア名簿',
    method: '件数',
    baseline: 34,
    direction: '増加',
    suppress: 'はい',
    targets: [38, 40, 42, 44, 46],
  },
  {
    indicatorId: 'G1-3',
    goal: 1,
    initiative: 'ボランティア活動の推進',
    name: '活動中のボランティア登録者数（集計時点）',
    unit: '人',
    source: 'ボランティア名簿',
    method: '件数',
    condition: '状態=活動中',
    dateColumn: '現在',
    baseline: 200,
    direction: '増加',
    suppress: 'はい',
    targets: [205, 210, 215, 220, 225],
  },
  {
    indicatorId: 'G1-4',
    goal: 1,
    initiative: '居場所・サロンづくり',
    name: '居場所・サロンの開催回数',
    unit: '回',
    source: '活動記録',
    method: '件数',
    condition: '活動種別=居場所、サロン',
    baseline: 150,
    direction: '増加',
    suppress: 'いいえ',
    targets: [160, 165, 170, 175, 180],
  },
  {
    indicatorId: 'G1-5',
    goal: 1,
    initiative: '居場所・サロンづくり',
    name: '居場所・サロンの参加者数（延べ）',
    unit: '人',
    source: '活動記録',
    method: '合計',
    column: '参加者数',
    condition: '活動種別=居場所、サロン',
    baseline: 3000,
    direction: '増加',
    suppress: 'はい',
    targets: [3150, 3250, 3350, 3450, 3550],
  },
  {
    indicatorId: 'G1-6',
    goal: 1,
    initiative: '多世代交流',
    name: '多世代が参加した活動の回数',
    unit: '回',
    source: '活動記録',
    method: '件数',
    condition: '多世代=はい',
    baseline: 48,
    direction: '増加',
    suppress: 'いいえ',
    targets: [52, 55, 58, 61, 64],
  },
  // ── 基本目標2 地域みんなで発見・なんでも受け止め・解決する ──
  {
    indicatorId: 'G2-1',
    goal: 2,
    initiative: 'なんでも受け止める相談',
    name: '相談件数',
    unit: '件',
    source: '相談記録',
    method: '件数',
    baseline: 1150,
    direction: '増加',
    suppress: 'はい',
    targets: [1200, 1240, 1280, 1320, 1360],
  },
  {
    indicatorId: 'G2-2',
    goal: 2,
    initiative: '8050問題への対応',
    name: '8050問題の相談件数',
    unit: '件',
    source: '相談記録',
    method: '件数',
    condition: '相談分類に8050を含む',
    baseline: 100,
    direction: '増加',
    suppress: 'はい',
    targets: [105, 110, 115, 120, 125],
  },
  {
    indicatorId: 'G2-3',
    goal: 2,
    initiative: 'ひきこもりへの支援',
    name: 'ひきこもりの相談件数',
    unit: '件',
    source: '相談記録',
    method: '件数',
    condition: '相談分類にひきこもりを含む',
    baseline: 100,
    direction: '増加',
    suppress: 'はい',
    targets: [105, 110, 115, 120, 125],
  },
  {
    indicatorId: 'G2-4',
    goal: 2,
    initiative: 'ヤングケアラーへの支援',
    name: 'ヤングケアラーの相談件数',
    unit: '件',
    source: '相談記録',
    method: '件数',
    condition: '相談分類にヤングケアラーを含む',
    baseline: 30,
    direction: '増加',
    suppress: 'はい',
    targets: [33, 36, 39, 42, 45],
  },
  {
    indicatorId: 'G2-5',
    goal: 2,
    initiative: '外国にルーツのある人への支援',
    name: '外国にルーツのある人の相談件数',
    unit: '件',
    source: '相談記録',
    method: '件数',
    condition: '相談分類に外国にルーツを含む',
    baseline: 110,
    direction: '増加',
    suppress: 'はい',
    targets: [120, 130, 140, 150, 160],
  },
  {
    indicatorId: 'G2-6',
    goal: 2,
    initiative: '関係機関へのつなぎ・解決',
    name: '解決または関係機関につないだ相談の割合',
    unit: '%',
    source: '相談記録',
    method: '割合',
    column: '対応状況',
    condition: '対応状況=解決、つなぎ',
    baseline: 78,
    direction: '増加',
    tolerance: 1,
    suppress: 'はい',
    targets: [78, 79, 80, 81, 82],
  },
  {
    indicatorId: 'G2-7',
    goal: 2,
    initiative: '住民懇談会',
    name: '住民懇談会の開催回数',
    unit: '回',
    source: '活動記録',
    method: '件数',
    condition: '活動種別=住民懇談会',
    baseline: 20,
    direction: '増加',
    suppress: 'いいえ',
    targets: [22, 24, 26, 28, 30],
  },
  {
    indicatorId: 'G2-8',
    goal: 2,
    initiative: '見守り（りんく）',
    name: '見守り訪問の回数',
    unit: '回',
    source: '活動記録',
    method: '件数',
    condition: '事業=りんく かつ 活動種別=見守り訪問',
    baseline: 540,
    direction: '増加',
    suppress: 'いいえ',
    targets: [570, 600, 630, 660, 690],
  },
  // ── 基本目標3 誰にでも必要な情報が届く仕組みをつくる ──
  {
    indicatorId: 'G3-1',
    goal: 3,
    initiative: '情報発信',
    name: '情報発信の回数',
    unit: '回',
    source: '活動記録',
    method: '件数',
    condition: '活動種別=情報発信',
    baseline: 48,
    direction: '増加',
    suppress: 'いいえ',
    targets: [52, 58, 62, 66, 70],
  },
  {
    indicatorId: 'G3-2',
    goal: 3,
    initiative: '社協の認知度向上',
    name: '社協を知っている住民の割合（住民意識調査）',
    unit: '%',
    source: 'アンケート回答',
    method: '割合',
    column: '社協の認知度',
    condition: '社協の認知度≠知らない',
    baseline: 45,
    direction: '増加',
    tolerance: 3,
    suppress: 'はい',
    targets: [48, 51, 54, 57, 60],
  },
  {
    indicatorId: 'G3-3',
    goal: 3,
    initiative: 'SNSによる双方向の発信',
    name: 'SNSで社協の情報を得ている住民の割合（住民意識調査）',
    unit: '%',
    source: 'アンケート回答',
    method: '割合',
    column: '情報の入手方法',
    condition: '情報の入手方法にSNSを含む',
    baseline: 12,
    direction: '増加',
    tolerance: 3,
    suppress: 'はい',
    targets: [15, 18, 21, 24, 27],
  },
  // ── 基本目標4 西東京市スタイル2.0を支える頼れる社協になる ──
  {
    indicatorId: 'G4-1',
    goal: 4,
    initiative: '会員の拡大',
    name: '会員数',
    unit: '人',
    source: '会費台帳',
    method: '人数',
    column: '会員番号',
    baseline: 2050,
    direction: '増加',
    suppress: 'はい',
    targets: [2080, 2120, 2160, 2200, 2240],
  },
  {
    indicatorId: 'G4-2',
    goal: 4,
    initiative: '会費による財源の確保',
    name: '会費収入',
    unit: '円',
    source: '会費台帳',
    method: '合計',
    column: '金額',
    baseline: 4100000,
    direction: '増加',
    suppress: 'いいえ',
    targets: [4200000, 4300000, 4400000, 4500000, 4600000],
  },
  {
    indicatorId: 'G4-3',
    goal: 4,
    initiative: '寄付による財源の確保',
    name: '一般寄付の金額',
    unit: '円',
    source: '寄付台帳',
    method: '合計',
    column: '金額',
    condition: '区分=一般寄付',
    baseline: 2000000,
    direction: '増加',
    suppress: 'いいえ',
    targets: [2100000, 2200000, 2300000, 2400000, 2500000],
  },
  {
    indicatorId: 'G4-4',
    goal: 4,
    initiative: '寄付による財源の確保',
    name: '指定寄付の金額',
    unit: '円',
    source: '寄付台帳',
    method: '合計',
    column: '金額',
    condition: '区分=指定寄付',
    baseline: 1900000,
    direction: '増加',
    suppress: 'いいえ',
    targets: [2000000, 2100000, 2200000, 2300000, 2400000],
  },
  {
    indicatorId: 'G4-5',
    goal: 4,
    initiative: '寄付による財源の確保',
    name: '物品寄付の件数',
    unit: '件',
    source: '寄付台帳',
    method: '件数',
    condition: '区分=物品寄付',
    baseline: 15,
    direction: '増加',
    suppress: 'いいえ',
    targets: [16, 17, 18, 19, 20],
  },
  {
    indicatorId: 'G4-6',
    goal: 4,
    initiative: '職員の育成',
    name: '職員研修の受講者数（延べ）',
    unit: '人',
    source: '手入力',
    baseline: 40,
    direction: '増加',
    suppress: 'いいえ',
    targets: [45, 50, 55, 60, 65],
  },
  {
    indicatorId: 'G4-7',
    goal: 4,
    initiative: 'SNSとアナログの両方での発信',
    name: '広報紙の発行回数',
    unit: '回',
    source: '手入力',
    baseline: 6,
    direction: '維持',
    suppress: 'いいえ',
    targets: [6, 6, 6, 6, 6],
  },
];

/**
 * The data rows of a default 指標定義 sheet, in the column order of defaultIndicatorHeader():
 * indicators for each of the plan's four basic goals and their 主な取り組み, with a baseline
 * (FY2023) and targets for FY2024–FY2028. The numbers are illustrative.
 */
export function defaultIndicatorRows(): DefaultCell[][] {
  return INDICATORS.map((d) => {
    const fields = d as unknown as Readonly<Record<string, string | number | undefined>>;
    const row: DefaultCell[] = SHEET_SPECS.indicators.columns.map((c) => fields[c.key] ?? '');
    return row.concat(d.targets);
  });
}
