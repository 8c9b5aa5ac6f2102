/** Defines the catalogue of validation codes: severity, whether a safe fix can come with it, and what it means (docs/validation.md follows it). */
import type { SafeFix, Severity } from './types';

export interface CodeInfo {
  readonly severity: Severity;
  /** True when an issue with this code may carry a SafeFix (only when the change preserves meaning). */
  readonly fixable: boolean;
  /** What the code means, in one line. */
  readonly ja: string;
  readonly en: string;
}

function code(severity: Severity, fixable: boolean, ja: string, en: string): CodeInfo {
  return { severity, fixable, ja, en };
}

const E = 'error';
const W = 'warning';

/**
 * Every code validateWorkbook can report, grouped by family: the rules every kind shares first
 * (structure, required, formats by column type, lists, ids), then the rules of each sheet kind.
 * A code keeps its severity everywhere, so staff can sort and filter by it.
 */
export const ISSUE_CODES = {
  // ── structure and cells ──
  'required.missingColumn': code(
    E,
    false,
    '必須の列が見出し行にない',
    'A required column is missing from the header row',
  ),
  'required.blank': code(E, false, '必須の列のセルが空欄', 'A cell of a required column is blank'),
  'required.recommended': code(
    W,
    false,
    'マッチング・集計・連絡に使う列のセルが空欄',
    'A cell used for matching, summaries or contact is blank',
  ),
  'cell.error': code(
    E,
    false,
    'セルが #REF! や #N/A などのエラー値',
    'The cell holds an error value such as #REF! or #N/A',
  ),
  'sheet.internal': code(
    E,
    false,
    'シートの検証を最後まで行えなかった（不具合）',
    'The sheet could not be validated completely (a defect)',
  ),
  // ── lists ──
  'list.notAllowed': code(E, false, '決められた選択肢にない値', 'A value outside the fixed list of the column'),
  'list.notInSettings': code(
    W,
    false,
    '設定シートの一覧にない値',
    "A value not in the 設定 sheet's list for the column",
  ),
  'list.variant': code(
    W,
    true,
    '全角・半角や空白だけが一覧の値と違う',
    'Differs from a list value only by width or spaces',
  ),
  'list.synonym': code(
    W,
    true,
    '設定シートの「言い換え」にある語（一覧の表記にそろえられる）',
    'A word the 設定 sheet lists as meaning a list value (言い換え)',
  ),
  // ── ids ──
  'id.format': code(W, true, '番号に全角文字や余分な空白がある', 'An id holds full-width characters or stray spaces'),
  'id.duplicate': code(E, false, '番号が他の行と重複', 'The id is used on another row too'),
  // ── formats by column type ──
  'date.invalid': code(
    E,
    false,
    '日付として読めない、または存在しない日付',
    'Not a date, or a day that does not exist',
  ),
  'date.eraMismatch': code(
    E,
    false,
    '元号とその期間が合わない（平成31年5月1日など）',
    'The day is outside the named era (e.g. 平成31年5月1日)',
  ),
  'date.text': code(
    W,
    true,
    '日付が文字列で入力されている（和暦・2024/4/1 など）',
    'A date typed as text (和暦, 2024/4/1 …)',
  ),
  'date.number': code(W, true, '日付が数値で入力されている', 'A date entered as a number'),
  'date.future': code(E, false, '今日より後の日付', 'A date after today'),
  'integer.invalid': code(E, false, '整数として読めない', 'Not a whole number'),
  'integer.notInteger': code(E, false, '小数が入力されている', 'A fraction where a whole number is expected'),
  'integer.negative': code(E, false, 'マイナスの数', 'A negative number'),
  'integer.text': code(
    W,
    true,
    '数が文字列で入力されている（全角数字など）',
    'A count typed as text (full-width digits …)',
  ),
  'integer.ambiguous': code(
    E,
    false,
    '数の読み方が一通りに決まらない（2 3、1.000 など）',
    'A count that reads more than one way (2 3, 1.000 …)',
  ),
  'number.invalid': code(E, false, '数として読めない', 'Not a number'),
  'number.ambiguous': code(
    E,
    false,
    '数の読み方が一通りに決まらない（10.000、1,00 など）',
    'A number that reads more than one way (10.000, 1,00 …)',
  ),
  'amount.invalid': code(E, false, '金額として読めない', 'Not an amount of yen'),
  'amount.notInteger': code(E, false, '金額に1円未満の端数がある', 'An amount with a fraction of a yen'),
  'amount.notPositive': code(E, false, '金額が0円以下', 'An amount of zero or less'),
  'amount.ambiguous': code(
    E,
    false,
    '金額の読み方が一通りに決まらない（5000 3000、10.000、1.000円 など）',
    'An amount that reads more than one way (5000 3000, 10.000, 1.000円 …)',
  ),
  'amount.text': code(
    W,
    true,
    '金額が文字列で入力されている（¥10,000、１０，０００円 など）',
    'An amount typed as text (¥10,000, １０，０００円 …)',
  ),
  'yesno.invalid': code(E, false, 'はい／いいえとして読めない', 'Not a yes/no answer'),
  'yesno.variant': code(W, true, 'はい／いいえの別表記（○、有、TRUE など）', 'A yes/no variant (○, 有, TRUE …)'),
  'phone.invalid': code(E, false, '電話番号として読めない', 'Not a phone number'),
  'phone.digitCount': code(E, false, '電話番号の桁数が合わない', 'A phone number with the wrong number of digits'),
  'phone.format': code(
    W,
    true,
    '電話番号の書き方（ハイフン、全角など）が標準と違う',
    'A phone number written unlike the standard form (hyphens, full-width …)',
  ),
  'postal.invalid': code(E, false, '郵便番号として読めない', 'Not a postal code'),
  'postal.digitCount': code(E, false, '郵便番号が7桁でない', 'A postal code without 7 digits'),
  'postal.format': code(W, true, '郵便番号の書き方が 188-0012 の形と違う', 'A postal code not written as 188-0012'),
  'email.invalid': code(E, false, 'メールアドレスとして読めない', 'Not an e-mail address'),
  'email.format': code(
    W,
    true,
    'メールアドレスに全角文字や空白がある',
    'An e-mail address with full-width characters or spaces',
  ),
  'kana.hiragana': code(W, true, 'フリガナがひらがな', 'Furigana in hiragana'),
  'kana.halfwidth': code(W, true, 'フリガナが半角カナ', 'Furigana in half-width katakana'),
  'kana.notKana': code(W, false, 'フリガナにカナ以外の文字がある', 'Furigana holding characters other than kana'),
  'availability.unknown': code(
    W,
    false,
    '活動可能日時・希望日時に読み取れない部分がある',
    'Part of an availability cell cannot be read',
  ),
  'fiscalYear.invalid': code(E, false, '年度として読めない', 'Not a fiscal year'),
  'fiscalYear.eraMismatch': code(
    E,
    false,
    '元号とその期間が合わない年度（昭和64年度など）',
    'A fiscal year outside the named era (e.g. 昭和64年度)',
  ),
  'time.invalid': code(E, false, '活動時間として読めない', 'Not a duration in hours'),
  // ── ボランティア名簿 (and registration form answers) ──
  'volunteers.duplicatePerson': code(
    W,
    false,
    '同じ人が2回登録されている可能性',
    'The same person may be registered twice',
  ),
  'volunteers.noConsent': code(
    W,
    false,
    '個人情報同意がなく、マッチングの対象にならない',
    'No consent to personal data use: cannot be matched',
  ),
  'volunteers.insuranceLapsed': code(
    W,
    false,
    'ボランティア活動保険が今年度の加入になっていない',
    'The volunteer insurance does not cover the current fiscal year',
  ),
  'volunteers.implausibleAge': code(
    W,
    false,
    '生年月日から計算した年齢が10歳未満か110歳超（入力の誤りの可能性）',
    'The birth date gives an age under 10 or over 110 (probably a slip)',
  ),
  'volunteers.withdrawnWithAssignments': code(
    E,
    false,
    '退会しているのに進行中の依頼の担当になっている',
    'Withdrawn but still assigned to an open request',
  ),
  // ── 依頼 ──
  'requests.unknownVolunteer': code(
    E,
    false,
    '担当ボランティアの登録番号が名簿にない',
    'An assigned volunteer id is not in the roster',
  ),
  'requests.withdrawnVolunteer': code(
    E,
    false,
    '担当ボランティアが退会している',
    'An assigned volunteer has withdrawn',
  ),
  'requests.inactiveVolunteer': code(
    W,
    false,
    '担当ボランティアが活動中でない（休止など）',
    'An assigned volunteer is not active (paused …)',
  ),
  'requests.neededBelowOne': code(E, false, '必要人数が0', 'The number of volunteers needed is 0'),
  'requests.noAssignment': code(
    E,
    false,
    '紹介済・活動中なのに担当ボランティアがいない',
    '紹介済/活動中 without an assigned volunteer',
  ),
  'requests.assignedWhileReceived': code(
    W,
    false,
    '受付の状態なのに担当ボランティアが入っている',
    'Still 受付 but volunteers are assigned',
  ),
  'requests.noFailureReason': code(W, false, '不成立なのに不成立理由がない', '不成立 without a reason'),
  // ── 寄付台帳 ──
  'donations.receiptDuplicate': code(
    E,
    false,
    '領収書番号が同じ年度の中で重複',
    'A receipt number used twice within a fiscal year',
  ),
  'donations.receiptYearMismatch': code(
    E,
    false,
    '受領日が領収書番号の年度の外',
    'The date received is outside the fiscal year of the receipt number',
  ),
  'donations.designationMissing': code(
    E,
    false,
    '指定寄付なのに指定先がない',
    'A designated donation without its designation',
  ),
  'donations.receiptNeedsDonor': code(
    E,
    false,
    '発行済の領収書に寄付者名・住所がない',
    "An issued receipt without the donor's name or address",
  ),
  'donations.possibleDuplicate': code(
    W,
    false,
    '同じ寄付者・日付・金額の寄付が2回ある',
    'The same donor, date and amount appear twice',
  ),
  // ── 会費台帳 ──
  'memberships.amountMismatch': code(E, false, '金額が口数×単価と合わない', 'The amount is not 口数 × 単価'),
  'memberships.yearMismatch': code(
    W,
    false,
    '年度が納入日の年度と違う',
    'The fiscal year differs from that of the payment date',
  ),
  'memberships.paidTwice': code(
    W,
    false,
    '同じ会員の同じ年度の会費が2回ある',
    'The same member paid twice in one fiscal year',
  ),
  // ── 活動記録 ──
  'activities.hoursOutOfRange': code(E, false, '活動時間が0〜24時間の外', 'Hours outside 0 to 24'),
  'activities.unknownVolunteer': code(W, false, '登録番号が名簿にない', 'The 登録番号 is not in the roster'),
  'activities.unknownRequest': code(W, false, '依頼番号が依頼シートにない', 'The 依頼番号 is not on the 依頼 sheet'),
  // ── 相談記録 ──
  'consultations.personalName': code(
    W,
    false,
    '人名のような記載がある（相談記録には氏名を書かない）',
    "Looks like a person's name (this sheet must hold none)",
  ),
  // ── 設定: what parseSettings reports, passed through with its own codes ──
  'settings.noHeader': code(
    W,
    false,
    '設定シートに見出し行がなく、A列を項目・B列を値として読んだ',
    'No header row: column A was read as 項目 and B as 値',
  ),
  'settings.noItem': code(W, false, '項目が空の行を読み飛ばした', 'A row without 項目 was skipped'),
  'settings.duplicate': code(
    W,
    false,
    '同じ項目が複数あり、最初の行を使った',
    'An item appears twice; the first row is used',
  ),
  'settings.badStartMonth': code(
    E,
    false,
    '年度開始月が1〜12でない（4月として扱う）',
    'The fiscal year start month is not 1–12 (April is used)',
  ),
  'settings.badThreshold': code(
    E,
    false,
    '秘匿基準が整数でない（既定値を使う）',
    'The suppression threshold is not a whole number (the default is used)',
  ),
  'settings.badRetention': code(
    E,
    false,
    '履歴保存日数が1〜3650の整数でない（30日として扱う）',
    'The history retention is not a whole number of days from 1 to 3650 (30 days is used)',
  ),
  'settings.thresholdClamped': code(
    W,
    false,
    '秘匿基準が3未満のため3として扱う',
    'The suppression threshold is below 3; 3 is used',
  ),
  'settings.areaNoName': code(E, false, '圏域の行に圏域名がない', 'An 圏域 row without a name'),
  'settings.duplicateArea': code(
    W,
    false,
    '同じ圏域が複数行ある（まとめて扱う）',
    'The same 圏域 on several rows (combined)',
  ),
  'settings.badAdjacency': code(
    E,
    false,
    '隣接圏域の行に圏域が2つ以上ない',
    'An 隣接圏域 row with fewer than two 圏域',
  ),
  'settings.badWeight': code(E, false, '重みの値が数でない', 'A weight that is not a number'),
  'settings.unknownArea': code(
    W,
    false,
    '隣接圏域に圏域の行にない名前がある',
    'An 隣接圏域 name that is not an 圏域 row',
  ),
  'settings.sharedPlace': code(W, false, '同じ地区・町名が2つの圏域にある', 'A 地区 or 町名 listed under two 圏域'),
} as const satisfies Record<string, CodeInfo>;

export type IssueCode = keyof typeof ISSUE_CODES;

/** What a rule found about one cell, before it is placed at a sheet, row and column. */
export interface Finding {
  readonly code: IssueCode;
  readonly severity: Severity;
  readonly message: { readonly ja: string; readonly en: string };
  readonly suggestion?: string;
  /** The suggestion in English when it is words, not a value (a value reads the same in both). */
  readonly suggestionEn?: string;
  readonly fix?: SafeFix;
}

/** A finding with the code's catalogued severity. */
/**
 * Characters of a message at most. Rules quote cell values shortened (quoted()); this is the net
 * under them, so no message can make a 検証結果 row or a note longer than a cell may hold.
 */
export const MESSAGE_LIMIT = 2_000;

function capped(text: string): string {
  return text.length <= MESSAGE_LIMIT ? text : `${text.slice(0, MESSAGE_LIMIT - 1)}…`;
}

export function finding(
  code: IssueCode,
  ja: string,
  en: string,
  extra?: { suggestion?: string; suggestionEn?: string; fix?: SafeFix },
): Finding {
  const f: { -readonly [K in keyof Finding]: Finding[K] } = {
    code,
    severity: ISSUE_CODES[code].severity,
    message: { ja: capped(ja), en: capped(en) },
  };
  if (extra?.suggestion !== undefined) f.suggestion = extra.suggestion;
  if (extra?.suggestionEn !== undefined) f.suggestionEn = extra.suggestionEn;
  if (extra?.fix !== undefined) f.fix = extra.fix;
  return f;
}
