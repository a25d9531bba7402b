import { existsSync } from 'node:fs';
import { homedir } from 'node:os';
import { dirname, join, resolve } from 'node:path';

/**
 * Where LeadPrep keeps its data. Mirrors Electron's `userData` for an app named LeadPrep so the
 * desktop app, the CLI and the web host all open the same database; LEADPREP_HOME overrides it.
 */
export function resolveDataDir(env: NodeJS.ProcessEnv = process.env, platform = process.platform): string {
  if (env.LEADPREP_HOME) return resolve(env.LEADPREP_HOME);
  if (platform === 'darwin') return join(homedir(), 'Library', 'Application Support', 'LeadPrep');
  if (platform === 'win32') return join(env.APPDATA ?? join(homedir(), 'AppData', 'Roaming'), 'LeadPrep');
  return join(env.XDG_CONFIG_HOME ?? join(homedir(), '.config'), 'LeadPrep');
}

export interface DataPaths {
  dataDir: string;
  databasePath: string;
  backupDir: string;
  logDir: string;
  logPath: string;
}

export function dataPaths(dataDir: string): DataPaths {
  const logDir = join(dataDir, 'logs');
  return {
    dataDir,
    databasePath: join(dataDir, 'leadprep.db'),
    backupDir: join(dataDir, 'backups'),
    logDir,
    logPath: join(logDir, 'leadprep.log'),
  };
}

/**
 * The drizzle/ folder ships beside the app: under resources when packaged, at the repo root in a
 * checkout (found by walking up from the running bundle, which lives in out/<target>/).
 */
export function findAssetDir(name: string, from: string = __dirname): string {
  const resourcesPath = (process as NodeJS.Process & { resourcesPath?: string }).resourcesPath;
  const candidates = resourcesPath ? [join(resourcesPath, name)] : [];
  for (let dir = from; ; dir = dirname(dir)) {
    candidates.push(join(dir, name));
    if (dirname(dir) === dir) break;
  }
  const found = candidates.find((c) => existsSync(c));
  if (!found) throw new Error(`LeadPrep is missing its ${name} folder; reinstall the app.`);
  return found;
}
