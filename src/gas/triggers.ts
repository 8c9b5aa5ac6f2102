/** GasTriggers: the Triggers port on ScriptApp (the current user's installable triggers) and Session. */
import type { InstalledTrigger, Triggers, TriggerSchedule } from '../core/ports';

export class GasTriggers implements Triggers {
  constructor(
    private readonly scriptApp: GoogleAppsScript.Script.ScriptApp,
    private readonly session: GoogleAppsScript.Base.Session,
    /** The spreadsheet the form-submit trigger is for. */
    private readonly spreadsheet: GoogleAppsScript.Spreadsheet.Spreadsheet,
  ) {}

  /** The account the triggers run as: the effective user (the trigger's owner while one runs). */
  user(): string {
    return this.session.getEffectiveUser().getEmail() || '';
  }

  private all(): GoogleAppsScript.Script.Trigger[] {
    return this.scriptApp.getUserTriggers(this.spreadsheet);
  }

  mine(): InstalledTrigger[] {
    return this.all().map((t) => ({ uid: t.getUniqueId(), handler: t.getHandlerFunction() }));
  }

  createFormSubmit(handler: string): string {
    return this.scriptApp.newTrigger(handler).forSpreadsheet(this.spreadsheet).onFormSubmit().create().getUniqueId();
  }

  createClock(handler: string, schedule: TriggerSchedule): string {
    const builder = this.scriptApp.newTrigger(handler).timeBased().inTimezone('Asia/Tokyo').atHour(schedule.hour);
    const timed =
      schedule.every === 'day' ? builder.everyDays(1) : builder.onWeekDay(this.scriptApp.WeekDay[schedule.day]);
    return timed.create().getUniqueId();
  }

  createOnce(handler: string, afterMs: number): string {
    return this.scriptApp.newTrigger(handler).timeBased().after(afterMs).create().getUniqueId();
  }

  remove(uid: string): boolean {
    const trigger = this.all().find((t) => t.getUniqueId() === uid);
    if (!trigger) return false;
    this.scriptApp.deleteTrigger(trigger);
    return true;
  }
}
