// フォームを作成・更新 stopped at any of its mutating calls is finished by the next run, never duplicated (docs/safety.md, docs/forms.md).
import { describe, it } from '@jest/globals';
import { expect } from '../support/expect';
import type { RpcEnvelope, SurveyBuildView } from '../../src/shared/rpc';
import type { Session } from '../../src/local/session';
import { NOTHING_CHANGED_EN, NOTHING_CHANGED_JA, harnessSession } from '../support/fault-harness';
import { rpc } from '../local/helpers/session';
import { surveySession } from './actions';

/** The paths where two plain values differ, at most `limit`. */
function differences(a: unknown, b: unknown, path = '', out: string[] = [], limit = 4): string[] {
  if (out.length >= limit) return out;
  if (a !== null && b !== null && typeof a === 'object' && typeof b === 'object') {
    const keys = new Set([...Object.keys(a), ...Object.keys(b)]);
    for (const k of keys)
      differences((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k], `${path}.${k}`, out, limit);
  } else if (JSON.stringify(a) !== JSON.stringify(b)) out.push(`${path}: ${JSON.stringify(a)} ≠ ${JSON.stringify(b)}`);
  return out;
}

/** The forms and what the workbook shows of them, with Forms' ids replaced by positions (they differ from run to run). */
function shape(session: Session, leaveOut: string | null = null): unknown {
  const forms = session.emu.forms.all
    .filter((form) => form.id !== leaveOut)
    .map((form) => {
      const index = new Map(form.items.map((item, i) => [item.id, i] as const));
      return {
        title: form.title,
        description: form.description,
        confirmationMessage: form.confirmationMessage,
        published: form.published,
        acceptingResponses: form.acceptingResponses,
        responseSheet: form.destination?.sheetName ?? null,
        // No validation and CONTINUE are what Forms has when nothing was set: the same state.
        items: form.items.map((item) => ({
          ...item,
          validation: item.validation ?? undefined,
          pageNavigation: item.pageNavigation === 'CONTINUE' ? undefined : item.pageNavigation,
          id: index.get(item.id),
          goToPageId: item.goToPageId === undefined ? undefined : index.get(item.goToPageId),
          choices: item.choices?.map((c) => ({
            ...c,
            goToPageId: c.goToPageId === undefined ? undefined : index.get(c.goToPageId),
          })),
        })),
      };
    });
  const book = session.emu.globals.SpreadsheetApp.getActiveSpreadsheet();
  const sheets = book.getSheets().map((s) => ({
    name: s.getName(),
    marks: s.getDeveloperMetadata().map((m) => `${m.getKey()}=${m.getValue() ?? ''}`),
    header: s.getLastColumn() > 0 ? s.getRange(1, 1, 1, s.getLastColumn()).getValues()[0] : [],
  }));
  // フォーム一覧 without the addresses and ids.
  const list = book.getSheetByName('フォーム一覧')
    ? session.emu.sheetValues('フォーム一覧').map((r) => [r[0], r[1], r[2], r[7], r[8], r[9], r[10]])
    : null;
  return { forms, sheets, list };
}

describe('フォームを作成・更新 stopped part-way', () => {
  it('after a failure at any mutating call, says truthfully what happened, and the next run finishes the same forms', () => {
    const clean = surveySession();
    clean.emu.failAtMutation(null);
    const ok = clean.run('buildForms') as RpcEnvelope<SurveyBuildView>;
    expect(ok.ok).toBe(true);
    const calls = [...clean.emu.mutations];
    const want = shape(clean);
    expect(calls.length).toBeGreaterThan(20);

    const failures: string[] = [];
    for (let n = 1; n <= calls.length; n++) {
      const session = surveySession();
      const before = shape(session);
      session.emu.failAtMutation(n);
      const faulted = session.run('buildForms') as RpcEnvelope<SurveyBuildView>;
      session.emu.failAtMutation(null);
      const where = `fault at call ${n} of ${calls.length} (${calls[n - 1]})`;
      const now = shape(session);
      if (faulted.ok) {
        if (JSON.stringify(now) !== JSON.stringify(want))
          failures.push(`${where}: replied ok but the build is not complete`);
        continue;
      }
      const unchanged = JSON.stringify(now) === JSON.stringify(before);
      const says = NOTHING_CHANGED_JA.test(faulted.error.ja) && NOTHING_CHANGED_EN.test(faulted.error.en);
      if (unchanged && !says)
        failures.push(`${where}: nothing changed, but the reply does not say so: ${faulted.error.ja}`);
      if (!unchanged && says) failures.push(`${where}: the reply says nothing changed, but something did`);
      // The one call whose failure leaves a form Tsunagu cannot find again: keeping its id right after
      // FormApp.create. The reply must name it, and it must be empty and linked to nothing.
      const stray = /ID: (\S+?)）/.exec(faulted.error.ja)?.[1] ?? null;
      if (stray !== null) {
        const left = session.emu.forms.get(stray);
        if (!left || left.items.length > 0 || left.destination !== null)
          failures.push(`${where}: the form named as left in Drive is not an empty, unlinked form`);
      }
      const again = session.run('buildForms') as RpcEnvelope<SurveyBuildView>;
      if (!again.ok) {
        failures.push(`${where}: the next run failed too: ${again.error.ja}`);
        continue;
      }
      const after = shape(session, stray);
      if (JSON.stringify(after) !== JSON.stringify(want)) {
        failures.push(
          `${where}: the next run did not come to the clean result: ${differences(after, want).join('; ')}`,
        );
      }
    }
    expect(failures, failures.slice(0, 3).join('\n')).toEqual([]);
  });
});

/** shape() with each sheet's header as a sorted list (the response sheets' column order left out). */
function columnsAsSets(value: unknown): unknown {
  const v = value as { sheets: Array<{ header: unknown[] }> };
  return { ...v, sheets: v.sheets.map((s) => ({ ...s, header: [...s.header].map(String).sort() })) };
}

describe('フォームを作成・更新 in parts, stopped part-way', () => {
  const PARTS = { removeMissing: false, recreate: false, inParts: true };

  /** The ボランティア登録 template in three languages: about 75 items, several parts. */
  function registration(): Session {
    const session = harnessSession('アンケート分割のフォールトテスト');
    rpc(session, 'setupSheets');
    rpc(session, 'writeSurveyTemplate', 'ボランティア登録');
    return session;
  }

  /** Runs parts until none remains; the replies. */
  function finish(session: Session, limit = 30): Array<RpcEnvelope<SurveyBuildView>> {
    const replies: Array<RpcEnvelope<SurveyBuildView>> = [];
    for (let i = 0; i < limit; i++) {
      const reply = session.run('buildForms', PARTS) as RpcEnvelope<SurveyBuildView>;
      replies.push(reply);
      if (!reply.ok || (reply.value.remaining ?? 0) === 0) break;
    }
    return replies;
  }

  it('a failure at the start, in a middle part or in the last part: the next parts finish the same forms, never a second copy', () => {
    const clean = registration();
    const perPart: number[] = [];
    for (let i = 0; i < 30; i++) {
      clean.emu.failAtMutation(null);
      const reply = clean.run('buildForms', PARTS) as RpcEnvelope<SurveyBuildView>;
      expect(reply.ok).toBe(true);
      perPart.push(clean.emu.mutations.length);
      if (reply.ok && (reply.value.remaining ?? 0) === 0) break;
    }
    expect(perPart.length, 'parts').toBeGreaterThan(2);
    const want = shape(clean);
    const middle = Math.floor(perPart.length / 2);
    const last = perPart.length - 1;
    const spread = (calls: number, n: number): number[] => [
      ...new Set(Array.from({ length: n }, (_, i) => 1 + Math.floor((i * (calls - 1)) / Math.max(n - 1, 1)))),
    ];
    const cases: Array<[number, number]> = [
      ...spread(perPart[0] as number, 6).map((n): [number, number] => [0, n]),
      ...spread(perPart[middle] as number, 4).map((n): [number, number] => [middle, n]),
      ...spread(perPart[last] as number, 8).map((n): [number, number] => [last, n]),
      // The last part's own writes (フォーム一覧, the marks) are its last calls: every one of them.
      ...Array.from({ length: Math.min(12, perPart[last] as number) }, (_, i): [number, number] => [
        last,
        (perPart[last] as number) - i,
      ]),
    ];
    const failures: string[] = [];
    for (const [part, n] of cases) {
      const session = registration();
      for (let p = 0; p < part; p++) {
        session.emu.failAtMutation(null);
        session.run('buildForms', PARTS);
      }
      session.emu.failAtMutation(n);
      const faulted = session.run('buildForms', PARTS) as RpcEnvelope<SurveyBuildView>;
      session.emu.failAtMutation(null);
      const where = `part ${part + 1}, fault at call ${n} of ${perPart[part]}`;
      const stray = faulted.ok ? null : (/ID: (\S+?)）/.exec(faulted.error.ja)?.[1] ?? null);
      const replies = finish(session);
      const end = replies.at(-1);
      if (!end?.ok || (end.value.remaining ?? 0) !== 0) {
        failures.push(`${where}: the next parts did not finish: ${end && !end.ok ? end.error.ja : 'parts left'}`);
        continue;
      }
      // A response sheet gains a column per item in the order the items were made: a part made again
      // after a failure may make them in another order. Columns are found by title, never by position.
      const after = columnsAsSets(shape(session, stray));
      if (JSON.stringify(after) !== JSON.stringify(columnsAsSets(want)))
        failures.push(`${where}: not the clean result: ${differences(after, columnsAsSets(want)).join('; ')}`);
    }
    expect(failures, failures.slice(0, 3).join('\n')).toEqual([]);
  });
});
