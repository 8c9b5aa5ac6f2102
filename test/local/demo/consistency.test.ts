// Tests that the demo sheets agree with each other and look like a real council's: assignments, ledgers, areas, privacy, realism.
import { describe, it } from '@jest/globals';
import { expect } from '../../support/expect';
import { generateDemoBook } from '../../../src/local/demo';
import { AREAS, type Row, KATAKANA_RE, fiscalYearOfIso, rowsOf, sheetOf, splitMulti, tokyoIso } from './helpers';

const book = generateDemoBook({ areas: AREAS });
const volunteers = rowsOf(sheetOf(book, 'volunteers'));
const requests = rowsOf(sheetOf(book, 'requests'));
const byId = new Map(volunteers.map((v) => [String(v['登録番号']), v]));

describe('依頼 and the roster', () => {
  it('assigns only existing, active volunteers who agreed to share their details', () => {
    let assigned = 0;
    for (const r of requests) {
      for (const id of splitMulti(r['担当ボランティア']!)) {
        const v = byId.get(id);
        expect(v, `${r['依頼番号']} → ${id}`).toBeDefined();
        expect(v!['状態']).toBe('活動中');
        expect(v!['個人情報同意']).toBe('はい');
        if (r['受付日'] instanceof Date && v!['登録日'] instanceof Date) {
          expect(v!['登録日'].getTime()).toBeLessThanOrEqual(r['受付日'].getTime());
        }
        assigned++;
      }
    }
    expect(assigned).toBeGreaterThan(40);
  });

  it('assigns volunteers who have the language and skills the request needs', () => {
    for (const r of requests) {
      const ids = splitMulti(r['担当ボランティア']!);
      for (const id of ids) {
        const v = byId.get(id)!;
        if (r['対応言語'] !== '') expect(splitMulti(v['対応言語']!)).toContain(r['対応言語']);
        for (const s of splitMulti(r['必要な資格・特技']!)) expect(splitMulti(v['資格・特技']!)).toContain(s);
      }
      // 必要人数 may be planted in 全角 (２), so read it the way a validator would.
      const needed = Number(String(r['必要人数']).normalize('NFKC')) || 1;
      expect(ids.length).toBeLessThanOrEqual(needed);
    }
  });

  it('keeps open requests recent and uses every state', () => {
    const states = new Set(requests.map((r) => r['状態']));
    expect([...states].sort()).toEqual(['不成立', '受付', '活動中', '紹介済', '終了', '調整中'].sort());
    for (const r of requests.filter((x) => x['状態'] === '受付' && x['受付日'] instanceof Date)) {
      expect(tokyoIso(r['受付日'] as Date) >= '2026-10-01').toBe(true);
    }
  });

  it('numbers requests R-0001… in order of receipt', () => {
    expect(requests.map((r) => r['依頼番号'])).toEqual(requests.map((_, i) => `R-${String(i + 1).padStart(4, '0')}`));
  });
});

describe('the planted shortages (the recruiting agenda)', () => {
  it('are open, unassigned, clean rows of 依頼 whose needs the roster cannot meet', () => {
    expect(book.shortages.length).toBeGreaterThanOrEqual(3);
    const spoiled = new Set(book.mistakes.filter((m) => m.sheet === '依頼').map((m) => m.row));
    const speaks = new Set(volunteers.filter((v) => v['状態'] !== '退会').flatMap((v) => splitMulti(v['対応言語']!)));
    for (const s of book.shortages) {
      const r = requests[s.row - 2] as Row;
      expect(r['依頼番号'], s.note).toBe(s.requestId);
      expect(r['状態']).toBe('受付');
      expect(r['担当ボランティア']).toBe('');
      expect(spoiled.has(s.row), `${s.requestId} has no planted mistake`).toBe(false);
      if (s.dimension === 'language') {
        expect(r['対応言語']).toBe(s.key);
        expect(speaks.has(s.key)).toBe(false);
      }
      if (s.dimension === 'skill') {
        const wanted = s.key.split('＋');
        expect(splitMulti(r['必要な資格・特技']!)).toEqual(wanted);
        const holders = volunteers.filter(
          (v) => v['状態'] !== '退会' && wanted.every((k) => splitMulti(v['資格・特技']!).includes(k)),
        );
        expect(holders).toEqual([]);
      }
    }
  });

  it('are listed in sheet order, one per request', () => {
    expect(book.shortages.map((s) => s.row)).toEqual([...book.shortages.map((s) => s.row)].sort((a, b) => a - b));
    expect(new Set(book.shortages.map((s) => s.requestId)).size).toBe(book.shortages.length);
  });

  it('are left out of a book with no requests', () => {
    expect(generateDemoBook({ areas: AREAS, requests: 0 }).shortages).toEqual([]);
  });
});

describe('ボランティア名簿', () => {
  it('is mostly active individuals aged 60–80, with students, working adults and some groups', () => {
    const ages = volunteers
      .filter((v) => v['生年月日'] instanceof Date)
      .map((v) => 2026 - Number(tokyoIso(v['生年月日'] as Date).slice(0, 4)));
    const share = (f: (a: number) => boolean): number => ages.filter(f).length / ages.length;
    expect(share((a) => a >= 60 && a <= 80)).toBeGreaterThan(0.4);
    expect(share((a) => a < 23)).toBeGreaterThan(0.02);
    expect(share((a) => a >= 23 && a < 60)).toBeGreaterThan(0.1);
    expect(volunteers.filter((v) => v['状態'] === '活動中').length / volunteers.length).toBeGreaterThan(0.6);
    expect(volunteers.some((v) => v['種別'] === '団体')).toBe(true);
  });

  it('includes 異体字 surnames and residents with foreign roots', () => {
    const big = rowsOf(sheetOf(generateDemoBook({ areas: AREAS, volunteers: 3000 }), 'volunteers'));
    const names = big.map((v) => String(v['氏名']));
    expect(names.some((n) => /[髙﨑齋齊邉邊濵濱]|𠮷/u.test(n))).toBe(true);
    expect(
      big.some(
        (v) => /ベトナム語|中国語|韓国語/.test(String(v['対応言語'])) && !String(v['対応言語']).startsWith('日本語'),
      ),
    ).toBe(true);
  });

  it('writes furigana in katakana with a space between family and given name', () => {
    const people = volunteers.filter(
      (v) => v['種別'] === '個人' && typeof v['フリガナ'] === 'string' && KATAKANA_RE.test(v['フリガナ']),
    );
    expect(people.length).toBeGreaterThan(250);
    for (const v of people) expect(String(v['フリガナ'])).toMatch(/^\S+ \S+/);
  });

  it('uses 、 mostly, and sometimes ・ or a new line, between values', () => {
    const cells = volunteers.map((v) => String(v['活動分野'])).filter((c) => splitMulti(c).length > 1);
    const withComma = cells.filter((c) => c.includes('、')).length;
    expect(withComma / cells.length).toBeGreaterThan(0.7);
    expect(cells.some((c) => c.includes('\n'))).toBe(true);
  });

  it('writes 活動可能日時 and 希望日時 without overlapping day parts (no 土終日 beside 土日午後)', () => {
    const cells = [...volunteers.map((v) => v['活動可能日時']), ...requests.map((r) => r['希望日時'])];
    const covered = (part: string): string[] =>
      part === '平日' ? [...'月火水木金'] : part === '土日' ? ['土', '日'] : [part];
    for (const cell of cells) {
      const days = splitMulti(cell!).flatMap((slot) => covered(slot.replace(/(午前|午後|夜間|終日)$/, '')));
      expect(new Set(days).size, String(cell)).toBe(days.length);
    }
  });

  it('mixes landlines (042-4xx) and mobiles, 188-/202- postal codes, and some e-mail addresses', () => {
    const phones = volunteers.map((v) => String(v['電話番号']));
    expect(phones.some((p) => /^042-4\d\d-\d{4}$/.test(p))).toBe(true);
    expect(phones.some((p) => /^0[789]0-\d{4}-\d{4}$/.test(p))).toBe(true);
    const emails = volunteers.filter((v) => v['メール'] !== '').length / volunteers.length;
    expect(emails).toBeGreaterThan(0.1);
    expect(emails).toBeLessThan(0.7);
  });
});

describe('ledgers', () => {
  it('寄付台帳: receipt numbers carry the 年度 of the date (R6 = FY2024) and count up within it', () => {
    const rows = rowsOf(sheetOf(book, 'donations'));
    const planted = new Set(book.mistakes.filter((m) => m.sheet === '寄付台帳').map((m) => m.row));
    const last = new Map<string, number>();
    rows.forEach((r, i) => {
      if (planted.has(i + 2)) return;
      const [era, serial] = String(r['領収書番号']).split('-') as [string, string];
      expect(fiscalYearOfIso(tokyoIso(r['受領日'] as Date))).toBe(2018 + Number(era.slice(1)));
      expect(Number(serial)).toBeGreaterThan(last.get(era) ?? 0);
      last.set(era, Number(serial));
    });
  });

  it('寄付台帳: many small gifts and a few of 100,000 yen or more; 歳末たすけあい in December', () => {
    const rows = rowsOf(sheetOf(book, 'donations'));
    const amounts = rows.map((r) => r['金額']).filter((a): a is number => typeof a === 'number');
    expect(amounts.filter((a) => a >= 1000 && a <= 10_000).length / amounts.length).toBeGreaterThan(0.5);
    expect(amounts.some((a) => a >= 100_000)).toBe(true);
    const year = rows.filter((r) => r['受領日'] instanceof Date);
    const december = year.filter((r) => tokyoIso(r['受領日'] as Date).slice(5, 7) === '12');
    expect(december.length / year.length).toBeGreaterThan(1.5 / 12);
    expect(december.some((r) => r['指定先'] === '歳末たすけあい')).toBe(true);
  });

  it('会費台帳: 金額 = 口数 × 単価 on clean rows, and members keep their 会員番号 from year to year', () => {
    const rows = rowsOf(sheetOf(book, 'memberships'));
    const planted = new Set(book.mistakes.filter((m) => m.sheet === '会費台帳').map((m) => m.row));
    rows.forEach((r, i) => {
      if (!planted.has(i + 2)) expect(r['金額']).toBe((r['口数'] as number) * (r['単価'] as number));
    });
    const ids = (fy: number): Set<unknown> => new Set(rows.filter((r) => r['年度'] === fy).map((r) => r['会員番号']));
    const [a, b] = [ids(2024), ids(2025)];
    const renewed = [...a].filter((x) => b.has(x)).length / a.size;
    expect(renewed).toBeGreaterThan(0.75);
    expect(renewed).toBeLessThan(0.97);
    for (const fy of [2024, 2025, 2026]) expect(rows.filter((r) => r['年度'] === fy).length).toBeGreaterThan(100);
  });

  it('活動記録: cites only existing volunteers and requests, after the request was received', () => {
    const receivedById = new Map(requests.map((r) => [r['依頼番号'], r['受付日']]));
    const rows = rowsOf(sheetOf(book, 'activities'));
    let linked = 0;
    for (const r of rows) {
      if (r['登録番号'] !== '') expect(byId.has(String(r['登録番号']))).toBe(true);
      if (r['依頼番号'] === '') continue;
      linked++;
      const received = receivedById.get(r['依頼番号']);
      const request = requests.find((q) => q['依頼番号'] === r['依頼番号'])!;
      expect(splitMulti(request['担当ボランティア']!)).toContain(r['登録番号']);
      if (received instanceof Date && r['日付'] instanceof Date)
        expect(r['日付'].getTime()).toBeGreaterThan(received.getTime());
    }
    expect(linked).toBeGreaterThan(20);
  });

  it('活動記録 and 相談記録: areas differ in size and one is small enough for suppression', () => {
    for (const [kind, column] of [
      ['activities', '日付'],
      ['consultations', '受付日'],
    ] as const) {
      const counts = new Map<string, number>();
      for (const r of rowsOf(sheetOf(book, kind))) {
        if (!(r[column] instanceof Date) || r['圏域'] === '') continue;
        const key = `${fiscalYearOfIso(tokyoIso(r[column] as Date))}|${r['圏域']}|${tokyoIso(r[column] as Date).slice(5, 7)}`;
        counts.set(key, (counts.get(key) ?? 0) + 1);
      }
      const values = [...counts.values()];
      expect(values.some((v) => v < 10)).toBe(true);
      expect(Math.max(...values)).toBeGreaterThanOrEqual(10);
    }
  });

  it('活動記録: has seasons — the August salon lull and the autumn events peak', () => {
    const rows = rowsOf(sheetOf(book, 'activities')).filter((r) => r['日付'] instanceof Date);
    const month = (r: Row): string => tokyoIso(r['日付'] as Date).slice(5, 7);
    const salons = rows.filter((r) => r['活動種別'] === 'サロン');
    expect(salons.filter((r) => month(r) === '08').length).toBeLessThan(salons.filter((r) => month(r) === '10').length);
    const events = rows.filter((r) => r['活動種別'] === 'イベント');
    expect(events.filter((r) => month(r) === '01').length).toBeLessThan(events.filter((r) => month(r) === '10').length);
  });
});

describe('相談記録', () => {
  it('holds no personal names: no name column and no name from the other sheets in any cell', () => {
    const sheet = sheetOf(book, 'consultations');
    for (const h of sheet.header) expect(h).not.toMatch(/氏名|名前|相談者|依頼者|フリガナ|電話|住所|登録番号/);
    const names = new Set<string>([
      ...volunteers.map((v) => String(v['氏名'])),
      ...requests.map((r) => String(r['依頼者'])),
      ...rowsOf(sheetOf(book, 'donations')).map((r) => String(r['寄付者名'])),
      ...rowsOf(sheetOf(book, 'memberships')).map((r) => String(r['氏名・団体名'])),
    ]);
    names.delete('');
    names.delete('匿名');
    const found: string[] = [];
    for (const row of sheet.rows) {
      for (const cell of row) {
        if (typeof cell !== 'string') continue;
        // Every generated personal name has a space between family and given name.
        if (cell.includes(' ')) found.push(cell);
        for (const n of names) if (cell.includes(n)) found.push(`${cell} ⊃ ${n}`);
      }
    }
    expect(found).toEqual([]);
  });

  it('refers on (つなぎ) to services and groups related problems together', () => {
    const rows = rowsOf(sheetOf(book, 'consultations'));
    expect(rows.some((r) => splitMulti(r['相談分類']!).length > 1)).toBe(true);
    expect(rows.some((r) => /8050/.test(String(r['相談分類'])) && /ひきこもり/.test(String(r['相談分類'])))).toBe(true);
    expect(rows.filter((r) => r['対応状況'] === 'つなぎ').every((r) => r['つなぎ先'] !== '')).toBe(true);
  });
});
