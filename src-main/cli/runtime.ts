import type { Command } from 'commander';
import { createAppContext, type AppContext, type ContextOptions } from '../app/context';
import { createHandlers } from '../app/handlers';
import { createDispatcher } from '../ipc/dispatch';
import type { CallInput, CallName, CallOutput, Handlers } from '../../src-shared/contract';
import { AppError } from '../../src-shared/errors';

/** Exit codes promised by `leadprep --help`. */
export const EXIT = { ok: 0, failure: 1, usage: 2 } as const;

export class UsageError extends Error {}

export interface CliRuntime {
  /** True when --json was given: stdout then carries exactly one JSON document. */
  readonly json: boolean;
  ctx(): AppContext;
  handlers(): Handlers;
  /** Goes through the same dispatcher (validation, typed errors) as the app and the web host. */
  call<K extends CallName>(name: K, input: CallInput<K>): Promise<CallOutput<K>>;
  print(value: unknown, human: () => string): void;
  readStdin(): Promise<string>;
  close(): Promise<void>;
}

export type CommandModule = (program: Command, rt: CliRuntime) => void;

export function createRuntime(program: Command, contextOptions: Omit<ContextOptions, 'host'>): CliRuntime {
  let ctx: AppContext | null = null;
  let handlers: Handlers | null = null;
  const rt: CliRuntime = {
    get json() {
      return Boolean(program.opts<{ json?: boolean }>().json);
    },
    ctx() {
      ctx ??= createAppContext({ ...contextOptions, host: 'cli' });
      return ctx;
    },
    handlers() {
      handlers ??= createHandlers(rt.ctx());
      return handlers;
    },
    async call(name, input) {
      const res = await createDispatcher(rt.handlers(), rt.ctx().log)(name, input);
      if (!res.ok) throw new AppError(res.error.code, res.error.message);
      return res.value as never;
    },
    print(value, human) {
      process.stdout.write(rt.json ? `${JSON.stringify(value, null, 2)}\n` : `${human()}\n`);
    },
    async readStdin() {
      if (process.stdin.isTTY) {
        process.stderr.write(
          'Paste the key, then press Enter (input is not echoed to the command line history): ',
        );
      }
      const chunks: Buffer[] = [];
      for await (const chunk of process.stdin) {
        chunks.push(chunk as Buffer);
        if (process.stdin.isTTY && chunk.toString().includes('\n')) break;
      }
      return Buffer.concat(chunks).toString('utf8').trim();
    },
    async close() {
      if (ctx) await ctx.close();
    },
  };
  return rt;
}
