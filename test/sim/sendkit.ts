// Sendkit simulator (seed 004, Mode 1 "explicit leads" of POST /v1/campaigns/:id/leads).
import { randomBytes } from 'node:crypto';
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

export const SENDKIT_DEFAULT_KEY = 'sk_test_key';
export const SENDKIT_IDS = {
  activeCampaign: '665d4e5f6a7b8c9d0e1f0001',
  pausedCampaign: '665d4e5f6a7b8c9d0e1f0002',
  /** A workspace lead that exists before any push (the seed's example leadId). */
  knownLead: '665d4e5f6a7b8c9d0e1f2a3b',
} as const;

export interface SendkitCampaign {
  id: string;
  name: string;
  /** Leads added to an `active` campaign start `active`, otherwise `pending` (seed). */
  status: 'active' | 'paused' | 'draft';
}

export interface SendkitWorkspaceLead {
  leadId: string;
  email: string;
  firstName?: string;
  lastName?: string;
  companyName?: string;
  /** Every field as last sent. */
  raw: Record<string, unknown>;
}

export interface SendkitCampaignLead {
  leadId: string;
  email: string;
  status: 'active' | 'pending';
}

export interface SendkitSimOptions {
  port?: number;
  apiKey?: string;
  latencyMs?: number;
  campaigns?: SendkitCampaign[];
  /** Leads already in the workspace, addressable by leadId. */
  workspaceLeads?: { leadId: string; email: string }[];
}

export interface SendkitSim extends SimServer {
  campaigns: SendkitCampaign[];
  /** Workspace leads by leadId (created on first push of an unknown email). */
  readonly workspaceLeads: Map<string, SendkitWorkspaceLead>;
  /** Leads in one campaign, in insertion order. */
  leadsIn(campaignId: string): SendkitCampaignLead[];
}

const configSchema = z
  .object({
    campaigns: z.array(
      z.object({ id: z.string(), name: z.string(), status: z.enum(['active', 'paused', 'draft']) }),
    ),
  })
  .partial()
  .strict();

const CODE_BY_STATUS: Record<number, string> = {
  400: 'VALIDATION_ERROR',
  401: 'UNAUTHORIZED',
  402: 'PAYMENT_REQUIRED',
  403: 'FORBIDDEN',
  404: 'NOT_FOUND',
  409: 'CONFLICT',
  429: 'RATE_LIMITED',
  500: 'INTERNAL_ERROR',
  502: 'BAD_GATEWAY',
  503: 'SERVICE_UNAVAILABLE',
};

function errorBody(status: number, code?: string, message?: string): Record<string, unknown> {
  return {
    success: false,
    error: { code: code ?? CODE_BY_STATUS[status] ?? 'ERROR', message: message ?? `Simulated ${status}` },
  };
}

function err(status: number, message: string): SimResponse {
  return { status, json: errorBody(status, undefined, message) };
}

function objectId(): string {
  return randomBytes(12).toString('hex');
}

export async function startSendkitSim(opts: SendkitSimOptions = {}): Promise<SendkitSim> {
  const apiKey = opts.apiKey ?? SENDKIT_DEFAULT_KEY;
  const initialCampaigns: SendkitCampaign[] = opts.campaigns ?? [
    { id: SENDKIT_IDS.activeCampaign, name: 'Founders (sim, active)', status: 'active' },
    { id: SENDKIT_IDS.pausedCampaign, name: 'Agencies (sim, paused)', status: 'paused' },
  ];
  const initialWorkspace = opts.workspaceLeads ?? [
    { leadId: SENDKIT_IDS.knownLead, email: 'known.lead@example.com' },
  ];
  const workspaceLeads = new Map<string, SendkitWorkspaceLead>();
  const campaignLeads = new Map<string, SendkitCampaignLead[]>();

  function seedWorkspace(): void {
    workspaceLeads.clear();
    for (const l of initialWorkspace)
      workspaceLeads.set(l.leadId, { leadId: l.leadId, email: l.email.toLowerCase(), raw: { ...l } });
  }
  seedWorkspace();

  function addLeads(campaignId: string, body: Record<string, unknown>): SimResponse {
    const campaign = sim.campaigns.find((c) => c.id === campaignId);
    if (!campaign) return err(404, 'Campaign not found');
    const leads = body.leads;
    if (!Array.isArray(leads)) {
      if (body.filters !== undefined || body.selectAll === true) {
        return err(400, 'The simulator implements only Mode 1 (leads array)');
      }
      return err(400, 'Provide leads array, filters, or selectAll: true');
    }
    if (leads.length === 0) return err(400, 'leads must contain at least one entry');
    if (leads.length > 5000) return err(400, 'leads must contain at most 5000 entries');

    const inCampaign = campaignLeads.get(campaignId) ?? [];
    campaignLeads.set(campaignId, inCampaign);
    const ids = new Set(inCampaign.map((l) => l.leadId));
    let added = 0;
    let skipped = 0;
    const errors: { entry: unknown; message: string }[] = [];

    for (const entry of leads) {
      if (!isRecord(entry)) {
        errors.push({ entry, message: 'Either leadId or email is required' });
        continue;
      }
      let lead: SendkitWorkspaceLead | undefined;
      if (typeof entry.leadId === 'string' && entry.leadId !== '') {
        lead = workspaceLeads.get(entry.leadId);
        if (!lead) {
          errors.push({ entry, message: 'Lead not found' });
          continue;
        }
      } else if (isValidEmail(entry.email)) {
        const email = entry.email.trim().toLowerCase();
        lead = [...workspaceLeads.values()].find((w) => w.email === email);
        if (!lead) {
          lead = { leadId: objectId(), email, raw: {} };
          workspaceLeads.set(lead.leadId, lead);
        }
        lead.raw = { ...entry };
        if (typeof entry.firstName === 'string') lead.firstName = entry.firstName;
        if (typeof entry.lastName === 'string') lead.lastName = entry.lastName;
        if (typeof entry.companyName === 'string') lead.companyName = entry.companyName;
      } else {
        // The seed answers an unusable email (e.g. "invalid@") with this same message.
        errors.push({ entry, message: 'Either leadId or email is required' });
        continue;
      }
      if (ids.has(lead.leadId)) {
        skipped++;
        continue;
      }
      ids.add(lead.leadId);
      inCampaign.push({
        leadId: lead.leadId,
        email: lead.email,
        status: campaign.status === 'active' ? 'active' : 'pending',
      });
      added++;
    }
    return { status: 200, json: { success: true, data: { added, skipped, errors } } };
  }

  const server = await startSimServer(
    {
      name: 'sendkit',
      authorize: (h) => headerValue(h, 'x-api-key') === apiKey || bearerToken(h) === apiKey,
      errorBody,
      routes: [
        {
          method: 'POST',
          pattern: '/v1/campaigns/:id/leads',
          name: 'leads-add',
          handle: (ctx) => {
            if (ctx.bodyError || !isRecord(ctx.body)) return err(400, 'Body must be a JSON object');
            return addLeads(ctx.params.id ?? '', ctx.body);
          },
        },
        {
          // Not in the seed: a cheap read for "Test connection"; the sim's own shape.
          method: 'GET',
          pattern: '/v1/campaigns',
          name: 'campaigns',
          handle: () => ({ status: 200, json: { success: true, data: sim.campaigns } }),
        },
      ],
      state: () => ({
        campaigns: sim.campaigns,
        workspaceLeads: workspaceLeads.size,
        leadsPerCampaign: Object.fromEntries([...campaignLeads].map(([id, l]) => [id, l.length])),
      }),
      reset: () => {
        campaignLeads.clear();
        seedWorkspace();
        sim.campaigns = [...initialCampaigns];
      },
      configure: (input) => {
        const c = configSchema.parse(input);
        if (c.campaigns) sim.campaigns = c.campaigns;
      },
    },
    { port: opts.port, latencyMs: opts.latencyMs },
  );

  const sim: SendkitSim = Object.assign(server, {
    campaigns: [...initialCampaigns],
    workspaceLeads,
    leadsIn: (id: string) => campaignLeads.get(id) ?? [],
  });
  return sim;
}
