import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { companyForEmails, namesNoCompany, withoutLegalForm } from '../../../src-shared/import/company-name';

describe('withoutLegalForm', () => {
  it('leaves out the legal form at the end of a name, as an email would', () => {
    expect(withoutLegalForm('Acme, Inc.')).toBe('Acme');
    expect(withoutLegalForm('Acme Corp.')).toBe('Acme');
    expect(withoutLegalForm('Müller GmbH & Co. KG')).toBe('Müller');
    expect(withoutLegalForm('Samsung Electronics Co., Ltd.')).toBe('Samsung Electronics');
    expect(withoutLegalForm('Tata Consultancy Services Private Limited')).toBe('Tata Consultancy Services');
    expect(withoutLegalForm('Acme (Pty) Ltd')).toBe('Acme');
    expect(withoutLegalForm('SAP SE')).toBe('SAP');
    expect(withoutLegalForm('Volvo AB')).toBe('Volvo');
  });

  it.each([
    ['Acme Sp. z o.o.', 'Acme'],
    ['Acme S.A. de C.V.', 'Acme'],
    ['Acme S. de R.L. de C.V.', 'Acme'],
    ['Acme Ltd. Şti.', 'Acme'],
    ['Acme UG (haftungsbeschränkt)', 'Acme'],
    ['Acme AB (publ)', 'Acme'],
    ['Acme Sdn. Bhd.', 'Acme'],
    ['Acme Pte. Ltd.', 'Acme'],
    ['Acme s.r.o.', 'Acme'],
    ['Acme d.o.o.', 'Acme'],
    ['Acme Kft.', 'Acme'],
    ['Acme ehf.', 'Acme'],
    ['Acme OÜ', 'Acme'],
    ['Acme A/S', 'Acme'],
    ['Acme, PLLC', 'Acme'],
    ['Acme Capital LP', 'Acme Capital'],
    ['Acme ООО', 'Acme'],
  ])('leaves out the form of %j, of several words or of another country', (name, kept) => {
    expect(withoutLegalForm(name)).toBe(kept);
  });

  it('keeps a word of such a form that stands alone', () => {
    expect(withoutLegalForm('Generation Z')).toBe('Generation Z');
    expect(withoutLegalForm('Casa de Campo')).toBe('Casa de Campo');
    expect(withoutLegalForm('Sp. z o.o.')).toBe('Sp. z o.o.');
  });

  it('leaves out "The" before a one-word name whose form went, as an email writes it', () => {
    expect(withoutLegalForm('The Acme Corporation')).toBe('Acme');
    expect(withoutLegalForm('The Acme, Inc.')).toBe('Acme');
    expect(withoutLegalForm('The Home Depot, Inc.')).toBe('The Home Depot');
    expect(withoutLegalForm('The Acme')).toBe('The Acme');
    expect(withoutLegalForm('The Company Ltd')).toBe('The Company Ltd');
  });

  it('keeps "Company" and "& Co." that are part of the name, and a name that is a form only', () => {
    expect(withoutLegalForm('The Coca-Cola Company')).toBe('The Coca-Cola Company');
    expect(withoutLegalForm('Acme Co')).toBe('Acme Co');
    expect(withoutLegalForm('Smith & Co. Ltd')).toBe('Smith & Co.');
    expect(withoutLegalForm('The Company Ltd')).toBe('The Company Ltd');
    expect(withoutLegalForm('GmbH')).toBe('GmbH');
    expect(withoutLegalForm('Limited Brands')).toBe('Limited Brands');
  });
});

describe('companyForEmails', () => {
  it('leaves out the legal form and gives a name in one case its capitals', () => {
    expect(companyForEmails('ACME SOFTWARE, INC.')).toBe('Acme Software');
    expect(companyForEmails('MÜLLER GMBH')).toBe('Müller');
    expect(companyForEmails('BANK OF AMERICA')).toBe('Bank of America');
    expect(companyForEmails('MICROSOFT')).toBe('Microsoft');
    expect(companyForEmails('société générale')).toBe('Société Générale');
  });

  it("leaves out the notes in brackets at the end and a profile's headline after the name", () => {
    expect(companyForEmails('Acme Ltd. (formerly Beta)')).toBe('Acme');
    expect(companyForEmails('Acme (YC W21)')).toBe('Acme');
    expect(companyForEmails('ACME (UK) LTD')).toBe('ACME');
    expect(companyForEmails('UBS (Switzerland) AG')).toBe('UBS');
    expect(companyForEmails('Acme [Stealth] (acquired by Beta)')).toBe('Acme');
    expect(companyForEmails('Acme | Part of Beta Group')).toBe('Acme');
    expect(companyForEmails('Acme • We are hiring')).toBe('Acme');
    expect(companyForEmails('Acme GmbH (UK) GmbH')).toBe('Acme'); // each uncovers the other
    // Not a note at the end, or all there is to the name.
    for (const name of ['Acme (UK) Software', '(Acme)', 'A (B)', 'Acme (a (b))', 'Acme (Beta', '| Acme'])
      expect(companyForEmails(name)).toBe(name);
  });

  it('leaves out a full stop typed after the name, not the dot of an initial or a domain', () => {
    expect(companyForEmails('Deloitte.')).toBe('Deloitte');
    expect(companyForEmails('DELOITTE.')).toBe('Deloitte'); // cased once the dot is gone
    expect(companyForEmails('Acme Bros.')).toBe('Acme Bros');
    for (const name of ['Acme U.S.', 'X.', 'Booking.com.', 'Yahoo!'])
      expect(companyForEmails(name)).toBe(name);
  });

  it('keeps the case of a name that may be an acronym, holds a number or a dot, or is in mixed case', () => {
    for (const name of [
      'IBM',
      'ACME',
      'BIG DATA SOLUTIONS',
      'ACME AI',
      'AT&T',
      '3M',
      'monday.com',
      'eBay',
      'ibm',
    ])
      expect(companyForEmails(name)).toBe(name);
  });

  it('changes nothing the second time', () => {
    const word = fc.constantFrom(
      'ACME',
      'acme',
      'Software',
      'SOFTWARE',
      'of',
      'OF',
      '&',
      'Co.',
      'CO',
      'Inc.',
      'GmbH',
      'KG',
      'Ltd',
      'Private',
      'the',
      "O'NEIL",
      'IBM',
      'x',
      'Électricité',
      '(UK)',
      '(YC',
      'W21)',
      '|',
      '[a]',
      'Acme.',
      'BROS.',
      'U.S.',
      'x.',
    );
    fc.assert(
      fc.property(fc.array(word, { minLength: 1, maxLength: 6 }), (words) => {
        const once = companyForEmails(words.join(' '));
        expect(companyForEmails(once)).toBe(once);
      }),
      { numRuns: 3000 },
    );
  });
});

describe('namesNoCompany', () => {
  it("tells what a profile puts where a company goes when there is none from a company's name", () => {
    for (const none of [
      'Self-employed',
      'SELF EMPLOYED',
      'Stealth Startup',
      'Freelance',
      'Open to Work',
      'Looking for work',
      'Selbständig',
    ])
      expect(namesNoCompany(none)).toBe(true);
    for (const company of ['The Independent', 'Acme Private Bank', 'Stealth Labs', 'Freelance Ventures Ltd'])
      expect(namesNoCompany(company)).toBe(false);
  });
});
