import { describe, expect, it } from 'vitest';
import { suggestMapping, withoutGuards } from '../../../src-shared/import/mapping';
import { GUARD_SAYS, guardedRowCounts } from '../../../src-shared/import/row-guards';

describe('GUARD_SAYS', () => {
  it("reads a verifier's undeliverable verdict, not the ones it could not confirm", () => {
    expect(GUARD_SAYS.emailStatus('Invalid')).toBe(true);
    expect(GUARD_SAYS.emailStatus('Catch-all')).toBe(false);
    expect(GUARD_SAYS.answered('Meeting booked')).toBe(true);
    expect(GUARD_SAYS.optOut('Meeting booked')).toBe(false);
  });
});

describe('guardedRowCounts', () => {
  it("counts the rows each of a column's ticks leaves out, as the import will read them", () => {
    const headers = ['Email', 'Email Status', 'Stage', 'City'];
    const rows = [
      ['ann@acme.com', 'Valid', 'Cold', 'Paris'],
      ['bo@beta.io', 'Invalid', 'Unsubscribed', 'Oslo'],
      ['cy@gamma.io', 'Catch-all', 'Meeting booked', 'Rome'],
      ['di@delta.io', 'Invalid', 'Replied', 'Lima'],
    ];
    const mapping = suggestMapping(headers, rows);
    expect(guardedRowCounts(mapping, rows)).toEqual([{}, { emailStatus: 2 }, { optOut: 1, answered: 2 }, {}]);
    // A tick the user cleared counts nothing.
    expect(guardedRowCounts(withoutGuards(mapping, ['answered']), rows)[2]).toEqual({ optOut: 1 });
  });
});
