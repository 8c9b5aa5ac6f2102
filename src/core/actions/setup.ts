/** シート準備: creates the missing standard sheets, all or none, under the document lock. */
import { atomically } from '../transaction';
import { HEAD_ROWS, planSetup, type SetupPlan } from '../setup/plan';
import { loadSettings } from '../setup/settings-source';
import type { SetupResult } from '../../shared/rpc';
import type { AppPorts } from './ports';
import { loadMappings, openSidebarAt } from './sidebar';

function currentPlan(ports: AppPorts): SetupPlan {
  const heads = ports.workbook.heads(HEAD_ROWS);
  const mappings = loadMappings(ports, heads);
  return planSetup(heads, loadSettings(ports.workbook, heads, mappings), mappings);
}

/**
 * Creates every missing standard sheet. The plan is made again under the lock, so two staff
 * members pressing the button at once create each sheet once. If any creation fails, the sheets
 * made so far are taken back and the reply says so: all or nothing.
 */
export function setUpSheets(ports: AppPorts): SetupResult {
  return ports.lock.run(() => {
    const plan = currentPlan(ports);
    const created = atomically(ports, { ja: '標準のシート', en: 'the standard sheets' }, (tx) => {
      for (const spec of plan.create) tx.createSheet(spec);
      return plan.create.map((spec) => spec.name);
    });
    return {
      created,
      existing: [...plan.existing.map((e) => e.sheet), ...plan.blocked.map((b) => b.sheet)],
    };
  });
}

/** The menu's シート準備: says what it will create, asks, creates, then opens the sidebar. */
export function confirmAndSetUpSheets(ports: AppPorts): void {
  const plan = currentPlan(ports);
  if (plan.create.length === 0) {
    ports.dialogs.alert('シート準備', '標準のシートはすべて揃っています。\nAll standard sheets are already here.');
    openSidebarAt(ports, 'setup');
    return;
  }
  const names = plan.create.map((s) => `・${s.name}`).join('\n');
  const blocked = plan.blocked.length
    ? `\n\n次のシートは同じ名前で別の内容があるため、作成しません:\n${plan.blocked.map((b) => `・${b.sheet}`).join('\n')}`
    : '';
  const question = `次のシートを作成します。既存のシートは変更しません。\n${names}${blocked}\n\nCreate these sheets? Existing sheets are not changed.`;
  if (!ports.dialogs.confirm('シート準備', question)) return;
  const result = setUpSheets(ports);
  ports.dialogs.alert(
    'シート準備',
    `${result.created.length}枚のシートを作成しました。\nCreated ${result.created.length} sheet(s).`,
  );
  openSidebarAt(ports, 'setup');
}
