/**
 * book.triggers.json: the installable triggers kept beside the workbook for the CLI and the studio.
 * In Apps Script they live in Google's trigger service, per account, not in the spreadsheet; the file
 * holds every account's, the account the CLI acts as, and until when time-driven ones have fired.
 */
import { basename, dirname, extname, join } from 'node:path';
import type { TriggerRecord } from './script-app';

export interface TriggersFile {
  /** Time-driven triggers due up to this instant have run (ISO); null before any check. */
  checkedAt: string | null;
  triggers: TriggerRecord[];
}

export function triggersPathFor(xlsxPath: string): string {
  return join(dirname(xlsxPath), `${basename(xlsxPath, extname(xlsxPath))}.triggers.json`);
}

const KINDS = new Set(['CLOCK', 'ON_OPEN', 'ON_EDIT', 'ON_CHANGE', 'ON_FORM_SUBMIT']);

/** Reads the file's text; anything not shaped as written here is refused with a reason. */
export function parseTriggersFile(text: string): TriggersFile {
  const data = JSON.parse(text) as Partial<TriggersFile>;
  if (!data || !Array.isArray(data.triggers)) throw new Error('no "triggers" list');
  const triggers = data.triggers.map((t, i): TriggerRecord => {
    if (typeof t?.id !== 'string' || typeof t.handlerFunction !== 'string' || !KINDS.has(t.eventType)) {
      throw new Error(`trigger ${i + 1} is not a trigger record`);
    }
    const schedule = t.schedule ? { ...t.schedule, ...(t.schedule.at ? { at: new Date(t.schedule.at) } : {}) } : null;
    return {
      id: t.id,
      handlerFunction: t.handlerFunction,
      eventType: t.eventType,
      source: t.eventType === 'CLOCK' ? 'CLOCK' : 'SPREADSHEETS',
      sourceId: typeof t.sourceId === 'string' ? t.sourceId : null,
      schedule,
      owner: typeof t.owner === 'string' ? t.owner : '',
    };
  });
  const checkedAt =
    typeof data.checkedAt === 'string' && !Number.isNaN(Date.parse(data.checkedAt)) ? data.checkedAt : null;
  return { checkedAt, triggers };
}

export function triggersJson(file: TriggersFile): string {
  return `${JSON.stringify(file, null, 2)}\n`;
}
