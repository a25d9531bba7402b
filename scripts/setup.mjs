// `npm run setup`: install dependencies, build every target, then try to build the Electron copy of
// the database module. Works on machines without the Electron binary (ELECTRON_SKIP_BINARY_DOWNLOAD=1
// is passed through to npm as is). The README's one-liner is `npm run setup && npm start`.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';

function step(title, command, args) {
  console.log(`\n> ${title}: ${command} ${args.join(' ')}`);
  const result = spawnSync(command, args, {
    cwd: root,
    stdio: 'inherit',
    env: process.env,
    shell: process.platform === 'win32',
  });
  if (result.status !== 0) {
    console.error(
      `\n${title} failed (exit ${result.status ?? result.signal}). Fix the error above and run npm run setup again.`,
    );
    process.exit(result.status || 1);
  }
}

if (process.env.ELECTRON_SKIP_BINARY_DOWNLOAD)
  console.log('ELECTRON_SKIP_BINARY_DOWNLOAD is set: the Electron binary will not be downloaded.');
step('Installing dependencies', npm, ['install']);
step('Building', npm, ['run', 'build']);
step('Building the database module for Electron', process.execPath, [
  join(root, 'scripts', 'electron-native.mjs'),
]);

// electron's installer writes path.txt only after it has downloaded the binary.
const electronBinary = existsSync(join(root, 'node_modules', 'electron', 'path.txt'));
console.log('\nLeadPrep is set up.');
console.log(
  electronBinary
    ? '  Start the desktop app:  npm start'
    : '  The Electron binary is not installed here, so the desktop app cannot start on this machine.',
);
console.log('  Browser mode:           npm run web');
console.log('  Command line:           npx leadprep --help');
console.log('  Tests:                  npm test');
