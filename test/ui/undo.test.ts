import { describe, it } from '@jest/globals';
import { expect } from '../support/expect';
import type { UndoInfo } from '../../src/shared/rpc';
import { RpcError } from '../../src/ui/rpc-client';
import { UndoOffer, undoButtonText, undoConfirmText, undoneText } from '../../src/ui/undo';
import { fakeServer } from './fake-server';

const fixes: UndoInfo = { label: { ja: '安全な修正（12件）', en: 'safe fixes (12)' }, at: '2025-01-10T01:02:03.000Z' };
const commit: UndoInfo = {
  label: { ja: 'マッチングの確定（3組）', en: 'committed matches (3)' },
  at: '2025-01-10T02:00:00.000Z',
};

describe('UndoOffer', () => {
  it('asks the server once, in the background, and reports whether the offer changed', async () => {
    const fake = fakeServer({ getUndoInfo: () => fixes });
    const offer = new UndoOffer();
    expect(await offer.load(fake.server)).toBe(true);
    expect(await offer.load(fake.server)).toBe(false);
    expect(fake.names()).toEqual(['getUndoInfo']);
    expect(offer.info).toEqual(fixes);
  });

  it('asks again when forced', async () => {
    const fake = fakeServer({ getUndoInfo: () => null });
    const offer = new UndoOffer();
    offer.set(fixes);
    await offer.load(fake.server);
    await offer.load(fake.server, true);
    expect(fake.names()).toEqual(['getUndoInfo', 'getUndoInfo']);
    expect(offer.info).toBeNull();
  });

  it('keeps the offer and shows no error when the background answer fails', async () => {
    const fake = fakeServer({
      getUndoInfo: () => {
        throw new RpcError('transport', { ja: 'x', en: 'x' });
      },
    });
    const offer = new UndoOffer();
    offer.set(fixes);
    expect(await offer.load(fake.server, true)).toBe(false);
    expect(offer.info).toEqual(fixes);
  });

  it('lets an answer that came meanwhile win over a background load that comes back later', async () => {
    let answer: (info: UndoInfo | null) => void = () => undefined;
    const fake = fakeServer({ getUndoInfo: () => new Promise<UndoInfo | null>((resolve) => (answer = resolve)) });
    const offer = new UndoOffer();
    const loading = offer.load(fake.server);
    offer.set(commit);
    answer(null);
    expect(await loading).toBe(false);
    expect(offer.info).toEqual(commit);
  });

  it('takes the next offer from the undo answer, and leaves the offer alone when the undo is refused', async () => {
    let refuse = false;
    const fake = fakeServer({
      undoLast: () => {
        if (refuse)
          throw new RpcError('undo.nothing', { ja: '元に戻せる操作はありません。', en: 'There is nothing to undo.' });
        return { label: commit.label, cells: 6, undo: fixes };
      },
    });
    const offer = new UndoOffer();
    offer.set(commit);
    expect(await offer.take(fake.server, fake.run)).toEqual({ label: commit.label, cells: 6, undo: fixes });
    expect(offer.info).toEqual(fixes);
    refuse = true;
    expect(await offer.take(fake.server, fake.run)).toBeUndefined();
    expect(fake.shownErrors).toEqual(['undo.nothing']);
    expect(offer.info).toEqual(fixes);
  });
});

describe('undo texts', () => {
  it('labels the button with what will be undone, whichever section recorded it', () => {
    expect(undoButtonText(fixes, 'ja')).toBe('元に戻す: 安全な修正（12件）');
    expect(undoButtonText(fixes, 'en')).toBe('Undo: safe fixes (12)');
    expect(undoButtonText(commit, 'ja')).toBe('元に戻す: マッチングの確定（3組）');
  });

  it('asks about the same action', () => {
    expect(undoConfirmText(fixes, 'ja')).toBe('「安全な修正（12件）」で変えたセルを、その前の状態に戻します。');
    expect(undoConfirmText(fixes, 'en')).toBe(
      'The cells changed by “safe fixes (12)” go back to how they were before.',
    );
  });

  it('says what was undone, with one cell in the singular', () => {
    expect(undoneText(commit.label, 6, 'ja')).toBe('「マッチングの確定（3組）」を元に戻しました（6個のセル）。');
    expect(undoneText(commit.label, 1, 'en')).toBe('Undid “committed matches (3)” (1 cell).');
  });
});
