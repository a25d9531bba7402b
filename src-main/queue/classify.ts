import { isAppError } from '../../src-shared/errors';
import { sqliteFailure } from '../db/sqlite-errors';
import { isProviderError } from '../providers/http';

/**
 * What the queue does with an error a handler threw. Handlers may call this too, e.g. to decide
 * whether a failed POST must be reconciled (`ambiguous`) before it can be retried.
 */
export type FailureClass =
  /** 401 or no key saved: pause the provider until a key is saved again; the job keeps its attempt. */
  | { action: 'pause'; reason: 'auth' | 'credits'; message: string; code: string }
  /** 429: wait (Retry-After if given) without using an attempt; WORKSPACE_LIMIT also lowers concurrency. */
  | {
      action: 'rate_limited';
      retryAfterMs: number | null;
      lowerConcurrency: boolean;
      message: string;
      code: string;
    }
  /** Nothing reached the provider (connection refused, DNS): a normal state, probe with growing waits. */
  | { action: 'offline'; message: string; code: string }
  /** 5xx, timeout, reset, unreadable answer, unexpected bug: exponential backoff, uses an attempt. */
  | { action: 'backoff'; ambiguous: boolean; message: string; code: string }
  /** 400/403/404/409 and friends: retrying the same request cannot help. */
  | { action: 'fail'; message: string; code: string };

export function classifyFailure(e: unknown): FailureClass {
  if (isProviderError(e)) {
    switch (e.code) {
      case 'provider_auth':
        return { action: 'pause', reason: 'auth', message: e.message, code: e.code };
      case 'provider_credits':
        return { action: 'pause', reason: 'credits', message: e.message, code: e.code };
      case 'provider_rate_limited':
        return {
          action: 'rate_limited',
          retryAfterMs: e.retryAfterMs,
          lowerConcurrency: e.providerCode === null || e.providerCode === 'WORKSPACE_LIMIT',
          message: e.message,
          code: e.code,
        };
      case 'offline':
        return e.ambiguous
          ? { action: 'backoff', ambiguous: true, message: e.message, code: e.code }
          : { action: 'offline', message: e.message, code: e.code };
      case 'provider_bad_request':
      case 'provider_forbidden':
      case 'provider_not_found':
      case 'conflict':
        return { action: 'fail', message: e.message, code: e.code };
      default:
        return { action: 'backoff', ambiguous: e.ambiguous, message: e.message, code: e.code };
    }
  }
  if (isAppError(e)) {
    if (e.code === 'key_missing')
      return { action: 'pause', reason: 'auth', message: e.message, code: e.code };
    if (e.code === 'invalid_input' || e.code === 'not_found')
      return { action: 'fail', message: e.message, code: e.code };
    return { action: 'backoff', ambiguous: false, message: e.message, code: e.code };
  }
  // A full disk or a busy database: the run shows why it waits, and the job tries again later.
  const stored = sqliteFailure(e);
  if (stored) return { action: 'backoff', ambiguous: false, message: stored.message, code: stored.code };
  const message = e instanceof Error ? e.message : String(e);
  return { action: 'backoff', ambiguous: false, message: `Unexpected error: ${message}`, code: 'internal' };
}
