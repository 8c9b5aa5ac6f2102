/**
 * Bench: building a 60-question form in 4 languages (Japanese, English, Chinese, やさしい日本語)
 * through GasFormMaker on the emulator — service calls and the cost model's estimated Apps Script
 * time (docs/cost.md) per language — beside the same update done with item fingerprints (unchanged
 * items untouched) and without them (every item rewritten), and reading 5,000 responses back.
 */
import { performance } from 'node:perf_hooks';
import { parseSettings, defaultSettingsRows } from '../src/core/sheets/settings';
import { readSurveyDefinition } from '../src/core/survey/definition';
import { volunteerCandidate } from '../src/core/survey/destinations';
import { matchResponseColumns, readResponses } from '../src/core/survey/responses';
import { buildFormSpec } from '../src/core/survey/spec';
import type { StoredForm } from '../src/core/survey/item-map';
import { GasFormMaker } from '../src/gas/forms';
import { Emulator, SIDEBAR_BUDGET_SECONDS } from '../src/local/emulator/index';

export const HEADER = [
  'フォーム名',
  'セクション',
  '設問ID',
  '種類',
  '設問',
  '説明',
  '選択肢',
  '必須',
  '入力規則',
  '設問[en]',
  '選択肢[en]',
  '設問[zh]',
  '選択肢[zh]',
  '設問[やさしい]',
  '選択肢[やさしい]',
];

/** 60 questions in 6 sections: short answers with rules, choices, check boxes, drop-downs, scales, grids, dates. */
export function definitionRows(): string[][] {
  const rows: string[][] = [];
  for (let s = 1; s <= 6; s++) {
    rows.push([
      '大きな調査',
      `S${s}`,
      '',
      'セクション',
      `第${s}部`,
      '',
      '',
      '',
      '',
      `Part ${s}`,
      '',
      `第${s}部分`,
      '',
      `${s}ばんめ`,
      '',
    ]);
    for (let q = 1; q <= 10; q++) {
      const n = (s - 1) * 10 + q;
      const kind = [
        '短文',
        '単一選択',
        '複数選択',
        'プルダウン',
        '均等目盛',
        '選択式グリッド',
        '段落',
        '日付',
        '短文',
        '単一選択',
      ][q - 1] as string;
      const choices =
        kind === '均等目盛'
          ? ['1（いいえ）〜5（はい）', '1 (No) - 5 (Yes)', '1（否）〜5（是）', '1（いいえ）〜5（はい）']
          : kind === '選択式グリッド'
            ? [
                '行: 情報、相談、交流\n列: 良い、普通、悪い',
                'Rows: Info, Advice, Meeting\nColumns: Good, OK, Poor',
                '行: 信息、咨询、交流\n列: 好、一般、差',
                '行: じょうほう、そうだん、こうりゅう\n列: いい、ふつう、わるい',
              ]
            : ['単一選択', '複数選択', 'プルダウン'].indexOf(kind) >= 0
              ? ['はい\nいいえ\nわからない', 'Yes\nNo\nNot sure', '是\n否\n不知道', 'はい\nいいえ\nわからない']
              : ['', '', '', ''];
      const rule = kind === '短文' ? (q === 1 ? '数値(0〜120)' : 'メール') : kind === '段落' ? '文字数(〜400)' : '';
      rows.push([
        '大きな調査',
        `S${s}`,
        `Q${String(n).padStart(2, '0')}`,
        kind,
        `質問${n}について答えてください`,
        n % 3 === 0 ? '補足の説明があります' : '',
        choices[0] as string,
        n % 2 === 0 ? 'はい' : 'いいえ',
        rule,
        `Question ${n}`,
        choices[1] as string,
        `问题${n}`,
        choices[2] as string,
        `しつもん ${n}`,
        choices[3] as string,
      ]);
    }
  }
  return rows;
}

function line(label: string, calls: number, low: number, high: number, ms: number): string {
  const over = high >= SIDEBAR_BUDGET_SECONDS ? '  ← over one sidebar call: build one language per call' : '';
  return `${label.padEnd(46)} ${String(calls).padStart(7)} ${`${low.toFixed(1)}–${high.toFixed(1)}`.padStart(14)} ${ms.toFixed(0).padStart(8)}${over}`;
}

export function benchSurvey(): void {
  const settings = parseSettings(defaultSettingsRows()).settings;
  const def = readSurveyDefinition({ values: [HEADER, ...definitionRows()], settings });
  const errors = def.issues.filter((i) => i.severity === 'error');
  if (errors.length > 0) throw new Error(`bench definition has errors: ${errors.map((e) => e.message.en).join('; ')}`);
  const form = def.forms[0];
  if (!form) throw new Error('no form');
  console.log(
    `\n## アンケート: a ${form.questions.length}-question form in ${form.languages.length} languages (${form.languages.join(', ')}) through GasFormMaker on the emulator`,
  );
  console.log(`${'step'.padEnd(46)} ${'calls'.padStart(7)} ${'Apps Script s'.padStart(14)} ${'node ms'.padStart(8)}`);
  const emu = Emulator.create('bench', { now: () => new Date('2024-06-01T00:00:00Z') });
  const maker = new GasFormMaker(emu.globals.FormApp);
  const stored: StoredForm[] = [];
  let total = { calls: 0, low: 0, high: 0 };
  for (const language of form.languages) {
    const spec = buildFormSpec(form, language);
    emu.stats.reset();
    const started = performance.now();
    const built = maker.create(spec, emu.spreadsheetId);
    const ms = performance.now() - started;
    const { low, high } = emu.stats.estimate();
    const calls = emu.stats.total();
    total = { calls: total.calls + calls, low: total.low + low, high: total.high + high };
    stored.push(built.stored);
    console.log(line(`create (${language}, ${spec.items.length} items)`, calls, low, high, ms));
  }
  console.log(line('create, all languages', total.calls, total.low, total.high, 0));

  // The same Japanese form built over sidebar calls of at most 40 items each (itemLimit).
  {
    const spec = buildFormSpec(form, 'ja');
    emu.stats.reset();
    let built = maker.create(spec, emu.spreadsheetId, undefined, { itemLimit: 40 });
    let call = 1;
    let estimate = emu.stats.estimate();
    console.log(
      line(
        `  chunked create (ja), call ${call}: ${built.created} items`,
        emu.stats.total(),
        estimate.low,
        estimate.high,
        0,
      ),
    );
    while (built.pending > 0) {
      emu.stats.reset();
      built = maker.update(spec, built.stored, { removeMissing: false, itemLimit: 40 });
      call++;
      estimate = emu.stats.estimate();
      console.log(
        line(
          `  chunked create (ja), call ${call}: ${built.created} items`,
          emu.stats.total(),
          estimate.low,
          estimate.high,
          0,
        ),
      );
    }
  }

  // The same form updated with one question's text changed: fingerprints skip the other items; the peer rewrites every item.
  const changed = {
    ...form,
    questions: form.questions.map((q, i) => (i === 0 ? { ...q, title: { ...q.title, ja: `${q.title.ja}（改）` } } : q)),
  };
  const jaSpec = buildFormSpec(changed, 'ja');
  const jaStored = stored[0] as StoredForm;
  emu.stats.reset();
  let started = performance.now();
  const smart = maker.update(jaSpec, jaStored, { removeMissing: false });
  let ms = performance.now() - started;
  let estimate = emu.stats.estimate();
  console.log(
    line(
      `update ja, 1 question changed (fingerprints): ${smart.updated} written`,
      emu.stats.total(),
      estimate.low,
      estimate.high,
      ms,
    ),
  );
  const blind = { ...smart.stored, items: smart.stored.items.map((i) => ({ ...i, fingerprint: '' })) };
  emu.stats.reset();
  started = performance.now();
  const peer = maker.update(jaSpec, blind, { removeMissing: false });
  ms = performance.now() - started;
  estimate = emu.stats.estimate();
  console.log(
    line(`  peer: every item rewritten: ${peer.updated} written`, emu.stats.total(), estimate.low, estimate.high, ms),
  );

  // Reading answers back is pure once the response sheet is read (two batched calls): 5,000 registrations.
  const reg = readSurveyDefinition({
    values: [
      ['フォーム名', '設問ID', '種類', '設問', '選択肢', '必須', '登録先'],
      ['登録', '', '取り込み先', 'ボランティア名簿'],
      ['登録', 'name', '短文', 'お名前', '', 'はい', '氏名'],
      ['登録', 'field', '複数選択', '分野', '設定:活動分野', '', '活動分野'],
      [
        '登録',
        'when',
        'チェックボックスグリッド',
        '日時',
        '行: 月曜日、火曜日、水曜日\n列: 午前、午後、夜間',
        '',
        '活動可能日時',
      ],
      ['登録', 'ok', '複数選択', '同意', '同意する', 'はい', '個人情報同意'],
    ],
    settings,
  }).forms[0];
  if (!reg) throw new Error('no registration form');
  const regSpec = buildFormSpec(reg, 'ja');
  const regBuilt = maker.create(regSpec, emu.spreadsheetId);
  const header = ['タイムスタンプ', 'お名前', '分野', '日時 [月曜日]', '日時 [火曜日]', '日時 [水曜日]', '同意'];
  const rows = Array.from({ length: 5000 }, (_, i) => [
    new Date(Date.UTC(2024, 5, 1, 0, 0, i)),
    `登録者${i}`,
    '高齢者, 子ども・子育て',
    '午前, 午後',
    '',
    '夜間',
    '同意する',
  ]);
  started = performance.now();
  const columns = matchResponseColumns(header, regBuilt.stored);
  const responses = readResponses(rows, 2, columns, regBuilt.stored);
  const candidates = responses.map((r) => volunteerCandidate(reg, r, settings));
  ms = performance.now() - started;
  console.log(
    `${'read 5,000 responses into roster candidates'.padEnd(46)} ${'2'.padStart(7)} ${'(2 batched reads)'.padStart(14)} ${ms.toFixed(0).padStart(8)}  — ${candidates.length} rows, core only`,
  );
}
