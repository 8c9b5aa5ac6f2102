/**
 * Defines the three form templates — ボランティア登録, 住民意識調査, 活動報告 — as rows of
 * アンケート定義, in Japanese with English and やさしい日本語. Choices that come from 設定 carry
 * translations in the order of Tsunagu's default 設定 lists (a 設定 edited since falls back to
 * Japanese with a warning). The survey's questions name the indicator IDs docs/forms.md lists.
 */
import { SHEET_SPECS } from '../sheets/specs';
import { YASASHII } from './languages';

export const TEMPLATE_NAMES = ['ボランティア登録', '住民意識調査', '活動報告'] as const;
export type TemplateName = (typeof TEMPLATE_NAMES)[number];

/** Text in the template's three languages. */
interface T3 {
  readonly ja: string;
  readonly en: string;
  readonly easy: string;
}

interface TemplateRow {
  readonly type: string;
  readonly section?: string;
  readonly id?: string;
  readonly text: T3;
  readonly help?: T3;
  readonly options?: T3;
  readonly required?: boolean;
  readonly rule?: string;
  readonly branch?: string;
  readonly indicator?: string;
  readonly target?: string;
}

/** Template languages: the column suffixes they fill. */
const LANGS: ReadonlyArray<readonly [keyof T3, string]> = [
  ['en', 'en'],
  ['easy', YASASHII],
];

const lines = (...values: string[]): string => values.join('\n');

// ─────────────── ボランティア登録 ───────────────

const VOLUNTEER_REGISTRATION: readonly TemplateRow[] = [
  {
    type: 'タイトル',
    text: { ja: 'ボランティア登録のお申し込み', en: 'Volunteer registration', easy: 'ボランティアの 登録(とうろく)' },
  },
  {
    type: 'フォームの説明',
    text: {
      ja: '社会福祉協議会のボランティアセンターに登録するためのフォームです。入力していただいた内容をもとに、センターの職員からご連絡します。',
      en: 'Use this form to register as a volunteer with the Volunteer Center of the Council of Social Welfare. A member of our staff will contact you after reading your answers.',
      easy: 'ボランティアセンターに 登録(とうろく)する フォームです。あとで センターの 人(ひと)が 連絡(れんらく)します。',
    },
  },
  {
    type: '確認メッセージ',
    text: {
      ja: 'お申し込みを受け付けました。ボランティアセンターから連絡しますので、しばらくお待ちください。',
      en: 'Thank you. We have received your registration and will contact you soon.',
      easy: 'ありがとうございます。センターから 連絡(れんらく)します。',
    },
  },
  {
    type: '個人情報の取扱い',
    text: {
      ja: 'ご記入いただいた個人情報は、ボランティア活動の紹介と連絡、ボランティア活動保険の手続きにだけ使います。ご本人の同意なく外部に提供することはありません。登録内容の確認・訂正・登録の取り消しは、いつでもボランティアセンターにお申し出ください。',
      en: 'We use your personal information only to introduce volunteer activities to you, to contact you, and to arrange volunteer activity insurance. We never share it with anyone else without your consent. You can ask the Volunteer Center at any time to see, correct or delete your registration.',
      easy: lines(
        'あなたの 名前(なまえ)や 住所(じゅうしょ)は、ボランティアの 連絡(れんらく)に 使(つか)います。',
        'ボランティアの 保険(ほけん)にも 使(つか)います。',
        'あなたが 「いいです」と 言(い)った ときだけ、ほかの 人(ひと)に 見(み)せます。',
        '登録(とうろく)を やめたい ときは、センターに 言(い)って ください。',
      ),
    },
  },
  { type: '取り込み先', text: { ja: 'ボランティア名簿', en: '', easy: '' } },
  {
    type: '短文',
    id: '氏名',
    text: { ja: 'お名前', en: 'Full name', easy: '名前(なまえ)' },
    help: {
      ja: '例: 西東 花子',
      en: 'As you would like us to call you in documents',
      easy: 'あなたの 名前(なまえ)を 書(か)いて ください。',
    },
    required: true,
    target: '氏名',
  },
  {
    type: '短文',
    id: 'フリガナ',
    text: { ja: 'フリガナ', en: 'Your name in katakana', easy: '名前(なまえ)の 読(よ)み方(かた)' },
    help: {
      ja: 'カタカナで入力してください（例: サイトウ ハナコ）',
      en: 'How your name is read, in katakana (e.g. サイトウ ハナコ). Leave it to our staff if you are not sure.',
      easy: 'カタカナで 書(か)いて ください（れい: サイトウ ハナコ）。',
    },
    rule: 'カタカナ',
    target: 'フリガナ',
  },
  {
    type: '日付',
    id: '生年月日',
    text: { ja: '生年月日', en: 'Date of birth', easy: '生(う)まれた 日(ひ)' },
    required: true,
    target: '生年月日',
  },
  {
    type: '単一選択',
    id: '性別',
    text: { ja: '性別', en: 'Gender', easy: '性別(せいべつ)' },
    help: {
      ja: '依頼によっては、性別を考えてご紹介することがあります。答えたくない場合は「回答しない」を選んでください。',
      en: 'Some requests ask for a volunteer of a particular gender. Choose “Prefer not to say” if you would rather not answer.',
      easy: '言(い)いたくない ときは 「言(い)わない」を えらんで ください。',
    },
    options: {
      ja: lines('女性', '男性', 'その他', '回答しない'),
      en: lines('Female', 'Male', 'Other', 'Prefer not to say'),
      easy: lines('女(おんな)', '男(おとこ)', 'そのほか', '言(い)わない'),
    },
    required: true,
    target: '性別',
  },
  {
    type: '短文',
    id: '郵便番号',
    text: { ja: '郵便番号', en: 'Postal code', easy: '郵便番号(ゆうびんばんごう)' },
    help: { ja: '例: 188-0012', en: 'e.g. 188-0012', easy: 'れい: 188-0012' },
    rule: '郵便番号',
    target: '郵便番号',
  },
  {
    type: '短文',
    id: '住所',
    text: { ja: 'ご住所', en: 'Address', easy: '住所(じゅうしょ)' },
    help: {
      ja: '市区町村から、建物名・部屋番号まで入力してください',
      en: 'From the city onwards, including the building name and room number',
      easy: '市(し)の 名前(なまえ)から 部屋(へや)の 番号(ばんごう)まで 書(か)いて ください。',
    },
    required: true,
    target: '住所',
  },
  {
    type: 'プルダウン',
    id: '圏域',
    text: { ja: 'お住まいの圏域', en: 'Your area (圏域)', easy: '住(す)んで いる ところ（圏域(けんいき)）' },
    help: {
      ja: '分からないときは、空けたままで構いません（地区から職員が確認します）',
      en: 'Leave it blank if you are not sure; our staff will work it out from your district',
      easy: 'わからない ときは えらばなくて いいです。',
    },
    options: { ja: '設定:圏域', en: '', easy: '' },
    target: '圏域',
  },
  {
    type: 'プルダウン',
    id: '地区',
    text: { ja: 'お住まいの地区', en: 'Your district', easy: '住(す)んで いる 地区(ちく)' },
    options: { ja: '設定:地区', en: '', easy: '' },
    target: '地区',
  },
  {
    type: '短文',
    id: '電話番号',
    text: { ja: '電話番号', en: 'Phone number', easy: '電話番号(でんわばんごう)' },
    help: {
      ja: '日中に連絡がとれる番号（例: 042-000-0000、090-0000-0000）',
      en: 'A number we can reach you on during the day (e.g. 042-000-0000 or 090-0000-0000)',
      easy: '昼(ひる)に 話(はな)せる 番号(ばんごう)を 書(か)いて ください。',
    },
    required: true,
    rule: '電話',
    target: '電話番号',
  },
  {
    type: '短文',
    id: 'メール',
    text: { ja: 'メールアドレス', en: 'Email address', easy: 'メールアドレス' },
    help: {
      ja: 'お持ちの方のみ（活動の案内をお送りします）',
      en: 'If you have one: we send news of activities by email',
      easy: 'ある 人(ひと)だけ 書(か)いて ください。',
    },
    rule: 'メール',
    target: 'メール',
  },
  {
    type: 'セクション',
    section: '活動の希望',
    text: { ja: '活動の希望', en: 'The volunteering you would like to do', easy: 'どんな 活動(かつどう)を したいか' },
    help: {
      ja: 'あてはまるものを選んでください。あとから変えることもできます。',
      en: 'Choose what applies to you. You can change it later.',
      easy: 'あとで かえる ことも できます。',
    },
  },
  {
    type: '複数選択',
    section: '活動の希望',
    id: '活動分野',
    text: { ja: 'やってみたい活動の分野', en: 'Fields you would like to volunteer in', easy: 'したい 活動(かつどう)' },
    help: { ja: 'いくつでも選べます', en: 'Choose as many as you like', easy: 'いくつ えらんでも いいです。' },
    options: {
      ja: '設定:活動分野',
      en: lines(
        'Older people',
        'People with disabilities',
        'Children and parenting',
        'People with foreign roots',
        'Community gathering places',
        'Disaster relief',
        'Environment and community building',
        'Other',
      ),
      easy: lines(
        'お年寄(としよ)り',
        '障害(しょうがい)の ある 人(ひと)',
        '子(こ)ども・子育(こそだ)て',
        '外国(がいこく)から 来(き)た 人(ひと)',
        'みんなが 集(あつ)まる 場所(ばしょ)',
        '災害(さいがい)の ときの 手伝(てつだ)い',
        '町(まち)づくり・自然(しぜん)',
        'そのほか',
      ),
    },
    required: true,
    target: '活動分野',
  },
  {
    type: '複数選択',
    section: '活動の希望',
    id: '資格・特技',
    text: { ja: 'お持ちの資格・特技', en: 'Qualifications and skills', easy: 'できる こと・資格(しかく)' },
    help: {
      ja: 'あてはまるものをすべて選んでください',
      en: 'Choose all that apply',
      easy: 'あてはまる ものを ぜんぶ えらんで ください。',
    },
    options: {
      ja: '設定:資格・特技',
      en: lines(
        'Certified care worker',
        'Care worker initial training',
        'Nurse',
        'Childcare worker',
        'Sign language',
        'Braille transcription',
        'Reading aloud for recordings',
        'Real-time captioning',
        'Driving',
        'Cooking',
        'Active listening',
        'Computers and smartphones',
        'Foreign languages',
      ),
      easy: lines(
        '介護福祉士(かいごふくしし)',
        '介護(かいご)の 研修(けんしゅう)',
        '看護師(かんごし)',
        '保育士(ほいくし)',
        '手話(しゅわ)',
        '点字(てんじ)を 作(つく)る',
        '本(ほん)を 読(よ)んで 録音(ろくおん)する',
        '話(はなし)を 字(じ)に して 伝(つた)える',
        '車(くるま)の 運転(うんてん)',
        '料理(りょうり)',
        '話(はなし)を 聞(き)く',
        'パソコン・スマホ',
        '外国語(がいこくご)',
      ),
    },
    target: '資格・特技',
  },
  {
    type: '複数選択',
    section: '活動の希望',
    id: '対応言語',
    text: { ja: '話せる言語', en: 'Languages you speak', easy: '話(はな)せる ことば' },
    help: {
      ja: '話せる言語をすべて選んでください',
      en: 'Choose every language you can speak',
      easy: '話(はな)せる ことばを ぜんぶ えらんで ください。',
    },
    options: {
      ja: '設定:対応言語',
      en: lines('Japanese', 'Easy Japanese', 'English', 'Chinese', 'Korean', 'Vietnamese', 'Nepali', 'Tagalog'),
      easy: lines(
        '日本語(にほんご)',
        'やさしい 日本語(にほんご)',
        '英語(えいご)',
        '中国語(ちゅうごくご)',
        '韓国語(かんこくご)',
        'ベトナム語(ご)',
        'ネパール語(ご)',
        'タガログ語(ご)',
      ),
    },
    target: '対応言語',
  },
  {
    type: 'チェックボックスグリッド',
    section: '活動の希望',
    id: '活動可能日時',
    text: {
      ja: '活動できる曜日と時間帯',
      en: 'When you can volunteer',
      easy: '活動(かつどう)できる 日(ひ)と 時間(じかん)',
    },
    help: {
      ja: '活動できるところにすべてチェックしてください（午前: 9〜12時、午後: 13〜17時、夜間: 17時以降）',
      en: 'Tick every time you are free (morning 9–12, afternoon 13–17, evening after 17)',
      easy: 'できる ところに ぜんぶ チェックして ください。',
    },
    options: {
      ja: lines('行: 月曜日、火曜日、水曜日、木曜日、金曜日、土曜日、日曜日', '列: 午前、午後、夜間'),
      en: lines(
        'Rows: Monday, Tuesday, Wednesday, Thursday, Friday, Saturday, Sunday',
        'Columns: Morning, Afternoon, Evening',
      ),
      easy: lines(
        '行: 月曜日(げつようび)、火曜日(かようび)、水曜日(すいようび)、木曜日(もくようび)、金曜日(きんようび)、土曜日(どようび)、日曜日(にちようび)',
        '列: 午前(ごぜん)、午後(ごご)、夜(よる)',
      ),
    },
    target: '活動可能日時',
  },
  {
    type: '段落',
    section: '活動の希望',
    id: '備考',
    text: {
      ja: 'そのほか、伝えておきたいこと',
      en: 'Anything else you would like us to know',
      easy: 'ほかに 伝(つた)えたい こと',
    },
    help: {
      ja: '活動の経験や、配慮してほしいことなどがあれば書いてください',
      en: 'For example your experience, or anything we should take into account',
      easy: 'あれば 書(か)いて ください。',
    },
    target: '備考',
  },
  {
    type: 'セクション',
    section: '保険と同意',
    text: {
      ja: '保険と個人情報',
      en: 'Insurance and your personal information',
      easy: '保険(ほけん)と あなたの 情報(じょうほう)',
    },
  },
  {
    type: '単一選択',
    section: '保険と同意',
    id: '保険',
    text: { ja: 'ボランティア活動保険', en: 'Volunteer activity insurance', easy: 'ボランティアの 保険(ほけん)' },
    help: {
      ja: '活動中のけがや事故に備える保険です。社会福祉協議会で加入の手続きができます（保険料はご本人の負担です）。',
      en: 'This insurance covers injuries and accidents during activities. You can join through the Council of Social Welfare (you pay the premium).',
      easy: 'けがを した ときの ための 保険(ほけん)です。お金(かね)は 自分(じぶん)で はらいます。',
    },
    options: {
      ja: lines('今年度の保険に加入済み', '社協で加入の手続きをしたい', 'まだ決めていない'),
      en: lines('I am insured for this fiscal year', 'I would like to join through the council', 'Not decided yet'),
      easy: lines('もう 入(はい)って いる', '社協(しゃきょう)で 入(はい)りたい', 'まだ わからない'),
    },
    required: true,
    target: '保険加入年度',
  },
  {
    type: '複数選択',
    section: '保険と同意',
    id: '個人情報同意',
    text: {
      ja: '個人情報の取扱いに同意します',
      en: 'I agree to how my personal information is handled',
      easy: 'あなたの 情報(じょうほう)の 使(つか)い方(かた)',
    },
    help: {
      ja: '上の「個人情報の取扱いについて」をお読みのうえ、チェックしてください。同意がないと登録できません。',
      en: 'Please read “How we handle your personal information” above and tick the box. We cannot register you without your consent.',
      easy: '上(うえ)の 文(ぶん)を 読(よ)んで、いい ときは チェックして ください。',
    },
    options: { ja: '同意する', en: 'I agree', easy: 'いいです' },
    required: true,
    target: '個人情報同意',
  },
];

// ─────────────── 住民意識調査 ───────────────

const RESIDENT_SURVEY: readonly TemplateRow[] = [
  {
    type: 'タイトル',
    text: {
      ja: '地域福祉に関する住民意識調査',
      en: 'Residents’ survey on community welfare',
      easy: '地域(ちいき)の くらしの アンケート',
    },
  },
  {
    type: 'フォームの説明',
    text: {
      ja: '地域福祉活動計画の取り組みを見直すためのアンケートです。お名前は書かずに答えられ、回答は統計としてだけ使います。5分ほどで答えられます。',
      en: 'This survey helps us review the Community Welfare Activity Plan. It is anonymous, and the answers are only used as statistics. It takes about five minutes.',
      easy: lines(
        '町(まち)を よくする ための アンケートです。',
        '名前(なまえ)は 書(か)きません。',
        '5分(ふん)ぐらいで 答(こた)えられます。',
      ),
    },
  },
  {
    type: '確認メッセージ',
    text: {
      ja: 'ご協力ありがとうございました。結果は社協だよりとホームページでお知らせします。',
      en: 'Thank you for taking part. We will share the results in our newsletter and on our website.',
      easy: 'ありがとうございました。',
    },
  },
  {
    type: '個人情報の取扱い',
    text: {
      ja: 'このアンケートでは、お名前や連絡先はうかがいません。回答はまとめて集計し、地域福祉活動計画の評価にだけ使います。',
      en: 'We do not ask for your name or contact details. The answers are only counted together to evaluate the Community Welfare Activity Plan.',
      easy: lines(
        '名前(なまえ)や 電話番号(でんわばんごう)は 聞(き)きません。',
        '答(こた)えは 町(まち)を よくする ために 使(つか)います。',
      ),
    },
  },
  { type: '取り込み先', text: { ja: 'アンケート回答', en: '', easy: '' } },
  {
    type: '単一選択',
    id: '年代',
    text: { ja: 'あなたの年代', en: 'Your age group', easy: 'あなたの 年(とし)' },
    options: {
      ja: lines('10代', '20代', '30代', '40代', '50代', '60代', '70代', '80代以上'),
      en: lines('10–19', '20–29', '30–39', '40–49', '50–59', '60–69', '70–79', '80 or over'),
      easy: lines(
        '10〜19歳(さい)',
        '20〜29歳(さい)',
        '30〜39歳(さい)',
        '40〜49歳(さい)',
        '50〜59歳(さい)',
        '60〜69歳(さい)',
        '70〜79歳(さい)',
        '80歳(さい)より 上(うえ)',
      ),
    },
    required: true,
  },
  {
    type: 'プルダウン',
    id: '圏域',
    text: { ja: 'お住まいの圏域', en: 'The area you live in (圏域)', easy: '住(す)んで いる ところ' },
    options: { ja: '設定:圏域', en: '', easy: '' },
  },
  {
    type: '単一選択',
    id: '近所付き合い',
    text: {
      ja: 'ふだん、近所の人とどのくらい付き合いがありますか',
      en: 'How much do you have to do with your neighbours?',
      easy: '近(ちか)くに 住(す)む 人(ひと)と 話(はな)しますか',
    },
    options: {
      ja: lines('家を行き来するなど親しくしている', '立ち話をする程度', 'あいさつをする程度', 'ほとんど付き合いはない'),
      en: lines('We visit each other’s homes', 'We stop and chat', 'We just say hello', 'Hardly at all'),
      easy: lines(
        '家(いえ)に 行(い)ったり 来(き)たり する',
        '外(そと)で 話(はな)す',
        'あいさつだけ',
        'ほとんど 話(はな)さない',
      ),
    },
    required: true,
    indicator: 'G1-S1',
  },
  {
    type: '単一選択',
    id: '地域活動への参加',
    text: {
      ja: 'この1年間に、地域の活動（自治会・サロン・ボランティアなど）に参加しましたか',
      en: 'In the past year, have you taken part in local activities (residents’ association, salons, volunteering and so on)?',
      easy: 'この 1年(ねん)に 町(まち)の 活動(かつどう)に 行(い)きましたか',
    },
    options: {
      ja: lines('よく参加した', 'ときどき参加した', '参加しなかった'),
      en: lines('Often', 'Sometimes', 'Not at all'),
      easy: lines('よく 行(い)った', 'ときどき 行(い)った', '行(い)って いない'),
    },
    required: true,
    indicator: 'G1-S2',
  },
  {
    type: '単一選択',
    id: '居場所の利用',
    text: {
      ja: '地域の居場所やサロン（だれでも気軽に集まれる場所）を利用したことがありますか',
      en: 'Have you ever used a community space or salon (a place anyone can drop in)?',
      easy: 'だれでも 行(い)ける 集(あつ)まりの 場所(ばしょ)に 行(い)きますか',
    },
    options: {
      ja: lines('今も利用している', '利用したことがある', '知っているが利用したことはない', '知らない'),
      en: lines(
        'I use one now',
        'I have used one',
        'I know of them but have never used one',
        'I did not know about them',
      ),
      easy: lines(
        '今(いま) 行(い)って いる',
        '行(い)った ことが ある',
        '知(し)って いるが 行(い)って いない',
        '知(し)らない',
      ),
    },
    required: true,
    indicator: 'G1-S3',
  },
  {
    type: '単一選択',
    id: 'ボランティアへの関心',
    text: {
      ja: 'ボランティア活動に参加してみたいと思いますか',
      en: 'Would you like to do volunteer work?',
      easy: 'ボランティアを して みたいですか',
    },
    options: {
      ja: lines('すでに参加している', '参加してみたい', '機会があれば参加したい', '参加したいと思わない'),
      en: lines('I already volunteer', 'Yes, I would like to', 'If the chance comes up', 'No'),
      easy: lines('もう して いる', 'して みたい', 'できたら したい', 'したく ない'),
    },
    required: true,
    indicator: 'G1-S4',
  },
  {
    type: '複数選択',
    id: '困りごとの相談先',
    text: {
      ja: '困ったときに相談できる人や場所はどこですか',
      en: 'Who or where could you turn to when you are in difficulty?',
      easy: 'こまった とき だれに 話(はな)しますか',
    },
    help: {
      ja: 'あてはまるものをすべて選んでください',
      en: 'Choose all that apply',
      easy: 'ぜんぶ えらんで ください。',
    },
    options: {
      ja: lines(
        '家族・親せき',
        '友人・近所の人',
        '市役所',
        '社会福祉協議会',
        '民生委員・児童委員',
        '地域包括支援センター',
        'その他',
        '相談できるところはない',
      ),
      en: lines(
        'Family or relatives',
        'Friends or neighbours',
        'The city office',
        'The Council of Social Welfare',
        'A community welfare volunteer (民生委員)',
        'The community general support center',
        'Other',
        'There is no one I can turn to',
      ),
      easy: lines(
        '家族(かぞく)',
        '友(とも)だち・近(ちか)くの 人(ひと)',
        '市役所(しやくしょ)',
        '社協(しゃきょう)',
        '民生委員(みんせいいいん)',
        'お年寄(としよ)りの 相談(そうだん)センター',
        'そのほか',
        'だれも いない',
      ),
    },
    required: true,
    rule: '選択数(1〜)',
    indicator: 'G2-S1',
  },
  {
    type: '単一選択',
    id: '社協の認知度',
    text: {
      ja: '社会福祉協議会（社協）を知っていますか',
      en: 'Do you know the Council of Social Welfare (社協)?',
      easy: '社協(しゃきょう)を 知(し)って いますか',
    },
    options: {
      ja: lines('名前も活動も知っている', '名前は知っている', '知らない'),
      en: lines('I know its name and what it does', 'I know the name only', 'I do not know it'),
      easy: lines('名前(なまえ)も する ことも 知(し)って いる', '名前(なまえ)だけ 知(し)って いる', '知(し)らない'),
    },
    required: true,
    indicator: 'G3-S1',
  },
  {
    type: '複数選択',
    id: '情報の入手方法',
    text: {
      ja: '地域や福祉の情報を、主に何から得ていますか',
      en: 'Where do you mainly get news about your community and welfare?',
      easy: '町(まち)の ニュースを どこで 知(し)りますか',
    },
    help: { ja: 'いくつでも選べます', en: 'Choose as many as you like', easy: 'いくつ えらんでも いいです。' },
    options: {
      ja: lines(
        '市の広報紙',
        '社協だより',
        '回覧板・掲示板',
        'ホームページ',
        'SNS（LINE・X・Instagram など）',
        '家族・知人',
        'その他',
        '特にない',
      ),
      en: lines(
        'The city newsletter',
        'The council’s newsletter',
        'Circulars and notice boards',
        'Websites',
        'Social media (LINE, X, Instagram …)',
        'Family or friends',
        'Other',
        'Nowhere in particular',
      ),
      easy: lines(
        '市(し)の お知(し)らせ',
        '社協(しゃきょう)の お知(し)らせ',
        '回覧板(かいらんばん)・けいじ板(ばん)',
        'ホームページ',
        'SNS（LINE・X・Instagram など）',
        '家族(かぞく)・友(とも)だち',
        'そのほか',
        'とくに ない',
      ),
    },
    required: true,
    indicator: 'G3-S2',
  },
  {
    type: '単一選択',
    id: '社協への協力',
    text: {
      ja: '社協の会員になったり、寄付をしたりしたことがありますか',
      en: 'Have you ever become a member of the council or made a donation to it?',
      easy: '社協(しゃきょう)に お金(かね)で 協力(きょうりょく)した ことが ありますか',
    },
    help: {
      ja: '社協の活動は、会費や寄付にも支えられています',
      en: 'The council’s work is partly paid for by members’ fees and donations',
      easy: '社協(しゃきょう)は みんなの お金(かね)で 活動(かつどう)して います。',
    },
    options: {
      ja: lines('会員になっている・寄付をしたことがある', '知っているが協力したことはない', '知らなかった'),
      en: lines('I am a member or have donated', 'I knew but have not', 'I did not know'),
      easy: lines('した ことが ある', '知(し)って いるが して いない', '知(し)らなかった'),
    },
    indicator: 'G4-S1',
  },
];

// ─────────────── 活動報告 ───────────────

const ACTIVITY_REPORT: readonly TemplateRow[] = [
  { type: 'タイトル', text: { ja: '活動報告', en: 'Activity report', easy: '活動(かつどう)の 報告(ほうこく)' } },
  {
    type: 'フォームの説明',
    text: {
      ja: '活動が終わったら、このフォームで報告してください。報告は活動の記録と、地域福祉活動計画の評価に使います。',
      en: 'Please report each activity here when it is over. Your reports go into the activity log and the evaluation of the Community Welfare Activity Plan.',
      easy: '活動(かつどう)が 終(お)わったら、この フォームで 教(おし)えて ください。',
    },
  },
  {
    type: '確認メッセージ',
    text: { ja: '報告ありがとうございました。', en: 'Thank you for your report.', easy: 'ありがとうございました。' },
  },
  { type: '取り込み先', text: { ja: '活動記録', en: '', easy: '' } },
  {
    type: '日付',
    id: '日付',
    text: { ja: '活動した日', en: 'Date of the activity', easy: '活動(かつどう)した 日(ひ)' },
    required: true,
    target: '日付',
  },
  {
    type: 'プルダウン',
    id: '事業',
    text: { ja: '事業', en: 'Programme', easy: '活動(かつどう)の グループ' },
    help: {
      ja: '分からないときは「ボラセン」を選んでください',
      en: 'If you are not sure, choose ボラセン (the volunteer center)',
      easy: 'わからない ときは 「ボラセン」を えらんで ください。',
    },
    options: {
      ja: lines('ほっとネット', 'ふれまち', 'りんく', 'ボラセン'),
      en: lines(
        'ほっとネット (community welfare coordinators)',
        'ふれまち (neighbourhood mutual help)',
        'りんく (watching over older people)',
        'ボラセン (volunteer center)',
      ),
      easy: lines('ほっとネット', 'ふれまち', 'りんく', 'ボラセン'),
    },
    required: true,
    target: '事業',
  },
  {
    type: 'プルダウン',
    id: '活動種別',
    text: { ja: '活動の種類', en: 'Type of activity', easy: '活動(かつどう)の しゅるい' },
    options: {
      ja: lines('居場所', 'サロン', '見守り訪問', '助け合い活動', '住民懇談会', '講座', 'イベント', '情報発信'),
      en: lines(
        'Community space',
        'Salon',
        'Watch-over visit',
        'Mutual help',
        'Residents’ meeting',
        'Course or workshop',
        'Event',
        'Sharing information',
      ),
      easy: lines(
        '集(あつ)まる 場所(ばしょ)',
        'サロン',
        'お年寄(としよ)りの 家(いえ)に 行(い)く',
        '助(たす)け合(あ)い',
        '町(まち)の 話(はな)し合(あ)い',
        '勉強会(べんきょうかい)',
        'イベント',
        'お知(し)らせを 出(だ)す',
      ),
    },
    required: true,
    target: '活動種別',
  },
  {
    type: 'プルダウン',
    id: '圏域',
    text: { ja: '活動した圏域', en: 'Area of the activity (圏域)', easy: '活動(かつどう)した ところ' },
    options: { ja: '設定:圏域', en: '', easy: '' },
    target: '圏域',
  },
  {
    type: '短文',
    id: '登録番号',
    text: { ja: 'あなたの登録番号', en: 'Your volunteer number', easy: 'あなたの 登録番号(とうろくばんごう)' },
    help: {
      ja: 'ボランティア登録のときにお知らせした番号です',
      en: 'The number we gave you when you registered',
      easy: '登録(とうろく)の ときに もらった 番号(ばんごう)です。',
    },
    required: true,
    target: '登録番号',
  },
  {
    type: '短文',
    id: '依頼番号',
    text: {
      ja: '依頼番号（分かる場合）',
      en: 'Request number (if you know it)',
      easy: '依頼(いらい)の 番号(ばんごう)',
    },
    help: {
      ja: '分からない場合は空けたままで構いません',
      en: 'Leave it blank if you do not know it',
      easy: 'わからない ときは 書(か)かなくて いいです。',
    },
    target: '依頼番号',
  },
  {
    type: '短文',
    id: '参加者数',
    text: { ja: '参加者数', en: 'Number of participants', easy: '来(き)た 人(ひと)の 数(かず)' },
    help: {
      ja: 'あなたを含めない、参加した人の数',
      en: 'Not counting yourself',
      easy: 'あなたは 数(かぞ)えません。',
    },
    rule: '整数(0〜1000)',
    target: '参加者数',
  },
  {
    type: '短文',
    id: '活動時間',
    text: { ja: '活動時間（時間）', en: 'Hours spent', easy: '活動(かつどう)した 時間(じかん)' },
    help: {
      ja: '例: 1時間30分なら 1.5',
      en: 'e.g. 1.5 for an hour and a half',
      easy: 'れい: 1時間(じかん)30分(ぷん)は 1.5',
    },
    required: true,
    rule: '数値(0〜24)',
    target: '活動時間',
  },
  {
    type: '単一選択',
    id: '多世代',
    text: {
      ja: '子どもから高齢の方まで、いろいろな世代が参加しましたか',
      en: 'Did people of different generations take part, from children to older people?',
      easy: '子(こ)どもや お年寄(としよ)りなど、いろいろな 年(とし)の 人(ひと)が 来(き)ましたか',
    },
    options: { ja: lines('はい', 'いいえ'), en: lines('Yes', 'No'), easy: lines('はい', 'いいえ') },
    target: '多世代',
  },
  {
    type: '段落',
    id: '備考',
    text: {
      ja: '気づいたこと・伝えたいこと',
      en: 'Anything you noticed or want to tell us',
      easy: '気(き)が ついた こと',
    },
    help: {
      ja: '気になる様子の方がいたときなども書いてください（その方のお名前は書かないでください）',
      en: 'For example if someone seemed to need help (please do not write their name)',
      easy: '人(ひと)の 名前(なまえ)は 書(か)かないで ください。',
    },
    target: '備考',
  },
];

const TEMPLATES: Readonly<Record<TemplateName, readonly TemplateRow[]>> = {
  ボランティア登録: VOLUNTEER_REGISTRATION,
  住民意識調査: RESIDENT_SURVEY,
  活動報告: ACTIVITY_REPORT,
};

export function isTemplateName(name: string): name is TemplateName {
  return (TEMPLATE_NAMES as readonly string[]).indexOf(name) >= 0;
}

/** The column keys a template fills, in the order of a new アンケート定義 (docs/forms.md). */
export const TEMPLATE_KEYS: readonly string[] = [
  ...SHEET_SPECS.surveys.columns.map((c) => c.key),
  ...LANGS.flatMap(([, lang]) => [`question.${lang}`, `description.${lang}`, `options.${lang}`]),
];

/** The header of a new アンケート定義 with the template's language columns: 設問[en] … 選択肢[やさしい]. */
export function templateHeader(): string[] {
  return TEMPLATE_KEYS.map((key) => {
    const dot = key.indexOf('.');
    if (dot < 0) return SHEET_SPECS.surveys.columns.find((c) => c.key === key)?.header ?? key;
    const base = SHEET_SPECS.surveys.columns.find((c) => c.key === key.slice(0, dot))?.header ?? key;
    const lang = key.slice(dot + 1);
    return `${base}[${lang === YASASHII ? 'やさしい' : lang}]`;
  });
}

/**
 * A template's rows keyed by column key ('question', 'question.en', 'options.ja-yasashii' …),
 * under the given フォーム名 (the template's name by default). Blank cells are ''.
 */
export function templateRows(name: TemplateName, formName: string = name): Array<Record<string, string>> {
  return TEMPLATES[name].map((t) => {
    const row: Record<string, string> = Object.fromEntries(TEMPLATE_KEYS.map((k) => [k, '']));
    row.formName = formName;
    row.section = t.section ?? '';
    row.questionId = t.id ?? '';
    row.questionType = t.type;
    row.question = t.text.ja;
    row.description = t.help?.ja ?? '';
    row.options = t.options?.ja ?? '';
    row.required = t.required === undefined ? '' : t.required ? 'はい' : 'いいえ';
    row.validation = t.rule ?? '';
    row.branch = t.branch ?? '';
    row.indicator = t.indicator ?? '';
    row.target = t.target ?? '';
    for (const [field, lang] of LANGS) {
      row[`question.${lang}`] = t.text[field];
      row[`description.${lang}`] = t.help?.[field] ?? '';
      row[`options.${lang}`] = t.options?.[field] ?? '';
    }
    return row;
  });
}

/** The template as cells under templateHeader(), ready to write into a new アンケート定義. */
export function templateCells(name: TemplateName, formName: string = name): string[][] {
  return templateRows(name, formName).map((row) => TEMPLATE_KEYS.map((k) => row[k] ?? ''));
}
