import { describe, it } from '@jest/globals';
import { expect } from '../support/expect';
import {
  DICTIONARY,
  joinList,
  LANG_STORAGE_KEY,
  LANGS,
  messageOf,
  pickMessage,
  readLang,
  t,
  writeLang,
  type LangStore,
  type MessageKey,
} from '../../src/ui/i18n';

/** Every dictionary key: Japanese is the reference. */
const KEYS = Object.keys(DICTIONARY.ja) as MessageKey[];

const placeholders = (text: string): string[] => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1] ?? '').sort();

describe('i18n', () => {
  describe('dictionary', () => {
    it('has a non-empty Japanese and English text for every key', () => {
      for (const lang of LANGS) {
        const dictionary = DICTIONARY[lang];
        expect(Object.keys(dictionary).sort()).toEqual(KEYS.sort());
        for (const key of KEYS) {
          const text = dictionary[key];
          expect(typeof text, `${lang} ${key}`).toBe('string');
          expect(text?.trim(), `${lang} ${key}`).not.toBe('');
        }
      }
    });

    it('uses the same {placeholders} in both languages', () => {
      for (const key of KEYS) {
        expect(placeholders(DICTIONARY.en[key] ?? ''), key).toEqual(placeholders(DICTIONARY.ja[key] ?? ''));
      }
    });

    it('writes the Japanese texts in Japanese and the English ones without kana', () => {
      const kana = /[\u3040-\u30ff]/;
      // The toggle is the one entry that names the other language in that language.
      const crossLanguage = new Set(['lang.switch', 'lang.switchTitle', 'list.separator', 'list.dot', 'app.name']);
      for (const key of KEYS) {
        if (crossLanguage.has(key)) continue;
        expect(kana.test(DICTIONARY.en[key] ?? ''), `en ${key}`).toBe(false);
      }
      expect(t('ja', 'section.setup')).toBe('シート準備');
      expect(t('ja', 'section.summary')).toBe('指標サマリー');
    });

    it('names each capability the way staff say it', () => {
      expect(
        ['setup', 'validate', 'match', 'survey', 'summary'].map((id) => t('ja', `section.${id}` as MessageKey)),
      ).toEqual(['シート準備', '検証', 'マッチング', 'アンケート', '指標サマリー']);
      expect(t('ja', 'setup.create')).toBe('不足しているシートを作成');
      expect(t('ja', 'mapping.save')).toBe('この対応で確定');
      expect(t('ja', 'mapping.reset')).toBe('自動検出に戻す');
      expect(t('ja', 'mapping.unused')).toBe('（使わない）');
      expect(t('ja', 'progress.working')).toBe('処理中…');
      expect(t('ja', 'sheet.confirmed')).toBe('確認済み');
    });

    it('uses the マッチング wording staff were promised', () => {
      expect(t('ja', 'match.about')).toBe(
        'ボランティアと依頼を、条件（資格・言語・地区・時間・保険・上限）を守ったうえで、全体として最も多く・最も良く組み合わせます。',
      );
      expect(t('ja', 'match.run')).toBe('マッチングを実行');
      expect(t('ja', 'match.confirmRun')).toBe(
        'マッチング結果と不足分析のシートを作り直します（承認・指定・メモの列は引き継ぎます）',
      );
      expect(t('ja', 'match.filled', { filled: 12, total: 15 })).toBe('充足 12/15 人分');
      expect(t('ja', 'match.candidates', { n: 48 })).toBe('候補の組み合わせ 48');
      expect([
        t('ja', 'match.pinned'),
        t('ja', 'match.approvedBadge'),
        t('ja', 'match.unpin'),
        t('ja', 'match.exclude'),
      ]).toEqual(['固定', '承認済み', '固定を外す', '除外']);
      expect(t('ja', 'match.restore')).toBe('除外を取り消す');
      expect(t('ja', 'match.shortOnly')).toBe('不足のある依頼だけ表示');
      expect(t('ja', 'match.commit')).toBe('承認した組み合わせを確定');
      expect(t('ja', 'match.confirmCommit', { n: 3 })).toBe(
        '承認した3組を依頼シートに書き込みます（担当ボランティアを追加し、状態を紹介済にします）。元に戻すで取り消せます',
      );
      expect(t('ja', 'match.runAgain')).toBe('もう一度マッチング');
    });
  });

  describe('t', () => {
    it('fills {placeholders} from params', () => {
      expect(t('ja', 'sheet.rows', { n: 12 })).toBe('データ 12 行');
      expect(t('en', 'sheet.rows', { n: 12 })).toBe('12 data rows');
    });

    it('groups the digits of counts, as Sheets shows numbers', () => {
      expect(t('ja', 'sheet.rows', { n: 6341 })).toBe('データ 6,341 行');
      expect(t('en', 'validate.value', { value: 20241 })).toBe('Value: 20241');
    });

    it('leaves a placeholder without a param as it is', () => {
      expect(t('en', 'sheet.rows')).toBe('{n} data rows');
      expect(t('en', 'sheet.rows', {})).toBe('{n} data rows');
    });

    it('inserts a param that looks like a placeholder or markup literally', () => {
      expect(t('en', 'setup.created', { names: '{n} <b>x</b> $&' })).toBe('Created: {n} <b>x</b> $&');
    });
  });

  describe('messageOf', () => {
    it('gives both languages of one key', () => {
      expect(messageOf('rpc.transport')).toEqual({
        ja: 'サーバーとの通信に失敗しました。もう一度お試しください。',
        en: 'Could not reach the server. Please try again.',
      });
    });
  });

  describe('pickMessage', () => {
    it('shows a server message in the current language', () => {
      const message = { ja: 'シートがありません', en: 'No sheet' };
      expect(pickMessage(message, 'ja')).toBe('シートがありません');
      expect(pickMessage(message, 'en')).toBe('No sheet');
    });

    it('falls back to the other language when one text is empty', () => {
      expect(pickMessage({ ja: '日本語だけ', en: '' }, 'en')).toBe('日本語だけ');
      expect(pickMessage({ ja: '', en: 'English only' }, 'ja')).toBe('English only');
    });
  });

  describe('joinList', () => {
    it('joins with 、 in Japanese and a comma in English', () => {
      expect(joinList('ja', ['氏名', '電話番号'])).toBe('氏名、電話番号');
      expect(joinList('en', ['Name', 'Phone'])).toBe('Name, Phone');
    });
  });

  describe('readLang / writeLang', () => {
    const memoryStore = (): LangStore & { data: Map<string, string> } => {
      const data = new Map<string, string>();
      return { data, getItem: (key) => data.get(key) ?? null, setItem: (key, value) => void data.set(key, value) };
    };
    const throwingStore: LangStore = {
      getItem: () => {
        throw new Error('SecurityError');
      },
      setItem: () => {
        throw new Error('SecurityError');
      },
    };

    it('starts in Japanese when nothing is remembered', () => {
      expect(readLang(memoryStore())).toBe('ja');
      expect(readLang(null)).toBe('ja');
    });

    it('remembers the choice', () => {
      const store = memoryStore();
      writeLang(store, 'en');
      expect(store.data.get(LANG_STORAGE_KEY)).toBe('en');
      expect(readLang(store)).toBe('en');
    });

    it('ignores a remembered value that is not a language', () => {
      const store = memoryStore();
      store.setItem(LANG_STORAGE_KEY, 'fr');
      expect(readLang(store)).toBe('ja');
    });

    it('keeps working when storage throws (sandboxed iframe)', () => {
      expect(readLang(throwingStore)).toBe('ja');
      expect(() => writeLang(throwingStore, 'en')).not.toThrow();
      expect(() => writeLang(null, 'en')).not.toThrow();
    });
  });
});
