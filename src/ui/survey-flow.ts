/**
 * SurveyFlow: the アンケート section's state and what each button does with the server — write a
 * template into アンケート定義, check the definition, build or update the forms (confirmed once a
 * session; removing questions and remaking deleted forms confirmed each time), and 元に戻す —
 * apart from the DOM so it can be tested in Node.
 */
import type {
  FormFlyerView,
  Message,
  SurveyBuildView,
  SurveyCandidatesView,
  SurveyAnswersView,
  SurveyDecisionResult,
  SurveyTemplateResult,
} from '../shared/rpc';
import { SectionFlow } from './section-flow';

export const SURVEY_TEMPLATES = ['ボランティア登録', '住民意識調査', '活動報告'] as const;
export type SurveyTemplate = (typeof SURVEY_TEMPLATES)[number];

/** The section's own confirmations besides the run and 元に戻す. */
export type SurveyPending = 'template' | 'remove' | 'recreate' | 'import' | 'decide';

/** Where the focus goes, by meaning; the section maps it to an element. */
export type SurveyFocus =
  'run' | 'confirm' | 'notice' | 'undo' | 'results' | 'check' | 'template' | 'import' | 'candidates';

export type SurveyNotice =
  | { kind: 'template'; result: SurveyTemplateResult }
  | { kind: 'built'; forms: number; made: number; updated: number }
  | { kind: 'notBuilt'; errors: number }
  | {
      kind: 'imported';
      rows: number;
      sheet: string;
      notices: Message[];
      /** Answers added and written again (edited in the form) over every part of this import. */
      added: number;
      updated: number;
      /** Answers still to write: the import stopped part-way (a part failed and was taken back). */
      remaining: number;
    }
  /** A large import between its parts: rows written so far of all. */
  | { kind: 'importing'; done: number; total: number }
  | { kind: 'building'; done: number; total: number }
  | { kind: 'decided'; result: SurveyDecisionResult }
  | { kind: 'flyer'; flyer: FormFlyerView };

export interface SurveyState {
  runConfirmed: boolean;
  pending: SurveyPending | 'run' | 'undo' | null;
  /** The template chosen in the drop-down. */
  template: SurveyTemplate;
  /** The last answer of previewForms or buildForms: the forms, their state, the issues of アンケート定義. */
  view: SurveyBuildView | null;
  notice: SurveyNotice | { kind: 'undone'; label: { ja: string; en: string }; cells: number } | null;
  focus: SurveyFocus | null;
  /** The answers of ボランティア登録 / 活動報告 as candidates, once staff asked to see them. */
  candidates: SurveyCandidatesView | null;
  /** Staff's choice per new candidate (by response id): import it or decline it; none until chosen. */
  choices: Record<string, 'accept' | 'decline'>;
}

/** Parts a build goes in at most (a form of 500 items in 8 languages needs far fewer). */
const MAX_BUILD_PARTS = 200;

export class SurveyFlow extends SectionFlow<SurveyPending, SurveyFocus, SurveyNotice> {
  readonly state: SurveyState = {
    runConfirmed: false,
    pending: null,
    template: 'ボランティア登録',
    view: null,
    notice: null,
    focus: null,
    candidates: null,
    choices: {},
  };

  /** Called after answers were imported or decided (新しい回答 may have gone down: the section reads it again). */
  afterAnswers: (() => void) | null = null;

  chooseTemplate(template: SurveyTemplate): void {
    this.state.template = template;
  }

  /** テンプレートを書き込む: asked every time (it adds rows to アンケート定義). */
  requestTemplate(): void {
    this.ask('template');
  }

  /** 設問の削除を確認して更新: asked every time (the removed questions' answers can no longer be read). */
  requestRemoval(): void {
    this.ask('remove');
  }

  /** 削除されたフォームを作り直す: asked every time (a new form has a new address). */
  requestRecreate(): void {
    this.ask('recreate');
  }

  /** 回答を取り込む: asked every time (アンケート回答 is rewritten with every answer). */
  requestImport(): void {
    this.ask('import');
  }

  /** 登録・活動報告の回答: reads the candidates (writes nothing). */
  async loadCandidates(): Promise<void> {
    this.startAction();
    const view = await this.run(() => this.server('previewSurveyCandidates'));
    if (view) {
      this.state.candidates = view;
      const open = new Set(view.candidates.filter((c) => c.status !== 'imported').map((c) => c.responseId));
      for (const id of Object.keys(this.state.choices)) if (!open.has(id)) delete this.state.choices[id];
      this.state.focus = 'candidates';
    }
    this.changed();
  }

  /** 取り込む / 見送る / neither, for one candidate (nothing is written until staff confirm). */
  choose(responseId: string, choice: 'accept' | 'decline' | null): void {
    if (choice === null) delete this.state.choices[responseId];
    else this.state.choices[responseId] = choice;
    this.changed();
  }

  /** The chosen ones: to import and to decline. */
  get chosen(): { accept: string[]; decline: string[] } {
    const accept: string[] = [];
    const decline: string[] = [];
    for (const [id, choice] of Object.entries(this.state.choices)) (choice === 'accept' ? accept : decline).push(id);
    return { accept, decline };
  }

  /** 選んだ回答を取り込む: asked every time (rows are appended to the roster or 活動記録). */
  requestDecide(): void {
    const { accept, decline } = this.chosen;
    if (accept.length + decline.length > 0) this.ask('decide');
  }

  /** チラシを印刷: the form's flyer in a print dialog over the spreadsheet (writes nothing, so no confirmation). */
  async openFlyer(name: string, language: string): Promise<void> {
    this.startAction();
    const flyer = await this.run(() => this.server('openFormFlyer', name, language));
    if (flyer) {
      this.state.notice = { kind: 'flyer', flyer };
      this.state.focus = 'notice';
    }
    this.changed();
  }

  /** 定義を確認: reads and checks アンケート定義, building nothing (no confirmation: it writes nothing). */
  async check(): Promise<void> {
    this.startAction();
    const view = await this.run(() => this.server('previewForms'));
    if (view) {
      this.state.view = view;
      this.state.focus = 'check';
    }
    this.changed();
  }

  /** Whether the forms on screen keep questions staff could confirm removing. */
  get hasLeftOver(): boolean {
    return (this.state.view?.forms ?? []).some((f) => f.leftOver.length + f.typeChanged.length > 0);
  }

  /** Whether a form on screen was deleted in Drive. */
  get hasGone(): boolean {
    return (this.state.view?.forms ?? []).some((f) => f.outcome === 'gone');
  }

  /** フォームを作成・更新 (asked first the first time in a session; see SectionFlow.requestRun). */
  protected runNow(): Promise<void> {
    return this.build(false, false);
  }

  protected override async accepted(pending: SurveyPending): Promise<void> {
    if (pending === 'template') await this.writeTemplate();
    else if (pending === 'import') await this.importAnswers();
    else if (pending === 'decide') await this.decide();
    else if (pending === 'remove') await this.build(true, false);
    else await this.build(false, true);
  }

  protected override declined(pending: SurveyPending): SurveyFocus {
    return pending === 'template'
      ? 'template'
      : pending === 'import'
        ? 'import'
        : pending === 'decide'
          ? 'candidates'
          : 'results';
  }

  /** After 元に戻す (a template or an import taken back) what is on screen is read again. */
  protected async refreshList(): Promise<void> {
    if (this.state.candidates) {
      const candidates = await this.run(() => this.server('previewSurveyCandidates'));
      if (candidates) this.state.candidates = candidates;
    }
    if (this.state.view) {
      const view = await this.run(() => this.server('previewForms'));
      if (view) this.state.view = view;
      this.changed();
    }
  }

  private async decide(): Promise<void> {
    this.startAction();
    const result = await this.run(() => this.server('decideSurveyCandidates', this.chosen));
    if (result) {
      this.state.notice = { kind: 'decided', result };
      this.state.choices = {};
      this.undo.set(result.undo);
      this.state.focus = 'notice';
      this.changed();
      const view = await this.run(() => this.server('previewSurveyCandidates'));
      if (view) this.state.candidates = view;
      this.afterAnswers?.();
    }
    this.changed();
  }

  /**
   * 回答の取り込み: one call adds the new answers; a large first import comes back with answers
   * remaining and is run again, part by part, each part whole by itself (docs/forms.md).
   */
  private async importAnswers(): Promise<void> {
    this.startAction();
    let view = await this.run(() => this.server('importSurveyAnswers'));
    let added = view?.added ?? 0;
    let updated = view?.updated ?? 0;
    while (view && view.remaining > 0 && view.added > 0) {
      this.state.notice = { kind: 'importing', done: view.rows, total: view.rows + view.remaining };
      this.changed();
      const next = await this.run(() => this.server('importSurveyAnswers'));
      if (!next) {
        // The failed part was taken back; what the parts before it wrote stays, and is said.
        this.showImported(view, added, updated);
        this.changed();
        return;
      }
      added += next.added;
      updated += next.updated;
      view = next;
    }
    if (view) {
      this.showImported(view, added, updated);
      this.afterAnswers?.();
    }
    this.changed();
  }

  /** What an import (or the parts of it that ran) added and updated, as the section's notice. */
  private showImported(view: SurveyAnswersView, added: number, updated: number): void {
    this.state.notice = {
      kind: 'imported',
      rows: view.rows,
      sheet: view.sheet ?? '',
      notices: view.notices,
      added,
      updated,
      remaining: view.remaining,
    };
    this.state.focus = 'notice';
  }

  private async writeTemplate(): Promise<void> {
    this.startAction();
    const result = await this.run(() => this.server('writeSurveyTemplate', this.state.template));
    if (result) {
      this.state.notice = { kind: 'template', result };
      this.undo.set(result.undo);
      this.state.focus = 'notice';
      this.changed();
      // What the sheet defines now.
      const view = await this.run(() => this.server('previewForms'));
      if (view) this.state.view = view;
    }
    this.changed();
  }

  /**
   * フォームを作成・更新 in parts: each call builds what fits in the server's budget (a form per
   * language, or part of a large one) and says how many remain; it is called again until none does.
   * A part that fails leaves the forms made so far; the next build goes on with them (never a second copy).
   */
  private async build(removeMissing: boolean, recreate: boolean): Promise<void> {
    this.startAction();
    const options = { removeMissing, recreate, inParts: true };
    let view = await this.run(() => this.server('buildForms', options));
    for (let parts = 1; view && view.built && (view.remaining ?? 0) > 0 && parts < MAX_BUILD_PARTS; parts++) {
      const total = view.total ?? 0;
      this.state.view = view;
      this.state.notice = { kind: 'building', done: total - (view.remaining ?? 0), total };
      this.changed();
      view = await this.run(() => this.server('buildForms', options));
    }
    if (view) {
      this.state.view = view;
      this.state.notice = view.built
        ? {
            kind: 'built',
            forms: view.forms.length,
            made: view.forms.filter((f) => f.outcome === 'made').length,
            updated: view.forms.filter((f) => f.outcome === 'updated').length,
          }
        : { kind: 'notBuilt', errors: view.issues.filter((i) => i.severity === 'error').length };
      this.state.focus = 'notice';
    }
    this.changed();
  }
}
