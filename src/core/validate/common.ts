/** Defines the rules every sheet kind shares, driven by its column specs: columns present, cells filled, lists, formats, error values, unique ids. */
import type { SheetKind } from '../sheets/types';
import { checkCell, type CellRules } from './cells';
import { finding } from './codes';
import { DATA_KINDS, idKey, type FirstSeen, type RunContext } from './context';
import type { ValidationIssue } from './types';
import { errorValueOf, isBlankValue, type ColumnView, type SheetView } from './view';
import { quoted } from './quote';

/**
 * Cells not required by the data contract (a sheet works without the column) that each row
 * still needs for what Tsunagu does with it: contact, matching, summaries. A blank one is a warning.
 */
const RECOMMENDED: Partial<Record<SheetKind, Readonly<Record<string, readonly [string, string]>>>> = {
  // 電話番号 and 携帯電話 are recommended together (checkVolunteers): either one reaches the person.
  volunteers: {
    furigana: ['名簿の並べ替えと重複の確認', 'sorting the roster and finding duplicates'],
    area: ['マッチング（圏域）', 'matching by area'],
    status: ['活動中かどうかの判断', 'knowing whether the volunteer is active'],
  },
  volunteerFormAnswers: {
    furigana: ['名簿の並べ替えと重複の確認', 'sorting the roster and finding duplicates'],
  },
  requests: {
    requester: ['依頼者の確認', 'knowing who asked'],
    area: ['マッチング（圏域）', 'matching by area'],
    category: ['マッチング（内容区分）', 'matching by category'],
    status: ['進み具合の把握', 'following the request'],
  },
  donations: {
    donorName: ['領収書と集計', 'receipts and summaries'],
    donorType: ['集計', 'summaries'],
  },
  memberships: {
    memberType: ['集計', 'summaries'],
    paidOn: ['年度の確認', 'checking the fiscal year'],
  },
  activities: {
    program: ['指標の集計（事業別）', 'indicator summaries by programme'],
    area: ['指標の集計（圏域別）', 'indicator summaries by area'],
  },
  consultations: {
    area: ['指標の集計（圏域別）', 'indicator summaries by area'],
    route: ['指標の集計（経路別）', 'indicator summaries by route'],
    status: ['指標の集計（対応状況）', 'indicator summaries by outcome'],
  },
};

/** Id columns whose values name one row each (within a scope column's value when one is given). */
const UNIQUE: Partial<Record<SheetKind, readonly { key: string; scope?: string }[]>> = {
  volunteers: [{ key: 'volunteerId' }],
  requests: [{ key: 'requestId' }],
  indicators: [{ key: 'indicatorId' }],
  surveys: [{ key: 'questionId', scope: 'formName' }],
};

export function checkCommon(view: SheetView, run: RunContext, out: ValidationIssue[]): void {
  for (const c of view.spec.columns) {
    if (c.required && !view.column(c.key)) {
      out.push(
        view.missingColumnIssue(
          c.header,
          finding(
            'required.missingColumn',
            `必須の列「${c.header}」が見つかりません。見出し行（${view.headerRow}行目）に「${c.header}」の列を追加するか、列の対応を確認してください`,
            `The required column 「${c.header}」 is missing. Add it to the header row (row ${view.headerRow}) or correct the column mapping`,
          ),
        ),
      );
    }
  }

  const rules: CellRules = {
    todayDay: run.todayDay,
    todayISO: run.todayISO,
    startMonth: run.startMonth,
    noFuture: DATA_KINDS.has(view.kind),
  };
  // 設定 rows are checked by parseSettings, which knows which 項目 needs a 値.
  const checkRequired = view.kind !== 'settings';
  const recommended = RECOMMENDED[view.kind];
  const columns = view.columns;
  const count = columns.length;
  const recommendedWhy: (readonly [string, string] | undefined)[] = columns.map((c) => recommended?.[c.key]);
  // Per column written once over the rows below it (フォーム名): whether a data row above holds a value.
  const carried: boolean[] = columns.map(() => false);

  const rows = view.rows;
  for (let i = 0; i < rows.length; i++) {
    const r = rows[i] as number;
    const row = view.values[r] as readonly unknown[];
    const shownRow = view.display[r];
    for (let k = 0; k < count; k++) {
      const col = columns[k] as ColumnView;
      const v = row[col.index];
      if (col.carriedDown) {
        // A blank under a value stands for it, as the reader reads it (survey.formNameAbove).
        if (isBlankValue(v)) {
          if (!carried[k]) blankCell(view, r, col, checkRequired, recommendedWhy[k], out);
          continue;
        }
        carried[k] = true;
      }
      // Most cells are text starting with a visible character that is not '#': neither blank
      // nor an error value, and the display text is the text itself.
      let shown: string;
      if (typeof v === 'string' && isPlainStart(v.charCodeAt(0))) shown = v;
      else {
        if (isBlankValue(v)) {
          blankCell(view, r, col, checkRequired, recommendedWhy[k], out);
          continue;
        }
        if (typeof v === 'string') shown = v;
        else {
          // getValues hands an error cell over as its text ('#REF!'); other values need the display text.
          const d = shownRow === undefined ? undefined : shownRow[col.index];
          shown = typeof d === 'string' ? d : d === undefined || d === null ? '' : String(d);
        }
        const error = errorValueOf(v, shown);
        if (error !== null) {
          out.push(
            view.issue(
              r,
              col,
              finding(
                'cell.error',
                `セルがエラー（${error}）になっています。数式や参照先を確認し、値を入力し直してください`,
                `The cell shows an error (${error}); check its formula or reference and enter the value again`,
              ),
            ),
          );
          continue;
        }
      }
      if (col.type === 'text') continue;
      const found = checkCell(col, v, shown, rules);
      if (found !== null) for (const f of found) out.push(view.issue(r, col, f));
    }
  }

  for (const u of UNIQUE[view.kind] ?? []) checkUnique(view, run, u.key, u.scope, out);
}

/** A first character that is neither space nor invisible nor '#': printable ASCII or Japanese text. */
function isPlainStart(c: number): boolean {
  return (c > 0x23 && c < 0x7f) || c === 0x21 || c === 0x22 || (c > 0x3000 && c < 0xfeff);
}

function blankCell(
  view: SheetView,
  r: number,
  col: ColumnView,
  checkRequired: boolean,
  why: readonly [string, string] | undefined,
  out: ValidationIssue[],
): void {
  if (col.required && checkRequired) {
    out.push(
      view.issue(
        r,
        col,
        finding(
          'required.blank',
          `「${col.header}」は必須です。入力してください`,
          `「${col.header}」 is required; please fill it in`,
        ),
      ),
    );
  } else if (why !== undefined) {
    out.push(
      view.issue(
        r,
        col,
        finding(
          'required.recommended',
          `「${col.header}」が空欄です。${why[0]}に使うため入力してください`,
          `「${col.header}」 is blank; it is needed for ${why[1]}`,
        ),
      ),
    );
  }
}

/** Where an id was first seen: its sheet (name) and 0-based row. */
/**
 * Reports every row whose id a row above, or a row of an earlier sheet of the same kind (a 退会者
 * archive, the first half of a roster in two), already has, naming that row and its sheet.
 */
function checkUnique(
  view: SheetView,
  run: RunContext,
  key: string,
  scopeKey: string | undefined,
  out: ValidationIssue[],
): void {
  const col = view.column(key);
  if (!col || col.multi) return;
  const scopeCol = scopeKey === undefined ? undefined : view.column(scopeKey);
  // One index for every sheet of the kind, in tab order.
  const first = run.shared(`unique\u0000${view.kind}\u0000${key}`, () => new Map<string, FirstSeen>());
  const rows = view.rows;
  // A scope written once over its rows (フォーム名) covers the blank cells below it.
  let above = '';
  for (let i = 0; i < rows.length; i++) {
    const r = rows[i] as number;
    const written = scopeCol ? view.text(r, scopeCol) : null;
    if (written !== null && scopeCol?.carriedDown) above = written;
    const scope = written ?? (scopeCol?.carriedDown ? above : '');
    const id = view.text(r, col);
    if (id === null) continue;
    const k = scope === '' ? idKey(id) : `${scope}\u0000${idKey(id)}`;
    const seen = first.get(k);
    if (seen === undefined) {
      first.set(k, { sheet: view.name, r });
      continue;
    }
    const where = scope === '' ? '' : `（${scope}の中で）`;
    const here = seen.sheet === view.name;
    out.push(
      view.issue(
        r,
        col,
        finding(
          'id.duplicate',
          here
            ? `「${col.header}」の「${quoted(id)}」は${seen.r + 1}行目と重複しています${where}。番号は1件に1つにしてください`
            : `「${col.header}」の「${quoted(id)}」はシート「${seen.sheet}」の${seen.r + 1}行目と重複しています${where}。同じ種類のシートをまたいでも、番号は1件に1つにしてください`,
          here
            ? `「${col.header}」 「${quoted(id)}」 is also used on row ${seen.r + 1}${scope === '' ? '' : ` (within ${scope})`}; each row needs its own id`
            : `「${col.header}」 「${quoted(id)}」 is also used on row ${seen.r + 1} of sheet 「${seen.sheet}」${scope === '' ? '' : ` (within ${scope})`}; each row needs its own id, across the sheets of one kind too`,
        ),
      ),
    );
  }
}
