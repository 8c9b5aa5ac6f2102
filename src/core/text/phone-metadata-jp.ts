/** Defines JP_PHONE_PLAN, Japan's phone numbering plan (formats and number types) — generated, do not edit. */
// Generated from libphonenumber-js metadata (Google libphonenumber data) by test/core/text/phone-metadata-jp.test.ts.
// Regenerate: TSUNAGU_WRITE_PHONE_METADATA=1 npx vitest run test/core/text/phone-metadata-jp.test.ts

export interface PhonePlanFormat {
  /** Matches the whole national number (without the leading 0); its groups feed template. */
  readonly pattern: string;
  /** Matches at the start of the national number when this format applies; null: always. */
  readonly leadingDigits: string | null;
  /** Replacement for pattern, national prefix included: '0$1-$2-$3'. */
  readonly template: string;
}

export interface PhonePlanType {
  /** libphonenumber's type name: FIXED_LINE, MOBILE, VOIP, TOLL_FREE, UAN … */
  readonly name: string;
  readonly pattern: string;
  /** National number lengths this type can have. */
  readonly lengths: readonly number[];
}

export interface PhonePlan {
  readonly library: string;
  readonly nationalNumberPattern: string;
  /** In the order libphonenumber tries them; the first that fits wins. */
  readonly formats: readonly PhonePlanFormat[];
  /** In the order libphonenumber tests them (getNumberType); the first that matches wins. */
  readonly types: readonly PhonePlanType[];
}

export const JP_PHONE_PLAN: PhonePlan = {
  "library": "libphonenumber-js 1.13.16 metadata.max.json",
  "nationalNumberPattern": "00[1-9]\\d{6,14}|[25-9]\\d{9}|(?:00|[1-9]\\d\\d)\\d{6}",
  "formats": [
    {
      "pattern": "(\\d{3})(\\d{3})(\\d{3})",
      "leadingDigits": "(?:12|57|99)0",
      "template": "0$1-$2-$3"
    },
    {
      "pattern": "(\\d{4})(\\d)(\\d{4})",
      "leadingDigits": "1(?:267|3(?:7[247]|9[278])|466|5(?:47|58|64)|6(?:3[245]|48|5[4-68]))|499[2468]|5(?:769|979[2-69])|7468|8(?:3(?:8[7-9]|96[2457-9])|477|51[2-9])|9(?:802|9(?:1[23]|69))|1(?:45|58)[67]",
      "template": "0$1-$2-$3"
    },
    {
      "pattern": "(\\d{2})(\\d{3})(\\d{4})",
      "leadingDigits": "60",
      "template": "0$1-$2-$3"
    },
    {
      "pattern": "(\\d)(\\d{4})(\\d{4})",
      "leadingDigits": "3|4(?:2(?:0|9[02-69])|7(?:0[019]|1))|6[1-9]",
      "template": "0$1-$2-$3"
    },
    {
      "pattern": "(\\d{2})(\\d{3})(\\d{4})",
      "leadingDigits": "1(?:1|5(?:4[018]|5[017])|77|88|9[69])|2(?:2[127]|3[0-269]|4[59]|5(?:[1-3]|5[0-69]|9(?:17|99))|6(?:2|4[016-9])|7(?:[1-35]|8[0189])|8(?:[16]|3[0134]|9[0-5])|9(?:[028]|17))|4(?:2(?:[13-79]|8[014-6])|3[0-57]|[45]|6[248]|7[2-47]|9[29])|5(?:2|3(?:[045]|9(?:[0-58]|6[4-9]|7[0-35689]))|4[0-369]|5[29]|8[02389]|9[0-3])|7(?:2[02-46-9]|34|[58]|6[0249]|7[57]|9(?:[23]|4[0-59]|5[01569]|6[0167]))|8(?:2(?:[1258]|4[0-39]|9[0169])|3(?:[29]|60|7(?:[017-9]|6[6-8]))|49|51|6(?:[0-24]|36[2-57-9]|5(?:[0-389]|5[23])|6(?:[01]|9[178])|7(?:2[2-468]|3[78])|9[0145])|7[0-468]|8[68])|9(?:4[15]|5[138]|7[156]|8[189]|9(?:[1289]|3(?:31|4[357])|4[0178]))|(?:8294|96)[1-3]|2(?:57|93)[015-9]|(?:223|8699)[014-9]|(?:25[0468]|422|838)[01]|(?:48|8292|9[23])[1-9]|(?:47[59]|59[89]|8(?:68|9))[019]",
      "template": "0$1-$2-$3"
    },
    {
      "pattern": "(\\d{3})(\\d{2})(\\d{4})",
      "leadingDigits": "[14]|[289][2-9]|5[3-9]|7[2-4679]",
      "template": "0$1-$2-$3"
    },
    {
      "pattern": "(\\d{3})(\\d{3})(\\d{4})",
      "leadingDigits": "800",
      "template": "0$1-$2-$3"
    },
    {
      "pattern": "(\\d{2})(\\d{4})(\\d{4})",
      "leadingDigits": "[25-9]",
      "template": "0$1-$2-$3"
    }
  ],
  "types": [
    {
      "name": "FIXED_LINE",
      "pattern": "(?:1(?:1[235-8]|2[3-6]|3[3-9]|4[2-6]|[58][2-8]|6[2-7]|7[2-9]|9[1-9])|(?:2[2-9]|[36][1-9])\\d|4(?:[2-578]\\d|6[02-8]|9[2-59])|5(?:[2-589]\\d|6[1-9]|7[2-8])|7(?:[25-9]\\d|3[4-9]|4[02-9])|8(?:[2679]\\d|3[2-9]|4[5-9]|5[1-9]|8[03-9])|9(?:[2-58]\\d|[679][1-9]))\\d{6}",
      "lengths": [
        9
      ]
    },
    {
      "name": "MOBILE",
      "pattern": "[6-9]0[1-9]\\d{7}",
      "lengths": [
        10
      ]
    },
    {
      "name": "PREMIUM_RATE",
      "pattern": "990\\d{6}",
      "lengths": [
        9
      ]
    },
    {
      "name": "TOLL_FREE",
      "pattern": "00777(?:[01]|5\\d)\\d\\d|(?:00(?:7778|882[1245])|(?:120|800\\d)\\d\\d)\\d{4}|00(?:37|66|78)\\d{6,13}",
      "lengths": [
        8,
        9,
        10,
        11,
        12,
        13,
        14,
        15,
        16,
        17
      ]
    },
    {
      "name": "VOIP",
      "pattern": "50[1-9]\\d{7}",
      "lengths": [
        10
      ]
    },
    {
      "name": "PERSONAL_NUMBER",
      "pattern": "60\\d{7}",
      "lengths": [
        9
      ]
    },
    {
      "name": "PAGER",
      "pattern": "20\\d{8}",
      "lengths": [
        10
      ]
    },
    {
      "name": "UAN",
      "pattern": "570\\d{6}",
      "lengths": [
        9
      ]
    }
  ]
};
