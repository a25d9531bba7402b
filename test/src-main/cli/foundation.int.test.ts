import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../../helpers/cli';

const KEY = 'mf_cli_test_key_0123456789';

describe('leadprep CLI: help, doctor, backup and keys', () => {
  let dir: string;
  let env: NodeJS.ProcessEnv;
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'leadprep-cli-'));
    env = { ...process.env, LEADPREP_HOME: dir, LEADPREP_KEYCHAIN_SERVICE: `LeadPrep-test-${randomUUID()}` };
  });
  afterAll(async () => {
    await runCli(['keys', 'clear', 'machfive'], env);
    rmSync(dir, { recursive: true, force: true });
  });

  it('prints help with the exit codes and exits 0', async () => {
    const r = await runCli(['--help'], env);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/doctor/);
    expect(r.stdout).toMatch(/Exit codes: 0 ok, 1 failure, 2 usage error/);
  });

  it('exits 2 on a usage error', async () => {
    expect((await runCli(['no-such-command'], env)).code).toBe(2);
    expect((await runCli(['keys', 'set', 'gmail', '--json'], env, 'abcdefghijk')).code).toBe(2);
  });

  it('doctor --json reports the data dir, database, schema version and keychain', async () => {
    const r = await runCli(['doctor', '--json'], env);
    expect(r.code).toBe(0);
    const report = JSON.parse(r.stdout) as Record<string, unknown>;
    expect(report).toMatchObject({
      dataDir: dir,
      databasePath: join(dir, 'leadprep.db'),
      database: { ok: true },
      keychain: { available: true, reason: null },
    });
    expect(report.schemaVersion).toBe(report.schemaKnown);
  });

  it('backup saves a copy of the database in the backups folder', async () => {
    const r = await runCli(['backup'], env);
    expect(r.code).toBe(0);
    const path = /Saved a copy of your data: (.*)$/m.exec(r.stdout)?.[1] ?? '';
    expect(path.startsWith(join(dir, 'backups', 'leadprep-copy-'))).toBe(true);
    expect(existsSync(path)).toBe(true);
  });

  it('keys set reads the key from stdin, status shows it set, clear removes it', async () => {
    const set = await runCli(['keys', 'set', 'machfive', '--json'], env, `${KEY}\n`);
    expect(set.code).toBe(0);
    expect(set.stdout).not.toContain(KEY);
    const status = await runCli(['keys', 'status', '--json'], env);
    expect(status.stdout).not.toContain(KEY);
    const overview = JSON.parse(status.stdout) as { providers: Array<{ provider: string; set: boolean }> };
    expect(overview.providers.find((p) => p.provider === 'machfive')?.set).toBe(true);
    expect((await runCli(['keys', 'clear', 'machfive'], env)).code).toBe(0);
    const after = JSON.parse((await runCli(['keys', 'status', '--json'], env)).stdout) as typeof overview;
    expect(after.providers.find((p) => p.provider === 'machfive')?.set).toBe(false);
  });

  it('keys set with an empty stdin is a usage error that explains how to pass the key', async () => {
    const r = await runCli(['keys', 'set', 'instantly'], env, '');
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/stdin/);
  });

  it('says plainly when the keychain is unavailable and stores nothing', async () => {
    const noBus = { ...env, DBUS_SESSION_BUS_ADDRESS: 'unix:path=/nonexistent/bus', DISPLAY: '' };
    const r = await runCli(['keys', 'set', 'sendkit', '--json'], noBus, 'sk_abcdefghijklmnop');
    expect(r.code).toBe(1);
    expect(JSON.parse(r.stdout)).toMatchObject({ error: { code: 'keychain_unavailable' } });
  });
});
