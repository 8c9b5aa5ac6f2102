/** ScriptApp: installable triggers (time-driven and spreadsheet) built, recorded, listed and deleted, and the ScriptApp enums. */
import { Service, asGas, countCalls } from './calls';
import type { EmulatorContext } from './context';
import { DAY_MS, fromWallClock, isDate, timeOf, wallClock } from './dates';
import {
  AuthMode,
  AuthorizationStatus,
  EventType,
  InstallationSource,
  TriggerSource,
  Weekday,
  enumName,
} from './enums';

type GasTrigger = GoogleAppsScript.Script.Trigger;
type GasClockTriggerBuilder = GoogleAppsScript.Script.ClockTriggerBuilder;
type GasSpreadsheetTriggerBuilder = GoogleAppsScript.Script.SpreadsheetTriggerBuilder;

export type WeekdayName = keyof typeof GoogleAppsScript.Base.Weekday;

/** When a time-driven trigger fires, as the builder described it. */
export interface ClockSchedule {
  everyMinutes?: number;
  everyHours?: number;
  everyDays?: number;
  everyWeeks?: number;
  atHour?: number;
  nearMinute?: number;
  onMonthDay?: number;
  onWeekDay?: WeekdayName;
  /** One-off triggers. */
  at?: Date;
  afterMs?: number;
  timezone: string;
}

export interface TriggerRecord {
  id: string;
  handlerFunction: string;
  eventType: 'CLOCK' | 'ON_OPEN' | 'ON_EDIT' | 'ON_CHANGE' | 'ON_FORM_SUBMIT';
  source: 'CLOCK' | 'SPREADSHEETS';
  /** The spreadsheet a spreadsheet trigger belongs to; null for time-driven triggers. */
  sourceId: string | null;
  /** null for spreadsheet triggers. */
  schedule: ClockSchedule | null;
  /** The account that created it: it runs as that account, and only that account sees it. */
  // real-sheets-checklist RS-57
  owner: string;
}

const WEEKDAY_NUMBER: Readonly<Record<WeekdayName, number>> = {
  SUNDAY: 0,
  MONDAY: 1,
  TUESDAY: 2,
  WEDNESDAY: 3,
  THURSDAY: 4,
  FRIDAY: 5,
  SATURDAY: 6,
};

/**
 * Whether a time-driven schedule fires after `from` and at or before `to`. The emulator fires a
 * daily or weekly trigger at atHour:nearMinute (minute 0 unless given) on the schedule's clock;
 * Apps Script picks a time within that hour and keeps it (real-sheets-checklist RS-57). Sub-daily
 * schedules fire on the hour or minute grid; one-off triggers at their time.
 */
export function dueBetween(schedule: ClockSchedule, from: Date, to: Date): boolean {
  const start = timeOf(from);
  const end = timeOf(to);
  if (!(end > start)) return false;
  if (schedule.at) return timeOf(schedule.at) > start && timeOf(schedule.at) <= end;
  const step = schedule.everyMinutes
    ? schedule.everyMinutes * 60_000
    : schedule.everyHours
      ? schedule.everyHours * 3_600_000
      : null;
  if (step !== null) return Math.floor(end / step) > Math.floor(start / step);
  const tz = schedule.timezone;
  const first = wallClock(start, tz);
  // Day by day from the day `from` falls on, at most a year ahead (a longer gap fires once anyway).
  for (let d = 0; d <= 366; d++) {
    const day = new Date(Date.UTC(first.year, first.month - 1, first.day + d));
    const at = fromWallClock(
      day.getUTCFullYear(),
      day.getUTCMonth() + 1,
      day.getUTCDate(),
      schedule.atHour ?? 0,
      schedule.nearMinute ?? 0,
      0,
      0,
      tz,
    );
    if (at > end) return false;
    if (at <= start) continue;
    if (schedule.onWeekDay !== undefined && day.getUTCDay() !== WEEKDAY_NUMBER[schedule.onWeekDay]) continue;
    if (schedule.onMonthDay !== undefined && day.getUTCDate() !== schedule.onMonthDay) continue;
    if (
      schedule.everyDays !== undefined &&
      schedule.everyDays > 1 &&
      Math.floor(at / DAY_MS) % schedule.everyDays !== 0
    )
      continue;
    return true;
  }
  return false;
}

/** Apps Script allows 20 triggers per user per script. */
export const MAX_TRIGGERS = 20;

function copyRecord(record: TriggerRecord): TriggerRecord {
  return {
    ...record,
    schedule: record.schedule && {
      ...record.schedule,
      ...(record.schedule.at ? { at: new Date(timeOf(record.schedule.at)) } : {}),
    },
  };
}

/** The triggers of this script for the current user, in creation order. */
export class TriggerStore {
  private readonly records: TriggerRecord[] = [];

  add(record: TriggerRecord): void {
    if (this.records.length >= MAX_TRIGGERS) {
      throw new Error(
        'This script has too many triggers. Triggers must be deleted from the script before more can be added.',
      );
    }
    this.records.push(record);
  }

  remove(id: string): void {
    const index = this.records.findIndex((r) => r.id === id);
    if (index >= 0) this.records.splice(index, 1);
  }

  /** Every user's triggers (the emulator sees them all; a script sees only its user's: ownedBy). */
  all(): TriggerRecord[] {
    return this.records.map(copyRecord);
  }

  ownedBy(owner: string): TriggerRecord[] {
    return this.records.filter((r) => r.owner === owner).map(copyRecord);
  }

  /** Puts back triggers saved with the workbook (the CLI and the studio keep them beside it). */
  restore(records: readonly TriggerRecord[]): void {
    this.records.length = 0;
    for (const record of records) this.records.push(copyRecord(record));
  }
}

const TRIGGER_METHODS = [
  'getEventType',
  'getHandlerFunction',
  'getTriggerSource',
  'getTriggerSourceId',
  'getUniqueId',
] as const satisfies readonly (keyof GasTrigger)[];

export class EmuTrigger extends Service implements Pick<GasTrigger, (typeof TRIGGER_METHODS)[number]> {
  constructor(
    ctx: EmulatorContext,
    /** Internal: the recorded trigger. */
    readonly record: TriggerRecord,
  ) {
    super(ctx);
  }

  getEventType(): GoogleAppsScript.Script.EventType {
    return EventType[this.record.eventType];
  }

  getHandlerFunction(): string {
    return this.record.handlerFunction;
  }

  getTriggerSource(): GoogleAppsScript.Script.TriggerSource {
    return TriggerSource[this.record.source];
  }

  getTriggerSourceId(): string {
    return this.record.sourceId as string;
  }

  getUniqueId(): string {
    return this.record.id;
  }
}
countCalls(EmuTrigger, 'Trigger', TRIGGER_METHODS);

function checkInteger(value: unknown, min: number, max: number, what: string): number {
  if (typeof value !== 'number' || !Number.isInteger(value) || value < min || value > max) {
    throw new Error(`Invalid argument: ${what} (${String(value)})`);
  }
  return value;
}

const CLOCK_METHODS = [
  'after',
  'at',
  'atHour',
  'create',
  'everyDays',
  'everyHours',
  'everyMinutes',
  'everyWeeks',
  'inTimezone',
  'nearMinute',
  'onMonthDay',
  'onWeekDay',
] as const satisfies readonly (keyof GasClockTriggerBuilder)[];

export class EmuClockTriggerBuilder
  extends Service
  implements Pick<GasClockTriggerBuilder, (typeof CLOCK_METHODS)[number]>
{
  private readonly schedule: ClockSchedule = { timezone: 'Asia/Tokyo' };

  constructor(
    ctx: EmulatorContext,
    private readonly store: TriggerStore,
    private readonly handlerFunction: string,
  ) {
    super(ctx);
  }

  private get self(): GasClockTriggerBuilder {
    return asGas(this);
  }

  after(durationMilliseconds: number): GasClockTriggerBuilder {
    this.schedule.afterMs = checkInteger(durationMilliseconds, 0, Number.MAX_SAFE_INTEGER, 'durationMilliseconds');
    return this.self;
  }

  at(date: GoogleAppsScript.Base.Date): GasClockTriggerBuilder {
    if (!isDate(date)) throw new Error('Invalid argument: date');
    this.schedule.at = new Date(timeOf(date as unknown as Date));
    return this.self;
  }

  atHour(hour: number): GasClockTriggerBuilder {
    this.schedule.atHour = checkInteger(hour, 0, 23, 'hour');
    return this.self;
  }

  /**
   * Records the trigger. A trigger needs one recurrence (or a one-off time); atHour and nearMinute
   * only make sense for daily, weekly or monthly ones, as in Apps Script.
   */
  create(): GasTrigger {
    const s = this.schedule;
    const recurrences = [s.everyMinutes, s.everyHours, s.everyDays, s.everyWeeks, s.onMonthDay, s.at, s.afterMs].filter(
      (x) => x !== undefined,
    ).length;
    const weekly = s.onWeekDay !== undefined;
    if (recurrences + (weekly && s.everyWeeks === undefined ? 1 : 0) !== 1) {
      throw new Error(
        'A time-driven trigger needs exactly one of everyMinutes, everyHours, everyDays, everyWeeks, onWeekDay, ' +
          'onMonthDay, at or after.',
      );
    }
    const atTimeOfDay = s.atHour !== undefined || s.nearMinute !== undefined;
    const subDaily = s.everyMinutes !== undefined || s.everyHours !== undefined;
    if (atTimeOfDay && (subDaily || s.at !== undefined || s.afterMs !== undefined)) {
      throw new Error('atHour and nearMinute can only be used with daily, weekly or monthly triggers.');
    }
    const record: TriggerRecord = {
      id: String(7_000_000_000 + this.ctx.nextId()),
      handlerFunction: this.handlerFunction,
      eventType: 'CLOCK',
      source: 'CLOCK',
      sourceId: null,
      // A one-off `after` fires once its time has passed from now: it is kept as that time. Having
      // fired, a one-off trigger stays listed until deleted, as a recurring one does (real-sheets-checklist RS-66).
      schedule: { ...s, ...(s.afterMs !== undefined ? { at: new Date(this.ctx.nowMs() + s.afterMs) } : {}) },
      owner: this.ctx.userEmail,
    };
    this.store.add(record);
    return asGas(new EmuTrigger(this.ctx, record));
  }

  everyDays(n: number): GasClockTriggerBuilder {
    this.schedule.everyDays = checkInteger(n, 1, 365, 'days');
    return this.self;
  }

  everyHours(n: number): GasClockTriggerBuilder {
    if (![1, 2, 4, 6, 8, 12].includes(n)) throw new Error('Invalid argument: hours (must be 1, 2, 4, 6, 8 or 12)');
    this.schedule.everyHours = n;
    return this.self;
  }

  everyMinutes(n: number): GasClockTriggerBuilder {
    if (![1, 5, 10, 15, 30].includes(n)) throw new Error('Invalid argument: minutes (must be 1, 5, 10, 15 or 30)');
    this.schedule.everyMinutes = n;
    return this.self;
  }

  everyWeeks(n: number): GasClockTriggerBuilder {
    this.schedule.everyWeeks = checkInteger(n, 1, 52, 'weeks');
    return this.self;
  }

  inTimezone(timezone: string): GasClockTriggerBuilder {
    this.schedule.timezone = String(timezone);
    return this.self;
  }

  nearMinute(minute: number): GasClockTriggerBuilder {
    this.schedule.nearMinute = checkInteger(minute, 0, 59, 'minute');
    return this.self;
  }

  onMonthDay(day: number): GasClockTriggerBuilder {
    this.schedule.onMonthDay = checkInteger(day, 1, 31, 'day');
    return this.self;
  }

  onWeekDay(day: GoogleAppsScript.Base.Weekday): GasClockTriggerBuilder {
    const name = enumName(day);
    if (!(name in Weekday)) throw new Error('Invalid argument: day');
    this.schedule.onWeekDay = name as WeekdayName;
    return this.self;
  }
}
countCalls(EmuClockTriggerBuilder, 'ClockTriggerBuilder', CLOCK_METHODS);

const SPREADSHEET_TRIGGER_METHODS = [
  'create',
  'onChange',
  'onEdit',
  'onFormSubmit',
  'onOpen',
] as const satisfies readonly (keyof GasSpreadsheetTriggerBuilder)[];

export class EmuSpreadsheetTriggerBuilder
  extends Service
  implements Pick<GasSpreadsheetTriggerBuilder, (typeof SPREADSHEET_TRIGGER_METHODS)[number]>
{
  private eventType: TriggerRecord['eventType'] | null = null;

  constructor(
    ctx: EmulatorContext,
    private readonly store: TriggerStore,
    private readonly handlerFunction: string,
    private readonly spreadsheetId: string,
  ) {
    super(ctx);
  }

  private on(eventType: TriggerRecord['eventType']): GasSpreadsheetTriggerBuilder {
    this.eventType = eventType;
    return asGas(this);
  }

  create(): GasTrigger {
    if (!this.eventType)
      throw new Error('A spreadsheet trigger needs an event: onOpen, onEdit, onChange or onFormSubmit.');
    const record: TriggerRecord = {
      id: String(7_000_000_000 + this.ctx.nextId()),
      handlerFunction: this.handlerFunction,
      eventType: this.eventType,
      source: 'SPREADSHEETS',
      sourceId: this.spreadsheetId,
      schedule: null,
      owner: this.ctx.userEmail,
    };
    this.store.add(record);
    return asGas(new EmuTrigger(this.ctx, record));
  }

  onChange(): GasSpreadsheetTriggerBuilder {
    return this.on('ON_CHANGE');
  }

  onEdit(): GasSpreadsheetTriggerBuilder {
    return this.on('ON_EDIT');
  }

  onFormSubmit(): GasSpreadsheetTriggerBuilder {
    return this.on('ON_FORM_SUBMIT');
  }

  onOpen(): GasSpreadsheetTriggerBuilder {
    return this.on('ON_OPEN');
  }
}
countCalls(EmuSpreadsheetTriggerBuilder, 'SpreadsheetTriggerBuilder', SPREADSHEET_TRIGGER_METHODS);

const TRIGGER_BUILDER_METHODS = [
  'forSpreadsheet',
  'timeBased',
] as const satisfies readonly (keyof GoogleAppsScript.Script.TriggerBuilder)[];

export class EmuTriggerBuilder
  extends Service
  implements Pick<GoogleAppsScript.Script.TriggerBuilder, (typeof TRIGGER_BUILDER_METHODS)[number]>
{
  constructor(
    ctx: EmulatorContext,
    private readonly store: TriggerStore,
    private readonly handlerFunction: string,
  ) {
    super(ctx);
  }

  forSpreadsheet(sheet: GoogleAppsScript.Spreadsheet.Spreadsheet | string): GasSpreadsheetTriggerBuilder {
    const id = typeof sheet === 'string' ? sheet : sheet.getId();
    if (id !== this.ctx.workbook.id) {
      throw new Error(`Invalid argument: spreadsheet (only ${this.ctx.workbook.id} exists in the emulator)`);
    }
    return asGas(new EmuSpreadsheetTriggerBuilder(this.ctx, this.store, this.handlerFunction, id));
  }

  timeBased(): GasClockTriggerBuilder {
    return asGas(new EmuClockTriggerBuilder(this.ctx, this.store, this.handlerFunction));
  }
}
countCalls(EmuTriggerBuilder, 'TriggerBuilder', TRIGGER_BUILDER_METHODS);

const SCRIPT_APP_METHODS = [
  'deleteTrigger',
  'getInstallationSource',
  'getProjectTriggers',
  'getScriptId',
  'getUserTriggers',
  'newTrigger',
] as const satisfies readonly (keyof GoogleAppsScript.Script.ScriptApp)[];

type ScriptAppEnums =
  'AuthMode' | 'AuthorizationStatus' | 'EventType' | 'InstallationSource' | 'TriggerSource' | 'WeekDay';

export class EmuScriptApp
  extends Service
  implements Pick<GoogleAppsScript.Script.ScriptApp, (typeof SCRIPT_APP_METHODS)[number] | ScriptAppEnums>
{
  readonly AuthMode = AuthMode;
  readonly AuthorizationStatus = AuthorizationStatus;
  readonly EventType = EventType;
  readonly InstallationSource = InstallationSource;
  readonly TriggerSource = TriggerSource;
  readonly WeekDay = Weekday;
  /** Internal: the recorded triggers. */
  readonly store = new TriggerStore();

  /** Only the current user's triggers: another account's are invisible to this one (real-sheets-checklist RS-57). */
  private facades(): GasTrigger[] {
    return this.store.ownedBy(this.ctx.userEmail).map((record) => asGas<GasTrigger>(new EmuTrigger(this.ctx, record)));
  }

  deleteTrigger(trigger: GasTrigger): void {
    if (!(trigger instanceof EmuTrigger)) throw new Error('Invalid argument: trigger');
    if (trigger.record.owner !== this.ctx.userEmail) throw new Error('Invalid argument: trigger');
    this.store.remove(trigger.record.id);
  }

  getInstallationSource(): GoogleAppsScript.Script.InstallationSource {
    return InstallationSource.NONE;
  }

  getProjectTriggers(): GasTrigger[] {
    return this.facades();
  }

  getScriptId(): string {
    return 'tsunagu-emulator-script';
  }

  /** Every trigger here belongs to the one bound spreadsheet. */
  getUserTriggers(
    spreadsheet:
      GoogleAppsScript.Spreadsheet.Spreadsheet | GoogleAppsScript.Document.Document | GoogleAppsScript.Forms.Form,
  ): GasTrigger[] {
    if (!spreadsheet) throw new Error('Invalid argument: spreadsheet');
    return this.facades();
  }

  newTrigger(functionName: string): GoogleAppsScript.Script.TriggerBuilder {
    if (typeof functionName !== 'string' || functionName === '') throw new Error('Invalid argument: functionName');
    return asGas(new EmuTriggerBuilder(this.ctx, this.store, functionName));
  }
}
countCalls(EmuScriptApp, 'ScriptApp', SCRIPT_APP_METHODS);
