import { describe, expect, it } from 'vitest';
import { isStatusColumn } from '../../../src-shared/import/file-marks';

describe('isStatusColumn', () => {
  it.each([
    'Status',
    'Lead Status',
    'Contact Stage',
    'Stage',
    'Interest Status',
    'Campaign status',
    'Outreach Status',
  ])('%j names a status', (header) => {
    expect(isStatusColumn(header)).toBe(true);
  });

  it.each(['Notes', 'Status notes', 'Seniority', 'Stage name of the event'])('%j does not', (header) => {
    expect(isStatusColumn(header)).toBe(false);
  });
});
