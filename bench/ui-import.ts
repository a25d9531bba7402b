/*
 * What the user waits for: the .csv imported through the real Import screen, in Chromium, against the
 * web host (the same renderer and contract as the Electron app; the Electron binary is not on these
 * machines). Timed from the page: choosing the file until the header step, and Continue until the
 * Clean & dedupe screen, split where the "Saving leads" progress starts (before: the pipeline in the
 * worker; after: staging every row through the host), and the UI thread's longest block while saving.
 *
 * Chromium is driven over the DevTools protocol directly, with the DOM and Runtime domains only:
 * Playwright turns on network capture, which copies every 700 kB staging request into the protocol
 * and made the same import take twice as long.
 */
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createAppContext } from '../src-main/app/context';
import { findAssetDir } from '../src-main/paths';
import { startWebServer, webPlatform } from '../src-main/web/server';

const CHROMIUM = process.env.LEADPREP_BENCH_CHROMIUM ?? '/usr/bin/chromium';
const STEP_TIMEOUT_MS = 180_000;
const POLL_MS = 50;

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** The built renderer, found from bench/ and from the bundled stages under out/bench/ alike. */
function rendererDir(): string | null {
  try {
    const dir = findAssetDir(join('out', 'renderer'), __dirname);
    return existsSync(join(dir, 'index.html')) ? dir : null;
  } catch {
    return null;
  }
}

/** The latest change to the sources the renderer is built from. */
function newestSourceMs(root: string): number {
  let newest = 0;
  for (const dir of ['src-renderer', 'src-shared']) {
    for (const file of readdirSync(join(root, dir), { recursive: true, encoding: 'utf8' }))
      newest = Math.max(newest, statSync(join(root, dir, file)).mtimeMs);
  }
  return newest;
}

/** Why the UI import cannot be measured here, or null when it can. */
export function uiImportUnavailable(): string | null {
  const dir = rendererDir();
  if (dir === null) return 'not measured (run npm run build first)';
  // A build left from other code would be measured in its place.
  if (statSync(join(dir, 'index.html')).mtimeMs < newestSourceMs(join(dir, '..', '..')))
    return 'not measured (the built renderer is older than its sources: run npm run build first)';
  if (!existsSync(CHROMIUM)) return `not measured (no Chromium at ${CHROMIUM}; set LEADPREP_BENCH_CHROMIUM)`;
  return null;
}

/** Node 20 has WebSocket behind a flag; from Node 22 on it is always there. */
export const UI_IMPORT_NODE_FLAGS =
  Number(process.versions.node.split('.')[0]) < 22 ? ['--experimental-websocket', '--no-warnings'] : [];

interface Cdp {
  send(method: string, params?: object): Promise<Record<string, unknown>>;
  close(): void;
}

async function connect(url: string): Promise<Cdp> {
  const ws = new WebSocket(url);
  await new Promise((resolveOpen, reject) => {
    ws.addEventListener('open', resolveOpen);
    ws.addEventListener('error', () => reject(new Error(`cannot connect to Chromium at ${url}`)));
  });
  let next = 0;
  const pending = new Map<
    number,
    (m: { result?: Record<string, unknown>; error?: { message: string } }) => void
  >();
  ws.addEventListener('message', (event) => {
    const m = JSON.parse(String(event.data)) as { id?: number; result?: Record<string, unknown> };
    if (m.id === undefined) return;
    pending.get(m.id)?.(m);
    pending.delete(m.id);
  });
  return {
    send: (method, params = {}) =>
      new Promise((resolveCall, reject) => {
        const id = ++next;
        pending.set(id, (m) =>
          m.error ? reject(new Error(`${method}: ${m.error.message}`)) : resolveCall(m.result ?? {}),
        );
        ws.send(JSON.stringify({ id, method, params }));
      }),
    close: () => ws.close(),
  };
}

/** The page target of a Chromium started with --remote-debugging-port=0 (the port is in its profile). */
async function pageTarget(profile: string): Promise<string> {
  const deadline = Date.now() + 30_000;
  while (Date.now() < deadline) {
    try {
      const port = readFileSync(join(profile, 'DevToolsActivePort'), 'utf8').split('\n')[0];
      const targets = (await (await fetch(`http://127.0.0.1:${port}/json/list`)).json()) as {
        type: string;
        webSocketDebuggerUrl: string;
      }[];
      const page = targets.find((t) => t.type === 'page');
      if (page) return page.webSocketDebuggerUrl;
    } catch {
      // Chromium is still starting.
    }
    await sleep(100);
  }
  throw new Error('Chromium did not open a page within 30 s');
}

export async function timeUiImport(csvPath: string): Promise<Record<string, number>> {
  const dataDir = mkdtempSync(join(tmpdir(), 'leadprep-bench-ui-'));
  const profile = mkdtempSync(join(tmpdir(), 'leadprep-bench-chromium-'));
  const ctx = createAppContext({
    host: 'web',
    dataDir,
    env: { ...process.env, LEADPREP_HOME: dataDir },
    platform: webPlatform,
  });
  const server = await startWebServer({ ctx, rendererDir: rendererDir() ?? undefined });
  const chromium = spawn(
    CHROMIUM,
    [
      '--headless=new',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-dev-shm-usage',
      '--no-first-run',
      '--remote-debugging-port=0',
      `--user-data-dir=${profile}`,
      '--window-size=1400,900',
      'about:blank',
    ],
    { stdio: 'ignore' },
  );
  let cdp: Cdp | null = null;
  try {
    cdp = await connect(await pageTarget(profile));
    const page = cdp;
    const evaluate = async (expression: string): Promise<unknown> => {
      const r = await page.send('Runtime.evaluate', { expression, returnByValue: true });
      return (r.result as { value?: unknown } | undefined)?.value;
    };
    /** Milliseconds until `expression` is true in the page. */
    const until = async (expression: string): Promise<number> => {
      const start = performance.now();
      while (performance.now() - start < STEP_TIMEOUT_MS) {
        if ((await evaluate(expression)) === true) return performance.now();
        await sleep(POLL_MS);
      }
      throw new Error(`the page never got to: ${expression}`);
    };
    const button = (label: string) =>
      `[...document.querySelectorAll('button')].find((b) => b.textContent.trim().startsWith(${JSON.stringify(label)}) && !b.disabled)`;

    await page.send('Page.enable');
    await page.send('Page.navigate', { url: server.url });
    await until(`!!document.querySelector('input[type=file]')`);
    const { root } = (await page.send('DOM.getDocument')) as { root: { nodeId: number } };
    const { nodeId } = (await page.send('DOM.querySelector', {
      nodeId: root.nodeId,
      selector: 'input[type=file]',
    })) as { nodeId: number };
    const chosen = performance.now();
    await page.send('DOM.setFileInputFiles', { nodeId, files: [csvPath] });
    const headerStep = await until(`!!${button('Use row 1 as header')}`);
    await evaluate(`${button('Use row 1 as header')}.click()`);
    await until(`!!${button('Continue: clean and check all rows')}`);
    const started = performance.now();
    await evaluate(`${button('Continue: clean and check all rows')}.click()`);
    const saving = await until(`document.body.textContent.includes('Saving leads')`);
    // How long the page could not answer the user at a stretch while saving: a timer chain on the UI
    // thread records its longest gap.
    await evaluate(
      `(() => { const w = (window.__uiGap = { max: 0, last: performance.now(), on: true }); const tick = () => { const now = performance.now(); w.max = Math.max(w.max, now - w.last); w.last = now; if (w.on) setTimeout(tick, 1); }; setTimeout(tick, 1); })()`,
    );
    const done = await until(
      `[...document.querySelectorAll('h1')].some((h) => h.textContent === 'Clean & dedupe')`,
    );
    const longestBlock = Number(await evaluate(`(window.__uiGap.on = false, window.__uiGap.max)`));
    return {
      uiReadMs: Math.round(headerStep - chosen),
      uiPipelineMs: Math.round(saving - started),
      uiStagingMs: Math.round(done - saving),
      uiStagingMaxBlockMs: Math.round(longestBlock),
      uiContinueToCleanMs: Math.round(done - started),
    };
  } finally {
    cdp?.close();
    if (chromium.exitCode === null) {
      const exited = new Promise((r) => chromium.once('exit', r));
      chromium.kill();
      await exited;
    }
    await server.close();
    await ctx.close();
    rmSync(dataDir, { recursive: true, force: true });
    rmSync(profile, { recursive: true, force: true });
  }
}
