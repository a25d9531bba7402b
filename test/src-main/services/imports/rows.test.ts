import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { customJson, flagsJson, parseCustom } from '../../../../src-main/services/imports/rows';
import { LEAD_FLAGS } from '../../../../src-shared/import/types';

describe('lead columns as stored', () => {
  it('writes custom_json exactly as JSON.stringify does, whatever the keys and values', () => {
    fc.assert(
      fc.property(fc.dictionary(fc.string(), fc.string()), fc.boolean(), (record, nullPrototype) => {
        const custom = nullPrototype ? Object.assign(Object.create(null), record) : record;
        expect(customJson(custom)).toBe(JSON.stringify(custom));
      }),
    );
    expect(customJson({})).toBe('{}');
    expect(customJson({ city: 'Zürich "HQ"', notes: 'a\nb' })).toBe(
      '{"city":"Zürich \\"HQ\\"","notes":"a\\nb"}',
    );
  });

  it('reads back the custom variables it wrote', () => {
    const key = fc
      .stringMatching(/^[a-z][a-z0-9_]{0,20}$/)
      .filter((k) => k !== 'constructor' && k !== 'prototype');
    fc.assert(
      fc.property(fc.dictionary(key, fc.string()), (record) => {
        expect({ ...parseCustom(customJson(record)) }).toEqual(record);
      }),
    );
  });

  it('writes flags_json as JSON.stringify does', () => {
    fc.assert(
      fc.property(fc.subarray([...LEAD_FLAGS]), (flags) => {
        expect(flagsJson(flags)).toBe(JSON.stringify(flags));
      }),
    );
  });
});
