import { cpSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { z } from 'zod';

const require = createRequire(import.meta.url);
const root = resolve(__dirname, '../../..');

// Electronegativity fetches translations and Electron release data from the internet; tests may not
// use the network, so its HTTP client is replaced with one that fails at once (it then falls back to
// its bundled English messages). The release-data check is excluded for the same reason.
const enegRequire = createRequire(require.resolve('@doyensec/electronegativity'));
const offline = () => Promise.reject(new Error('network disabled in tests'));
require.cache[enegRequire.resolve('got')] = {
  exports: Object.assign(offline, { head: offline }),
} as unknown as NodeJS.Module;

const Issue = z.object({
  id: z.string(),
  file: z.string(),
  description: z.string(),
  location: z.object({ line: z.number(), column: z.number() }),
  severity: z.object({ name: z.string() }),
  confidence: z.object({ name: z.string() }),
});
// The README calls the findings `errors`; in 1.10 `errors` holds parse failures and `issues` the findings.
const Result = z.object({
  errors: z.array(z.object({ file: z.string(), message: z.string(), tolerable: z.boolean() })),
  issues: z.array(Issue),
});

type Run = (options: Record<string, unknown>) => Promise<unknown>;
const run = require('@doyensec/electronegativity') as Run;
const electronVersion = (require('electron/package.json') as { version: string }).version;

async function scan(input: string) {
  const result = Result.parse(
    await run({
      input,
      isRelative: true,
      electronVersionOverride: electronVersion,
      excludeFromScan: ['AvailableSecurityFixesGlobalCheck'],
    }),
  );
  for (const f of result.issues) {
    console.log(
      `[${f.severity.name}/${f.confidence.name}] ${f.id} ${f.file}:${f.location.line} ${f.description}`,
    );
  }
  return result;
}

describe('electronegativity', () => {
  const sampleDir = mkdtempSync(join(tmpdir(), 'leadprep-eneg-'));
  afterAll(() => rmSync(sampleDir, { recursive: true, force: true }));

  it('flags an insecure window (so a clean scan below means something)', async () => {
    writeFileSync(
      join(sampleDir, 'main.ts'),
      "import { BrowserWindow } from 'electron';\nnew BrowserWindow({ webPreferences: { nodeIntegration: true, contextIsolation: false } });\n",
    );
    const { issues } = await scan(sampleDir);
    expect(issues.filter((i) => i.severity.name === 'HIGH').length).toBeGreaterThan(0);
  });

  // Global checks (navigation limits, permission handler) look across the whole app, so the main
  // process and preload sources are scanned together, as one app.
  it('finds no high-severity issue in the main process and preload sources', async () => {
    const appDir = join(sampleDir, 'app');
    mkdirSync(appDir);
    for (const dir of ['src-main', 'src-preload'])
      cpSync(resolve(root, dir), join(appDir, dir), { recursive: true });
    const { issues, errors } = await scan(appDir);
    expect(errors.filter((e) => !e.tolerable).map((e) => `${e.file}: ${e.message}`)).toEqual([]);
    expect(
      issues.filter((f) => f.severity.name === 'HIGH').map((f) => `${f.id} ${f.file}:${f.location.line}`),
    ).toEqual([]);
  });
});
