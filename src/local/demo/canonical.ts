/** The canonical sheet names and headers of DESIGN.md's data contract for the six sheets the demo fills. */
import type { DemoSheetKind } from './types';

/**
 * A copy of the data contract rather than an import from core/sheets, so the demo does not depend
 * on another module's internals; the demo tests pin these to DESIGN.md word for word.
 */
export const DEMO_SHEET_SPECS = {
  volunteers: {
    name: 'ボランティア名簿',
    header: [
      '登録番号', '氏名', 'フリガナ', '生年月日', '性別', '郵便番号', '住所', '圏域', '地区', '電話番号', 'メール',
      '種別', '活動分野', '資格・特技', '対応言語', '活動可能日時', '月間上限', '保険加入年度', '個人情報同意', '状態',
      '登録日', '備考',
    ],
  },
  requests: {
    name: '依頼',
    header: [
      '依頼番号', '受付日', '依頼者種別', '依頼者', '圏域', '地区', '内容区分', '必要な資格・特技', '対応言語', '希望日時',
      '頻度', '必要人数', '性別希望', '在宅対応可', '状態', '担当ボランティア', '担当職員', '不成立理由',
    ],
  },
  donations: {
    name: '寄付台帳',
    header: [
      '領収書番号', '受領日', '寄付者番号', '寄付者名', '寄付者種別', '住所', '区分', '指定先', '金額', '入金方法', '領収書',
      '氏名公表', '備考',
    ],
  },
  memberships: {
    name: '会費台帳',
    header: ['会員番号', '氏名・団体名', '会員種別', '口数', '単価', '金額', '年度', '支部', '納入日', '入金方法'],
  },
  activities: {
    name: '活動記録',
    header: ['日付', '事業', '活動種別', '圏域', '登録番号', '依頼番号', '参加者数', '活動時間', '多世代', '備考'],
  },
  consultations: {
    name: '相談記録',
    header: ['受付日', '圏域', '経路', '相談分類', '対応状況', 'つなぎ先'],
  },
} as const satisfies Record<DemoSheetKind, { name: string; header: readonly string[] }>;

/** The order of the sheets in the demo book. */
export const DEMO_SHEET_ORDER: readonly DemoSheetKind[] = [
  'volunteers',
  'requests',
  'donations',
  'memberships',
  'activities',
  'consultations',
];
