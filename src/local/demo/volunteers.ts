/** The ボランティア名簿 generator: individuals and groups with consistent ages, fields, skills, availability and contact details, a few re-registrations, and planted entry mistakes. */
import {
  type Address,
  type AddressStyle,
  type ContactRegistry,
  formatAddress,
  postalCodeOf,
  randomAddress,
  randomAddressStyle,
} from './contact';
import { type BookContext, isNewYearHoliday, monthOf, sampleDays, serial } from './context';
import {
  type DraftRow,
  type MistakeRecipe,
  draftRow,
  katakanaToHalfwidth,
  katakanaToHiragana,
  missingRecipe,
  mistakeCount,
  plantMistakes,
  toFullwidth,
  warekiRecipe,
} from './draft';
import {
  FOREIGN_ROOTED_NAMES,
  type Gender,
  type PersonName,
  fullKana,
  fullName,
  japaneseName,
  surnameVariant,
} from './people';
import { addYears, fiscalYearOf, fromEpochDay, tokyoMidnight, weekdayOf, yearsBetween } from './plain-day';
import type { Random, Weighted } from './random';
import { isWeekdayPart, pickSlots } from './slots';
import type { DemoArea } from './types';
import {
  type Field,
  GROUP_PREFIXES,
  GROUP_SUFFIXES,
  GROUP_THEMES,
  type Language,
  type MultiSeparator,
  type Skill,
  joinMulti,
} from './vocabulary';

export type VolunteerStatus = '活動中' | '休止' | '退会';

/** What the other sheets need to know about a roster entry (requests assign, activities cite). */
export interface Volunteer {
  readonly id: string;
  readonly row: DraftRow;
  readonly isGroup: boolean;
  readonly area: DemoArea;
  readonly fields: readonly string[];
  readonly skills: readonly string[];
  readonly languages: readonly string[];
  readonly status: VolunteerStatus;
  readonly consent: string;
  readonly registered: number;
  readonly gender: Gender | undefined;
  /** Set on a re-registration: the earlier entry of the same person. */
  readonly repeats: Volunteer | undefined;
}

type AgeGroup = 'student' | 'working' | 'senior' | 'elder';

/** Ages today: most volunteers are 60–80, with students and working adults alongside. */
const AGE_BANDS: Weighted<readonly [number, number]> = [
  [[16, 22], 9],
  [[23, 39], 8],
  [[40, 59], 17],
  [[60, 69], 24],
  [[70, 79], 31],
  [[80, 90], 11],
];

function ageGroupOf(age: number): AgeGroup {
  if (age < 23) return 'student';
  if (age < 60) return 'working';
  if (age < 80) return 'senior';
  return 'elder';
}

/** 活動分野 by age: students lean to children and the town, older people to older neighbours and 居場所. */
const FIELD_WEIGHTS: Record<AgeGroup, Weighted<Field>> = {
  student: [
    ['子ども・子育て', 5],
    ['環境・まちづくり', 2],
    ['外国にルーツのある人', 2],
    ['地域の居場所', 1],
    ['障害のある人', 1],
    ['災害支援', 1],
    ['その他', 0.5],
  ],
  working: [
    ['子ども・子育て', 3],
    ['災害支援', 2],
    ['外国にルーツのある人', 2],
    ['障害のある人', 2],
    ['高齢者', 1],
    ['環境・まちづくり', 1],
    ['地域の居場所', 1],
  ],
  senior: [
    ['高齢者', 6],
    ['地域の居場所', 4],
    ['環境・まちづくり', 2],
    ['子ども・子育て', 2],
    ['障害のある人', 1],
    ['災害支援', 1],
    ['その他', 0.5],
  ],
  elder: [
    ['高齢者', 5],
    ['地域の居場所', 4],
    ['その他', 0.5],
  ],
};

const SKILL_WEIGHTS: Record<AgeGroup, Weighted<Skill>> = {
  student: [
    ['パソコン・スマホ', 3],
    ['外国語', 2],
    ['手話', 1],
  ],
  working: [
    ['運転', 5],
    ['パソコン・スマホ', 3],
    ['外国語', 2],
    ['保育士', 1],
    ['看護師', 1],
    ['介護福祉士', 1],
    ['調理', 1],
    ['手話', 1],
    ['要約筆記', 0.5],
  ],
  senior: [
    ['運転', 3],
    ['傾聴', 3],
    ['調理', 3],
    ['介護職員初任者研修', 2],
    ['手話', 1],
    ['点訳', 1],
    ['音訳', 1],
    ['要約筆記', 0.5],
    ['パソコン・スマホ', 1],
    ['外国語', 0.5],
  ],
  elder: [
    ['傾聴', 3],
    ['調理', 2],
    ['点訳', 1],
    ['音訳', 1],
  ],
};

/** Weights, not rules: men in rosters lean to driving and disaster work, women to cooking and childcare. */
const GENDER_BOOST: Record<Gender, Readonly<Partial<Record<Field | Skill, number>>>> = {
  男性: { 運転: 1.5, 災害支援: 2, '環境・まちづくり': 2 },
  女性: { '子ども・子育て': 1.5, 調理: 2, 保育士: 3, 看護師: 3, 地域の居場所: 1.5 },
};

function boosted<T extends Field | Skill>(weights: Weighted<T>, gender: Gender | undefined): Weighted<T> {
  if (!gender) return weights;
  const boost = GENDER_BOOST[gender];
  return weights.map(([v, w]) => [v, w * (boost[v] ?? 1)] as const);
}

const AVAILABILITY: Record<AgeGroup, { days: Weighted<string>; times: Weighted<string> }> = {
  student: {
    days: [
      ['土日', 4],
      ['土', 3],
      ['日', 2],
      ['水', 1],
      ['金', 1],
      ['平日', 1],
    ],
    times: [
      ['午後', 4],
      ['夜間', 3],
      ['終日', 2],
      ['午前', 2],
    ],
  },
  working: {
    days: [
      ['土日', 4],
      ['土', 3],
      ['日', 3],
      ['平日', 3],
      ['月', 1],
      ['火', 1],
      ['水', 1],
      ['木', 1],
      ['金', 1],
    ],
    times: [
      ['夜間', 4],
      ['終日', 2],
      ['午前', 2],
      ['午後', 2],
    ],
  },
  senior: {
    days: [
      ['月', 3],
      ['火', 3],
      ['水', 3],
      ['木', 3],
      ['金', 3],
      ['平日', 2],
      ['土', 1],
      ['日', 0.5],
      ['土日', 0.5],
    ],
    times: [
      ['午前', 5],
      ['午後', 5],
      ['終日', 1],
      ['夜間', 0.2],
    ],
  },
  elder: {
    days: [
      ['月', 3],
      ['火', 3],
      ['水', 3],
      ['木', 3],
      ['金', 3],
      ['平日', 1],
    ],
    times: [
      ['午前', 6],
      ['午後', 4],
    ],
  },
};

/** 活動可能日時 in the grammar staff use: 月午前、水午後、土日終日、平日夜間. */
function availabilityTokens(rng: Random, group: AgeGroup): string[] {
  const { days, times } = AVAILABILITY[group];
  const n = rng.weighted([
    [1, 35],
    [2, 40],
    [3, 25],
  ]);
  // Working adults are free on weekdays only after work.
  return pickSlots(rng, days, n, (day) =>
    group === 'working' && isWeekdayPart(day) && rng.chance(0.8) ? '夜間' : rng.weighted(times),
  );
}

function separator(rng: Random): MultiSeparator {
  return rng.weighted([
    ['、', 88],
    ['・', 6],
    ['\n', 6],
  ]);
}

/** Everything a roster row is rendered from; mutable while duplicates are being arranged. */
interface Entry {
  id: string;
  isGroup: boolean;
  name: string;
  kana: string;
  personName: PersonName | undefined;
  birth: number | undefined;
  gender: Gender | undefined;
  showGender: boolean;
  address: Address;
  addressStyle: AddressStyle;
  area: DemoArea;
  district: string;
  phone: string;
  email: string;
  fields: string[];
  skills: string[];
  languages: string[];
  availability: string[];
  sep: MultiSeparator;
  limit: number | '';
  insurance: number | '';
  consent: string;
  status: VolunteerStatus;
  registered: number;
  note: string;
  repeats: Entry | undefined;
  duplicateKey: 'kana' | 'phone' | undefined;
}

/** Free-text 備考 staff add, each only for the people it fits. */
const NOTES: readonly (readonly [string, readonly AgeGroup[]])[] = [
  ['車での送迎可', ['working', 'senior']],
  ['腰痛のため重い物は不可', ['senior', 'elder']],
  ['平日は仕事のため夜間・週末のみ', ['working']],
  ['元小学校教員', ['senior', 'elder']],
  ['犬アレルギーあり', ['student', 'working', 'senior', 'elder']],
  ['要約筆記も可', ['working', 'senior']],
  ['自宅で電話対応可', ['senior', 'elder']],
  ['大学のボランティアサークル所属', ['student']],
  ['介護の経験あり', ['working', 'senior', 'elder']],
  ['夏季は体調により休止の場合あり', ['senior', 'elder']],
  ['スマホ操作が苦手なので連絡は電話で', ['senior', 'elder']],
];

function noteFor(rng: Random, group: AgeGroup): string {
  if (!rng.chance(0.1)) return '';
  return rng.pick(NOTES.filter(([, groups]) => groups.includes(group)))[0];
}

export function generateVolunteers(ctx: BookContext, contacts: ContactRegistry): Volunteer[] {
  const rng = ctx.stream('volunteers');
  const n = ctx.volunteers;
  const width = Math.max(4, String(n).length);
  const currentFy = fiscalYearOf(ctx.today);

  // Registrations go back 14 years and grow over time; spring is when the training courses run.
  const first = addYears(ctx.today, -14);
  const span = ctx.today - first;
  const days = sampleDays(rng, first, ctx.today, n, (d) => {
    if (isNewYearHoliday(d)) return 0;
    const wd = weekdayOf(d);
    const office = wd === 0 ? 0.05 : wd === 6 ? 0.25 : 1;
    const m = monthOf(d);
    const season = m >= 4 && m <= 6 ? 1.5 : m === 8 ? 0.7 : 1;
    const t = (d - first) / span;
    return office * season * (1 + 4 * t * t);
  });

  const usedKeys = new Set<string>();
  const usedGroupNames = new Set<string>();
  const entries: Entry[] = days.map((registered, i) => {
    const id = serial('V-', i + 1, width);
    const group = rng.chance(0.05) ? groupEntry(rng, ctx, contacts, usedGroupNames) : undefined;
    const entry = group ?? personEntry(rng, ctx, contacts, usedKeys, registered);
    entry.id = id;
    entry.registered = registered;
    settleStatus(rng, entry, ctx.today, currentFy);
    return entry;
  });

  const duplicates = arrangeDuplicates(rng, entries, usedKeys, contacts, currentFy);

  const rows = entries.map((e) => renderRow(e));
  const volunteers: Volunteer[] = [];
  entries.forEach((e, i) => {
    const row = rows[i] as DraftRow;
    const repeats = e.repeats ? volunteers[entries.indexOf(e.repeats)] : undefined;
    volunteers.push({
      id: e.id,
      row,
      isGroup: e.isGroup,
      area: e.area,
      fields: e.fields,
      skills: e.skills,
      languages: e.languages,
      status: e.status,
      consent: e.consent,
      registered: e.registered,
      gender: e.gender,
      repeats,
    });
    if (e.repeats && repeats) {
      row.locked = true;
      repeats.row.locked = true;
      const key = e.duplicateKey === 'kana' ? 'フリガナ' : '電話番号';
      row.mistakes.push({
        column: key,
        kind: 'probableDuplicate',
        note:
          e.duplicateKey === 'kana'
            ? `${repeats.id}と同一人物の可能性（フリガナと生年月日が一致、住所の表記ゆれ）`
            : `${repeats.id}と同一人物の可能性（氏名と電話番号が一致、生年月日が異なる）`,
        expected: '',
        related: repeats.row,
      });
    }
  });

  // About 3–5% of rows carry a mistake, the re-registrations included.
  const count = Math.max(0, mistakeCount(rng, n, 0.03, 0.05) - duplicates);
  plantMistakes(rows, count, ROSTER_RECIPES, rng);
  return volunteers;
}

function personEntry(
  rng: Random,
  ctx: BookContext,
  contacts: ContactRegistry,
  usedKeys: Set<string>,
  registered: number,
): Entry {
  // Nobody registers before 15, so old registrations belong to older people.
  const minAge = 15 + yearsBetween(registered, ctx.today);
  const [low, high] = rng.weighted(AGE_BANDS);
  const age = Math.max(minAge, rng.int(low, high));
  const group = ageGroupOf(age);

  let name: PersonName | undefined;
  let gender: Gender = rng.chance(0.64) ? '女性' : '男性';
  let native: Language | undefined;
  let birth = 0;
  for (let attempt = 0; attempt < 50; attempt++) {
    birth = addYears(ctx.today, -age) - rng.int(1, 364);
    const foreign = age >= 20 && age <= 65 && rng.chance(0.025) ? rng.pick(FOREIGN_ROOTED_NAMES) : undefined;
    if (foreign) {
      name = foreign;
      gender = foreign.gender;
      native = foreign.language;
    } else {
      name = japaneseName(rng, gender, fromEpochDay(birth).year);
      native = undefined;
      if (rng.chance(0.04)) name = { ...name, family: surnameVariant(rng, name.family) ?? name.family };
    }
    const key = `${fullKana(name)}|${birth}`;
    if (!usedKeys.has(key)) {
      usedKeys.add(key);
      break;
    }
  }
  if (!name) throw new Error('demo: could not draw a name');

  const fieldCount = rng.weighted([
    [1, 40],
    [2, 40],
    [3, 20],
  ]);
  const fields = rng.weightedDistinct(boosted(FIELD_WEIGHTS[group], gender), fieldCount);
  const skillCount = rng.weighted([
    [0, 30],
    [1, 35],
    [2, 25],
    [3, 10],
  ]);
  const skills = rng.weightedDistinct(boosted(SKILL_WEIGHTS[group], gender), skillCount);
  const languages: (Language | '日本語')[] = ['日本語'];
  if (native) {
    // People with foreign roots list their first language first and help newcomers like them.
    languages.unshift(native);
    if (!skills.includes('外国語')) skills.push('外国語');
    if (!fields.includes('外国にルーツのある人')) fields.push('外国にルーツのある人');
  } else if (skills.includes('外国語')) {
    languages.push(
      rng.weighted<Language>([
        ['英語', 7],
        ['中国語', 2],
        ['韓国語', 1],
      ]),
    );
  }
  if ((group === 'working' || group === 'senior') && rng.chance(0.04)) languages.push('やさしい日本語');

  const place = ctx.pickPlace(rng);
  const address = randomAddress(rng, ctx.city, place.town);
  const landline = age >= 65 ? 0.65 : age >= 40 ? 0.3 : 0.05;
  const phone = rng.chance(landline) ? contacts.landline(rng) : contacts.mobile(rng);
  const emailShare = age < 40 ? 0.55 : age < 65 ? 0.45 : age < 75 ? 0.25 : 0.1;
  const email = rng.chance(emailShare)
    ? contacts.email(rng, name.familyKana, name.givenKana, fromEpochDay(birth).year)
    : '';

  return {
    id: '',
    isGroup: false,
    name: fullName(name),
    kana: fullKana(name),
    personName: name,
    birth,
    gender,
    showGender: rng.chance(0.92),
    address,
    addressStyle: randomAddressStyle(rng),
    area: place.area,
    district: place.district,
    phone,
    email,
    fields,
    skills,
    languages,
    availability: availabilityTokens(rng, group),
    sep: separator(rng),
    limit: monthlyLimit(rng),
    insurance: '',
    consent: consent(rng),
    status: '活動中',
    registered: 0,
    note: noteFor(rng, group),
    repeats: undefined,
    duplicateKey: undefined,
  };
}

function groupEntry(rng: Random, ctx: BookContext, contacts: ContactRegistry, used: Set<string>): Entry | undefined {
  for (let attempt = 0; attempt < 30; attempt++) {
    const [prefix, prefixKana] = rng.pick(GROUP_PREFIXES);
    const theme = rng.pick(GROUP_THEMES);
    const [suffix, suffixKana] = rng.pick(GROUP_SUFFIXES);
    const name = prefix + theme.word + suffix;
    if (used.has(name)) continue;
    used.add(name);
    const kana = prefixKana + theme.kana + suffixKana;
    const fields =
      theme.fields.length > 0 ? [...theme.fields] : rng.weightedDistinct(FIELD_WEIGHTS.senior, rng.int(1, 2));
    const place = ctx.pickPlace(rng);
    const leader = japaneseName(rng, rng.chance(0.6) ? '女性' : '男性', fromEpochDay(ctx.today).year - rng.int(50, 80));
    return {
      id: '',
      isGroup: true,
      name,
      kana,
      personName: undefined,
      birth: undefined,
      gender: undefined,
      showGender: false,
      address: randomAddress(rng, ctx.city, place.town),
      addressStyle: randomAddressStyle(rng),
      area: place.area,
      district: place.district,
      phone: rng.chance(0.6) ? contacts.mobile(rng) : contacts.landline(rng),
      email: rng.chance(0.5) ? contacts.groupEmail(rng, prefixKana, theme.kana) : '',
      fields,
      skills: [...theme.skills],
      languages: theme.word === '国際交流' ? ['日本語', '英語', 'やさしい日本語'] : ['日本語'],
      availability: availabilityTokens(rng, rng.chance(0.5) ? 'senior' : 'working'),
      sep: separator(rng),
      limit: rng.weighted<number | ''>([
        [6, 3],
        [4, 2],
        ['', 2],
      ]),
      insurance: '',
      consent: 'はい',
      status: '活動中',
      registered: 0,
      note: `代表：${fullName(leader)}${rng.chance(0.4) ? `（会員${rng.int(5, 40)}名）` : ''}`,
      repeats: undefined,
      duplicateKey: undefined,
    };
  }
  return undefined;
}

function monthlyLimit(rng: Random): number | '' {
  return rng.weighted<number | ''>([
    [4, 45],
    [2, 14],
    [3, 14],
    [1, 5],
    [5, 5],
    [6, 5],
    ['', 12],
  ]);
}

function consent(rng: Random): string {
  return rng.weighted([
    ['はい', 92],
    ['いいえ', 4],
    ['', 4],
  ]);
}

/** Long-registered people have more often paused or left; the insurance year follows the status. */
function settleStatus(rng: Random, e: Entry, today: number, currentFy: number): void {
  const years = yearsBetween(e.registered, today);
  const [active, paused] = years > 5 ? [65, 18] : years >= 2 ? [78, 13] : [90, 7];
  e.status = rng.weighted<VolunteerStatus>([
    ['活動中', active],
    ['休止', paused],
    ['退会', 100 - active - paused],
  ]);
  const registeredFy = fiscalYearOf(e.registered);
  if (e.status === '活動中') {
    // Most renew the ボランティア活動保険 every April; a few have let it lapse.
    e.insurance = rng.weighted<number | ''>([
      [currentFy, 88],
      [Math.max(registeredFy, currentFy - 1), 8],
      ['', 4],
    ]);
    if (e.insurance !== currentFy && e.insurance !== '' && rng.chance(0.3) && !e.note)
      e.note = '保険未更新（案内送付済）';
  } else {
    e.insurance = rng.chance(0.85) ? rng.int(registeredFy, Math.max(registeredFy, currentFy - 1)) : '';
  }
}

/**
 * Turns a few later entries into re-registrations of earlier people: the same reading and birth
 * date under a 異体字 or another address spelling, or the same name and phone with a mistyped
 * birth date. Returns how many were made.
 */
function arrangeDuplicates(
  rng: Random,
  entries: Entry[],
  usedKeys: Set<string>,
  contacts: ContactRegistry,
  currentFy: number,
): number {
  const n = entries.length;
  if (n < 40) return 0;
  const wanted = Math.max(1, Math.round(n * rng.range(0.006, 0.012)));
  const involved = new Set<Entry>();
  let made = 0;
  for (const slotIndex of rng.shuffle(entries.map((_, i) => i).filter((i) => i >= Math.ceil(n / 3)))) {
    if (made >= wanted) break;
    const slot = entries[slotIndex] as Entry;
    if (involved.has(slot)) continue;
    let original: Entry | undefined;
    for (let attempt = 0; attempt < 30 && !original; attempt++) {
      const candidate = entries[rng.int(0, slotIndex - 1)] as Entry;
      if (
        !candidate.isGroup &&
        !involved.has(candidate) &&
        candidate.registered < slot.registered &&
        candidate.personName
      ) {
        original = candidate;
      }
    }
    if (!original || !original.personName || original.birth === undefined) continue;
    involved.add(slot);
    involved.add(original);

    const byKana = rng.chance(0.6);
    let birth = original.birth;
    if (!byKana) {
      birth = mistypedBirth(original.birth);
      if (usedKeys.has(`${original.kana}|${birth}`)) birth = original.birth - 1;
    }
    usedKeys.add(`${original.kana}|${birth}`);
    const family = rng.chance(0.7)
      ? (surnameVariant(rng, original.personName.family) ?? original.personName.family)
      : original.personName.family;
    const styles: AddressStyle[] = ['hyphen', 'chomeHyphen', 'chomeBanGo', 'kanjiChome'];
    const otherStyle = rng.pick(styles.filter((s) => s !== original.addressStyle));

    Object.assign(slot, {
      isGroup: false,
      name: `${family} ${original.personName.given}`,
      kana: original.kana,
      personName: { ...original.personName, family },
      birth,
      gender: original.gender,
      showGender: original.showGender,
      address: original.address,
      addressStyle: byKana ? otherStyle : original.addressStyle,
      area: original.area,
      district: original.district,
      phone: byKana && rng.chance(0.5) ? contacts.mobile(rng) : original.phone,
      email: rng.chance(0.5) ? original.email : '',
      fields: [...original.fields],
      skills: [...original.skills],
      languages: [...original.languages],
      consent: 'はい',
      status: '活動中',
      insurance: currentFy,
      note: '',
      repeats: original,
      duplicateKey: byKana ? 'kana' : 'phone',
    } satisfies Partial<Entry>);
    // Often the earlier registration had lapsed, which is why the person signed up again.
    if (rng.chance(0.6)) original.status = rng.chance(0.5) ? '退会' : '休止';
    made++;
  }
  return made;
}

/** 1948-05-01 typed as 1948-01-05, or a year off when day and month cannot be swapped. */
function mistypedBirth(birth: number): number {
  const d = fromEpochDay(birth);
  if (d.day <= 12 && d.day !== d.month) {
    return Math.floor(Date.UTC(d.year, d.day - 1, d.month) / 86_400_000);
  }
  return addYears(birth, 1);
}

function renderRow(e: Entry): DraftRow {
  return draftRow({
    登録番号: e.id,
    氏名: e.name,
    フリガナ: e.kana,
    生年月日: e.birth === undefined ? '' : tokyoMidnight(e.birth),
    性別: e.gender && e.showGender ? e.gender : '',
    郵便番号: postalCodeOf(e.address.town),
    住所: formatAddress(e.address, e.addressStyle),
    圏域: e.area.name,
    地区: e.district,
    電話番号: e.phone,
    メール: e.email,
    種別: e.isGroup ? '団体' : '個人',
    活動分野: joinMulti(e.fields, e.sep),
    '資格・特技': joinMulti(e.skills, e.sep),
    対応言語: joinMulti(e.languages, e.sep),
    活動可能日時: joinMulti(e.availability, e.sep),
    月間上限: e.limit,
    保険加入年度: e.insurance,
    個人情報同意: e.consent,
    状態: e.status,
    登録日: tokyoMidnight(e.registered),
    備考: e.note,
  });
}

// ---- the roster's planted mistakes ----------------------------------------------------------------

const PHONE_RE = /^0\d{1,4}-\d{1,4}-\d{4}$/;

const ROSTER_RECIPES: readonly MistakeRecipe[] = [
  {
    kind: 'fullwidthDigits',
    column: '電話番号',
    applies: (row) => typeof row.cells['電話番号'] === 'string' && PHONE_RE.test(row.cells['電話番号']),
    apply: (row) => {
      const clean = row.cells['電話番号'] as string;
      row.cells['電話番号'] = toFullwidth(clean);
      return { note: `電話番号を全角で入力（${clean}）` };
    },
  },
  {
    kind: 'fullwidthDigits',
    column: '郵便番号',
    applies: (row) => row.cells['郵便番号'] !== '',
    apply: (row) => {
      const clean = row.cells['郵便番号'] as string;
      row.cells['郵便番号'] = toFullwidth(clean);
      return { note: `郵便番号を全角で入力（${clean}）` };
    },
  },
  warekiRecipe('生年月日', ['kanji', 'kanji', 'letterDot']),
  warekiRecipe('登録日', ['kanji', 'letterDot', 'letterSlash']),
  {
    kind: 'hiraganaFurigana',
    column: 'フリガナ',
    applies: (row) => /[ァ-ヶ]/.test(row.cells['フリガナ'] as string),
    apply: (row) => {
      const clean = row.cells['フリガナ'] as string;
      row.cells['フリガナ'] = katakanaToHiragana(clean);
      return { note: `フリガナをひらがなで入力（${clean}）` };
    },
  },
  {
    kind: 'halfwidthKatakana',
    column: 'フリガナ',
    applies: (row) => /[ァ-ヶ]/.test(row.cells['フリガナ'] as string),
    apply: (row) => {
      const clean = row.cells['フリガナ'] as string;
      row.cells['フリガナ'] = katakanaToHalfwidth(clean);
      return { note: `フリガナを半角カナで入力（${clean}）` };
    },
  },
  missingRecipe('氏名'),
  missingRecipe('電話番号'),
  {
    kind: 'phoneFormat',
    column: '電話番号',
    applies: (row) => typeof row.cells['電話番号'] === 'string' && PHONE_RE.test(row.cells['電話番号']),
    apply: (row, rng) => {
      const clean = row.cells['電話番号'] as string;
      const how = rng.weighted<'noHyphen' | 'shortDigit' | 'longDash' | 'minus'>([
        ['noHyphen', 4],
        ['shortDigit', 2],
        ['longDash', 2],
        ['minus', 1],
      ]);
      const spoiled =
        how === 'noHyphen'
          ? clean.replace(/-/g, '')
          : how === 'shortDigit'
            ? clean.slice(0, -1)
            : clean.replace(/-/g, how === 'longDash' ? 'ー' : '−');
      row.cells['電話番号'] = spoiled;
      const what = {
        noHyphen: 'ハイフンなし',
        shortDigit: '桁不足',
        longDash: 'ハイフンを長音記号「ー」で入力',
        minus: 'ハイフンを「−」で入力',
      }[how];
      return { note: `電話番号の形式（${what}）：正しくは${clean}` };
    },
  },
  {
    kind: 'postalFormat',
    column: '郵便番号',
    applies: (row) => row.cells['郵便番号'] !== '',
    apply: (row, rng) => {
      const clean = row.cells['郵便番号'] as string;
      const how = rng.weighted<'noHyphen' | 'mark' | 'longDash'>([
        ['noHyphen', 4],
        ['mark', 3],
        ['longDash', 1],
      ]);
      row.cells['郵便番号'] =
        how === 'noHyphen' ? clean.replace('-', '') : how === 'mark' ? `〒${clean}` : clean.replace('-', 'ー');
      const what = { noHyphen: 'ハイフンなし', mark: '〒つき', longDash: 'ハイフンを長音記号「ー」で入力' }[how];
      return { note: `郵便番号の形式（${what}）：正しくは${clean}` };
    },
  },
];
