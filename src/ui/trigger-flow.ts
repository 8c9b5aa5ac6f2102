/**
 * TriggerFlow: the state of the two installable triggers in the sidebar (新しい回答 in アンケート作成,
 * 定期更新 in 指標サマリー) and what their buttons do with the server, apart from the DOM so it can be
 * tested in Node. One instance serves both sections.
 */
import type { Message, RefreshSchedule, TriggerChange, TriggerKind, TriggerStatus } from '../shared/rpc';
import type { ActionRunner, ServerCall } from './server-call';

export interface TriggerFlowState {
  /** The last status the server gave; null until it is read. */
  status: TriggerStatus | null;
  /** What the last change did, in words, for the section it was made in. */
  notice: { kind: TriggerKind; message: Message } | null;
  /** The schedule staff are choosing for 定期更新 (the current one, else daily at 6時). */
  schedule: RefreshSchedule;
}

export class TriggerFlow {
  readonly state: TriggerFlowState = { status: null, notice: null, schedule: { every: 'day', hour: 6 } };
  private loading = false;

  constructor(
    private readonly server: ServerCall,
    private readonly run: ActionRunner,
    private readonly changed: () => void,
  ) {}

  /** Reads the status once, when a section first shows it. */
  ensureLoaded(): void {
    if (!this.state.status && !this.loading) void this.load();
  }

  /** Reads the status again (再読み込み): new answers counted since, a run that failed. */
  async load(): Promise<void> {
    this.loading = true;
    const status = await this.run(() => this.server('getTriggerStatus'));
    this.loading = false;
    if (status) this.show(status);
    this.changed();
  }

  private show(status: TriggerStatus): void {
    this.state.status = status;
    if (status.summary.schedule) this.state.schedule = status.summary.schedule;
  }

  private async apply(kind: TriggerKind, task: () => Promise<TriggerChange>): Promise<void> {
    const change = await this.run(task);
    if (change) {
      this.show(change.status);
      this.state.notice = { kind, message: change.notice };
    }
    this.changed();
  }

  /** オンにする / 自分に引き継ぐ: the trigger as the current user (the refresh on the chosen schedule). */
  start(kind: TriggerKind): Promise<void> {
    return this.apply(kind, () =>
      kind === 'answers' ? this.server('startAnswerTrigger') : this.server('startSummaryTrigger', this.state.schedule),
    );
  }

  /** 止める. */
  stop(kind: TriggerKind): Promise<void> {
    return this.apply(kind, () => this.server('stopTrigger', kind));
  }

  /** 確認済みにする: 新しい回答 back to 0. */
  clearNewAnswers(): Promise<void> {
    return this.apply('answers', () => this.server('clearNewAnswers'));
  }

  /** The schedule chooser changed (毎日 / 毎週, the day, the hour). */
  choose(schedule: RefreshSchedule): void {
    this.state.schedule = schedule;
    this.changed();
  }
}
