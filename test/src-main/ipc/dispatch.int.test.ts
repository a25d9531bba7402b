import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../helpers/app';

describe('the contract dispatcher', () => {
  let app: TestApp;
  beforeAll(() => {
    app = createTestApp();
  });
  afterAll(() => app.close());

  it.each([
    ['an unknown call', 'keys.steal', {}, 'unknown_call'],
    ['a prototype name', '__proto__', {}, 'unknown_call'],
    ['a non-string name', 42, {}, 'unknown_call'],
    ['a wrong provider', 'keys.set', { provider: 'gmail', key: 'abcdefghij' }, 'invalid_input'],
    ['a missing field', 'keys.clear', {}, 'invalid_input'],
    ['an extra field', 'keys.status', { sneaky: true }, 'invalid_input'],
    ['a non-object payload', 'keys.test', 'machfive', 'invalid_input'],
    ['a too-short key', 'keys.set', { provider: 'machfive', key: 'x' }, 'invalid_input'],
  ])('rejects %s with a typed error instead of crashing', async (_what, name, payload, code) => {
    const res = await app.dispatch(name, payload);
    expect(res.ok).toBe(false);
    if (!res.ok) {
      expect(res.error.code).toBe(code);
      expect(res.error.message.length).toBeGreaterThan(5);
      expect(JSON.stringify(res)).not.toMatch(/at .*\.ts:\d+/);
    }
  });

  it('says the disk is full when the database cannot grow, and leaves nothing half-saved', async () => {
    const sqlite = app.ctx.database.sqlite;
    const count = () => sqlite.prepare('SELECT count(*) FROM suppressions').pluck().get();
    const before = count();
    // SQLite's own limit on the file's pages: the write fails as it would on a full disk.
    sqlite.pragma(`max_page_count = ${sqlite.pragma('page_count', { simple: true }) as number}`);
    try {
      const entries = Array.from({ length: 5000 }, (_, i) => `someone${i}@rival-${i}.io`);
      const res = await app.dispatch('suppressions.add', { entries, source: 'typed' });
      expect(res).toMatchObject({
        ok: false,
        error: {
          code: 'database',
          message: expect.stringMatching(/^The disk is full.*nothing was half-saved/),
        },
      });
      expect(count()).toBe(before);
    } finally {
      sqlite.pragma('max_page_count = 1073741823');
    }
    expect(
      await app.dispatch('suppressions.add', { entries: ['one@rival.io'], source: 'typed' }),
    ).toMatchObject({
      ok: true,
    });
  });

  it('only opens web links in the OS browser', async () => {
    expect((await app.dispatch('links.open', { url: 'javascript:alert(1)' })).ok).toBe(false);
    expect((await app.dispatch('links.open', { url: 'file:///etc/passwd' })).ok).toBe(false);
    expect(await app.dispatch('links.open', { url: 'https://example.com/docs' })).toEqual({
      ok: true,
      value: { opened: true },
    });
    expect(app.opened).toEqual(['https://example.com/docs']);
  });
});
