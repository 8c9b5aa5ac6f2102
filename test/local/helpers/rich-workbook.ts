// A staff workbook as Excel users keep it, built by code: merged title, header on row 3, borders,
// theme fills, 和暦 dates, links, rich text, conditional formats, names, protection, hidden rows and
// columns, row heights — and a requests sheet so that matching has something to do.
import ExcelJS from 'exceljs';

export const WAREKI_FORMAT = '[$-ja-JP-x-gannen]ggge"年"m"月"d"日";@';

const thin = { style: 'thin' as const, color: { argb: 'FF7F7F7F' } };
const BORDER: Partial<ExcelJS.Borders> = { top: thin, left: thin, bottom: thin, right: thin };

/** A date as exceljs writes it: the Tokyo wall-clock day as a UTC instant. */
function day(y: number, m: number, d: number): Date {
  return new Date(Date.UTC(y, m - 1, d));
}

const ROSTER_HEADER = [
  '登録番号',
  '氏名',
  'フリガナ',
  '生年月日',
  '電話番号',
  'メール',
  '圏域',
  '地区',
  '活動分野',
  '資格・特技',
  '活動可能日時',
  '保険加入年度',
  '個人情報同意',
  '状態',
  '備考',
];

/** Rows 4–9; row 5's phone has full-width digits and row 6's furigana is in hiragana (safe fixes). */
const VOLUNTEERS: unknown[][] = [
  ['V001', '山田 花子', 'ヤマダ ハナコ', day(1950, 5, 1), '042-461-1111', 'hanako@example.org', '中部', '田無地区', '高齢者', '傾聴', '月午前、水午後', 2024, 'はい', '活動中'],
  ['V002', '佐藤 一郎', 'サトウ イチロウ', day(1962, 8, 15), '０４２-４６１-２２２２', 'ichiro@example.org', '中部', '田無地区', '高齢者', '運転', '月午前、金午後', 2024, 'はい', '活動中'],
  ['V003', '鈴木 次郎', 'すずき じろう', day(2019, 5, 1), '042-461-3333', 'jiro@example.org', '南部', '向台地区', '子ども・子育て', '保育士', '火午前', 2024, 'はい', '活動中'],
  ['V004', '高橋 美咲', 'タカハシ ミサキ', day(1989, 1, 8), '042-461-4444', 'misaki@example.org', '中部', '保谷地区', '高齢者', '傾聴', '月午前', 2024, 'はい', '活動中'],
  ['V005', '田中 三郎', 'タナカ サブロウ', day(1945, 3, 3), '042-461-5555', 'saburo@example.org', '北東部', '栄町地区', '高齢者', '調理', '木午後', 2024, 'はい', '休止'],
  ['V006', '伊藤 さくら', 'イトウ サクラ', day(1971, 12, 24), '042-461-6666', 'sakura@example.org', '中部', '田無地区', '高齢者', '傾聴', '月午前', 2024, 'はい', '活動中'],
]; // prettier-ignore

const REQUEST_HEADER = [
  '依頼番号',
  '受付日',
  '依頼者種別',
  '依頼者',
  '圏域',
  '地区',
  '内容区分',
  '必要な資格・特技',
  '希望日時',
  '必要人数',
  '在宅対応可',
  '状態',
  '担当ボランティア',
  '担当職員',
];

const REQUESTS: unknown[][] = [
  ['R001', day(2024, 4, 2), '個人', '木村様', '中部', '田無地区', '話し相手', '傾聴', '月午前', 1, 'いいえ', '受付', '', '職員A'],
  ['R002', day(2024, 4, 3), '個人', '林様', '中部', '田無地区', '外出の付き添い', '運転', '金午後', 1, 'いいえ', '受付', '', '職員B'],
  ['R003', day(2024, 4, 5), '施設', 'みどり園', '南部', '向台地区', '見守り', '', '火午前', 2, 'いいえ', '受付', '', '職員A'],
]; // prettier-ignore

/** The workbook; every part a save must keep is on it. */
export function richWorkbook(): ExcelJS.Workbook {
  const wb = new ExcelJS.Workbook();
  wb.title = '職員のブック';

  const ws = wb.addWorksheet('ボランティア名簿', {
    views: [{ state: 'frozen', ySplit: 3, xSplit: 2, showGridLines: false, zoomScale: 90 }],
    properties: { tabColor: { argb: 'FF4F81BD' } },
  });
  ws.mergeCells('A1:H1');
  const title = ws.getCell('A1');
  title.value = '令和6年度 ボランティア登録名簿';
  title.font = { name: 'ＭＳ ゴシック', size: 16, bold: true, color: { theme: 1 } };
  title.alignment = { horizontal: 'center', vertical: 'middle' };
  ws.getRow(1).height = 30;
  ws.getCell('A2').value = {
    richText: [
      { text: '更新日 ', font: { italic: true } },
      { text: '令和6年4月1日', font: { bold: true, color: { argb: 'FFC00000' } } },
    ],
  };
  ws.getRow(3).values = ROSTER_HEADER;
  ws.getRow(3).height = 24;
  ws.getRow(3).eachCell((cell) => {
    cell.font = { name: 'Meiryo UI', size: 10, bold: true };
    cell.fill = {
      type: 'pattern',
      pattern: 'solid',
      fgColor: { theme: 4, tint: 0.5999938962981048 } as Partial<ExcelJS.Color>,
    };
    cell.alignment = { horizontal: 'center', vertical: 'middle', wrapText: true };
    cell.border = BORDER;
  });
  VOLUNTEERS.forEach((values, i) => {
    const row = ws.getRow(4 + i);
    row.values = values as ExcelJS.CellValue[];
    row.height = i % 2 === 0 ? 18 : 21;
    for (let c = 1; c <= ROSTER_HEADER.length; c += 1) {
      const cell = row.getCell(c);
      cell.border = BORDER;
      cell.font = { name: 'Meiryo UI', size: 10 };
      cell.alignment = { vertical: 'middle', shrinkToFit: c === 2 };
    }
    row.getCell(4).numFmt = WAREKI_FORMAT;
    // A light theme fill where 検証 will put its marks (保険加入年度 has lapsed for everyone).
    row.getCell(12).fill = {
      type: 'pattern',
      pattern: 'solid',
      fgColor: { theme: 9, tint: 0.7999816888943144 } as Partial<ExcelJS.Color>,
    };
    row.getCell(5).numFmt = '@';
    row.getCell(6).value = { text: values[5] as string, hyperlink: `mailto:${values[5] as string}` };
    row.getCell(6).font = { name: 'Meiryo UI', size: 10, underline: true, color: { theme: 10 } };
  });
  ws.getCell('O4').value = {
    richText: [{ text: '要配慮 ', font: { bold: true, color: { argb: 'FFFF0000' } } }, { text: '朝は電話不可' }],
  };
  ws.getCell('O5').note = { texts: [{ font: { bold: true }, text: '職員メモ: ' }, { text: '車いす対応可' }] };
  ws.getColumn(1).width = 9;
  ws.getColumn(2).width = 14;
  ws.getColumn(4).width = 16;
  ws.getColumn(15).width = 24;
  ws.getColumn(16).hidden = true;
  ws.getCell('P4').value = '内部用';
  ws.getRow(9).hidden = true;
  ws.addConditionalFormatting({
    ref: 'L4:L9',
    rules: [
      {
        type: 'cellIs',
        operator: 'lessThan',
        priority: 1,
        formulae: [2024],
        style: {
          fill: { type: 'pattern', pattern: 'solid', bgColor: { argb: 'FFFFC7CE' } },
          font: { color: { argb: 'FF9C0006' } },
        },
      },
    ],
  });
  ws.getCell('N4').dataValidation = { type: 'list', allowBlank: true, formulae: ['"活動中,休止,退会"'] };
  ws.getCell('N5').dataValidation = { type: 'textLength', operator: 'lessThan', allowBlank: true, formulae: [10] };
  ws.getCell('A11').value = '計';
  ws.getCell('B11').value = { formula: 'COUNTA(B4:B9)', result: 6 };
  ws.getCell('B11').font = { bold: true };
  ws.getCell('B11').border = { top: { style: 'double' } };
  ws.pageSetup = { orientation: 'landscape', fitToPage: true, fitToWidth: 1, fitToHeight: 0, paperSize: 9 };
  ws.headerFooter = { oddFooter: '&P / &N' };

  const requests = wb.addWorksheet('依頼', { views: [{ state: 'frozen', ySplit: 1 }] });
  requests.getRow(1).values = REQUEST_HEADER;
  requests.getRow(1).font = { bold: true };
  REQUESTS.forEach((values, i) => {
    const row = requests.getRow(2 + i);
    row.values = values as ExcelJS.CellValue[];
    row.getCell(2).numFmt = 'yyyy/m/d';
  });
  requests.getColumn(4).width = 18;

  const memo = wb.addWorksheet('メモ');
  memo.getCell('A1').value = 'このシートは保護されています';
  memo.getCell('A2').value = { text: '社協のサイト', hyperlink: 'https://example.org/shakyo' };
  memo.getCell('B2').value = 1234567;
  memo.getCell('B2').numFmt = '"¥"#,##0';
  memo.mergeCells('A4:C6');
  memo.getCell('A4').value = '結合したメモ欄';
  memo.getCell('A4').alignment = { wrapText: true, vertical: 'top' };

  wb.definedNames.add("'ボランティア名簿'!$A$3:$O$9", '名簿範囲');
  wb.definedNames.add('メモ!$B$2', '合計金額');
  return wb;
}

/** The workbook with the memo sheet protected (protect is asynchronous in exceljs). */
export async function richWorkbookBytes(): Promise<Uint8Array> {
  const wb = richWorkbook();
  await wb.getWorksheet('メモ')?.protect('', { selectLockedCells: true, formatCells: false });
  return new Uint8Array((await wb.xlsx.writeBuffer()) as ArrayBuffer);
}
