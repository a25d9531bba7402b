import { describe, expect, it } from 'vitest';
import { compileMapping } from '../../../src-shared/import/clean';
import { joinedTableOrder, mappedFields, realigned } from '../../../src-shared/import/joined-tables';
import type { ColumnMapping } from '../../../src-shared/import/types';

const HEADER = ['Email', 'Name', 'Company', 'Notes'];
const MAPPING: ColumnMapping = [
  { kind: 'field', field: 'email' },
  { kind: 'field', field: 'fullName' },
  { kind: 'field', field: 'company' },
  { kind: 'custom', key: 'notes' },
];
const FIELDS = mappedFields(compileMapping(MAPPING), HEADER.length);
const orderOf = (cells: string[]) => joinedTableOrder(cells, HEADER, FIELDS);

describe('the header of a table joined below another', () => {
  it('names the same columns in another order, in any case', () => {
    const order = orderOf(['company', 'NOTES', 'Name', 'Email']);
    expect(order).toEqual([3, 2, 0, 1]);
    expect(realigned(['Gamma', 'met at SaaStr', 'Cat Poe', 'cat@gamma.com'], order!, 4)).toEqual([
      'cat@gamma.com',
      'Cat Poe',
      'Gamma',
      'met at SaaStr',
    ]);
  });

  it('names them by other names for the same fields, as another tool exports them', () => {
    expect(orderOf(['Full Name', 'Email Address', 'Organization', ''])).toEqual([1, 0, 2, -1, 3]);
  });

  it('may leave columns out, which its rows then have empty', () => {
    const order = orderOf(['Name', 'Email', '', '']);
    expect(realigned(['Dan Moe', 'dan@delta.com', '', ''], order!, 4)).toEqual([
      'dan@delta.com',
      'Dan Moe',
      '',
      '',
    ]);
  });

  it("keeps a column it has no name for after the header's columns, so that nothing its rows hold is lost", () => {
    const order = orderOf(['Name', 'Email', 'Company', 'Notes', '']);
    expect(realigned(['Eve', 'eve@eps.com', 'Eps', '', 'VIP'], order!, 4)).toEqual([
      'eve@eps.com',
      'Eve',
      'Eps',
      '',
      'VIP',
    ]);
    expect(realigned(['Fay', 'fay@phi.com', 'Phi', '', ''], order!, 4)).toEqual([
      'fay@phi.com',
      'Fay',
      'Phi',
      '',
    ]);
  });

  it.each([
    ['a lead without an address', ['no email yet', 'Ann Lee', 'Acme', '']],
    ['one name of a column alone', ['Email', '', '', '']],
    ['names without the email column', ['Name', 'Company', '', '']],
    ['a name the header does not have', ['Phone', 'Email', 'Name', '']],
    ['a name twice', ['Email', 'Email', 'Name', '']],
    ['an empty row', ['', '', '', '']],
  ])('is not %s', (_, cells) => {
    expect(orderOf(cells)).toBeNull();
  });
});
