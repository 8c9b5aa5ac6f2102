/**
 * The history sheet as a store: loading it, checking each record's seal (HMAC-SHA256 under a
 * random key kept in the document properties, so an edited record is refused), recording an
 * action, marking one undone, purging what is too old or too much, and erasing it all. The sheet
 * is the one Tsunagu marked as its history (placeOutput), never a staff sheet of that name. Every
 * change is one service call made through the action's transaction, which takes it back when a
 * later step of the action fails; deleting (a purge, 履歴を消去) is the action's last write.
 */
import { UserError } from '../errors';
import { placeOutput } from '../output-sheets';
import type { Clock, DocumentStore, Signer, Workbook } from '../ports';
import type { Transaction } from '../transaction';
import { tokyoOffsetMs } from '../text/tokyo';
import { cellInput, rowPrintsOf } from './cells';
import {
  CHUNK_CHARS,
  COL,
  HISTORY_HEADER,
  MAX_ACTIONS,
  MAX_ACTION_CHARS,
  MAX_TOTAL_CHARS,
  STATUS_ACTIVE,
  STATUS_UNDONE,
  encodeAction,
  parseRecord,
  readRecords,
  recordJson,
  recordRun,
  type RawRecord,
} from './codec';
import type { ActionKind, CellChange, HistoryAction } from './types';

/** The document property that holds the history's key. Never personal data: random bytes. */
export const HISTORY_KEY_PROPERTY = 'tsunagu.historyKey';
/**
 * The document property that holds the 履歴保存日数 the last recorded action purged with (a number
 * of days, never personal data): 元に戻す purges with it instead of reading every sheet's first
 * rows to find 設定 (docs/cost.md).
 */
export const RETENTION_PROPERTY = 'tsunagu.historyRetentionDays';
/** What a seal covers besides the record, so a seal made for anything else never fits. */
const SEAL_CONTEXT = 'tsunagu-history/2';
/** The default of 設定 履歴保存日数. */
export const DEFAULT_RETENTION_DAYS = 30;
const MS_PER_DAY = 86_400_000;

export interface HistoryPorts {
  workbook: Workbook;
  store: DocumentStore;
  signer: Signer;
  clock: Clock;
}

/** Why a record cannot be used: no key to check it with, a seal that does not fit, or content that is not a record. */
export type RecordProblem = 'noKey' | 'seal' | 'format';

/** A record of the history sheet and what checking it gave. */
export interface HistoryEntry {
  readonly record: RawRecord;
  /** The action when the record is sealed and reads strictly, else null. */
  readonly action: HistoryAction | null;
  readonly problem: RecordProblem | null;
}

/** Actions 元に戻す takes back: the ones that changed values. Marks have ハイライトを消す. */
export const UNDOABLE: readonly ActionKind[] = ['fix', 'matchCommit', 'surveyTemplate', 'surveyImport'];

function sealMessage(id: string, status: string, json: string): string {
  return `${SEAL_CONTEXT}\n${id}\n${status}\n${json}`;
}

/** An instant as staff read it in the sheet: 2026/11/26 12:00 (Tokyo). */
function shownAt(iso: string): string {
  const ms = Date.parse(iso);
  const d = new Date(ms + tokyoOffsetMs(ms));
  const pad = (n: number): string => (n < 10 ? `0${n}` : String(n));
  return `${d.getUTCFullYear()}/${pad(d.getUTCMonth() + 1)}/${pad(d.getUTCDate())} ${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}`;
}

const SHOWN_AT = /^(\d{4})\/(\d{2})\/(\d{2}) (\d{2}):(\d{2})$/;

/** The instant shownAt wrote, or NaN. */
function shownAtMs(text: string): number {
  const m = SHOWN_AT.exec(text);
  if (!m) return Number.NaN;
  const wall = Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]), Number(m[4]), Number(m[5]));
  return wall - tokyoOffsetMs(wall - 9 * 3_600_000);
}

/** The size of a record in the sheet's terms: what the size limits count. */
function recordChars(record: RawRecord): number {
  return record.json === null ? record.rowCount * CHUNK_CHARS : record.json.length;
}

export class History {
  private readonly checked = new Map<RawRecord, HistoryEntry>();
  private key: string | null | undefined;

  private constructor(
    private readonly ports: HistoryPorts,
    /** The sheet's name: Tsunagu's history sheet, or the name a new one gets (つなぐ履歴, else つなぐ履歴 (つなぐ) …). */
    readonly sheet: string,
    /** An unmarked history sheet made by an earlier version: marked before it is first written. */
    private adopt: boolean,
    private records: RawRecord[],
    /** Number formats of the record rows, by sheet row (to write text that stays text). */
    private readonly formats: Map<number, string[]>,
    private size: { rows: number; lastRow: number } | null,
  ) {}

  /** Finds the history sheet by its mark and reads it: its size, then its rows' values and formats (reads only). */
  static load(ports: HistoryPorts): History {
    const place = placeOutput(ports.workbook, 'history', HISTORY_HEADER);
    const name = place.name;
    const size = place.exists ? ports.workbook.sheetSize(name) : null;
    if (!size || size.lastRow < 2) return new History(ports, name, place.adopt, [], new Map(), size);
    const rect = { row: 2, column: 1, rows: size.lastRow - 1, columns: HISTORY_HEADER.length };
    const block = ports.workbook.readBlock(name, rect, ['values', 'numberFormats']);
    const formats = new Map<number, string[]>();
    (block.numberFormats ?? []).forEach((row, i) => formats.set(i + 2, row));
    return new History(ports, name, place.adopt, readRecords(block.values ?? [], 2), formats, size);
  }

  /** A sheet an earlier version made gets Tsunagu's mark before the action first writes to it. */
  private adoptIn(tx: Transaction): void {
    if (!this.adopt || this.size === null) return;
    tx.mark(this.sheet, 'history');
    this.adopt = false;
  }

  private storedKey(): string | null {
    if (this.key === undefined) this.key = this.ports.store.get(HISTORY_KEY_PROPERTY);
    return this.key;
  }

  /** A record checked: its seal under the document's key, then its content, strictly. Cached. */
  entry(record: RawRecord): HistoryEntry {
    let found = this.checked.get(record);
    if (found) return found;
    const key = this.storedKey();
    let problem: RecordProblem | null = null;
    let action: HistoryAction | null = null;
    if (key === null) problem = 'noKey';
    else if (record.json === null) problem = 'format';
    else if (this.ports.signer.hmacSha256(key, sealMessage(record.id, record.status, record.json)) !== record.seal) {
      problem = 'seal';
    } else {
      action = parseRecord(record.json, record.id, record.status);
      if (action === null) problem = 'format';
    }
    found = { record, action, problem };
    this.checked.set(record, found);
    return found;
  }

  /** Every record, oldest first. */
  entries(): HistoryEntry[] {
    return this.records.map((r) => this.entry(r));
  }

  /**
   * The record 元に戻す would take back: the newest one that is, or says it is, an active
   * value-changing action. A record that fails its check is returned too (with its problem), so
   * that undo refuses and says why instead of reaching past it to an older action.
   */
  lastUndoable(): HistoryEntry | null {
    for (let i = this.records.length - 1; i >= 0; i--) {
      const record = this.records[i] as RawRecord;
      const claimsUndoable = UNDOABLE.indexOf(record.kind as ActionKind) >= 0 && record.status === STATUS_ACTIVE;
      if (!claimsUndoable) continue;
      return this.entry(record);
    }
    return null;
  }

  /** How many records of a run of 安全な修正 in parts are still to undo (read from the records as they are). */
  activeRunParts(run: string): number {
    let n = 0;
    for (const record of this.records) if (record.status === STATUS_ACTIVE && recordRun(record.json) === run) n++;
    return n;
  }

  /** The marks of 検証 still on the sheets (sealed, readable, not taken off). */
  activeHighlights(): HistoryAction[] {
    const out: HistoryAction[] = [];
    for (const record of this.records) {
      if (record.kind !== 'highlight' || record.status !== STATUS_ACTIVE) continue;
      const { action } = this.entry(record);
      if (action) out.push(action);
    }
    return out;
  }

  /**
   * Before an action writes: refuses one whose record would not fit (estimated characters of
   * its record), and makes the document's key if there is none yet (a step of the transaction, so
   * a failed action leaves no key behind).
   */
  prepare(tx: Transaction, estimatedChars: number): void {
    if (estimatedChars > MAX_ACTION_CHARS) throw tooLarge(estimatedChars);
    if (this.storedKey() !== null) return;
    const key = this.ports.signer.newKey();
    tx.setProperty(HISTORY_KEY_PROPERTY, key);
    this.key = key;
  }

  /** A new action id: the time, and a counter when two actions share a second. */
  private newId(): string {
    const stamp = this.ports.clock
      .now()
      .toISOString()
      .replace(/[-:.TZ]/g, '')
      .slice(0, 14);
    let id = `A${stamp}`;
    for (let n = 2; this.records.some((r) => r.id === id); n++) id = `A${stamp}-${n}`;
    return id;
  }

  private seal(id: string, status: string, json: string): string {
    const key = this.storedKey();
    if (key === null) throw new Error('history: prepare() must run before an action is recorded');
    return this.ports.signer.hmacSha256(key, sealMessage(id, status, json));
  }

  /**
   * Records an action (after its writes): the rows of its whole changed rows are printed, the
   * record is sealed and appended in one call (the sheet is made, or grown, first when needed),
   * then what the retention and size limits no longer keep is purged — so recording is the
   * action's last write. All or nothing through the action's transaction.
   */
  record(
    tx: Transaction,
    kind: ActionKind,
    label: { ja: string; en: string },
    changes: CellChange[],
    retentionDays: number,
    /** The run of 安全な修正 in parts the action is a part of. */
    run?: string,
  ): HistoryAction {
    const action: HistoryAction = {
      id: this.newId(),
      kind,
      label,
      at: this.ports.clock.now().toISOString(),
      undone: false,
      changes,
      rows: rowPrintsOf(this.ports.workbook, changes),
      ...(run !== undefined ? { run } : {}),
    };
    const json = recordJson(action);
    if (json.length > MAX_ACTION_CHARS) throw tooLarge(json.length);
    const rows = encodeAction(action, json, this.seal(action.id, STATUS_ACTIVE, json), shownAt(action.at));
    const workbook = this.ports.workbook;
    const sheet = this.sheet;
    if (this.size === null) {
      // A new sheet, marked as Tsunagu's history and hidden, made whole or not at all.
      tx.output({
        name: sheet,
        kind: 'history',
        header: HISTORY_HEADER,
        rows,
        hidden: true,
        textColumns: HISTORY_HEADER.map((_, i) => i),
        checkboxColumns: [],
      });
      this.size = { rows: 0, lastRow: 1 };
    } else {
      this.adoptIn(tx);
      const at = Math.max(this.size.lastRow, 1) + 1;
      const grow = at + rows.length - 1 - this.size.rows;
      if (grow > 0) tx.insertRows(sheet, this.size.rows, grow);
      const rect = { row: at, column: 1, rows: rows.length, columns: HISTORY_HEADER.length };
      const formats = workbook.readBlock(sheet, rect, ['numberFormats']).numberFormats ?? [];
      const values = rows.map((row, i) => row.map((v, c) => cellInput(String(v), formats[i]?.[c] ?? '')));
      tx.write(sheet, rect, { values }, { values: rows.map((r) => r.map(() => '')) });
    }
    const first = this.size.lastRow + 1;
    const record: RawRecord = {
      id: action.id,
      firstRow: first,
      rowCount: rows.length,
      shownAt: shownAt(action.at),
      kind,
      labelJa: label.ja,
      status: STATUS_ACTIVE,
      seal: String(rows[0]?.[COL.seal] ?? ''),
      json,
    };
    this.records.push(record);
    this.checked.set(record, { record, action, problem: null });
    this.size = { rows: Math.max(this.size.rows, first + rows.length - 1), lastRow: first + rows.length - 1 };
    if (this.ports.store.get(RETENTION_PROPERTY) !== String(retentionDays))
      tx.setProperty(RETENTION_PROPERTY, String(retentionDays));
    this.purge(tx, retentionDays);
    return action;
  }

  /**
   * The 履歴保存日数 the last recorded action purged with, or null when no action recorded it yet
   * (a document older than the property): then the caller reads 設定.
   */
  retentionDays(): number | null {
    const stored = this.ports.store.get(RETENTION_PROPERTY);
    const days = stored === null ? Number.NaN : Number(stored);
    return Number.isInteger(days) && days > 0 ? days : null;
  }

  /** Marks an action undone (or active again): its records' status and seal, one call. */
  setUndone(tx: Transaction, action: HistoryAction, undone: boolean): void {
    const record = this.records.find((r) => r.id === action.id);
    const entry = record ? this.entry(record) : null;
    if (!record || !entry || entry.action !== action || record.json === null) {
      throw new Error(`history: no sealed record of ${action.id}`);
    }
    const status = undone ? STATUS_UNDONE : STATUS_ACTIVE;
    const seal = this.seal(record.id, status, record.json);
    const rect = { row: record.firstRow, column: COL.status + 1, rows: record.rowCount, columns: 2 };
    const write = (s: string, z: string): void => {
      const values = [];
      for (let r = record.firstRow; r < record.firstRow + record.rowCount; r++) {
        const formats = this.formats.get(r) ?? [];
        values.push([cellInput(s, formats[COL.status] ?? ''), cellInput(z, formats[COL.seal] ?? '')]);
      }
      this.ports.workbook.writeBlock(this.sheet, rect, { values });
    };
    this.adoptIn(tx);
    const was = { status: record.status, seal: record.seal, undone: action.undone };
    // Kept before the write, so a write that fails half-way is put back too.
    tx.add({
      undo: () => {
        write(was.status, was.seal);
        record.status = was.status;
        record.seal = was.seal;
        action.undone = was.undone;
      },
      dispose: () => undefined,
    });
    write(status, seal);
    record.status = status;
    record.seal = seal;
    action.undone = undone;
  }

  /**
   * Deletes the oldest records that the limits no longer keep: older than the retention period
   * (days), beyond MAX_ACTIONS (the parts of one run of 安全な修正 count as one action), or beyond
   * MAX_TOTAL_CHARS. They are at the top, so this is one
   * call: deleting their rows, or the whole sheet when no record is left. A deletion cannot be
   * taken back, so it is the action's last write (Transaction.lastly).
   */
  purge(tx: Transaction, retentionDays: number): void {
    const oldest = this.ports.clock.now().getTime() - retentionDays * MS_PER_DAY;
    let keep = 0;
    let chars = 0;
    let drop = this.records.length;
    let newerRun: string | null = null;
    for (let i = this.records.length - 1; i >= 0; i--) {
      const record = this.records[i] as RawRecord;
      // The time the sheet shows: no seal to check for a purge, and a record whose time cannot be read goes.
      const at = shownAtMs(record.shownAt);
      const size = recordChars(record);
      const run = recordRun(record.json);
      const sameAction = run !== null && run === newerRun;
      newerRun = run;
      if ((keep >= MAX_ACTIONS && !sameAction) || (keep > 0 && chars + size > MAX_TOTAL_CHARS) || !(at >= oldest))
        break;
      if (!sameAction) keep++;
      chars += size;
      drop = i;
    }
    if (keep === 0) drop = this.records.length;
    if (drop === 0) return;
    const lastDropped = this.records[drop - 1] as RawRecord;
    const rows = lastDropped.firstRow + lastDropped.rowCount - 2;
    if (rows <= 0) return;
    const workbook = this.ports.workbook;
    const sheet = this.sheet;
    if (drop === this.records.length) {
      tx.lastly(() => workbook.deleteSheet(sheet));
      this.size = null;
    } else {
      tx.lastly(() => workbook.deleteRows(sheet, 2, rows));
      if (this.size) this.size = { rows: this.size.rows - rows, lastRow: this.size.lastRow - rows };
    }
    this.records = this.records.slice(drop);
    for (const record of this.records) record.firstRow -= rows;
    const shifted = new Map<number, string[]>();
    for (const [row, f] of this.formats) if (row - rows >= 2) shifted.set(row - rows, f);
    this.formats.clear();
    for (const [row, f] of shifted) this.formats.set(row, f);
  }

  /**
   * 履歴を消去: deletes the history sheet and the key its records were sealed with (a copy of an
   * old record can never be used again). Undo is no longer possible afterwards. The key goes
   * first (taken back should the deletion fail); deleting the sheet is the last write.
   */
  erase(tx: Transaction): number {
    const count = this.records.length;
    if (this.storedKey() !== null) tx.removeProperty(HISTORY_KEY_PROPERTY);
    if (this.size !== null) {
      const sheet = this.sheet;
      const workbook = this.ports.workbook;
      tx.lastly(() => workbook.deleteSheet(sheet));
    }
    this.records = [];
    this.size = null;
    this.key = null;
    return count;
  }
}

function tooLarge(chars: number): UserError {
  return new UserError(
    'history.tooLarge',
    `この操作は変更が多すぎて、元に戻すための記録（約${Math.ceil(chars / 10_000)}万文字）がつなぐ履歴の上限（${MAX_ACTION_CHARS / 10_000}万文字）に収まりません。何も変更されていません。シートを分けて少しずつ行ってください。`,
    `This action changes too much: its undo record (about ${chars} characters) would not fit the history's limit of ${MAX_ACTION_CHARS}. Nothing was changed. Work on the sheet in smaller parts.`,
  );
}

/** What a record that cannot be used is, in a message. */
export function problemText(problem: RecordProblem): { ja: string; en: string } {
  switch (problem) {
    case 'noKey':
      return {
        ja: 'この記録を確かめる鍵がこのスプレッドシートにありません（コピーされたスプレッドシートなど）',
        en: 'this spreadsheet has no key to check the record with (a copied spreadsheet, for example)',
      };
    case 'seal':
      return {
        ja: '記録が書き換えられています（署名が合いません）',
        en: 'the record was edited (its signature does not match)',
      };
    case 'format':
      return { ja: '記録の形式が正しくありません', en: 'the record is not in the right form' };
  }
}
