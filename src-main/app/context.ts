import { mkdirSync } from 'node:fs';
import { version } from '../../package.json';
import { createCheckpointer, type Checkpointer } from '../db/checkpointer';
import { openDatabase, type Db, type OpenedDatabase } from '../db/open';
import { initLogging, type Logger } from '../logging/log';
import { dataPaths, findAssetDir, resolveDataDir, type DataPaths } from '../paths';
import { providerBaseUrl } from '../providers/http';
import { keySource } from '../providers/keys';
import { createInstantlyClient } from '../providers/instantly';
import { createMachFiveClient } from '../providers/machfive';
import { createSegmentflowClient } from '../providers/segmentflow';
import { createSendkitClient } from '../providers/sendkit';
import { createSecretStore, keytarBackend, type KeychainBackend, type SecretStore } from '../secrets/store';
import { createEventBus, type EventBus } from './events';
import { createJobRegistry, type JobRegistry } from '../queue/registry';

export type HostKind = 'electron' | 'web' | 'cli';

/** What only the host can do: show a file in the OS file manager, open a link in the OS browser. */
export interface HostPlatform {
  revealPath(path: string): Promise<boolean>;
  openExternal(url: string): Promise<boolean>;
}

export interface AppContext {
  host: HostKind;
  version: string;
  paths: DataPaths;
  database: OpenedDatabase;
  db: Db;
  /** WAL checkpoints off the main thread, for bulk writers that turn autocheckpoint off. */
  checkpointer: Checkpointer;
  secrets: SecretStore;
  log: Logger;
  events: EventBus;
  env: NodeJS.ProcessEnv;
  platform: HostPlatform;
  clients: ReturnType<typeof createClients>;
  /** Job kinds services registered; queue runners (src-main/queue) claim and run those kinds. */
  jobs: JobRegistry;
  /** Stops background work and closes the database; hosts call it once on exit. */
  close(): Promise<void>;
  onClose(fn: () => void | Promise<void>): void;
}

function createClients(secrets: SecretStore, env: NodeJS.ProcessEnv) {
  return {
    machfive: () =>
      createMachFiveClient({
        baseUrl: providerBaseUrl('machfive', env),
        key: keySource(secrets, 'machfive'),
      }),
    instantly: () =>
      createInstantlyClient({
        baseUrl: providerBaseUrl('instantly', env),
        key: keySource(secrets, 'instantly'),
      }),
    sendkit: () =>
      createSendkitClient({ baseUrl: providerBaseUrl('sendkit', env), key: keySource(secrets, 'sendkit') }),
    segmentflow: () =>
      createSegmentflowClient({
        baseUrl: providerBaseUrl('segmentflow', env),
        key: keySource(secrets, 'segmentflow'),
      }),
  };
}

export interface ContextOptions {
  host: HostKind;
  env?: NodeJS.ProcessEnv;
  dataDir?: string;
  platform: HostPlatform;
  keychain?: KeychainBackend | Promise<KeychainBackend>;
  nativeBinding?: string;
  logToConsole?: boolean;
}

/** Builds the one core every host shares: data paths, logging, the migrated database, keychain, events. */
export function createAppContext(opts: ContextOptions): AppContext {
  const env = opts.env ?? process.env;
  const paths = dataPaths(opts.dataDir ?? resolveDataDir(env));
  mkdirSync(paths.dataDir, { recursive: true });
  const log = initLogging(paths.logDir, paths.logPath, { console: opts.logToConsole });
  const database = openDatabase({
    databasePath: paths.databasePath,
    migrationsDir: findAssetDir('drizzle'),
    backupDir: paths.backupDir,
    nativeBinding: opts.nativeBinding,
  });
  if (database.backupPath) log.info(`Database upgraded; previous copy kept at ${database.backupPath}`);
  // LEADPREP_KEYCHAIN_SERVICE isolates test runs from a developer's real keys.
  const secrets = createSecretStore(
    opts.keychain ?? keytarBackend(),
    env.LEADPREP_KEYCHAIN_SERVICE || undefined,
  );
  const closers: Array<() => void | Promise<void>> = [];
  const checkpointer = createCheckpointer({
    sqlite: database.sqlite,
    nativeBinding: opts.nativeBinding,
    onFallback: (reason) => log.warn(`WAL checkpoints run on the main thread: ${reason}`),
  });
  return {
    host: opts.host,
    version,
    paths,
    database,
    db: database.db,
    checkpointer,
    secrets,
    log,
    events: createEventBus(),
    env,
    platform: opts.platform,
    clients: createClients(secrets, env),
    jobs: createJobRegistry(),
    onClose: (fn) => closers.push(fn),
    async close() {
      for (const fn of closers.reverse()) await fn();
      // Before the main connection: the last connection to close checkpoints and removes the WAL.
      await checkpointer.close();
      database.close();
    },
  };
}
