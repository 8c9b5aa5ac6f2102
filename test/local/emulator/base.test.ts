/** Session, Utilities, Logger and console. */
import { describe, it } from '@jest/globals';
import { expect } from '../../support/expect';
import { Emulator } from '../../../src/local/emulator/index';
import { FIXED_NOW, fresh, tokyo } from './helpers';

describe('emulator Session', () => {
  describe('getActiveUser', () => {
    it('returns the configured user, staff@example.org by default', () => {
      expect(fresh().emu.globals.Session.getActiveUser().getEmail()).toBe('staff@example.org');
      const emu = Emulator.create('x', { userEmail: 'sato@shakyo.example.jp' });
      expect(emu.globals.Session.getEffectiveUser().getEmail()).toBe('sato@shakyo.example.jp');
    });
  });

  describe('time zone and locale', () => {
    it('returns Asia/Tokyo and ja', () => {
      const { Session } = fresh().emu.globals;
      expect([Session.getScriptTimeZone(), Session.getActiveUserLocale()]).toEqual(['Asia/Tokyo', 'ja']);
    });
  });
});

describe('emulator Utilities', () => {
  describe('formatDate', () => {
    it('formats with Java patterns in the time zone asked for', () => {
      const { Utilities } = fresh().emu.globals;
      const date = tokyo(2024, 4, 1, 9, 5, 7);
      expect(Utilities.formatDate(date, 'Asia/Tokyo', 'yyyy-MM-dd HH:mm:ss')).toBe('2024-04-01 09:05:07');
      expect(Utilities.formatDate(date, 'UTC', "yyyy-MM-dd'T'HH:mm:ss'Z'")).toBe('2024-04-01T00:05:07Z');
      expect(Utilities.formatDate(date, 'Asia/Tokyo', 'E, d MMM yyyy h:mm a z XXX')).toBe(
        'Mon, 1 Apr 2024 9:05 AM JST +09:00',
      );
      expect(Utilities.formatDate(date, 'America/New_York', 'yyyy/M/d H:mm Z')).toBe('2024/3/31 20:05 -0400');
      expect(Utilities.formatDate(date, 'GMT+05:30', 'HH:mm')).toBe('05:35');
    });

    it('throws for a pattern letter SimpleDateFormat does not know', () => {
      const { Utilities } = fresh().emu.globals;
      expect(() => Utilities.formatDate(FIXED_NOW, 'Asia/Tokyo', 'yyyy-q')).toThrow("Illegal pattern character 'q'");
    });
  });

  describe('sleep', () => {
    it('advances the emulator clock without waiting', () => {
      const { emu } = fresh();
      emu.globals.Utilities.sleep(120_000);
      expect(emu.now().getTime() - FIXED_NOW.getTime()).toBe(120_000);
    });
  });

  describe('getUuid', () => {
    it('returns distinct version-4 UUIDs, the same sequence in every emulator', () => {
      const first = fresh().emu.globals.Utilities;
      const second = fresh().emu.globals.Utilities;
      const a = [first.getUuid(), first.getUuid()];
      expect(a[0]).not.toBe(a[1]);
      expect(a[0]).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
      expect([second.getUuid(), second.getUuid()]).toEqual(a);
    });
  });

  describe('computeHmacSha256Signature', () => {
    it('signs strings as UTF-8 and bytes as bytes, as signed bytes (RFC 4231 case 2)', () => {
      const { Utilities } = fresh().emu.globals;
      const mac = Utilities.computeHmacSha256Signature('what do ya want for nothing?', 'Jefe');
      const hex = mac.map((b) => ((b + 256) % 256).toString(16).padStart(2, '0')).join('');
      expect(hex).toBe('5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843');
      const bytes = (s: string) => Array.from(Buffer.from(s, 'utf8'), (b) => (b > 127 ? b - 256 : b));
      expect(Utilities.computeHmacSha256Signature(bytes('つなぐ'), bytes('鍵'))).toEqual(
        Utilities.computeHmacSha256Signature('つなぐ', '鍵', Utilities.Charset.UTF_8),
      );
      expect(
        Utilities.computeHmacSignature(Utilities.MacAlgorithm.HMAC_SHA_256, 'what do ya want for nothing?', 'Jefe'),
      ).toEqual(mac);
    });
  });

  describe('computeDigest and base64', () => {
    it('returns signed bytes as Apps Script does', () => {
      const { Utilities } = fresh().emu.globals;
      const digest = Utilities.computeDigest(Utilities.DigestAlgorithm.SHA_256, 'abc');
      expect(digest).toHaveLength(32);
      expect(digest[0]).toBe(-70); // 0xba
      expect(Utilities.base64Encode('つなぐ')).toBe(Buffer.from('つなぐ').toString('base64'));
      expect(Utilities.newBlob('<p>x</p>', 'text/html', 'x.html').getDataAsString()).toBe('<p>x</p>');
      expect(Utilities.formatString('%s は %d 件 (%.1f%%)', '依頼', 12, 33.333)).toBe('依頼 は 12 件 (33.3%)');
    });
  });
});

describe('emulator Logger and console', () => {
  describe('log', () => {
    it('captures every line in emu.logs without printing it', () => {
      const { emu } = fresh();
      emu.globals.Logger.log('件数: %s', 3);
      emu.globals.console.log('読み込み', { rows: 2 });
      emu.globals.console.error('失敗');
      expect(emu.logs).toEqual(['件数: 3', '読み込み {"rows":2}', '失敗']);
      expect(emu.globals.Logger.getLog()).toBe('件数: 3');
    });
  });
});
