import { existsSync } from 'node:fs';
import { knownSchemaVersion } from '../../db/open';
import { dataPaths, findAssetDir, resolveDataDir } from '../../paths';
import { createSecretStore, keytarBackend } from '../../secrets/store';
import type { CommandModule } from '../runtime';

/** Health report that works even when the database or keychain is broken, to say why. */
export const registerDoctor: CommandModule = (program, rt) => {
  program
    .command('doctor')
    .description('check the data directory, database and keychain')
    .action(async () => {
      const paths = dataPaths(resolveDataDir());
      const report = {
        dataDir: paths.dataDir,
        databasePath: paths.databasePath,
        databaseExists: existsSync(paths.databasePath),
        schemaVersion: null as number | null,
        schemaKnown: knownSchemaVersion(findAssetDir('drizzle')),
        database: { ok: false, message: '' },
        keychain: { available: false, reason: null as string | null },
        logPath: paths.logPath,
      };
      try {
        report.schemaVersion = rt.ctx().database.schemaVersion;
        report.database = { ok: true, message: 'ok' };
      } catch (e) {
        report.database = { ok: false, message: (e as Error).message };
      }
      report.keychain = await createSecretStore(
        keytarBackend(),
        process.env.LEADPREP_KEYCHAIN_SERVICE || undefined,
      ).availability();
      rt.print(report, () =>
        [
          `Data directory:  ${report.dataDir}`,
          `Database:        ${report.databasePath} (${report.database.ok ? `schema ${report.schemaVersion}` : report.database.message})`,
          `Keychain:        ${report.keychain.available ? 'available' : `NOT available — ${report.keychain.reason}`}`,
          `Log file:        ${report.logPath}`,
        ].join('\n'),
      );
      if (!report.database.ok) process.exitCode = 1;
    });

  program
    .command('backup')
    .description('save a copy of your data (the database) in the backups folder')
    .action(async () => {
      const r = await rt.call('app.backup', {});
      rt.print(r, () => `Saved a copy of your data: ${r.path}`);
    });
};
