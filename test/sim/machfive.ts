// MachFive simulator (seeds 000 generate-batch, 001 lists). Lists complete asynchronously in real time.
import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import {
  bearerToken,
  headerValue,
  isRecord,
  isValidEmail,
  startSimServer,
  type SimResponse,
  type SimServer,
} from './core';

export const MACHFIVE_DEFAULT_KEY = 'mf_test_key';
export const MACHFIVE_CAMPAIGN_IDS = {
  founders: '0b6a1f7e-3c1d-4c55-9d2e-1a2b3c4d5e01',
  agencies: '0b6a1f7e-3c1d-4c55-9d2e-1a2b3c4d5e02',
  /** Exists but belongs to another workspace: generate-batch answers 403 and it is not listed. */
  foreign: '0b6a1f7e-3c1d-4c55-9d2e-1a2b3c4d5eff',
} as const;

export interface MachFiveCampaign {
  id: string;
  name: string;
  /** Not in this workspace: hidden from GET /campaigns, 403 on generate-batch. */
  foreign?: boolean;
}

export type MachFiveCampaignsShape = 'object' | 'array' | 'weird';
export type MachFiveListStatus = 'processing' | 'completed' | 'failed';

export interface MachFiveLead {
  email: string;
  name?: string;
  title?: string;
  company?: string;
  linkedin_url?: string;
  company_website?: string;
}

export interface MachFiveBatchOptions {
  list_name?: string;
  email_count?: number;
  email_signature?: string;
  campaign_angle?: string;
  approved_ctas?: unknown;
}

export interface MachFiveList {
  id: string;
  campaign_id: string;
  custom_name: string | null;
  processing_status: MachFiveListStatus;
  created_at: string;
  updated_at: string;
  completed_at: string | null;
  failed_at: string | null;
  leads: MachFiveLead[];
  options: MachFiveBatchOptions;
  /** Decided at accept time (list-fails fault): the list will end `failed`. */
  willFail: boolean;
}

export interface MachFiveAcceptedBatch {
  listId: string;
  campaignId: string;
  listName: string | null;
  emails: string[];
  options: MachFiveBatchOptions;
  at: number;
}

export interface MachFiveSimOptions {
  port?: number;
  apiKey?: string;
  latencyMs?: number;
  campaigns?: MachFiveCampaign[];
  campaignsShape?: MachFiveCampaignsShape;
  /** Credits available; one credit per lead, deducted on accept. Default 1,000,000. */
  credits?: number;
  /** Max lists `processing` at once before 429 WORKSPACE_LIMIT. Default 3. */
  concurrencyLimit?: number;
  /** Time a list spends `processing`. Default 1500 ms. */
  processingMs?: number;
  /** Extra processing time per lead. Default 0. */
  processingMsPerLead?: number;
}

export interface MachFiveSim extends SimServer {
  readonly acceptedBatches: MachFiveAcceptedBatch[];
  readonly lists: MachFiveList[];
  credits: number;
  concurrencyLimit: number;
  processingMs: number;
  processingMsPerLead: number;
  campaignsShape: MachFiveCampaignsShape;
  campaigns: MachFiveCampaign[];
  /** Finish processing now (all `processing` lists when no id is given). */
  completeNow(listId?: string): void;
  /** Fail a `processing` list now. */
  failNow(listId: string): void;
  /** Accepted batches whose options.list_name equals this name (exactly-once checks). */
  batchesNamed(listName: string): MachFiveAcceptedBatch[];
  /** The export the sim would return for a completed list (without faults). */
  exportOf(listId: string): MachFiveExportLead[];
}

export interface MachFiveExportLead {
  email: string;
  name: string | null;
  company: string | null;
  title: string | null;
  sequence: { step: number; subject: string; body: string }[];
}

const configSchema = z
  .object({
    credits: z.number().int().nonnegative(),
    concurrencyLimit: z.number().int().positive(),
    processingMs: z.number().int().nonnegative(),
    processingMsPerLead: z.number().nonnegative(),
    campaignsShape: z.enum(['object', 'array', 'weird']),
    campaigns: z.array(z.object({ id: z.string(), name: z.string(), foreign: z.boolean().optional() })),
  })
  .partial()
  .strict();

const CODE_BY_STATUS: Record<number, string> = {
  400: 'BAD_REQUEST',
  401: 'UNAUTHORIZED',
  402: 'INSUFFICIENT_CREDITS',
  403: 'FORBIDDEN',
  404: 'NOT_FOUND',
  409: 'NOT_READY',
  429: 'WORKSPACE_LIMIT',
  500: 'INTERNAL_ERROR',
  502: 'BAD_GATEWAY',
  503: 'SERVICE_UNAVAILABLE',
};

function defaultCampaigns(): MachFiveCampaign[] {
  return [
    { id: MACHFIVE_CAMPAIGN_IDS.founders, name: 'Founders outreach (sim)' },
    { id: MACHFIVE_CAMPAIGN_IDS.agencies, name: 'Agency partners (sim)' },
    { id: MACHFIVE_CAMPAIGN_IDS.foreign, name: 'Other workspace (sim)', foreign: true },
  ];
}

function err(
  status: number,
  message: string,
  detail?: unknown,
  extra?: Record<string, unknown>,
): SimResponse {
  return {
    status,
    json: {
      error: CODE_BY_STATUS[status] ?? 'ERROR',
      message,
      ...(detail !== undefined ? { detail } : {}),
      ...extra,
    },
  };
}

function str(v: unknown): string | undefined {
  return typeof v === 'string' && v.trim() !== '' ? v.trim() : undefined;
}

function firstName(lead: MachFiveLead): string {
  const fromName = lead.name?.trim().split(/\s+/)[0];
  if (fromName) return fromName;
  const local = lead.email.split('@')[0] ?? 'there';
  const word = local.split(/[._+-]/)[0] ?? local;
  return word.charAt(0).toUpperCase() + word.slice(1);
}

/** Deterministic "generated" sequence so tests can assert on content. */
export function machFiveSequence(
  lead: MachFiveLead,
  options: MachFiveBatchOptions,
): MachFiveExportLead['sequence'] {
  const count = options.email_count ?? 3;
  const first = firstName(lead);
  const company = lead.company ?? lead.email.split('@')[1] ?? 'your team';
  const angle = options.campaign_angle ? ` I had ${options.campaign_angle} in mind.` : '';
  const signature = options.email_signature ?? 'Best,\nThe LeadPrep sim';
  const subjects = [
    `Quick idea for ${company}`,
    `Re: quick idea for ${company}`,
    `${first}, one more thought`,
    `Worth a chat, ${first}?`,
    `Closing the loop on ${company}`,
  ];
  return Array.from({ length: count }, (_, i) => ({
    step: i + 1,
    subject: subjects[i] ?? `Step ${i + 1} for ${company}`,
    body: `Hi ${first},\n\nStep ${i + 1}: noticed what ${company} is doing${lead.title ? ` and your role as ${lead.title}` : ''}.${angle}\n\n${signature}`,
  }));
}

function csvCell(v: string | number | null): string {
  const s = v === null ? '' : String(v);
  return /[",\n\r]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

export async function startMachFiveSim(opts: MachFiveSimOptions = {}): Promise<MachFiveSim> {
  const apiKey = opts.apiKey ?? MACHFIVE_DEFAULT_KEY;
  const initial = {
    credits: opts.credits ?? 1_000_000,
    concurrencyLimit: opts.concurrencyLimit ?? 3,
    processingMs: opts.processingMs ?? 1500,
    processingMsPerLead: opts.processingMsPerLead ?? 0,
    campaignsShape: opts.campaignsShape ?? ('object' as MachFiveCampaignsShape),
    campaigns: opts.campaigns ?? defaultCampaigns(),
  };
  const acceptedBatches: MachFiveAcceptedBatch[] = [];
  const lists: MachFiveList[] = [];
  const timers = new Map<string, NodeJS.Timeout>();

  function finish(list: MachFiveList, status: 'completed' | 'failed'): void {
    if (list.processing_status !== 'processing') return;
    const t = timers.get(list.id);
    if (t) clearTimeout(t);
    timers.delete(list.id);
    const now = new Date().toISOString();
    list.processing_status = status;
    list.updated_at = now;
    if (status === 'completed') list.completed_at = now;
    else list.failed_at = now;
  }

  function summary(list: MachFiveList): Record<string, unknown> {
    return {
      id: list.id,
      campaign_id: list.campaign_id,
      custom_name: list.custom_name,
      processing_status: list.processing_status,
      created_at: list.created_at,
      completed_at: list.completed_at,
    };
  }

  function detail(list: MachFiveList): Record<string, unknown> {
    const out: Record<string, unknown> = {
      id: list.id,
      campaign_id: list.campaign_id,
      custom_name: list.custom_name,
      processing_status: list.processing_status,
      created_at: list.created_at,
      updated_at: list.updated_at,
    };
    if (list.processing_status === 'completed') {
      out.leads_count = list.leads.length;
      out.emails_created = list.leads.length * (list.options.email_count ?? 3);
      out.processed_file_path = `processed/${list.id}.csv`;
      out.completed_at = list.completed_at;
    }
    if (list.processing_status === 'failed') out.failed_at = list.failed_at;
    return out;
  }

  function exportOf(listId: string): MachFiveExportLead[] {
    const list = lists.find((l) => l.id === listId);
    if (!list) return [];
    return list.leads.map((lead) => ({
      email: lead.email,
      name: lead.name ?? null,
      company: lead.company ?? null,
      title: lead.title ?? null,
      sequence: machFiveSequence(lead, list.options),
    }));
  }

  const server = await startSimServer(
    {
      name: 'machfive',
      authorize: (h) => bearerToken(h) === apiKey || headerValue(h, 'x-api-key') === apiKey,
      errorBody: (status, code, message) => ({
        error: code ?? CODE_BY_STATUS[status] ?? 'ERROR',
        message: message ?? `Simulated ${status}`,
      }),
      routes: [
        {
          method: 'GET',
          pattern: '/api/v1/campaigns',
          name: 'campaigns',
          handle: () => {
            const visible = sim.campaigns
              .filter((c) => !c.foreign)
              .map((c) => ({ id: c.id, name: c.name, created_at: '2025-01-01T00:00:00.000Z' }));
            if (sim.campaignsShape === 'array') return { status: 200, json: visible };
            if (sim.campaignsShape === 'weird') return { status: 200, json: { foo: 1, data: 'unexpected' } };
            return { status: 200, json: { campaigns: visible } };
          },
        },
        {
          method: 'POST',
          pattern: '/api/v1/campaigns/:id/generate-batch',
          name: 'generate-batch',
          handle: (ctx) => {
            if (ctx.bodyError || !isRecord(ctx.body)) return err(400, 'Invalid JSON body');
            const campaign = sim.campaigns.find((c) => c.id === ctx.params.id);
            if (!campaign) return err(404, 'Campaign not found');
            if (campaign.foreign) return err(403, 'Campaign not in this workspace');
            const rawLeads = ctx.body.leads;
            if (!Array.isArray(rawLeads) || rawLeads.length === 0)
              return err(400, 'leads must be a non-empty array');
            const leads: MachFiveLead[] = [];
            for (const [index, l] of rawLeads.entries()) {
              if (!isRecord(l) || !isValidEmail(l.email)) {
                const email = isRecord(l) ? l.email : undefined;
                return err(400, `Lead at index ${index} is missing a valid email`, {
                  index,
                  email: typeof email === 'string' ? email : null,
                });
              }
              leads.push({
                email: l.email.trim(),
                name: str(l.name),
                title: str(l.title),
                company: str(l.company),
                linkedin_url: str(l.linkedin_url),
                company_website: str(l.company_website),
              });
            }
            const rawOptions = ctx.body.options ?? {};
            if (!isRecord(rawOptions)) return err(400, 'options must be an object');
            const emailCount = rawOptions.email_count ?? 3;
            if (
              typeof emailCount !== 'number' ||
              !Number.isInteger(emailCount) ||
              emailCount < 1 ||
              emailCount > 5
            ) {
              return err(400, 'options.email_count must be an integer from 1 to 5', {
                email_count: emailCount,
              });
            }
            const options: MachFiveBatchOptions = {
              list_name: str(rawOptions.list_name),
              email_count: emailCount,
              email_signature: str(rawOptions.email_signature),
              campaign_angle: str(rawOptions.campaign_angle),
              approved_ctas: rawOptions.approved_ctas,
            };
            if (sim.credits < leads.length) {
              return err(402, `Not enough credits: ${leads.length} needed, ${sim.credits} left`);
            }
            const processing = lists.filter((l) => l.processing_status === 'processing').length;
            if (processing >= sim.concurrencyLimit)
              return err(429, 'Too many concurrent batch jobs; try again later');

            sim.credits -= leads.length;
            const now = new Date().toISOString();
            const list: MachFiveList = {
              id: randomUUID(),
              campaign_id: campaign.id,
              custom_name: options.list_name ?? null,
              processing_status: 'processing',
              created_at: now,
              updated_at: now,
              completed_at: null,
              failed_at: null,
              leads,
              options,
              willFail: ctx.takeFault('list-fails') !== undefined,
            };
            lists.push(list);
            acceptedBatches.push({
              listId: list.id,
              campaignId: campaign.id,
              listName: list.custom_name,
              emails: leads.map((l) => l.email),
              options,
              at: Date.now(),
            });
            const delay = sim.processingMs + sim.processingMsPerLead * leads.length;
            timers.set(
              list.id,
              setTimeout(() => finish(list, list.willFail ? 'failed' : 'completed'), delay),
            );
            return {
              status: 202,
              json: {
                list_id: list.id,
                status: 'processing',
                message:
                  'Batch accepted. Processing will continue in the background. Poll list status or open in the UI.',
              },
            };
          },
        },
        {
          method: 'GET',
          pattern: '/api/v1/lists',
          name: 'lists',
          handle: (ctx) => {
            const limitRaw = ctx.query.get('limit');
            const offsetRaw = ctx.query.get('offset');
            const limit = limitRaw === null ? 50 : Number(limitRaw);
            const offset = offsetRaw === null ? 0 : Number(offsetRaw);
            if (!Number.isInteger(limit) || limit < 1 || !Number.isInteger(offset) || offset < 0) {
              return err(400, 'limit must be a positive integer and offset a non-negative integer');
            }
            const campaignId = ctx.query.get('campaign_id');
            const status = ctx.query.get('status');
            const page = [...lists]
              .reverse()
              .filter((l) => (campaignId ? l.campaign_id === campaignId : true))
              .filter((l) => (status ? l.processing_status === status : true))
              .slice(offset, offset + Math.min(limit, 100));
            return { status: 200, json: { lists: page.map(summary) } };
          },
        },
        {
          method: 'GET',
          pattern: '/api/v1/lists/:id',
          name: 'list',
          handle: (ctx) => {
            const list = lists.find((l) => l.id === ctx.params.id);
            return list ? { status: 200, json: detail(list) } : err(404, 'List not found');
          },
        },
        {
          method: 'GET',
          pattern: '/api/v1/lists/:id/export',
          name: 'export',
          handle: (ctx) => {
            const list = lists.find((l) => l.id === ctx.params.id);
            if (!list) return err(404, 'List not found');
            if (list.processing_status !== 'completed') {
              return err(409, 'List not yet completed; poll GET /lists/:id first', undefined, {
                processing_status: list.processing_status,
              });
            }
            const missing = ctx.takeFault('export-missing');
            const all = exportOf(list.id);
            const leads = missing ? all.slice(0, Math.max(0, all.length - missing.count)) : all;
            const format = ctx.query.get('format') ?? 'csv';
            if (format === 'json') return { status: 200, json: { leads } };
            const steps = list.options.email_count ?? 3;
            const header = ['email', 'name', 'company', 'title'];
            for (let i = 1; i <= steps; i++) header.push(`email_${i}_subject`, `email_${i}_body`);
            const rows = leads.map((l) =>
              [l.email, l.name, l.company, l.title, ...l.sequence.flatMap((s) => [s.subject, s.body])]
                .map(csvCell)
                .join(','),
            );
            return {
              status: 200,
              text: [header.join(','), ...rows].join('\r\n') + '\r\n',
              contentType: 'text/csv; charset=utf-8',
              headers: { 'content-disposition': `attachment; filename="${list.id}.csv"` },
            };
          },
        },
      ],
      state: () => ({
        credits: sim.credits,
        concurrencyLimit: sim.concurrencyLimit,
        processingMs: sim.processingMs,
        campaignsShape: sim.campaignsShape,
        campaigns: sim.campaigns,
        acceptedBatches: acceptedBatches.length,
        batchesByListName: acceptedBatches.reduce<Record<string, number>>((acc, b) => {
          const k = b.listName ?? '(unnamed)';
          acc[k] = (acc[k] ?? 0) + 1;
          return acc;
        }, {}),
        lists: lists.map((l) => ({ ...summary(l), leads: l.leads.length })),
      }),
      reset: () => {
        for (const t of timers.values()) clearTimeout(t);
        timers.clear();
        acceptedBatches.length = 0;
        lists.length = 0;
        Object.assign(sim, { ...initial, campaigns: [...initial.campaigns] });
      },
      configure: (input) => {
        Object.assign(sim, configSchema.parse(input));
      },
      onClose: () => {
        for (const t of timers.values()) clearTimeout(t);
        timers.clear();
      },
    },
    { port: opts.port, latencyMs: opts.latencyMs },
  );

  const sim: MachFiveSim = Object.assign(server, {
    acceptedBatches,
    lists,
    ...initial,
    campaigns: [...initial.campaigns],
    completeNow(listId?: string) {
      for (const l of lists) if (!listId || l.id === listId) finish(l, l.willFail ? 'failed' : 'completed');
    },
    failNow(listId: string) {
      const l = lists.find((x) => x.id === listId);
      if (l) finish(l, 'failed');
    },
    batchesNamed(listName: string) {
      return acceptedBatches.filter((b) => b.listName === listName);
    },
    exportOf,
  });
  return sim;
}
