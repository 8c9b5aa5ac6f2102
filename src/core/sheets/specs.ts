/** Defines the spec of each sheet kind: canonical name, columns with aliases, types and lists. */
import { normalizeHeader } from '../text/normalize';
import { parseBasicGoal } from '../indicators/goal';
import { isSurveyRowType, parseRequired } from '../survey/words';
import * as L from './lists';
import {
  SHEET_KINDS,
  type ColumnPatternSpec,
  type ColumnSpec,
  type ColumnType,
  type SheetKind,
  type SheetSpec,
} from './types';

type ColumnOptions = Omit<Partial<ColumnSpec>, 'key' | 'header' | 'type'>;

function col(key: string, header: string, type: ColumnType, options: ColumnOptions = {}): ColumnSpec {
  return { key, header, type, aliases: [], required: false, ...options };
}

// Generic headers that fit every ledger. As weak aliases they fill an id column when nothing
// better is there, but never make a sheet look like a roster.
const GENERIC_ID = ['ID', 'No', 'No.', 'NO', '番号', '通し番号', '#'];

const NOTE = col('note', '備考', 'text', {
  aliases: ['メモ', '特記事項', '備考欄', 'Note', 'Notes', 'Remarks'],
  weakAliases: ['その他'],
  // Free text can hold anything about a person.
  personal: true,
});

// ───────────────────────── ボランティア名簿 (and the registration form's answers) ─────────────────────────
const V = {
  volunteerId: col('volunteerId', '登録番号', 'id', {
    required: true,
    textFormat: true,
    aliases: [
      '登録No',
      '登録No.',
      '登録ID',
      'ボランティア番号',
      'ボランティアNo',
      'ボランティアID',
      'ボラ番号',
      '登録者番号',
    ],
    weakAliases: GENERIC_ID,
  }),
  name: col('name', '氏名', 'text', {
    required: true,
    personal: true,
    aliases: [
      '名前',
      'お名前',
      '氏名（漢字）',
      '名前（漢字）',
      'お名前（漢字）',
      '氏名または団体名',
      'ボランティア名',
      '登録者名',
      '登録者氏名',
      'Name',
      'Full name',
    ],
  }),
  furigana: col('furigana', 'フリガナ', 'kana', {
    personal: true,
    aliases: [
      'ふりがな',
      'カナ',
      'かな',
      'よみがな',
      'ヨミガナ',
      '読み仮名',
      '読みがな',
      'よみ',
      'ヨミ',
      '氏名カナ',
      '氏名（カナ）',
      '氏名（フリガナ）',
      '氏名（ふりがな）',
      '氏名フリガナ',
      'お名前（フリガナ）',
      'お名前（ふりがな）',
      'お名前（カナ）',
      '名前（ふりがな）',
      '名前（フリガナ）',
      'カナ氏名',
      'Kana',
      'Furigana',
    ],
  }),
  birthDate: col('birthDate', '生年月日', 'date', {
    personal: true,
    aliases: ['誕生日', '生年月日（西暦）', '生年月日（和暦）', 'Birthday', 'Date of birth', 'DOB'],
  }),
  gender: col('gender', '性別', 'text', { personal: true, aliases: ['Gender', 'Sex'] }),
  postalCode: col('postalCode', '郵便番号', 'postal', {
    personal: true,
    textFormat: true,
    aliases: ['〒', '郵便', '〒番号', '郵便No', 'Postal code', 'Zip', 'Zip code', 'Postcode'],
  }),
  address: col('address', '住所', 'text', {
    personal: true,
    aliases: ['ご住所', '現住所', '住所1', '所在地', 'Address'],
  }),
  area: col('area', '圏域', 'list', { listFromSettings: '圏域', aliases: ['圏域名', 'エリア', 'Area'] }),
  district: col('district', '地区', 'list', { listFromSettings: '地区', aliases: ['地区名', '地域', 'District'] }),
  phone: col('phone', '電話番号', 'phone', {
    personal: true,
    textFormat: true,
    aliases: [
      'TEL',
      'Tel.',
      '電話',
      '連絡先電話',
      '連絡先電話番号',
      '自宅電話',
      '自宅電話番号',
      '自宅TEL',
      '自宅',
      '固定電話',
      '固定電話番号',
      '電話番号（自宅）',
      'Phone',
      'Telephone',
      'Phone number',
    ],
    weakAliases: ['連絡先'],
  }),
  // Rosters keep a mobile beside the home number, and often a fax and an emergency number: each
  // is checked as a phone number, and a person is reachable when either 電話番号 or 携帯電話 holds one.
  mobile: col('mobile', '携帯電話', 'phone', {
    standard: false,
    personal: true,
    textFormat: true,
    aliases: [
      '携帯',
      '携帯番号',
      '携帯電話番号',
      '携帯TEL',
      '電話番号（携帯）',
      '携帯・スマホ',
      'スマホ',
      'スマートフォン',
      'Mobile',
      'Mobile phone',
      'Cell phone',
    ],
  }),
  fax: col('fax', 'FAX', 'phone', {
    standard: false,
    personal: true,
    textFormat: true,
    aliases: ['FAX番号', 'ファックス', 'ファクス', 'ファクシミリ', 'Fax number'],
  }),
  emergencyPhone: col('emergencyPhone', '緊急連絡先（電話）', 'phone', {
    standard: false,
    personal: true,
    textFormat: true,
    aliases: [
      '緊急連絡先電話',
      '緊急連絡先電話番号',
      '緊急連絡先TEL',
      '緊急時連絡先（電話）',
      '緊急時の連絡先（電話）',
      '緊急連絡先（電話番号）',
      '緊急連絡電話',
    ],
  }),
  email: col('email', 'メール', 'email', {
    personal: true,
    aliases: [
      'Eメール',
      'メールアドレス',
      'Eメールアドレス',
      'E-mail',
      'Email',
      'mail',
      'Mail address',
      'Email address',
      'E-mail address',
      'メアド',
      '電子メール',
      'PCメール',
      '携帯メール',
    ],
  }),
  volunteerType: col('volunteerType', '種別', 'list', {
    list: L.VOLUNTEER_TYPES,
    aliases: ['個人・団体', '登録種別', '個人／団体'],
  }),
  fields: col('fields', '活動分野', 'multi', {
    multi: true,
    listFromSettings: '活動分野',
    aliases: ['分野', '活動内容', '希望活動', '活動希望分野', '希望する活動', 'できる活動', '希望分野', '活動の分野'],
  }),
  skills: col('skills', '資格・特技', 'multi', {
    multi: true,
    listFromSettings: '資格・特技',
    aliases: ['資格', '特技', '資格・免許', '特技・資格', 'スキル', '資格等', '免許・資格', 'Skills'],
  }),
  languages: col('languages', '対応言語', 'multi', {
    multi: true,
    listFromSettings: '対応言語',
    aliases: ['言語', '使用言語', '対応可能言語', '話せる言語', '対応できる言語', 'Languages'],
  }),
  availability: col('availability', '活動可能日時', 'availability', {
    multi: true,
    aliases: [
      '活動可能日',
      '活動可能時間',
      '活動可能曜日',
      '活動できる日時',
      '可能日時',
      '都合のよい日時',
      '都合の良い日時',
      '活動日時',
      '希望曜日',
      '活動可能日時帯',
      'Availability',
    ],
  }),
  monthlyLimit: col('monthlyLimit', '月間上限', 'integer', {
    default: 4,
    aliases: ['月上限', '月間活動上限', '月の上限', '月あたり上限', '上限回数', '月間上限回数', '月の活動回数上限'],
  }),
  insuranceYear: col('insuranceYear', '保険加入年度', 'fiscalYear', {
    aliases: [
      '保険年度',
      'ボランティア保険',
      'ボランティア活動保険',
      'ボランティア保険加入年度',
      '保険加入',
      '活動保険加入年度',
      '保険加入年',
    ],
  }),
  consent: col('consent', '個人情報同意', 'yesno', {
    aliases: [
      '同意',
      '個人情報の同意',
      '個人情報取扱同意',
      '個人情報の取扱いへの同意',
      '個人情報の取り扱いに同意',
      '同意の有無',
      '個人情報同意の有無',
      '個人情報の取り扱い',
    ],
  }),
  status: col('status', '状態', 'list', {
    list: L.VOLUNTEER_STATUSES,
    aliases: ['登録状況', 'ステータス', '状況', '登録状態', 'Status'],
  }),
  registeredOn: col('registeredOn', '登録日', 'date', { aliases: ['登録年月日', '登録日付', '登録した日'] }),
};

const VOLUNTEERS: SheetSpec = {
  kind: 'volunteers',
  canonicalName: 'ボランティア名簿',
  nameAliases: ['ボランティア登録', 'ボランティア登録者', 'ボランティア一覧', '名簿'],
  description: { ja: 'ボランティア登録者の名簿', en: 'Roster of registered volunteers' },
  columns: [
    V.volunteerId,
    V.name,
    V.furigana,
    V.birthDate,
    V.gender,
    V.postalCode,
    V.address,
    V.area,
    V.district,
    V.phone,
    V.mobile,
    V.fax,
    V.emergencyPhone,
    V.email,
    V.volunteerType,
    V.fields,
    V.skills,
    V.languages,
    V.availability,
    V.monthlyLimit,
    V.insuranceYear,
    V.consent,
    V.status,
    V.registeredOn,
    NOTE,
  ],
  patterns: [],
  minimumMatch: {
    anyOf: ['name'],
    plus: 2,
    from: [
      'volunteerId',
      'furigana',
      'birthDate',
      'phone',
      'mobile',
      'email',
      'fields',
      'skills',
      'languages',
      'availability',
      'monthlyLimit',
      'insuranceYear',
      'consent',
      'status',
      'registeredOn',
      'postalCode',
    ],
  },
};

const FORM_ANSWERS: SheetSpec = {
  kind: 'volunteerFormAnswers',
  canonicalName: 'フォームの回答',
  nameAliases: ['フォームの回答 1', 'Form Responses', 'Form responses 1', 'ボランティア登録フォーム'],
  description: {
    ja: 'ボランティア登録フォームの回答（ボランティア名簿として検証）',
    en: 'Answers of the volunteer registration form (validated as a roster)',
  },
  columns: [
    col('timestamp', 'タイムスタンプ', 'date', { required: true, aliases: ['Timestamp', '回答日時', '送信日時'] }),
    V.name,
    V.furigana,
    V.birthDate,
    V.gender,
    V.postalCode,
    V.address,
    V.area,
    V.district,
    V.phone,
    V.mobile,
    V.fax,
    V.emergencyPhone,
    V.email,
    V.volunteerType,
    V.fields,
    V.skills,
    V.languages,
    V.availability,
    V.monthlyLimit,
    V.consent,
    NOTE,
  ],
  patterns: [],
  minimumMatch: {
    anyOf: ['timestamp'],
    plus: 2,
    from: [
      'name',
      'furigana',
      'birthDate',
      'phone',
      'mobile',
      'email',
      'fields',
      'skills',
      'languages',
      'availability',
      'consent',
      'postalCode',
      'address',
    ],
  },
};

// ───────────────────────── 依頼 ─────────────────────────
const REQUESTS: SheetSpec = {
  kind: 'requests',
  canonicalName: '依頼',
  nameAliases: ['依頼一覧', '依頼台帳', '依頼受付', 'ボランティア依頼', '依頼票'],
  description: { ja: 'ボランティアへの依頼の受付と調整', en: 'Help requests received and their matching' },
  columns: [
    col('requestId', '依頼番号', 'id', {
      required: true,
      textFormat: true,
      aliases: ['依頼No', '依頼No.', '依頼ID', '受付番号', '受付No', '案件番号', '案件No'],
      weakAliases: GENERIC_ID,
    }),
    col('receivedOn', '受付日', 'date', {
      required: true,
      aliases: ['受付年月日', '依頼日', '受付日時', '依頼受付日'],
    }),
    col('requesterType', '依頼者種別', 'list', {
      list: L.REQUESTER_TYPES,
      aliases: ['依頼者区分', '依頼元種別', '依頼者の種別'],
      weakAliases: ['種別'],
    }),
    col('requester', '依頼者', 'text', {
      personal: true,
      aliases: ['依頼者名', '依頼者氏名', '依頼元', '依頼者・施設名'],
    }),
    col('area', '圏域', 'list', { listFromSettings: '圏域', aliases: ['圏域名', 'エリア'] }),
    col('district', '地区', 'list', { listFromSettings: '地区', aliases: ['地区名', '地域'] }),
    col('category', '内容区分', 'list', {
      listFromSettings: '内容区分',
      aliases: ['依頼区分', '依頼内容区分', '依頼分野', '活動分野', '依頼の種類', '内容の区分'],
      weakAliases: ['区分', '内容', '依頼内容'],
    }),
    col('requiredSkills', '必要な資格・特技', 'multi', {
      multi: true,
      listFromSettings: '資格・特技',
      aliases: [
        '必要な資格',
        '必要資格',
        '必要なスキル',
        '必要な特技',
        '求める資格・特技',
        '必要資格・特技',
        '必要な資格・技能',
      ],
    }),
    col('languages', '対応言語', 'multi', {
      multi: true,
      listFromSettings: '対応言語',
      aliases: ['言語', '必要言語', '希望言語', '必要な言語'],
    }),
    col('preferredTime', '希望日時', 'availability', {
      multi: true,
      aliases: ['希望日', '希望曜日・時間', '希望の日時', '希望時間', '活動希望日時'],
      weakAliases: ['日時'],
    }),
    col('frequency', '頻度', 'list', { list: L.REQUEST_FREQUENCIES, aliases: ['活動頻度', '依頼頻度'] }),
    col('needed', '必要人数', 'integer', {
      default: 1,
      aliases: ['必要数', '募集人数', '依頼人数', '必要なボランティア数'],
      weakAliases: ['人数'],
    }),
    col('genderPreference', '性別希望', 'text', {
      aliases: ['希望性別', '性別の希望', 'ボランティアの性別希望'],
      weakAliases: ['性別'],
    }),
    col('remoteOk', '在宅対応可', 'yesno', {
      aliases: ['在宅対応', '在宅可', 'オンライン可', '電話対応可', 'リモート可', '在宅での対応可'],
    }),
    col('status', '状態', 'list', { list: L.REQUEST_STATUSES, aliases: ['進捗', 'ステータス', '状況', '進捗状況'] }),
    col('assignedVolunteers', '担当ボランティア', 'id', {
      multi: true,
      aliases: ['担当ボランティア番号', '紹介ボランティア', '担当ボランティア登録番号', '紹介したボランティア'],
    }),
    col('staff', '担当職員', 'text', {
      personal: true,
      aliases: ['担当者', '職員', '担当コーディネーター'],
      weakAliases: ['担当'],
    }),
    col('failureReason', '不成立理由', 'text', { aliases: ['不成立の理由', '不成立事由'], weakAliases: ['理由'] }),
  ],
  patterns: [],
  minimumMatch: {
    anyOf: ['requestId', 'requester'],
    plus: 2,
    from: [
      'receivedOn',
      'requesterType',
      'category',
      'requiredSkills',
      'preferredTime',
      'frequency',
      'needed',
      'genderPreference',
      'remoteOk',
      'assignedVolunteers',
      'staff',
      'failureReason',
    ],
  },
};

// ───────────────────────── 寄付台帳 ─────────────────────────
const DONATIONS: SheetSpec = {
  kind: 'donations',
  canonicalName: '寄付台帳',
  nameAliases: ['寄付', '寄附台帳', '寄附', '寄付金台帳', '寄付受付'],
  description: { ja: '寄付の受領と領収書', en: 'Donations received and their receipts' },
  columns: [
    col('receiptNo', '領収書番号', 'id', {
      required: true,
      textFormat: true,
      aliases: ['領収書No', '領収書No.', '領収番号', '領収No', '受領番号', '領収書NO'],
      weakAliases: GENERIC_ID,
    }),
    col('receivedOn', '受領日', 'date', {
      required: true,
      aliases: [
        '寄付日',
        '寄附日',
        '受領年月日',
        '入金日',
        '入金年月日',
        '受付日',
        '受入日',
        '受入年月日',
        '寄付年月日',
        '日付',
        '年月日',
      ],
    }),
    col('donorId', '寄付者番号', 'id', { textFormat: true, aliases: ['寄付者No', '寄付者ID', '寄附者番号'] }),
    col('donorName', '寄付者名', 'text', {
      personal: true,
      aliases: ['寄付者', '寄付者氏名', '寄附者名', '寄附者', '寄付者・団体名'],
      weakAliases: ['氏名', '名前', 'お名前', '氏名・団体名'],
    }),
    col('donorType', '寄付者種別', 'list', {
      list: L.DONOR_TYPES,
      aliases: ['寄付者区分', '寄附者種別'],
    }),
    col('address', '住所', 'text', { personal: true, aliases: ['寄付者住所', 'ご住所', '所在地'] }),
    col('donationType', '区分', 'list', {
      required: true,
      list: L.DONATION_TYPES,
      aliases: ['寄付区分', '寄附区分', '寄付種別', '寄付の種類', '寄付の区分'],
    }),
    col('designation', '指定先', 'text', { aliases: ['使途指定', '指定内容', '寄付先', '指定寄付先', '使途'] }),
    col('amount', '金額', 'amount', {
      required: true,
      aliases: [
        '寄付金額',
        '寄附金額',
        '寄付額',
        '金額（円）',
        '寄付金額（円）',
        '寄附金額（円）',
        '受領金額',
        '入金額',
        '入金額（円）',
        '受入金額',
        '寄付金',
      ],
      weakAliases: ['額'],
    }),
    col('paymentMethod', '入金方法', 'list', {
      listFromSettings: '入金方法',
      aliases: ['受領方法', '支払方法', '入金区分', '納入方法'],
    }),
    col('receipt', '領収書', 'list', {
      list: L.RECEIPT_STATES,
      aliases: ['領収書発行', '領収書の発行', '領収書状況', '領収書発行状況', '発行状況'],
    }),
    col('publishName', '氏名公表', 'yesno', {
      list: L.PUBLISH_NAME,
      aliases: ['公表', '氏名の公表', '芳名公表', '芳名録掲載', '公表可否', '氏名公表可否', 'お名前の公表'],
    }),
    NOTE,
  ],
  patterns: [],
  minimumMatch: {
    anyOf: ['amount'],
    plus: 2,
    from: [
      'receiptNo',
      'receivedOn',
      'donorId',
      'donorName',
      'donorType',
      'donationType',
      'designation',
      'receipt',
      'publishName',
    ],
  },
  // 種別 in a ledger is as often the kind of gift (一般・指定・物品) as the kind of donor (個人・法人 …).
  ambiguousHeaders: [{ header: '種別', keys: ['donationType', 'donorType'] }],
};

// ───────────────────────── 会費台帳 ─────────────────────────
const MEMBERSHIPS: SheetSpec = {
  kind: 'memberships',
  canonicalName: '会費台帳',
  nameAliases: ['会費', '会員台帳', '会員名簿', '会費納入'],
  description: { ja: '会員と会費の納入', en: 'Members and their membership fees' },
  columns: [
    col('memberId', '会員番号', 'id', {
      required: true,
      textFormat: true,
      aliases: ['会員No', '会員No.', '会員ID', '会員コード'],
      weakAliases: GENERIC_ID,
    }),
    col('name', '氏名・団体名', 'text', {
      required: true,
      personal: true,
      aliases: [
        '氏名又は団体名',
        '氏名または団体名',
        '氏名／団体名',
        '会員名',
        '氏名',
        '団体名',
        '名前',
        'お名前',
        '会員氏名',
      ],
    }),
    col('memberType', '会員種別', 'list', {
      list: L.MEMBER_TYPES,
      aliases: ['会員区分', '会員の種別'],
      weakAliases: ['種別', '区分'],
    }),
    col('units', '口数', 'integer', { aliases: ['口', '口数（口）', '申込口数'] }),
    col('unitPrice', '単価', 'amount', { aliases: ['一口金額', '1口金額', '口単価', '1口あたり', '一口あたり'] }),
    col('amount', '金額', 'amount', {
      required: true,
      aliases: ['会費', '会費額', '納入額', '納入金額', '会費金額', '金額（円）'],
    }),
    col('fiscalYear', '年度', 'fiscalYear', { required: true, aliases: ['会費年度', '対象年度', '納入年度'] }),
    col('branch', '支部', 'list', { listFromSettings: '支部', aliases: ['支部名'] }),
    col('paidOn', '納入日', 'date', { aliases: ['入金日', '納付日', '納入年月日'], weakAliases: ['受領日'] }),
    col('paymentMethod', '入金方法', 'list', {
      listFromSettings: '入金方法',
      aliases: ['納入方法', '支払方法', '納付方法'],
    }),
  ],
  patterns: [],
  minimumMatch: {
    anyOf: ['amount', 'units'],
    plus: 2,
    from: ['memberId', 'name', 'memberType', 'unitPrice', 'fiscalYear', 'branch', 'paidOn'],
  },
};

// ───────────────────────── 活動記録 ─────────────────────────
const ACTIVITIES: SheetSpec = {
  kind: 'activities',
  canonicalName: '活動記録',
  nameAliases: ['活動実績', '活動報告', '活動日誌', '活動'],
  description: { ja: '事業ごとの活動の記録', en: 'Log of activities per programme' },
  columns: [
    col('date', '日付', 'date', { required: true, aliases: ['活動日', '実施日', '開催日', '年月日', '活動年月日'] }),
    col('program', '事業', 'list', { list: L.PROGRAMS, aliases: ['事業名', '担当事業'] }),
    col('activityType', '活動種別', 'list', {
      required: true,
      list: L.ACTIVITY_TYPES,
      aliases: ['活動区分', '活動の種類', '活動の種別'],
      weakAliases: ['種別', '区分'],
    }),
    col('area', '圏域', 'list', { listFromSettings: '圏域', aliases: ['圏域名', 'エリア'] }),
    col('volunteerId', '登録番号', 'id', {
      multi: true,
      textFormat: true,
      aliases: ['ボランティア番号', '登録No', 'ボランティアNo', '登録ID'],
    }),
    col('requestId', '依頼番号', 'id', { textFormat: true, aliases: ['依頼No', '依頼ID'] }),
    col('participants', '参加者数', 'integer', {
      aliases: ['参加人数', '参加者', '延べ参加者数', '来場者数', '利用者数', '参加数'],
      weakAliases: ['人数'],
    }),
    col('hours', '活動時間', 'time', {
      aliases: ['所要時間', '活動時間（時間）', '活動時間数'],
      weakAliases: ['時間'],
    }),
    col('multiGenerational', '多世代', 'yesno', { aliases: ['多世代交流', '多世代参加', '多世代の参加'] }),
    NOTE,
  ],
  patterns: [],
  minimumMatch: {
    anyOf: ['date'],
    plus: 2,
    from: ['program', 'activityType', 'participants', 'hours', 'multiGenerational', 'volunteerId', 'requestId'],
  },
};

// ───────────────────────── 相談記録 ─────────────────────────
const CONSULTATIONS: SheetSpec = {
  kind: 'consultations',
  canonicalName: '相談記録',
  nameAliases: ['相談', '相談受付', '相談件数', '相談台帳'],
  description: { ja: '相談の受付と対応（氏名は記録しない）', en: 'Consultations and their outcome (no names)' },
  columns: [
    col('receivedOn', '受付日', 'date', { required: true, aliases: ['相談日', '受付年月日', '相談受付日'] }),
    col('area', '圏域', 'list', { listFromSettings: '圏域', aliases: ['圏域名', 'エリア'] }),
    col('route', '経路', 'list', {
      list: L.CONSULTATION_ROUTES,
      aliases: ['相談経路', '受付方法', '相談方法', '受付経路'],
    }),
    col('categories', '相談分類', 'list', {
      required: true,
      multi: true,
      list: L.CONSULTATION_CATEGORIES,
      aliases: ['相談内容', '相談種別', '相談区分', '相談の分類'],
      weakAliases: ['分類'],
    }),
    col('status', '対応状況', 'list', {
      list: L.CONSULTATION_STATES,
      aliases: ['対応', '対応結果'],
      weakAliases: ['状況', '状態'],
    }),
    col('referredTo', 'つなぎ先', 'text', { aliases: ['紹介先', '連携先', 'つなぎ先機関', 'つないだ先'] }),
  ],
  patterns: [],
  minimumMatch: {
    anyOf: ['receivedOn'],
    plus: 2,
    from: ['route', 'categories', 'status', 'referredTo'],
  },
};

// ───────────────────────── 設定 ─────────────────────────
/**
 * 設定 is one table a staff member reads top to bottom, one fact per row:
 *
 * | 項目       | 値                 | 地区               | 町名                 | 隣接圏域      | 備考 |
 * | 団体名     | 西東京つなぐ社会福祉協議会 |              |                      |               |      |
 * | 年度開始月 | 4                  |                    |                      |               |      |
 * | 秘匿基準   | 10                 |                    |                      |               | 3未満は不可 |
 * | 圏域       | 北東部             | ひばりが丘地区、…  | ひばりが丘、北町、…  | 北西部、中部  |      |
 * | 隣接圏域   | 中部、南部         |                    |                      |               |      |
 * | 入金方法   | 現金、振込、口座振替 |                  |                      |               |      |
 * | 重み:資格  | 3                  |                    |                      |               |      |
 *
 * A 圏域 row names one area; its 地区, 町名 and 隣接圏域 cells are multi-value. Any other 項目
 * is a named list: its 値 cells are multi-value and rows with the same 項目 add up, so a long
 * list may be written one value per row. See settings.ts.
 */
const SETTINGS: SheetSpec = {
  kind: 'settings',
  canonicalName: '設定',
  nameAliases: ['Tsunagu設定', 'つなぐ設定', 'Settings'],
  description: {
    ja: '団体名・年度・秘匿基準・圏域と一覧',
    en: 'Organisation, fiscal year, suppression threshold, areas and lists',
  },
  columns: [
    col('item', '項目', 'text', { required: true, aliases: ['設定項目', 'キー', '設定名', 'Key', 'Item'] }),
    col('value', '値', 'text', { required: true, aliases: ['設定値', '内容', 'Value'] }),
    col('districts', '地区', 'multi', { multi: true, aliases: ['地区名', '地区一覧'] }),
    col('towns', '町名', 'multi', { multi: true, aliases: ['町', '町丁名', '町名一覧'] }),
    col('adjacent', '隣接圏域', 'multi', { multi: true, aliases: ['隣接', '隣の圏域'] }),
    col('note', '備考', 'text', { aliases: ['説明', '補足', 'メモ'] }),
  ],
  patterns: [],
  minimumMatch: { anyOf: ['item'], plus: 1, from: ['value', 'districts', 'towns', 'adjacent'] },
};

// ───────────────────────── 指標定義 ─────────────────────────
const INDICATORS: SheetSpec = {
  kind: 'indicators',
  canonicalName: '指標定義',
  nameAliases: ['指標', '評価指標', '指標一覧'],
  description: { ja: '基本目標ごとの指標と年度別の目標値', en: 'Indicators per basic goal with yearly targets' },
  columns: [
    col('indicatorId', 'ID', 'id', {
      required: true,
      textFormat: true,
      aliases: ['指標ID', '指標番号', '指標No'],
      weakAliases: ['No', 'No.', '番号'],
    }),
    // 基本目標１ is read as 1, as the indicator reader reads it.
    col('goal', '基本目標', 'integer', {
      list: L.BASIC_GOALS,
      aliases: ['基本目標番号', '目標番号'],
      reads: { integer: parseBasicGoal },
    }),
    col('initiative', '取り組み', 'text', { aliases: ['取組', '取組み', '取り組み内容', '施策', '取組内容'] }),
    col('name', '指標名', 'text', { required: true, aliases: ['指標', '評価指標', '指標の名前'] }),
    col('unit', '単位', 'text', { aliases: ['Unit'] }),
    col('source', '集計元', 'list', {
      required: true,
      list: L.INDICATOR_SOURCES,
      aliases: ['集計元シート', 'データ元', '集計対象', '対象シート'],
    }),
    // Not required: a manual indicator (集計元 手入力) has none; 指標定義 parsing asks for it otherwise.
    col('method', '集計方法', 'list', {
      list: L.AGGREGATIONS,
      aliases: ['計算方法', '集計の方法'],
      weakAliases: ['集計'],
    }),
    col('column', '対象列', 'text', { aliases: ['集計列', '集計対象列', '対象項目'] }),
    col('condition', '条件', 'text', { aliases: ['抽出条件', '絞り込み', '集計条件', '対象条件'] }),
    // 割合: the rows the share is taken of (条件 picks the numerator among them). docs/summary.md.
    col('denominator', '分母条件', 'text', { aliases: ['分母の条件', '分母', '母数の条件', '母数条件'] }),
    // Which column dates a row into a 年度 (default per source), or 現在 for a count as of today.
    col('dateColumn', '日付列', 'text', { aliases: ['基準日列', '集計日付', '日付の列', '年度の基準'] }),
    col('baseline', '基準値', 'number', { aliases: ['基準', '現状値', 'ベースライン', '基準年度値'] }),
    col('direction', '方向', 'list', { list: L.DIRECTIONS, aliases: ['目指す方向', '増減', '方向性'] }),
    col('tolerance', '許容幅', 'number', { aliases: ['許容範囲', '誤差', '許容差', '誤差の幅'] }),
    col('suppress', '秘匿', 'yesno', { aliases: ['秘匿対象', '秘匿する', '小さい数を隠す'] }),
  ],
  patterns: [
    {
      key: 'target',
      header: '目標',
      capture: 'fiscalYear',
      type: 'number',
      example: '目標2024 / 目標(2024年度) / 目標 令和6年度',
    },
  ],
  minimumMatch: {
    anyOf: ['name'],
    plus: 2,
    from: [
      'indicatorId',
      'goal',
      'initiative',
      'unit',
      'source',
      'method',
      'column',
      'condition',
      'denominator',
      'dateColumn',
      'baseline',
      'direction',
      'tolerance',
      'suppress',
    ],
  },
};

// ───────────────────────── アンケート定義 ─────────────────────────
const SURVEYS: SheetSpec = {
  kind: 'surveys',
  canonicalName: 'アンケート定義',
  nameAliases: ['アンケート', 'フォーム定義', '設問一覧'],
  description: { ja: 'フォームの設問定義（多言語列つき）', en: 'Form questions, with one column per extra language' },
  columns: [
    // Written once over a form's rows (merged down, or blank below): the builder reads a blank as the form above.
    col('formName', 'フォーム名', 'text', {
      required: true,
      carriedDown: true,
      aliases: ['アンケート名', 'フォームの名前', 'タイトル'],
    }),
    col('section', 'セクション', 'text', { aliases: ['ページ', 'セクション名'] }),
    col('questionId', '設問ID', 'id', { textFormat: true, aliases: ['設問番号', '質問ID', '質問番号', '設問No'] }),
    col('questionType', '種類', 'list', {
      required: true,
      list: L.SURVEY_ROW_TYPES,
      // Google フォーム's names (チェックボックス, 記述式 …), survey words (単一回答, 自由記述) and ページ build too.
      reads: { word: isSurveyRowType },
      aliases: ['設問の種類', '質問の種類', '回答形式', '形式', '設問種類'],
    }),
    col('question', '設問', 'text', { required: true, aliases: ['質問', '設問文', '質問文'] }),
    col('description', '説明', 'text', { aliases: ['補足説明', '設問の説明', 'ヘルプ'] }),
    // Options hold values such as '中学生・高校生': split them on strong separators only.
    col('options', '選択肢', 'multi', { multi: true, aliases: ['選択項目', '回答選択肢'] }),
    // ●, ■, 必須 and 任意 as the builder reads them.
    col('required', '必須', 'yesno', { aliases: ['必須回答', '回答必須'], reads: { yesNo: parseRequired } }),
    col('validation', '入力規則', 'text', { aliases: ['回答の検証', '検証', '入力チェック'] }),
    col('branch', '分岐', 'text', { aliases: ['条件分岐', 'セクション移動'] }),
    col('indicator', '指標', 'text', { aliases: ['指標ID', '関連指標'] }),
    // The column of ボランティア名簿, 活動記録 or アンケート回答 the answer fills (取り込み先 row says which sheet).
    col('target', '登録先', 'text', { aliases: ['取り込み列', '転記先', '登録する列', '名簿の列'] }),
  ],
  patterns: [
    { key: 'formName', header: 'フォーム名', capture: 'language', type: 'text', example: 'フォーム名[en]' },
    { key: 'section', header: 'セクション', capture: 'language', type: 'text', example: 'セクション[en]' },
    { key: 'question', header: '設問', capture: 'language', type: 'text', example: '設問[en]' },
    { key: 'description', header: '説明', capture: 'language', type: 'text', example: '説明[en]' },
    { key: 'options', header: '選択肢', capture: 'language', type: 'multi', multi: true, example: '選択肢[en]' },
  ],
  minimumMatch: {
    anyOf: ['question'],
    plus: 2,
    from: ['formName', 'section', 'questionId', 'questionType', 'options', 'required', 'validation', 'branch'],
  },
};

/** Every kind's spec. */
export const SHEET_SPECS: Readonly<Record<SheetKind, SheetSpec>> = {
  volunteers: VOLUNTEERS,
  requests: REQUESTS,
  donations: DONATIONS,
  memberships: MEMBERSHIPS,
  activities: ACTIVITIES,
  consultations: CONSULTATIONS,
  settings: SETTINGS,
  indicators: INDICATORS,
  surveys: SURVEYS,
  volunteerFormAnswers: FORM_ANSWERS,
};

export function isSheetKind(value: unknown): value is SheetKind {
  return typeof value === 'string' && (SHEET_KINDS as readonly string[]).indexOf(value) >= 0;
}

export function getSpec(kind: SheetKind): SheetSpec {
  return SHEET_SPECS[kind];
}

/** The column spec of a key, or for a pattern key ('target.2024') its pattern; null if the kind has neither. */
export function columnSpecOf(kind: SheetKind, key: string): ColumnSpec | ColumnPatternSpec | null {
  const spec = SHEET_SPECS[kind];
  for (const c of spec.columns) if (c.key === key) return c;
  const dot = key.indexOf('.');
  if (dot > 0) {
    const base = key.slice(0, dot);
    for (const p of spec.patterns) if (p.key === base) return p;
  }
  return null;
}

/** Splits a pattern column key: 'target.2024' → { key: 'target', capture: '2024' }; null for a plain key. */
export function splitPatternKey(key: string): { key: string; capture: string } | null {
  const dot = key.indexOf('.');
  return dot > 0 ? { key: key.slice(0, dot), capture: key.slice(dot + 1) } : null;
}

/** The columns of the data contract, in its order: what シート準備 writes (staff-only columns such as 携帯電話 left out). */
export function contractColumns(spec: SheetSpec): readonly ColumnSpec[] {
  return spec.columns.filter((c) => c.standard !== false);
}

/** The kind a text names: a kind key ('donations'), a canonical name ('寄付台帳') or a sheet-name alias; null otherwise. */
export function kindFromName(name: string): SheetKind | null {
  if (isSheetKind(name)) return name;
  const n = normalizeHeader(name);
  if (n === '') return null;
  for (const kind of SHEET_KINDS) if (normalizeHeader(SHEET_SPECS[kind].canonicalName) === n) return kind;
  for (const kind of SHEET_KINDS) {
    for (const alias of SHEET_SPECS[kind].nameAliases) if (normalizeHeader(alias) === n) return kind;
  }
  return null;
}
