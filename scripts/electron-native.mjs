// Builds better-sqlite3 for Electron's ABI into native/electron/better_sqlite3.node without touching
// the Node build in node_modules (which the CLI, the web host and the tests keep using). main.ts loads
// this file as better-sqlite3's nativeBinding in a checkout; packaged apps are rebuilt by
// electron-builder instead. keytar needs nothing: it is an N-API addon, so one build serves both.
// Never fails the caller: without Electron's headers it explains what is missing and exits 0.
import { spawnSync } from 'node:child_process';
import {
  copyFileSync,
  cpSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(join(root, 'package.json'));
const outDir = join(root, 'native', 'electron');
const target = join(outDir, 'better_sqlite3.node');
const stampPath = join(outDir, 'build.json');
const DIST_URL = 'https://electronjs.org/headers';

function readJson(path) {
  return JSON.parse(readFileSync(path, 'utf8'));
}

function explain(reason) {
  console.log(
    [
      '',
      `Note: could not build the database module for the desktop app (${reason}).`,
      '  The desktop app (npm start) needs better-sqlite3 compiled for Electron, which needs',
      `  Electron's headers from ${DIST_URL} and a C++ toolchain (python3, make, g++).`,
      '  The CLI (npx leadprep), the web host (npm run web) and the tests work without it.',
      '  Run `npm run setup` again when those are available.',
      '',
    ].join('\n'),
  );
}

async function headersReachable(version) {
  try {
    const res = await fetch(`${DIST_URL}/v${version}/node-v${version}-headers.tar.gz`, {
      method: 'HEAD',
      signal: AbortSignal.timeout(10_000),
    });
    return res.ok ? null : `HTTP ${res.status} from ${DIST_URL}`;
  } catch (e) {
    return `${DIST_URL} unreachable: ${e instanceof Error ? (e.cause?.code ?? e.message) : String(e)}`;
  }
}

async function main() {
  const electronVersion = readJson(require.resolve('electron/package.json')).version;
  const sqlitePkgPath = require.resolve('better-sqlite3/package.json');
  const sqliteVersion = readJson(sqlitePkgPath).version;
  const stamp = {
    electron: electronVersion,
    betterSqlite3: sqliteVersion,
    arch: process.arch,
    platform: process.platform,
  };

  if (
    existsSync(target) &&
    existsSync(stampPath) &&
    JSON.stringify(readJson(stampPath)) === JSON.stringify(stamp)
  ) {
    console.log(
      `better-sqlite3 ${sqliteVersion} for Electron ${electronVersion} is already built (${target}).`,
    );
    return;
  }
  const unreachable = await headersReachable(electronVersion);
  if (unreachable) return explain(unreachable);

  const work = mkdtempSync(join(tmpdir(), 'leadprep-electron-native-'));
  try {
    const copy = join(work, 'better-sqlite3');
    // The copy leaves out build/, so node_modules' Node build is neither reused nor overwritten.
    const sourceBuild = join(dirname(sqlitePkgPath), 'build');
    cpSync(dirname(sqlitePkgPath), copy, { recursive: true, filter: (src) => !src.startsWith(sourceBuild) });
    console.log(
      `Building better-sqlite3 ${sqliteVersion} for Electron ${electronVersion} (${process.arch})…`,
    );
    const gyp = require.resolve('node-gyp/bin/node-gyp.js');
    const result = spawnSync(
      process.execPath,
      [
        gyp,
        'rebuild',
        '--release',
        `--target=${electronVersion}`,
        `--arch=${process.arch}`,
        `--dist-url=${DIST_URL}`,
      ],
      {
        cwd: copy,
        stdio: 'inherit',
        timeout: 15 * 60_000,
        env: { ...process.env, npm_config_runtime: 'electron' },
      },
    );
    const built = join(copy, 'build', 'Release', 'better_sqlite3.node');
    if (result.status !== 0 || !existsSync(built))
      return explain(`node-gyp exited with ${result.status ?? result.signal}`);
    mkdirSync(outDir, { recursive: true });
    copyFileSync(built, target);
    writeFileSync(stampPath, `${JSON.stringify(stamp)}\n`);
    console.log(`Built ${target}`);
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

main().catch((e) => explain(e instanceof Error ? e.message : String(e)));
