import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compactStagedRow, expandStagedRow, stagingColumns } from '../../../src-shared/contract/staged-rows';
import { compileMapping } from '../../../src-shared/import/clean';
import type { CleanedRow } from '../../../src-shared/import/pipeline';
import { emptyLead, LEAD_FIELDS, type ColumnMapping } from '../../../src-shared/import/types';

const MAPPING: ColumnMapping = [
  { kind: 'field', field: 'email' },
  { kind: 'field', field: 'firstName' },
  { kind: 'field', field: 'company' },
  { kind: 'custom', key: 'city' },
  { kind: 'ignore' },
];
const COLUMNS = stagingColumns(compileMapping(MAPPING));

function row(original: string[], lead: Partial<CleanedRow['lead']>): CleanedRow {
  return {
    rowNumber: 7,
    original,
    lead: { ...emptyLead(), ...lead },
    state: 'ready',
    reason: 'Ready',
    flags: ['free_mail'],
    suggestion: null,
    groupId: 3,
  };
}

describe('staging rows without the values their cells hold', () => {
  it('leaves out a value equal to the cell of its column, and keeps one that cleaning changed', () => {
    const r = row(['ann@acme.com', ' Ann ', 'Acme', 'Paris', 'x'], {
      email: 'ann@acme.com',
      firstName: 'Ann',
      company: 'Acme',
      domain: 'acme.com',
      custom: { city: 'Paris' },
    });
    const sent = compactStagedRow(r, COLUMNS);
    // No column holds the other fields: they are sent, null or not.
    expect(sent.lead).toEqual({
      firstName: 'Ann',
      fullName: null,
      lastName: null,
      title: null,
      website: null,
      linkedinUrl: null,
      phone: null,
      domain: 'acme.com',
      custom: {},
    });
    expect(expandStagedRow(sent, COLUMNS)).toEqual({ ...r, original: [...r.original], flags: ['free_mail'] });
  });

  it('sends the address when several columns hold email, since the host could not tell which one it came from', () => {
    const two = stagingColumns(
      compileMapping([
        { kind: 'field', field: 'email' },
        { kind: 'field', field: 'email' },
      ]),
    );
    const sent = compactStagedRow(row(['', 'bo@beta.io'], { email: 'bo@beta.io' }), two);
    expect(sent.lead.email).toBe('bo@beta.io');
  });

  it('refuses a row that leaves out what no single column holds, naming the row and the value', () => {
    const sent = compactStagedRow(row(['a@b.co', 'A', 'B', 'C', ''], { custom: { city: 'C' } }), COLUMNS);
    const { fullName: _dropped, ...lead } = sent.lead;
    expect(expandStagedRow({ ...sent, lead }, COLUMNS)).toBe(
      'Row 7 leaves out the fullName, which no single column of the mapping holds.',
    );
    expect(expandStagedRow({ ...sent, original: ['a@b.co', 'A', 'B'] }, COLUMNS)).toBe(
      'Row 7 leaves out the custom variable city, which no single column of the mapping holds.',
    );
  });

  it('puts back a variable whose name an object already has (constructor)', () => {
    const columns = stagingColumns(
      compileMapping([
        { kind: 'field', field: 'email' },
        { kind: 'custom', key: 'constructor' },
      ]),
    );
    const sent = compactStagedRow(
      row(['a@b.co', 'Acme'], { email: 'a@b.co', custom: { constructor: 'Acme' } }),
      columns,
    );
    expect(sent.lead.custom).toEqual({});
    const back = expandStagedRow(JSON.parse(JSON.stringify(sent)), columns);
    expect(typeof back === 'string' ? back : back.lead.custom).toEqual({ constructor: 'Acme' });
  });

  it('takes a whole row (as the command line sends it) as it is', () => {
    const r = row(['a@b.co', 'A', 'B', 'C', ''], { email: 'a@b.co', custom: { city: 'C' } });
    const whole = { ...r, original: [...r.original], flags: [...r.flags], lead: { ...r.lead } };
    const before = structuredClone(whole);
    expect(expandStagedRow(whole, COLUMNS)).toBe(whole);
    expect(whole).toEqual(before);
  });

  it('expanding what was compacted gives the row back, whatever its values and mapping', () => {
    const value = fc.option(fc.constantFrom('', 'Ann', ' Ann', 'acme.com', 'ann@acme.com'), { nil: null });
    const target = fc.oneof(
      fc.constantFrom(...LEAD_FIELDS).map((field) => ({ kind: 'field' as const, field })),
      fc.constantFrom('city', 'notes').map((key) => ({ kind: 'custom' as const, key })),
      fc.constant({ kind: 'ignore' as const }),
    );
    fc.assert(
      fc.property(
        fc.array(target, { minLength: 1, maxLength: 6 }),
        fc.array(fc.constantFrom('', 'Ann', 'acme.com', 'ann@acme.com', 'Paris'), {
          minLength: 6,
          maxLength: 6,
        }),
        fc.record(Object.fromEntries(LEAD_FIELDS.map((f) => [f, value])) as Record<string, typeof value>),
        fc.dictionary(fc.constantFrom('city', 'notes'), fc.constantFrom<string>('', 'Paris', 'Ann')),
        (mapping, original, fields, custom) => {
          const columns = stagingColumns(compileMapping(mapping));
          const r = row(original, { ...fields, domain: 'acme.com', custom });
          const back = expandStagedRow(compactStagedRow(r, columns), columns);
          // A mapped custom variable the lead lacks comes back as its cell: the pipeline gives every one.
          const withEveryCustom = { ...custom };
          for (const [key, column] of columns.custom) withEveryCustom[key] ??= original[column] as string;
          expect(back).toEqual({ ...r, lead: { ...r.lead, custom: withEveryCustom } });
        },
      ),
    );
  });
});
