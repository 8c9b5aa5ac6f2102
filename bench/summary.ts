/**
 * Bench: the indicator summary core on 100,000 活動記録, 50,000 寄付台帳 and 20,000 相談記録
 * rows with 40 indicators × 5 年度 × 5 圏域 — one pass per source beside a naive re-scan per
 * indicator — and the suppression and audit of the largest table.
 */
import { aggregateIndicators } from '../src/core/indicators/aggregate';
import { parseIndicatorDefinitions, type IndicatorDefinition } from '../src/core/indicators/definitions';
import { SourceView, sourceDataOf, type SourceKind, type WorkbookSheet } from '../src/core/indicators/sources';
import { auditTable } from '../src/core/indicators/suppression/audit';
import { suppressTable } from '../src/core/indicators/suppression/suppress';
import type { TableInput } from '../src/core/indicators/suppression/table';
import { buildSummary } from '../src/core/indicators/summary';
import { defaultSettings, type Settings } from '../src/core/sheets/settings';
import { SHEET_SPECS } from '../src/core/sheets/specs';
import { detectHeader } from '../src/core/sheets/detect';
import { mappingFromDetection } from '../src/core/sheets/mapping';
import { PlainDate } from '../src/core/text/plainDate';
import { Random } from '../src/local/demo/random';
import { loadavg } from 'node:os';
import { measure, printTable } from './harness';
import { printCostTable } from './cost';
import { demoSession, measureRpc, type MeasuredAction } from '../src/local/budget';
import type { Session } from '../src/local/session';
import type { SummaryView } from '../src/shared/rpc';

const AREAS = ['北東部', '北西部', '中部', '南部', '西部'];
const YEARS = [2022, 2023, 2024, 2025, 2026];
const TODAY = PlainDate.of(2027, 3, 31) as PlainDate;

function settingsOf(): Settings {
  const s = defaultSettings();
  s.areas = AREAS.map((name) => ({ name, districts: [], towns: [] }));
  return s;
}

/** A day of the five 年度 as a sheet hands it over: a Date at Tokyo midnight. */
function dayIn(rng: Random): Date {
  const fy = rng.pick(YEARS);
  const start = Date.UTC(fy, 3, 1) - 9 * 3_600_000;
  return new Date(start + rng.int(0, 364) * 86_400_000);
}

function sheet(kind: 'activities' | 'donations' | 'consultations', rows: unknown[][]): WorkbookSheet {
  const header = SHEET_SPECS[kind].columns.map((c) => c.header);
  const values = [header, ...rows.map((r) => header.map((h, i) => r[i] ?? (h === '' ? '' : '')))];
  const det = detectHeader(values);
  if (!det) throw new Error(`bench: ${kind} header not detected`);
  return { name: SHEET_SPECS[kind].canonicalName, kind: det.kind, mapping: mappingFromDetection(det), values };
}

function workbook(): WorkbookSheet[] {
  const rng = Random.stream(7, 'bench-summary');
  const types = ['居場所', 'サロン', '見守り訪問', '助け合い活動', '住民懇談会', '講座', 'イベント', '情報発信'];
  const programs = ['ほっとネット', 'ふれまち', 'りんく', 'ボラセン'];
  const area = () => (rng.chance(0.02) ? '' : rng.weighted(AREAS.map((a, i) => [a, i === 2 ? 0.08 : 1] as const)));
  // 日付, 事業, 活動種別, 圏域, 登録番号, 依頼番号, 参加者数, 活動時間, 多世代, 備考
  const activities = Array.from({ length: 100_000 }, () => [
    dayIn(rng),
    rng.pick(programs),
    rng.pick(types),
    area(),
    `V-${String(rng.int(1, 3000)).padStart(4, '0')}`,
    '',
    rng.int(1, 40),
    rng.pick([1, 1.5, 2, 3]),
    rng.chance(0.2) ? 'はい' : 'いいえ',
    '',
  ]);
  // 領収書番号, 受領日, 寄付者番号, 寄付者名, 寄付者種別, 住所, 区分, 指定先, 金額, 入金方法, 領収書, 氏名公表, 備考
  const donations = Array.from({ length: 50_000 }, (_, i) => [
    `R-${i}`,
    dayIn(rng),
    `D-${rng.int(1, 8000)}`,
    '寄付者',
    rng.pick(['個人', '法人', '団体', '匿名']),
    '',
    rng.pick(['一般寄付', '指定寄付', '物品寄付']),
    '',
    rng.int(1, 100) * 1000,
    rng.pick(['現金', '振込']),
    '発行済',
    '不可',
    '',
  ]);
  const categories = [
    '生活困窮',
    '8050',
    'ひきこもり',
    'ヤングケアラー',
    '外国にルーツ',
    '介護',
    '障害',
    '子育て',
    'その他',
  ];
  // 受付日, 圏域, 経路, 相談分類, 対応状況, つなぎ先
  const consultations = Array.from({ length: 20_000 }, () => [
    dayIn(rng),
    area(),
    rng.pick(['来所', '電話', '訪問', 'メール', 'その他']),
    rng.chance(0.3) ? `${rng.pick(categories)}、${rng.pick(categories)}` : rng.pick(categories),
    rng.pick(['継続', '解決', 'つなぎ']),
    '',
  ]);
  return [sheet('activities', activities), sheet('donations', donations), sheet('consultations', consultations)];
}

/** 40 indicators over the three sources, every method, most with a 条件. */
function indicatorRows(): unknown[][] {
  const header = [...SHEET_SPECS.indicators.columns.map((c) => c.header), ...YEARS.map((y) => `目標${y}`)];
  const rows: unknown[][] = [header];
  const add = (fields: Record<string, unknown>): void => {
    rows.push(header.map((h) => fields[h] ?? ''));
  };
  const types = ['居場所', 'サロン', '見守り訪問', '助け合い活動', '住民懇談会', '講座', 'イベント', '情報発信'];
  types.forEach((t, i) => {
    add({
      ID: `A${i}`,
      基本目標: 1,
      指標名: `${t}の回数`,
      集計元: '活動記録',
      集計方法: '件数',
      条件: `活動種別=${t}`,
      秘匿: 'いいえ',
      目標2026: 100,
    });
    add({
      ID: `B${i}`,
      基本目標: 1,
      指標名: `${t}の参加者`,
      集計元: '活動記録',
      集計方法: '合計',
      対象列: '参加者数',
      条件: `活動種別=${t} かつ 多世代=はい`,
      秘匿: 'はい',
      目標2026: 100,
    });
  });
  ['ほっとネット', 'ふれまち', 'りんく', 'ボラセン'].forEach((p, i) =>
    add({
      ID: `C${i}`,
      基本目標: 1,
      指標名: `${p}の活動者`,
      集計元: '活動記録',
      集計方法: '人数',
      対象列: '登録番号',
      条件: `事業=${p}`,
      秘匿: 'はい',
      目標2026: 100,
    }),
  );
  add({
    ID: 'D0',
    基本目標: 1,
    指標名: '多世代の割合',
    単位: '%',
    集計元: '活動記録',
    集計方法: '割合',
    条件: '多世代=はい',
    分母条件: '活動種別=居場所、サロン',
    秘匿: 'はい',
    目標2026: 20,
  });
  add({
    ID: 'D1',
    基本目標: 1,
    指標名: '平均活動時間',
    集計元: '活動記録',
    集計方法: '平均',
    対象列: '活動時間',
    条件: '参加者数>=10',
    秘匿: 'はい',
    目標2026: 2,
  });
  ['一般寄付', '指定寄付', '物品寄付'].forEach((k, i) => {
    add({
      ID: `E${i}`,
      基本目標: 4,
      指標名: `${k}の金額`,
      集計元: '寄付台帳',
      集計方法: '合計',
      対象列: '金額',
      条件: `区分=${k}`,
      秘匿: 'いいえ',
      目標2026: 1,
    });
    add({
      ID: `F${i}`,
      基本目標: 4,
      指標名: `${k}の件数`,
      集計元: '寄付台帳',
      集計方法: '件数',
      条件: `区分=${k} かつ 寄付者種別≠匿名`,
      秘匿: 'いいえ',
      目標2026: 1,
    });
  });
  add({
    ID: 'G0',
    基本目標: 4,
    指標名: '寄付者数',
    集計元: '寄付台帳',
    集計方法: '人数',
    対象列: '寄付者番号',
    秘匿: 'いいえ',
    目標2026: 1,
  });
  ['生活困窮', '8050', 'ひきこもり', 'ヤングケアラー', '外国にルーツ', '介護', '障害', '子育て'].forEach((c, i) =>
    add({
      ID: `H${i}`,
      基本目標: 2,
      指標名: `${c}の相談`,
      集計元: '相談記録',
      集計方法: '件数',
      条件: `相談分類に${c}を含む`,
      秘匿: 'はい',
      目標2026: 100,
    }),
  );
  add({ ID: 'I0', 基本目標: 2, 指標名: '相談件数', 集計元: '相談記録', 集計方法: '件数', 秘匿: 'はい', 目標2026: 100 });
  add({
    ID: 'I1',
    基本目標: 2,
    指標名: '解決・つなぎの割合',
    単位: '%',
    集計元: '相談記録',
    集計方法: '割合',
    対象列: '対応状況',
    条件: '対応状況=解決、つなぎ',
    秘匿: 'はい',
    目標2026: 70,
  });
  add({
    ID: 'I2',
    基本目標: 2,
    指標名: '来所・訪問の相談',
    集計元: '相談記録',
    集計方法: '件数',
    条件: '(経路=来所 または 経路=訪問) かつ 対応状況≠継続',
    秘匿: 'はい',
    目標2026: 1,
  });
  return rows;
}

function viewsOf(sheets: readonly WorkbookSheet[], settings: Settings): Partial<Record<SourceKind, SourceView>> {
  const views: Partial<Record<SourceKind, SourceView>> = {};
  for (const data of sourceDataOf(sheets)) views[data.source.kind] = new SourceView(data, settings);
  return views;
}

export function benchSummary(): void {
  const settings = settingsOf();
  const sheets = workbook();
  const values = indicatorRows();
  const definitionSheet = { name: '指標定義', values, mapping: mappingFromDetection(detectHeader(values)!) };
  const parsed = parseIndicatorDefinitions(definitionSheet, { startMonth: 4, views: viewsOf(sheets, settings) });
  if (!parsed.ok) throw new Error(parsed.issues.map((i) => i.message.ja).join('\n'));
  const definitions: IndicatorDefinition[] = [...parsed.definitions];
  const rows = sheets.reduce((n, s) => n + s.values.length - 1, 0);
  const common = { years: YEARS, areas: AREAS, startMonth: 4, currentFiscalYear: 2026 };

  // CPU time of this process per run, beside the wall clock: the machine may be shared.
  const cpu: Record<string, number[]> = {};
  const timed =
    (label: string, fn: () => void): (() => null) =>
    () => {
      const before = process.cpuUsage();
      fn();
      const used = process.cpuUsage(before);
      (cpu[label] ??= []).push((used.user + used.system) / 1000);
      return null;
    };
  const median = (xs: number[]): number => {
    const rest = xs.length > 1 ? xs.slice(1).sort((a, b) => a - b) : xs.slice();
    return rest[Math.floor(rest.length / 2)] as number;
  };

  let checksum = 0;
  const sum = (r: ReturnType<typeof aggregateIndicators>): number =>
    r.indicators.reduce((n, i) => n + i.years.reduce((m, y) => m + (y.city.value ?? 0), 0), 0);
  const core = measure(
    `core: buildSummary, ${definitions.length} indicators (${rows} rows)`,
    7,
    rows,
    timed('core', () => {
      const out = buildSummary({ settings, sheets, definitions: definitionSheet, today: TODAY, updatedAt: 'bench' });
      if (!out.ok) throw new Error(out.message.ja);
    }),
  );
  const single = measure(
    `aggregate: one pass per source (columns parsed once)`,
    7,
    rows,
    timed('single', () => {
      checksum = sum(aggregateIndicators({ definitions, views: viewsOf(sheets, settings), ...common }));
    }),
  );
  let naiveChecksum = 0;
  const naive = measure(
    `naive: each indicator re-reads and re-scans its source`,
    3,
    rows,
    timed('naive', () => {
      naiveChecksum = 0;
      for (const d of definitions) {
        const result = aggregateIndicators({ definitions: [d], views: viewsOf(sheets, settings), ...common });
        naiveChecksum += sum(result);
      }
    }),
  );
  if (Math.abs(checksum - naiveChecksum) > 1e-6)
    throw new Error(`bench: single pass ${checksum} ≠ naive ${naiveChecksum}`);

  // The largest table the summary publishes (圏域 with 圏域不明 × 年度, with plan-period totals),
  // and a stress table far larger than any council's, for the growth.
  const rng = Random.stream(3, 'bench-tables');
  const tableOf = (rowsN: number, colsN: number): TableInput => ({
    rows: rowsN,
    columns: colsN,
    values: Array.from({ length: rowsN }, () =>
      Array.from({ length: colsN }, () => (rng.chance(0.25) ? rng.int(1, 9) : rng.int(10, 400))),
    ),
    rowTotals: 'shown',
    columnTotals: 'shown',
    grandTotal: 'shown',
  });
  const tables: [string, TableInput][] = [
    [
      `suppress + audit: ${AREAS.length + 1} × ${YEARS.length} with both margins`,
      tableOf(AREAS.length + 1, YEARS.length),
    ],
    ['suppress + audit: 20 × 12 with both margins (stress)', tableOf(20, 12)],
  ];
  const tableRuns = tables.map(([label, table]) => {
    let hidden = 0;
    const m = measure(label, 5, null, () => {
      const t = suppressTable(table, { kind: 'count', threshold: 10 });
      const audit = auditTable(t);
      if (!audit.ok) throw new Error(`bench: audit failed: ${audit.problems.map((p) => p.en).join('; ')}`);
      hidden = audit.hiddenFigures;
      return null;
    });
    return { ...m, label: `${label}: ${hidden} hidden` };
  });

  printTable('Indicator summary (core, no service calls)', [core, single, naive, ...tableRuns]);
  console.log(
    `CPU time (median): buildSummary ${median(cpu.core ?? []).toFixed(0)} ms (target < 500 ms), one pass ${median(cpu.single ?? []).toFixed(0)} ms, naive ${median(cpu.naive ?? []).toFixed(0)} ms — one pass ${(median(cpu.naive ?? []) / median(cpu.single ?? [])).toFixed(1)}× faster; load average ${loadavg()
      .map((l) => l.toFixed(1))
      .join(' ')}`,
  );

  benchSummaryAction();
}

/**
 * 指標サマリーを更新 as the sidebar runs it: one call, or (a workbook too large for one call) the start
 * and every part after it, each measured as its own execution (docs/cost.md).
 */
function summaryInParts(session: Session, label: string, into: MeasuredAction[]): void {
  let view = measureRpc<SummaryView>(session, 'runSummary', [], into, `${label}: start`);
  while (view.running) {
    const { runId, done, total } = view.running;
    view = measureRpc<SummaryView>(session, 'continueSummary', [runId], into, `${label}: part ${done + 1}/${total}`);
  }
}

/**
 * The 指標サマリー action through the bundle on the default and the large demo workbook: its
 * service calls stay the same while the rows grow (of each source sheet only the columns the
 * indicators name, the sheet and its charts' table written in one), beside 検証's first run on the
 * same workbook as the peer, and the whole-sheet peer column (every read covering its sheet).
 */
export function benchSummaryAction(): void {
  const actions: MeasuredAction[] = [];
  for (const scale of ['default', 'large'] as const) {
    const session = demoSession(scale);
    const rows = session.emu.globals.SpreadsheetApp.getActiveSpreadsheet()
      .getSheets()
      .reduce((n, s) => n + Math.max(0, s.getLastRow() - 1), 0);
    const label = (what: string) => `${what} (${scale}, ${rows.toLocaleString('en')} rows)`;
    measureRpc(session, 'getSummaryReport', [null, false], actions, label('getSummaryReport'));
    summaryInParts(session, label('runSummary (first)'), actions);
    summaryInParts(session, label('runSummary (again)'), actions);
    measureRpc(session, 'runValidation', [], actions, label('peer: runValidation'));
  }
  printCostTable('指標サマリー through the bundle: calls flat in rows (estimated Apps Script time)', actions);
}
