/** Defines the fixed value lists of the data contract (DESIGN.md), one constant per column. */

export const VOLUNTEER_STATUSES = ['活動中', '休止', '退会'] as const;
export const VOLUNTEER_TYPES = ['個人', '団体'] as const;
export const REQUESTER_TYPES = ['個人', '施設', '団体'] as const;
export const REQUEST_FREQUENCIES = ['単発', '毎週', '隔週', '毎月'] as const;
export const REQUEST_STATUSES = ['受付', '調整中', '紹介済', '活動中', '終了', '不成立'] as const;
export const DONOR_TYPES = ['個人', '法人', '団体', '匿名'] as const;
export const DONATION_TYPES = ['一般寄付', '指定寄付', '物品寄付'] as const;
export const RECEIPT_STATES = ['未発行', '発行済', '無効'] as const;
export const PUBLISH_NAME = ['可', '不可'] as const;
export const MEMBER_TYPES = ['普通会員', '賛助会員', '法人会員', '特別会員'] as const;
export const PROGRAMS = ['ほっとネット', 'ふれまち', 'りんく', 'ボラセン'] as const;
export const ACTIVITY_TYPES = [
  '居場所',
  'サロン',
  '見守り訪問',
  '助け合い活動',
  '住民懇談会',
  '講座',
  'イベント',
  '情報発信',
] as const;
export const CONSULTATION_ROUTES = ['来所', '電話', '訪問', 'メール', 'その他'] as const;
export const CONSULTATION_CATEGORIES = [
  '生活困窮',
  '8050',
  'ひきこもり',
  'ヤングケアラー',
  '外国にルーツ',
  '介護',
  '障害',
  '子育て',
  'その他',
] as const;
export const CONSULTATION_STATES = ['継続', '解決', 'つなぎ'] as const;
export const BASIC_GOALS = ['1', '2', '3', '4'] as const;
export const AGGREGATIONS = ['件数', '合計', '人数', '平均', '割合'] as const;
/** 方向 of an indicator: more is better, less is better, or staying at the target is (docs/summary.md). */
export const DIRECTIONS = ['増加', '減少', '維持'] as const;
/** 種類 of a question row in アンケート定義 (docs/forms.md). */
export const QUESTION_TYPES = [
  '短文',
  '段落',
  '単一選択',
  '複数選択',
  'プルダウン',
  '均等目盛',
  '選択式グリッド',
  'チェックボックスグリッド',
  '日付',
  '時刻',
] as const;
/** 種類 of a row that sets something for the whole form: its 設問 (and 設問[xx]) cells hold the text. */
export const SURVEY_SETTING_TYPES = [
  'タイトル',
  'フォームの説明',
  '確認メッセージ',
  '個人情報の取扱い',
  '取り込み先',
] as const;
/** Every 種類 an アンケート定義 row may have: questions, セクション (a page), and the form settings. */
export const SURVEY_ROW_TYPES = [...QUESTION_TYPES, 'セクション', ...SURVEY_SETTING_TYPES] as const;
/**
 * 集計元 of 指標定義 names a data sheet by its canonical name: the six ledgers, the registration
 * form's answers, the survey answers Tsunagu brings back, or 手入力 (staff type the 実績).
 */
export const INDICATOR_SOURCES = [
  'ボランティア名簿',
  '依頼',
  '寄付台帳',
  '会費台帳',
  '活動記録',
  '相談記録',
  'フォームの回答',
  'アンケート回答',
  '手入力',
] as const;
