import { defineConfig } from '@playwright/test';

// Debian's Chromium instead of Playwright's own download (which CI machines cannot fetch). Each spec
// starts its own in-process web host (test/e2e/fixtures.ts), so there is no global server to manage.
// Run through scripts/with-keyring.sh so the keychain is a real Secret Service; `npm test` does both.
export default defineConfig({
  testDir: 'test/e2e',
  workers: 1,
  retries: 0,
  reporter: 'list',
  timeout: 60_000,
  expect: { timeout: 10_000 },
  use: {
    headless: true,
    trace: 'retain-on-failure',
    launchOptions: {
      executablePath: '/usr/bin/chromium',
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-dev-shm-usage',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        '--no-first-run',
      ],
    },
  },
});
