import { describe, expect, it } from 'vitest';
import { marksOptOuts, saysOptedOut } from '../../../src-shared/import/opt-out';

describe('saysOptedOut', () => {
  it.each([
    'true',
    'TRUE',
    'yes',
    '1',
    'x',
    ' X ',
    '✓',
    'Unsubscribed',
    'Opted out',
    'Do not contact',
    'DNC',
  ])('%j says so', (value) => {
    expect(saysOptedOut(value)).toBe(true);
  });

  it.each(['', 'false', 'no', '0', 'Open', 'Customer', 'Subscribed', 'Not unsubscribed'])(
    '%j does not',
    (value) => {
      expect(saysOptedOut(value)).toBe(false);
    },
  );
});

describe('marksOptOuts', () => {
  it("is a CRM's or a sheet's opt-out column of yes and no marks, whether anyone opted out in the sample or not", () => {
    expect(marksOptOuts('Email Opt Out', ['false', 'true', ''])).toBe(true);
    expect(marksOptOuts('Has Opted Out Of Email', ['0', '0'])).toBe(true);
    expect(marksOptOuts('Unsubscribed from all email', ['No', 'Yes'])).toBe(true);
    expect(marksOptOuts('Do not contact', ['', 'x'])).toBe(true);
  });

  it('is a status column only where some row says the person opted out', () => {
    expect(marksOptOuts('Lead Status', ['Open', 'Unsubscribed'])).toBe(true);
    expect(marksOptOuts('Status', ['Open', 'Customer'])).toBe(false);
  });

  it('is no other column, nor an opt-out column of anything but marks', () => {
    expect(marksOptOuts('Notes', ['Unsubscribed', 'x'])).toBe(false);
    expect(marksOptOuts('Do not contact', ['after the 5th', ''])).toBe(false);
  });
});
