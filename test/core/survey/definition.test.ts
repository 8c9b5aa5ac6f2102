/** readSurveyDefinition: forms, sections, questions and settings per language, and every issue at its row and column. */
import { describe, it } from '@jest/globals';
import { expect } from '../../support/expect';
import { canBuild } from '../../../src/core/survey/types';
import { codes, readSheet } from './helpers';

const H = [
  'フォーム名',
  'セクション',
  '設問ID',
  '種類',
  '設問',
  '説明',
  '選択肢',
  '必須',
  '入力規則',
  '分岐',
  '指標',
  '登録先',
];
const HL = [...H, '設問[en]', '選択肢[en]', '説明[en]', '設問[やさしい]'];

/** A row under H: only the cells given by header name. */
function row(cells: Record<string, unknown>, header: readonly string[] = H): unknown[] {
  return header.map((h) => cells[h] ?? '');
}

describe('survey/definition', () => {
  describe('forms and questions', () => {
    it('reads questions with their kind, required flag, choices and rule', () => {
      const def = readSheet(H, [
        row({ フォーム名: 'A', 設問ID: 'Q1', 種類: '短文', 設問: 'お名前', 必須: 'はい' }),
        row({ フォーム名: 'A', 設問ID: 'Q2', 種類: '単一選択', 設問: '年代', 選択肢: '10代\n20代', 必須: '○' }),
        row({ フォーム名: 'A', 設問ID: 'Q3', 種類: '段落', 設問: 'ご意見', 入力規則: '文字数(〜400)' }),
      ]);
      expect(def.issues).toEqual([]);
      const form = def.forms[0];
      expect(form?.destination).toBe('surveyAnswers');
      expect(form?.languages).toEqual(['ja']);
      expect(form?.questions.map((q) => [q.id, q.kind, q.required, q.row])).toEqual([
        ['Q1', 'shortText', true, 2],
        ['Q2', 'singleChoice', true, 3],
        ['Q3', 'paragraph', false, 4],
      ]);
      expect(form?.questions[1]?.choices?.values).toEqual({ ja: ['10代', '20代'] });
      expect(form?.questions[2]?.rule).toEqual({ rule: '文字数', min: null, max: 400, message: null });
      expect(form?.title).toEqual({ ja: 'A' });
    });

    it('reads 種類 as Google フォーム names them (記述式, ラジオボタン, チェックボックス, 選択式（グリッド）…) and as surveys say it', () => {
      const kinds = [
        ['記述式', ''],
        ['ラジオボタン', 'はい\nいいえ'],
        ['チェックボックス', '市報\nSNS'],
        ['選択式（グリッド）', '行: 月、火\n列: 午前、午後'],
        ['チェックボックス（グリッド）', '行: 月、火\n列: 午前、午後'],
        ['単一回答', 'はい\nいいえ'],
        ['複数 回答', '市報\nSNS'],
        ['自由記述', ''],
      ];
      const def = readSheet(
        H,
        kinds.map(([type, choices], i) =>
          row({ フォーム名: 'A', 設問ID: `Q${i}`, 種類: type, 設問: `q${i}`, 選択肢: choices }),
        ),
      );
      expect(def.issues).toEqual([]);
      expect(def.forms[0]?.questions.map((q) => q.kind)).toEqual([
        'shortText',
        'singleChoice',
        'multipleChoice',
        'choiceGrid',
        'checkboxGrid',
        'singleChoice',
        'multipleChoice',
        'paragraph',
      ]);
    });

    it('reads 必須 as staff mark it: ● ■ 必須 and ○ are required, 任意 and blank are not', () => {
      const marks = ['●', '■', '必須', '○', '任意', ''];
      const def = readSheet(
        H,
        marks.map((mark, i) => row({ フォーム名: 'A', 設問ID: `Q${i}`, 種類: '短文', 設問: `q${i}`, 必須: mark })),
      );
      expect(def.issues).toEqual([]);
      expect(def.forms[0]?.questions.map((q) => q.required)).toEqual([true, true, true, true, false, false]);
    });

    it('splits a single-choice or drop-down list written with ・ only, and says so; ・ stays inside a choice elsewhere', () => {
      const def = readSheet(H, [
        row({ フォーム名: 'A', 設問ID: 'Q1', 種類: '単一選択', 設問: '年代', 選択肢: '10代・20代・30代以上' }),
        row({ フォーム名: 'A', 設問ID: 'Q2', 種類: 'プルダウン', 設問: '種別', 選択肢: '居場所･サロン' }),
        row({ フォーム名: 'A', 設問ID: 'Q3', 種類: '複数選択', 設問: '情報', 選択肢: '市報、社協だより・チラシ' }),
        row({
          フォーム名: 'A',
          設問ID: 'Q4',
          種類: '複数選択',
          設問: '同意',
          選択肢: '規約・個人情報の取扱いに同意する',
        }),
        row({ フォーム名: 'A', 設問ID: 'Q5', 種類: '単一選択', 設問: '学年', 選択肢: '小・中学生\n高校生' }),
      ]);
      expect(def.forms[0]?.questions.map((q) => q.choices?.values.ja)).toEqual([
        ['10代', '20代', '30代以上'],
        ['居場所', 'サロン'],
        ['市報', '社協だより・チラシ'],
        ['規約・個人情報の取扱いに同意する'],
        ['小・中学生', '高校生'],
      ]);
      expect(codes(def)).toEqual([
        ['survey.choicesByDot', 2, '選択肢'],
        ['survey.choicesByDot', 3, '選択肢'],
      ]);
      expect(def.issues[0]?.severity).toBe('info');
      expect(def.issues[0]?.message.ja).toContain('3個（10代／20代／30代以上）');
    });

    it('sets aside the ※ notes staff write into the table, but still asks for the 種類 of a row that is not one', () => {
      const def = readSheet(H, [
        row({ フォーム名: 'A', 設問ID: 'Q1', 種類: '短文', 設問: 'お名前' }),
        row({ フォーム名: '※ 設問を変えたら作り直す' }),
        row({ フォーム名: '＊注意', 設問: '事務局長に相談' }),
        row({ 設問ID: 'Q2', 設問: '※ 種類を書き忘れた設問' }),
      ]);
      expect(def.forms.map((f) => f.name)).toEqual(['A']);
      expect(codes(def)).toEqual([
        ['survey.formNameAbove', 5, 'フォーム名'],
        ['survey.unknownType', 5, '種類'],
      ]);
    });

    it("reads a blank フォーム名 under a form's rows (cells merged down, or 「同上」) as that form, said once a run", () => {
      const def = readSheet(H, [
        row({ フォーム名: 'A', 設問ID: 'Q1', 種類: '短文', 設問: 'お名前' }),
        row({ 設問ID: 'Q2', 種類: '単一選択', 設問: '年代', 選択肢: '10代\n20代' }),
        row({}),
        row({ 設問ID: 'Q3', 種類: '段落', 設問: 'ご意見' }),
        row({ フォーム名: 'B', 設問ID: 'Q1', 種類: '短文', 設問: '活動日' }),
        row({ 設問ID: 'Q2', 種類: '短文', 設問: '人数' }),
      ]);
      expect(def.forms.map((f) => [f.name, f.questions.map((q) => q.id)])).toEqual([
        ['A', ['Q1', 'Q2', 'Q3']],
        ['B', ['Q1', 'Q2']],
      ]);
      expect(def.issues.map((i) => [i.code, i.severity, i.row, i.form])).toEqual([
        ['survey.formNameAbove', 'info', 3, 'A'],
        ['survey.formNameAbove', 'info', 7, 'B'],
      ]);
      expect(canBuild(def.issues)).toBe(true);
    });

    it("fills アンケート回答's 圏域 column from the one question asking 設定:圏域, whatever its 設問ID", () => {
      const area = (rows: unknown[][]) => readSheet(H, rows).forms.map((f) => f.questions.map((q) => [q.id, q.target]));
      expect(
        area([
          row({ フォーム名: 'A', 設問ID: 'Ｑ２', 種類: 'プルダウン', 設問: 'お住まいの圏域', 選択肢: '設定:圏域' }),
          row({
            フォーム名: 'B',
            設問ID: 'Q1',
            種類: 'プルダウン',
            設問: '圏域',
            選択肢: '設定の圏域',
            登録先: '住んでいる圏域',
          }),
          row({ フォーム名: 'C', 設問ID: 'Q1', 種類: 'プルダウン', 設問: '今', 選択肢: '設定:圏域' }),
          row({ フォーム名: 'C', 設問ID: 'Q2', 種類: 'プルダウン', 設問: '前', 選択肢: '設定:圏域' }),
          row({ フォーム名: 'D', 設問ID: 'Q1', 種類: 'プルダウン', 設問: '今', 選択肢: '設定:圏域' }),
          row({ フォーム名: 'D', 設問ID: '圏域', 種類: '短文', 設問: '前' }),
          row({ フォーム名: 'E', 設問ID: 'Q1', 種類: '短文', 設問: '活動日' }),
          row({ フォーム名: 'E', 設問ID: 'Q2', 種類: 'プルダウン', 設問: '圏域', 選択肢: '設定:圏域' }),
          row({ フォーム名: 'E', 種類: '取り込み先', 設問: '活動記録' }),
        ]),
      ).toEqual([
        [['Q2', '圏域']],
        [['Q1', '住んでいる圏域']],
        [
          ['Q1', null],
          ['Q2', null],
        ],
        [
          ['Q1', null],
          ['圏域', null],
        ],
        [
          ['Q1', null],
          ['Q2', null],
        ],
      ]);
    });

    it('keeps two forms apart and lets each use the same 設問ID', () => {
      const def = readSheet(H, [
        row({ フォーム名: 'A', 設問ID: 'Q1', 種類: '短文', 設問: 'a' }),
        row({ フォーム名: 'B', 設問ID: 'Q1', 種類: '短文', 設問: 'b' }),
      ]);
      expect(def.forms.map((f) => [f.name, f.questions.map((q) => q.title.ja)])).toEqual([
        ['A', ['a']],
        ['B', ['b']],
      ]);
      expect(def.issues).toEqual([]);
    });

    it('reads the form settings rows and 取り込み先', () => {
      const def = readSheet(HL, [
        row({ フォーム名: 'R', 種類: 'タイトル', 設問: '登録', '設問[en]': 'Registration' }, HL),
        row({ フォーム名: 'R', 種類: 'フォームの説明', 設問: '説明文', '設問[en]': 'About' }, HL),
        row({ フォーム名: 'R', 種類: '確認メッセージ', 設問: 'ありがとう', '設問[en]': 'Thanks' }, HL),
        row({ フォーム名: 'R', 種類: '個人情報の取扱い', 設問: '目的外に使いません', '設問[en]': 'Only for this' }, HL),
        row({ フォーム名: 'R', 種類: '取り込み先', 設問: '名簿' }, HL),
        row({ フォーム名: 'R', 設問ID: '氏名', 種類: '短文', 設問: '氏名', '設問[en]': 'Name', 登録先: '氏名' }, HL),
        row(
          {
            フォーム名: 'R',
            設問ID: '同意',
            種類: '複数選択',
            設問: '同意します',
            '設問[en]': 'I agree',
            選択肢: '同意する',
            '選択肢[en]': 'Yes',
            必須: 'はい',
            登録先: '個人情報同意',
          },
          HL,
        ),
      ]);
      expect(codes(def)).toEqual([]);
      const form = def.forms[0];
      expect(form?.destination).toBe('volunteers');
      expect(form?.languages).toEqual(['ja', 'en']);
      expect(form?.title).toEqual({ ja: '登録', en: 'Registration' });
      expect(form?.privacyNotice).toEqual({ ja: '目的外に使いません', en: 'Only for this' });
      expect(form?.questions.map((q) => q.target)).toEqual(['氏名', '個人情報同意']);
    });
  });

  describe('sections and branches', () => {
    const rows = [
      row({
        フォーム名: 'F',
        設問ID: 'exp',
        種類: '単一選択',
        設問: '経験は',
        選択肢: 'ある\nない',
        分岐: 'ある→経験\nない→送信',
      }),
      row({
        フォーム名: 'F',
        セクション: '経験',
        種類: 'セクション',
        設問: '経験について',
        説明: '詳しく',
        分岐: '送信',
      }),
      row({ フォーム名: 'F', セクション: '経験', 設問ID: 'years', 種類: '短文', 設問: '何年' }),
      row({ フォーム名: 'F', セクション: 'その他', 設問ID: 'note', 種類: '段落', 設問: 'ほか' }),
      row({ フォーム名: 'F', 設問ID: 'age', 種類: '短文', 設問: '年齢' }),
    ];

    it('groups questions: the first page first, then each section in order; resolves every branch', () => {
      const def = readSheet(H, rows);
      expect(codes(def)).toEqual([]);
      const form = def.forms[0];
      expect(form?.questions.map((q) => [q.id, q.section])).toEqual([
        ['exp', null],
        ['age', null],
        ['years', '経験'],
        ['note', 'その他'],
      ]);
      expect(form?.sections.map((s) => [s.name, s.title.ja, s.help.ja, s.after, s.row])).toEqual([
        ['経験', '経験について', '詳しく', { kind: 'submit' }, 3],
        ['その他', 'その他', '', null, null],
      ]);
      expect(form?.questions[0]?.choices?.goTo).toEqual([{ kind: 'section', name: '経験' }, { kind: 'submit' }]);
    });

    it('names the row and the 分岐 column of a branch to a missing section, and builds nothing', () => {
      const def = readSheet(H, [
        row({
          フォーム名: 'F',
          設問ID: 'exp',
          種類: 'プルダウン',
          設問: '経験は',
          選択肢: 'ある\nない',
          分岐: 'ある→経験談',
        }),
        row({ フォーム名: 'F', セクション: '経験', 設問ID: 'y', 種類: '短文', 設問: '何年' }),
      ]);
      expect(codes(def)).toEqual([['survey.branchMissingSection', 2, '分岐']]);
      expect(def.issues[0]?.message.ja).toContain('「経験談」');
      expect(def.issues[0]?.message.ja).toContain('「経験」');
      expect(canBuild(def.issues)).toBe(false);
    });

    it('refuses branches on a check-box question, to an unknown choice, twice for a choice, and to the first page', () => {
      const def = readSheet(H, [
        row({
          フォーム名: 'F',
          セクション: 'S1',
          設問ID: 'a',
          種類: '複数選択',
          設問: 'a',
          選択肢: 'x\ny',
          分岐: 'x→S2',
        }),
        row({
          フォーム名: 'F',
          セクション: 'S1',
          設問ID: 'b',
          種類: '単一選択',
          設問: 'b',
          選択肢: 'x\ny',
          分岐: 'z→S2\nx→S2\nx→送信',
        }),
        row({
          フォーム名: 'F',
          セクション: 'S2',
          設問ID: 'c',
          種類: '単一選択',
          設問: 'c',
          選択肢: 'x\ny',
          分岐: 'x→S1',
        }),
        row({ フォーム名: 'F', セクション: 'S2', 設問ID: 'd', 種類: '短文', 設問: 'd', 分岐: '送信' }),
      ]);
      expect(codes(def, 'error')).toEqual([
        ['survey.branchNotAllowed', 2, '分岐'],
        ['survey.branchUnknownChoice', 3, '分岐'],
        ['survey.branchDuplicate', 3, '分岐'],
        ['survey.branchToStart', 4, '分岐'],
        ['survey.branchNotAllowed', 5, '分岐'],
      ]);
    });

    it('refuses a branch after the last section to another section', () => {
      const def = readSheet(H, [
        row({ フォーム名: 'F', 設問ID: 'a', 種類: '短文', 設問: 'a' }),
        row({ フォーム名: 'F', セクション: 'S1', 種類: 'セクション', 設問: 'S1' }),
        row({ フォーム名: 'F', セクション: 'S2', 種類: 'セクション', 設問: 'S2', 分岐: 'S1' }),
        row({ フォーム名: 'F', セクション: 'S1', 設問ID: 'b', 種類: '短文', 設問: 'b' }),
        row({ フォーム名: 'F', セクション: 'S2', 設問ID: 'c', 種類: '短文', 設問: 'c' }),
      ]);
      expect(codes(def, 'error')).toEqual([['survey.branchAfterLast', 4, '分岐']]);
    });
  });

  describe('errors that stop building', () => {
    it('reports an unknown type at 種類, a blank 設問ID and 設問, and a duplicate 設問ID', () => {
      const def = readSheet(H, [
        row({ フォーム名: 'F', 設問ID: 'Q1', 種類: 'チェック', 設問: 'a' }),
        row({ フォーム名: 'F', 種類: '短文', 設問: 'b' }),
        row({ フォーム名: 'F', 設問ID: 'Q2', 種類: '短文' }),
        row({ フォーム名: 'F', 設問ID: 'Q3', 種類: '短文', 設問: 'c' }),
        row({ フォーム名: 'F', 設問ID: 'Ｑ3', 種類: '短文', 設問: 'd' }),
      ]);
      expect(codes(def, 'error')).toEqual([
        ['survey.unknownType', 2, '種類'],
        ['survey.noQuestionId', 3, '設問ID'],
        ['survey.noQuestionText', 4, '設問'],
        ['survey.duplicateId', 6, '設問ID'],
      ]);
      expect(def.issues[0]?.message.en).toContain('チェック');
    });

    it('reports a choice question without choices and a 設定 list that does not exist', () => {
      const def = readSheet(H, [
        row({ フォーム名: 'F', 設問ID: 'a', 種類: '単一選択', 設問: 'a' }),
        row({ フォーム名: 'F', 設問ID: 'b', 種類: 'プルダウン', 設問: 'b', 選択肢: '設定:趣味' }),
        row({ フォーム名: 'F', 設問ID: 'c', 種類: 'プルダウン', 設問: 'c', 選択肢: '設定:圏域' }),
      ]);
      expect(codes(def, 'error')).toEqual([
        ['survey.noChoices', 2, '選択肢'],
        ['survey.settingsListMissing', 3, '選択肢'],
      ]);
      expect(def.forms[0]?.questions[0]?.choices).toMatchObject({
        values: { ja: ['北東部', '北西部', '中部', '南部'] },
        fromSettings: '圏域',
      });
    });

    it('reports duplicate choices and text beyond the limits', () => {
      const def = readSheet(H, [
        row({ フォーム名: 'F', 設問ID: 'a', 種類: '単一選択', 設問: 'a', 選択肢: 'はい\nいいえ\nはい' }),
        row({ フォーム名: 'F', 設問ID: 'b', 種類: '短文', 設問: 'あ'.repeat(1001) }),
        row({ フォーム名: 'F', 設問ID: 'c', 種類: '単一選択', 設問: 'c', 選択肢: 'x'.repeat(501) }),
      ]);
      expect(codes(def, 'error')).toEqual([
        ['survey.duplicateChoice', 2, '選択肢'],
        ['survey.tooLong', 3, '設問'],
        ['survey.tooLong', 4, '選択肢'],
      ]);
    });

    it('reports rules that do not parse, do not fit the type, or cannot work', () => {
      const def = readSheet(H, [
        row({ フォーム名: 'F', 設問ID: 'a', 種類: '短文', 設問: 'a', 入力規則: 'たくさん' }),
        row({ フォーム名: 'F', 設問ID: 'b', 種類: '段落', 設問: 'b', 入力規則: 'メール' }),
        row({ フォーム名: 'F', 設問ID: 'c', 種類: '短文', 設問: 'c', 入力規則: '正規表現: ^(?!0)' }),
        row({ フォーム名: 'F', 設問ID: 'd', 種類: '短文', 設問: 'd', 入力規則: '数値(10〜1)' }),
        row({ フォーム名: 'F', 設問ID: 'e', 種類: '複数選択', 設問: 'e', 選択肢: 'x\ny', 入力規則: '選択数(1〜2)' }),
        row({ フォーム名: 'F', 設問ID: 'f', 種類: '複数選択', 設問: 'f', 選択肢: 'x\ny', 入力規則: '選択数(3)' }),
        row({ フォーム名: 'F', 設問ID: 'g', 種類: '短文', 設問: 'g', 入力規則: '文字数(1〜2000)' }),
        row({ フォーム名: 'F', 設問ID: 'h', 種類: '均等目盛', 設問: 'h', 選択肢: '1〜20' }),
        row({ フォーム名: 'F', 設問ID: 'i', 種類: '選択式グリッド', 設問: 'i', 選択肢: '月、火' }),
      ]);
      expect(codes(def, 'error')).toEqual([
        ['survey.badRule', 2, '入力規則'],
        ['survey.ruleNotForType', 3, '入力規則'],
        ['survey.badRegex', 4, '入力規則'],
        ['survey.badRange', 5, '入力規則'],
        ['survey.badRange', 6, '入力規則'],
        ['survey.badRange', 7, '入力規則'],
        ['survey.badRange', 8, '入力規則'],
        ['survey.badScale', 9, '選択肢'],
        ['survey.badGrid', 10, '選択肢'],
      ]);
    });

    it("checks 登録先 against the destination sheet, Tsunagu's own columns, duplicates and consent", () => {
      const def = readSheet(H, [
        row({ フォーム名: 'R', 種類: '取り込み先', 設問: 'ボランティア名簿' }),
        row({ フォーム名: 'R', 設問ID: 'a', 種類: '短文', 設問: 'a', 登録先: '趣味' }),
        row({ フォーム名: 'R', 設問ID: 'b', 種類: '短文', 設問: 'b', 登録先: '登録番号' }),
        row({ フォーム名: 'R', 設問ID: 'c', 種類: '短文', 設問: 'c', 登録先: 'お名前' }),
        row({ フォーム名: 'R', 設問ID: 'd', 種類: '短文', 設問: 'd', 登録先: '氏名' }),
        row({
          フォーム名: 'R',
          設問ID: 'e',
          種類: '選択式グリッド',
          設問: 'e',
          選択肢: '行: 月\n列: 午前',
          登録先: '備考',
        }),
      ]);
      expect(codes(def)).toEqual([
        ['survey.consentMissing', 2, '登録先'],
        ['survey.noticeMissing', 2, '種類'],
        ['survey.targetUnknown', 3, '登録先'],
        ['survey.targetReserved', 4, '登録先'],
        ['survey.targetDuplicate', 6, '登録先'],
        ['survey.targetGrid', 7, '登録先'],
      ]);
    });

    it('keeps personal questions out of an anonymous survey with a warning', () => {
      const def = readSheet(H, [
        row({ フォーム名: 'S', 設問ID: '氏名', 種類: '短文', 設問: 'お名前' }),
        row({ フォーム名: 'S', 設問ID: 'contact', 種類: '短文', 設問: '連絡先', 入力規則: 'メール' }),
        row({ フォーム名: 'S', 設問ID: '回答日時', 種類: '短文', 設問: 'いつ' }),
        row({ フォーム名: 'S', 設問ID: '年代', 種類: '短文', 設問: '年代' }),
      ]);
      expect(codes(def)).toEqual([
        ['survey.personalInAnonymous', 2, '設問ID'],
        ['survey.personalInAnonymous', 3, '設問ID'],
        ['survey.targetReserved', 4, '設問ID'],
      ]);
    });

    it('reports a blank フォーム名, a form without questions and a sheet without its columns', () => {
      const def = readSheet(H, [
        row({ 設問ID: 'a', 種類: '短文', 設問: 'a' }),
        row({ フォーム名: 'Empty', 種類: 'タイトル', 設問: '空' }),
      ]);
      expect(codes(def, 'error')).toEqual([
        ['survey.noFormName', 2, 'フォーム名'],
        ['survey.noQuestions', 3, 'フォーム名'],
      ]);
      const noColumns = readSheet(['フォーム名', '設問', '説明', '選択肢'], [['A', 'b', 'c', 'd']]);
      expect(codes(noColumns)).toEqual([['survey.missingColumn', 1, '種類']]);
      expect(readSheet(['a', 'b'], [['1', '2']]).issues[0]?.code).toBe('survey.noHeader');
    });
  });

  describe('languages', () => {
    it('builds each language that has text, and warns where Japanese stands in', () => {
      const def = readSheet(HL, [
        row(
          {
            フォーム名: 'F',
            設問ID: 'a',
            種類: '単一選択',
            設問: '年代',
            '設問[en]': 'Age',
            選択肢: '若い\n高い',
            '選択肢[en]': 'Young',
          },
          HL,
        ),
        row(
          {
            フォーム名: 'F',
            設問ID: 'b',
            種類: '短文',
            設問: '地区',
            説明: '町名で',
            '設問[やさしい]': '住(す)んで いる ところ',
          },
          HL,
        ),
        row(
          {
            フォーム名: 'F',
            設問ID: 'c',
            種類: '単一選択',
            設問: '圏域',
            選択肢: '設定:圏域',
            '設問[en]': 'Area',
            '設問[やさしい]': 'ところ',
          },
          HL,
        ),
      ]);
      const form = def.forms[0];
      expect(form?.languages).toEqual(['ja', 'en', 'ja-yasashii']);
      expect(codes(def)).toEqual([
        ['survey.translationMissing', 2, 'フォーム名[en]'],
        ['survey.translationMissing', 2, 'フォーム名[やさしい]'],
        ['survey.translationMissing', 2, '設問[やさしい]'],
        ['survey.translationChoiceCount', 2, '選択肢[en]'],
        ['survey.translationMissing', 3, '設問[en]'],
        ['survey.translationMissing', 3, '説明[やさしい]'],
      ]);
      expect(form?.questions[0]?.choices?.values).toEqual({ ja: ['若い', '高い'] });
      expect(def.issues.find((i) => i.code === 'survey.translationChoiceCount')?.message.ja).toContain('1行に1つずつ');
      expect(canBuild(def.issues)).toBe(true);
    });
  });

  describe('indicators', () => {
    it('warns about an indicator ID that 指標定義 does not have', () => {
      const def = readSheet(H, [row({ フォーム名: 'S', 設問ID: 'a', 種類: '短文', 設問: 'a', 指標: 'G1-S1、G9-S9' })], {
        indicatorIds: ['G1-S1'],
      });
      expect(codes(def)).toEqual([['survey.indicatorUnknown', 2, '指標']]);
      expect(def.forms[0]?.questions[0]?.indicators).toEqual(['G1-S1', 'G9-S9']);
    });
  });
});
