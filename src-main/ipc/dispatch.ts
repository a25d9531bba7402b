import { z } from 'zod';
import { calls, isCallName, type Handlers } from '../../src-shared/contract';
import type { Envelope } from '../../src-shared/contract/define';
import { AppError, isAppError } from '../../src-shared/errors';
import { sqliteFailure } from '../db/sqlite-errors';
import { redact } from '../secrets/redact';
import type { Logger } from '../logging/log';

export type Dispatch = (name: unknown, payload: unknown) => Promise<Envelope>;

function describeIssues(error: z.ZodError): string {
  return error.issues
    .slice(0, 5)
    .map((i) => `${i.path.length ? i.path.join('.') : 'input'}: ${i.message}`)
    .join('; ');
}

/**
 * The single entry point every transport (Electron IPC, the web host, tests) goes through: the name
 * must be in the contract, the input is parsed with the call's schema, the output with its output
 * schema (so nothing undeclared, such as a secret, can leak), and every failure becomes a typed
 * error envelope without a stack.
 */
export function createDispatcher(handlers: Handlers, log: Logger): Dispatch {
  return async (name, payload) => {
    if (!isCallName(name)) {
      return {
        ok: false,
        error: { code: 'unknown_call', message: `Unknown call: ${String(name).slice(0, 80)}` },
      };
    }
    const spec = calls[name];
    const input = spec.input.safeParse(payload ?? {});
    if (!input.success) {
      return {
        ok: false,
        error: {
          code: 'invalid_input',
          message: `Invalid input for ${name}: ${describeIssues(input.error)}`,
        },
      };
    }
    try {
      const handler = handlers[name] as (i: unknown) => Promise<unknown>;
      const result = await handler(input.data);
      const output = spec.output.safeParse(result);
      if (!output.success) {
        log.error(`Handler ${name} returned an invalid result: ${describeIssues(output.error)}`);
        return {
          ok: false,
          error: { code: 'internal', message: `LeadPrep produced an invalid answer for ${name}.` },
        };
      }
      return { ok: true, value: output.data };
    } catch (e) {
      if (isAppError(e)) {
        if (e.code === 'internal' || e.code === 'database') log.error(`${name} failed: ${e.message}`);
        return { ok: false, error: { code: e.code, message: redact(e.message) } };
      }
      log.error(`${name} failed unexpectedly: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}`);
      const stored = sqliteFailure(e);
      if (stored) return { ok: false, error: { code: stored.code, message: stored.message } };
      return {
        ok: false,
        error: {
          code: 'internal',
          message: `Something went wrong in ${name}. Details are in the log (Settings → Reveal logs).`,
        },
      };
    }
  };
}

/**
 * A call's input sent as JSON text (the web host's bodies, the desktop host's encoded inputs): an empty
 * text is an empty input; null when the text is not JSON. The dispatcher then parses it as the call's input.
 */
export function parseJsonInput(text: string): { input: unknown } | null {
  try {
    return { input: text.trim() === '' ? {} : (JSON.parse(text) as unknown) };
  } catch {
    return null;
  }
}

export { AppError };
