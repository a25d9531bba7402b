import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomUUID } from 'node:crypto';
import {
  createAppContext,
  type AppContext,
  type HostKind,
  type HostPlatform,
} from '../../src-main/app/context';
import { createHandlers } from '../../src-main/app/handlers';
import { createDispatcher, type Dispatch } from '../../src-main/ipc/dispatch';
import type { CallInput, CallName, CallOutput, Handlers } from '../../src-shared/contract';
import { AppError } from '../../src-shared/errors';

export interface TestApp {
  ctx: AppContext;
  handlers: Handlers;
  dispatch: Dispatch;
  /** Calls through the dispatcher exactly like a window would; throws AppError on an error envelope. */
  call<K extends CallName>(name: K, input: CallInput<K>): Promise<CallOutput<K>>;
  dir: string;
  env: NodeJS.ProcessEnv;
  revealed: string[];
  opened: string[];
  close(): Promise<void>;
}

/**
 * A real LeadPrep core on a scratch data directory: real SQLite file with the real migrations, the
 * real OS keychain under a per-test service name (run tests through scripts/with-keyring.sh). `host`:
 * which host it stands for ('cli' has no screens to keep up to date).
 */
export function createTestApp(envOverrides: NodeJS.ProcessEnv = {}, host: HostKind = 'cli'): TestApp {
  const dir = mkdtempSync(join(tmpdir(), 'leadprep-test-'));
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    LEADPREP_HOME: dir,
    LEADPREP_KEYCHAIN_SERVICE: `LeadPrep-test-${randomUUID()}`,
    ...envOverrides,
  };
  const revealed: string[] = [];
  const opened: string[] = [];
  const platform: HostPlatform = {
    revealPath: async (p) => (revealed.push(p), true),
    openExternal: async (u) => (opened.push(u), true),
  };
  const ctx = createAppContext({ host, env, platform });
  const handlers = createHandlers(ctx);
  const dispatch = createDispatcher(handlers, ctx.log);
  return {
    ctx,
    handlers,
    dispatch,
    dir,
    env,
    revealed,
    opened,
    async call(name, input) {
      const res = await dispatch(name, input);
      if (!res.ok) throw new AppError(res.error.code, res.error.message);
      return res.value as never;
    },
    async close() {
      for (const p of ['machfive', 'instantly', 'sendkit', 'segmentflow'] as const) {
        await ctx.secrets.clear(p).catch(() => undefined);
      }
      await ctx.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
