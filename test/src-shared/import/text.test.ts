import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  cleanLabel,
  cleanOptional,
  cleanText,
  foldKey,
  foldWords,
  looksLikeDate,
  lowerCased,
  withoutMojibake,
} from '../../../src-shared/import/text';
import { decodeSingleByte } from '../../../src-shared/import/read/text';

describe('cleanText', () => {
  it.each([
    ['  Jane   Doe ', 'Jane Doe'],
    ['Jane\tDoe\r\nSmith', 'Jane Doe Smith'],
    ['\u00A0Acme\u00A0Corp\u3000', 'Acme Corp'],
    ['Ja\u200Bne', 'Jane'],
    ['\uFEFFemail', 'email'],
    ['soft\u00ADhyphen', 'softhyphen'],
    ['word\u2060joiner\u200C\u200D', 'wordjoiner'],
    ['Jose\u0301', 'Jos\u00E9'], // NFD -> NFC
    ['e\u200B\u0301', '\u00E9'], // a zero-width space between letter and accent
    ['Ren&eacute; Smith &amp; Co', 'Ren\u00E9 Smith & Co'], // HTML entities a scraper left, read and composed
    ['Acme&nbsp;&nbsp;Corp', 'Acme Corp'],
    ['=cmd|" /C calc"!A0', '=cmd|" /C calc"!A0'], // formula-looking text is data, kept verbatim
    ['+44 20 7946 0000', '+44 20 7946 0000'],
    ['@handle', '@handle'],
    ['王小明', '王小明'],
    // Letters styled by their code points, as LinkedIn headlines and Japanese full-width text write them.
    ['𝐂𝐄𝐎 & 𝐅𝐨𝐮𝐧𝐝𝐞𝐫', 'CEO & Founder'],
    ['𝘼𝘾𝙈𝙀 𝟮𝟬𝟮𝟰', 'ACME 2024'],
    ['𝐽𝑜ℎ𝑛', 'John'], // the math italic h is the letter-like ℎ
    ['Ⓐcme', 'Acme'],
    ['ｔａｒｏ＠ｅｘａｍｐｌｅ．ｊｐ', 'taro@example.jp'],
    ['ＡＢＣ株式会社', 'ABC株式会社'],
    ['𝐞\u0301', '\u00E9'], // folded, then composed with its accent
    ['Oﬃce™ ½', 'Oﬃce™ ½'], // ligatures and symbols are no styled letters
    // Small capitals and boxed letters, which NFKC leaves as they are, read as the capitals they show.
    ['ᴊᴀɴᴇ ᴅᴏᴇ', 'JANE DOE'],
    ['Jᴀɴᴇ Dᴏᴇ, ꜰᴏᴜɴᴅᴇʀ', 'JANE DOE, FOUNDER'],
    ['🄰🄲🄼🄴 🅘🅝🅒', 'ACME INC'],
    ['🅰️🅱️🅲', 'ABC'], // with and without the emoji selector
    ['ꞮƦA', 'IRA'], // the two small capitals with a capital of their own: casing makes them small again
    ['', ''],
    ['   ', ''],
  ])('%j -> %j', (input, expected) => {
    expect(cleanText(input)).toBe(expected);
  });

  it('is idempotent', () => {
    fc.assert(fc.property(fc.string({ unit: 'grapheme' }), (s) => cleanText(cleanText(s)) === cleanText(s)));
    fc.assert(fc.property(fc.string({ unit: 'binary' }), (s) => cleanText(cleanText(s)) === cleanText(s)));
  });
});

describe('withoutMojibake: UTF-8 that was read as Windows-1252 on its way to the file', () => {
  it.each([
    ['JosÃ© GarcÃ­a', 'José García'],
    ['FranÃ§ois MÃ¼ller', 'François Müller'],
    ['Ã‰lodie', 'Élodie'],
    ['Donâ€™t', 'Don’t'],
    ['Acme â€“ Paris', 'Acme – Paris'],
    ['Don\u00e2\u0080\u0099t', 'Don’t'], // read as Latin-1: the C1 controls stand for their bytes
    ['JosÃƒÂ©', 'José'], // the wrong way twice
    ['ç”°ä¸­', '田中'],
  ])('%s is %s', (value, expected) => {
    expect(withoutMojibake(value)).toBe(expected);
    expect(cleanText(value)).toBe(expected);
  });

  it.each(['SÃO PAULO', 'JOÃO', 'José GarcÃ­a', 'Ãrpád', 'Â', 'Café', '50 € – 3 × 2'])(
    'leaves %s as it is: not all of it reads back as UTF-8',
    (value) => {
      expect(withoutMojibake(value)).toBe(value);
    },
  );

  it('reads back any text that went through UTF-8 read as Windows-1252', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', minLength: 1 }), (original) => {
        fc.pre(withoutMojibake(original) === original);
        const garbled = decodeSingleByte(new TextEncoder().encode(original), 'windows-1252');
        expect(withoutMojibake(garbled)).toBe(original);
      }),
    );
  });
});

describe('cleanOptional', () => {
  it('turns empty text into null', () => {
    expect(cleanOptional('  \u200B ')).toBeNull();
    expect(cleanOptional(undefined)).toBeNull();
    expect(cleanOptional(' x ')).toBe('x');
  });

  it.each([
    'N/A',
    'n/a',
    ' #N/A ',
    'N/D', // "non disponible", "no disponible"
    '-',
    '—',
    'NULL',
    'None',
    'unknown',
    'TBD',
    '#REF!',
    '#SPILL!',
    '#GETTING_DATA',
  ])('reads %j as no value', (placeholder) => {
    expect(cleanOptional(placeholder)).toBeNull();
  });

  it.each(['NA', 'Na', 'Acme-', 'None Ltd', '0'])('keeps %j, which can be a value', (value) => {
    expect(cleanOptional(value)).toBe(value);
  });
});

describe('cleanLabel (job titles and company names)', () => {
  it.each([
    ['Founder 🚀', 'Founder'],
    ['🇫🇷 Country Manager', 'Country Manager'],
    ['Head of Growth 👩🏽‍💻 & Ops', 'Head of Growth & Ops'],
    ['Acme™', 'Acme'],
    ['🚀', null],
    ['- 🚀', null],
    ['VP Sales | EMEA', 'VP Sales | EMEA'],
    ['株式会社アクメ', '株式会社アクメ'],
    ['Café Müller', 'Café Müller'],
    ['"Acme"', 'Acme'], // quoted twice by the export
    ['\u201cAcme Corp\u201d ', 'Acme Corp'],
    ['" Head of Sales 🚀 "', 'Head of Sales'],
    ['""', null],
    ['"N/A"', null],
    ['The "Acme" Company', 'The "Acme" Company'],
    ['"Acme" and "Beta"', '"Acme" and "Beta"'],
    ["'McDonald's'", "McDonald's"], // an apostrophe between letters is the name's own
    ["'Acme' 'Beta'", "'Acme' 'Beta'"],
    ['\'"Acme"\'', 'Acme'], // quoted twice over
    // A profile's hashtags, which an email would repeat ("as Recruiter #hiring at Acme").
    ['Recruiter #hiring', 'Recruiter'],
    ['#OpenToWork Sales Manager #sales_ops', 'Sales Manager'],
    ['"Recruiter #hiring"', 'Recruiter'],
    ['Acme #hiring', 'Acme'],
    ['C# Developer', 'C# Developer'], // no hashtag
    ['#1 Realtor', '#1 Realtor'],
    ['#paid', '#paid'], // all there is of it
  ])('%j -> %j', (raw, expected) => {
    expect(cleanLabel(raw)).toBe(expected);
  });

  it('is idempotent', () => {
    const piece = fc.constantFrom(
      'CEO',
      ' ',
      '🚀',
      '🇫🇷',
      '🏽',
      '\u200d',
      '\ufe0f',
      '\u20e3',
      '1',
      '©',
      '-',
      'N/A',
      'e',
      '\u0301',
      '™',
      '"',
      '\u201c',
      "'",
      '\u2019',
      '#',
      '#a',
    );
    fc.assert(
      fc.property(
        fc.oneof(
          fc.array(piece).map((a) => a.join('')),
          fc.string({ unit: 'grapheme' }),
        ),
        (s) => {
          const once = cleanLabel(s);
          return once === null || cleanLabel(once) === once;
        },
      ),
    );
  });
});

describe('lowerCased', () => {
  it('gives what toLowerCase gives, for addresses and for any text', () => {
    fc.assert(fc.property(fc.string(), (s) => lowerCased(s) === s.toLowerCase()));
    fc.assert(fc.property(fc.string({ unit: 'binary' }), (s) => lowerCased(s) === s.toLowerCase()));
    expect(lowerCased('Jane.DOE@Acme.com')).toBe('jane.doe@acme.com');
    expect(lowerCased('İSTANBUL.Ö')).toBe('i̇stanbul.ö');
  });
});

describe('looksLikeDate', () => {
  it.each([
    '2024-03-01',
    '2024/3/1',
    '3/1/2024',
    '01.03.2024',
    '2023-04-05 10:22:11',
    '2024-03-01T10:22:11.000Z',
    '4/5/2023 10:22 AM',
    '4/5/2023, 10:22:11 pm',
    '01.03.2024 10:22:11 +01:00',
    '2024-03-01 10:22 UTC',
  ])('%j is a date', (value) => {
    expect(looksLikeDate(value)).toBe(true);
  });

  it.each(['', 'true', '2024', '03/2016 - 11/2021', '+1 512 555 0100', '2024-03-01 soon', '10:22'])(
    '%j is not',
    (value) => {
      expect(looksLikeDate(value)).toBe(false);
    },
  );
});

describe('foldKey / foldWords', () => {
  it.each([
    ['E-Mail', 'email'],
    ['Correo electrónico', 'correoelectronico'],
    ['PRÉNOM', 'prenom'],
    ['firstName', 'firstname'],
    ['Größe', 'grosse'],
    ['  Téléfono ', 'telefono'],
  ])('%j -> %j', (input, expected) => {
    expect(foldKey(input)).toBe(expected);
  });

  it('splits camelCase and punctuation into words', () => {
    expect(foldWords('emailStatus')).toEqual(['email', 'status']);
    expect(foldWords('Company LinkedIn-URL')).toEqual(['company', 'linked', 'in', 'url']);
  });
});
