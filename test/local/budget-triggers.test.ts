// The installable triggers on a large city council's workbook (tsunagu demo --scale large): the
// scheduled 指標サマリー refresh stays within Apps Script's 6-minute limit for one execution, and the
// form-submit trigger costs a handful of calls, whatever the rows (docs/cost.md).
import { beforeAll, describe, it } from '@jest/globals';
import { expect } from '../support/expect';
import { demoSession } from '../../src/local/budget';
import { takeStats, type ActionStats } from '../../src/local/commands/stats';
import { EXECUTION_LIMIT_SECONDS } from '../../src/local/emulator/index';
import type { Session } from '../../src/local/session';
import { rpc } from './helpers/session';

let session: Session;

beforeAll(() => {
  session = demoSession('large');
}, 300_000);

function measure(run: () => void): ActionStats {
  session.emu.stats.reset();
  run();
  return takeStats(session.emu.stats);
}

function figures(label: string, stats: ActionStats): string {
  const { totals, summary } = stats;
  return `${label}: ${totals.calls} calls, ${totals.cellsRead} cells read, ${totals.cellsWritten} written → ${summary.estimatedSeconds.low}–${summary.estimatedSeconds.high} s`;
}

describe('the installable triggers within budget on the large workbook', () => {
  it('the scheduled refresh of 指標サマリー runs within one execution (6 minutes), with no Ui', () => {
    rpc(session, 'startSummaryTrigger', { every: 'day', hour: 6 });
    const uid = session.emu.triggers.find((t) => t.eventType === 'CLOCK')?.id ?? '';
    let error: string | null = 'not run';
    const stats = measure(() => {
      error = session.emu.runClockTrigger(uid).error;
    });
    const text = figures('onSummarySchedule', stats);
    console.log(text);
    expect(error, text).toBeNull();
    expect(stats.summary.estimatedSeconds.high, text).toBeLessThan(EXECUTION_LIMIT_SECONDS);
    expect(
      Object.keys(stats.methods).some((k) => k.startsWith('Ui.')),
      text,
    ).toBe(false);
  });

  it('the form-submit trigger costs a handful of calls', () => {
    rpc(session, 'startAnswerTrigger');
    const { FormApp, SpreadsheetApp } = session.emu.globals;
    const form = (FormApp.create as (title: string, published: boolean) => GoogleAppsScript.Forms.Form)(
      '予算テスト',
      true,
    );
    form.addTextItem().setTitle('ご意見');
    form.setDestination(FormApp.DestinationType.SPREADSHEET, SpreadsheetApp.getActiveSpreadsheet().getId());
    const stats = measure(() => session.emu.forms.submit(form.getId(), { ご意見: 'はい' }));
    const text = figures('onAnswerSubmitted', stats);
    console.log(text);
    expect(session.emu.triggerRuns.at(-1)?.error ?? null, text).toBeNull();
    expect(stats.totals.calls, text).toBeLessThanOrEqual(30);
    expect(stats.summary.estimatedSeconds.high, text).toBeLessThan(5);
  });

  it('the sidebar reads both triggers’ state in a handful of calls (getTriggerStatus)', () => {
    const stats = measure(() => rpc(session, 'getTriggerStatus'));
    const text = figures('getTriggerStatus', stats);
    expect(stats.totals.calls, text).toBeLessThanOrEqual(120);
    expect(stats.summary.estimatedSeconds.high, text).toBeLessThan(10);
  });
});
