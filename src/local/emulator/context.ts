/** EmulatorContext: what every emulated service of one Emulator shares — clock, call counter, captured logs, id sequence. */
import { CallCounter } from './calls';
import type { CellCount } from './cost-model';
import { FaultPlan, isMutatingCall } from './faults';
import type { UiScript } from './ui';
import type { SheetModel, WorkbookModel } from './workbook';

/** One value as a script passed it to setValue(s), before Sheets read it. */
export interface WrittenInput {
  sheet: string;
  row: number;
  column: number;
  input: unknown;
}

export class EmulatorContext {
  readonly stats = new CallCounter();
  /** Counts mutating calls and fails the armed one (fault injection). */
  readonly faults = new FaultPlan();
  readonly logs: string[] = [];
  /** Response sheets linked to a form, with the form's URL (Sheet.getFormUrl). */
  readonly formLinks = new Map<SheetModel, string>();
  /** Called after a form response was appended to its response sheet (the spreadsheet's form-submit triggers). */
  formSubmitted: ((sheet: SheetModel, row: number, columns: number) => void) | null = null;
  /** When set, every value a script writes with setValue(s) is recorded here as it was passed (tests). */
  inputLog: WrittenInput[] | null = null;
  /**
   * What kind of trigger is running now, if any: no Ui then, and a time-driven one gets no active
   * spreadsheet (real-sheets-checklist RS-56).
   */
  triggerKind: 'clock' | 'spreadsheet' | null = null;
  /** Mutating service calls that went through (never reset): the studio saves when this moved. */
  changes = 0;
  private advancedMs = 0;
  private depth = 0;
  private sequence = 0;

  constructor(
    private readonly clock: () => Date,
    /** The user the script runs as now (Session): the one using it, or a trigger's owner while it runs. */
    public userEmail: string,
    /** The one spreadsheet the script is bound to. */
    readonly workbook: WorkbookModel,
    /** What the user saw and answered: menus, alerts, sidebars, toasts. */
    readonly ui: UiScript,
    /** The project's HTML files by name (without .html). */
    readonly htmlFiles: Readonly<Record<string, string>>,
  ) {}

  /** Milliseconds since the epoch on the emulator clock: the caller's clock plus time slept or waited. */
  nowMs(): number {
    return this.clock().getTime() + this.advancedMs;
  }

  now(): Date {
    return new Date(this.nowMs());
  }

  /** Utilities.sleep and lock waits move the clock instead of blocking the process. */
  advance(ms: number): void {
    if (ms > 0) this.advancedMs += ms;
  }

  /** A per-emulator sequence, so ids are deterministic from one run to the next. */
  nextId(): number {
    this.sequence += 1;
    return this.sequence;
  }

  /** After reading saved state: the next ids come after `used`, so nothing restored is reused. */
  sequenceAtLeast(used: number): void {
    if (used > this.sequence) this.sequence = used;
  }

  /** The last id handed out (saved with the forms, so a reloaded emulator goes on from it). */
  get sequenceNow(): number {
    return this.sequence;
  }

  /**
   * Runs one service method; it is counted, with the cells it touches (for the cost model), only
   * when the script called it, not the emulator itself.
   */
  call<T>(key: string, run: () => T, cells?: () => CellCount | undefined): T {
    if (this.depth === 0) {
      this.stats.add(key, cells?.());
      // An injected fault fails the call before it changes anything, as a timed-out call does.
      this.faults.before(key);
      if (isMutatingCall(key)) this.changes += 1;
    }
    this.depth += 1;
    try {
      return run();
    } finally {
      this.depth -= 1;
    }
  }
}
