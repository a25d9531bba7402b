import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { cleanLead } from '../../../src-shared/import/clean';
import { existingLookupOf } from '../../../src-shared/import/dedupe';
import {
  MappingError,
  rowsBelowHeader,
  runPipeline,
  type PipelineInput,
} from '../../../src-shared/import/pipeline';
import { isSuppressedPerson } from '../../../src-shared/import/suppression';
import { detectHeaderRow, headerNames, normaliseHeaders } from '../../../src-shared/import/header';
import { suggestMapping, visibleRowsBelow } from '../../../src-shared/import/mapping';
import {
  LEAD_STATES,
  emptyLead,
  type ColumnMapping,
  type LeadField,
  type RowDecision,
} from '../../../src-shared/import/types';

const SHEET = [
  ['Acme lead list', '', '', ''],
  ['', '', '', ''],
  ['Email', 'Name', 'Company', 'LinkedIn'],
  ['jane@acme.com', 'Jane Doe', 'Acme', 'linkedin.com/in/janedoe'], // row 4
  ['JANE@acme.com', 'Jane Doe', 'Acme', ''], // 5: same email as 4
  ['jd@gmail.com', 'J. Doe', '', 'https://fr.linkedin.com/in/JaneDoe/'], // 6: same LinkedIn as 4
  ['', '', '', ''], // 7: blank
  ['john@gmial.com', 'John Smith', 'Globex', ''], // 8: typo
  ['bob@mailinator.com', 'Bob', '', ''], // 9: disposable
  ['ceo@suppressed.com', 'Sam', 'Supp', ''], // 10: suppressed domain
  ['old@acme.com', 'Old Lead', 'Acme', ''], // 11: in database
  ['j.smith@initech.com', 'John Smith', 'Initech', ''], // 12
  ['jsmith@initech.com', 'Jon Smith', 'Initech', ''], // 13: possible duplicate of 12
  ['no email here', 'Nobody', '', ''], // 14: invalid
  ['info@acme.com', 'Ann Lee', 'Acme', ''], // 15: role, ready
];

/** Each column mapped to a lead field, in order. */
const fieldsMapping = (...fields: LeadField[]): ColumnMapping =>
  fields.map((field) => ({ kind: 'field', field }));

function run(decisions?: Map<number, RowDecision>) {
  const headerRow = detectHeaderRow(SHEET);
  const headers = normaliseHeaders(SHEET[headerRow] ?? []);
  const mapping = suggestMapping(headers, SHEET.slice(headerRow + 1));
  return runPipeline({
    rows: SHEET,
    headerRow,
    mapping,
    existing: existingLookupOf({ emailKeys: ['old@acme.com'], linkedinUrls: [], people: [] }),
    suppression: { emails: new Set(), domains: new Set(['suppressed.com']) },
    decisions,
  });
}

/** The pipeline over `rows` (header first) with the mapping it would suggest. */
function pipelineOf(rows: string[][], more: Partial<PipelineInput> = {}) {
  const headers = normaliseHeaders(rows[0] ?? []);
  return runPipeline({ rows, headerRow: 0, mapping: suggestMapping(headers, rows.slice(1)), ...more });
}

describe('runPipeline', () => {
  it('gives every row one state and a reason', () => {
    const result = run();
    const byRow = new Map(result.leads.map((l) => [l.rowNumber, l]));
    const states = Object.fromEntries(result.leads.map((l) => [l.rowNumber, l.state]));
    expect(states).toEqual({
      4: 'ready',
      5: 'duplicate',
      6: 'duplicate',
      8: 'needs_fix',
      9: 'invalid',
      10: 'suppressed',
      11: 'duplicate',
      12: 'ready',
      13: 'needs_fix',
      14: 'invalid',
      15: 'ready',
    });
    expect(byRow.get(5)?.reason).toBe('Same email as row 4');
    expect(byRow.get(6)?.reason).toBe('Same LinkedIn profile as row 4');
    expect(byRow.get(8)?.suggestion).toBe('john@gmail.com');
    expect(byRow.get(11)?.reason).toMatch(/Already in your leads/);
    expect(byRow.get(11)?.flags).toContain('in_database');
    expect(byRow.get(13)?.reason).toMatch(/row 12/);
    expect(byRow.get(15)?.flags).toContain('role');
    expect(byRow.get(4)?.original).toEqual(SHEET[3]);
  });

  it('counts add up to the rows read, blank rows reported apart', () => {
    const r = run();
    expect(r.blankRows).toBe(1);
    expect(r.total).toBe(r.leads.length);
    expect(Object.values(r.counts).reduce((a, b) => a + b, 0)).toBe(r.total);
    expect(r.total + r.blankRows).toBe(SHEET.length - 3);
    expect(r.counts).toEqual({ ready: 3, needs_fix: 2, invalid: 2, duplicate: 3, suppressed: 1 });
  });

  it('skips the lines drawn across a table (a Markdown table pasted as text) as blank rows, not invalid leads', () => {
    const rows = [
      ['', 'Email', 'Name', ''],
      ['', '---', ':---:', ''],
      ['', 'ann@acme.io', 'Ann Lee', ''],
      ['', '====', '', ''],
      ['', 'bo@beta.io', '-', ''], // a dash for a missing name is no line: the row is a lead
    ];
    const mapping: ColumnMapping = [
      { kind: 'ignore' },
      ...fieldsMapping('email', 'fullName'),
      { kind: 'ignore' },
    ];
    const r = runPipeline({ rows, headerRow: 0, mapping });
    expect(r.leads.map((l) => l.rowNumber)).toEqual([3, 5]);
    expect(r.blankRows).toBe(2);
    expect(r.counts.invalid).toBe(0);
  });

  it("skips each page's title and number in a table converted from a PDF, and a group's subtotal, counted apart: no invalid leads", () => {
    const rows = [
      ['Attendees – TechConf 2024', '', ''],
      ['Email', 'Name', 'Company'],
      ['ann@acme.io', 'Ann Lee', 'Acme'],
      ['Page 1 of 2', '', ''],
      ['ATTENDEES – TECHCONF 2024', '', ''],
      ['Email', 'Name', 'Company'],
      ['bo@beta.io', 'Bo Ray', 'Beta'],
      ['', '2 / 2', ''],
      ['Subtotal', '', '2'], // a group's sum, as a report grouped by source has it
      ['', 'Cy Young', ''], // a lead without an address is still a lead
    ];
    const r = runPipeline({ rows, headerRow: 1, mapping: fieldsMapping('email', 'fullName', 'company') });
    expect(r.leads.map((l) => l.rowNumber)).toEqual([3, 7, 10]);
    expect([r.headerRepeats, r.footerRows]).toEqual([2, 3]);
    expect(rowsBelowHeader(r)).toBe(rows.length - 2);
  });

  it('skips the header where it comes again (files joined one after another), counted apart', () => {
    const rows = [
      ['Email', 'Name', ''],
      ['ann@acme.io', 'Ann', ''],
      [' EMAIL', 'name ', ''], // the second file's header
      ['bo@beta.io', 'Bo', ''],
      ['Email', 'Cy', ''], // a word that names a column, in one cell only: a row (an invalid lead)
    ];
    const mapping: ColumnMapping = [...fieldsMapping('email', 'fullName'), { kind: 'ignore' }];
    const r = runPipeline({ rows, headerRow: 0, mapping });
    expect(r.headerRepeats).toBe(1);
    expect(r.leads.map((l) => l.rowNumber)).toEqual([2, 4, 5]);
    expect(r.leads[2]?.state).toBe('invalid');
  });

  it("leaves out the notes of a report's footer below the table (Salesforce's), counted apart: no invalid leads", () => {
    const rows = [
      ['Email', 'Name', 'Company'],
      ['ann@acme.io', 'Ann Lee', 'Acme'],
      ['bo@beta.io', 'Bo Ray', 'Beta'],
      ['', '', ''],
      ['My open leads', '', ''],
      ['Copyright (c) 2000-2024 salesforce.com, inc. All rights reserved.', '', ''],
      ['Confidential Information - Do Not Distribute', '', ''],
      ['Generated By:  Jane Founder  3/12/2024 4:05 PM', '', ''],
      ['Acme Ventures', '', ''],
    ];
    const r = runPipeline({ rows, headerRow: 0, mapping: fieldsMapping('email', 'fullName', 'company') });
    expect(r.leads.map((l) => l.rowNumber)).toEqual([2, 3]);
    expect(r.counts.invalid).toBe(0);
    expect([r.blankRows, r.footerRows]).toEqual([1, 5]);
    expect(rowsBelowHeader(r)).toBe(rows.length - 1);
  });

  it('reads the rows of a table joined below in another order by its own header, and the header again after it', () => {
    const rows = [
      ['Email', 'Name', 'Company'],
      ['ann@acme.io', 'Ann Lee', 'Acme'],
      ['', '', ''],
      ['Company', 'Full name', 'E-mail'], // exported by another tool
      ['Gamma', 'Cat Poe', 'cat@gamma.io'],
      ['Delta', 'Dan Moe', 'not yet'],
      ['Email', 'Name', 'Company'], // a third file, in the first one's order
      ['eve@eps.io', 'Eve Ray', 'Eps'],
    ];
    const r = runPipeline({ rows, headerRow: 0, mapping: fieldsMapping('email', 'fullName', 'company') });
    // Before: the second header an invalid lead, and Cat and Dan invalid with their cells under the wrong names.
    expect(r.headerRepeats).toBe(2);
    expect(r.total + r.blankRows + r.headerRepeats).toBe(rows.length - 1);
    expect(r.leads.map((l) => [l.rowNumber, l.lead.email, l.lead.fullName, l.lead.company, l.state])).toEqual(
      [
        [2, 'ann@acme.io', 'Ann Lee', 'Acme', 'ready'],
        [5, 'cat@gamma.io', 'Cat Poe', 'Gamma', 'ready'],
        [6, 'not yet', 'Dan Moe', 'Delta', 'invalid'],
        [8, 'eve@eps.io', 'Eve Ray', 'Eps', 'ready'],
      ],
    );
    // Each lead's original row is shown under the header's names.
    expect(r.leads[1]?.original).toEqual(['cat@gamma.io', 'Cat Poe', 'Gamma']);
  });

  it('reports duplicate groups with survivors and links rows to them', () => {
    const r = run();
    const group = r.groups.find((g) => g.kind === 'email');
    expect(group).toMatchObject({ ids: [4, 5, 6], survivorId: 4 });
    expect(r.leads.find((l) => l.rowNumber === 5)?.groupId).toBe(group?.id);
    expect(r.groups.find((g) => g.kind === 'name_company')).toMatchObject({ ids: [12, 13] });
  });

  it('never makes a valid lead the duplicate of a row that cannot be sent, however complete that row is', () => {
    const rows = [
      ['Email', 'First name', 'Last name', 'Company', 'Title', 'Phone', 'LinkedIn'],
      ['maria.lopez@globex.com', 'Maria', '', '', '', '', 'linkedin.com/in/marialopez'],
      [
        'maria.lopez@globex',
        'Maria',
        'Lopez',
        'Globex',
        'CTO',
        '+34 600 000 000',
        'linkedin.com/in/marialopez',
      ],
    ];
    const r = pipelineOf(rows);
    expect(r.leads.map((l) => [l.rowNumber, l.state])).toEqual([
      [2, 'ready'],
      [3, 'invalid'],
    ]);
    expect(r.groups).toEqual([{ id: 0, kind: 'linkedin', ids: [2, 3], survivorId: 2 }]);
    expect(r.leads.map((l) => l.groupId)).toEqual([0, 0]);
  });

  it('keeps the row whose address can be sent as written over a more complete one whose address needs a fix', () => {
    const rows = [
      ['Email', 'First name', 'Last name', 'Company', 'Title', 'LinkedIn'],
      ['maria@@globex.com', 'Maria', 'Lopez', 'Globex', 'CTO', 'linkedin.com/in/marialopez'],
      ['maria.lopez@globex.com', 'Maria', '', '', '', 'linkedin.com/in/marialopez'],
      ['ana@gmial.com', 'Ana', 'Silva', 'Acme', 'CEO', 'linkedin.com/in/anasilva'],
      ['ana.silva@acme.com', 'Ana', '', '', '', 'linkedin.com/in/anasilva'],
    ];
    const r = pipelineOf(rows);
    // Ready at once, rather than a duplicate waiting for the fix of the other row; the other row's
    // name, company and title are one "Fill empty fields" away in the group.
    expect(r.leads.map((l) => [l.rowNumber, l.state])).toEqual([
      [2, 'duplicate'],
      [3, 'ready'],
      [4, 'duplicate'],
      [5, 'ready'],
    ]);
    expect(r.groups.map((g) => g.survivorId)).toEqual([3, 5]);
  });

  it('does not take two shops on one hosting platform for one company', () => {
    const rows = [
      ['Email', 'Name', 'Company', 'Website'],
      ['john.candles@gmail.com', 'John Smith', 'Shop', 'https://acme-candles.myshopify.com'],
      ['jon.soap@gmail.com', 'Jon Smith', 'Shop', 'https://river-soap.myshopify.com/products'],
      ['j.smith.soap@gmail.com', 'John Smith', 'Shop', 'river-soap.myshopify.com'],
    ];
    const r = pipelineOf(rows);
    expect(r.leads.map((l) => l.lead.domain)).toEqual([
      'acme-candles.myshopify.com',
      'river-soap.myshopify.com',
      'river-soap.myshopify.com',
    ]);
    // Similar names at the same shop are still worth a look; across shops they are not.
    expect(r.groups.map((g) => [g.kind, g.ids])).toEqual([['name_company', [3, 4]]]);
  });

  it('does not take a company page on LinkedIn for the company website', () => {
    const rows = [
      ['Email', 'Name', 'Company', 'Website'],
      ['john.acme@gmail.com', 'John Smith', 'Acme', 'https://www.linkedin.com/company/acme'],
      ['jon.globex@gmail.com', 'Jon Smith', 'Globex', 'linkedin.com/company/globex/'],
    ];
    const r = pipelineOf(rows);
    expect(r.leads.map((l) => [l.lead.website, l.lead.domain])).toEqual([
      ['https://www.linkedin.com/company/acme', null],
      ['linkedin.com/company/globex/', null],
    ]);
    expect(r.groups).toEqual([]);
  });

  it('makes every row linked to a lead already in your leads (by address or profile, row to row) a duplicate of it, with no group to review', () => {
    const rows = [
      ['Email', 'First name', 'Last name', 'Company', 'Title', 'LinkedIn'],
      ['ana@acme.com', 'Ana', '', '', '', 'linkedin.com/in/ana-silva'],
      ['ana.silva@gmail.com', 'Ana', 'Silva', 'Acme', 'CTO', 'linkedin.com/in/ana-silva'],
      ['ANA.SILVA@gmail.com', 'Ana', 'Silva', 'Acme', 'CTO', ''],
      ['bo@beta.io', 'Bo', 'Stone', 'Beta', 'CEO', ''],
    ];
    const r = pipelineOf(rows, {
      existing: existingLookupOf({ emailKeys: ['ana@acme.com'], linkedinUrls: [], people: [] }),
    });
    expect(r.leads.map((l) => [l.rowNumber, l.state, l.reason, l.groupId])).toEqual([
      [2, 'duplicate', 'Already in your leads (same email)', null],
      [3, 'duplicate', 'Already in your leads (the same person as row 2)', null],
      [4, 'duplicate', 'Already in your leads (the same person as row 2)', null],
      [5, 'ready', 'Ready', null],
    ]);
    expect(r.leads.slice(0, 3).every((l) => l.flags.includes('in_database'))).toBe(true);
    expect(r.groups).toEqual([]);
  });

  it('asks about a row whose person is possibly already in your leads at a new address: a similar name at the same company domain', () => {
    const rows = [
      ['Email', 'First name', 'Last name', 'Company', 'Website'],
      ['bob.stone@acme.com', 'Bob', 'Stone', 'Acme', ''],
      ['r.stone@acme.com', 'Rob', 'Stone', 'Acme', 'acme.com'],
      ['jane@beta.io', 'Jane', 'Doe', 'Beta', ''],
      ['ana@acme.com', 'Ana', 'Stone', 'Acme', ''],
      ['robert@stone.dev', 'Robert', 'Stone', 'Stone Dev', ''],
      ['old@acme.com', 'Robert', 'Stone', 'Acme', ''],
    ];
    const existing = existingLookupOf({
      emailKeys: ['old@acme.com'],
      linkedinUrls: [],
      people: [
        { domain: 'acme.com', firstName: 'Robert', lastName: 'Stone', fullName: null, email: 'old@acme.com' },
      ],
    });
    const asked = 'Possibly already in your leads as Robert Stone, old@acme.com (similar name, same company)';
    const r = pipelineOf(rows, { existing });
    expect(r.leads.map((l) => [l.rowNumber, l.state, l.reason])).toEqual([
      // Rows 2 and 3 are one group of the file, row 3 (which has a website) its survivor: row 2 is asked
      // about row 3, row 3 about the lead in your leads.
      [2, 'needs_fix', 'Possibly the same person as row 3 (similar name, same company)'],
      [3, 'needs_fix', asked],
      [4, 'ready', 'Ready'],
      [5, 'ready', 'Ready'],
      [6, 'ready', 'Ready'],
      [7, 'duplicate', 'Already in your leads (same email)'],
    ]);
    // The flag is a fact about the row alone (its name at that domain), whatever the reason shown.
    expect(r.leads.map((l) => l.flags.includes('similar_in_database'))).toEqual([
      true,
      true,
      false,
      false,
      false,
      true,
    ]);
    expect(r.leads[1]?.flags).toContain('possible_duplicate');

    // Kept by the user: it is a lead of its own.
    const kept = pipelineOf(rows, { existing, decisions: new Map([[3, 'keep']]) });
    expect(kept.leads[1]).toMatchObject({ state: 'ready', reason: 'Kept by you' });
  });

  it('suppresses every row linked to a row whose address is on the suppression list: the same person, at any address', () => {
    const rows = [
      ['Email', 'First name', 'Last name', 'Company', 'Title', 'LinkedIn'],
      ['jane@rival.io', 'Jane', 'Doe', 'Rival', 'CEO', 'linkedin.com/in/jane-doe'],
      ['jane.doe@gmail.com', 'Jane', 'Doe', 'Rival', 'CEO', 'linkedin.com/in/jane-doe'],
      ['JANE.DOE@gmail.com', 'Jane', 'Doe', '', '', ''],
      ['bo@beta.io', 'Bo', 'Stone', 'Beta', 'CEO', ''],
    ];
    const r = pipelineOf(rows, { suppression: { emails: new Set(['jane@rival.io']), domains: new Set() } });
    const samePerson = 'The same person as row 2, whose address is on your suppression list';
    expect(r.leads.map((l) => [l.rowNumber, l.state, l.reason])).toEqual([
      [2, 'suppressed', 'On your suppression list'],
      [3, 'suppressed', samePerson],
      [4, 'suppressed', samePerson],
      [5, 'ready', 'Ready'],
    ]);
    expect(r.groups).toEqual([]);

    // A domain on the list is about addresses there: the person's other address is still theirs to send.
    const byDomain = pipelineOf(rows, { suppression: { emails: new Set(), domains: new Set(['rival.io']) } });
    expect(byDomain.leads.map((l) => [l.rowNumber, l.state])).toEqual([
      [2, 'suppressed'],
      [3, 'ready'],
      [4, 'duplicate'],
      [5, 'ready'],
    ]);
  });

  it('lists no duplicate group whose rows can none of them be sent', () => {
    const rows = [
      ['Email', 'Name', 'Company'],
      ['ana@acme', 'Ana Silva', 'Acme'],
      ['ANA@acme', 'Ana Silva', 'Acme'],
      ['ana@acme', 'Ana Silva', 'Acme'],
      ['bo@beta.io', 'Bo Stone', 'Beta'],
      ['Bo@Beta.io', 'Bo Stone', 'Beta'],
    ];
    const r = pipelineOf(rows);
    expect(r.leads.map((l) => l.state)).toEqual(['invalid', 'invalid', 'invalid', 'ready', 'duplicate']);
    expect(r.groups).toEqual([{ id: 0, kind: 'email', ids: [5, 6], survivorId: 5 }]);
    expect(r.leads.map((l) => l.groupId)).toEqual([null, null, null, 0, 0]);
    expect(Object.values(r.counts).reduce((a, b) => a + b, 0)).toBe(5);
  });

  it("leaves out every row of an address another row says takes no mail: the verifier's undeliverable, a bounce, the same inbox written otherwise", () => {
    const rows = [
      ['Email', 'First Name', 'Email Status', 'Email Bounced'],
      ['Ann@Acme.com', 'Ann', '', ''], // 2: a fuller list's row, never verified
      ['bo@beta.io', 'Bo', 'Valid', ''],
      ['ann@acme.com', 'Ann', 'Invalid', ''],
      ['cy.ray@gmail.com', 'Cy', '', ''],
      ['cyray@gmail.com', 'Cy', '', 'true'], // 6: the same Gmail inbox as row 5
      ['di@delta.io', 'Di', 'Valid', ''],
      ['di@delta.io', 'Di', 'Undeliverable', ''], // 8: the rows disagree
      ['ed@echo.io', 'Ed', '', ''],
    ];
    const r = pipelineOf(rows);
    expect(r.leads.map((l) => [l.rowNumber, l.state, l.reason])).toEqual([
      [2, 'invalid', 'Your email verifier marked this address undeliverable'],
      [3, 'ready', 'Ready'],
      [4, 'invalid', 'Your email verifier marked this address undeliverable'],
      [5, 'invalid', 'This address bounced before, as the file says'],
      [6, 'invalid', 'This address bounced before, as the file says'],
      [7, 'invalid', 'Your email verifier marked this address undeliverable'],
      [8, 'invalid', 'Your email verifier marked this address undeliverable'],
      [9, 'ready', 'Ready'],
    ]);
    expect(r.leads[0]?.flags).toContain('verifier_undeliverable');
    expect(r.groups).toEqual([]);
  });

  it('leaves out every row of an address whose person another row says opted out, declined or already answered', () => {
    const rows = [
      ['Email', 'First Name', 'Stage'],
      ['ann@acme.com', 'Ann', ''], // 2: the same address in a fresh list's row
      ['ann@acme.com', 'Ann', 'Meeting booked'],
      ['BO@beta.io', 'Bo', 'Cold'],
      ['bo@beta.io', 'Bo', 'Unsubscribed'],
      ['cy@gamma.io', 'Cy', 'Cold'],
    ];
    const r = pipelineOf(rows);
    expect(r.leads.map((l) => [l.rowNumber, l.state, l.reason])).toEqual([
      [
        2,
        'suppressed',
        'Already answered an earlier campaign (replied, interested, a meeting), as the file says',
      ],
      [
        3,
        'suppressed',
        'Already answered an earlier campaign (replied, interested, a meeting), as the file says',
      ],
      [4, 'suppressed', 'Marked in the file as opted out or not to be contacted'],
      [5, 'suppressed', 'Marked in the file as opted out or not to be contacted'],
      [6, 'ready', 'Ready'],
    ]);
    // Nobody to choose between: no group of them to review.
    expect(r.groups).toEqual([]);
  });

  it("leaves out a person's row at another address, linked by their LinkedIn profile, when another row says they opted out or already answered; an address's verdict stays with the address", () => {
    const rows = [
      ['Email', 'First Name', 'LinkedIn', 'Stage', 'Email Status'],
      ['ann@acme.com', 'Ann', 'https://www.linkedin.com/in/ann-lee', 'Unsubscribed', ''],
      ['ann.lee@gmail.com', 'Ann', 'linkedin.com/in/ann-lee/', '', ''], // 3: Ann at her own address
      ['bo@beta.io', 'Bo', 'https://linkedin.com/in/bo-ray', 'Meeting booked', ''],
      ['bo.ray@gmail.com', 'Bo', 'https://de.linkedin.com/in/bo-ray?trk=x', '', ''],
      ['cy@gamma.io', 'Cy', 'https://linkedin.com/in/cy-fox', 'Unsubscribed', ''],
      ['cy.fox@gmail.com', 'Cy', '', '', ''], // 7: nothing links this row to Cy
      ['di@delta.io', 'Di', 'https://linkedin.com/in/di-ito', '', 'Invalid'],
      ['di.ito@gmail.com', 'Di', 'https://linkedin.com/in/di-ito', '', 'Valid'], // 9: Di is reachable here
    ];
    const r = pipelineOf(rows);
    const optedOut = 'Marked in the file as opted out or not to be contacted';
    const answered =
      'Already answered an earlier campaign (replied, interested, a meeting), as the file says';
    expect(r.leads.map((l) => [l.rowNumber, l.state, l.reason])).toEqual([
      [2, 'suppressed', optedOut],
      [3, 'suppressed', optedOut],
      [4, 'suppressed', answered],
      [5, 'suppressed', answered],
      [6, 'suppressed', optedOut],
      [7, 'ready', 'Ready'],
      [8, 'invalid', 'Your email verifier marked this address undeliverable'],
      [9, 'ready', 'Ready'],
    ]);
    // Nobody to choose between for Ann and Bo: no group of their rows to review.
    expect(r.groups.flatMap((g) => g.ids)).not.toContain(3);
    expect(r.groups.flatMap((g) => g.ids)).not.toContain(5);
  });

  it('applies decisions by row number', () => {
    const r = run(
      new Map<number, RowDecision>([
        [5, 'keep'],
        [15, 'exclude'],
        [13, 'duplicate'],
      ]),
    );
    const state = (n: number) => r.leads.find((l) => l.rowNumber === n)?.state;
    expect([state(5), state(15), state(13)]).toEqual(['ready', 'suppressed', 'duplicate']);
  });

  it('applies inline edits and re-dedupes', () => {
    const headers = ['Email', 'Name'];
    const rows = [headers, ['a@acme.com', 'Ann'], ['b@acme.com', 'Bo']];
    const mapping = fieldsMapping('email', 'fullName');
    const edits = new Map([[3, { ...emptyLead(), email: 'A@ACME.com', fullName: 'Bo' }]]);
    const r = runPipeline({ rows, headerRow: 0, mapping, edits });
    expect(r.leads.map((l) => l.state)).toEqual(['ready', 'duplicate']);
  });

  it('refuses a mapping without email with the columns found', () => {
    const rows = [
      ['Name', 'Company'],
      ['Jane', 'Acme'],
    ];
    expect(() =>
      runPipeline({ rows, headerRow: 0, mapping: suggestMapping(['Name', 'Company'], rows.slice(1)) }),
    ).toThrow(MappingError);
    expect(() =>
      runPipeline({ rows, headerRow: 0, mapping: suggestMapping(['Name', 'Company'], rows.slice(1)) }),
    ).toThrow(/Name, Company/);
  });

  it('keeps header-named custom keys away from prototypes', () => {
    const rows = [
      ['Email', '__proto__', 'constructor'],
      ['a@acme.com', '{"polluted":1}', 'x'],
    ];
    const r = pipelineOf(rows);
    expect({ ...r.leads[0]?.lead.custom }).toEqual({ proto: '{"polluted":1}', col_constructor: 'x' });
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('state counts always add up (property)', () => {
    const cell = fc.constantFrom(
      '',
      ' ',
      'a@acme.com',
      'A@ACME.COM',
      'b@gmial.com',
      'x@mailinator.com',
      'nope',
      'c@acme.con',
      'info@acme.com',
      'd@sup.com',
    );
    const name = fc.constantFrom('', 'Jane Doe', 'Jon Smith', 'John Smith', '王小明');
    const row = fc.tuple(cell, name, fc.constantFrom('', 'Acme', 'Initech'));
    // The header again, as a second file joined below the first brings it.
    const repeat = ['email ', 'Name', 'COMPANY'] as const;
    // Or the header of a table joined below in another order, by other names.
    const reordered = ['Organization', 'E-mail', 'Full name'] as const;
    // A note of a report's footer: one below the last lead is the footer's; one above a lead is no footer.
    const note = ['', 'Confidential Information - Do Not Distribute', ''] as const;
    fc.assert(
      fc.property(
        fc.array(
          fc.oneof(
            { arbitrary: row, weight: 9 },
            { arbitrary: fc.constant(repeat), weight: 1 },
            { arbitrary: fc.constant(reordered), weight: 1 },
            { arbitrary: fc.constant(note), weight: 1 },
          ),
          { maxLength: 60 },
        ),
        fc.array(fc.tuple(fc.nat(70), fc.constantFrom<RowDecision>('exclude', 'keep', 'duplicate'))),
        fc.uniqueArray(fc.nat(70)),
        (body, decisions, hidden) => {
          const rows = [['Email', 'Name', 'Company'], ...body.map((r) => [...r])];
          const leaveOut = [...hidden].sort((a, b) => a - b);
          const r = runPipeline({
            rows,
            headerRow: 0,
            mapping: fieldsMapping('email', 'fullName', 'company'),
            suppression: { emails: new Set(), domains: new Set(['sup.com']) },
            existing: existingLookupOf({ emailKeys: ['info@acme.com'], linkedinUrls: [], people: [] }),
            decisions: new Map(decisions),
            leaveOut,
          });
          const sum = LEAD_STATES.reduce((a, s) => a + r.counts[s], 0);
          expect(sum).toBe(r.total);
          expect(r.total).toBe(r.leads.length);
          expect(r.total + r.blankRows + r.hiddenRows + r.headerRepeats + r.footerRows).toBe(body.length);
          expect(rowsBelowHeader(r)).toBe(body.length);
          const repeats = body.filter(
            (b, i) => (b === repeat || b === reordered) && !leaveOut.includes(i + 1),
          );
          expect(r.headerRepeats).toBe(repeats.length);
          // Hidden data rows are never leads: rows[i] is sheet row i + 1.
          expect(r.hiddenRows).toBe(leaveOut.filter((i) => i >= 1 && i <= body.length).length);
          for (const lead of r.leads) expect(leaveOut).not.toContain(lead.rowNumber - 1);
          for (const s of LEAD_STATES) expect(r.leads.filter((l) => l.state === s).length).toBe(r.counts[s]);
        },
      ),
      { numRuns: 200 },
    );
  });

  it('never leaves two ready leads for one address or one LinkedIn profile, nor one for a person already in your leads or with an address on the suppression list (property)', () => {
    const email = fc.constantFrom(
      '',
      'a@acme.com',
      'A@Acme.com',
      'b@beta.io',
      'c@gmail.com',
      'old@acme.com',
      'bad@acme',
    );
    const profile = fc.constantFrom(
      '',
      'linkedin.com/in/ann',
      'https://www.linkedin.com/in/ann/',
      'linkedin.com/in/bo',
      'linkedin.com/in/old',
    );
    const name = fc.constantFrom('', 'Ann Lee', 'Bo Stone');
    const company = fc.constantFrom('', 'Acme', 'Beta');
    const suppression = { emails: new Set(['c@gmail.com']), domains: new Set(['beta.io']) };
    fc.assert(
      fc.property(fc.array(fc.tuple(email, name, company, profile), { maxLength: 40 }), (body) => {
        const rows = [['Email', 'Name', 'Company', 'LinkedIn'], ...body.map((r) => [...r])];
        const r = runPipeline({
          rows,
          headerRow: 0,
          mapping: fieldsMapping('email', 'fullName', 'company', 'linkedinUrl'),
          existing: existingLookupOf({
            emailKeys: ['old@acme.com'],
            linkedinUrls: ['https://www.linkedin.com/in/old'],
            people: [],
          }),
          suppression,
        });
        const ready = r.leads.filter((l) => l.state === 'ready');
        const emails = ready.flatMap((l) => (l.lead.email ? [l.lead.email.toLowerCase()] : []));
        const profiles = ready.flatMap((l) => (l.lead.linkedinUrl ? [l.lead.linkedinUrl] : []));
        expect(new Set(emails).size).toBe(emails.length);
        expect(new Set(profiles).size).toBe(profiles.length);
        // The keys of the rows linked, row to row, to a row with one of `seeds`: one person.
        const personOf = (seeds: readonly string[]): Set<string> => {
          const keys = new Set(seeds);
          for (let grew = true; grew;) {
            grew = false;
            for (const l of r.leads) {
              const own = [l.lead.email?.toLowerCase(), l.lead.linkedinUrl].filter((k) => k) as string[];
              if (own.some((k) => keys.has(k)) && own.some((k) => !keys.has(k))) {
                for (const k of own) keys.add(k);
                grew = true;
              }
            }
          }
          return keys;
        };
        const known = personOf(['old@acme.com', 'https://www.linkedin.com/in/old']);
        const listed = personOf(
          r.leads.flatMap((l) =>
            l.state !== 'invalid' && isSuppressedPerson(l.lead.email, suppression)
              ? ([l.lead.email?.toLowerCase(), l.lead.linkedinUrl].filter((k) => k) as string[])
              : [],
          ),
        );
        for (const l of ready) {
          for (const people of [known, listed]) {
            expect(people.has(l.lead.email?.toLowerCase() ?? '')).toBe(false);
            expect(people.has(l.lead.linkedinUrl ?? '')).toBe(false);
          }
        }
        // Every group listed for review has a member that can be sent.
        for (const g of r.groups)
          expect(g.ids.some((id) => r.leads.find((l) => l.rowNumber === id)?.state !== 'invalid')).toBe(true);
      }),
      { numRuns: 300 },
    );
  });

  it('reads any sheet of hostile cells to an end, with every row in a state, cleaned for good', () => {
    // The pieces that once hung an import or were cleaned again differently: letters outside the BMP
    // (LinkedIn's styled ones, Adlam, Deseret), full-width text, decorations a pass uncovers one by one;
    // and those read another way since: small capitals, boxed letters, jobs after a name, Vietnamese names,
    // numbers and an @ or "at" after a name.
    const piece = fc.oneof(
      fc.constantFrom(
        '@',
        '.',
        ' ',
        ',',
        '"',
        'mailto:',
        '<',
        '>',
        'gmail.com',
        'gmial.con',
        'www.',
        'linkedin.com/in/',
        'Ann',
        'LEE',
        'Dr',
        'GmbH',
        'Inc.',
        '\u200b',
        '\u0301',
        '=',
        '+',
        '-',
        'N/A',
        'bounced',
        'é',
        '中',
        '🚀',
        '🟢 ',
        '𝐀',
        '𝐂𝐄𝐎',
        '𝗩𝗣 𝗢𝗙 𝗦𝗔𝗟𝗘𝗦',
        'Ｊ',
        '＠',
        '𞤀𞤣',
        '𐐔𐐯',
        'İ',
        'ﬁ',
        '#a',
        'ᴊᴀɴᴇ',
        'Dᴏᴇ',
        '🅰️',
        '🄰',
        ' CEO',
        ' co-founder',
        'NGUYEN',
        ' Van',
        ' 2',
        ' +33 6',
        ' @ ',
        ' at ',
        'google.com/url?q=',
        '%40',
        '(she/her)',
        ' | ',
        ' - ',
        '\n',
        ', ',
        'Doe, Jane',
        ':,GmbH',
        "O'",
        'xn--',
        '..',
        'info',
        'sales',
        '/',
        '?',
      ),
      fc.string({ unit: 'grapheme', maxLength: 3 }),
    );
    const cell = fc.array(piece, { maxLength: 6 }).map((pieces) => pieces.join(''));
    const header = fc.constantFrom('Email', 'Name', 'First Name', 'Last Name', 'Company', 'Title', 'Website');
    fc.assert(
      fc.property(
        fc.array(header, { minLength: 1, maxLength: 6 }),
        fc.array(fc.array(cell, { maxLength: 7 }), { maxLength: 20 }),
        (names, body) => {
          const rows = [['Email', ...names], ...body.map((cells) => ['a@acme.com', ...cells])];
          const headerRow = detectHeaderRow(rows);
          const headers = headerNames(rows, headerRow);
          const mapping = suggestMapping(headers, visibleRowsBelow(rows, headerRow, []));
          let result;
          try {
            result = runPipeline({ rows, headerRow, mapping });
          } catch (e) {
            if (e instanceof MappingError) return;
            throw e;
          }
          expect(LEAD_STATES.reduce((sum, state) => sum + result.counts[state], 0)).toBe(result.total);
          for (const { lead } of result.leads) {
            const again = cleanLead(lead).lead;
            expect(cleanLead(again).lead).toEqual(again);
          }
        },
      ),
      { numRuns: 300 },
    );
  });
});
