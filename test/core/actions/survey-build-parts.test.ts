// フォームを作成・更新 in parts (the sidebar's): each call makes or rewrites a bounded number of items,
// says how many forms remain, and the last part writes フォーム一覧 — the same forms as one whole build,
// never a second copy, and an interrupted run goes on where it stopped.
import { describe, it } from '@jest/globals';
import { expect } from '../../support/expect';
import type { SurveyBuildView } from '../../../src/shared/rpc';
import { BUILD_PART_WORK, FORM_BUILD_KEY } from '../../../src/core/actions/survey';
import type { Session } from '../../../src/local/session';
import { freshSession, rpc } from '../../local/helpers/session';

const PARTS = { removeMissing: false, recreate: false, inParts: true };

function defined(): Session {
  const session = freshSession();
  rpc(session, 'setupSheets');
  rpc(session, 'writeSurveyTemplate', 'ボランティア登録');
  return session;
}

/** The forms as respondents see them: titles, items (type, title, choices) — ids left out. */
function shape(session: Session): unknown {
  return session.emu.forms.all.map((f) => ({
    title: f.title,
    published: f.published,
    items: f.items.map((i) => [i.type, i.title, (i.choices ?? []).map((c) => c.value)]),
  }));
}

function hasList(session: Session): boolean {
  return session.emu.globals.SpreadsheetApp.getActiveSpreadsheet().getSheetByName('フォーム一覧') !== null;
}

describe('buildForms in parts', () => {
  it('builds part by part, each within its work, フォーム一覧 with the last — the same forms as one whole build', () => {
    const whole = defined();
    const one = rpc<SurveyBuildView>(whole, 'buildForms');
    expect(one.remaining).toBeUndefined();

    const session = defined();
    const parts: SurveyBuildView[] = [];
    const mutations: number[] = [];
    let view: SurveyBuildView | null = null;
    while (view === null || (view.remaining ?? 0) > 0) {
      session.emu.failAtMutation(null);
      view = rpc<SurveyBuildView>(session, 'buildForms', PARTS);
      mutations.push(session.emu.mutations.length);
      parts.push(view);
      if ((view.remaining ?? 0) > 0) {
        expect(view.listSheet, 'a middle part writes no フォーム一覧').toBeNull();
        expect(hasList(session)).toBe(false);
      }
      expect(parts.length).toBeLessThan(20);
    }
    expect(parts.length, 'three languages of about 25 items: more than one part').toBeGreaterThan(2);
    // Three forms, and フォーム一覧 as a step of its own.
    expect(parts.map((p) => p.total)).toEqual(parts.map(() => 4));
    expect(parts.at(-1)?.remaining).toBe(0);
    expect(parts.at(-1)?.listSheet).toBe('フォーム一覧');
    expect(parts.at(-1)?.forms.map((f) => f.outcome)).toEqual(['made', 'made', 'made']);
    expect(session.emu.forms.all).toHaveLength(3);
    expect(shape(session)).toEqual(shape(whole));
    expect(session.emu.sheetValues('フォーム一覧').length).toBe(4);
    expect(session.emu.globals.PropertiesService.getDocumentProperties().getProperty(FORM_BUILD_KEY)).toBeNull();
    // Each part makes at most its work of items (a section a choice leads to may come along).
    const items = (p: SurveyBuildView): number => p.forms.reduce((n, f) => n + f.created + f.updated, 0);
    parts.forEach((p, i) => {
      const before = i === 0 ? 0 : items(parts[i - 1] as SurveyBuildView);
      expect(items(p) - before, `part ${i + 1}`).toBeLessThanOrEqual(BUILD_PART_WORK + 3);
    });

    // Nothing changed: no form touched.
    let again = rpc<SurveyBuildView>(session, 'buildForms', PARTS);
    while ((again.remaining ?? 0) > 0) again = rpc<SurveyBuildView>(session, 'buildForms', PARTS);
    expect(again.forms.map((f) => f.outcome)).toEqual(['unchanged', 'unchanged', 'unchanged']);
  });

  it('an interrupted run goes on where it stopped, never a second copy, and a changed definition starts afresh', () => {
    const session = defined();
    const first = rpc<SurveyBuildView>(session, 'buildForms', PARTS);
    expect(first.remaining).toBeGreaterThan(0);
    const made = session.emu.forms.all.map((f) => f.id);
    // The sidebar was closed: a new build later goes on with the same forms.
    let view = rpc<SurveyBuildView>(session, 'buildForms', PARTS);
    while ((view.remaining ?? 0) > 0) view = rpc<SurveyBuildView>(session, 'buildForms', PARTS);
    expect(session.emu.forms.all).toHaveLength(3);
    expect(made.every((id) => session.emu.forms.all.some((f) => f.id === id))).toBe(true);
    expect(view.forms.map((f) => f.outcome)).toEqual(['made', 'made', 'made']);

    // An edit of the definition mid-run: the run starts over, updating the forms in place.
    const sheet = session.emu.globals.SpreadsheetApp.getActiveSpreadsheet().getSheetByName('アンケート定義');
    const values = sheet?.getDataRange().getValues() ?? [];
    const header = values[0] ?? [];
    const row = values.findIndex((r) => r[header.indexOf('設問ID')] === '住所') + 1;
    expect(row).toBeGreaterThan(1);
    sheet?.getRange(row, header.indexOf('設問') + 1).setValue('住所（番地まで）');
    let edited = rpc<SurveyBuildView>(session, 'buildForms', PARTS);
    while ((edited.remaining ?? 0) > 0) edited = rpc<SurveyBuildView>(session, 'buildForms', PARTS);
    expect(edited.forms.map((f) => f.outcome)).toContain('updated');
    expect(session.emu.forms.all).toHaveLength(3);
  });
});
