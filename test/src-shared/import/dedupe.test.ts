import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  completeness,
  existingLookupOf,
  findDuplicateGroups,
  knownPeople,
  matchExisting,
  mergeInto,
  possiblyInLeadsReason,
  type DedupeItem,
  type KnownPerson,
} from '../../../src-shared/import/dedupe';
import { jaroWinkler } from '../../../src-shared/import/jaro-winkler';
import { emptyLead, LEAD_TEXT_FIELDS, type NormalisedLead } from '../../../src-shared/import/types';

function item(id: number, over: Partial<DedupeItem> = {}): DedupeItem {
  return { id, email: null, linkedinUrl: null, fullName: null, domain: null, company: null, ...over };
}

describe('findDuplicateGroups: exact', () => {
  it('groups the same email regardless of case, survivor = most complete', () => {
    const { groups } = findDuplicateGroups([
      item(1, { email: 'Jane@acme.com' }),
      item(2, { email: 'jane@ACME.com', fullName: 'Jane Doe', company: 'Acme' }),
      item(3, { email: 'john@acme.com' }),
    ]);
    expect(groups).toEqual([{ kind: 'email', ids: [1, 2], survivorId: 2 }]);
  });

  it('groups addresses that reach one mailbox: a +tag, or Gmail dots', () => {
    const { groups } = findDuplicateGroups([
      item(1, { email: 'jane@acme.com' }),
      item(2, { email: 'Jane+Newsletter@acme.com' }),
      item(3, { email: 'j.doe@gmail.com' }),
      item(4, { email: 'jdoe@googlemail.com' }),
      item(5, { email: 'jane.x@acme.com' }),
    ]);
    expect(groups.map((g) => g.ids)).toEqual([
      [1, 2],
      [3, 4],
    ]);
  });

  it('breaks ties by the lowest id', () => {
    const { groups } = findDuplicateGroups([item(9, { email: 'a@x.com' }), item(4, { email: 'a@x.com' })]);
    expect(groups[0]?.survivorId).toBe(4);
  });

  it('groups the same LinkedIn profile and chains email + LinkedIn links', () => {
    const li = 'https://www.linkedin.com/in/jane';
    const { groups } = findDuplicateGroups([
      item(1, { email: 'jane@acme.com' }),
      item(2, { email: 'jane@acme.com', linkedinUrl: li }),
      item(3, { email: 'jane.doe@gmail.com', linkedinUrl: li }),
      item(4, { linkedinUrl: 'https://www.linkedin.com/in/other' }),
      item(5, { linkedinUrl: 'https://www.linkedin.com/in/other' }),
    ]);
    expect(groups).toEqual([
      { kind: 'email', ids: [1, 2, 3], survivorId: 2 },
      { kind: 'linkedin', ids: [4, 5], survivorId: 4 },
    ]);
  });

  it('uses the completeness given by the caller', () => {
    const { groups } = findDuplicateGroups([
      item(1, { email: 'a@x.com', completeness: 3 }),
      item(2, { email: 'a@x.com', completeness: 7 }),
    ]);
    expect(groups[0]?.survivorId).toBe(2);
  });
});

describe('findDuplicateGroups: same person at the same company', () => {
  it('suggests similar names at the same domain', () => {
    const { groups } = findDuplicateGroups([
      item(1, { email: 'jon.smith@acme.com', fullName: 'Jon Smith', domain: 'acme.com' }),
      item(2, { email: 'jsmith@acme.com', fullName: 'John Smith', domain: 'acme.com' }),
      item(3, { email: 'john@globex.com', fullName: 'John Smith', domain: 'globex.com' }),
      item(4, { email: 'jane@acme.com', fullName: 'Jane Doe', domain: 'acme.com' }),
    ]);
    expect(groups).toEqual([{ kind: 'name_company', ids: [1, 2], survivorId: 1 }]);
  });

  it('matches by company name when one row has no domain, ignoring legal suffixes and accents', () => {
    const { groups } = findDuplicateGroups([
      item(1, { email: 'a@x.com', fullName: 'José García', company: 'Acme Inc.' }),
      item(2, { email: 'b@y.com', fullName: 'Jose Garcia', company: 'ACME' }),
    ]);
    expect(groups.map((g) => g.kind)).toEqual(['name_company']);
  });

  it('does not join different people or the same name at different companies', () => {
    const { groups } = findDuplicateGroups([
      item(1, { fullName: 'Anna Schmidt', domain: 'acme.com' }),
      item(2, { fullName: 'Alex Brown', domain: 'acme.com' }),
      item(3, { fullName: 'Anna Schmidt', domain: 'globex.com' }),
      item(4, { fullName: 'Anna Schmidt' }),
      item(5, { fullName: 'Anna Schmidt' }),
    ]);
    expect(groups).toEqual([]);
  });

  it('links exact-group survivors, not every member', () => {
    const { groups } = findDuplicateGroups([
      item(1, { email: 'jane@acme.com', fullName: 'Jane Doe', domain: 'acme.com' }),
      item(2, { email: 'jane@acme.com' }),
      item(3, { email: 'j.doe@acme.com', fullName: 'Jane Doe', domain: 'acme.com' }),
    ]);
    expect(groups).toEqual([
      { kind: 'email', ids: [1, 2], survivorId: 1 },
      { kind: 'name_company', ids: [1, 3], survivorId: 1 },
    ]);
  });

  it('does not join different people who share a first name and a company', () => {
    const { groups } = findDuplicateGroups([
      item(1, { fullName: 'Anna Schmidt', domain: 'acme.com', company: 'Acme' }),
      item(2, { fullName: 'Anna Brown', domain: 'acme.com', company: 'Acme' }),
      item(3, { fullName: 'Anna Silva', company: 'Acme Inc' }),
      item(4, { fullName: 'James Smith', domain: 'acme.com' }),
      item(5, { fullName: 'Jane Smith', domain: 'acme.com' }),
    ]);
    expect(groups).toEqual([]);
  });

  it('joins a nickname-length slip, an initial, a slip in the last name and "Last, First"', () => {
    const { groups } = findDuplicateGroups([
      item(1, { fullName: 'John Smith', domain: 'acme.com' }),
      item(2, { fullName: 'Jon Smith', domain: 'acme.com' }),
      item(3, { fullName: 'Jane Doe', domain: 'globex.com' }),
      item(4, { fullName: 'J. Doe', domain: 'globex.com' }),
      item(5, { fullName: 'Maria Gonzalez', domain: 'initech.com' }),
      item(6, { fullName: 'Maria Gonzales', domain: 'initech.com' }),
      item(7, { fullName: 'Smith, Peter', domain: 'hooli.com' }),
      item(8, { fullName: 'Peter Smith', domain: 'hooli.com' }),
    ]);
    expect(groups.map((g) => g.ids)).toEqual([
      [1, 2],
      [3, 4],
      [5, 6],
      [7, 8],
    ]);
  });

  it('joins a short form of the first name ("Chris" / "Christopher"), not a last name run on into another', () => {
    const { groups } = findDuplicateGroups([
      item(1, { fullName: 'Chris Smith', domain: 'acme.com' }),
      item(2, { fullName: 'Christopher Smith', domain: 'acme.com' }),
      item(3, { fullName: 'Alexander Brown', domain: 'acme.com' }),
      item(4, { fullName: 'Alex Brown', domain: 'acme.com' }),
      item(5, { fullName: 'Anna Lee', domain: 'globex.com' }),
      item(6, { fullName: 'Anna Leeson', domain: 'globex.com' }),
      item(7, { fullName: 'Peter Richard', domain: 'initech.com' }),
      item(8, { fullName: 'Peter Richardson', domain: 'initech.com' }),
      item(9, { fullName: 'Jane Smith', domain: 'hooli.com' }),
      item(10, { fullName: 'Jane Smith-Jones', domain: 'hooli.com' }), // a second surname: the same name
      item(11, { fullName: 'Jo Kim', domain: 'umbrella.com' }),
      item(12, { fullName: 'John Kim', domain: 'umbrella.com' }), // "Jo" is too short to be John's short form
    ]);
    expect(groups.map((g) => g.ids)).toEqual([
      [1, 2],
      [3, 4],
      [9, 10],
    ]);
  });

  it('joins a known short form of a given name ("Bob" / "Robert"), and two of the same name', () => {
    const { groups } = findDuplicateGroups([
      item(1, { fullName: 'Robert Stone', domain: 'acme.com' }),
      item(2, { fullName: 'Bob Stone', domain: 'acme.com' }),
      item(3, { fullName: 'Peggy Olson', domain: 'scdp.com' }),
      item(4, { fullName: 'Margaret Olson', domain: 'scdp.com' }),
      item(5, { fullName: 'Rob Lowe', domain: 'globex.com' }),
      item(6, { fullName: 'Bob Lowe', domain: 'globex.com' }),
      item(7, { fullName: 'Sam Park', domain: 'initech.com' }),
      item(8, { fullName: 'Samantha Park', domain: 'initech.com' }),
      item(9, { fullName: 'Bill Gates', domain: 'hooli.com' }),
      item(10, { fullName: 'Robert Gates', domain: 'hooli.com' }), // a short form of another name
      item(11, { fullName: 'José Ruiz', domain: 'umbrella.com' }),
      item(12, { fullName: 'Pepe Ruiz', domain: 'umbrella.com' }),
    ]);
    expect(groups.map((g) => g.ids)).toEqual([
      [1, 2],
      [3, 4],
      [5, 6],
      [7, 8],
      [11, 12],
    ]);
  });

  it('uses the name parts the caller gives instead of splitting the full name', () => {
    const { groups } = findDuplicateGroups([
      // Split, "Ana Lopez Garcia" would be Ana + Garcia (middle names dropped).
      item(1, {
        fullName: 'Ana Lopez Garcia',
        firstName: 'Ana',
        lastName: 'Lopez Garcia',
        domain: 'acme.com',
      }),
      item(2, { fullName: null, firstName: 'Ana', lastName: 'López García', domain: 'acme.com' }),
    ]);
    expect(groups).toEqual([{ kind: 'name_company', ids: [1, 2], survivorId: 1 }]);
  });

  it('never lets a row without a domain join people of two domains', () => {
    const { groups } = findDuplicateGroups([
      item(1, { fullName: 'Anna Smith', domain: 'acme.com', company: 'Acme' }),
      item(2, { fullName: 'Anna Smith', domain: 'acme.de', company: 'Acme GmbH' }),
      item(3, { fullName: 'Anna Smith', company: 'ACME' }),
      item(4, { fullName: 'Bob Stone', domain: 'acme.com', company: 'Acme' }),
      item(5, { fullName: 'Bob Stone', company: 'Acme' }),
    ]);
    expect(groups).toEqual([{ kind: 'name_company', ids: [4, 5], survivorId: 4 }]);
  });

  it('finds neighbours in a block too big for all pairs', () => {
    const items = Array.from({ length: 500 }, (_, i) =>
      item(i + 1, { fullName: `Person Number${i}`, domain: 'bigco.com' }),
    );
    items.push(item(1000, { fullName: 'Person Number17x', domain: 'bigco.com' }));
    const { groups } = findDuplicateGroups(items);
    expect(groups.some((g) => g.ids.includes(1000))).toBe(true);
  });

  // Last names no two of which look alike, so a pair only matches when the block's name order puts it side by side.
  const unlikeNames: string[] = [];
  for (let seed = 1; unlikeNames.length < 300;) {
    const word = Array.from({ length: 8 }, () => {
      seed = (seed * 48271) % 2147483647;
      return String.fromCharCode(97 + (seed % 26));
    }).join('');
    if (unlikeNames.every((w) => w[0] !== word[0] || jaroWinkler(w, word) < 0.8)) unlikeNames.push(word);
  }
  const unlike = (i: number): string => unlikeNames[i] as string;

  it('compares a wide block in name order, not in row order', () => {
    const items = Array.from({ length: 300 }, (_, i) =>
      item(i + 1, { fullName: `Anna ${unlike(i)}`, domain: 'bigco.com' }),
    );
    items.push(item(5000, { fullName: `Anna ${unlike(150)}e`, domain: 'bigco.com' }));
    const { groups } = findDuplicateGroups(items);
    expect(groups).toEqual([{ kind: 'name_company', ids: [151, 5000], survivorId: 151 }]);
  });

  it('joins everyone of the same name in a wide block, however many there are', () => {
    const items = Array.from({ length: 200 }, (_, i) =>
      item(i + 1, { fullName: i % 40 === 0 ? 'Jane Doe' : `Anna ${unlike(i)}`, domain: 'bigco.com' }),
    );
    const { groups } = findDuplicateGroups(items);
    expect(groups).toEqual([{ kind: 'name_company', ids: [1, 41, 81, 121, 161], survivorId: 1 }]);
  });
});

describe('findDuplicateGroups is order-independent', () => {
  /** Rows drawn from `arbRow`, and the same rows shuffled, give the same groups and survivors. */
  const assertOrderIndependent = (
    arbRow: fc.Arbitrary<Partial<DedupeItem>>,
    size: { minLength?: number; maxLength: number },
    numRuns: number,
  ): void =>
    fc.assert(
      fc.property(
        fc.array(arbRow, size).chain((rows) => {
          const items = rows.map((r, i) => item(i + 1, r));
          return fc.tuple(
            fc.constant(items),
            fc.shuffledSubarray(items, { minLength: items.length, maxLength: items.length }),
          );
        }),
        ([items, shuffled]) => {
          expect(findDuplicateGroups(shuffled)).toEqual(findDuplicateGroups(items));
        },
      ),
      { numRuns },
    );

  it('gives the same groups and survivors for any input order', () => {
    const names = ['Jane Doe', 'Jane Do', 'John Smith', 'Jon Smith', 'Ana Lima', 'Anna Lima', null];
    const arbItem = fc.record({
      email: fc.option(fc.constantFrom('a@x.com', 'A@x.com', 'b@x.com', 'c@y.com', 'd@z.com'), { nil: null }),
      linkedinUrl: fc.option(
        fc.constantFrom('https://www.linkedin.com/in/a', 'https://www.linkedin.com/in/b'),
        { nil: null },
      ),
      fullName: fc.constantFrom(...names),
      domain: fc.option(fc.constantFrom('x.com', 'y.com'), { nil: null }),
      company: fc.option(fc.constantFrom('Acme', 'ACME Inc', 'Globex'), { nil: null }),
    });
    assertOrderIndependent(arbItem, { maxLength: 40 }, 300);
  });

  it('gives the same groups for any order of a block too wide for all pairs', () => {
    const first = ['Jane', 'Jan', 'John', 'Ana', 'Anna', 'J.'];
    const last = ['Doe', 'Do', 'Smith', 'Smyth', 'Lima', 'Lim', 'Dupont'];
    const arbPerson = fc.record({
      fullName: fc.tuple(fc.constantFrom(...first), fc.constantFrom(...last)).map(([f, l]) => `${f} ${l}`),
      domain: fc.option(fc.constant('bigco.com'), { nil: null, freq: 4 }),
      company: fc.constant('BigCo'),
    });
    assertOrderIndependent(arbPerson, { minLength: 51, maxLength: 90 }, 100);
  });
});

describe('matchExisting', () => {
  it('finds leads already in the database by email (any case, any +tag) or LinkedIn', () => {
    const emails = new Set(['jane@acme.com']);
    const urls = new Set(['https://www.linkedin.com/in/john']);
    const out = matchExisting(
      [
        item(1, { email: 'JANE@acme.com' }),
        item(2, { email: 'new@acme.com', linkedinUrl: 'https://www.linkedin.com/in/john' }),
        item(3, { email: 'new2@acme.com' }),
        item(4, { email: 'jane+crm@acme.com' }),
      ],
      existingLookupOf({ emailKeys: [...emails], linkedinUrls: [...urls], people: [] }),
    );
    expect([...out]).toEqual([
      [1, 'email'],
      [2, 'linkedin'],
      [4, 'email'],
    ]);
  });
});

describe('knownPeople: possibly already in your leads', () => {
  const known = (fullName: string, domain: string, email: string): KnownPerson => ({
    domain,
    firstName: null,
    lastName: null,
    fullName,
    email,
  });
  const lead = (fullName: string | null, domain: string | null, parts: Partial<DedupeItem> = {}) => ({
    ...item(0, { fullName, domain }),
    ...parts,
  });
  const people = [
    known('Robert Stone', 'acme.com', 'rstone@acme.com'),
    known('Anna Lee', 'acme.com', 'anna@acme.com'),
    known('Jane Doe', 'beta.io', 'jane@beta.io'),
    known('Cher', 'acme.com', 'cher@acme.com'),
  ];
  const similar = knownPeople(people);

  it('finds a similar name at the same company domain, whatever the new address', () => {
    expect(similar(lead('Bob Stone', 'acme.com'))?.email).toBe('rstone@acme.com');
    expect(similar(lead('Robert Stone', 'ACME.com'))?.email).toBe('rstone@acme.com');
    expect(similar(lead(null, 'acme.com', { firstName: 'R.', lastName: 'Stone' }))?.email).toBe(
      'rstone@acme.com',
    );
    expect(similar(lead('Doe, Jane', 'beta.io'))?.email).toBe('jane@beta.io');
  });

  it('does not take another person, the same name at another domain, or a row without a domain', () => {
    expect(similar(lead('Anna Leeson', 'acme.com'))).toBeNull();
    expect(similar(lead('Maria Stone', 'acme.com'))).toBeNull();
    expect(similar(lead('Robert Stone', 'acme.de'))).toBeNull();
    expect(similar(lead('Robert Stone', null, { company: 'Acme' }))).toBeNull();
    expect(similar(lead(null, 'acme.com'))).toBeNull();
    expect(knownPeople([])(lead('Robert Stone', 'acme.com'))).toBeNull();
  });

  it('compares a one-word name only with the same word', () => {
    expect(similar(lead('Cher', 'acme.com'))?.email).toBe('cher@acme.com');
    expect(similar(lead('Chere', 'acme.com'))).toBeNull();
  });

  it('names the first of several in the order given', () => {
    const twice = knownPeople([known('Bob Stone', 'acme.com', 'bob@acme.com'), ...people]);
    expect(twice(lead('Robert Stone', 'acme.com'))?.email).toBe('bob@acme.com');
  });

  it('finds the same last name among thousands of people of one company, with a bounded scan', () => {
    const many = Array.from({ length: 3000 }, (_, i) =>
      known(`Person${i} Smith${i}`, 'bigco.com', `p${i}@bigco.com`),
    );
    const wide = knownPeople([...many, known('Jane Sanders', 'bigco.com', 'jane@bigco.com')]);
    expect(wide(lead('Jane Sanders', 'bigco.com'))?.email).toBe('jane@bigco.com');
    expect(wide(lead('Janet Sanders', 'bigco.com'))?.email).toBe('jane@bigco.com');
    expect(wide(lead('Jane Sandres', 'bigco.com'))).toBeNull();
  });

  it('is part of the lookup built from what the database holds', () => {
    const lookup = existingLookupOf({ emailKeys: [], linkedinUrls: [], people });
    expect(lookup.similarPerson(lead('Bob Stone', 'acme.com'))?.email).toBe('rstone@acme.com');
  });

  it('says which lead it is, by name and address', () => {
    expect(possiblyInLeadsReason(people[0] as KnownPerson)).toBe(
      'Possibly already in your leads as Robert Stone, rstone@acme.com (similar name, same company)',
    );
    expect(
      possiblyInLeadsReason({
        domain: 'x.io',
        firstName: 'Ana',
        lastName: 'Silva',
        fullName: null,
        email: null,
      }),
    ).toBe('Possibly already in your leads as Ana Silva (similar name, same company)');
  });
});

describe('mergeInto', () => {
  const lead = (over: Partial<NormalisedLead>): NormalisedLead => ({ ...emptyLead(), ...over });
  it('fills only empty fields, earlier others first, without touching inputs', () => {
    const survivor = lead({ email: 'jane@acme.com', title: 'CEO', custom: { notes: '', tier: 'A' } });
    const a = lead({ title: 'Founder', phone: '+1 555', custom: { notes: 'met at expo', tier: 'B' } });
    const b = lead({ phone: '+44 20', company: 'Acme', custom: { notes: 'other' } });
    const merged = mergeInto(survivor, [a, b]);
    expect(merged).toMatchObject({ email: 'jane@acme.com', title: 'CEO', phone: '+1 555', company: 'Acme' });
    expect({ ...merged.custom }).toEqual({ notes: 'met at expo', tier: 'A' });
    expect(survivor.phone).toBeNull();
    expect(survivor.custom.notes).toBe('');
  });

  it('counts filled fields for completeness', () => {
    expect(completeness(lead({ email: 'a@x.com', phone: '1', custom: { a: 'x', b: '' } }))).toBe(3);
  });

  it('counts every text field of a lead for completeness, each once', () => {
    const full = emptyLead();
    for (const f of LEAD_TEXT_FIELDS) full[f] = 'x';
    expect(completeness(full)).toBe(LEAD_TEXT_FIELDS.length);
    for (const f of LEAD_TEXT_FIELDS)
      expect(completeness({ ...full, [f]: '' })).toBe(LEAD_TEXT_FIELDS.length - 1);
  });
});
