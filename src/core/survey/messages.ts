/** Defines the texts Tsunagu itself puts on a form, in every known language: validation messages and the privacy-notice heading. */
import { JAPANESE, YASASHII } from './languages';

/** The validation message of each 入力規則, with {min} {max} {n} filled in by respondentMessage. */
export type RespondentMessageKey =
  | 'email'
  | 'phone'
  | 'postal'
  | 'kana'
  | 'number'
  | 'integer'
  | 'numberBetween'
  | 'numberAtLeast'
  | 'numberAtMost'
  | 'lengthAtMost'
  | 'lengthAtLeast'
  | 'lengthBetween'
  | 'pattern'
  | 'selectAtLeast'
  | 'selectAtMost'
  | 'selectExactly'
  | 'onePerColumn'
  | 'noticeTitle';

type Table = Readonly<Record<RespondentMessageKey, string>>;

const JA: Table = {
  email: 'メールアドレスの形で入力してください（例: name@example.jp）。',
  phone: '電話番号を入力してください（例: 042-000-0000）。',
  postal: '郵便番号を7けたで入力してください（例: 188-0012）。',
  kana: 'カタカナで入力してください。',
  number: '数字で入力してください。',
  integer: '整数で入力してください。',
  numberBetween: '{min}から{max}までの数字で入力してください。',
  numberAtLeast: '{min}以上の数字で入力してください。',
  numberAtMost: '{max}以下の数字で入力してください。',
  lengthAtMost: '{max}文字以内で入力してください。',
  lengthAtLeast: '{min}文字以上で入力してください。',
  lengthBetween: '{min}文字以上{max}文字以内で入力してください。',
  pattern: '説明にある形で入力してください。',
  selectAtLeast: '{n}つ以上選んでください。',
  selectAtMost: '{n}つまで選んでください。',
  selectExactly: '{n}つ選んでください。',
  onePerColumn: '同じ列を2回以上選ぶことはできません。',
  noticeTitle: '個人情報の取扱いについて',
};

const YASASHII_JA: Table = {
  email: 'メールアドレスを 書(か)いて ください（れい: name@example.jp）。',
  phone: '電話番号(でんわばんごう)を 書(か)いて ください（れい: 042-000-0000）。',
  postal: '郵便番号(ゆうびんばんごう)を 7つの 数字(すうじ)で 書(か)いて ください（れい: 188-0012）。',
  kana: 'カタカナで 書(か)いて ください。',
  number: '数字(すうじ)で 書(か)いて ください。',
  integer: '数字(すうじ)で 書(か)いて ください。',
  numberBetween: '{min}から {max}までの 数字(すうじ)を 書(か)いて ください。',
  numberAtLeast: '{min}より 大(おお)きい 数字(すうじ)か、{min}を 書(か)いて ください。',
  numberAtMost: '{max}より 小(ちい)さい 数字(すうじ)か、{max}を 書(か)いて ください。',
  lengthAtMost: '{max}文字(もじ)までで 書(か)いて ください。',
  lengthAtLeast: '{min}文字(もじ)より 多(おお)く 書(か)いて ください。',
  lengthBetween: '{min}文字(もじ)から {max}文字(もじ)までで 書(か)いて ください。',
  pattern: '説明(せつめい)の とおりに 書(か)いて ください。',
  selectAtLeast: '{n}つより 多(おお)く えらんで ください。',
  selectAtMost: '{n}つまで えらんで ください。',
  selectExactly: '{n}つ えらんで ください。',
  onePerColumn: 'おなじ 列(れつ)は 1回(かい)だけ えらんで ください。',
  noticeTitle: 'あなたの 情報(じょうほう)の 使(つか)い方(かた)',
};

const EN: Table = {
  email: 'Please enter an email address (e.g. name@example.jp).',
  phone: 'Please enter a phone number (e.g. 042-000-0000).',
  postal: 'Please enter a 7-digit postal code (e.g. 188-0012).',
  kana: 'Please write this in katakana.',
  number: 'Please enter a number.',
  integer: 'Please enter a whole number.',
  numberBetween: 'Please enter a number from {min} to {max}.',
  numberAtLeast: 'Please enter a number of at least {min}.',
  numberAtMost: 'Please enter a number of at most {max}.',
  lengthAtMost: 'Please use at most {max} characters.',
  lengthAtLeast: 'Please use at least {min} characters.',
  lengthBetween: 'Please use {min} to {max} characters.',
  pattern: 'Please enter it in the format described.',
  selectAtLeast: 'Please choose at least {n}.',
  selectAtMost: 'Please choose at most {n}.',
  selectExactly: 'Please choose exactly {n}.',
  onePerColumn: 'Please choose each column only once.',
  noticeTitle: 'How we handle your personal information',
};

const ZH: Table = {
  email: '请输入电子邮件地址（例：name@example.jp）。',
  phone: '请输入电话号码（例：042-000-0000）。',
  postal: '请输入7位数的邮政编码（例：188-0012）。',
  kana: '请用片假名填写。',
  number: '请输入数字。',
  integer: '请输入整数。',
  numberBetween: '请输入{min}到{max}之间的数字。',
  numberAtLeast: '请输入{min}以上的数字。',
  numberAtMost: '请输入{max}以下的数字。',
  lengthAtMost: '请在{max}个字以内填写。',
  lengthAtLeast: '请至少填写{min}个字。',
  lengthBetween: '请填写{min}到{max}个字。',
  pattern: '请按照说明中的格式填写。',
  selectAtLeast: '请至少选择{n}项。',
  selectAtMost: '最多可以选择{n}项。',
  selectExactly: '请选择{n}项。',
  onePerColumn: '每一列只能选择一次。',
  noticeTitle: '关于个人信息的处理',
};

const KO: Table = {
  email: '이메일 주소를 입력해 주세요 (예: name@example.jp).',
  phone: '전화번호를 입력해 주세요 (예: 042-000-0000).',
  postal: '우편번호 7자리를 입력해 주세요 (예: 188-0012).',
  kana: '가타카나로 입력해 주세요.',
  number: '숫자로 입력해 주세요.',
  integer: '정수로 입력해 주세요.',
  numberBetween: '{min}에서 {max} 사이의 숫자를 입력해 주세요.',
  numberAtLeast: '{min} 이상의 숫자를 입력해 주세요.',
  numberAtMost: '{max} 이하의 숫자를 입력해 주세요.',
  lengthAtMost: '{max}자 이내로 입력해 주세요.',
  lengthAtLeast: '{min}자 이상 입력해 주세요.',
  lengthBetween: '{min}자에서 {max}자 사이로 입력해 주세요.',
  pattern: '설명에 있는 형식으로 입력해 주세요.',
  selectAtLeast: '{n}개 이상 선택해 주세요.',
  selectAtMost: '{n}개까지 선택해 주세요.',
  selectExactly: '{n}개를 선택해 주세요.',
  onePerColumn: '같은 열은 한 번만 선택할 수 있습니다.',
  noticeTitle: '개인정보 취급에 대하여',
};

const VI: Table = {
  email: 'Vui lòng nhập địa chỉ email (ví dụ: name@example.jp).',
  phone: 'Vui lòng nhập số điện thoại (ví dụ: 042-000-0000).',
  postal: 'Vui lòng nhập mã bưu điện 7 chữ số (ví dụ: 188-0012).',
  kana: 'Vui lòng viết bằng chữ katakana.',
  number: 'Vui lòng nhập một số.',
  integer: 'Vui lòng nhập một số nguyên.',
  numberBetween: 'Vui lòng nhập một số từ {min} đến {max}.',
  numberAtLeast: 'Vui lòng nhập một số từ {min} trở lên.',
  numberAtMost: 'Vui lòng nhập một số không quá {max}.',
  lengthAtMost: 'Vui lòng viết tối đa {max} ký tự.',
  lengthAtLeast: 'Vui lòng viết ít nhất {min} ký tự.',
  lengthBetween: 'Vui lòng viết từ {min} đến {max} ký tự.',
  pattern: 'Vui lòng nhập theo định dạng trong phần hướng dẫn.',
  selectAtLeast: 'Vui lòng chọn ít nhất {n} mục.',
  selectAtMost: 'Vui lòng chọn tối đa {n} mục.',
  selectExactly: 'Vui lòng chọn đúng {n} mục.',
  onePerColumn: 'Mỗi cột chỉ được chọn một lần.',
  noticeTitle: 'Về việc xử lý thông tin cá nhân',
};

const TL: Table = {
  email: 'Pakilagay ang iyong email address (halimbawa: name@example.jp).',
  phone: 'Pakilagay ang numero ng telepono (halimbawa: 042-000-0000).',
  postal: 'Pakilagay ang 7-digit na postal code (halimbawa: 188-0012).',
  kana: 'Pakisulat ito sa katakana.',
  number: 'Pakilagay ang numero.',
  integer: 'Pakilagay ang buong numero.',
  numberBetween: 'Pakilagay ang numero mula {min} hanggang {max}.',
  numberAtLeast: 'Pakilagay ang numerong {min} o higit pa.',
  numberAtMost: 'Pakilagay ang numerong {max} o mas mababa.',
  lengthAtMost: 'Hanggang {max} na character lamang.',
  lengthAtLeast: 'Hindi bababa sa {min} na character.',
  lengthBetween: 'Mula {min} hanggang {max} na character.',
  pattern: 'Pakisulat ayon sa format na nasa paliwanag.',
  selectAtLeast: 'Pumili ng hindi bababa sa {n}.',
  selectAtMost: 'Pumili ng hanggang {n} lamang.',
  selectExactly: 'Pumili ng eksaktong {n}.',
  onePerColumn: 'Isang beses lang mapipili ang bawat column.',
  noticeTitle: 'Tungkol sa paghawak ng personal na impormasyon',
};

const NE: Table = {
  email: 'कृपया इमेल ठेगाना लेख्नुहोस् (उदाहरण: name@example.jp)।',
  phone: 'कृपया फोन नम्बर लेख्नुहोस् (उदाहरण: 042-000-0000)।',
  postal: 'कृपया ७ अङ्कको हुलाक कोड लेख्नुहोस् (उदाहरण: 188-0012)।',
  kana: 'कृपया काताकानामा लेख्नुहोस्।',
  number: 'कृपया संख्या लेख्नुहोस्।',
  integer: 'कृपया पूर्ण संख्या लेख्नुहोस्।',
  numberBetween: 'कृपया {min} देखि {max} सम्मको संख्या लेख्नुहोस्।',
  numberAtLeast: 'कृपया {min} वा सोभन्दा ठूलो संख्या लेख्नुहोस्।',
  numberAtMost: 'कृपया {max} वा सोभन्दा सानो संख्या लेख्नुहोस्।',
  lengthAtMost: 'कृपया {max} अक्षरभित्र लेख्नुहोस्।',
  lengthAtLeast: 'कृपया कम्तीमा {min} अक्षर लेख्नुहोस्।',
  lengthBetween: 'कृपया {min} देखि {max} अक्षरसम्म लेख्नुहोस्।',
  pattern: 'कृपया विवरणमा दिइएको ढाँचामा लेख्नुहोस्।',
  selectAtLeast: 'कृपया कम्तीमा {n} वटा छान्नुहोस्।',
  selectAtMost: 'कृपया बढीमा {n} वटा छान्नुहोस्।',
  selectExactly: 'कृपया ठ्याक्कै {n} वटा छान्नुहोस्।',
  onePerColumn: 'एउटा स्तम्भ एक पटक मात्र छान्न सकिन्छ।',
  noticeTitle: 'व्यक्तिगत जानकारीको प्रयोगबारे',
};

const PT: Table = {
  email: 'Informe um endereço de e-mail (ex.: name@example.jp).',
  phone: 'Informe um número de telefone (ex.: 042-000-0000).',
  postal: 'Informe o código postal de 7 dígitos (ex.: 188-0012).',
  kana: 'Escreva em katakana.',
  number: 'Informe um número.',
  integer: 'Informe um número inteiro.',
  numberBetween: 'Informe um número de {min} a {max}.',
  numberAtLeast: 'Informe um número igual ou maior que {min}.',
  numberAtMost: 'Informe um número igual ou menor que {max}.',
  lengthAtMost: 'Use no máximo {max} caracteres.',
  lengthAtLeast: 'Use pelo menos {min} caracteres.',
  lengthBetween: 'Use de {min} a {max} caracteres.',
  pattern: 'Preencha no formato indicado na explicação.',
  selectAtLeast: 'Escolha pelo menos {n}.',
  selectAtMost: 'Escolha no máximo {n}.',
  selectExactly: 'Escolha exatamente {n}.',
  onePerColumn: 'Escolha cada coluna apenas uma vez.',
  noticeTitle: 'Sobre o tratamento de informações pessoais',
};

const TABLES: Readonly<Record<string, Table>> = {
  [JAPANESE]: JA,
  [YASASHII]: YASASHII_JA,
  en: EN,
  zh: ZH,
  ko: KO,
  vi: VI,
  tl: TL,
  ne: NE,
  pt: PT,
};

/**
 * A message Tsunagu puts on a form, in the form's language. A language Tsunagu has no table for
 * gets English (staff can override any message with 入力規則's own text; docs/forms.md).
 */
export function respondentMessage(
  language: string,
  key: RespondentMessageKey,
  values: { min?: number; max?: number; n?: number } = {},
): string {
  const table = TABLES[language] ?? TABLES[language.split('-')[0] as string] ?? EN;
  return table[key].replace(/\{(min|max|n)\}/g, (_, name: 'min' | 'max' | 'n') => String(values[name] ?? ''));
}

/** True when Tsunagu has its own messages in this language (else English is used). */
export function hasRespondentMessages(language: string): boolean {
  return TABLES[language] !== undefined || TABLES[language.split('-')[0] as string] !== undefined;
}
