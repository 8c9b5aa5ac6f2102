/** ScriptApp: triggers built, recorded, listed and deleted. */
import { describe, it } from '@jest/globals';
import { expect } from '../../support/expect';
import { fresh } from './helpers';

describe('emulator ScriptApp', () => {
  describe('newTrigger', () => {
    it('records a daily time-driven trigger with its schedule', () => {
      const { emu } = fresh();
      const ScriptApp = emu.globals.ScriptApp;
      const trigger = ScriptApp.newTrigger('refreshIndicators')
        .timeBased()
        .everyDays(1)
        .atHour(3)
        .nearMinute(15)
        .create();
      expect(trigger.getHandlerFunction()).toBe('refreshIndicators');
      expect(trigger.getEventType()).toBe(ScriptApp.EventType.CLOCK);
      expect(trigger.getTriggerSource()).toBe(ScriptApp.TriggerSource.CLOCK);
      expect(emu.triggers).toEqual([
        {
          id: trigger.getUniqueId(),
          handlerFunction: 'refreshIndicators',
          eventType: 'CLOCK',
          source: 'CLOCK',
          sourceId: null,
          schedule: { everyDays: 1, atHour: 3, nearMinute: 15, timezone: 'Asia/Tokyo' },
          owner: 'staff@example.org',
        },
      ]);
    });

    it('records weekly and monthly triggers and spreadsheet triggers', () => {
      const { emu, book } = fresh();
      const ScriptApp = emu.globals.ScriptApp;
      ScriptApp.newTrigger('weekly').timeBased().onWeekDay(ScriptApp.WeekDay.MONDAY).atHour(8).create();
      ScriptApp.newTrigger('monthly').timeBased().onMonthDay(1).inTimezone('UTC').create();
      ScriptApp.newTrigger('onEditInstalled').forSpreadsheet(book).onEdit().create();
      expect(emu.triggers.map((t) => [t.handlerFunction, t.eventType, t.schedule])).toEqual([
        ['weekly', 'CLOCK', { onWeekDay: 'MONDAY', atHour: 8, timezone: 'Asia/Tokyo' }],
        ['monthly', 'CLOCK', { onMonthDay: 1, timezone: 'UTC' }],
        ['onEditInstalled', 'ON_EDIT', null],
      ]);
      expect(emu.triggers[2]?.sourceId).toBe(book.getId());
    });

    it('refuses a trigger without a recurrence and values Apps Script does not offer', () => {
      const { emu } = fresh();
      const ScriptApp = emu.globals.ScriptApp;
      expect(() => ScriptApp.newTrigger('f').timeBased().atHour(3).create()).toThrow('needs exactly one of');
      expect(() => ScriptApp.newTrigger('f').timeBased().everyHours(3)).toThrow('Invalid argument: hours');
      expect(() => ScriptApp.newTrigger('f').timeBased().everyHours(1).atHour(2).create()).toThrow('atHour');
      expect(emu.triggers).toEqual([]);
    });

    it('records a one-off trigger made with after(ms) as due that long from now, and keeps it listed once it has fired', () => {
      let now = new Date('2026-12-07T06:00:00+09:00');
      const { emu } = fresh({ now: () => now });
      const ScriptApp = emu.globals.ScriptApp;
      const trigger = ScriptApp.newTrigger('onSummarySchedule').timeBased().after(60_000).create();
      expect(emu.triggers[0]?.schedule).toEqual({
        afterMs: 60_000,
        at: new Date('2026-12-07T06:01:00+09:00'),
        timezone: 'Asia/Tokyo',
      });
      const due = (from: string, to: string): string[] =>
        emu.dueClockTriggers(new Date(from), new Date(to)).map((t) => t.id);
      expect(due('2026-12-07T06:00:00+09:00', '2026-12-07T06:00:59+09:00')).toEqual([]);
      expect(due('2026-12-07T06:00:00+09:00', '2026-12-07T06:01:00+09:00')).toEqual([trigger.getUniqueId()]);
      expect(due('2026-12-07T06:01:00+09:00', '2026-12-07T07:00:00+09:00')).toEqual([]);
      now = new Date('2026-12-07T06:01:00+09:00');
      emu.runClockTrigger(trigger.getUniqueId());
      // Fired, it is still the account's trigger until deleted (real-sheets-checklist RS-66).
      expect(ScriptApp.getProjectTriggers().map((t) => t.getUniqueId())).toEqual([trigger.getUniqueId()]);
      expect(() => ScriptApp.newTrigger('f').timeBased().after(-1)).toThrow('durationMilliseconds');
    });

    it('refuses a 21st trigger', () => {
      const { emu } = fresh();
      const ScriptApp = emu.globals.ScriptApp;
      for (let i = 0; i < 20; i++) ScriptApp.newTrigger(`f${i}`).timeBased().everyHours(1).create();
      expect(() => ScriptApp.newTrigger('f20').timeBased().everyHours(1).create()).toThrow(
        'This script has too many triggers.',
      );
    });
  });

  describe('getProjectTriggers and deleteTrigger', () => {
    it('lists and deletes triggers', () => {
      const { emu, book } = fresh();
      const ScriptApp = emu.globals.ScriptApp;
      ScriptApp.newTrigger('a').timeBased().everyHours(6).create();
      ScriptApp.newTrigger('b').timeBased().everyDays(1).create();
      const [first] = ScriptApp.getUserTriggers(book);
      ScriptApp.deleteTrigger(first as GoogleAppsScript.Script.Trigger);
      expect(ScriptApp.getProjectTriggers().map((t) => t.getHandlerFunction())).toEqual(['b']);
      expect(emu.triggers.map((t) => t.handlerFunction)).toEqual(['b']);
    });
  });

  describe('enums', () => {
    it('has AuthMode members that print their names', () => {
      const { emu } = fresh();
      expect(String(emu.globals.ScriptApp.AuthMode.LIMITED)).toBe('LIMITED');
      expect(JSON.stringify({ mode: emu.globals.ScriptApp.AuthMode.FULL })).toBe('{"mode":"FULL"}');
    });
  });
});
