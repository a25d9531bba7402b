import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  describeSuppressionAdd,
  isSuppressed,
  suppressedByPerson,
  type PersonKeys,
  suppressionListTooLong,
  suppressionSetOf,
  parseSuppressionEntry,
  suppressionFileEntries,
} from '../../../src-shared/import/suppression';
import { openWorkbook } from '../../../src-shared/import/read';
import { contactsVCard, csvBytes, zipOf } from '../../fixtures-gen';

describe('isSuppressed', () => {
  const list = { emails: new Set(['jane@acme.com']), domains: new Set(['globex.com', 'xn--bcher-kva.de']) };
  it.each([
    ['Jane@ACME.com', /suppression list/],
    ['anyone@globex.com', /globex\.com/],
    ['anyone@eu.mail.globex.com', /globex\.com/],
    ['x@xn--bcher-kva.de', /bcher/],
  ])('%s is suppressed', (email, reason) => {
    expect(isSuppressed(email, list)).toMatch(reason);
  });
  it.each(['john@acme.com', 'x@notglobex.com', 'x@globex.com.au'])('%s is not', (email) => {
    expect(isSuppressed(email, list)).toBeNull();
  });
  it('ignores a missing email', () => {
    expect(isSuppressed(null, list)).toBeNull();
  });
});

describe('an address on the list keeps out its mailbox', () => {
  it.each([
    [['jane@acme.com'], 'Jane+Promo@acme.com'], // the lead's "+tag"
    [['jane+unsubscribed@acme.com'], 'jane@acme.com'], // the entry's
    [['jane.doe@gmail.com'], 'J.ANE.DOE+x@googlemail.com'], // Gmail: dots and its other domain
  ])('%j keeps out %s', (entries, email) => {
    expect(isSuppressed(email, suppressionSetOf(entries, []))).toBe('On your suppression list');
  });
  it.each([
    [['jane.doe@acme.com'], 'janedoe@acme.com'], // dots matter outside Gmail
    [['jane@acme.com'], 'jane@acme.co'],
  ])('%j does not keep out %s', (entries, email) => {
    expect(isSuppressed(email, suppressionSetOf(entries, []))).toBeNull();
  });
});

describe('parseSuppressionEntry', () => {
  it.each([
    ['Jane <Jane@Acme.com>', { kind: 'email', value: 'jane@acme.com' }],
    ['mailto:x@y.io', { kind: 'email', value: 'x@y.io' }],
    ['Jane Doe jane@acme.com', { kind: 'email', value: 'jane@acme.com' }],
    ['@Globex.com', { kind: 'domain', value: 'globex.com' }],
    ['globex.com', { kind: 'domain', value: 'globex.com' }],
    ['https://www.globex.com/about', { kind: 'domain', value: 'globex.com' }],
    ['eu.globex.com', { kind: 'domain', value: 'eu.globex.com' }],
    ['bücher.de', { kind: 'domain', value: 'xn--bcher-kva.de' }],
    // Every address of a domain, as other tools' block lists write it.
    ['*@Globex.com', { kind: 'domain', value: 'globex.com' }],
    ['*.globex.com', { kind: 'domain', value: 'globex.com' }],
    ['.globex.com', { kind: 'domain', value: 'globex.com' }],
    ['*', null],
    ['not a domain', null],
    ['acme.com, acme.io', null], // reported as one unusable entry, not half taken
    ['com', null],
    ['', null],
  ])('%j -> %j', (text, expected) => {
    expect(parseSuppressionEntry(text)).toEqual(expected);
  });
});

describe('describeSuppressionAdd', () => {
  const none = { added: 0, duplicates: 0, invalid: 0, invalidSamples: [], reclassified: 0 };

  it('counts what was added, already there and unreadable, and the draft leads it suppressed', () => {
    expect(
      describeSuppressionAdd(
        { added: 1200, duplicates: 1, invalid: 2, invalidSamples: ['Email', 'n/a'], reclassified: 3 },
        1203,
      ),
    ).toEqual({
      ok: true,
      text: '1,200 added, 1 already on the list, 2 not an email or domain (e.g. "Email", "n/a"). 3 leads in draft imports are now suppressed.',
    });
    expect(describeSuppressionAdd({ ...none, duplicates: 2, reclassified: 1 }, 2).text).toBe(
      '0 added, 2 already on the list. 1 lead in draft imports is now suppressed.',
    );
  });

  it('is a failure when no entry was usable, naming the one or a few of the many', () => {
    expect(describeSuppressionAdd({ ...none, invalid: 1, invalidSamples: ['bob'] }, 1)).toEqual({
      ok: false,
      text: '"bob" is not an email address or a domain, so nothing was changed.',
    });
    expect(describeSuppressionAdd({ ...none, invalid: 40, invalidSamples: ['Name', 'Ann'] }, 40).text).toBe(
      'None of the 40 entries is an email address or a domain (e.g. "Name", "Ann"), so nothing was changed.',
    );
  });
});

describe('suppressionFileEntries', () => {
  const read = (rows: string[][]) => suppressionFileEntries(openWorkbook(csvBytes(rows), 'list.csv'));

  it('refuses an archive of several files (subscribed beside unsubscribed) and reads an archive of one', () => {
    const list = csvBytes([
      ['Email Address', 'First Name'],
      ['bo@beta.io', 'Bo'],
    ]);
    const audience = zipOf({
      'subscribed.csv': csvBytes([['Email Address'], ['ann@acme.io']]),
      'unsubscribed.csv': list,
    });
    expect(() => suppressionFileEntries(openWorkbook(audience, 'audience.zip'))).toThrow(
      'This archive holds several files (subscribed.csv, unsubscribed.csv). Unzip it and add the one of people to keep out, the unsubscribed for instance.',
    );
    expect(
      suppressionFileEntries(openWorkbook(zipOf({ 'unsubscribed.csv': list }), 'u.zip')).entries,
    ).toEqual(['bo@beta.io']);
  });

  it("reads a sheet of people by its email columns only: a website would keep out the person's whole company", () => {
    expect(
      read([
        ['Email', 'Name', 'Website', 'Work email'],
        ['ann@acme.io', 'Ann', 'https://www.acme.io', 'ann.lee@acme-group.com'],
        ['bo@beta.io', 'Bo', 'beta.io', ''],
      ]),
    ).toEqual({
      entries: ['ann@acme.io', 'ann.lee@acme-group.com', 'bo@beta.io'],
      columns: ['Email', 'Work email'],
    });
    // A contacts file is such a sheet too.
    expect(suppressionFileEntries(openWorkbook(new TextEncoder().encode(contactsVCard()), 'c.vcf'))).toEqual({
      entries: ['jane@acme.com', 'jane.doe@gmail.com', 'bo@beta.io', 'juergen@gamma.de'],
      columns: ['Email', 'Email 2'],
    });
  });

  it('reads every cell of a list: addresses and domains, with a header or without, and rows of data with no header', () => {
    expect(read([['Email'], ['kim@beta.io'], ['rival.io']])).toEqual({
      entries: ['Email', 'kim@beta.io', 'rival.io'],
      columns: [],
    });
    expect(
      read([
        ['jane@acme.com', 'Jane', 'acme.com'],
        ['bo@beta.io', 'Bo', 'beta.io'],
      ]),
    ).toEqual({ entries: ['jane@acme.com', 'Jane', 'acme.com', 'bo@beta.io', 'Bo', 'beta.io'], columns: [] });
  });

  it('reads the website or domain column of a sheet of companies, not their names and notes', () => {
    expect(
      read([
        ['Company', 'Domain', 'Why'],
        ['Rival', 'rival.io', 'competitor'],
        ['Acme', 'https://www.acme.com/', 'customer'],
      ]),
    ).toEqual({ entries: ['rival.io', 'https://www.acme.com/'], columns: ['Domain'] });
    // A sheet with an email column gives its addresses, not its website column.
    expect(
      read([
        ['Email', 'Website'],
        ['jane@acme.com', 'acme.com'],
      ]),
    ).toEqual({ entries: ['jane@acme.com'], columns: ['Email'] });
    // A first row of data is no header of a domain column.
    expect(
      read([
        ['rival.io', 'competitor'],
        ['acme.com', 'customer'],
      ]).columns,
    ).toEqual([]);
  });

  it('says which columns were read', () => {
    const r = { added: 2, duplicates: 0, invalid: 0, invalidSamples: [], reclassified: 0 };
    expect(describeSuppressionAdd(r, 2, ['Domain']).text).toBe(
      '2 added, 0 already on the list. Only the column "Domain" of the file was read.',
    );
    expect(describeSuppressionAdd(r, 2, ['Email', 'Email 2']).text).toBe(
      '2 added, 0 already on the list. Only the columns "Email", "Email 2" of the file were read.',
    );
  });
});

describe('suppressionListTooLong', () => {
  it('lets a list up to the limit through and says how to add a longer one', () => {
    expect(suppressionListTooLong(500_000, 500_000)).toBeNull();
    expect(suppressionListTooLong(500_001, 500_000)).toBe(
      'This list has 500,001 entries; LeadPrep adds at most 500,000 at once. Split it into smaller files and add them one by one.',
    );
  });
});

describe('suppressedByPerson', () => {
  const list = { emails: new Set(['c@gmail.com', 'jane@eu.rival.io']), domains: new Set(['rival.io']) };
  const lead = (email: string | null, linkedinUrl: string | null = null, valid = true): PersonKeys => ({
    email,
    linkedinUrl,
    valid,
  });

  it("names the person's listed lead for each of their other addresses, linked row to row", () => {
    const found = suppressedByPerson(
      [
        lead('jane.doe@gmail.com', 'https://www.linkedin.com/in/jane'),
        lead('jane@eu.rival.io', 'https://www.linkedin.com/in/jane'),
        lead('JANE.DOE@gmail.com'),
        lead('bo@beta.io'),
      ],
      list,
    );
    expect([...found]).toEqual([
      [0, 1],
      [2, 1],
    ]);
  });

  it('lets an invalid listed address, or one listed only by its domain, suppress nobody else', () => {
    expect(suppressedByPerson([lead('max@rival.io', 'x'), lead('max@newco.com', 'x')], list).size).toBe(0);
    expect(suppressedByPerson([lead('c@gmail.com', 'x', false), lead('c2@acme.com', 'x')], list).size).toBe(
      0,
    );
    expect(suppressedByPerson([lead('a@acme.com', 'x'), lead('b@acme.com', 'x')], list).size).toBe(0);
  });

  it('marks exactly the leads a listed lead reaches through shared keys, not listed themselves (property)', () => {
    const emails = fc.constantFrom(
      null,
      'a@acme.com',
      'A@acme.com',
      'c@gmail.com',
      'd@rival.io',
      'JANE@eu.rival.io',
      'e@beta.io',
    );
    const profiles = fc.constantFrom(null, 'p1', 'p2', 'p3');
    fc.assert(
      fc.property(fc.array(fc.tuple(emails, profiles, fc.boolean()), { maxLength: 30 }), (rows) => {
        const leads = rows.map(([e, p, valid]) => lead(e, p, valid));
        const found = suppressedByPerson(leads, list);
        const keys = (l: PersonKeys): string[] =>
          [l.email?.toLowerCase(), l.linkedinUrl].filter((k): k is string => !!k);
        // Grow the keys reached from the listed leads until nothing new is reached.
        const reached = new Set(
          leads.filter((l) => l.valid && list.emails.has(l.email?.toLowerCase() ?? '')).flatMap(keys),
        );
        for (let grew = true; grew;) {
          grew = false;
          for (const l of leads) {
            const own = keys(l);
            if (own.some((k) => reached.has(k)) && own.some((k) => !reached.has(k))) {
              for (const k of own) reached.add(k);
              grew = true;
            }
          }
        }
        leads.forEach((l, i) => {
          const expected = keys(l).some((k) => reached.has(k)) && isSuppressed(l.email, list) === null;
          expect(found.has(i)).toBe(expected);
          if (expected)
            expect(list.emails.has(leads[found.get(i) as number]?.email?.toLowerCase() ?? '')).toBe(true);
        });
      }),
      { numRuns: 300 },
    );
  });
});
