import { describe, expect, it } from 'vitest';
import { buildRow, exportColumns, type ExportLead } from '../../../src-shared/export/columns';

const lead: ExportLead = {
  original: [
    { header: 'Email', value: 'ANNA@acme.com ' },
    { header: 'Notes', value: '=cmd|calc' },
    { header: 'Notes', value: 'second notes' },
  ],
  fields: {
    email: 'anna@acme.com',
    firstName: 'Anna',
    lastName: null,
    fullName: 'Anna Li',
    title: null,
    company: 'Acme',
    website: null,
    domain: 'acme.com',
    linkedinUrl: null,
    phone: '+44 20 7946 0000',
  },
  custom: { industry: 'SaaS', email: 'custom email' },
  steps: [
    { step: 2, subject: 'Re: hi', body: 'Second' },
    { step: 1, subject: 'Hi', body: '-hello' },
  ],
};

describe('export columns', () => {
  const columns = exportColumns([['Email', 'Notes', 'Notes']], ['industry', 'email'], 3);

  it('original headers, then normalised fields, custom variables and step columns, all unique regardless of case', () => {
    expect(columns.map((c) => c.name)).toEqual([
      'Email',
      'Notes',
      'Notes (column)',
      'email (LeadPrep)',
      'first_name',
      'last_name',
      'full_name',
      'title',
      'company',
      'website',
      'domain',
      'linkedin_url',
      'phone',
      'industry',
      'email (custom)',
      'step_1_subject',
      'step_1_body',
      'step_2_subject',
      'step_2_body',
      'step_3_subject',
      'step_3_body',
    ]);
  });

  it('fills each column from the right place; missing steps and fields are empty; escaping is on request', () => {
    const row = buildRow(columns, lead, true);
    expect(row).toEqual([
      'ANNA@acme.com ',
      `'=cmd|calc`,
      'second notes',
      'anna@acme.com',
      'Anna',
      '',
      'Anna Li',
      '',
      'Acme',
      '',
      'acme.com',
      '',
      `'+44 20 7946 0000`,
      'SaaS',
      'custom email',
      'Hi',
      `'-hello`,
      'Re: hi',
      'Second',
      '',
      '',
    ]);
    const raw = buildRow(columns, lead, false);
    expect(raw[1]).toBe('=cmd|calc');
    expect(raw[16]).toBe('-hello');
  });

  it('columns of several imports are merged by header, in import order', () => {
    const cols = exportColumns(
      [
        ['Email', 'Name'],
        ['Name', 'City'],
      ],
      [],
      0,
    );
    expect(cols.filter((c) => c.kind === 'original').map((c) => c.name)).toEqual(['Email', 'Name', 'City']);
  });
});
