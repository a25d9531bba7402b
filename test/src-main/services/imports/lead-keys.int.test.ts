import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../helpers/app';
import { csvBytes } from '../../../fixtures-gen';
import { importFile } from '../../../../src-main/services/imports/file-import';
import type { LeadRow } from '../../../../src-shared/contract/imports';

let app: TestApp;
beforeEach(() => {
  app = createTestApp();
});
afterEach(async () => {
  await app.close();
});

const HEADER = ['Email', 'First Name', 'Last Name', 'Company', 'LinkedIn'];
const load = (rows: string[][], name: string, draft: boolean) =>
  importFile(app.call, csvBytes([HEADER, ...rows]), name, { draft }).then((r) => r.summary);

async function leadsOf(importId: number): Promise<LeadRow[]> {
  return (await app.call('leads.page', { importId, limit: 1000 })).rows;
}

const keyCount = (): number =>
  (app.ctx.database.sqlite.prepare('SELECT count(*) AS n FROM lead_keys').get() as { n: number }).n;

describe('dedupe against committed leads (lead_keys)', () => {
  it('committing a draft marks the leads another import committed in the meantime, by email and by LinkedIn', async () => {
    const draft = await load(
      [
        ['ann@acme.com', 'Ann', 'Lee', 'Acme', ''],
        ['bob@beta.io', 'Bob', 'Ray', 'Beta', 'https://www.linkedin.com/in/bob-ray'],
        ['cy@gamma.io', 'Cy', 'Li', 'Gamma', ''],
      ],
      'first.csv',
      true,
    );
    expect((await leadsOf(draft.id)).map((l) => l.state)).toEqual(['ready', 'ready', 'ready']);

    await load(
      [
        ['ANN@acme.com', 'Ann', 'Lee', 'Acme', ''],
        ['robert@beta.io', 'Robert', 'Ray', 'Beta', 'linkedin.com/in/bob-ray/?trk=x'],
      ],
      'second.csv',
      false,
    );
    const committed = await app.call('imports.commit', { importId: draft.id });
    expect(committed.counts).toMatchObject({ ready: 1, duplicate: 2 });
    const [ann, bob, cy] = await leadsOf(draft.id);
    expect(ann).toMatchObject({ state: 'duplicate', reason: 'Already in your leads (same email)' });
    expect(ann?.flags).toContain('in_database');
    expect(bob).toMatchObject({
      state: 'duplicate',
      reason: 'Already in your leads (same LinkedIn profile)',
    });
    expect(cy?.state).toBe('ready');
    // 2 + 3 emails and 1 + 1 LinkedIn URLs of non-invalid committed leads.
    expect(keyCount()).toBe(7);
    // What the next import's pipeline is checked against: each key once, in key order.
    expect(await app.call('imports.dedupeIndex', {})).toMatchObject({
      emailKeys: ['ann@acme.com', 'bob@beta.io', 'cy@gamma.io', 'robert@beta.io'],
      linkedinUrls: ['https://www.linkedin.com/in/bob-ray'],
    });
  });

  it('addresses that reach one mailbox (+tag, Gmail dots) are one person: in the file, against committed leads, after an edit', async () => {
    await load(
      [
        ['Jane+CRM@acme.com', 'Jane', 'Roe', 'Acme', ''],
        ['J.Doe@gmail.com', 'John', 'Doe', '', ''],
      ],
      'committed.csv',
      false,
    );
    const draft = await load(
      [
        ['jane@acme.com', 'Jane', 'Roe', 'Acme', ''],
        ['jdoe@googlemail.com', 'John', 'Doe', '', ''],
        ['carl@beta.io', 'Carl', 'Ek', 'Beta', ''],
        ['carl+news@beta.io', 'Carl', 'Ek', 'Beta', ''],
      ],
      'draft.csv',
      true,
    );
    const states = async () => (await leadsOf(draft.id)).map((l) => [l.state, l.reason]);
    expect(await states()).toEqual([
      ['duplicate', 'Already in your leads (same email)'],
      ['duplicate', 'Already in your leads (same email)'],
      ['ready', expect.any(String)],
      ['duplicate', 'Same email as row 4'],
    ]);
    const carlTagged = (await leadsOf(draft.id))[3] as LeadRow;
    const edit = (email: string) =>
      app.call('leads.edit', { leadId: carlTagged.id, changes: { email } }).then((c) => c.lead);
    expect(await edit('carl.ek@beta.io')).toMatchObject({ state: 'ready' });
    // The address stays as the user wrote it; only the comparison drops the tag.
    expect(await edit('Carl+other@beta.io')).toMatchObject({
      email: 'Carl+other@beta.io',
      state: 'duplicate',
      reason: 'Same email as row 4',
    });
  });

  it('the dedupe index lists every committed key once, across thousands of keys', async () => {
    const committed = await load([['zed@last.io', 'Zed', 'Ode', 'Last', '']], 'committed.csv', false);
    const insert = app.ctx.database.sqlite.prepare(
      "INSERT INTO lead_keys (kind, key, lead_id, import_id) VALUES ('email', ?, ?, ?)",
    );
    // Each key twice (two leads with one address), more keys than one read of the index takes.
    app.ctx.database.sqlite.transaction(() => {
      for (let i = 0; i < 6_000; i++) {
        const key = `p${String(i).padStart(5, '0')}@many.io`;
        insert.run(key, 1_000_000 + i * 2, committed.id);
        insert.run(key, 1_000_001 + i * 2, committed.id);
      }
    })();
    const { emailKeys } = await app.call('imports.dedupeIndex', {});
    expect(emailKeys).toHaveLength(6_001);
    expect(new Set(emailKeys).size).toBe(6_001);
    expect(emailKeys[0]).toBe('p00000@many.io');
    expect(emailKeys.at(-1)).toBe('zed@last.io');
  });

  it('an edited email that is already a committed lead becomes a duplicate, and deleting that import frees it', async () => {
    const committed = await load([['carl@delta.io', 'Carl', 'Moe', 'Delta', '']], 'committed.csv', false);
    const draft = await load([['dan@echo.io', 'Dan', 'Poe', 'Echo', '']], 'draft.csv', true);
    const [dan] = await leadsOf(draft.id);
    const edited = await app.call('leads.edit', { leadId: dan!.id, changes: { email: 'Carl@Delta.io' } });
    expect(edited.lead).toMatchObject({ state: 'duplicate', reason: 'Already in your leads (same email)' });

    await app.call('imports.delete', { importId: committed.id });
    expect(keyCount()).toBe(0);
    const again = await app.call('leads.edit', { leadId: dan!.id, changes: { firstName: 'Daniel' } });
    expect(again.lead.state).toBe('ready');
  });

  it('keys of an import whose commit stopped halfway do not count', async () => {
    const halfway = await load([['eve@fox.io', 'Eve', 'Roe', 'Fox', '']], 'halfway.csv', true);
    const [eve] = await leadsOf(halfway.id);
    app.ctx.database.sqlite
      .prepare("INSERT INTO lead_keys (kind, key, lead_id, import_id) VALUES ('email', 'eve@fox.io', ?, ?)")
      .run(eve!.id, halfway.id);
    const other = await load([['x@other.io', 'Xi', 'Wu', 'Other', '']], 'other.csv', true);
    const [x] = await leadsOf(other.id);
    const edited = await app.call('leads.edit', { leadId: x!.id, changes: { email: 'eve@fox.io' } });
    expect(edited.lead.state).toBe('ready');
    expect((await app.call('imports.dedupeIndex', {})).emailKeys).toEqual([]);
  });
});

describe('duplicates inside a draft after edits', () => {
  it('finds a lead changed by another connection (the CLI beside the app)', async () => {
    const draft = await load(
      [
        ['gil@hotel.io', 'Gil', 'Kay', 'Hotel', ''],
        ['hal@india.io', 'Hal', 'Ng', 'India', ''],
      ],
      'draft.csv',
      true,
    );
    const [gil, hal] = await leadsOf(draft.id);
    // The first edit reads the draft's keys into memory.
    await app.call('leads.edit', { leadId: gil!.id, changes: { title: 'CEO' } });

    const other = new Database(app.ctx.database.sqlite.name);
    other
      .prepare("UPDATE leads SET email = 'ivy@juliet.io', email_key = 'ivy@juliet.io' WHERE id = ?")
      .run(hal!.id);
    other.close();

    const edited = await app.call('leads.edit', { leadId: gil!.id, changes: { email: 'IVY@juliet.io' } });
    expect(edited.lead).toMatchObject({ state: 'duplicate', reason: `Same email as row ${hal!.rowNumber}` });
  });

  it('a bulk typo fix that makes a lead collide with another marks it a duplicate; undo separates them again', async () => {
    const draft = await load(
      [
        ['kim@gmial.com', 'Kira', 'Wu', 'Mike', ''],
        ['kim@gmail.com', 'Kim', 'Oh', 'Kilo', ''],
        ['lou@hotmial.com', 'Lou', 'Pi', 'Lima', ''],
      ],
      'typos.csv',
      true,
    );
    const before = await leadsOf(draft.id);
    expect(before.map((l) => l.state)).toEqual(['needs_fix', 'ready', 'needs_fix']);

    await app.call('leads.bulk', { importId: draft.id, action: 'apply_all_typo_fixes' });
    const after = await leadsOf(draft.id);
    expect(after.map((l) => [l.email, l.state])).toEqual([
      ['kim@gmail.com', 'duplicate'],
      ['kim@gmail.com', 'ready'],
      ['lou@hotmail.com', 'ready'],
    ]);
    expect(after[0]?.reason).toBe(`Same email as row ${after[1]!.rowNumber}`);

    await app.call('leads.undo', { importId: draft.id });
    expect((await leadsOf(draft.id)).map((l) => l.state)).toEqual(['needs_fix', 'ready', 'needs_fix']);
  });
});
