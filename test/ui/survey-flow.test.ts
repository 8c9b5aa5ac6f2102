import { describe, it } from '@jest/globals';
import { expect } from '../support/expect';
import type {
  BuiltFormView,
  RpcName,
  SurveyBuildView,
  SurveyCandidatesView,
  SurveyCandidateView,
  SurveyDecisionResult,
  SurveyTemplateResult,
  UndoInfo,
} from '../../src/shared/rpc';
import { SurveyFlow } from '../../src/ui/survey-flow';
import { fakeServer, type Handler } from './fake-server';

const templateUndo: UndoInfo = {
  label: { ja: 'アンケートのテンプレート「活動報告」（14行）', en: 'survey template 「活動報告」 (14 rows)' },
  at: '2026-11-26T03:00:00.000Z',
};

function form(outcome: BuiltFormView['outcome'], extra: Partial<BuiltFormView> = {}): BuiltFormView {
  return {
    name: '活動報告',
    language: 'ja',
    languageLabel: { ja: '日本語', en: 'Japanese' },
    id: outcome === 'planned' ? '' : 'form-1',
    publishedUrl: '',
    shortUrl: outcome === 'planned' ? '' : 'https://forms.gle/abc',
    editUrl: '',
    published: true,
    acceptingResponses: true,
    outcome,
    created: 0,
    updated: 0,
    unchanged: 0,
    pending: 0,
    leftOver: [],
    typeChanged: [],
    removed: [],
    responseSheet: null,
    items: [],
    ...extra,
  };
}

function view(forms: BuiltFormView[], built = true, errors = 0): SurveyBuildView {
  return {
    built,
    forms,
    issues: Array.from({ length: errors }, (_, i) => ({
      code: 'survey.unknownType',
      severity: 'error' as const,
      row: i + 2,
      column: '種類',
      form: '活動報告',
      message: { ja: '種類が違います', en: 'Unknown type' },
    })),
    listSheet: built ? 'フォーム一覧' : null,
    notices: [],
  };
}

const templateResult: SurveyTemplateResult = {
  template: '活動報告',
  formName: '活動報告',
  sheet: 'アンケート定義',
  firstRow: 2,
  lastRow: 15,
  addedColumns: [],
  undo: templateUndo,
};

function harness(handlers: Partial<Record<RpcName, Handler>>) {
  const fake = fakeServer(handlers);
  const flow = new SurveyFlow(fake.server, fake.run, () => undefined);
  return { ...fake, flow };
}

describe('SurveyFlow', () => {
  it('opens the flyer of one form and language in a dialog, and shows what the server said about it', async () => {
    const flyer = {
      name: '活動報告',
      language: 'en',
      languageLabel: { ja: '英語', en: 'English' },
      title: 'Activity report',
      url: 'https://forms.gle/abc',
      shortUrl: 'https://forms.gle/abc',
      open: false,
      notices: [{ ja: '受け付けていません', en: 'not accepting' }],
      html: null,
    };
    const h = harness({ openFormFlyer: () => flyer });
    await h.flow.openFlyer('活動報告', 'en');
    expect(h.calls).toEqual([['openFormFlyer', '活動報告', 'en']]);
    expect(h.flow.state.notice).toEqual({ kind: 'flyer', flyer });
    expect(h.flow.takeFocus()).toBe('notice');
  });

  it('asks before the first build of the session, then builds without asking again', async () => {
    const h = harness({ buildForms: () => view([form('made')]) });
    await h.flow.requestRun();
    expect(h.flow.state.pending).toBe('run');
    expect(h.calls).toEqual([]);
    await h.flow.accept();
    expect(h.calls).toEqual([['buildForms', { removeMissing: false, recreate: false, inParts: true }]]);
    expect(h.flow.state.notice).toEqual({ kind: 'built', forms: 1, made: 1, updated: 0 });
    expect(h.flow.state.focus).toBe('notice');
    await h.flow.requestRun();
    expect(h.names()).toEqual(['buildForms', 'buildForms']);
  });

  it('builds in parts: calls again while forms remain, showing the progress, and ends with the whole list', async () => {
    let remaining = 3;
    const fake = fakeServer({
      buildForms: () => {
        remaining -= 1;
        return {
          ...view([form('made')]),
          remaining,
          total: 4,
          listSheet: remaining === 0 ? 'フォーム一覧' : null,
        };
      },
    });
    const notices: unknown[] = [];
    const flow: SurveyFlow = new SurveyFlow(fake.server, fake.run, () => notices.push(flow.state.notice));
    await flow.requestRun();
    await flow.accept();
    expect(fake.names()).toEqual(['buildForms', 'buildForms', 'buildForms']);
    expect(notices).toContainEqual({ kind: 'building', done: 2, total: 4 });
    expect(notices).toContainEqual({ kind: 'building', done: 3, total: 4 });
    expect(flow.state.view?.listSheet).toBe('フォーム一覧');
    expect(flow.state.notice).toEqual({ kind: 'built', forms: 1, made: 1, updated: 0 });
  });

  it('says nothing was built when アンケート定義 has errors, and keeps the issues on screen', async () => {
    const h = harness({ buildForms: () => view([], false, 2) });
    await h.flow.runConfirmedElsewhere();
    expect(h.flow.state.notice).toEqual({ kind: 'notBuilt', errors: 2 });
    expect(h.flow.state.view?.issues).toHaveLength(2);
  });

  it('writes the chosen template only after its own confirmation, offers 元に戻す, and shows the new check', async () => {
    const h = harness({
      writeSurveyTemplate: () => templateResult,
      previewForms: () => view([form('planned')], false),
    });
    h.flow.chooseTemplate('活動報告');
    h.flow.requestTemplate();
    expect(h.flow.state.pending).toBe('template');
    expect(h.calls).toEqual([]);
    await h.flow.accept();
    expect(h.calls).toEqual([['writeSurveyTemplate', '活動報告'], ['previewForms']]);
    expect(h.flow.state.notice).toEqual({ kind: 'template', result: templateResult });
    expect(h.flow.undo.info).toEqual(templateUndo);
    expect(h.flow.state.view?.forms[0]?.outcome).toBe('planned');
  });

  it('a declined template confirmation writes nothing and gives the focus back to its button', () => {
    const h = harness({});
    h.flow.requestTemplate();
    h.flow.cancel();
    expect(h.flow.state.pending).toBeNull();
    expect(h.flow.takeFocus()).toBe('template');
    expect(h.calls).toEqual([]);
  });

  it('offers the removal of kept questions and remaking deleted forms, each confirmed, each with its own option', async () => {
    const kept = form('unchanged', { leftOver: [{ questionId: '感想', title: '感想' }] });
    const gone = form('gone', { language: 'en', id: 'form-2' });
    const h = harness({ buildForms: () => view([kept, gone]) });
    await h.flow.runConfirmedElsewhere();
    expect(h.flow.hasLeftOver).toBe(true);
    expect(h.flow.hasGone).toBe(true);
    h.flow.requestRemoval();
    expect(h.flow.state.pending).toBe('remove');
    await h.flow.accept();
    h.flow.requestRecreate();
    await h.flow.accept();
    expect(h.calls.slice(1)).toEqual([
      ['buildForms', { removeMissing: true, recreate: false, inParts: true }],
      ['buildForms', { removeMissing: false, recreate: true, inParts: true }],
    ]);
  });

  it('checks the definition without confirmation and without building', async () => {
    const h = harness({ previewForms: () => view([form('planned')], false) });
    await h.flow.check();
    expect(h.names()).toEqual(['previewForms']);
    expect(h.flow.state.focus).toBe('check');
  });

  it('a failed build goes to the shell and leaves the forms on screen as they were', async () => {
    const before = view([form('unchanged')]);
    let fail = false;
    const h = harness({
      buildForms: () => {
        if (fail) throw new Error('boom');
        return before;
      },
    });
    await h.flow.runConfirmedElsewhere();
    fail = true;
    await h.flow.requestRun();
    expect(h.shownErrors).toEqual(['Error: boom']);
    expect(h.flow.state.view).toBe(before);
  });

  it('brings in the survey answers only after its own confirmation, and says how many and where', async () => {
    const h = harness({
      importSurveyAnswers: () => ({
        sheet: 'アンケート回答',
        rows: 12,
        added: 12,
        updated: 0,
        removed: 0,
        remaining: 0,
        forms: [],
        notices: [],
      }),
    });
    let reread = 0;
    h.flow.afterAnswers = () => reread++;
    h.flow.requestImport();
    expect(h.flow.state.pending).toBe('import');
    expect(h.calls).toEqual([]);
    await h.flow.accept();
    expect(h.names()).toEqual(['importSurveyAnswers']);
    expect(reread, '新しい回答 read again after the import').toBe(1);
    expect(h.flow.state.notice).toEqual({
      kind: 'imported',
      rows: 12,
      sheet: 'アンケート回答',
      notices: [],
      added: 12,
      updated: 0,
      remaining: 0,
    });
    h.flow.requestImport();
    h.flow.cancel();
    expect(h.flow.takeFocus()).toBe('import');
  });

  it('runs a large import part by part until nothing remains, showing the progress between parts', async () => {
    const parts = [
      { rows: 2000, added: 2000, updated: 0, remaining: 3000 },
      { rows: 4000, added: 2000, updated: 0, remaining: 1000 },
      { rows: 5000, added: 1000, updated: 1, remaining: 0 },
    ];
    const seen: unknown[] = [];
    let flow: SurveyFlow | null = null;
    const h = harness({
      importSurveyAnswers: () => {
        seen.push(flow?.state.notice ?? null);
        const part = parts.shift();
        if (!part) throw new Error('called once too often');
        return { sheet: 'アンケート回答', removed: 0, forms: [], notices: [], ...part };
      },
    });
    flow = h.flow;
    h.flow.requestImport();
    await h.flow.accept();
    expect(h.names()).toEqual(['importSurveyAnswers', 'importSurveyAnswers', 'importSurveyAnswers']);
    expect(seen.slice(1)).toEqual([
      { kind: 'importing', done: 2000, total: 5000 },
      { kind: 'importing', done: 4000, total: 5000 },
    ]);
    expect(h.flow.state.notice).toEqual({
      kind: 'imported',
      rows: 5000,
      sheet: 'アンケート回答',
      notices: [],
      added: 5000,
      updated: 1,
      remaining: 0,
    });
  });

  it('says how many answers are left when a later part fails (the parts before it stay written)', async () => {
    let n = 0;
    const h = harness({
      importSurveyAnswers: () => {
        n++;
        if (n === 2) throw new Error('quota');
        return {
          sheet: 'アンケート回答',
          rows: 2000,
          added: 2000,
          updated: 0,
          removed: 0,
          remaining: 3000,
          forms: [],
          notices: [],
        };
      },
    });
    h.flow.requestImport();
    await h.flow.accept();
    expect(h.shownErrors).toEqual(['Error: quota']);
    expect(h.flow.state.notice).toMatchObject({ kind: 'imported', rows: 2000, added: 2000, remaining: 3000 });
  });

  it('shows registrations as candidates and imports or declines only the chosen ones after confirmation', async () => {
    const candidate = (responseId: string, status: SurveyCandidateView['status'] = 'new'): SurveyCandidateView => ({
      responseId,
      form: 'ボランティア登録',
      destination: 'volunteers',
      language: 'ja',
      languageLabel: { ja: '日本語', en: 'Japanese' },
      answeredAt: '2026-05-01T01:00:00.000Z',
      status,
      row: { 氏名: responseId },
      issues: [],
      duplicateOf: null,
      unmatched: [],
      derived: [],
      importedAs: status === 'imported' ? 'V-0001' : null,
      reason: null,
    });
    let decided = false;
    const list = (): SurveyCandidatesView => ({
      candidates: decided ? [candidate('a', 'imported'), candidate('b', 'declined')] : [candidate('a'), candidate('b')],
      counts: { new: decided ? 0 : 2, imported: decided ? 1 : 0, declined: decided ? 1 : 0, noConsent: 0 },
      forms: [],
      notices: [],
    });
    const result: SurveyDecisionResult = {
      imported: 1,
      declined: 1,
      written: [
        { sheet: 'ボランティア名簿', kind: 'volunteers', firstRow: 5, lastRow: 5, rows: 1, setAsideBelow: false },
      ],
      ids: ['V-0001'],
      recordSheet: 'つなぐ取り込み記録',
      notices: [],
      undo: templateUndo,
    };
    const h = harness({
      previewSurveyCandidates: list,
      decideSurveyCandidates: () => {
        decided = true;
        return result;
      },
    });
    let reread = 0;
    h.flow.afterAnswers = () => reread++;
    await h.flow.loadCandidates();
    expect(h.flow.state.candidates?.counts.new).toBe(2);
    expect(reread, 'reading the candidates changes no count').toBe(0);
    h.flow.requestDecide();
    expect(h.flow.state.pending, 'nothing chosen: nothing to ask').toBe(null);
    h.flow.choose('a', 'accept');
    h.flow.choose('b', 'decline');
    h.flow.requestDecide();
    expect(h.flow.state.pending).toBe('decide');
    expect(h.names()).toEqual(['previewSurveyCandidates']);
    await h.flow.accept();
    expect(h.calls[1]).toEqual(['decideSurveyCandidates', { accept: ['a'], decline: ['b'] }]);
    expect(h.flow.state.notice).toEqual({ kind: 'decided', result });
    expect(h.flow.undo.info).toEqual(templateUndo);
    expect(reread, '新しい回答 read again after the decisions').toBe(1);
    expect(h.flow.state.choices).toEqual({});
    expect(h.flow.state.candidates?.counts.imported, 'read again after the import').toBe(1);
  });
});
