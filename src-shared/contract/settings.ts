import { z } from 'zod';
import { call, Empty } from './define';
import { Provider } from '../providers';

export const KeychainState = z.object({ available: z.boolean(), reason: z.string().nullable() });

export const KeyStatus = z.object({
  provider: Provider,
  set: z.boolean(),
  lastVerifiedAt: z.number().int().nullable(),
  lastCheck: z.enum(['ok', 'unauthorized', 'offline', 'unexpected']).nullable(),
});
export type KeyStatus = z.infer<typeof KeyStatus>;

export const KeysOverview = z.object({ keychain: KeychainState, providers: z.array(KeyStatus) });
export type KeysOverview = z.infer<typeof KeysOverview>;

export const ConnectionTest = z.object({
  provider: Provider,
  outcome: z.enum(['ok', 'unauthorized', 'offline', 'unexpected', 'not_set']),
  message: z.string(),
  checkedAt: z.number().int(),
});
export type ConnectionTest = z.infer<typeof ConnectionTest>;

export const AppInfo = z.object({
  version: z.string(),
  host: z.enum(['electron', 'web', 'cli']),
  dataDir: z.string(),
  databasePath: z.string(),
  schemaVersion: z.number().int(),
  logPath: z.string(),
  /** Copies of the database: one a day while the app runs, and those the user takes. */
  backupDir: z.string(),
  /** When the newest copy was taken, or null when there is none. */
  lastBackupAt: z.number().int().nullable(),
  keychain: KeychainState,
});
export type AppInfo = z.infer<typeof AppInfo>;

export const settingsCalls = {
  'app.info': call(Empty, AppInfo),
  'keys.status': call(Empty, KeysOverview),
  // The key travels renderer -> main once and is never returned; outputs carry status only.
  'keys.set': call(
    z.object({ provider: Provider, key: z.string().trim().min(8).max(1000) }).strict(),
    KeyStatus,
  ),
  'keys.clear': call(z.object({ provider: Provider }).strict(), KeyStatus),
  'keys.test': call(z.object({ provider: Provider }).strict(), ConnectionTest),
  'logs.reveal': call(Empty, z.object({ path: z.string(), revealed: z.boolean() })),
  /** A copy of the database in the backups folder, taken now. */
  'app.backup': call(Empty, z.object({ path: z.string(), at: z.number().int() })),
  'backups.reveal': call(Empty, z.object({ path: z.string(), revealed: z.boolean() })),
  'links.open': call(z.object({ url: z.string().max(2000) }).strict(), z.object({ opened: z.boolean() })),
};

export const settingsEvents = {
  'keys.changed': KeysOverview,
};
