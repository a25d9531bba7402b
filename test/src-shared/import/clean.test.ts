import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  classify,
  cleanLead,
  cleanRow,
  compileMapping,
  keepVerdicts,
} from '../../../src-shared/import/clean';
import { checkEmail, cleanEmail } from '../../../src-shared/import/email';
import { emptyLead, LEAD_STATES, type ColumnMapping } from '../../../src-shared/import/types';

const mapping: ColumnMapping = [
  { kind: 'field', field: 'email' },
  { kind: 'field', field: 'fullName' },
  { kind: 'field', field: 'company' },
  { kind: 'field', field: 'website' },
  { kind: 'field', field: 'linkedinUrl' },
  { kind: 'field', field: 'phone' },
  { kind: 'custom', key: 'notes' },
  { kind: 'custom', key: 'col_constructor' },
];

describe('cleanRow', () => {
  it('normalises every field of a messy row', () => {
    const { lead, emailCheck, issues } = cleanRow(
      [
        ' Jane Doe <JANE@Acme.COM> ',
        'DOE, JANE',
        ' Acme  Ltd ',
        'https://www.acme.co.uk/',
        'fr.linkedin.com/in/Jane-Doe?trk=x',
        '0612 345 678',
        '=SUM(A1)',
        'x',
      ],
      mapping,
    );
    expect(lead).toMatchObject({
      email: 'JANE@acme.com',
      fullName: 'Jane Doe',
      firstName: 'Jane',
      lastName: 'Doe',
      company: 'Acme',
      website: 'https://www.acme.co.uk/',
      domain: 'acme.co.uk',
      linkedinUrl: 'https://www.linkedin.com/in/jane-doe',
      phone: '0612 345 678',
    });
    expect({ ...lead.custom }).toEqual({ notes: '=SUM(A1)', col_constructor: 'x' });
    expect(Object.getPrototypeOf(lead.custom)).toBeNull();
    expect(emailCheck?.syntaxValid).toBe(true);
    expect(issues).toEqual([]);
  });

  it('writes the company and the job title as an email would, and keeps the company a user types', () => {
    const company: ColumnMapping = [
      { kind: 'field', field: 'company' },
      { kind: 'field', field: 'email' },
    ];
    expect(cleanRow(['ACME SOFTWARE, INC.', 'jane@acme.com'], company).lead.company).toBe('Acme Software');
    // A company taken out of a job title is written so too, and the title.
    const titled: ColumnMapping = [
      { kind: 'field', field: 'title' },
      { kind: 'field', field: 'email' },
    ];
    expect(cleanRow(['Head of Sales at BETA ANALYTICS GMBH', 'jane@beta.de'], titled).lead).toMatchObject({
      title: 'Head of Sales',
      company: 'Beta Analytics',
    });
    expect(cleanRow(['VP OF SALES', 'jane@acme.com'], titled).lead.title).toBe('VP of Sales');
    // "Self-employed" names no company; a job title's may stand in for it.
    expect(cleanRow(['Self-employed', 'jane@acme.com'], company).lead.company).toBeNull();
    expect(
      cleanRow(
        ['Stealth Startup', 'jane@beta.io', 'Founder at Beta Labs'],
        [...company, { kind: 'field', field: 'title' }],
      ).lead,
    ).toMatchObject({ company: 'Beta Labs', title: 'Founder' });
    const read = cleanRow(['Acme Inc', 'jane@acme.com'], company).lead;
    expect(cleanLead({ ...read, company: 'ACME Inc' }).lead.company).toBe('ACME Inc');
  });

  it('reads the HTML entities a scraper left in the address, the name, the company and the title', () => {
    const { lead, emailCheck } = cleanRow(
      ['jane&#64;acme.com', 'Ren&eacute; O&#39;Brien', 'Smith &amp; Jones', 'VP, R&amp;D'],
      [
        { kind: 'field', field: 'email' },
        { kind: 'field', field: 'fullName' },
        { kind: 'field', field: 'company' },
        { kind: 'field', field: 'title' },
      ],
    );
    expect(lead).toMatchObject({
      email: 'jane@acme.com',
      firstName: 'René',
      lastName: "O'Brien",
      company: 'Smith & Jones',
      title: 'VP, R&D',
    });
    expect(emailCheck?.syntaxValid).toBe(true);
  });

  it("takes a person's LinkedIn profile out of the website cell, where it is no website", () => {
    const sites: ColumnMapping = [
      { kind: 'field', field: 'email' },
      { kind: 'field', field: 'website' },
      { kind: 'field', field: 'linkedinUrl' },
    ];
    const lead = (website: string, linkedIn: string) => cleanRow(['jane@acme.com', website, linkedIn], sites);
    expect(lead('https://www.linkedin.com/in/jane-doe', '').lead).toMatchObject({
      website: null,
      domain: 'acme.com',
      linkedinUrl: 'https://www.linkedin.com/in/jane-doe',
    });
    // The two cells swapped: each goes where it belongs, and nothing is said to be wrong.
    const swapped = lead('linkedin.com/in/jane-doe', 'https://acme.com');
    expect(swapped.lead).toMatchObject({
      website: 'https://acme.com',
      linkedinUrl: 'https://www.linkedin.com/in/jane-doe',
    });
    expect(swapped.issues.filter((i) => i.field !== 'fullName' && i.field !== 'firstName')).toEqual([]);
    // The LinkedIn cell's own profile stays; a company page in the website cell is said to be none.
    expect(lead('linkedin.com/in/someone-else', 'linkedin.com/in/jane-doe').lead).toMatchObject({
      website: null,
      linkedinUrl: 'https://www.linkedin.com/in/jane-doe',
    });
    expect(lead('https://www.linkedin.com/company/acme', '').lead.linkedinUrl).toBeNull();
  });

  it('takes the company domain from a work email when there is no website, never from free mail', () => {
    expect(cleanRow(['jane@eu.acme.com'], [{ kind: 'field', field: 'email' }]).lead.domain).toBe('acme.com');
    expect(cleanRow(['jane@gmail.com'], [{ kind: 'field', field: 'email' }]).lead.domain).toBeNull();
  });

  it('builds the full name from parts and keeps missing cells empty', () => {
    const m: ColumnMapping = [
      { kind: 'field', field: 'email' },
      { kind: 'field', field: 'firstName' },
      { kind: 'field', field: 'lastName' },
      { kind: 'custom', key: 'notes' },
    ];
    const { lead } = cleanRow(['a@acme.com', 'jane', 'doe'], compileMapping(m));
    expect(lead).toMatchObject({ firstName: 'Jane', lastName: 'Doe', fullName: 'Jane Doe' });
    expect(lead.custom.notes).toBe('');
  });

  it('reads the placeholders of spreadsheets and CRMs as no value, and keeps the cells as they were for the row', () => {
    const cells = ['N/A', '-', 'unknown', '#N/A', 'null', '#DIV/0!', 'TBD', 'x'];
    const { lead, issues } = cleanRow(cells, mapping);
    expect(lead).toMatchObject({
      email: null,
      fullName: null,
      company: null,
      website: null,
      linkedinUrl: null,
      phone: null,
      domain: null,
    });
    // Custom columns are the user's own variables: kept as they are.
    expect(lead.custom).toMatchObject({ notes: 'TBD' });
    expect(issues.map((i) => i.flag)).toContain('no_name');
    expect(cells).toEqual(['N/A', '-', 'unknown', '#N/A', 'null', '#DIV/0!', 'TBD', 'x']);
    expect(classify(cleanRow(['none', 'Jane Doe'], mapping))).toMatchObject({
      state: 'invalid',
      reason: 'No email address',
    });
  });

  it("takes the name a mail app writes before the address when the row has none, but not a team inbox's", () => {
    const emailOnly = compileMapping([{ kind: 'field', field: 'email' }]);
    expect(cleanRow(['"Doe, Jane" <jane@acme.com>'], emailOnly).lead).toMatchObject({
      email: 'jane@acme.com',
      fullName: 'Jane Doe',
      firstName: 'Jane',
      lastName: 'Doe',
    });
    expect(cleanRow(['jane@acme.com (Jane Doe)'], emailOnly).lead).toMatchObject({
      email: 'jane@acme.com',
      fullName: 'Jane Doe',
    });
    expect(cleanRow(['jane@acme.com (work)'], emailOnly).lead.fullName).toBeNull();
    for (const inbox of [
      'Acme Sales <sales@acme.com>',
      'Email <jane@acme.com>',
      'Sales Team <jane@acme.com>',
    ]) {
      const team = cleanRow([inbox], emailOnly);
      expect(team.lead.fullName).toBeNull();
      expect(team.issues.map((i) => i.flag)).toContain('no_name');
    }
    // A name of the row's own is its name.
    expect(cleanRow(['Jane Doe <jane@acme.com>', 'Janet Roe'], mapping).lead.fullName).toBe('Janet Roe');
    // Typed into the email of a lead with no name, as an inline edit.
    const edited = cleanLead({ ...emptyLead(), email: 'JANE DOE <jane@acme.com>' }).lead;
    expect(edited).toMatchObject({ email: 'jane@acme.com', firstName: 'Jane', lastName: 'Doe' });
    expect(cleanLead(edited).lead).toEqual(edited);
  });

  // Cells are read up to 1 MB. Shaped like these, each once took minutes (a pattern tried at every
  // position of a long run) or overflowed the stack (an ending typed twice, 500k times over).
  it.each([
    ['a run of closing brackets in the email', ['a' + ')'.repeat(999_998) + 'b', 'Jane']],
    ['a run of opening brackets after an address', ['a@b' + '('.repeat(999_990) + ')', '']],
    [
      'a chain of redirect links as the website',
      ['a@b.com', 'Jane', '', 'https://www.google.com/url?q=' + 'google.com/url?q='.repeat(58_820) + 'a.com'],
    ],
    [
      'a run of list marks after the phone number',
      ['a@b.com', 'Jane', '', '', '', '+1 415' + ';,'.repeat(499_990) + 'x'],
    ],
    ['labels before the phone number', ['a@b.com', 'Jane', '', '', '', 'm:'.repeat(499_990) + 'x']],
    ['encoded spaces around the email', ['%20'.repeat(166_660) + 'a@b.com' + '%20'.repeat(166_660), 'Jane']],
    ['a mailto: link of encoded marks', ['mailto:' + '%25'.repeat(333_320) + '40a', 'Jane']],
    ['a run of dots in the email', ['a' + '.'.repeat(999_998) + 'b', 'Jane']],
    ['a run of @s after a bracket in the email', ['<' + '@'.repeat(999_998), 'Jane']],
    ['a domain of 500k labels', ['a@' + 'b.'.repeat(499_999), 'Jane']],
    [
      'commas after an address in the LinkedIn cell',
      ['a@b.com', 'Jane', '', '', 'a@b.com' + ','.repeat(999_990)],
    ],
    ['a run of list marks in the name', ['a@b.com', 'a ' + '; '.repeat(499_998) + 'b']],
    ['a run of dashes in the name', ['a@b.com', 'a ' + '- '.repeat(499_998) + 'b']],
    ['unclosed brackets in the name', ['a@b.com', 'Jane ' + ' ('.repeat(499_990)]],
    ['a run of dots inside a word of the name', ['a@b.com', 'Jane ' + '.'.repeat(999_990) + 'b']],
    // Each lost one layer per pass over the whole value.
    ['one hashtag after another in the name', ['a@b.com', '#at'.repeat(333_333)]],
    ['a legal form after each comma in the name', ['a@b.com', 'Jane' + ':,GmbH'.repeat(166_665)]],
    // Each tried a long run at every split of it.
    ['a long word in the name that is no word at its end', ['a@b.com', 'Jane ' + 'ı'.repeat(999_990) + ')']],
    ['a long word in capitals in the name', ['a@b.com', 'JANE ' + 'É'.repeat(999_990) + ')']],
    [
      'a run of spaces before a line break in the name',
      ['a@b.com', 'Jane Doe' + ' '.repeat(999_980) + 'x\n'],
    ],
    ['a run of emoji before a word in the name', ['a@b.com', 'Jane Doe ' + '🚀'.repeat(499_990) + 'x']],
    [
      'a run of commas before a legal form in the company',
      ['a@b.com', 'Jane', 'ACME ' + ', '.repeat(499_990) + 'INC'],
    ],
    [
      'a run of dashes inside a word of the company',
      ['a@b.com', 'Jane', 'ACME ' + '-'.repeat(999_990) + 'X'],
    ],
    ['HTML entities and brackets in the company', ['a@b.com', 'Jane', 'ACME ' + '(&amp;'.repeat(199_998)]],
    ['a run of commas before a job after the name', ['a@b.com', 'Jane ' + ','.repeat(999_980) + 'x CEO']],
    ['titles before the name', ['a@b.com', 'Dr. med. '.repeat(111_110) + 'Jane']],
    ['birth-name marks in the name', ['a@b.com', 'Jane Doe ' + 'née '.repeat(249_990) + 'x']],
    ['small capitals in the name', ['a@b.com', 'Jᴀɴᴇ '.repeat(199_998)]],
    ['notes in brackets after the company', ['a@b.com', 'Jane', 'Acme' + ' (x)'.repeat(249_990)]],
    ['numbers after the name', ['a@b.com', 'Jane Doe' + ' 1'.repeat(499_990)]],
    ['a long word ending in a dot as the company', ['a@b.com', 'Jane', 'a'.repeat(999_980) + '!.']],
    ['hashtags in the company', ['a@b.com', 'Jane', 'Acme' + ' #a'.repeat(333_320)]],
    ['a quoted hashtag in the company', ['a@b.com', 'Jane', '"' + '#a'.repeat(499_990) + '"']],
    ['@s after the name', ['a@b.com', 'Jane Doe' + ' @'.repeat(499_990)]],
    [
      '"at"s before the company after the name',
      ['a@b.com', 'Jane' + ' at'.repeat(333_320) + ' Acme', 'Acme'],
    ],
    [
      'opening brackets before a note after the company',
      ['a@b.com', 'Jane', 'Acme ' + '('.repeat(999_980) + ')'],
    ],
  ])(
    'cleans a row with %s, 1 MB long, into a lead',
    (_shape, cells) => {
      const linked = compileMapping([
        ...mapping.slice(0, 4),
        { kind: 'field', field: 'linkedinUrl' },
        { kind: 'field', field: 'phone' },
      ]);
      const cleaned = cleanRow(cells as string[], linked);
      expect(LEAD_STATES).toContain(classify(cleaned).state);
    },
    30_000,
  );

  it("takes the website a redirect link leads to, as a scraper of LinkedIn's company pages gives it, and keeps the cell as read", () => {
    const cells = [
      'jane@gmail.com',
      'Jane',
      '',
      'https://www.linkedin.com/redir/redirect?url=https%3A%2F%2Facme.io&urlhash=x',
    ];
    const { lead } = cleanRow(cells, mapping);
    expect(lead).toMatchObject({ website: 'https://acme.io', domain: 'acme.io' });
    expect(cells[3]).toContain('linkedin.com/redir');
    expect(cleanLead(lead).lead).toEqual(lead);
  });

  it('drops the emoji a scraped profile puts in a name, job title or company, and keeps the cells as read', () => {
    const withTitle: ColumnMapping = [...mapping.slice(0, 3), { kind: 'field', field: 'title' }];
    const cells = ['jane@acme.com', 'Jane Doe 🚀', 'Acme™ 🇫🇷', 'Founder & CEO 👩🏽‍💻'];
    const { lead } = cleanRow(cells, withTitle);
    expect(lead).toMatchObject({ fullName: 'Jane Doe', company: 'Acme', title: 'Founder & CEO' });
    expect(cells[3]).toBe('Founder & CEO 👩🏽‍💻');
    expect(cleanLead({ ...lead, title: 'Head of Growth 🌱' }).lead.title).toBe('Head of Growth');
  });

  it("writes a scraped profile's styled letters as plain ones, in capitals or not, and keeps the cells as read", () => {
    const withTitle: ColumnMapping = [...mapping.slice(0, 3), { kind: 'field', field: 'title' }];
    const cells = ['ｊａｎｅ＠ａｃｍｅ．ｃｏｍ', '𝐉𝐚𝐧𝐞 𝐃𝐨𝐞', '𝐀𝐂𝐌𝐄 𝐒𝐎𝐅𝐓𝐖𝐀𝐑𝐄', '𝗩𝗣 𝗢𝗙 𝗦𝗔𝗟𝗘𝗦'];
    const cleaned = cleanRow(cells, withTitle);
    expect(cleaned.lead).toMatchObject({
      email: 'jane@acme.com',
      firstName: 'Jane',
      lastName: 'Doe',
      company: 'Acme Software',
      title: 'VP of Sales',
    });
    expect(classify(cleaned).state).toBe('ready');
    expect(cells[3]).toBe('𝗩𝗣 𝗢𝗙 𝗦𝗔𝗟𝗘𝗦');
  });

  it("takes the company out of a scraped headline and a CRM's name, and the company from a headline when the row has none", () => {
    const withTitle: ColumnMapping = [...mapping.slice(0, 3), { kind: 'field', field: 'title' }];
    const { lead } = cleanRow(
      ['jane@acme.com', 'Doe, Jane, Acme', 'Acme Inc', 'Founder & CEO @ ACME | Building payments'],
      withTitle,
    );
    expect(lead).toMatchObject({ fullName: 'Jane Doe', firstName: 'Jane', title: 'Founder & CEO' });
    const scraped = cleanRow(['bo@beta.io', 'Bo Stone', '', 'Head of Sales at Beta'], withTitle).lead;
    expect(scraped).toMatchObject({ company: 'Beta', title: 'Head of Sales' });
    expect(cleanLead(scraped).lead).toEqual(scraped);
    // A name the user types is kept as typed; a headline typed as the title is cut as one read.
    const edited = cleanLead({ ...scraped, fullName: 'Bo Stone (Beta)', title: 'CTO at Beta' }).lead;
    expect(edited).toMatchObject({ fullName: 'Bo Stone (Beta)', title: 'CTO' });
  });

  it('with several email columns, takes the first work address that can be sent to, else the first usable one', () => {
    const m = compileMapping([
      { kind: 'field', field: 'email' },
      { kind: 'field', field: 'fullName' },
      { kind: 'field', field: 'email' },
      { kind: 'field', field: 'email' },
    ]);
    const emailOf = (cells: string[]) => cleanRow(cells, m).lead.email;
    expect(emailOf(['jane@acme.com', 'Jane Doe', 'jane@gmail.com', ''])).toBe('jane@acme.com');
    expect(emailOf(['', 'Jane Doe', 'jane@gmail.com', 'j@x.io'])).toBe('j@x.io');
    expect(emailOf(['', 'Jane Doe', 'jane@gmail.com', 'jane@yahoo.com'])).toBe('jane@gmail.com');
    expect(emailOf(['info@acme.com', 'Jane Doe', 'jane@gmail.com', 'jane@acme.com'])).toBe('jane@acme.com');
    expect(emailOf(['info@acme.com', 'Jane Doe', 'jane@gmail.com', 'jane@acme'])).toBe('info@acme.com');
    expect(emailOf(['N/A', 'Jane Doe', '', 'j@x.io'])).toBe('j@x.io');
    expect(emailOf(['jane@acme', 'Jane Doe', 'jane@gmail.com', ''])).toBe('jane@gmail.com');
    expect(emailOf(['jane@mailinator.com', 'Jane Doe', 'jane@gmail.com', ''])).toBe('jane@gmail.com');
    expect(emailOf(['jane@gmial.com', 'Jane Doe', 'jane@gmail.com', ''])).toBe('jane@gmail.com');
    expect(emailOf(['info@acme.com; jane@acme.com', 'Jane Doe', '', ''])).toBe('jane@acme.com');
    // None usable: the first that holds anything, with its own problem and fix.
    const typo = cleanRow(['', 'Jane Doe', 'jane@acme.con', 'bad'], m);
    expect(typo.lead.email).toBe('jane@acme.con');
    expect(classify(typo)).toMatchObject({ state: 'needs_fix', suggestion: 'jane@acme.com' });
    expect(classify(cleanRow(['', 'Jane Doe', '', ''], m))).toMatchObject({ reason: 'No email address' });
  });

  it('suppresses a row the file marks as opted out, whatever the user decides, and keeps that through an edit', () => {
    const m = compileMapping([
      { kind: 'field', field: 'email' },
      { kind: 'custom', key: 'email_opt_out', optOut: true },
    ]);
    const out = cleanRow(['jane@acme.com', 'true'], m);
    const said = { state: 'suppressed', reason: 'Marked in the file as opted out or not to be contacted' };
    expect(classify(out)).toMatchObject(said);
    expect(classify(out, {}, 'keep')).toMatchObject(said);
    expect(classify(cleanRow(['jane@acme.com', 'false'], m)).state).not.toBe('suppressed');
    // An invalid address is invalid first.
    expect(classify(cleanRow(['jane@', 'true'], m)).state).toBe('invalid');
    const edited = cleanLead({ ...out.lead, email: 'jane.doe@acme.com' });
    keepVerdicts(edited, out.lead.email, ['opted_out']);
    expect(classify(edited)).toMatchObject(said);
  });

  it('makes a row whose address the file marks as bounced invalid, while an edit keeps that address', () => {
    const m = compileMapping([
      { kind: 'field', field: 'email' },
      { kind: 'field', field: 'fullName' },
      { kind: 'custom', key: 'email_bounced', bounced: true },
    ]);
    const bounced = cleanRow(['jane@acme.com', 'Jane Doe', 'true'], m);
    const said = { state: 'invalid', reason: 'This address bounced before, as the file says' };
    expect(classify(bounced)).toMatchObject(said);
    expect(classify(bounced).flags).toContain('bounced');
    expect(classify(cleanRow(['jane@acme.com', 'Jane Doe', 'false'], m)).state).toBe('ready');
    const renamed = cleanLead({ ...bounced.lead, fullName: 'Jane Roe' });
    keepVerdicts(renamed, bounced.lead.email, ['bounced']);
    expect(classify(renamed)).toMatchObject(said);
    const moved = cleanLead({ ...bounced.lead, email: 'jane.doe@acme.com' });
    keepVerdicts(moved, bounced.lead.email, ['bounced']);
    expect(classify(moved).state).toBe('ready');
  });

  it("reads a sending tool's status column: Bounced makes the row invalid, Unsubscribed suppresses it", () => {
    const m = compileMapping([
      { kind: 'field', field: 'email' },
      { kind: 'field', field: 'fullName' },
      { kind: 'custom', key: 'status', bounced: true, optOut: true },
    ]);
    const row = (status: string) => classify(cleanRow(['jane@acme.com', 'Jane Doe', status], m));
    expect(row('Bounced')).toMatchObject({
      state: 'invalid',
      reason: 'This address bounced before, as the file says',
    });
    expect(row('Unsubscribed').state).toBe('suppressed');
    expect(row('Replied').state).toBe('ready');
  });

  it('suppresses a row whose status says the person already answered, through an edit, unless the user keeps it; not interested says more', () => {
    const m = compileMapping([
      { kind: 'field', field: 'email' },
      { kind: 'field', field: 'fullName' },
      { kind: 'custom', key: 'stage', declined: true, answered: true },
    ]);
    const said = {
      state: 'suppressed',
      reason: 'Already answered an earlier campaign (replied, interested, a meeting), as the file says',
    };
    const booked = cleanRow(['jane@acme.com', 'Jane Doe', 'Meeting booked'], m);
    expect(classify(booked)).toMatchObject(said);
    expect(classify(booked).flags).toContain('answered');
    // A conversation, not a refusal: Keep writes to them anyway.
    expect(classify(booked, {}, 'keep')).toMatchObject({ state: 'ready', reason: 'Kept by you' });
    const moved = cleanLead({ ...booked.lead, email: 'jane.doe@acme.com' });
    keepVerdicts(moved, booked.lead.email, ['answered']);
    expect(classify(moved)).toMatchObject(said);
    const declined = cleanRow(['jane@acme.com', 'Jane Doe', 'Not interested'], m);
    expect(classify(declined).reason).toBe(
      'Said they were not interested when written to before, as the file says',
    );
    expect(classify(declined, {}, 'keep').state).toBe('suppressed');
    expect(classify(cleanRow(['jane@acme.com', 'Jane Doe', 'Contacted'], m)).state).toBe('ready');
  });

  it('suppresses a row whose status says the person was not interested, whatever the user decides, through an edit', () => {
    const m = compileMapping([
      { kind: 'field', field: 'email' },
      { kind: 'field', field: 'fullName' },
      { kind: 'custom', key: 'status', optOut: true, declined: true },
    ]);
    const said = {
      state: 'suppressed',
      reason: 'Said they were not interested when written to before, as the file says',
    };
    const declined = cleanRow(['jane@acme.com', 'Jane Doe', 'Not interested'], m);
    expect(classify(declined)).toMatchObject(said);
    expect(classify(declined).flags).toContain('declined');
    expect(classify(declined, {}, 'keep')).toMatchObject(said);
    expect(classify(cleanRow(['jane@acme.com', 'Jane Doe', 'Wrong Person'], m))).toMatchObject(said);
    expect(classify(cleanRow(['jane@acme.com', 'Jane Doe', 'Interested'], m)).state).toBe('ready');
    const moved = cleanLead({ ...declined.lead, email: 'jane.doe@acme.com' });
    keepVerdicts(moved, declined.lead.email, ['declined']);
    expect(classify(moved)).toMatchObject(said);
    // Unticked, the column says nothing of the rows.
    const unticked = compileMapping([
      { kind: 'field', field: 'email' },
      { kind: 'field', field: 'fullName' },
      { kind: 'custom', key: 'status', declined: false },
    ]);
    expect(classify(cleanRow(['jane@acme.com', 'Jane Doe', 'Not interested'], unticked)).state).toBe('ready');
  });

  it('with several phone columns, takes the first, in column order, that holds a number', () => {
    const m = compileMapping([
      { kind: 'field', field: 'email' },
      { kind: 'field', field: 'phone' },
      { kind: 'field', field: 'phone' },
      { kind: 'field', field: 'phone' },
    ]);
    const phoneOf = (cells: string[]) => cleanRow(['jane@acme.com', ...cells], m).lead.phone;
    expect(phoneOf(['+1 415 555 0101', '+44 7700 900123', ''])).toBe('+1 415 555 0101');
    expect(phoneOf(['', '+44 7700 900123', '+33 6 12 34 56 78'])).toBe('+44 7700 900123');
    expect(phoneOf(['N/A', ' ', "'+33 6 12 34 56 78"])).toBe('+33 6 12 34 56 78');
    expect(phoneOf(['', '', ''])).toBeNull();
  });

  it('offers the name an address is made of to a lead without one, and says so in its reason', () => {
    const emailOnly = compileMapping([{ kind: 'field', field: 'email' }]);
    const listed = cleanRow(['ann.lee@acme.com'], emailOnly);
    expect(listed.lead.fullName).toBeNull();
    expect(listed.issues.map((i) => i.flag)).toEqual(['no_name', 'name_in_address']);
    expect(classify(listed)).toMatchObject({
      state: 'needs_fix',
      reason: 'No name; the address reads as Ann Lee',
    });
    // The address pasted into the name column too.
    const scraped = cleanRow(['ann.lee@acme.com', 'ann.lee@acme.com'], mapping);
    expect(classify(scraped).reason).toBe('The name is an email address; the address reads as Ann Lee');
    expect(scraped.issues.map((i) => i.flag)).toContain('name_in_address');
    // A name that names no person is no name either, and the address's is offered in its place.
    const team = cleanRow(['sales@acme.com', 'Sales Team'], mapping);
    expect(classify(team)).toMatchObject({
      state: 'needs_fix',
      reason: '"Sales Team" names no person: emails cannot greet anyone by it',
    });
    const merge = cleanRow(['jane.doe@acme.com', 'Hiring Manager'], mapping);
    expect(classify(merge).reason).toBe('"Hiring Manager" names no person; the address reads as Jane Doe');
    expect(merge.issues.map((i) => i.flag)).toEqual(['no_name', 'name_in_address']);
    // A handle or an initial is no name either ("Hi ann_lee", "Hi J.").
    expect(classify(cleanRow(['ann.lee@acme.com', 'ann_lee'], mapping)).reason).toBe(
      '"Ann_lee" is no name to greet by; the address reads as Ann Lee',
    );
    expect(classify(cleanRow(['alee@acme.com', 'J.'], mapping))).toMatchObject({
      state: 'needs_fix',
      reason: '"J." is no name to greet by: emails cannot greet this person by name',
    });
    // Nothing is offered where the address names nobody, or where the row has a name.
    expect(cleanRow(['alee@acme.com'], emailOnly).issues.map((i) => i.flag)).toEqual(['no_name']);
    expect(cleanRow(['ann.lee@acme.com', 'Ann Lee'], mapping).issues).toEqual([]);
  });

  it('reports what it could not clean', () => {
    const { issues } = cleanRow(
      ['a@x.com; b@y.com', '', '', '', 'https://www.linkedin.com/company/acme', '4.4207E+11', '', ''],
      mapping,
    );
    expect(issues.map((i) => i.flag).sort()).toEqual([
      'linkedin_not_profile',
      'multiple_emails',
      'no_name',
      'phone_as_number',
    ]);
  });
});

describe("an email verifier's verdicts", () => {
  const mapping: ColumnMapping = [
    { kind: 'field', field: 'email' },
    { kind: 'field', field: 'firstName' },
    { kind: 'custom', key: 'email_status', emailStatus: true },
  ];
  const stateOf = (cells: string[], m: ColumnMapping = mapping) => {
    const cleaned = cleanRow(cells, compileMapping(m));
    const { state, reason } = classify(cleaned);
    return [state, reason, cleaned.lead.custom.email_status];
  };

  it('an address the verifier found undeliverable is invalid, the verdict kept as a variable', () => {
    expect(stateOf(['ann@acme.com', 'Ann', 'Invalid'])).toEqual([
      'invalid',
      'Your email verifier marked this address undeliverable',
      'Invalid',
    ]);
    expect(stateOf(['ann@acme.com', 'Ann', 'valid'])).toEqual(['ready', 'Ready', 'valid']);
  });

  it('an address the verifier could not confirm is ready, flagged for the user to exclude by', () => {
    const cleaned = cleanRow(['ann@acme.com', 'Ann', 'Catch-All'], compileMapping(mapping));
    expect(classify(cleaned)).toMatchObject({ state: 'ready', flags: ['verifier_unconfirmed'] });
  });

  it('a typo the verifier found undeliverable keeps its fix', () => {
    expect(stateOf(['ann@gmial.com', 'Ann', 'invalid'])[0]).toBe('needs_fix');
  });

  it('the verdict is ignored when the user unticks it, and is no verdict on a second email column', () => {
    const unticked: ColumnMapping = [...mapping.slice(0, 2), { kind: 'custom', key: 'email_status' }];
    expect(stateOf(['ann@acme.com', 'Ann', 'invalid'], unticked)[0]).toBe('ready');
    const two: ColumnMapping = [...mapping, { kind: 'field', field: 'email' }];
    // The first column holds no address: the row uses the second, which the verdict was not about.
    expect(stateOf(['', 'Ann', 'invalid', 'ann@acme.com'], two)[0]).toBe('ready');
  });
});

describe('cleanLead (inline edits)', () => {
  it('re-cleans an edited lead and is idempotent', () => {
    const edited = {
      ...emptyLead(),
      email: ' mailto:Jane@GMAIL.com ',
      fullName: 'jane doe',
      linkedinUrl: 'linkedin.com/in/JD/',
      custom: { notes: '  hi  ' },
    };
    const once = cleanLead(edited);
    expect(once.lead).toMatchObject({
      email: 'Jane@gmail.com',
      firstName: 'Jane',
      lastName: 'Doe',
      linkedinUrl: 'https://www.linkedin.com/in/jd',
    });
    expect(cleanLead(once.lead).lead).toEqual(once.lead);
  });

  it('puts a "Last, First" full name in spoken order and splits it', () => {
    const { lead } = cleanLead({ ...emptyLead(), email: 'jane@acme.com', fullName: 'DOE, JANE MARIE, PHD' });
    expect(lead).toMatchObject({ fullName: 'Jane Marie Doe, PhD', firstName: 'Jane', lastName: 'Doe' });
  });

  it('does not split a full name it built from a first name alone on the next edit', () => {
    const once = cleanLead({ ...emptyLead(), email: 'mary@acme.com', firstName: 'Mary Ann' }).lead;
    expect(once).toMatchObject({ fullName: 'Mary Ann', firstName: 'Mary Ann', lastName: null });
    expect(cleanLead({ ...once, title: 'CEO' }).lead).toMatchObject({
      firstName: 'Mary Ann',
      lastName: null,
    });
  });

  it.each([
    ['Jane Doe', 'Doe', 'Jane', 'Doe'], // the whole name in the first-name column
    ['JANE DOE', 'Doe', 'Jane', 'Doe'],
    ['Jane', 'Jane Doe', 'Jane', 'Doe'], // and in the last-name column
    ['Dr. Jane', 'Doe', 'Jane', 'Doe'], // an honorific is no first name
    ['Jane van der Berg', 'van der Berg', 'Jane', 'van der Berg'],
    ['Mary Ann', 'Smith', 'Mary Ann', 'Smith'], // two first names stay
    ['Ann', 'Ann-Marie Lee', 'Ann', 'Ann-Marie Lee'],
    ['Doe', 'Doe', 'Doe', 'Doe'],
    ['Jane (Jay)', 'Doe', 'Jane', 'Doe'], // a nickname is no greeting: "Hi Jane (Jay)"
    ['Jane', 'Doe - CEO at Acme', 'Jane', 'Doe'], // nor a headline part of a name
    ['Jane - Founder', 'Doe (née Smith)', 'Jane', 'Doe'],
  ])('first name %j and last name %j are %j and %j', (first, last, firstName, lastName) => {
    const { lead } = cleanLead({ ...emptyLead(), email: 'jane@acme.com', firstName: first, lastName: last });
    expect(lead).toMatchObject({ firstName, lastName, fullName: `${firstName} ${lastName}` });
  });

  it('reads a first name of 1 MB, the last name empty, beside an address, in linear time', () => {
    const columns: ColumnMapping = [
      { kind: 'field', field: 'email' },
      { kind: 'field', field: 'firstName' },
      { kind: 'field', field: 'lastName' },
    ];
    const { lead } = cleanRow(['a.a@acme.com', 'a '.repeat(499_990) + 'a', ''], columns);
    expect(lead.lastName).toBeNull();
  }, 30_000);

  it('splits a whole name in the first- or last-name column, the other empty, as the address writes it', () => {
    const columns: ColumnMapping = [
      { kind: 'field', field: 'email' },
      { kind: 'field', field: 'firstName' },
      { kind: 'field', field: 'lastName' },
    ];
    for (const cells of [
      ['jane.doe@acme.com', 'Jane Doe', ''],
      ['jdoe@acme.com', '', 'JANE DOE'],
    ]) {
      const { lead } = cleanRow(cells, columns);
      expect(lead).toMatchObject({ firstName: 'Jane', lastName: 'Doe', fullName: 'Jane Doe' });
      expect(cleanLead(lead).lead).toEqual(lead);
    }
    // Two given names the address does not tell apart stay, and so does a name the user types.
    expect(cleanRow(['mary@acme.com', 'Mary Ann', ''], columns).lead).toMatchObject({
      firstName: 'Mary Ann',
      lastName: null,
    });
    const edited = cleanLead({ ...emptyLead(), email: 'jane.doe@acme.com', firstName: 'Jane Doe' }).lead;
    expect(edited).toMatchObject({ firstName: 'Jane Doe', lastName: null });
  });

  it.each([
    ['Mr', 'Doe', 'Mr Doe'],
    ['Frau', 'Müller', 'Frau Müller'],
    ['Dr. med.', 'Müller', 'Dr. med. Müller'],
  ])('a title %j and last name %j: no first name, and emails greet %j', (first, last, fullName) => {
    const cleaned = cleanLead({ ...emptyLead(), email: 'jane@acme.com', firstName: first, lastName: last });
    expect(cleaned.lead).toMatchObject({ firstName: null, lastName: last, fullName });
    expect(classify(cleaned).state).toBe('ready');
    expect(cleanLead(cleaned.lead).lead).toEqual(cleaned.lead);
  });

  it('asks for a fix where the name is a company or a group, which emails would greet as "Hi Acme"', () => {
    const cleaned = cleanLead({
      ...emptyLead(),
      email: 'hello@acme.com',
      fullName: 'Acme Inc',
      company: 'Acme',
    });
    expect(classify(cleaned)).toMatchObject({
      state: 'needs_fix',
      reason: '"Acme Inc" names a company or a group, not a person: emails cannot greet anyone by it',
    });
    expect(
      classify(cleanLead({ ...emptyLead(), email: 'jane@acme.com', fullName: 'Jane Doe', company: 'Acme' }))
        .state,
    ).toBe('ready');
  });

  it.each(['.', '..', '_', '[not provided]', '(blank)', 'LNU', 'k.A.'])(
    'a last name %j typed where a CRM required one is none',
    (last) => {
      const { lead } = cleanLead({
        ...emptyLead(),
        email: 'jane@acme.com',
        firstName: 'Jane',
        lastName: last,
      });
      expect(lead).toMatchObject({ firstName: 'Jane', lastName: null, fullName: 'Jane' });
    },
  );

  it('changes nothing when a cleaned lead is cleaned again (property)', () => {
    const piece = fc.oneof(
      fc.string({ unit: 'grapheme', maxLength: 12 }),
      fc.constantFrom(
        'Doe',
        'JANE',
        'van der',
        'Dr.',
        'PhD',
        'jr',
        'ა',
        'և',
        'Ωμέγα',
        '李',
        'Jane Doe',
        'DOE',
        '(Jay)',
        '-',
        'Mr',
        'Frau',
        '.',
        '2',
      ),
    );
    const name = fc
      .array(fc.tuple(piece, fc.constantFrom(' ', ', ', ',', '  ', ' - ')), { maxLength: 4 })
      .map((parts) => parts.map(([p, sep]) => p + sep).join(''));
    const optional = fc.option(name, { nil: null });
    fc.assert(
      fc.property(
        fc.record({
          email: fc.option(
            fc.constantFrom(
              'jane@acme.com',
              ' MAILTO:Jo@Gmial.com ',
              'a,b@x.io',
              'x',
              'jane@@acme.com',
              'jane@acme. com',
              'jane@acme.co m',
              'janeacme.com',
              'jane@acme',
              'Doe, Jane <jane@acme.com>',
              'Acme Sales <sales@acme.com>',
            ),
            { nil: null },
          ),
          website: fc.option(fc.constantFrom('acme.com', 'https://www.acme.co.uk/x', 'acmecorp.com'), {
            nil: null,
          }),
          fullName: optional,
          firstName: optional,
          lastName: optional,
          title: optional,
          company: optional,
        }),
        (fields) => {
          const once = cleanLead({ ...emptyLead(), ...fields }).lead;
          expect(cleanLead(once).lead).toEqual(once);
        },
      ),
      { numRuns: 500 },
    );
  });
});

describe('classify', () => {
  it('offers only fixes that can be sent to and that cleaning leaves as they are (property)', () => {
    const local = fc.constantFrom('jane', 'Jane.Doe', 'j', 'info');
    const domain = fc.constantFrom('acme.com', 'acme.co.uk', 'gmail.com', 'gmial.com', 'mailinator.com');
    const slip = fc.constantFrom(
      (l: string, d: string) => `${l}@${d}`,
      (l: string, d: string) => `${l}@@${d}`,
      (l: string, d: string) => `${l}${d}`,
      (l: string, d: string) => `${l}.${d}`,
      (l: string, d: string) => `${l}@${d.slice(0, d.indexOf('.'))}`,
      (l: string, d: string) => `${l}@${d.slice(0, -1)}`,
      (l: string, d: string) => `${l}@${d.replace('.', '. ')}`,
      (l: string, d: string) => `${l}@${d.slice(0, -1)} ${d.slice(-1)}`,
      (l: string, d: string) => `Jane Doe ${l}@${d}`,
      (l: string, d: string) => `${l}@${d.replace('.', ',')}`,
      (l: string, d: string) => `${l}@${d.replaceAll('.', ',')}`,
      (l: string, d: string) => `${l}@${d},work`,
      (l: string, d: string) => `${l}@${d}.${d.slice(d.lastIndexOf('.') + 1)}`,
    );
    const site = fc.option(
      fc.constantFrom('acme.com', 'https://www.acme.co.uk/about', 'acmecorp.com', 'gmail.com'),
      {
        nil: '',
      },
    );
    const emailAndSite: ColumnMapping = [
      { kind: 'field', field: 'email' },
      { kind: 'field', field: 'website' },
    ];
    fc.assert(
      fc.property(local, domain, slip, site, (l, d, write, website) => {
        const { suggestion } = classify(cleanRow([write(l, d), website], emailAndSite));
        if (suggestion === null) return;
        expect(cleanEmail(suggestion)).toBe(suggestion);
        expect(checkEmail(suggestion).syntaxValid).toBe(true);
      }),
      { numRuns: 500 },
    );
  });

  const row = (email: string, name = 'Jane Doe') =>
    cleanRow(
      [email, name],
      [
        { kind: 'field', field: 'email' },
        { kind: 'field', field: 'fullName' },
      ],
    );

  it.each([
    ['', 'invalid', /No email/],
    ['jane', 'invalid', /No @/],
    ['jane@mailinator.com', 'invalid', /Disposable/],
    ['jane@gmail.con', 'needs_fix', /Did you mean jane@gmail.com/],
    ['jane@gmial.com', 'needs_fix', /Did you mean jane@gmail.com/],
    ['ja ne@acme.com', 'invalid', /^Spaces are not allowed in an address$/], // no guess where the space goes
    ['jane@acme. com', 'needs_fix', /^Spaces are not allowed in an address\. Did you mean jane@acme\.com\?$/],
    ['jane@@acme.com', 'needs_fix', /^Two @ signs in a row\. Did you mean jane@acme\.com\?$/],
    [
      'jane@acme.co,uk', // not jane@acme.co, ready
      'needs_fix',
      /^The domain has a comma where a dot belongs\. Did you mean jane@acme\.co\.uk\?$/,
    ],
    [
      'jane@acme.co;uk', // not jane@acme.co, ready
      'needs_fix',
      /^The domain has a semicolon where a dot belongs\. Did you mean jane@acme\.co\.uk\?$/,
    ],
    ['jane@bob@acme.com', 'invalid', /^More than one @ sign$/], // either side could be the address
    [
      'Jane Doe jane@acme.com',
      'needs_fix',
      /^Spaces are not allowed in an address\. Did you mean jane@acme\.com\?$/,
    ],
    [
      'jane [at] acme [dot] com',
      'needs_fix',
      /^The address is written out to hide it from robots\. Did you mean jane@acme\.com\?$/,
    ],
    // com.com is on the throw-away list: the row was invalid, with no fix.
    ['jane@acme.com.com', 'needs_fix', /^The domain is a throw-away one\. Did you mean jane@acme\.com\?$/],
    [
      'josé@acme.com',
      'needs_fix',
      /^Accented or non-Latin letters before the @ are not supported by most senders\. Did you mean jose@acme\.com\?$/,
    ],
    ['müller@acme.de', 'invalid', /^Accented or non-Latin letters/], // mueller or muller: no guess
    ['jane@acme.com', 'ready', /Ready/],
    ['info@acme.com', 'ready', /Ready/], // role is a flag, not a state
  ])('%j -> %s', (email, state, reason) => {
    const c = classify(row(email));
    expect(c.state).toBe(state);
    expect(c.reason).toMatch(reason);
  });

  it.each([
    ['owang@waynepartners80', 'waynepartners80.com', 'owang@waynepartners80.com'],
    ['jane@acme.c', 'https://www.acme.com/about', 'jane@acme.com'],
    ['jane@acme', 'acme.co.uk', 'jane@acme.co.uk'],
    ['jane@acme', 'acmecorp.com', null], // another company's name may start so
    ['jane@acme', '', null],
    ['ja ne@acme', 'acme.com', null], // the part before the @ is broken too
    ['msatovandelayltd61.jp', 'vandelayltd61.jp', 'msato@vandelayltd61.jp'], // the @ left out
    ['JaneDoeACME.com', 'https://acme.com', 'JaneDoe@acme.com'],
    ['www.acme.com', 'acme.com', null], // a host name, not "www@acme.com"
    ['mail.acme.com', 'acme.com', null],
    ['acme.com', 'acme.com', null], // the website in the email column: nobody's address
    ['jane', 'acme.com', null],
  ])(
    "an address cut short or without its @ (%s) takes the row's own website (%s) as the fix",
    (email, site, fix) => {
      const c = classify(
        cleanRow(
          [email, 'Jane Doe', site],
          [
            { kind: 'field', field: 'email' },
            { kind: 'field', field: 'fullName' },
            { kind: 'field', field: 'website' },
          ],
        ),
      );
      expect(c.suggestion).toBe(fix);
      expect(c.state).toBe(fix === null ? 'invalid' : 'needs_fix');
      if (fix !== null)
        expect(c.reason).toMatch(new RegExp(`Did you mean ${fix.replaceAll('.', '\\.')}\\?$`));
    },
  );

  it('a slip of a big provider that is a throw-away domain is a fix to confirm, which Keep cannot skip', () => {
    const gmai = cleanRow(['jane@gmai.com', 'Jane Doe'], mapping);
    const fix = {
      state: 'needs_fix',
      reason: 'The domain is a throw-away one. Did you mean jane@gmail.com?',
      suggestion: 'jane@gmail.com',
    };
    expect(classify(gmai)).toMatchObject(fix);
    // A typo to fix, not an address for "Exclude disposable" to drop.
    expect(classify(gmai).flags).toContain('typo');
    expect(classify(gmai).flags).not.toContain('disposable');
    expect(classify(gmai, {}, 'keep')).toMatchObject(fix);
    expect(classify(cleanRow(['jane@mailinator.com', 'Jane Doe'], mapping))).toMatchObject({
      state: 'invalid',
      reason: 'Disposable (throw-away) email domain',
    });
  });

  it('flags role, free-mail and typo without changing the state', () => {
    expect(classify(row('info@gmail.com')).flags.sort()).toEqual(['free_mail', 'role']);
    expect(classify(row('jane@gmial.com')).suggestion).toBe('jane@gmail.com');
  });

  it('needs a fix when there is no name at all', () => {
    expect(classify(row('jane@acme.com', ''))).toMatchObject({
      state: 'needs_fix',
      reason: expect.stringMatching(/No name/),
    });
  });

  it('needs a fix when the name is an email address, which no email can greet, and keeps it as written', () => {
    const c = row('jane@acme.com', 'JANE@ACME.COM');
    expect(c.lead.fullName).toBe('JANE@ACME.COM');
    expect(classify(c)).toMatchObject({
      state: 'needs_fix',
      reason: 'The name is an email address: emails cannot greet this person by name',
    });
    expect(classify(c, {}, 'keep').state).toBe('ready');
  });

  it('applies the precedence invalid > suppressed > duplicate > needs fix > ready', () => {
    const verdict = {
      suppressed: 'On your suppression list',
      duplicate: 'Same email as row 2',
      possibleDuplicate: 'Possibly row 3',
    };
    expect(classify(row('jane'), verdict).state).toBe('invalid');
    expect(classify(row('jane@acme.com'), verdict).state).toBe('suppressed');
    expect(
      classify(row('jane@acme.com'), { duplicate: 'Same email as row 2', possibleDuplicate: 'x' }).state,
    ).toBe('duplicate');
    expect(classify(row('jane@gmial.com'), { possibleDuplicate: 'Possibly row 3' }).reason).toMatch(
      /Did you mean/,
    );
    expect(classify(row('jane@acme.com'), { possibleDuplicate: 'Possibly row 3' })).toMatchObject({
      state: 'needs_fix',
      reason: 'Possibly row 3',
    });
  });

  it('takes the user decision into account', () => {
    expect(classify(row('jane@acme.com'), {}, 'exclude')).toMatchObject({
      state: 'suppressed',
      reason: 'Excluded by you',
    });
    expect(classify(row('jane@acme.com'), { duplicate: 'Same email as row 2' }, 'keep')).toMatchObject({
      state: 'ready',
      reason: 'Kept by you',
    });
    expect(classify(row('jane@acme.com'), {}, 'duplicate').state).toBe('duplicate');
    expect(classify(row('jane@gmial.com'), {}, 'keep').state).toBe('ready');
    // keep cannot make an unsendable address ready, nor override suppression
    expect(classify(row('jane@gmail.con'), {}, 'keep').state).toBe('needs_fix');
    expect(classify(row('jane@acme.com'), { suppressed: 'On your suppression list' }, 'keep').state).toBe(
      'suppressed',
    );
  });
});
