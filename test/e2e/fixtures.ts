import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { randomUUID } from 'node:crypto';
import { test as base, expect, type Page } from '@playwright/test';
import { createAppContext, type AppContext } from '../../src-main/app/context';
import { createHandlers } from '../../src-main/app/handlers';
import { createDispatcher } from '../../src-main/ipc/dispatch';
import { startWebServer, webPlatform } from '../../src-main/web/server';
import type { CallInput, CallName, CallOutput } from '../../src-shared/contract';
import { PROVIDERS } from '../../src-shared/providers';
import { startInstantlySim, startMachFiveSim, startSegmentflowSim, startSendkitSim } from '../sim';

const RENDERER_DIR = resolve(__dirname, '..', '..', 'out', 'renderer');

export interface Simulators {
  machfive: Awaited<ReturnType<typeof startMachFiveSim>>;
  instantly: Awaited<ReturnType<typeof startInstantlySim>>;
  sendkit: Awaited<ReturnType<typeof startSendkitSim>>;
  segmentflow: Awaited<ReturnType<typeof startSegmentflowSim>>;
}

export interface LeadPrepHost {
  /** The sign-in link `leadprep serve` would print (token included). */
  url: string;
  origin: string;
  ctx: AppContext;
  dataDir: string;
  /** Seeds or inspects state through the same dispatcher the page uses; throws on an error envelope. */
  call<K extends CallName>(name: K, input: CallInput<K>): Promise<CallOutput<K>>;
}

interface Fixtures {
  sims: Simulators;
  leadprep: LeadPrepHost;
  /** A page already signed in to this test's web host. */
  app: Page;
}

/**
 * Every test gets its own data directory, its own keychain service name, its own provider simulators
 * and its own web host serving the built renderer, so tests cannot see each other's keys or rows.
 */
export const test = base.extend<Fixtures>({
  // eslint-disable-next-line no-empty-pattern -- Playwright requires the destructuring form.
  sims: async ({}, use) => {
    const sims: Simulators = {
      machfive: await startMachFiveSim({ processingMs: 200 }),
      instantly: await startInstantlySim(),
      sendkit: await startSendkitSim(),
      segmentflow: await startSegmentflowSim(),
    };
    await use(sims);
    await Promise.all(Object.values(sims).map((s) => s.close()));
  },

  leadprep: async ({ sims }, use) => {
    if (!existsSync(join(RENDERER_DIR, 'index.html'))) {
      throw new Error(
        `The renderer is not built (${RENDERER_DIR} is missing): run npm run build before the e2e tests.`,
      );
    }
    const dataDir = mkdtempSync(join(tmpdir(), 'leadprep-e2e-'));
    const env: NodeJS.ProcessEnv = {
      ...process.env,
      LEADPREP_HOME: dataDir,
      LEADPREP_KEYCHAIN_SERVICE: `LeadPrep-e2e-${randomUUID()}`,
      LEADPREP_MACHFIVE_URL: sims.machfive.url,
      LEADPREP_INSTANTLY_URL: sims.instantly.url,
      LEADPREP_SENDKIT_URL: sims.sendkit.url,
      LEADPREP_SEGMENTFLOW_URL: sims.segmentflow.url,
    };
    const ctx = createAppContext({ host: 'web', env, dataDir, platform: webPlatform });
    const dispatch = createDispatcher(createHandlers(ctx), ctx.log);
    const server = await startWebServer({ ctx, rendererDir: RENDERER_DIR, dispatch });
    await use({
      url: server.url,
      origin: server.origin,
      ctx,
      dataDir,
      async call(name, input) {
        const res = await dispatch(name, input);
        if (!res.ok) throw new Error(`${name} failed: ${res.error.code}: ${res.error.message}`);
        return res.value as never;
      },
    });
    await server.close();
    for (const p of PROVIDERS) await ctx.secrets.clear(p).catch(() => undefined);
    await ctx.close();
    rmSync(dataDir, { recursive: true, force: true });
  },

  app: async ({ page, leadprep }, use) => {
    // A CSP violation means the built app does something the Electron app would refuse too.
    const violations: string[] = [];
    page.on('console', (msg) => {
      if (msg.type() === 'error' && /Content Security Policy/i.test(msg.text())) violations.push(msg.text());
    });
    await page.goto(leadprep.url);
    await expect(page).toHaveURL(`${leadprep.origin}/`);
    await use(page);
    expect(violations, 'CSP violations in the renderer').toEqual([]);
  },
});

export { expect };

/** Fails with the reason when the keychain is missing, instead of a confusing UI assertion later. */
export async function requireKeychain(leadprep: LeadPrepHost): Promise<void> {
  const state = await leadprep.ctx.secrets.availability();
  if (!state.available) {
    throw new Error(
      `The OS keychain is not available (${state.reason}). Run the e2e tests through scripts/with-keyring.sh.`,
    );
  }
}

/** What the focused element is called: its aria-label, else its text (a grid cell is named by what it shows). */
export function focusedName(page: Page): Promise<string | null> {
  return page.evaluate<string | null>(
    'document.activeElement?.getAttribute("aria-label") ?? document.activeElement?.textContent ?? null',
  );
}
