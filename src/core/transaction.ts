/**
 * All or nothing: a Transaction performs an action's writes one by one, keeping for each how to
 * take it back, and when a later write fails it takes back every one before it, newest first
 * (docs/safety.md). `atomically` runs an action's writes in one and tells staff truthfully what
 * became of them.
 */
import type { Message } from '../shared/rpc';
import { UndoIncomplete, UserError } from './errors';
import type {
  BlockWrite,
  ChartSpec,
  DocumentStore,
  NewSheetSpec,
  OutputSheet,
  Rect,
  Undoable,
  Workbook,
  WriteOptions,
} from './ports';

export class Transaction {
  private readonly steps: Undoable[] = [];
  /** A write that cannot be taken back (lastly) was made: nothing may follow it, and nothing before it can be put back whole. */
  private final = false;

  constructor(
    readonly workbook: Workbook,
    private readonly store: DocumentStore,
  ) {}

  /** Whether anything has been written (or tried) yet. */
  get started(): boolean {
    return this.steps.length > 0 || this.final;
  }

  /** Every write comes before the action's last one (lastly): a programming error otherwise. */
  private open(): void {
    if (this.final) throw new Error('transaction: a write after the last one (lastly) of the action');
  }

  /**
   * Keeps how to take back a write the caller makes itself (the history's own steps). Push it before
   * a write that puts cells back when undone (a half-failed write is taken back too), and after a
   * write that adds something (rows), so a failed call is never "undone" by removing what was there.
   */
  add(step: Undoable): void {
    this.open();
    this.steps.push(step);
  }

  /** Inserts blank rows after a row; taken back by deleting them again. */
  insertRows(sheet: string, after: number, count: number): void {
    this.open();
    this.workbook.insertRows(sheet, after, count);
    this.steps.push({ undo: () => this.workbook.deleteRows(sheet, after + 1, count), dispose: () => undefined });
  }

  /**
   * The action's last write, one that cannot be taken back (deleting つなぐ履歴's oldest rows, or
   * the sheet). It runs after every other write, so when any of those fails — or this one, a single
   * call — nothing is left changed; no write may follow it.
   */
  lastly(write: () => void): void {
    this.open();
    write();
    this.final = true;
  }

  /**
   * Writes one block of cells. What to write back should a later step fail — the block as it was,
   * which the caller has just read — is kept before the write, so a write that fails half-way
   * (the notes written, the fills not) is taken back too.
   */
  write(sheet: string, rect: Rect, data: BlockWrite, previous: BlockWrite, options: WriteOptions = {}): void {
    this.open();
    this.steps.push({
      undo: () => this.workbook.writeBlock(sheet, rect, previous, { liftRules: true }),
      dispose: () => undefined,
    });
    this.workbook.writeBlock(sheet, rect, data, options);
  }

  /** Creates or rewrites an output sheet (all or nothing by itself), keeping how to put the old one back. */
  output(sheet: OutputSheet): void {
    this.open();
    this.steps.push(this.workbook.writeOutputSheet(sheet));
  }

  /** Creates a standard sheet; returns whether a new sheet was inserted (else an empty one was filled). */
  createSheet(spec: NewSheetSpec): boolean {
    this.open();
    const made = this.workbook.createSheet(spec);
    this.steps.push(made);
    return made.inserted;
  }

  /** Places a new chart on a sheet; taken back by removing it. Returns its id. */
  insertChart(sheet: string, spec: ChartSpec): number {
    this.open();
    const id = this.workbook.insertChart(sheet, spec);
    this.steps.push({ undo: () => this.workbook.removeChart(sheet, id), dispose: () => undefined });
    return id;
  }

  /** Reshapes a chart in place (it keeps its id); taken back by giving it its previous shape. */
  updateChart(sheet: string, id: number, spec: ChartSpec, previous: ChartSpec): void {
    this.open();
    this.steps.push({ undo: () => this.workbook.updateChart(sheet, id, previous), dispose: () => undefined });
    this.workbook.updateChart(sheet, id, spec);
  }

  /** Marks an existing sheet as Tsunagu's. */
  mark(name: string, kind: string): void {
    this.open();
    this.steps.push(this.workbook.markSheet(name, kind));
  }

  /** Sets a document property, keeping its old value. */
  setProperty(key: string, value: string): void {
    this.open();
    const old = this.store.get(key);
    this.steps.push({
      undo: () => (old === null ? this.store.remove(key) : this.store.set(key, old)),
      dispose: () => undefined,
    });
    this.store.set(key, value);
  }

  /** Removes a document property, keeping its old value. */
  removeProperty(key: string): void {
    this.open();
    const old = this.store.get(key);
    if (old === null) return;
    this.steps.push({ undo: () => this.store.set(key, old), dispose: () => undefined });
    this.store.remove(key);
  }

  /** Takes back every step, newest first; true when every one of them was put back. */
  rollback(): boolean {
    let whole = true;
    for (let i = this.steps.length - 1; i >= 0; i--) {
      try {
        (this.steps[i] as Undoable).undo();
      } catch {
        whole = false;
      }
      try {
        (this.steps[i] as Undoable).dispose();
      } catch {
        // A scratch copy that could not be removed is only clutter; what counts is the undo above.
      }
    }
    this.steps.length = 0;
    // What the last write deleted cannot come back.
    return whole && !this.final;
  }

  /** The action succeeded: what was kept only to undo it (scratch copies) goes. */
  commit(): void {
    for (const step of this.steps) {
      try {
        step.dispose();
      } catch {
        // The writes are complete; a scratch copy left behind does not change them.
      }
    }
    this.steps.length = 0;
  }
}

function capitalize(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/** The error's type only: its message may quote cell contents, which must not travel further. */
export function errorKind(error: unknown): string {
  const name = error !== null && typeof error === 'object' ? (error as { name?: unknown }).name : undefined;
  return typeof name === 'string' && name !== '' ? name : typeof error;
}

/** What a message says when the workbook is exactly as it was before the action. */
const NOTHING_CHANGED = /何も変更されていません/;

/**
 * Runs an action's writes in one transaction. When it fails, everything written is taken back and
 * the reply says so — 「何も変更されていません」 only when that is true; a refusal raised before
 * anything was written keeps its own words.
 */
export function atomically<T>(
  ports: { workbook: Workbook; store: DocumentStore },
  what: Message,
  run: (tx: Transaction) => T,
): T {
  const tx = new Transaction(ports.workbook, ports.store);
  let result: T;
  try {
    result = run(tx);
  } catch (error) {
    const started = tx.started;
    const whole = tx.rollback() && !(error instanceof UndoIncomplete);
    if (!whole) {
      throw new UserError(
        'write.partial',
        `${what.ja}の書き込みが途中で失敗し、書き込んだ分をすべては元に戻せませんでした（${errorKind(error)}）。シートを確認してください。`,
        `Writing ${what.en} failed part-way, and not everything written could be taken back (${errorKind(error)}). Please check the sheets.`,
      );
    }
    // A refusal raised before anything was written keeps its own words; so does one that already
    // says nothing was changed (the rollback was whole, so it still holds) — said once, not twice.
    if (error instanceof UserError && (!started || NOTHING_CHANGED.test(error.ja))) throw error;
    if (error instanceof UserError) {
      throw new UserError(
        error.code,
        `${error.ja}（書き込んだ分はすべて元に戻しました。何も変更されていません。）`,
        `${error.en} (Everything written was rolled back; nothing was changed.)`,
      );
    }
    throw new UserError(
      'write.failed',
      `${what.ja}を書き込めなかったため、すべて元に戻しました。何も変更されていません（${errorKind(error)}）。`,
      `${capitalize(what.en)} could not be written, so everything was rolled back. Nothing was changed (${errorKind(error)}).`,
    );
  }
  tx.commit();
  return result;
}
