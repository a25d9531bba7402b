// Segmentflow simulator (seed 002, POST /api/v1/emails/batch) with per-item idempotency replay.
import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import {
  headerValue,
  isRecord,
  isValidEmail,
  startSimServer,
  type SimResponse,
  type SimServer,
} from './core';

export const SEGMENTFLOW_DEFAULT_KEY = 'sf_test_key';
export const SEGMENTFLOW_IDS = {
  /** Template with no default subject: items must carry a subject. */
  template: '3c90c3cc-0d44-4b50-8888-8dd25736052a',
  /** Template with a default subject. */
  templateWithSubject: '3c90c3cc-0d44-4b50-8888-8dd25736052b',
  senderProfile: '3c90c3cc-0d44-4b50-8888-8dd257360530',
} as const;

export interface SegmentflowTemplate {
  id: string;
  name: string;
  subject?: string;
}

export interface SegmentflowSend {
  id: string;
  templateId: string;
  templateSnapshotId: string;
  senderProfileId: string;
  from: { email: string; name?: string };
  replyTo?: { email: string; name?: string };
  subject: string;
  subscriptionGroupId?: string;
  profileId?: string;
  to: { email: string };
  cc: { email: string; name?: string }[];
  messageId: string;
  failureMessage: string | null;
  createdAt: string;
  updatedAt: string;
}

export interface SegmentflowSendRecord {
  idempotencyKey: string;
  send: SegmentflowSend;
  /** The template data the item carried (subject/body LeadPrep passes for the template). */
  data: Record<string, unknown>;
}

export interface SegmentflowSimOptions {
  port?: number;
  apiKey?: string;
  latencyMs?: number;
  templates?: SegmentflowTemplate[];
  senderProfileId?: string;
  fromEmail?: string;
  /** Recipients rejected per item with RECIPIENT_SUPPRESSED (the rest of the batch is accepted). */
  rejectRecipients?: string[];
}

export interface SegmentflowSim extends SimServer {
  templates: SegmentflowTemplate[];
  rejectRecipients: Set<string>;
  /** Every distinct send created, in creation order (replays add nothing). */
  readonly sends: SegmentflowSendRecord[];
  /** Number of distinct sends created per idempotencyKey; must never exceed 1. */
  readonly sendsByKey: Map<string, number>;
  /** Times each idempotencyKey was submitted, replays included (shows retries happened). */
  readonly attemptsByKey: Map<string, number>;
  /** Distinct sends to one recipient: two for the same lead-step means the client changed its key. */
  sendsTo(email: string): SegmentflowSendRecord[];
}

const configSchema = z
  .object({
    templates: z.array(z.object({ id: z.string(), name: z.string(), subject: z.string().optional() })),
    rejectRecipients: z.array(z.string()),
  })
  .partial()
  .strict();

const FORBIDDEN_DEFAULTS = ['to', 'data', 'cc', 'bcc'] as const;

const ERROR_BY_STATUS: Record<number, string> = {
  400: 'Bad Request',
  401: 'Unauthorized',
  402: 'Payment Required',
  403: 'Forbidden',
  404: 'Not Found',
  409: 'Conflict',
  429: 'Too Many Requests',
  500: 'Internal Server Error',
  502: 'Bad Gateway',
  503: 'Service Unavailable',
};

function errorBody(status: number, code?: string, message?: string): Record<string, unknown> {
  return {
    statusCode: status,
    code: code ?? (ERROR_BY_STATUS[status] ?? 'ERROR').toUpperCase().replace(/ /g, '_'),
    error: ERROR_BY_STATUS[status] ?? 'Error',
    message: message ?? `Simulated ${status}`,
  };
}

function err(status: number, message: string, code = 'VALIDATION_ERROR'): SimResponse {
  return { status, json: errorBody(status, code, message) };
}

/** Accepts "a@b.com", "Name <a@b.com>" or { email, name }. */
function parseAddress(v: unknown): { email: string; name?: string } | undefined {
  if (isRecord(v) && isValidEmail(v.email)) {
    return { email: v.email.trim(), ...(typeof v.name === 'string' ? { name: v.name } : {}) };
  }
  if (typeof v !== 'string') return undefined;
  const m = /^\s*(.*?)\s*<([^>]+)>\s*$/.exec(v);
  if (m && isValidEmail(m[2]))
    return { email: m[2].trim(), ...(m[1] ? { name: m[1].replace(/^"|"$/g, '') } : {}) };
  return isValidEmail(v) ? { email: v.trim() } : undefined;
}

function str(v: unknown): string | undefined {
  return typeof v === 'string' && v.trim() !== '' ? v : undefined;
}

export async function startSegmentflowSim(opts: SegmentflowSimOptions = {}): Promise<SegmentflowSim> {
  const apiKey = opts.apiKey ?? SEGMENTFLOW_DEFAULT_KEY;
  const initialTemplates: SegmentflowTemplate[] = opts.templates ?? [
    { id: SEGMENTFLOW_IDS.template, name: 'LeadPrep step (sim)' },
    {
      id: SEGMENTFLOW_IDS.templateWithSubject,
      name: 'With default subject (sim)',
      subject: 'Hello from the sim',
    },
  ];
  const senderProfileId = opts.senderProfileId ?? SEGMENTFLOW_IDS.senderProfile;
  const fromEmail = opts.fromEmail ?? 'sender@sim.segmentflow.test';
  const sends: SegmentflowSendRecord[] = [];
  const sendsByKey = new Map<string, number>();
  const byKey = new Map<string, SegmentflowSend>();
  const attemptsByKey = new Map<string, number>();

  type ItemResult =
    | { index: number; idempotencyKey: string | null; send: SegmentflowSend }
    | { index: number; idempotencyKey: string | null; error: { code: string; message: string } };

  function processItem(
    index: number,
    item: Record<string, unknown>,
    defaults: Record<string, unknown>,
  ): ItemResult {
    const key = str(item.idempotencyKey) ?? null;
    const reject = (code: string, message: string): ItemResult => ({
      index,
      idempotencyKey: key,
      error: { code, message },
    });
    if (key === null) return reject('IDEMPOTENCY_KEY_REQUIRED', 'idempotencyKey is required');
    attemptsByKey.set(key, (attemptsByKey.get(key) ?? 0) + 1);
    const previous = byKey.get(key);
    if (previous) return { index, idempotencyKey: key, send: previous };

    const merged: Record<string, unknown> = { ...defaults, ...item };
    const to = isRecord(merged.to) ? merged.to : undefined;
    if (!to || !isValidEmail(to.email))
      return reject('INVALID_RECIPIENT', 'to.email must be a valid email address');
    const toEmail = to.email.trim();
    const templateId = str(merged.templateId);
    if (!templateId) return reject('TEMPLATE_REQUIRED', 'templateId is required');
    const template = sim.templates.find((t) => t.id === templateId);
    if (!template) return reject('TEMPLATE_NOT_FOUND', `Template ${templateId} not found`);
    const subject = str(merged.subject) ?? template.subject;
    if (!subject)
      return reject('SUBJECT_REQUIRED', 'subject is required when the template has no default subject');
    if (sim.rejectRecipients.has(toEmail.toLowerCase())) {
      return reject('RECIPIENT_SUPPRESSED', `${toEmail} is suppressed`);
    }
    const from = parseAddress(merged.from) ?? { email: fromEmail };
    const replyTo = parseAddress(merged.replyTo);
    const cc =
      typeof merged.cc === 'string' ? merged.cc.split(',').flatMap((a) => parseAddress(a) ?? []) : [];
    const now = new Date().toISOString();
    const send: SegmentflowSend = {
      id: randomUUID(),
      templateId,
      templateSnapshotId: randomUUID(),
      senderProfileId: str(merged.senderProfileId) ?? senderProfileId,
      from,
      ...(replyTo ? { replyTo } : {}),
      subject,
      ...(str(merged.subscriptionGroupId) ? { subscriptionGroupId: str(merged.subscriptionGroupId) } : {}),
      ...(str(merged.profileId) ? { profileId: str(merged.profileId) } : {}),
      to: { email: toEmail },
      cc,
      messageId: randomUUID(),
      failureMessage: null,
      createdAt: now,
      updatedAt: now,
    };
    byKey.set(key, send);
    sendsByKey.set(key, (sendsByKey.get(key) ?? 0) + 1);
    sends.push({ idempotencyKey: key, send, data: isRecord(merged.data) ? merged.data : {} });
    return { index, idempotencyKey: key, send };
  }

  const server = await startSimServer(
    {
      name: 'segmentflow',
      authorize: (h) => headerValue(h, 'x-api-key') === apiKey,
      errorBody,
      routes: [
        {
          method: 'POST',
          pattern: '/api/v1/emails/batch',
          name: 'emails-batch',
          handle: (ctx) => {
            if (ctx.bodyError || !isRecord(ctx.body)) return err(400, 'Body must be a JSON object');
            const items = ctx.body.items;
            if (!Array.isArray(items) || items.length < 1 || items.length > 100) {
              return err(400, 'body/items must contain between 1 and 100 items');
            }
            const defaults = ctx.body.defaults ?? {};
            if (!isRecord(defaults)) return err(400, 'body/defaults must be an object');
            const forbidden = FORBIDDEN_DEFAULTS.filter((k) => k in defaults);
            if (forbidden.length > 0) return err(400, `defaults may not contain ${forbidden.join(', ')}`);
            const results = items.map((item, index) =>
              isRecord(item)
                ? processItem(index, item, defaults)
                : {
                    index,
                    idempotencyKey: null,
                    error: { code: 'VALIDATION_ERROR', message: 'item must be an object' },
                  },
            );
            const accepted = results.filter((r) => 'send' in r).length;
            return {
              status: 200,
              json: { total: items.length, accepted, rejected: items.length - accepted, items: results },
            };
          },
        },
        {
          // Not in the seed: a cheap read for "Test connection"; the sim's own shape.
          method: 'GET',
          pattern: '/api/v1/templates',
          name: 'templates',
          handle: () => ({ status: 200, json: { items: sim.templates } }),
        },
      ],
      state: () => ({
        templates: sim.templates,
        rejectRecipients: [...sim.rejectRecipients],
        sends: sends.length,
        sendsByKey: Object.fromEntries(sendsByKey),
        keysWithMoreThanOneSend: [...sendsByKey].filter(([, n]) => n > 1).map(([k]) => k),
      }),
      reset: () => {
        sends.length = 0;
        sendsByKey.clear();
        byKey.clear();
        attemptsByKey.clear();
        sim.templates = [...initialTemplates];
        sim.rejectRecipients = new Set((opts.rejectRecipients ?? []).map((e) => e.toLowerCase()));
      },
      configure: (input) => {
        const c = configSchema.parse(input);
        if (c.templates) sim.templates = c.templates;
        if (c.rejectRecipients)
          sim.rejectRecipients = new Set(c.rejectRecipients.map((e) => e.toLowerCase()));
      },
    },
    { port: opts.port, latencyMs: opts.latencyMs },
  );

  const sim: SegmentflowSim = Object.assign(server, {
    templates: [...initialTemplates],
    rejectRecipients: new Set((opts.rejectRecipients ?? []).map((e) => e.toLowerCase())),
    sends,
    sendsByKey,
    attemptsByKey,
    sendsTo: (email: string) => sends.filter((r) => r.send.to.email.toLowerCase() === email.toLowerCase()),
  });
  return sim;
}
