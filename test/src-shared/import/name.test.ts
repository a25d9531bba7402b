import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  cleanPersonName,
  fullNameInOrder,
  greetsByName,
  joinName,
  namesCompanyOrGroup,
  namesNoPerson,
  splitFullName,
} from '../../../src-shared/import/name';

describe('splitFullName', () => {
  it.each([
    ['Jane Doe', 'Jane', 'Doe'],
    ['Doe, Jane', 'Jane', 'Doe'],
    ['Doe, Jane Marie', 'Jane', 'Doe'],
    ['Jane Marie Doe', 'Jane', 'Doe'],
    ['John F. Kennedy', 'John', 'Kennedy'],
    ['Ludwig van der Rohe', 'Ludwig', 'van der Rohe'],
    ['Maria de la Cruz', 'Maria', 'de la Cruz'],
    // Vietnamese, family name first: the person is greeted by the name written last.
    ['Nguyen Van An', 'An', 'Nguyen'],
    ['Nguyễn Văn An', 'An', 'Nguyễn'],
    ['Trần Thị Mai', 'Mai', 'Trần'],
    ['Đặng Văn Lâm', 'Lâm', 'Đặng'],
    ['An Nguyen', 'An', 'Nguyen'],
    ['Nguyen Tran', 'Nguyen', 'Tran'],
    ['NGUYEN Van An', 'An', 'Nguyen'], // in capitals, as French lists write it: still greeted "An"
    ['TRẦN Thị Mai', 'Mai', 'Trần'],
    ['Dr. Jane Doe', 'Jane', 'Doe'],
    ['Mr John Smith', 'John', 'Smith'],
    ['Prof. Dr. Hans Müller', 'Hans', 'Müller'],
    ['Dr. Doe', null, 'Doe'], // addressed by the family name, as "Doe, Dr." is
    ['Doe, Dr.', null, 'Doe'],
    // The academic and professional titles of German, Austrian, Czech, Italian and Dutch lists: no one
    // is greeted "Hi Med." or "Hi Dipl.-Ing.".
    ['Dr. med. Hans Müller', 'Hans', 'Müller'],
    ['Prof. Dr.-Ing. Hans Müller', 'Hans', 'Müller'],
    ['Prof. Dr. Dr. h.c. mult. Hans Müller', 'Hans', 'Müller'],
    ['Dipl.-Kfm. Hans Müller', 'Hans', 'Müller'],
    ['Mag. Anna Huber', 'Anna', 'Huber'],
    ['Ing. Petr Novák', 'Petr', 'Novák'],
    ['JUDr. Jana Nováková', 'Jana', 'Nováková'],
    ['Dott.ssa Maria Rossi', 'Maria', 'Rossi'],
    ['Ir. Jan de Vries', 'Jan', 'de Vries'],
    ['Müller, Dr. rer. nat. Hans', 'Hans', 'Müller'],
    ['Mag Jones', 'Mag', 'Jones'], // without the dot, a name
    ['Med Ali', 'Med', 'Ali'], // a field only after a doctor's title
    // Names said with the word after their first: "Abdul" (servant of) is never said alone, and "Md."
    // (Muhammad, as Bangladeshi names write it) comes before the name the person is called by.
    ['Abdul Rahman Ali', 'Abdul Rahman', 'Ali'],
    ['Ali, Abdul Rahman', 'Abdul Rahman', 'Ali'],
    ['Abdel Aziz Mohamed', 'Abdel Aziz', 'Mohamed'],
    ['Md. Rahim Uddin', 'Rahim', 'Uddin'],
    ['Uddin, Md. Rahim', 'Rahim', 'Uddin'],
    ['Mohd Faizal Ahmad', 'Faizal', 'Ahmad'],
    ['Md Rahim', 'Md', 'Rahim'], // nothing after to tell the family name by
    ['jANE dOE', 'Jane', 'Doe'], // typed with Caps Lock on
    // A family name given at birth after the name: the one to write to comes before it.
    ['Jane Doe née Smith', 'Jane', 'Doe'],
    ['Anna Müller geb. Schmidt', 'Anna', 'Müller'],
    ['Jane Nee', 'Jane', 'Nee'], // "Nee" is also a family name
    ['Jane Doe, PhD', 'Jane', 'Doe'],
    ['John Smith Jr.', 'John', 'Smith'],
    ['Smith Jr., John', 'John', 'Smith'],
    ['JANE DOE', 'Jane', 'Doe'],
    ['Jean DUPONT', 'Jean', 'Dupont'],
    ['DUPONT Jean', 'Jean', 'Dupont'],
    ["jean-luc o'neil", 'Jean-Luc', "O'Neil"],
    ['Иван Петров', 'Иван', 'Петров'],
    ['Γιώργος Παπαδόπουλος', 'Γιώργος', 'Παπαδόπουλος'],
    ['محمد علي', 'محمد', 'علي'],
    ['王小明', '王小明', null],
    ['Madonna', 'Madonna', null],
    ['Jane Doe;', 'Jane', 'Doe'],
    ['Jane Doe (she/her) 🚀', 'Jane', 'Doe'],
    ['Jane Doe | Founder @ Acme', 'Jane', 'Doe'], // an @ in a headline is no address
    ['Jane Doe 🟢 Hiring', 'Jane', 'Doe'],
    ['Jane Doe, CFA, CPA', 'Jane', 'Doe'], // credentials, not "Last, First"
    ['Jane Doe M.Sc.', 'Jane', 'Doe'],
    ['Jane Doe #OpenToWork', 'Jane', 'Doe'],
    ['Jane Doe ✓', 'Jane', 'Doe'],
    ['"Doe, Jane"', 'Jane', 'Doe'], // quoted twice by the export
    // The family name first, in capitals, as French and other exports write it.
    ['DOE Jane', 'Jane', 'Doe'],
    ['DUPONT Marie-Claire', 'Marie-Claire', 'Dupont'],
    ['DE LA CRUZ Maria', 'Maria', 'De la Cruz'],
    ['ИВАНОВ Иван Петрович', 'Иван', 'Иванов'],
    ['DOE Jane Jr', 'Jane', 'Doe'],
    ['JJ Abrams', 'JJ', 'Abrams'], // initials before a family name
    ['WU Xiaoming', 'Xiaoming', 'Wu'], // a family name of two letters
    ['NG Wei Ming', 'Wei', 'Ng'],
    // A note in brackets is no part of either name.
    ['Jane Doe (Acme Inc)', 'Jane', 'Doe'],
    ['Jane Doe [CEO]', 'Jane', 'Doe'],
    ['(Acme) Jane Doe', 'Jane', 'Doe'],
    ['Jane Doe - CEO at Acme', 'Jane', 'Doe'],
    // A job after the name with only a space between, which would greet "Hi Jane" but address "Ms Ceo".
    ['Jane Doe CEO', 'Jane', 'Doe'],
    ['John Smith VP Sales', 'John', 'Smith'],
    ['JANE DOE CO-FOUNDER & CTO', 'Jane', 'Doe'],
    ['Jᴀɴᴇ Dᴏᴇ', 'Jane', 'Doe'], // small capitals, as name generators write them
    // Numbers and an @ after the name, which would address "Ms 2" or "Ms Acme".
    ['Jane Doe 2', 'Jane', 'Doe'],
    ['Jane Doe +33 6 12 34 56 78', 'Jane', 'Doe'],
    ['Jane Doe @ Acme', 'Jane', 'Doe'],
    ['Jane Doe 3rd', 'Jane', 'Doe'],
    ['Jane Doe <jane@acme.com>', 'Jane', 'Doe'],
    ['', null, null],
  ])('%j -> %j %j', (full, first, last) => {
    expect(splitFullName(full)).toEqual({ firstName: first, lastName: last });
  });
});

describe('cleanPersonName', () => {
  it.each([
    ['JANE DOE', 'Jane Doe'],
    ['maria de la cruz', 'Maria de la Cruz'],
    ['NGUYEN VAN AN', 'Nguyen Van An'], // Vietnamese: "Van" is a middle name, no particle
    ['LUDWIG VAN BEETHOVEN', 'Ludwig van Beethoven'],
    ['McDonald', 'McDonald'], // mixed case is the user's
    ['DeAngelo  van Dyke', 'DeAngelo van Dyke'],
    ['  José ', 'José'],
    ['=HYPERLINK("x")', '=HYPERLINK("x")'],
    ['李', '李'],
    ['ᾐ', 'ᾐ'], // its upper case is two letters: left alone so cleaning twice changes nothing
    ['İLKER ÇELİK', 'İlker Çelik'], // "İ" as one letter (U+0130), as the same name typed is
    ['J.R.R. TOLKIEN', 'J.R.R. Tolkien'],
    ['JOHN (JACK) SMITH', 'John (Jack) Smith'],
    ['JOHN MCDONALD', 'John McDonald'],
    ['mary mccarthy-jones', 'Mary McCarthy-Jones'],
    ['MACK MACY', 'Mack Macy'], // "Mac" names vary: only title case
    ['JOHN SMITH III', 'John Smith III'],
    ['DR. JANE DOE, MD', 'Dr. Jane Doe, MD'],
    ['jane doe, phd.', 'Jane Doe, PhD.'],
    ['Jane Doe CPA CFA', 'Jane Doe CPA CFA'], // every suffix of a run at the end keeps its capitals
    ['SHEIKH MD RAHMAN', 'Sheikh Md Rahman'], // "Md" before a name is Mohammad's short form
    ['TJ SMITH', 'TJ Smith'], // initials stay in capitals
    ['AJ', 'AJ'],
    ['KC JONES', 'KC Jones'],
    ['AL SMITH', 'Al Smith'], // names of two letters do not
    ['NG WEI', 'Ng Wei'],
    ['TY BURRELL', 'Ty Burrell'],
    ['JANE DOE, CFA', 'Jane Doe, CFA'],
    // A family name in capitals after the given name, as French lists write it, and a word typed small.
    ['Jean DUPONT', 'Jean Dupont'],
    ['jean DUPONT', 'Jean Dupont'],
    ['Marie-Claire DE LA TOUR', 'Marie-Claire de la Tour'],
    ["Tom O'NEIL-SMITH", "Tom O'Neil-Smith"],
    ['Hans MÜLLER', 'Hans Müller'],
    ['Ann LI', 'Ann Li'], // a family name of two letters
    ['Иван ПЕТРОВ', 'Иван Петров'],
    ['Jane Doe MBA', 'Jane Doe MBA'],
    ['ann Lee', 'Ann Lee'],
    // Left as written: capitals that start the name (a family name first), two capitals, particles,
    // one small letter, a word in mixed case, capitals beside a dash.
    ['DUPONT Jean', 'DUPONT Jean'],
    ["Jane 'JJ' Doe", "Jane 'JJ' Doe"],
    ['Ann TJ', 'Ann TJ'],
    ['Jane van der Berg', 'Jane van der Berg'],
    ['Maria e Silva', 'Maria e Silva'],
    ['Jane McDONALD', 'Jane McDONALD'],
    ['İİ ς-ς', 'İİ ς-ς'], // title case would leave it all capitals, to be cased again the next time
  ])('%j -> %j', (raw, expected) => {
    expect(cleanPersonName(raw)).toBe(expected);
  });

  it.each([
    ['Jane Doe 🚀', 'Jane Doe'],
    ['👋 JANE DOE 🇫🇷', 'Jane Doe'],
    ['Jane Doe 👩🏽‍💻', 'Jane Doe'],
    ['Jane Doe (she/her)', 'Jane Doe'],
    ['Jane Doe #OpenToWork #hiring', 'Jane Doe'],
    ['#OpenToWork#hiring Jane Doe', 'Jane Doe'], // a tag uncovered by taking the one before it
    ['#a#b#c#d#e#f#g Jane Doe', 'Jane Doe'], // tags written together are one
    ['Jane Doe' + ' (she/her);'.repeat(7), null], // more layers than a name has: no name to greet
    ['★ Jane Doe ★', 'Jane Doe'],
    ['Alex Kim (They / Them), MBA', 'Alex Kim, MBA'],
    ['Sam Lee he/him/his', 'Sam Lee'],
    ['Jane Doe | Founder at Acme 🚀', 'Jane Doe'],
    ['Jane Doe – Founder & CEO', 'Jane Doe'],
    ['Jane Doe — Growth', 'Jane Doe'],
    ['Jane Doe 🟢 Hiring', 'Jane Doe'], // an emoji, then a headline
    ['JANE DOE ⚡ Founder @ Acme', 'Jane Doe'],
    ['Jane ✔️ Doe', 'Jane Doe'], // between a first and a last name the emoji only goes
    ['👋 Jane 🟢 Doe', 'Jane Doe'],
    ['Jane Doe\nFounder at Acme', 'Jane Doe'], // the headline on the cell's next line
    [' Jane Doe \r\n Founder', 'Jane Doe'],
    ['Jane\nDoe', 'Jane Doe'], // a first name alone on the first line is not all of it
    ['Jane Doe | Founder @ Acme', 'Jane Doe'],
    ['"Jane Doe"', 'Jane Doe'], // quoted twice by the export
    ["'JANE DOE'", 'Jane Doe'],
    ['\u201cDoe, Jane\u201d', 'Doe, Jane'],
    ['"Jane Doe 🚀"', 'Jane Doe'],
    ['""', null],
    ["Jane 'JJ' Doe", "Jane 'JJ' Doe"], // quotes inside the name are the name's
    ["'Shane O'Neil'", "Shane O'Neil"], // as is an apostrophe between letters
    ['Jane Doe <jane@acme.com>', 'Jane Doe'], // a mail app's sender
    ['Jane Doe [mailto:jane@acme.com]', 'Jane Doe'], // as Outlook quotes one
    ['jane@acme.com (Jane Doe)', 'Jane Doe'], // the older form, the name in a comment after it
    ['Jane Doe (jane@acme.com)', 'Jane Doe'], // as some mail apps write a recipient
    ['jane@acme.com (work address)', 'jane@acme.com (work address)'], // a label is no name
    ['"DOE, JANE" <jane@acme.com>', 'Doe, Jane'],
    ['jane@acme.com', 'jane@acme.com'], // an address alone is kept for the user to see
    ['Jane Doe - CEO at Acme', 'Jane Doe'], // a plain hyphen typed as the dash
    ['JEAN-PIERRE DUPONT - Directeur', 'Jean-Pierre Dupont'],
    ['Doe, Jane - Founder', 'Doe, Jane'],
    ['Ann Smith - Jones', 'Ann Smith'], // rarely the family name's: the name to greet stays
    ['Jane - Acme', 'Jane - Acme'], // a first name alone before it is left as typed
    ['DR. MED. HANS MÜLLER', 'Dr. med. Hans Müller'], // a doctor's field is written small
    ['JANE DOE NÉE SMITH', 'Jane Doe née Smith'],
    ['dE lA cRUZ, mARIA', 'De la Cruz, Maria'], // typed with Caps Lock on
    ['jANE Doe', 'jANE Doe'], // one word so may be a brand's way ("eBay")
    ['jane doe nee', 'Jane Doe Nee'],
    ['Jane - CEO', 'Jane'], // unless what follows is a job no name holds
    ['- Jane Doe', 'Jane Doe'], // a list's dash
    ['Jane Doe -', 'Jane Doe'],
    ['🚀', null],
    ['(she/her)', null],
    ['-🈚', null], // a placeholder once the emoji goes (found by the property below)
    ['him🈚(she/her) /he', null], // what one removal leaves reads as another
    ['ɐ©', 'Ɐ'], // © is a pictograph below U+2000; the rest is title-cased
    ['!Ꭰ,', '!ꭰ,'], // nothing removed, nothing trimmed (title case moves Cherokee past U+2000)
    ['Heather Himes', 'Heather Himes'], // pronoun letters inside a name are the name
    ['Jane (Jay) Doe', 'Jane (Jay) Doe'],
    ['Jane Doe;', 'Jane Doe'],
    ['• JANE DOE', 'Jane Doe'],
    ['* Jane Doe:', 'Jane Doe'],
    ['Doe, Jane; ,', 'Doe, Jane'],
    ['Jane Doe (she/her);', 'Jane Doe'], // the pronouns end the name once the semicolon goes
    ['- ;', null],
    ['Jane D.', 'Jane D.'], // a period may be an initial's
    ['Jane Doe,', 'Jane Doe,'], // a comma alone is left, as before: "Doe," is a "Last, First" name
    // A job after a comma, which would read as "Last, First" and greet "Ceo".
    ['Jane Doe, CEO', 'Jane Doe'],
    ['Jane Doe, Co-Founder & CEO at Acme', 'Jane Doe'],
    ['Jane Doe, MBA, Head of Sales', 'Jane Doe, MBA'],
    ['Doe, Jane, Geschäftsführerin', 'Doe, Jane'],
    ['Doe, Jane', 'Doe, Jane'],
    ['Doe, Jane - Founder', 'Doe, Jane'],
    ['Jane Doe, Senior Engineer', 'Jane Doe'],
    ['Jane Doe, Managing Director', 'Jane Doe'],
    ['Doe, Jane, Jr.', 'Doe, Jane, Jr.'],
    // And a company after it.
    ['Jane Doe, Acme Inc.', 'Jane Doe'],
    ['Doe, Jane, Müller GmbH', 'Doe, Jane'],
    ['Doe, Ab', 'Doe, Ab'], // a form of two letters is also a given name
    ['Butterfield, Asa', 'Butterfield, Asa'], // and so is one of three letters
    ['Doe, Jane (Acme Inc)', 'Doe, Jane (Acme Inc)'], // a note on the name, which splitting leaves out
    // And a job after the name with only a space between, and what follows it.
    ['Jane Doe CEO', 'Jane Doe'],
    ['Jane Doe CEO & Founder', 'Jane Doe'],
    ['Jane Doe Co-Founder at Acme', 'Jane Doe'],
    ['Jane Doe / CTO', 'Jane Doe'],
    ['Jane Doe CEO, Acme', 'Jane Doe'], // not "Last, First" with "Acme" as the given name
    ['Doe, Jane SVP', 'Doe, Jane'],
    ['Jane CEO', 'Jane'],
    ['Jane Ceola', 'Jane Ceola'], // the job's letters starting a name
    ['𝐉𝐚𝐧𝐞 𝐃𝐨𝐞 ⒸⒺⓄ', 'Jane Doe'], // styled, then cut
    // And the numbers written after it: a CRM's count of people of one name, a phone number, a year.
    ['Jane Doe 2', 'Jane Doe'],
    ['Jane Doe #2', 'Jane Doe'],
    ['Jane Doe, 2', 'Jane Doe'],
    ['Jane Doe - 0612345678', 'Jane Doe'],
    ['Jane Doe +33 6 12 34 56 78', 'Jane Doe'],
    ['Jane Doe 1985', 'Jane Doe'],
    ['Jane Doe 2 CEO', 'Jane Doe'],
    ['Jane 2', 'Jane'],
    ['Jane Doe 3rd', 'Jane Doe 3rd'], // a suffix has letters
    ['Ann12 Lee', 'Ann12 Lee'], // so has a generated list's numbered name
    ['12 34', '12 34'], // and a name of numbers alone stays, for the user to see
    // And a company or a handle after an @: no name holds one.
    ['Jane Doe @ Acme', 'Jane Doe'],
    ['Jane Doe @Acme', 'Jane Doe'],
    ['Jane Doe @jdoe', 'Jane Doe'],
    ['Jane Doe - CEO @ Acme', 'Jane Doe'],
  ])('drops what a profile or a pasted list adds to a name: %j -> %j', (raw, expected) => {
    expect(cleanPersonName(raw)).toBe(expected);
  });

  it('gives NFC text and is idempotent over letters whose case changes are not one to one', () => {
    // Upper-case or caseless letters mostly: a name in one case is the one that gets title-cased.
    const letters = fc.constantFrom(
      'İ',
      'İ',
      'I',
      'ı',
      'ß',
      'Ǆ',
      'ǅ',
      'ᾈ',
      'ŉ',
      'Σ',
      'ς',
      'A',
      'Ç',
      'M',
      'C',
      '𐒰',
      ' ',
      '-',
      '.',
      '(',
    );
    fc.assert(
      fc.property(fc.array(letters, { minLength: 1, maxLength: 8 }), (chars) => {
        const once = cleanPersonName(chars.join(''));
        return once === null || (once === once.normalize('NFC') && cleanPersonName(once) === once);
      }),
      { numRuns: 500 },
    );
  });

  it('is idempotent', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme' }), (s) => {
        const once = cleanPersonName(s);
        return once === null || cleanPersonName(once) === once;
      }),
    );
  });
});

describe('greetsByName', () => {
  it.each(['Jane', 'Jean-Pierre', "O'Neil", 'J.R.', 'Mary Ann', 'Jo', '王小明', 'Zoë', 'محمد'])(
    '%j is a name to greet by',
    (name) => {
      expect(greetsByName(name)).toBe(true);
    },
  );

  it.each(['J.', 'A', '12345', 'Ann_lee', '@annlee', 'Ann.Lee', '#1', '🚀'])(
    '%j is no name to greet by',
    (name) => {
      expect(greetsByName(name)).toBe(false);
    },
  );
});

describe('namesNoPerson', () => {
  it.each([
    'Sales Team',
    'Info',
    'Accounts Payable',
    'Hiring Manager',
    'Head of Sales',
    'Sir/Madam',
    'Customer',
    'First Name',
    'there',
    'To whom it may concern',
    'Owner',
    'Test User',
  ])('%j names no person', (name) => {
    expect(namesNoPerson(name)).toBe(true);
  });

  it.each([
    'Jane',
    'Jane Doe',
    'May',
    'Hope',
    'Chase Hunter',
    'Li',
    'Mohammed',
    'Jane Lead',
    'Ann Partner',
    'of',
  ])('%j may be a person', (name) => {
    expect(namesNoPerson(name)).toBe(false);
  });
});

describe('namesCompanyOrGroup', () => {
  it.each([
    ['Acme Inc', null],
    ['Acme GmbH', null],
    ['Acme Corporation', null],
    ['The Acme Group', null],
    ['The Doe Family', null],
    ['Acme Team', null],
    ['Acme', 'Acme Ltd'], // the lead's company, as its one word
  ])('%j (at %j) names a company or a group', (name, company) => {
    expect(namesCompanyOrGroup(name, company)).toBe(true);
  });

  it.each([
    ['Jane Doe', 'Acme'],
    ['Jane Doe', 'Jane Doe'], // a freelancer's company named for her
    ['Theo', null],
    ['Acme', null],
    ['Asa Butterfield', null], // "Asa" is a form too
    ['Jane Doo', null],
  ])('%j (at %j) may be a person', (name, company) => {
    expect(namesCompanyOrGroup(name, company)).toBe(false);
  });
});

describe('fullNameInOrder', () => {
  it.each([
    ['Doe, Jane', 'Jane Doe'],
    ['Doe, Jane Marie', 'Jane Marie Doe'],
    ['Doe,Jane', 'Jane Doe'],
    ['van der Rohe, Ludwig', 'Ludwig van der Rohe'],
    ['Smith Jr., John', 'John Smith Jr.'],
    ['Doe, Jane, PhD', 'Jane Doe, PhD'],
    ['Jane Doe, PhD', 'Jane Doe, PhD'], // a suffix group is not a first name
    ['Jane Doe', 'Jane Doe'],
    ['Doe, Jane, Marketing', 'Doe, Jane, Marketing'], // three groups: not a "Last, First" name
    ['Петров, Иван', 'Иван Петров'],
    ['Jane Doe, CFA, CPA', 'Jane Doe, CFA, CPA'],
    ['DOE Jane', 'Jane Doe'], // the family name first in capitals
    ['NGUYEN Van An', 'NGUYEN Van An'], // a Vietnamese name is spoken family name first: not turned
    ['DE LA CRUZ Maria', 'Maria De la Cruz'],
    ['WU Xiaoming', 'Xiaoming Wu'],
    ['DOE Jane Marie Jr', 'Jane Marie Doe Jr'],
    ['JJ Abrams', 'JJ Abrams'],
    ['Jane DOE', 'Jane DOE'],
    ['Dr DUPONT Jean', 'Dr DUPONT Jean'],
    ['Doe, JANE', 'Jane Doe'], // not "JANE Doe", which reads as the family name first
    // Not turned where the turned name would greet someone else: "Dr. Doe Smith", "Abdul Rahman Khan".
    ['Doe Smith, Dr.', 'Doe Smith, Dr.'],
    ['Rahman Khan, Abdul', 'Rahman Khan, Abdul'],
    ['Ali, Abdul Rahman', 'Abdul Rahman Ali'],
  ])('%j -> %j', (full, expected) => {
    expect(fullNameInOrder(full)).toBe(expected);
  });

  it('splits into the same first and last name as the name it came from', () => {
    for (const full of [
      'Doe, Jane Marie',
      'van der Rohe, Ludwig',
      'Smith Jr., John',
      'Doe, Dr. Jane, PhD',
      'DOE Jane Marie',
      'DE LA CRUZ Maria',
      'DOE Jane Jr',
    ]) {
      expect(splitFullName(fullNameInOrder(full))).toEqual(splitFullName(full));
    }
  });

  it('changes nothing the second time, also for names in capitals around a comma, a dash or a note in brackets (property)', () => {
    const word = fc.constantFrom(
      'DOE',
      'Doe',
      'JANE',
      'Jane',
      'JJ',
      'DE',
      'la',
      'à',
      'Ǟ',
      '一Ǟ',
      'ϒϒϒ',
      'PhD',
      '-',
      'CEO',
      '(Jay)',
      '[ACME]',
      'née',
      'Md.',
      'Abdul',
      'jANE',
      'Dr.',
      'MED.',
      '2',
      '#2',
      '+33 6',
      '@',
      '3rd',
    );
    const name = fc
      .array(fc.tuple(word, fc.constantFrom(' ', ', ', ' - ')), { minLength: 1, maxLength: 5 })
      .map((ws) => ws.map(([w, sep]) => w + sep).join(''));
    fc.assert(
      fc.property(name, (s) => {
        const cleaned = cleanPersonName(s);
        if (cleaned === null) return;
        const once = fullNameInOrder(cleaned);
        expect(fullNameInOrder(once)).toBe(once);
        expect(cleanPersonName(once)).toBe(once);
        // The name an email greets the person by is the same, however the name was written.
        expect(cleanPersonName(splitFullName(once).firstName)).toBe(
          cleanPersonName(splitFullName(cleaned).firstName),
        );
      }),
      { numRuns: 2000 },
    );
  });

  it('changes nothing the second time', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme' }), (s) => {
        const cleaned = cleanPersonName(s);
        if (cleaned === null) return true;
        const once = fullNameInOrder(cleaned);
        return fullNameInOrder(once) === once && cleanPersonName(once) === once;
      }),
      { numRuns: 2000 },
    );
  });
});

describe('joinName', () => {
  it.each([
    ['Jane', 'Doe', 'Jane Doe'],
    ['Jane', null, 'Jane'],
    [null, ' Doe ', 'Doe'],
    ['', '', null],
    [null, null, null],
  ])('%j + %j -> %j', (first, last, expected) => {
    expect(joinName(first, last)).toBe(expected);
  });
});
