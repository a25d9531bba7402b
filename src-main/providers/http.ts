import { z } from 'zod';
import { AppError, type ErrorCode } from '../../src-shared/errors';
import {
  PROVIDER_DEFAULT_URL,
  PROVIDER_LABELS,
  PROVIDER_URL_ENV,
  type Provider,
} from '../../src-shared/providers';
import { redact } from '../secrets/redact';

/**
 * A failed provider call, classified so the queue can decide what to do. `ambiguous` means the
 * provider may have acted on the request even though we got no usable answer (timeout, dropped
 * connection, 5xx after sending): a non-idempotent call must be reconciled, not blindly repeated.
 */
export class ProviderError extends AppError {
  constructor(
    code: ErrorCode,
    message: string,
    readonly provider: Provider,
    readonly status: number | null,
    readonly providerCode: string | null,
    readonly retryAfterMs: number | null,
    readonly ambiguous: boolean,
  ) {
    super(code, message, { provider, status, providerCode });
    this.name = 'ProviderError';
  }
}

export const isProviderError = (e: unknown): e is ProviderError => e instanceof ProviderError;

export function providerBaseUrl(provider: Provider, env: NodeJS.ProcessEnv = process.env): string {
  return (env[PROVIDER_URL_ENV[provider]] ?? PROVIDER_DEFAULT_URL[provider]).replace(/\/+$/, '');
}

/** Tolerant reading of the error bodies the four APIs use ({error, message, detail} and variants). */
const ErrorBody = z
  .object({
    error: z
      .union([z.string(), z.object({ code: z.string().optional(), message: z.string().optional() }).loose()])
      .optional(),
    message: z.string().optional(),
    code: z.string().optional(),
    detail: z.unknown().optional(),
  })
  .loose();

function parseRetryAfter(value: string | null, now = Date.now()): number | null {
  if (!value) return null;
  const secs = Number(value);
  if (Number.isFinite(secs) && secs >= 0) return Math.round(secs * 1000);
  const at = Date.parse(value);
  return Number.isNaN(at) ? null : Math.max(0, at - now);
}

const STATUS_CODES: Record<number, ErrorCode> = {
  400: 'provider_bad_request',
  401: 'provider_auth',
  402: 'provider_credits',
  403: 'provider_forbidden',
  404: 'provider_not_found',
  409: 'conflict',
  422: 'provider_bad_request',
  429: 'provider_rate_limited',
};

function plainMessage(provider: Provider, status: number, remote: string): string {
  const name = PROVIDER_LABELS[provider];
  const said = remote ? ` ${name} said: "${remote}"` : '';
  switch (status) {
    case 401:
      return `${name} rejected the API key.${said} Paste a valid key in Settings; paused work resumes once the key works.`;
    case 402:
      return `${name} reports that your credits ran out.${said} Top up, then press Resume.`;
    case 403:
      return `${name} refused access to this campaign or resource.${said} Check that it belongs to the workspace of your API key.`;
    case 404:
      return `${name} could not find this campaign or resource.${said} Pick another one.`;
    case 429:
      return `${name} asked us to slow down.${said} LeadPrep waits and retries automatically.`;
    default:
      if (status >= 500)
        return `${name} had a server problem (HTTP ${status}).${said} LeadPrep retries automatically.`;
      return `${name} refused the request (HTTP ${status}).${said}`;
  }
}

export interface RequestOptions {
  provider: Provider;
  method: 'GET' | 'POST';
  url: string;
  headers: Record<string, string>;
  body?: unknown;
  timeoutMs: number;
  fetchImpl?: typeof fetch;
}

export interface JsonResponse {
  status: number;
  headers: Headers;
  json: unknown;
}

const NOT_SENT = new Set([
  'ECONNREFUSED',
  'ENOTFOUND',
  'EAI_AGAIN',
  'ENETUNREACH',
  'EHOSTUNREACH',
  'UND_ERR_CONNECT_TIMEOUT',
]);

function causeCode(e: unknown): string | null {
  let cur: unknown = e;
  for (let i = 0; i < 4 && cur && typeof cur === 'object'; i++) {
    const code = (cur as { code?: unknown }).code;
    if (typeof code === 'string') return code;
    cur = (cur as { cause?: unknown }).cause;
  }
  return null;
}

/** One JSON request with a timeout; every non-2xx or unreadable answer becomes a ProviderError. */
export async function requestJson(opts: RequestOptions): Promise<JsonResponse> {
  const name = PROVIDER_LABELS[opts.provider];
  const isWrite = opts.method !== 'GET';
  let res: Response;
  try {
    res = await (opts.fetchImpl ?? fetch)(opts.url, {
      method: opts.method,
      headers: {
        accept: 'application/json',
        ...(opts.body === undefined ? {} : { 'content-type': 'application/json' }),
        ...opts.headers,
      },
      body: opts.body === undefined ? undefined : JSON.stringify(opts.body),
      signal: AbortSignal.timeout(opts.timeoutMs),
    });
  } catch (e) {
    const code = causeCode(e);
    if ((e as Error).name === 'TimeoutError' || code === 'UND_ERR_HEADERS_TIMEOUT') {
      throw new ProviderError(
        'provider_timeout',
        `${name} did not answer within ${Math.round(opts.timeoutMs / 1000)} s. LeadPrep will check and retry.`,
        opts.provider,
        null,
        null,
        null,
        isWrite,
      );
    }
    const notSent = code !== null && NOT_SENT.has(code);
    throw new ProviderError(
      'offline',
      notSent
        ? `Cannot reach ${name} (${code}). You may be offline; LeadPrep retries when the connection is back.`
        : `The connection to ${name} was interrupted${code ? ` (${code})` : ''}. LeadPrep will check what arrived and retry.`,
      opts.provider,
      null,
      null,
      null,
      isWrite && !notSent,
    );
  }
  let text: string;
  try {
    text = await res.text();
  } catch (e) {
    throw new ProviderError(
      'offline',
      `The connection to ${name} broke while reading its answer (${causeCode(e) ?? 'reset'}). LeadPrep will check and retry.`,
      opts.provider,
      res.status,
      null,
      null,
      isWrite,
    );
  }
  let json: unknown = undefined;
  let parsed = false;
  if (text.length > 0) {
    try {
      json = JSON.parse(text);
      parsed = true;
    } catch {
      parsed = false;
    }
  }
  if (res.ok) {
    if (!parsed) {
      throw new ProviderError(
        'provider_unexpected',
        `${name} sent an answer LeadPrep could not read (not JSON). LeadPrep will check and retry.`,
        opts.provider,
        res.status,
        null,
        null,
        isWrite,
      );
    }
    return { status: res.status, headers: res.headers, json };
  }
  const body = ErrorBody.safeParse(json);
  const errField = body.success ? body.data.error : undefined;
  const providerCode =
    (typeof errField === 'string' ? errField : errField?.code) ??
    (body.success ? body.data.code : undefined) ??
    null;
  const remoteMessage = redact(
    (
      (typeof errField === 'object' ? errField?.message : undefined) ??
      (body.success ? body.data.message : undefined) ??
      ''
    ).slice(0, 500),
  );
  const code: ErrorCode =
    STATUS_CODES[res.status] ?? (res.status >= 500 ? 'provider_unavailable' : 'provider_unexpected');
  throw new ProviderError(
    code,
    plainMessage(opts.provider, res.status, remoteMessage),
    opts.provider,
    res.status,
    providerCode,
    parseRetryAfter(res.headers.get('retry-after')),
    isWrite && res.status >= 500,
  );
}

/** Parses a provider answer with a tolerant schema; a shape we cannot use is a clear error. */
export function parseResponse<T>(provider: Provider, schema: z.ZodType<T>, json: unknown, what: string): T {
  const r = schema.safeParse(json);
  if (!r.success) {
    throw new ProviderError(
      'provider_unexpected',
      `${PROVIDER_LABELS[provider]} answered ${what} in a shape LeadPrep does not recognise. Nothing was changed; try again later or contact support.`,
      provider,
      null,
      null,
      null,
      false,
    );
  }
  return r.data;
}
