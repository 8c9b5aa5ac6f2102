// TriggerFlow: the sidebar's 新しい回答 and 定期更新 blocks against a fake server — read once, turn on on
// the chosen schedule, 止める, 確認済みにする, and a failed call leaves what was shown.
import { describe, it } from '@jest/globals';
import { expect } from '../support/expect';
import type { RefreshSchedule, TriggerChange, TriggerStatus } from '../../src/shared/rpc';
import { RpcError } from '../../src/ui/rpc-client';
import { TriggerFlow } from '../../src/ui/trigger-flow';
import { fakeServer, type Handler } from './fake-server';

function status(summary: Partial<TriggerStatus['summary']> = {}, count = 0): TriggerStatus {
  const off = {
    state: 'off' as const,
    owner: '',
    since: '',
    lastRun: null,
    lastFailure: null,
    lines: [],
    failure: null,
    actions: [],
  };
  return {
    user: 'staff@example.org',
    answers: {
      ...off,
      newAnswers: count > 0 ? [{ form: 'フォームの回答 1', formUrl: 'https://forms/1', count }] : [],
    },
    summary: { ...off, schedule: null, choices: [], ...summary },
  };
}

function change(next: TriggerStatus, ja: string): TriggerChange {
  return { status: next, notice: { ja, en: ja } };
}

function setup(handlers: Partial<Record<string, Handler>>) {
  const fake = fakeServer(handlers);
  let renders = 0;
  const flow = new TriggerFlow(fake.server, fake.run, () => {
    renders += 1;
  });
  return { ...fake, flow, renders: () => renders };
}

async function settle(): Promise<void> {
  await new Promise((resolve) => setImmediate(resolve));
}

describe('TriggerFlow', () => {
  it('reads the status once, however often the sections render', async () => {
    const t = setup({ getTriggerStatus: () => status({}, 3) });
    t.flow.ensureLoaded();
    t.flow.ensureLoaded();
    await settle();
    t.flow.ensureLoaded();
    expect(t.names()).toEqual(['getTriggerStatus']);
    expect(t.flow.state.status?.answers.newAnswers[0]?.count).toBe(3);
  });

  it('turns 定期更新 on with the schedule staff chose, and shows the one the server keeps', async () => {
    const weekly: RefreshSchedule = { every: 'week', day: 'FRIDAY', hour: 18 };
    const t = setup({
      getTriggerStatus: () => status(),
      startSummaryTrigger: (schedule) =>
        change(
          status({ state: 'mine', owner: 'staff@example.org', schedule: schedule as RefreshSchedule }),
          'オンにしました',
        ),
    });
    t.flow.ensureLoaded();
    await settle();
    t.flow.choose(weekly);
    await t.flow.start('summary');
    expect(t.calls[1]).toEqual(['startSummaryTrigger', weekly]);
    expect(t.flow.state.status?.summary.state).toBe('mine');
    expect(t.flow.state.notice).toEqual({ kind: 'summary', message: { ja: 'オンにしました', en: 'オンにしました' } });
  });

  it('takes the schedule of a running refresh as the chooser’s starting point', async () => {
    const t = setup({
      getTriggerStatus: () => status({ state: 'other', owner: 'a@example.org', schedule: { every: 'day', hour: 5 } }),
    });
    await t.flow.load();
    expect(t.flow.state.schedule).toEqual({ every: 'day', hour: 5 });
  });

  it('止める and 確認済みにする call the server for their block, and a failure leaves the status shown', async () => {
    const t = setup({
      getTriggerStatus: () => status({ state: 'mine', owner: 'staff@example.org' }, 2),
      stopTrigger: () => {
        throw new RpcError('lock.busy', { ja: '使用中', en: 'busy' });
      },
      clearNewAnswers: () => change(status({ state: 'mine', owner: 'staff@example.org' }), '確認済みにしました'),
    });
    await t.flow.load();
    await t.flow.stop('summary');
    expect(t.shownErrors).toEqual(['lock.busy']);
    expect(t.flow.state.status?.summary.state).toBe('mine');
    await t.flow.clearNewAnswers();
    expect(t.names()).toEqual(['getTriggerStatus', 'stopTrigger', 'clearNewAnswers']);
    expect(t.flow.state.status?.answers.newAnswers).toEqual([]);
    expect(t.flow.state.notice?.kind).toBe('answers');
  });
});
