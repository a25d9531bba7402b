import { describe, expect, it } from 'vitest';
import {
  NO_ROWS,
  allShown,
  bulkTarget,
  filterFields,
  isSelected,
  selectedCount,
  toggled,
  withRows,
  type LeadFilter,
} from '../../../src-renderer/src/screens/clean/row-selection';

const NONE: LeadFilter = { state: null, flag: null, search: '' };

describe('rows ticked one by one', () => {
  it('are sent as ids, and unticking one takes it out', () => {
    const picked = toggled(toggled(toggled(NO_ROWS, 4), 9), 4);
    expect(isSelected(picked, 9)).toBe(true);
    expect(isSelected(picked, 4)).toBe(false);
    expect(selectedCount(picked, 500)).toBe(1);
    expect(bulkTarget(picked)).toEqual({ leadIds: [9] });
  });
});

describe('a range of rows (Shift-click)', () => {
  it('ticks or unticks them all, whatever each was before, picked one by one or under select all', () => {
    const some = withRows(toggled(NO_ROWS, 2), [1, 2, 3], true);
    expect(bulkTarget(some)).toEqual({ leadIds: [2, 1, 3] });
    expect(bulkTarget(withRows(some, [2, 3, 4], false))).toEqual({ leadIds: [1] });
    const all = withRows(allShown(NONE), [5, 6, 7], false);
    expect(selectedCount(all, 10)).toBe(7);
    expect(bulkTarget(withRows(all, [6, 7, 8], true))).toEqual({ matching: { exceptIds: [5] } });
  });
});

describe('select all', () => {
  const filter: LeadFilter = { state: 'needs_fix', flag: 'typo', search: '  acme ' };

  it('ticks every row shown without listing them, and is sent as the filter the table shows', () => {
    const all = allShown(filter);
    expect(isSelected(all, 123_456)).toBe(true);
    expect(selectedCount(all, 80_000)).toBe(80_000);
    expect(bulkTarget(all)).toEqual({ matching: { state: 'needs_fix', flag: 'typo', search: 'acme' } });
  });

  it('rows unticked afterwards are left out of the count and of the action', () => {
    const fewer = toggled(toggled(allShown(filter), 7), 8);
    expect(isSelected(fewer, 7)).toBe(false);
    expect(isSelected(fewer, 6)).toBe(true);
    expect(selectedCount(fewer, 10)).toBe(8);
    expect(bulkTarget(fewer)).toEqual({
      matching: { state: 'needs_fix', flag: 'typo', search: 'acme', exceptIds: [7, 8] },
    });
    expect(isSelected(toggled(fewer, 7), 7)).toBe(true);
  });

  it('counts nothing while the shown rows are not counted yet, and never less than nothing', () => {
    expect(selectedCount(allShown(NONE), null)).toBe(0);
    expect(selectedCount(toggled(allShown(NONE), 1), 0)).toBe(0);
  });
});

describe('filterFields', () => {
  it('leaves out what the filter does not set, and a search of spaces', () => {
    expect(filterFields(NONE)).toEqual({});
    expect(filterFields({ state: null, flag: null, search: '   ' })).toEqual({});
    expect(filterFields({ state: 'ready', flag: null, search: '' })).toEqual({ state: 'ready' });
  });
});
