/** tsunagu mapping: one sheet's column mapping — shown, confirmed as detected or with changes (--save, --set key=COLUMN), or forgotten (--clear). */
import type { MappingView } from '../../shared/rpc';
import { Book, type CliContext, type Flags, report } from './book';
import { type Io, UsageError, intOption } from './io';
import { printable } from './text';

const USAGE =
  '使い方: tsunagu mapping <book.xlsx> <シート名> [--kind 種類] [--save [--header-row N] [--set 項目=列 …] [--live yes|no] | --clear] [--yes] / ' +
  'usage: tsunagu mapping <book.xlsx> <sheet> [--kind KIND] [--save [--header-row N] [--set field=COLUMN …] [--live yes|no] | --clear] [--yes]';

/** --live yes|no (はい/いいえ too): whether matching and summaries use the sheet; undefined keeps the saved choice. */
export function liveOption(value: string | undefined): boolean | undefined {
  if (value === undefined) return undefined;
  const v = value.trim().toLowerCase();
  if (['yes', 'y', 'true', 'はい', '使う', '1'].indexOf(v) >= 0) return true;
  if (['no', 'n', 'false', 'いいえ', '使わない', '0'].indexOf(v) >= 0) return false;
  throw new UsageError(
    `--live は yes か no です（はい / いいえ）/ --live takes yes or no, not 「${printable(value)}」`,
  );
}

/** The line that says whether matching and summaries use the sheet, and why. */
export function liveLine(view: Pick<MappingView, 'live' | 'liveChosen' | 'archiveName'>): string {
  if (view.live) {
    return view.liveChosen
      ? '  マッチング・集計に使う（職員が選択）/ used for matching and summaries (staff chose so)'
      : '  マッチング・集計に使う / used for matching and summaries';
  }
  return view.liveChosen
    ? '  マッチング・集計に使わない（職員が選択。検証は行う）/ not used for matching or summaries (staff chose so; still validated)'
    : '  マッチング・集計に使わない（シート名から保管用と判断。使うなら --save --live yes。検証は行う）/ not used for matching or summaries (its name says it is kept for the record; --save --live yes to use it; still validated)';
}

/** 'B' → 1, 'AA' → 26 (0-based column index); null for anything that is not column letters. */
function columnIndex(letters: string): number | null {
  if (!/^[A-Za-z]{1,3}$/.test(letters)) return null;
  let n = 0;
  for (const ch of letters.toUpperCase()) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n - 1;
}

function columnLetters(index: number): string {
  let name = '';
  let n = index + 1;
  while (n > 0) {
    const rest = (n - 1) % 26;
    name = String.fromCharCode(65 + rest) + name;
    n = Math.floor((n - 1) / 26);
  }
  return name;
}

/**
 * The columns to save: the mapping as shown, changed by each --set. A field is named by its key
 * (phone) or its header (電話番号); the column by its letters (E), or '-' to leave the field unused.
 */
export function mappingColumns(view: MappingView, sets: readonly string[]): Record<string, number> {
  const columns: Record<string, number> = {};
  for (const column of view.columns) if (column.key !== null) columns[column.key] = column.index;
  for (const set of sets) {
    const at = set.lastIndexOf('=');
    const name = set.slice(0, at).trim();
    const where = set.slice(at + 1).trim();
    const field = view.fields.find((f) => f.key === name || f.header === name);
    if (at < 1 || !field) {
      const known = view.fields.map((f) => `${f.key}（${f.header}）`).join(', ');
      throw new UsageError(
        `--set ${set}: 項目がありません。項目=列 の形で、項目は ${known} のどれか / --set needs field=COLUMN with a field of ${view.kindLabel}: ${known}`,
      );
    }
    if (where === '-') {
      delete columns[field.key];
      continue;
    }
    const index = columnIndex(where);
    if (index === null) {
      throw new UsageError(
        `--set ${set}: 列は A、B … の列記号で指定してください（使わないなら -）/ the column must be letters such as E (or - for unused)`,
      );
    }
    // A column holds one field: the field that had it gives it up.
    for (const [key, value] of Object.entries(columns)) if (value === index && key !== field.key) delete columns[key];
    columns[field.key] = index;
  }
  return columns;
}

function lines(view: MappingView): string[] {
  const out = [
    `${printable(view.sheet)}: ${printable(view.kindLabel)}（${view.kind}）見出し ${view.headerRow}行目, ${
      view.confirmed ? '確認済み / confirmed' : '自動検出 / detected'
    }`,
    liveLine(view),
  ];
  for (const column of view.columns) {
    const field = view.fields.find((f) => f.key === column.key);
    out.push(
      `  ${columnLetters(column.index)}列 ${printable(column.header) || '（空欄）'} → ${
        field ? `${field.header} (${field.key})` : '（使わない / unused）'
      }${column.samples.length > 0 ? `  例: ${column.samples.map(printable).join('、')}` : ''}`,
    );
  }
  if (view.setAsideTotal > 0) {
    out.push(`  データとして扱わない行 / rows set aside: ${view.setAsideTotal}`);
    for (const row of view.setAside) {
      out.push(`    ${row.row}行目 ${printable(row.text)} — ${printable(row.reason.ja)} / ${printable(row.reason.en)}`);
    }
    if (view.setAsideTotal > view.setAside.length) {
      out.push(
        `    …ほか ${view.setAsideTotal - view.setAside.length}行 / and ${view.setAsideTotal - view.setAside.length} more`,
      );
    }
  }
  return out;
}

/** mapping: shows a sheet's mapping (exit 0), or confirms or forgets it after asking (exit 0); 2 for unusable input. */
export async function runMapping(rest: string[], flags: Flags, io: Io, context: CliContext = {}): Promise<number> {
  if (rest.length !== 2 || rest.some((a) => a === '')) throw new UsageError(USAGE);
  const [path, sheet] = rest as [string, string];
  if (flags.save && flags.clear)
    throw new UsageError(`--save と --clear は一緒に使えません / --save and --clear go alone. ${USAGE}`);
  if (!flags.save && (flags.set?.length || flags['header-row'] !== undefined || flags.live !== undefined)) {
    throw new UsageError(
      `--set・--header-row・--live は --save と一緒に使います / --set, --header-row and --live go with --save`,
    );
  }
  const live = liveOption(flags.live);
  const book = await Book.open(path, flags, io, context);
  if (flags.clear) {
    await book.confirm(
      `「${printable(sheet)}」の確認済みの列の対応を消し、自動検出に戻します / this forgets the confirmed mapping of ${printable(sheet)}`,
    );
    const { value, stats, saved } = await book.write<MappingView>('clearMapping', sheet);
    report(io, flags, {
      json: value,
      stats,
      action: 'clearMapping',
      saved,
      lines: ['確認済みの対応を消し、自動検出に戻しました / back to automatic detection', ...lines(value)],
    });
    return 0;
  }
  const kindArgs = flags.kind === undefined ? [] : [flags.kind];
  const shown = book.read<MappingView>('getMapping', sheet, ...kindArgs);
  if (!flags.save) {
    report(io, flags, { json: shown.value, stats: shown.stats, action: 'getMapping', lines: lines(shown.value) });
    return 0;
  }
  const headerRow = intOption(flags['header-row'], 'header-row', shown.value.headerRow, 1, 10);
  const mapping = {
    kind: shown.value.kind,
    headerRow,
    columns: mappingColumns(shown.value, flags.set ?? []),
    ...(live === undefined ? {} : { live }),
  };
  book.preview(lines(shown.value));
  const changes = [
    ...(flags.set ?? []).map(printable),
    ...(live === undefined || live === shown.value.live ? [] : [live ? '--live yes' : '--live no']),
  ].join(' ');
  await book.confirm(
    `「${printable(sheet)}」をこの対応${changes ? `（変更: ${changes}）` : ''}で確定します / this confirms the mapping of ${printable(sheet)}${changes ? ` with ${changes}` : ''}`,
  );
  const { value, stats, saved } = await book.write<MappingView>('saveMapping', sheet, mapping);
  report(io, flags, {
    json: value,
    stats,
    action: 'saveMapping',
    saved,
    lines: ['この対応で確定しました / the mapping is confirmed', ...lines(value)],
  });
  return 0;
}
