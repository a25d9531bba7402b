import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createSecretStore, type KeychainBackend } from '../../../src-main/secrets/store';
import { startMachFiveSim, type MachFiveSim } from '../../sim';
import { createTestApp, type TestApp } from '../../helpers/app';

const SECRET = 'mf_live_9f8e7d6c5b4a39281706f5e4d3c2b1a0';

function filesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const p = join(dir, name);
    return statSync(p).isDirectory() ? filesUnder(p) : [p];
  });
}

describe('API keys in the real OS keychain', () => {
  let app: TestApp;
  let sim: MachFiveSim;
  beforeEach(async () => {
    sim = await startMachFiveSim({ apiKey: SECRET });
    app = createTestApp({ LEADPREP_MACHFIVE_URL: sim.url });
  });
  afterEach(async () => {
    await app.close();
    await sim.close();
  });

  it('the keychain is available in the test session (run through scripts/with-keyring.sh)', async () => {
    expect(await app.ctx.secrets.availability()).toEqual({ available: true, reason: null });
  });

  it('sets, reports and clears a key without ever returning it', async () => {
    const before = await app.call('keys.status', {});
    expect(before.providers.find((p) => p.provider === 'machfive')?.set).toBe(false);

    const saved = await app.call('keys.set', { provider: 'machfive', key: SECRET });
    expect(saved).toEqual({ provider: 'machfive', set: true, lastVerifiedAt: null, lastCheck: null });
    expect(await app.ctx.secrets.get('machfive')).toBe(SECRET);

    const cleared = await app.call('keys.clear', { provider: 'machfive' });
    expect(cleared.set).toBe(false);
    expect(await app.ctx.secrets.get('machfive')).toBeNull();
  });

  it('a stored key appears in no SQLite file, log file or IPC response', async () => {
    const responses: unknown[] = [];
    responses.push(await app.dispatch('keys.set', { provider: 'machfive', key: SECRET }));
    responses.push(await app.dispatch('keys.status', {}));
    responses.push(await app.dispatch('keys.test', { provider: 'machfive' }));
    responses.push(await app.dispatch('app.info', {}));
    // A provider failure whose text might echo the request must be scrubbed too.
    sim.inject({
      route: 'campaigns',
      kind: 'status',
      status: 500,
      message: `upstream rejected Bearer ${SECRET}`,
    });
    responses.push(await app.dispatch('keys.test', { provider: 'machfive' }));
    app.ctx.log.error(`simulated failure while calling with key ${SECRET}`);
    app.ctx.database.sqlite.pragma('wal_checkpoint(TRUNCATE)');

    for (const r of responses) expect(JSON.stringify(r)).not.toContain(SECRET);
    const files = filesUnder(app.dir);
    expect(files.some((f) => f.endsWith('.log'))).toBe(true);
    for (const f of files) expect(readFileSync(f).includes(SECRET), f).toBe(false);
  });

  it('Test connection records when the key last worked, and explains a rejected key', async () => {
    await app.call('keys.set', { provider: 'machfive', key: SECRET });
    const ok = await app.call('keys.test', { provider: 'machfive' });
    expect(ok.outcome).toBe('ok');
    const status = (await app.call('keys.status', {})).providers.find((p) => p.provider === 'machfive');
    expect(status?.lastVerifiedAt).toBe(ok.checkedAt);

    await app.call('keys.set', { provider: 'machfive', key: 'mf_wrong_key_123456' });
    const bad = await app.call('keys.test', { provider: 'machfive' });
    expect(bad.outcome).toBe('unauthorized');
    expect(bad.message).toMatch(/rejected this key/);
  });

  it('refuses to store a key when the keychain is unavailable, with no plaintext fallback', async () => {
    const broken: KeychainBackend = {
      getPassword: () => Promise.reject(new Error('Cannot autolaunch D-Bus without X11 $DISPLAY')),
      setPassword: () => Promise.reject(new Error('Cannot autolaunch D-Bus without X11 $DISPLAY')),
      deletePassword: () => Promise.reject(new Error('Cannot autolaunch D-Bus without X11 $DISPLAY')),
    };
    const store = createSecretStore(broken, 'LeadPrep-test-broken');
    const availability = await store.availability();
    expect(availability.available).toBe(false);
    expect(availability.reason).toMatch(/D-Bus.*GNOME Keyring/s);
    await expect(store.set('machfive', SECRET)).rejects.toMatchObject({ code: 'keychain_unavailable' });
  });
});
