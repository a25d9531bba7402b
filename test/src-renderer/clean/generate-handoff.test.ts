import { afterEach, describe, expect, it } from 'vitest';
import { setBridge } from '../../../src-renderer/src/api/bridge';
import { readyLeadIds } from '../../../src-renderer/src/screens/clean/GenerateHandOff';
import type { LeadRow } from '../../../src-shared/contract/imports';
import type { LeadPrepBridge } from '../../../src-shared/contract';

const row = (id: number): LeadRow => ({
  id,
  importId: 3,
  rowNumber: id + 1,
  email: `p${id}@example.com`,
  firstName: null,
  lastName: null,
  fullName: null,
  title: null,
  company: null,
  website: null,
  domain: 'example.com',
  linkedinUrl: null,
  phone: null,
  custom: {},
  state: 'ready',
  reason: '',
  flags: [],
  suggestion: null,
  groupId: null,
  decision: null,
  original: [],
  edited: false,
});

/** A host with `ready` matching ready leads (ids 1..ready), answering `leads.page` like the real one. */
function fakeHost(ready: number): { seen: Record<string, unknown>[] } {
  const seen: Record<string, unknown>[] = [];
  const bridge: LeadPrepBridge = {
    async invoke(name, input) {
      if (name !== 'leads.page') throw new Error(`unexpected call ${name}`);
      const q = input as { offset: number; limit: number };
      seen.push(input as Record<string, unknown>);
      const rows = [];
      for (let id = q.offset + 1; id <= Math.min(ready, q.offset + q.limit); id++) rows.push(row(id));
      const counts = { ready, needs_fix: 7, invalid: 0, duplicate: 0, suppressed: 0 };
      return { ok: true, value: { total: ready + 7, counts, matching: ready, rows } };
    },
    invokeJson: (name) => Promise.reject(new Error(`unexpected encoded call ${name}`)),
    on: () => () => undefined,
  };
  setBridge(bridge);
  return { seen };
}

afterEach(() => setBridge(null));

describe('readyLeadIds', () => {
  it('pages through every ready lead of the filter, 1000 at a time, asking for ready ones only', async () => {
    const host = fakeHost(2345);
    const ids = await readyLeadIds(3, { state: null, flag: 'role', search: '  acme ' });
    expect(ids).toHaveLength(2345);
    expect(new Set(ids).size).toBe(2345);
    expect(host.seen.map((q) => q.offset)).toEqual([0, 1000, 2000]);
    expect(host.seen[0]).toMatchObject({
      importId: 3,
      state: 'ready',
      flag: 'role',
      search: 'acme',
      limit: 1000,
    });
  });

  it('stops after one page when nothing more matches, and leaves out empty filters', async () => {
    const host = fakeHost(0);
    await expect(readyLeadIds(3, { state: 'ready', flag: null, search: '' })).resolves.toEqual([]);
    expect(host.seen).toHaveLength(1);
    expect(host.seen[0]).not.toHaveProperty('flag');
    expect(host.seen[0]).not.toHaveProperty('search');
  });
});
