import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { _electron as electron, expect, test } from '@playwright/test';

const root = resolve(__dirname, '../..');
const mainEntry = join(root, 'out', 'main', 'index.js');

/**
 * The path of the Electron binary, or why it cannot be used here. Checked on disk first: requiring
 * 'electron' when its binary is missing starts a download, which tests must not do.
 */
function electronBinary(): { path: string } | { reason: string } {
  const req = createRequire(join(root, 'package.json'));
  const pkgDir = dirname(req.resolve('electron/package.json'));
  const pathFile = join(pkgDir, 'path.txt');
  if (!process.env.ELECTRON_OVERRIDE_DIST_PATH) {
    if (!existsSync(pathFile)) {
      return {
        reason: 'the Electron binary was never downloaded (installed with ELECTRON_SKIP_BINARY_DOWNLOAD=1?)',
      };
    }
    const binaryPath = join(pkgDir, 'dist', readFileSync(pathFile, 'utf8').trim());
    if (!existsSync(binaryPath)) return { reason: `the Electron binary is missing at ${binaryPath}` };
  }
  const path = req('electron') as unknown;
  return typeof path === 'string' && existsSync(path)
    ? { path }
    : { reason: `the Electron binary is missing (${String(path)})` };
}

const binary = electronBinary();
const skipReason =
  'reason' in binary
    ? `Skipping the Electron smoke test: ${binary.reason}. Install without ELECTRON_SKIP_BINARY_DOWNLOAD to run it.`
    : !existsSync(mainEntry)
      ? `Skipping the Electron smoke test: ${mainEntry} is not built (run npm run build).`
      : null;
if (skipReason) console.log(skipReason);

test.describe('desktop app', () => {
  test.skip(skipReason !== null, skipReason ?? '');

  test('opens one hardened window on the Settings screen', async () => {
    const home = mkdtempSync(join(tmpdir(), 'leadprep-electron-e2e-'));
    const app = await electron.launch({
      executablePath: 'path' in binary ? binary.path : undefined,
      // Root on CI cannot use Chromium's setuid sandbox; the renderer sandbox flag is still asserted below.
      args: [...(process.getuid?.() === 0 ? ['--no-sandbox'] : []), mainEntry],
      env: { ...process.env, LEADPREP_HOME: home, LEADPREP_KEYCHAIN_SERVICE: `LeadPrep-e2e-${process.pid}` },
    });
    try {
      const page = await app.firstWindow();
      expect(page.url()).toBe('app://leadprep/index.html');
      await expect(page.getByRole('heading', { name: 'Settings' })).toBeVisible();

      // The renderer sees the bridge and nothing of Node.
      const globals = await page.evaluate(() => ({
        bridge: Object.keys((globalThis as unknown as { leadprep?: object }).leadprep ?? {}).sort(),
        require: typeof (globalThis as { require?: unknown }).require,
        process: typeof (globalThis as { process?: unknown }).process,
      }));
      expect(globals).toEqual({
        bridge: ['invoke', 'invokeJson', 'on'],
        require: 'undefined',
        process: 'undefined',
      });

      // A contract call round-trips through the sender-checked IPC handler.
      const info = await page.evaluate(() =>
        (
          globalThis as unknown as { leadprep: { invoke(n: string, i: unknown): Promise<unknown> } }
        ).leadprep.invoke('app.info', {}),
      );
      expect(info).toMatchObject({ ok: true, value: { host: 'electron', dataDir: home } });
      // So does one whose input was encoded as JSON bytes (how staging chunks travel), across the bridge.
      const encoded = await page.evaluate(() =>
        (
          globalThis as unknown as { leadprep: { invokeJson(n: string, j: Uint8Array): Promise<unknown> } }
        ).leadprep.invokeJson('app.info', new TextEncoder().encode('{}')),
      );
      expect(encoded).toMatchObject({ ok: true, value: { host: 'electron', dataDir: home } });

      // window.open never creates a second window, and navigation away from the app is refused.
      await page.evaluate(() =>
        (globalThis as unknown as { open(url: string): unknown }).open('app://leadprep/index.html'),
      );
      await page.evaluate(() =>
        (globalThis as unknown as { location: { assign(url: string): void } }).location.assign(
          'file:///etc/passwd',
        ),
      );
      expect(await app.evaluate(({ BrowserWindow }) => BrowserWindow.getAllWindows().length)).toBe(1);
      expect(page.url()).toBe('app://leadprep/index.html');
    } finally {
      await app.close();
      rmSync(home, { recursive: true, force: true });
    }
  });
});
