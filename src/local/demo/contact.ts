/** Contact details for a Nishitokyo-like city: postal codes by 町名, 丁目-番-号 addresses in the spellings staff use, unique phone numbers and e-mail addresses. */
import { toRomaji } from './people';
import type { Random } from './random';

/**
 * 郵便番号 of Nishitokyo's 町 (the former 田無 side is 188-00xx, the former 保谷 side 202-00xx).
 * Towns not listed get a stable made-up code in the same ranges, so any 設定 list works.
 */
const POSTAL_CODES: Readonly<Record<string, string>> = {
  谷戸町: '188-0001',
  緑町: '188-0002',
  北原町: '188-0003',
  西原町: '188-0004',
  田無町: '188-0011',
  南町: '188-0012',
  向台町: '188-0013',
  芝久保町: '188-0014',
  ひばりが丘: '202-0001',
  ひばりが丘北: '202-0002',
  北町: '202-0003',
  下保谷: '202-0004',
  住吉町: '202-0005',
  栄町: '202-0006',
  泉町: '202-0011',
  東町: '202-0012',
  中町: '202-0013',
  富士町: '202-0014',
  保谷町: '202-0015',
  東伏見: '202-0021',
  柳沢: '202-0022',
  新町: '202-0023',
};

/** How many 丁目 a town has; unknown towns get five. */
const CHOME_COUNT: Readonly<Record<string, number>> = {
  谷戸町: 3,
  緑町: 3,
  北原町: 3,
  西原町: 5,
  田無町: 7,
  南町: 6,
  向台町: 6,
  芝久保町: 5,
  ひばりが丘: 4,
  ひばりが丘北: 4,
  北町: 6,
  下保谷: 5,
  住吉町: 6,
  栄町: 3,
  泉町: 6,
  東町: 6,
  中町: 6,
  富士町: 6,
  保谷町: 6,
  東伏見: 6,
  柳沢: 6,
  新町: 6,
};

/** Neighbouring places, for donors and members who live outside the city. */
export const NEIGHBOUR_PLACES: readonly string[] = [
  '東京都小平市花小金井',
  '東京都東久留米市本町',
  '東京都練馬区関町北',
  '東京都武蔵野市緑町',
  '埼玉県新座市栗原',
  '東京都小金井市梶野町',
  '東京都練馬区大泉学園町',
];

const KANJI_DIGITS = ['〇', '一', '二', '三', '四', '五', '六', '七', '八', '九'];

const BUILDINGS: readonly string[] = [
  'ハイツけやき',
  'コーポさくら',
  'メゾンひばり',
  'グリーンハイツ',
  'パークハウス',
  'サンライズマンション',
  'レジデンス向台',
  'ライオンズマンション',
  'ヴィラ武蔵野',
  'エステート保谷',
];

function stableHash(text: string): number {
  let h = 7;
  for (let i = 0; i < text.length; i++) h = (Math.imul(h, 31) + text.charCodeAt(i)) >>> 0;
  return h;
}

export function postalCodeOf(town: string): string {
  const known = POSTAL_CODES[town];
  if (known) return known;
  const h = stableHash(town);
  return `${h % 2 === 0 ? '188' : '202'}-00${String(1 + (h % 29)).padStart(2, '0')}`;
}

/** An address kept in parts, so a re-registration can spell the same place differently. */
export interface Address {
  readonly city: string;
  readonly town: string;
  readonly chome: number;
  readonly ban: number;
  readonly go: number;
  readonly building: string;
}

/** The spellings staff use for the same address; 'hyphen' is by far the most common. */
export type AddressStyle = 'hyphen' | 'chomeHyphen' | 'chomeBanGo' | 'kanjiChome';

export function randomAddress(rng: Random, city: string, town: string): Address {
  const building = rng.chance(0.12) ? `${rng.pick(BUILDINGS)}${rng.int(1, 5)}0${rng.int(1, 8)}` : '';
  return {
    city,
    town,
    chome: rng.int(1, CHOME_COUNT[town] ?? 5),
    ban: rng.int(1, 28),
    go: rng.int(1, 24),
    building,
  };
}

export function randomAddressStyle(rng: Random): AddressStyle {
  return rng.weighted([
    ['hyphen', 70],
    ['chomeHyphen', 15],
    ['chomeBanGo', 12],
    ['kanjiChome', 3],
  ]);
}

export function formatAddress(a: Address, style: AddressStyle): string {
  const place = `${a.city}${a.town}`;
  const building = a.building ? ` ${a.building}` : '';
  switch (style) {
    case 'hyphen':
      return `${place}${a.chome}-${a.ban}-${a.go}${building}`;
    case 'chomeHyphen':
      return `${place}${a.chome}丁目${a.ban}-${a.go}${building}`;
    case 'chomeBanGo':
      return `${place}${a.chome}丁目${a.ban}番${a.go}号${building}`;
    case 'kanjiChome':
      return `${place}${KANJI_DIGITS[a.chome] ?? a.chome}丁目${a.ban}-${a.go}${building}`;
  }
}

/** A donor's or member's address outside the city: a neighbouring place plus 丁目-番-号. */
export function neighbourAddress(rng: Random): string {
  return `${rng.pick(NEIGHBOUR_PLACES)}${rng.int(1, 5)}-${rng.int(1, 28)}-${rng.int(1, 24)}`;
}

function digits(rng: Random, n: number): string {
  let s = '';
  for (let i = 0; i < n; i++) s += String(rng.int(0, 9));
  return s;
}

/**
 * Hands out phone numbers and e-mail addresses that no one else in the book has, so every shared
 * number in the demo is a planted duplicate and never an accident of the random draw.
 */
export class ContactRegistry {
  private readonly phones = new Set<string>();
  private readonly emails = new Set<string>();

  /** 042-4xx-xxxx is the city's fixed-line range (市外局番 042, 市内局番 4xx). */
  landline(rng: Random): string {
    return this.unique(this.phones, () => `042-4${rng.int(2, 8)}${rng.int(0, 9)}-${digits(rng, 4)}`);
  }

  /** 090/080/070; the second group never starts with 0, as no carrier issues those. */
  mobile(rng: Random): string {
    return this.unique(
      this.phones,
      () => `0${rng.pick(['9', '9', '8', '7'])}0-${rng.int(1, 9)}${digits(rng, 3)}-${digits(rng, 4)}`,
    );
  }

  /** A plausible personal address on the reserved example domains, built from the romaji of the reading. */
  email(rng: Random, familyKana: string, givenKana: string, birthYear: number | undefined): string {
    const family = toRomaji(familyKana) || 'tsunagu';
    const given = toRomaji(givenKana) || 'info';
    const domain = rng.weighted([
      ['example.ne.jp', 4],
      ['example.jp', 3],
      ['example.com', 3],
      ['example.co.jp', 1],
    ]);
    const yy = birthYear === undefined ? digits(rng, 2) : String(birthYear % 100).padStart(2, '0');
    const local = rng.weighted([
      [`${given}.${family}`, 4],
      [`${family}${yy}`, 3],
      [`${given}_${family[0] ?? 'x'}${digits(rng, 3)}`, 2],
      [`${family}.${given}${digits(rng, 2)}`, 2],
    ]);
    return this.unique(this.emails, (attempt) =>
      attempt === 0 ? `${local}@${domain}` : `${local}${attempt + 1}@${domain}`,
    );
  }

  /** A volunteer group's address from the romaji of its name's parts: hidamari.keichou@example.org. */
  groupEmail(rng: Random, prefixKana: string, themeKana: string): string {
    const prefix = toRomaji(prefixKana) || 'group';
    const theme = toRomaji(themeKana);
    const base = rng.weighted([
      [theme ? `${prefix}.${theme}` : prefix, 3],
      [`${prefix}${theme}${rng.chance(0.5) ? '.vg' : '.club'}`, 1],
    ]);
    return this.unique(this.emails, (attempt) => `${base}${attempt === 0 ? '' : attempt + 1}@example.org`);
  }

  private unique(used: Set<string>, make: (attempt: number) => string): string {
    for (let attempt = 0; ; attempt++) {
      const value = make(attempt);
      if (!used.has(value)) {
        used.add(value);
        return value;
      }
    }
  }
}
