import { z } from 'zod';

/**
 * Error codes that may cross a boundary (IPC, HTTP, CLI --json). Every failure a user can see maps to
 * one of these, with a plain-language message that says what to do next. Stacks never cross.
 */
export const ERROR_CODES = [
  'invalid_input',
  'not_found',
  'conflict',
  'unknown_call',
  'forbidden',
  'keychain_unavailable',
  'key_missing',
  'provider_auth',
  'provider_credits',
  'provider_forbidden',
  'provider_not_found',
  'provider_rate_limited',
  'provider_bad_request',
  'provider_unavailable',
  'provider_timeout',
  'provider_unexpected',
  'offline',
  'read_failed',
  'database',
  'cancelled',
  'internal',
] as const;
export type ErrorCode = (typeof ERROR_CODES)[number];

export const AppErrorShape = z.object({
  code: z.enum(ERROR_CODES),
  message: z.string(),
  detail: z.unknown().optional(),
});
export type AppErrorShape = z.infer<typeof AppErrorShape>;

export class AppError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly detail?: unknown,
  ) {
    super(message);
    this.name = 'AppError';
  }

  toShape(): AppErrorShape {
    return this.detail === undefined
      ? { code: this.code, message: this.message }
      : { code: this.code, message: this.message, detail: this.detail };
  }
}

export const isAppError = (e: unknown): e is AppError => e instanceof AppError;
