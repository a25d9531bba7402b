// `npm test`: build, static checks, then every suite (unit, integration, e2e) inside a private D-Bus
// session with an unlocked GNOME Keyring so keychain tests use the real Secret Service. Ends with one
// plain line of totals summed over all suites, which CI reads.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';

const reportDir = join('test-results', 'reports');
rmSync(reportDir, { recursive: true, force: true });
mkdirSync(reportDir, { recursive: true });

const inKeyring = (cmd, args, env = {}) =>
  spawnSync('scripts/with-keyring.sh', [cmd, ...args], { stdio: 'inherit', env: { ...process.env, ...env } });

function step(name, cmd, args) {
  console.log(`\n=== ${name}`);
  const r = spawnSync(cmd, args, { stdio: 'inherit' });
  if (r.status !== 0) {
    console.log(`\n${name} failed; fix it before the test suites run.`);
    console.log('0 passed, 1 failed');
    process.exit(1);
  }
}

step('build', 'npm', ['run', '--silent', 'build']);
step('typecheck', 'npm', ['run', '--silent', 'typecheck']);
step('lint', 'npm', ['run', '--silent', 'lint']);

const totals = { passed: 0, failed: 0, skipped: 0 };
const suiteLines = [];

for (const project of ['unit', 'integration']) {
  console.log(`\n=== ${project} tests`);
  const out = join(reportDir, `${project}.json`);
  const r = inKeyring('npx', [
    'vitest',
    'run',
    '--project',
    project,
    '--reporter=default',
    '--reporter=json',
    `--outputFile=${out}`,
  ]);
  if (existsSync(out)) {
    const j = JSON.parse(readFileSync(out, 'utf8'));
    const s = {
      passed: j.numPassedTests,
      failed: j.numFailedTests,
      skipped: j.numPendingTests + j.numTodoTests,
    };
    // A suite that fails to load has no failed tests but is still a failure.
    if (r.status !== 0 && s.failed === 0) s.failed = 1;
    suiteLines.push(`${project}: ${s.passed} passed, ${s.failed} failed, ${s.skipped} skipped`);
    for (const k of Object.keys(totals)) totals[k] += s[k];
  } else {
    suiteLines.push(`${project}: no report (runner crashed)`);
    totals.failed += 1;
  }
}

console.log('\n=== e2e tests (Playwright, Chromium)');
const e2eOut = join(reportDir, 'e2e.json');
const r = inKeyring('npx', ['playwright', 'test', '--reporter=list,json'], {
  PLAYWRIGHT_JSON_OUTPUT_NAME: e2eOut,
});
if (existsSync(e2eOut)) {
  const st = JSON.parse(readFileSync(e2eOut, 'utf8')).stats;
  const s = { passed: st.expected + st.flaky, failed: st.unexpected, skipped: st.skipped };
  if (r.status !== 0 && s.failed === 0) s.failed = 1;
  suiteLines.push(`e2e: ${s.passed} passed, ${s.failed} failed, ${s.skipped} skipped`);
  for (const k of Object.keys(totals)) totals[k] += s[k];
} else {
  suiteLines.push('e2e: no report (runner crashed)');
  totals.failed += 1;
}

console.log(`\n${suiteLines.join('\n')}`);
console.log(`${totals.passed} passed, ${totals.failed} failed, ${totals.skipped} skipped`);
process.exit(totals.failed > 0 ? 1 : 0);
