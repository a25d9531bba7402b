import { describe, expect, it } from 'vitest';
import { asReadIfChanged } from '../../../src-renderer/src/screens/clean/lead-format';
import type { ColumnTarget } from '../../../src-shared/import/types';

const mapping: ColumnTarget[] = [
  { kind: 'field', field: 'email' },
  { kind: 'field', field: 'company' },
  { kind: 'custom', key: 'notes' },
  { kind: 'field', field: 'email' },
];

describe('asReadIfChanged', () => {
  it('tells what the file held when the table shows something else', () => {
    const original = ['jane@acme.com', 'ACME  SOFTWARE, INC.', 'met at a fair', 'jane@gmail.com'];
    expect(asReadIfChanged(original, mapping, 'company', 'Acme Software')).toBe('ACME SOFTWARE, INC.');
    // Several columns mapped to one field: their cells in column order.
    expect(asReadIfChanged(original, mapping, 'email', 'jane@acme.com')).toBe(
      'jane@acme.com · jane@gmail.com',
    );
  });

  it('says nothing when they read the same, or when no column of the file holds the field', () => {
    expect(asReadIfChanged(['jane@acme.com', ' Acme ', '', ''], mapping, 'company', 'Acme')).toBeNull();
    expect(asReadIfChanged(['jane@acme.com', '', '', ''], mapping, 'company', null)).toBeNull();
    expect(asReadIfChanged(['jane@acme.com', 'Acme', '', ''], mapping, 'title', 'CEO')).toBeNull();
  });
});
