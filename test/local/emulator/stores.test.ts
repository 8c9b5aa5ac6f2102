/** PropertiesService, CacheService and LockService: limits, expiry, and a lock held by another user. */
import { describe, it } from '@jest/globals';
import { expect } from '../../support/expect';
import { Emulator } from '../../../src/local/emulator/index';
import { FIXED_NOW, fresh } from './helpers';

describe('emulator PropertiesService', () => {
  describe('setProperty', () => {
    it('stores every value as a string', () => {
      const { emu } = fresh();
      const props = emu.globals.PropertiesService.getDocumentProperties();
      props.setProperty('count', 5 as unknown as string);
      expect(props.getProperty('count')).toBe('5');
      expect(props.getProperty('missing')).toBeNull();
    });

    it('throws when a value is over 9 KB, counting UTF-8 bytes', () => {
      const { emu } = fresh();
      const props = emu.globals.PropertiesService.getUserProperties();
      props.setProperty('ok', 'x'.repeat(9 * 1024));
      // 3 bytes per character in UTF-8: 3,073 characters are 9,219 bytes.
      expect(() => props.setProperty('big', 'あ'.repeat(3073))).toThrow('Argument too large: value');
      expect(props.getProperty('big')).toBeNull();
    });

    it('throws when the store would go over 500 KB, and keeps what was there', () => {
      const { emu } = fresh();
      const props = emu.globals.PropertiesService.getScriptProperties();
      const chunk = 'x'.repeat(9000);
      for (let i = 0; i < 56; i++) props.setProperty(`k${i}`, chunk);
      expect(() => props.setProperty('k56', chunk)).toThrow(
        'You have exceeded the property storage quota. Please remove some properties and try again.',
      );
      expect(props.getKeys()).toHaveLength(56);
    });
  });

  describe('setProperties', () => {
    it('adds to the store, or replaces it when deleteAllOthers is true', () => {
      const { emu } = fresh();
      const props = emu.globals.PropertiesService.getDocumentProperties();
      props.setProperty('a', '1');
      props.setProperties({ b: '2' });
      expect(props.getProperties()).toEqual({ a: '1', b: '2' });
      props.setProperties({ c: '3' }, true);
      expect(props.getProperties()).toEqual({ c: '3' });
      props.deleteProperty('c');
      props.setProperty('d', '4');
      props.deleteAllProperties();
      expect(props.getKeys()).toEqual([]);
    });
  });

  describe('stores', () => {
    it('keeps document, user and script properties apart', () => {
      const { emu } = fresh();
      const service = emu.globals.PropertiesService;
      service.getDocumentProperties().setProperty('k', 'doc');
      service.getUserProperties().setProperty('k', 'user');
      expect(service.getDocumentProperties().getProperty('k')).toBe('doc');
      expect(service.getUserProperties().getProperty('k')).toBe('user');
      expect(service.getScriptProperties().getProperty('k')).toBeNull();
    });
  });
});

describe('emulator CacheService', () => {
  describe('put and get', () => {
    it('returns a value until it expires on the emulator clock', () => {
      let now = FIXED_NOW.getTime();
      const emu = Emulator.create('c', { now: () => new Date(now) });
      const cache = emu.globals.CacheService.getUserCache();
      cache.put('k', 'v', 60);
      now += 59_999;
      expect(cache.get('k')).toBe('v');
      now += 1;
      expect(cache.get('k')).toBeNull();
    });

    it('expires after 10 minutes by default and moves with Utilities.sleep', () => {
      const { emu } = fresh();
      const cache = emu.globals.CacheService.getScriptCache();
      cache.put('k', 'v');
      emu.globals.Utilities.sleep(300_000);
      expect(cache.get('k')).toBe('v');
      emu.globals.Utilities.sleep(300_000);
      expect(cache.get('k')).toBeNull();
    });

    it('throws for values over 100 KB and keys over 250 characters', () => {
      const { emu } = fresh();
      const cache = emu.globals.CacheService.getDocumentCache() as GoogleAppsScript.Cache.Cache;
      expect(() => cache.put('k', 'x'.repeat(100 * 1024 + 1))).toThrow('Argument too large: value');
      expect(() => cache.put('k'.repeat(251), 'v')).toThrow('Argument too large: key');
    });
  });

  describe('putAll, getAll and removeAll', () => {
    it('returns only the keys found', () => {
      const { emu } = fresh();
      const cache = emu.globals.CacheService.getUserCache();
      cache.putAll({ a: '1', b: '2' }, 100);
      cache.remove('a');
      expect(cache.getAll(['a', 'b', 'c'])).toEqual({ b: '2' });
      cache.removeAll(['b']);
      expect(cache.getAll(['b'])).toEqual({});
    });
  });
});

describe('emulator LockService', () => {
  describe('tryLock and waitLock', () => {
    it('gets a free lock, and all document Lock objects share it', () => {
      const { emu } = fresh();
      const lock = emu.globals.LockService.getDocumentLock();
      expect(lock.tryLock(1000)).toBe(true);
      expect(emu.globals.LockService.getDocumentLock().hasLock()).toBe(true);
      lock.releaseLock();
      expect(lock.hasLock()).toBe(false);
    });

    it('fails when another user holds the lock, after waiting the whole timeout', () => {
      const { emu } = fresh();
      emu.holdDocumentLockElsewhere(true);
      const lock = emu.globals.LockService.getDocumentLock();
      const before = emu.now().getTime();
      expect(lock.tryLock(5000)).toBe(false);
      expect(emu.now().getTime() - before).toBe(5000);
      expect(() => lock.waitLock(10_000)).toThrow('Lock timeout: another process was holding the lock for too long.');
      emu.holdDocumentLockElsewhere(false);
      lock.waitLock(10_000);
      expect(lock.hasLock()).toBe(true);
    });

    it('keeps the script lock free while the document lock is held elsewhere', () => {
      const { emu } = fresh();
      emu.holdDocumentLockElsewhere();
      expect(emu.globals.LockService.getScriptLock().tryLock(0)).toBe(true);
    });

    it('releases held locks when the execution ends', () => {
      const { emu } = fresh();
      const lock = emu.globals.LockService.getUserLock();
      lock.waitLock(100);
      emu.endExecution();
      expect(lock.hasLock()).toBe(false);
    });
  });
});
