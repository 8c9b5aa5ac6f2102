// Test helper: every top-level function of a built bundle, run in the sandbox through a staff member's
// whole day (menus, シート準備, 検証, fixes, マッチング, 確定, 元に戻す), recording the forbidden globals each one touched.
import { readFileSync } from 'node:fs';
import { defaultSettingsRows, parseSettings } from '../../src/core/sheets/settings';
import { generateDemoBook } from '../../src/local/demo/index';
import { Emulator, serializeForRun } from '../../src/local/emulator/index';
import { codePath } from '../../src/local/paths';
import { Sandbox } from '../../src/local/sandbox';
import { Session } from '../../src/local/session';
import {
  RPC_NAMES,
  type FixPreview,
  type FixResult,
  type MappingView,
  type MatchView,
  type RpcEnvelope,
  type SurveyBuildView,
  type SurveyCandidatesView,
  type SummaryView,
  type ValidationView,
} from '../../src/shared/rpc';

/** One script on one workbook: the emulator, the bundle in the sandbox, and calls as Apps Script makes them. */
export class Runtime {
  readonly emu = Emulator.create('入口テスト', { htmlFiles: Session.htmlFiles() });
  readonly sandbox: Sandbox;

  constructor(code: string) {
    this.sandbox = new Sandbox(code, this.emu.globals);
    // Installable triggers run the bundle's handlers, as Apps Script does; an error fails the day.
    this.emu.setTriggerRunner((handler, event) => {
      this.sandbox.call(handler, event);
    });
  }

  /** Fails when the last trigger run threw. */
  lastTriggerRan(): void {
    const run = this.emu.triggerRuns[this.emu.triggerRuns.length - 1];
    if (!run) throw new Error('no trigger ran');
    if (run.error !== null) throw new Error(`${run.handler} failed: ${run.error}`);
  }

  /** A sidebar call through google.script.run: its value, or an error naming the envelope's code. */
  rpc<T>(name: string, ...args: unknown[]): T {
    const envelope = serializeForRun(
      this.sandbox.call(name, ...(serializeForRun(args) as unknown[])),
    ) as RpcEnvelope<T>;
    if (!envelope.ok) throw new Error(`${name} answered ${envelope.error.code}: ${envelope.error.en}`);
    return envelope.value;
  }
}

/** How to call an entry point at its place in the day; entry points not listed are called with no arguments. */
type Step = (rt: Runtime, memo: Memo) => void;

interface Memo {
  runId?: string;
  fixRunId?: string;
  preview?: FixPreview;
  match?: MatchView;
  matchRunId?: string;
  candidate?: string;
  summaryRunId?: string;
}

/** A summary run in parts (指標サマリー, 年度確定, 確定を取り消す, the report) driven to its end. */
function summaryInParts(rt: Runtime, first: SummaryView): SummaryView {
  let view = first;
  while (view.running) view = rt.rpc<SummaryView>('continueSummary', view.running.runId);
  return view;
}

/** Fills the sheets シート準備 made with a small demo council, as staff would have typed it. */
function fillDemo(rt: Runtime): void {
  const book = generateDemoBook({
    seed: 3,
    volunteers: 60,
    requests: 30,
    areas: parseSettings(defaultSettingsRows()).settings.areas,
  });
  for (const sheet of book.sheets) rt.emu.setSheetValues(sheet.name, [sheet.header, ...sheet.rows]);
}

function firstPair(memo: Memo): { requestId: string; volunteerId: string } {
  const pair = memo.match?.requests.flatMap((r) => r.pairs)[0];
  if (!pair) throw new Error('runMatching proposed no pair to work with');
  return pair;
}

/**
 * The day, in order. A name here that the bundle lacks fails the run (renamed or removed: update
 * this list); an entry point of the bundle that is not here runs at the end with no arguments.
 */
const DAY: Array<[string, Step]> = [
  ['onOpen', (rt) => rt.sandbox.call('onOpen', { authMode: 'LIMITED' })],
  ['onInstall', (rt) => rt.sandbox.call('onInstall', { authMode: 'FULL' })],
  ['showSidebar', (rt) => rt.sandbox.call('showSidebar')],
  ['getSidebarState', (rt) => rt.rpc('getSidebarState')],
  [
    'menuSetupSheets',
    (rt) => {
      rt.emu.ui.answer('YES');
      rt.sandbox.call('menuSetupSheets');
      fillDemo(rt);
    },
  ],
  ['setupSheets', (rt) => rt.rpc('setupSheets')],
  [
    'menuValidate',
    (rt) => {
      rt.emu.ui.answer('YES');
      rt.sandbox.call('menuValidate');
    },
  ],
  [
    'menuMatch',
    (rt) => {
      rt.emu.ui.answer('YES');
      rt.sandbox.call('menuMatch');
    },
  ],
  ['menuSurvey', (rt) => rt.sandbox.call('menuSurvey')],
  ['menuSummary', (rt) => rt.sandbox.call('menuSummary')],
  ['menuSummaryReport', (rt) => rt.sandbox.call('menuSummaryReport')],
  ['getMapping', (rt) => rt.rpc('getMapping', 'ボランティア名簿')],
  [
    'saveMapping',
    (rt) => {
      const view = rt.rpc<MappingView>('getMapping', 'ボランティア名簿');
      const columns: Record<string, number> = {};
      for (const column of view.columns) if (column.key !== null) columns[column.key] = column.index;
      rt.rpc('saveMapping', 'ボランティア名簿', { kind: view.kind, headerRow: view.headerRow, columns });
    },
  ],
  ['clearMapping', (rt) => rt.rpc('clearMapping', 'ボランティア名簿')],
  ['getValidationReport', (rt) => rt.rpc('getValidationReport')],
  [
    'runValidation',
    (rt, memo) => {
      const view = rt.rpc<ValidationView>('runValidation');
      memo.runId = view.running?.runId;
    },
  ],
  // A workbook too large for one call is validated in parts: stop this run, then run one to the end.
  ['cancelValidation', (rt, memo) => rt.rpc('cancelValidation', memo.runId ?? 'V-none')],
  [
    'continueValidation',
    (rt) => {
      let view = rt.rpc<ValidationView>('runValidation');
      if (!view.running) throw new Error('the demo is expected to be validated in parts');
      while (view.running) view = rt.rpc<ValidationView>('continueValidation', view.running.runId);
    },
  ],
  ['selectCell', (rt) => rt.rpc('selectCell', 'ボランティア名簿', 2, 2)],
  ['clearHighlights', (rt) => rt.rpc('clearHighlights')],
  [
    'previewFixes',
    (rt, memo) => {
      memo.preview = rt.rpc<FixPreview>('previewFixes');
      if (memo.preview.total === 0) throw new Error('the demo has nothing to fix');
    },
  ],
  [
    'applyFixes',
    (rt, memo) => {
      memo.fixRunId = rt.rpc<FixResult>('applyFixes', memo.preview?.token).running?.runId;
    },
  ],
  // A workbook validated in parts is fixed in parts: its first part, then 中止 of the rest.
  [
    'continueFixes',
    (rt, memo) => {
      const result = rt.rpc<FixResult>('continueFixes', memo.fixRunId ?? 'F-none');
      if (!result.running) throw new Error('the demo is expected to be fixed in more than one part');
    },
  ],
  ['cancelFixes', (rt, memo) => rt.rpc('cancelFixes', memo.fixRunId ?? 'F-none')],
  ['getUndoInfo', (rt) => rt.rpc('getUndoInfo')],
  ['undoLast', (rt) => rt.rpc('undoLast')],
  [
    'runMatching',
    (rt, memo) => {
      // A roster as long as a large council's, so that matching goes in parts (docs/cost.md).
      const roster = rt.emu.sheetValues('ボランティア名簿');
      const [header, ...rows] = roster;
      const longer = [header ?? []];
      for (let i = 0; longer.length <= 8_000; i++) longer.push(rows[i % rows.length] ?? []);
      rt.emu.setSheetValues('ボランティア名簿', longer);
      memo.matchRunId = rt.rpc<MatchView>('runMatching').running?.runId;
    },
  ],
  // A workbook too large for one call is matched in parts: stop this run, then run one to the end.
  ['cancelMatching', (rt, memo) => rt.rpc('cancelMatching', memo.matchRunId ?? 'M-none')],
  [
    'continueMatching',
    (rt, memo) => {
      let view = rt.rpc<MatchView>('runMatching');
      if (!view.running) throw new Error('the demo is expected to be matched in parts');
      while (view.running) view = rt.rpc<MatchView>('continueMatching', view.running.runId);
      memo.match = view;
    },
  ],
  ['getMatchReport', (rt) => rt.rpc('getMatchReport')],
  [
    'setPairDecision',
    (rt, memo) => {
      const pair = firstPair(memo);
      memo.match = rt.rpc<MatchView>('setPairDecision', pair.requestId, pair.volunteerId, 'pin');
    },
  ],
  [
    'setApproval',
    (rt, memo) => {
      const pair = firstPair(memo);
      rt.rpc('setApproval', pair.requestId, pair.volunteerId, true);
    },
  ],
  ['commitMatches', (rt) => rt.rpc('commitMatches')],
  ['writeSurveyTemplate', (rt) => rt.rpc('writeSurveyTemplate', '住民意識調査')],
  ['previewForms', (rt) => rt.rpc('previewForms')],
  ['buildForms', (rt) => rt.rpc('buildForms')],
  ['previewSurveyAnswers', (rt) => rt.rpc('previewSurveyAnswers')],
  ['importSurveyAnswers', (rt) => rt.rpc('importSurveyAnswers')],
  [
    'previewSurveyCandidates',
    (rt, memo) => {
      // A registration form beside the survey, answered once.
      rt.rpc('writeSurveyTemplate', 'ボランティア登録');
      const ja = rt.rpc<SurveyBuildView>('buildForms').forms.find((f) => f.name === 'ボランティア登録');
      if (!ja) throw new Error('no registration form');
      const title = (id: string): string => ja.items.find((i) => i.questionId === id)?.title ?? id;
      const choice = (id: string): string => ja.items.find((i) => i.questionId === id)?.choices?.[0]?.value ?? '';
      rt.emu.forms.submit(ja.id, {
        [title('氏名')]: '西東 花子',
        [title('生年月日')]: new Date('1960-04-01T00:00:00+09:00'),
        [title('性別')]: choice('性別'),
        [title('住所')]: '立川市曙町1-1-1',
        [title('電話番号')]: '042-000-0001',
        [title('活動分野')]: [choice('活動分野')],
        [title('保険')]: choice('保険'),
        [title('個人情報同意')]: [choice('個人情報同意')],
      });
      memo.candidate = rt.rpc<SurveyCandidatesView>('previewSurveyCandidates').candidates[0]?.responseId;
    },
  ],
  [
    'decideSurveyCandidates',
    (rt, memo) => rt.rpc('decideSurveyCandidates', { accept: [memo.candidate ?? ''], decline: [] }),
  ],
  ['getFormFlyer', (rt) => rt.rpc('getFormFlyer', 'ボランティア登録', 'en')],
  ['openFormFlyer', (rt) => rt.rpc('openFormFlyer', 'ボランティア登録', null)],
  [
    'runSummary',
    (rt, memo) => {
      memo.summaryRunId = rt.rpc<SummaryView>('runSummary').running?.runId;
    },
  ],
  // The demo's ledgers take more than one call to count: stop this run, then run one to the end.
  [
    'cancelSummary',
    (rt, memo) => {
      if (!memo.summaryRunId) throw new Error('the demo no longer needs a summary in parts');
      rt.rpc('cancelSummary', memo.summaryRunId);
    },
  ],
  ['continueSummary', (rt) => summaryInParts(rt, rt.rpc<SummaryView>('runSummary'))],
  [
    'closeFiscalYear',
    (rt) => {
      const view = summaryInParts(rt, rt.rpc<SummaryView>('closeFiscalYear', 2025));
      if (!view.closed.some((c) => c.fy === 2025)) throw new Error('closeFiscalYear did not close 2025');
    },
  ],
  [
    'reopenFiscalYear',
    (rt) => {
      const view = summaryInParts(rt, rt.rpc<SummaryView>('reopenFiscalYear', 2025));
      if (view.closed.length > 0) throw new Error('reopenFiscalYear did not re-open 2025');
    },
  ],
  ['getSummaryReport', (rt) => rt.rpc('getSummaryReport', 2025, true)],
  ['openSummaryReport', (rt) => summaryInParts(rt, rt.rpc<SummaryView>('openSummaryReport', 2025))],
  ['startAnswerTrigger', (rt) => rt.rpc('startAnswerTrigger')],
  [
    'onAnswerSubmitted',
    (rt) => {
      const { FormApp, SpreadsheetApp } = rt.emu.globals;
      const form = (FormApp.create as (title: string, published: boolean) => GoogleAppsScript.Forms.Form)(
        '入口テストのフォーム',
        true,
      );
      form.addTextItem().setTitle('ご意見');
      form.setDestination(FormApp.DestinationType.SPREADSHEET, SpreadsheetApp.getActiveSpreadsheet().getId());
      rt.emu.forms.submit(form.getId(), { ご意見: 'はい' });
      rt.lastTriggerRan();
    },
  ],
  ['getTriggerStatus', (rt) => rt.rpc('getTriggerStatus')],
  ['clearNewAnswers', (rt) => rt.rpc('clearNewAnswers')],
  ['startSummaryTrigger', (rt) => rt.rpc('startSummaryTrigger', { every: 'day', hour: 6 })],
  [
    'onSummarySchedule',
    (rt) => {
      const clock = rt.emu.triggers.find((t) => t.eventType === 'CLOCK');
      if (!clock) throw new Error('no time-driven trigger');
      rt.emu.runClockTrigger(clock.id);
      rt.lastTriggerRan();
    },
  ],
  ['stopTrigger', (rt) => rt.rpc('stopTrigger', 'summary')],
];

export interface DayReport {
  /** The bundle's top-level functions, as Apps Script lists them. */
  entryPoints: string[];
  /** Entry points in the order they ran. */
  ran: string[];
  /** Forbidden globals touched, by the entry point that touched them. */
  violations: Record<string, string[]>;
}

/** Runs every entry point of a bundle (dist/Code.js unless given) through the day. */
export function runDay(code: string = readFileSync(codePath(), 'utf8')): DayReport {
  const rt = new Runtime(code);
  const entryPoints = rt.sandbox.topLevelFunctions();
  const missing = DAY.map(([name]) => name).filter((name) => !entryPoints.includes(name));
  if (missing.length > 0) throw new Error(`the bundle has no entry point ${missing.join(', ')}`);
  const rest = entryPoints.filter((name) => !DAY.some(([listed]) => listed === name));
  const steps: Array<[string, Step]> = [
    ...DAY,
    ...rest.map((name): [string, Step] => [
      name,
      (r) => ((RPC_NAMES as string[]).includes(name) ? r.rpc(name) : r.sandbox.call(name)),
    ]),
  ];
  const memo: Memo = {};
  const report: DayReport = { entryPoints, ran: [], violations: {} };
  for (const [name, step] of steps) {
    const before = rt.sandbox.violations.length;
    step(rt, memo);
    rt.emu.endExecution();
    const touched = rt.sandbox.violations.slice(before);
    if (touched.length > 0) report.violations[name] = touched;
    report.ran.push(name);
  }
  return report;
}
