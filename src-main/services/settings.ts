import { mkdirSync } from 'node:fs';
import { eq } from 'drizzle-orm';
import type { ConnectionTest, KeyStatus, KeysOverview } from '../../src-shared/contract/settings';
import type { Handlers } from '../../src-shared/contract';
import { AppError } from '../../src-shared/errors';
import { PROVIDER_LABELS, PROVIDERS, TESTABLE_PROVIDERS, type Provider } from '../../src-shared/providers';
import type { AppContext } from '../app/context';
import { backUp, backupsIn } from '../db/backups';
import { keyChecks } from '../db/schema';
import { isProviderError } from '../providers/http';
import { clearAuthPause } from '../queue/store';

type SettingsHandlers = Pick<
  Handlers,
  | 'app.info'
  | 'app.backup'
  | 'keys.status'
  | 'keys.set'
  | 'keys.clear'
  | 'keys.test'
  | 'logs.reveal'
  | 'backups.reveal'
  | 'links.open'
>;

/** Links the app may hand to the OS browser: web pages only, never file:, javascript: or custom schemes. */
export function isSafeExternalUrl(raw: string): boolean {
  try {
    const url = new URL(raw);
    return (
      (url.protocol === 'https:' || url.protocol === 'http:') && url.username === '' && url.password === ''
    );
  } catch {
    return false;
  }
}

export function createSettingsService(ctx: AppContext) {
  const lastCheck = (provider: Provider) =>
    ctx.db.select().from(keyChecks).where(eq(keyChecks.provider, provider)).get() ?? null;

  async function statusOf(provider: Provider): Promise<KeyStatus> {
    const set = await ctx.secrets.has(provider);
    const check = set ? lastCheck(provider) : null;
    return {
      provider,
      set,
      lastVerifiedAt: check?.outcome === 'ok' ? check.checkedAt : null,
      lastCheck: check?.outcome ?? null,
    };
  }

  async function overview(): Promise<KeysOverview> {
    const keychain = await ctx.secrets.availability();
    if (!keychain.available) {
      return {
        keychain,
        providers: PROVIDERS.map((provider) => ({
          provider,
          set: false,
          lastVerifiedAt: null,
          lastCheck: null,
        })),
      };
    }
    return { keychain, providers: await Promise.all(PROVIDERS.map(statusOf)) };
  }

  const announce = async () => ctx.events.emit('keys.changed', await overview());

  function recordCheck(
    provider: Provider,
    outcome: 'ok' | 'unauthorized' | 'offline' | 'unexpected',
    at: number,
  ) {
    ctx.db
      .insert(keyChecks)
      .values({ provider, checkedAt: at, outcome })
      .onConflictDoUpdate({ target: keyChecks.provider, set: { checkedAt: at, outcome } })
      .run();
  }

  async function testConnection(provider: Provider): Promise<ConnectionTest> {
    const label = PROVIDER_LABELS[provider];
    const checkedAt = Date.now();
    if (!TESTABLE_PROVIDERS.includes(provider)) {
      throw new AppError(
        'invalid_input',
        `${label} has no read-only endpoint LeadPrep can call safely, so its key is checked on the first push.`,
      );
    }
    if (!(await ctx.secrets.has(provider))) {
      return { provider, outcome: 'not_set', message: `No ${label} key is saved yet.`, checkedAt };
    }
    try {
      const campaigns =
        provider === 'machfive'
          ? await ctx.clients.machfive().listCampaigns()
          : await ctx.clients.instantly().listCampaigns();
      recordCheck(provider, 'ok', checkedAt);
      return {
        provider,
        outcome: 'ok',
        message: `Connected to ${label}: ${campaigns.length} campaign${campaigns.length === 1 ? '' : 's'} visible.`,
        checkedAt,
      };
    } catch (e) {
      if (!isProviderError(e)) throw e;
      const outcome =
        e.code === 'provider_auth'
          ? 'unauthorized'
          : e.code === 'offline' || e.code === 'provider_timeout'
            ? 'offline'
            : 'unexpected';
      recordCheck(provider, outcome, checkedAt);
      const message =
        outcome === 'unauthorized'
          ? `${label} rejected this key (401). Copy the key again from ${label}'s settings and paste it here.`
          : outcome === 'offline'
            ? `Could not reach ${label}. Check your internet connection, then test again.`
            : e.message;
      return { provider, outcome, message, checkedAt };
    } finally {
      await announce();
    }
  }

  const handlers: SettingsHandlers = {
    'app.info': async () => ({
      version: ctx.version,
      host: ctx.host,
      dataDir: ctx.paths.dataDir,
      databasePath: ctx.paths.databasePath,
      schemaVersion: ctx.database.schemaVersion,
      logPath: ctx.paths.logPath,
      backupDir: ctx.paths.backupDir,
      lastBackupAt: backupsIn(ctx.paths.backupDir)[0]?.at ?? null,
      keychain: await ctx.secrets.availability(),
    }),
    'app.backup': async () => {
      const path = await backUp(ctx.database.sqlite, ctx.paths.backupDir, 'copy');
      ctx.log.info(`Copy of the database saved at ${path}`);
      return { path, at: Date.now() };
    },
    'keys.status': overview,
    'keys.set': async ({ provider, key }) => {
      await ctx.secrets.set(provider, key);
      ctx.db.delete(keyChecks).where(eq(keyChecks.provider, provider)).run();
      ctx.log.info(`${PROVIDER_LABELS[provider]} key saved to the keychain`);
      // Work paused by a 401 waits for exactly this: a new key.
      if (clearAuthPause(ctx, provider)) ctx.jobs.providersChanged();
      await announce();
      return statusOf(provider);
    },
    'keys.clear': async ({ provider }) => {
      await ctx.secrets.clear(provider);
      ctx.db.delete(keyChecks).where(eq(keyChecks.provider, provider)).run();
      ctx.log.info(`${PROVIDER_LABELS[provider]} key removed from the keychain`);
      await announce();
      return statusOf(provider);
    },
    'keys.test': ({ provider }) => testConnection(provider),
    'logs.reveal': async () => ({
      path: ctx.paths.logPath,
      revealed: await ctx.platform.revealPath(ctx.paths.logPath),
    }),
    'backups.reveal': async () => {
      mkdirSync(ctx.paths.backupDir, { recursive: true });
      const newest = backupsIn(ctx.paths.backupDir)[0];
      return {
        path: ctx.paths.backupDir,
        // The newest copy selected in its folder, or the folder when there is none yet.
        revealed: await ctx.platform.revealPath(newest?.path ?? ctx.paths.backupDir),
      };
    },
    'links.open': async ({ url }) => {
      if (!isSafeExternalUrl(url))
        throw new AppError('forbidden', 'Only web links (http/https) can be opened.');
      return { opened: await ctx.platform.openExternal(url) };
    },
  };
  return { handlers, overview, statusOf, testConnection };
}
