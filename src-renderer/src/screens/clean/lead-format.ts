import type { ColumnTarget, LeadField } from '../../../../src-shared/import/types';

interface Named {
  fullName: string | null;
  firstName: string | null;
  lastName: string | null;
}

/** The name to show for a lead: full name, else first + last. */
export function leadName(l: Named): string {
  return l.fullName ?? [l.firstName, l.lastName].filter(Boolean).join(' ');
}

const SPACES = /\s+/g;

/**
 * What the file held for a lead's field (the cells of the columns mapped to it, in column order), when
 * that is not what the table shows: cleaning wrote "ACME SOFTWARE, INC." as Acme Software, or the user
 * edited it. Null when they read the same, or no column is mapped to the field.
 */
export function asReadIfChanged(
  original: readonly string[],
  mapping: readonly ColumnTarget[],
  field: LeadField,
  shown: string | null,
): string | null {
  const cells: string[] = [];
  mapping.forEach((target, column) => {
    const cell = (original[column] ?? '').replace(SPACES, ' ').trim();
    if (target.kind === 'field' && target.field === field && cell !== '') cells.push(cell);
  });
  const read = cells.join(' · ');
  return read === '' || read === shown ? null : read;
}
