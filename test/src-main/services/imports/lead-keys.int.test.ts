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

const keyCount = (kind: 'email' | 'linkedin' | 'domain' | null = null): number =>
  (
    app.ctx.database.sqlite
      .prepare('SELECT count(*) AS n FROM lead_keys WHERE ? IS NULL OR kind = ?')
      .get(kind, kind) as { n: number }
  ).n;

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
    // 2 + 3 emails and 1 + 1 LinkedIn URLs of non-invalid committed leads, and the company domain of
    // each of those 5 named leads (their work addresses').
    expect(keyCount('email') + keyCount('linkedin')).toBe(7);
    expect(keyCount('domain')).toBe(5);
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

    // Committed after an edit: the address the lead had then is no key of it.
    await app.call('leads.edit', { leadId: eve!.id, changes: { email: 'eve@fox.org' } });
    await app.call('imports.commit', { importId: halfway.id });
    expect((await app.call('imports.dedupeIndex', {})).emailKeys).toEqual(['eve@fox.org']);
  });

  it('a committed lead that needs a fix, and its duplicates, do not hold the person back from an import with the address mended', async () => {
    const first = await load(
      [
        ['jane@gmial.com', 'Jane', 'Doe', 'Acme', 'https://www.linkedin.com/in/jane-doe'],
        ['jane@gmial.com', 'Jane', 'Doe', 'Acme', 'https://www.linkedin.com/in/jdoe-acme'],
        ['sam@beta.io', '', '', 'Beta', ''],
        ['ann@acme.com', 'Ann', 'Lee', 'Acme', ''],
      ],
      'first.csv',
      false,
    );
    expect((await leadsOf(first.id)).map((l) => l.state)).toEqual([
      'needs_fix',
      'duplicate',
      'needs_fix',
      'ready',
    ]);
    expect(await app.call('imports.dedupeIndex', {})).toMatchObject({
      emailKeys: ['ann@acme.com'],
      linkedinUrls: [],
    });

    const mended = await load(
      [
        ['jane@gmail.com', 'Jane', 'Doe', 'Acme', 'linkedin.com/in/jdoe-acme'],
        ['sam@beta.io', 'Sam', 'Ray', 'Beta', ''],
        ['ann@acme.com', 'Ann', 'Lee', 'Acme', ''],
      ],
      'mended.csv',
      true,
    );
    const [jane, sam, ann] = await leadsOf(mended.id);
    expect(jane?.state).toBe('ready');
    expect(sam?.state).toBe('ready');
    expect(ann).toMatchObject({ state: 'duplicate', reason: 'Already in your leads (same email)' });
  });
});

describe('possibly already in your leads: a similar name at the same company domain (lead_keys domain keys)', () => {
  const asked = (name: string, email: string) =>
    `Possibly already in your leads as ${name}, ${email} (similar name, same company)`;

  it('asks about a person a committed import holds at another address; keep, edit and deleting that import answer it', async () => {
    const committed = await load(
      [['robert.stone@acme.com', 'Robert', 'Stone', 'Acme', '']],
      'march.csv',
      false,
    );
    const draft = await load(
      [
        ['bob@acme.com', 'Bob', 'Stone', 'Acme', ''],
        ['ann@acme.com', 'Ann', 'Stone', 'Acme', ''],
        ['bob@stone.dev', 'Bob', 'Stone', 'Stone Dev', ''],
      ],
      'april.csv',
      true,
    );
    const [bob, ann, other] = await leadsOf(draft.id);
    expect(bob).toMatchObject({ state: 'needs_fix', reason: asked('Robert Stone', 'robert.stone@acme.com') });
    expect(bob?.flags).toEqual(expect.arrayContaining(['possible_duplicate', 'similar_in_database']));
    expect(ann?.state).toBe('ready');
    expect(other?.state).toBe('ready');
    expect(await app.call('leads.page', { importId: draft.id, flag: 'similar_in_database' })).toMatchObject({
      total: 1,
    });

    // Excluded in one step with every lead similar to an imported one; undone.
    expect((await app.call('leads.flagCounts', { importId: draft.id })).actionable).toMatchObject({
      exclude_similar_in_database: 1,
    });
    const excluded = await app.call('leads.bulk', {
      importId: draft.id,
      action: 'exclude_similar_in_database',
    });
    expect(excluded.changed).toBe(1);
    expect((await leadsOf(draft.id)).map((l) => [l.state, l.reason])).toEqual([
      ['suppressed', 'Excluded by you'],
      ['ready', 'Ready'],
      ['ready', 'Ready'],
    ]);
    expect((await app.call('leads.flagCounts', { importId: draft.id })).actionable).toMatchObject({
      exclude_similar_in_database: 0,
    });
    await app.call('leads.undo', { importId: draft.id });

    // Kept: a lead of its own; undone: asked again.
    await app.call('leads.bulk', { importId: draft.id, action: 'keep_selected', leadIds: [bob!.id] });
    expect((await leadsOf(draft.id))[0]).toMatchObject({ state: 'ready', reason: 'Kept by you' });
    await app.call('leads.undo', { importId: draft.id });
    expect((await leadsOf(draft.id))[0]?.state).toBe('needs_fix');

    // An edit is checked again: another name is not asked about, a similar one at a new domain neither.
    const renamed = await app.call('leads.edit', { leadId: bob!.id, changes: { firstName: 'Maria' } });
    expect(renamed.lead.state).toBe('ready');
    const back = await app.call('leads.edit', { leadId: bob!.id, changes: { firstName: 'Rob' } });
    expect(back.lead).toMatchObject({
      state: 'needs_fix',
      reason: asked('Robert Stone', 'robert.stone@acme.com'),
    });
    const moved = await app.call('leads.edit', {
      leadId: ann!.id,
      changes: { firstName: 'Robert', email: 'robert@acme.de' },
    });
    expect(moved.lead.state).toBe('ready');

    // The import that held the person is deleted: nobody to ask about.
    await app.call('imports.delete', { importId: committed.id });
    expect(keyCount('domain')).toBe(0);
    expect((await leadsOf(draft.id))[0]).toMatchObject({ state: 'ready', reason: 'Ready' });
  });

  it('a draft follows an import committed after it was staged', async () => {
    const draft = await load(
      [
        ['bob@acme.com', 'Bob', 'Stone', 'Acme', ''],
        ['jane@beta.io', 'Jane', 'Doe', 'Beta', ''],
      ],
      'april.csv',
      true,
    );
    const other = await load([['j.doe@beta.io', 'Janet', 'Doe', 'Beta', '']], 'may.csv', true);
    expect((await leadsOf(draft.id)).map((l) => l.state)).toEqual(['ready', 'ready']);

    await load([['robert.stone@acme.com', 'Robert', 'Stone', 'Acme', '']], 'march.csv', false);
    const [bob, jane] = await leadsOf(draft.id);
    expect(bob).toMatchObject({ state: 'needs_fix', reason: asked('Robert Stone', 'robert.stone@acme.com') });
    expect(jane?.state).toBe('ready');

    // Committing the draft: the other draft is asked about its Jane Doe. The index lists people in the
    // order their leads were created.
    await app.call('imports.commit', { importId: draft.id });
    expect((await leadsOf(other.id))[0]).toMatchObject({
      state: 'needs_fix',
      reason: asked('Jane Doe', 'jane@beta.io'),
    });
    const dedupeIndex = await app.call('imports.dedupeIndex', {});
    // Bob was committed as possibly Robert Stone, unanswered: not used, so Robert stands for the person.
    expect(dedupeIndex.people.map((p) => p.email)).toEqual(['jane@beta.io', 'robert.stone@acme.com']);
  });

  it('committing an import never adds the question to its own leads, which can no longer be answered', async () => {
    // Committed by another process (the CLI beside the app) after the draft was staged: not followed yet.
    const elsewhere = await load(
      [['robert.stone@acme.com', 'Robert', 'Stone', 'Acme', '']],
      'march.csv',
      true,
    );
    const draft = await load([['bob@acme.com', 'Bob', 'Stone', 'Acme', '']], 'april.csv', true);
    const [robert] = await leadsOf(elsewhere.id);
    const sqlite = app.ctx.database.sqlite;
    sqlite.prepare("UPDATE imports SET status = 'committed' WHERE id = ?").run(elsewhere.id);
    sqlite
      .prepare("INSERT INTO lead_keys (kind, key, lead_id, import_id) VALUES ('domain', 'acme.com', ?, ?)")
      .run(robert!.id, elsewhere.id);

    const committed = await app.call('imports.commit', { importId: draft.id });
    expect(committed.counts).toMatchObject({ ready: 1, needs_fix: 0 });
    expect((await leadsOf(draft.id))[0]).toMatchObject({ state: 'ready', reason: 'Ready' });
  });

  it('the CLI import asks too, and the dedupe index lists the named leads with a domain', async () => {
    await load(
      [
        ['robert.stone@acme.com', 'Robert', 'Stone', 'Acme', ''],
        ['team@zeta.io', '', '', 'Zeta', ''],
        ['x@gmail.com', 'Xu', 'Li', '', ''],
      ],
      'march.csv',
      false,
    );
    expect((await app.call('imports.dedupeIndex', {})).people).toEqual([
      {
        domain: 'acme.com',
        firstName: 'Robert',
        lastName: 'Stone',
        fullName: 'Robert Stone',
        email: 'robert.stone@acme.com',
      },
    ]);
    const april = await load([['rob@acme.com', 'Rob', 'Stone', 'Acme', '']], 'april.csv', false);
    expect(april.counts).toMatchObject({ ready: 0, needs_fix: 1 });
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
