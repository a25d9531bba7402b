// Instantly v2 simulator (seed 003 leads/add, plus campaigns and lead-lists reads).
import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import {
  bearerToken,
  isRecord,
  isValidEmail,
  startSimServer,
  type SimResponse,
  type SimServer,
} from './core';

export const INSTANTLY_DEFAULT_KEY = 'in_test_key';
export const INSTANTLY_IDS = {
  campaign: '019cc043-e39c-7d91-a325-6615db0e1b14',
  campaign2: '019cc043-e39c-7d91-a325-6615db0e1b15',
  list: '019cc043-e39c-7d91-a325-661689b388af',
  blocklist: '019cc043-e39c-7d91-a325-66191be14c42',
} as const;

export interface InstantlyTarget {
  id: string;
  name: string;
  /** Campaigns only: Instantly's numeric status (0 draft, 1 active, 2 paused). */
  status?: number;
}

export interface InstantlyStoredLead {
  id: string;
  email: string | null;
  /** Position of the lead in the request that created it. */
  index: number;
  first_name?: string;
  last_name?: string;
  company_name?: string;
  website?: string;
  phone?: string;
  personalization?: string;
  custom_variables?: Record<string, unknown>;
  /** Every field as sent, for assertions on anything not broken out above. */
  raw: Record<string, unknown>;
}

export interface InstantlySimOptions {
  port?: number;
  apiKey?: string;
  latencyMs?: number;
  campaigns?: InstantlyTarget[];
  lists?: InstantlyTarget[];
  /** Blocked emails (`a@b.com`) and whole domains (`b.com`). */
  blocklist?: string[];
  /** remaining_in_plan before any upload; decremented per lead created in a campaign. Default 10,000. */
  remainingInPlan?: number;
}

export interface InstantlySim extends SimServer {
  campaigns: InstantlyTarget[];
  lists: InstantlyTarget[];
  blocklist: Set<string>;
  remainingInPlan: number;
  /** Leads stored in one campaign or list, in insertion order. */
  leadsIn(campaignOrListId: string): InstantlyStoredLead[];
}

const configSchema = z
  .object({
    blocklist: z.array(z.string()),
    remainingInPlan: z.number().int().nonnegative(),
    campaigns: z.array(z.object({ id: z.string(), name: z.string(), status: z.number().optional() })),
    lists: z.array(z.object({ id: z.string(), name: z.string() })),
  })
  .partial()
  .strict();

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
    error: code ?? ERROR_BY_STATUS[status] ?? 'Error',
    message: message ?? `Simulated ${status}`,
  };
}

function err(status: number, message: string): SimResponse {
  return { status, json: errorBody(status, undefined, message) };
}

function nonEmpty(v: unknown): v is string {
  return typeof v === 'string' && v.trim() !== '';
}

export async function startInstantlySim(opts: InstantlySimOptions = {}): Promise<InstantlySim> {
  const apiKey = opts.apiKey ?? INSTANTLY_DEFAULT_KEY;
  const initialCampaigns = opts.campaigns ?? [
    { id: INSTANTLY_IDS.campaign, name: 'Q1 founders (sim)', status: 1 },
    { id: INSTANTLY_IDS.campaign2, name: 'Drafts (sim)', status: 0 },
  ];
  const initialLists = opts.lists ?? [{ id: INSTANTLY_IDS.list, name: 'LeadPrep imports (sim)' }];
  const initialRemaining = opts.remainingInPlan ?? 10_000;
  const store = new Map<string, InstantlyStoredLead[]>();

  function isBlocked(email: string): boolean {
    const domain = email.split('@')[1] ?? '';
    return sim.blocklist.has(email) || sim.blocklist.has(domain) || sim.blocklist.has(`@${domain}`);
  }

  function emailsIn(ids: string[]): Set<string> {
    const out = new Set<string>();
    for (const id of ids) for (const l of store.get(id) ?? []) if (l.email) out.add(l.email);
    return out;
  }

  function addLeads(body: Record<string, unknown>): SimResponse {
    const campaignId = body.campaign_id;
    const listId = body.list_id;
    const hasCampaign = campaignId !== undefined && campaignId !== null;
    const hasList = listId !== undefined && listId !== null;
    if (hasCampaign === hasList) return err(400, 'Provide exactly one of campaign_id or list_id');
    const targetId = hasCampaign ? campaignId : listId;
    if (typeof targetId !== 'string') return err(400, 'campaign_id / list_id must be a string');
    const target = (hasCampaign ? sim.campaigns : sim.lists).find((t) => t.id === targetId);
    if (!target) return err(404, hasCampaign ? 'Campaign not found' : 'Lead list not found');
    const leads = body.leads;
    if (!Array.isArray(leads) || leads.length < 1 || leads.length > 1000) {
      return err(400, 'body/leads must contain between 1 and 1000 items');
    }

    const existing = store.get(targetId) ?? [];
    store.set(targetId, existing);
    const inTarget = new Set(existing.flatMap((l) => (l.email ? [l.email] : [])));
    const inCampaigns = emailsIn(sim.campaigns.map((c) => c.id));
    const inLists = emailsIn(sim.lists.map((l) => l.id));
    const seen = new Set<string>();
    const counts = {
      in_blocklist: 0,
      duplicated_leads: 0,
      skipped_count: 0,
      invalid_email_count: 0,
      incomplete_count: 0,
      duplicate_email_count: 0,
    };
    const created: { id: string; email: string | null; index: number }[] = [];

    for (const [index, lead] of leads.entries()) {
      const l = isRecord(lead) ? lead : {};
      const rawEmail = nonEmpty(l.email) ? l.email.trim() : null;
      // Campaign mode needs an email; list mode accepts a lead with only names (see incomplete_count).
      if ((hasCampaign && !rawEmail) || (rawEmail !== null && !isValidEmail(rawEmail))) {
        counts.invalid_email_count++;
        continue;
      }
      const email = rawEmail?.toLowerCase() ?? null;
      if (email !== null) {
        if (seen.has(email)) {
          counts.duplicate_email_count++;
          continue;
        }
        seen.add(email);
        if (isBlocked(email)) {
          counts.in_blocklist++;
          continue;
        }
        if (inTarget.has(email)) {
          counts.duplicated_leads++;
          continue;
        }
        const skip =
          body.skip_if_in_workspace === true
            ? inCampaigns.has(email) || inLists.has(email)
            : (body.skip_if_in_campaign === true && inCampaigns.has(email)) ||
              (body.skip_if_in_list === true && inLists.has(email));
        if (skip) {
          counts.skipped_count++;
          continue;
        }
      } else if (!nonEmpty(l.first_name) && !nonEmpty(l.last_name)) {
        counts.incomplete_count++;
        continue;
      }
      const stored: InstantlyStoredLead = {
        id: randomUUID(),
        email,
        index,
        raw: l,
        ...(nonEmpty(l.first_name) ? { first_name: l.first_name } : {}),
        ...(nonEmpty(l.last_name) ? { last_name: l.last_name } : {}),
        ...(nonEmpty(l.company_name) ? { company_name: l.company_name } : {}),
        ...(nonEmpty(l.website) ? { website: l.website } : {}),
        ...(nonEmpty(l.phone) ? { phone: l.phone } : {}),
        ...(nonEmpty(l.personalization) ? { personalization: l.personalization } : {}),
        ...(isRecord(l.custom_variables) ? { custom_variables: l.custom_variables } : {}),
      };
      existing.push(stored);
      if (email) inTarget.add(email);
      created.push({ id: stored.id, email, index });
    }

    if (hasCampaign) sim.remainingInPlan = Math.max(0, sim.remainingInPlan - created.length);
    return {
      status: 200,
      json: {
        status: 'success',
        total_sent: leads.length,
        leads_uploaded: created.length,
        in_blocklist: counts.in_blocklist,
        blocklist_used: typeof body.blocklist_id === 'string' ? body.blocklist_id : INSTANTLY_IDS.blocklist,
        duplicated_leads: counts.duplicated_leads,
        skipped_count: counts.skipped_count,
        invalid_email_count: counts.invalid_email_count,
        incomplete_count: counts.incomplete_count,
        duplicate_email_count: counts.duplicate_email_count,
        remaining_in_plan: hasCampaign ? sim.remainingInPlan : null,
        created_leads: created,
      },
    };
  }

  const server = await startSimServer(
    {
      name: 'instantly',
      authorize: (h) => bearerToken(h) === apiKey,
      errorBody,
      routes: [
        {
          method: 'POST',
          pattern: '/api/v2/leads/add',
          name: 'leads-add',
          handle: (ctx) => {
            if (ctx.bodyError || !isRecord(ctx.body)) return err(400, 'Body must be a JSON object');
            return addLeads(ctx.body);
          },
        },
        {
          method: 'GET',
          pattern: '/api/v2/campaigns',
          name: 'campaigns',
          handle: () => ({
            status: 200,
            json: {
              items: sim.campaigns.map((c) => ({ id: c.id, name: c.name, status: c.status ?? 1 })),
              next_starting_after: null,
            },
          }),
        },
        {
          method: 'GET',
          pattern: '/api/v2/lead-lists',
          name: 'lead-lists',
          handle: () => ({
            status: 200,
            json: { items: sim.lists.map((l) => ({ id: l.id, name: l.name })), next_starting_after: null },
          }),
        },
      ],
      state: () => ({
        remainingInPlan: sim.remainingInPlan,
        blocklist: [...sim.blocklist],
        campaigns: sim.campaigns,
        lists: sim.lists,
        leadsPerTarget: Object.fromEntries([...store].map(([id, leads]) => [id, leads.length])),
      }),
      reset: () => {
        store.clear();
        sim.campaigns = [...initialCampaigns];
        sim.lists = [...initialLists];
        sim.blocklist = new Set((opts.blocklist ?? []).map((b) => b.toLowerCase()));
        sim.remainingInPlan = initialRemaining;
      },
      configure: (input) => {
        const c = configSchema.parse(input);
        if (c.blocklist) sim.blocklist = new Set(c.blocklist.map((b) => b.toLowerCase()));
        if (c.remainingInPlan !== undefined) sim.remainingInPlan = c.remainingInPlan;
        if (c.campaigns) sim.campaigns = c.campaigns;
        if (c.lists) sim.lists = c.lists;
      },
    },
    { port: opts.port, latencyMs: opts.latencyMs },
  );

  const sim: InstantlySim = Object.assign(server, {
    campaigns: [...initialCampaigns],
    lists: [...initialLists],
    blocklist: new Set((opts.blocklist ?? []).map((b) => b.toLowerCase())),
    remainingInPlan: initialRemaining,
    leadsIn: (id: string) => store.get(id) ?? [],
  });
  return sim;
}
