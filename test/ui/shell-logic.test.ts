import { describe, it } from '@jest/globals';
import { expect } from '../support/expect';
import { BusyCounter } from '../../src/ui/busy';
import { knownSection, SECTION_ORDER } from '../../src/ui/sections/order';
import { nextTabIndex } from '../../src/ui/tabs';

describe('BusyCounter', () => {
  it('stays busy until the last of concurrent calls ends', async () => {
    const changes: boolean[] = [];
    const busy = new BusyCounter((value) => changes.push(value));
    let finishFirst: () => void = () => undefined;
    const first = busy.track(() => new Promise<void>((resolve) => (finishFirst = resolve)));
    const second = busy.track(() => Promise.resolve('done'));
    expect(busy.busy).toBe(true);
    await expect(second).resolves.toBe('done');
    expect(busy.busy).toBe(true);
    finishFirst();
    await first;
    expect(busy.busy).toBe(false);
    expect(changes).toEqual([true, false]);
  });

  it('ends the busy state when a call fails', async () => {
    const busy = new BusyCounter(() => undefined);
    await expect(busy.track(() => Promise.reject(new Error('x')))).rejects.toThrow('x');
    expect(busy.busy).toBe(false);
  });
});

describe('nextTabIndex', () => {
  it('moves with the arrows, wrapping around, and jumps with Home and End', () => {
    expect(nextTabIndex(0, 'ArrowRight', 5)).toBe(1);
    expect(nextTabIndex(4, 'ArrowRight', 5)).toBe(0);
    expect(nextTabIndex(0, 'ArrowLeft', 5)).toBe(4);
    expect(nextTabIndex(3, 'Home', 5)).toBe(0);
    expect(nextTabIndex(1, 'End', 5)).toBe(4);
    expect(nextTabIndex(1, 'Enter', 5)).toBeNull();
  });
});

describe('sections', () => {
  it('has one tab per capability, シート準備 first', () => {
    expect(SECTION_ORDER).toEqual(['setup', 'validate', 'match', 'survey', 'summary']);
  });

  it('opens the section the server asks for, and シート準備 for anything unknown', () => {
    expect(knownSection('summary')).toBe('summary');
    expect(knownSection('admin')).toBe('setup');
    expect(knownSection(undefined)).toBe('setup');
  });
});
