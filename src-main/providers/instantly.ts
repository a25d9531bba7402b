import { z } from 'zod';
import type { InstantlyLeadPayload, InstantlyRequestOptions } from '../../src-shared/push/mapping';
import type { InstantlyAddResult } from '../../src-shared/push/results';
import { parseCampaignList, type CampaignRef } from './campaigns';
import { DEFAULT_TIMEOUT_MS, type ClientOptions } from './keys';
import { ProviderError, parseResponse, requestJson } from './http';

const count = z
  .number()
  .int()
  .nonnegative()
  .nullish()
  .transform((n) => n ?? 0);

/** Seed 003 response; counters the seed marks required are still tolerated when absent (read as 0). */
const AddLeadsResponse = z
  .object({
    status: z.string().optional(),
    total_sent: count,
    leads_uploaded: count,
    in_blocklist: count,
    blocklist_used: z.string().nullish(),
    duplicated_leads: count,
    skipped_count: count,
    invalid_email_count: count,
    incomplete_count: count,
    duplicate_email_count: count,
    remaining_in_plan: z.number().nullish(),
    created_leads: z.array(
      z.object({ id: z.string(), email: z.string().nullish(), index: z.number().int() }).loose(),
    ),
  })
  .loose();
export type InstantlyAddLeadsResponse = z.infer<typeof AddLeadsResponse> & InstantlyAddResult;

/** Instantly API v2 (seed 003). */
export function createInstantlyClient(opts: ClientOptions) {
  const timeoutMs = opts.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  const auth = async () => ({ authorization: `Bearer ${await opts.key()}` });

  const listNamed = async (path: string, what: string): Promise<CampaignRef[]> => {
    const res = await requestJson({
      provider: 'instantly',
      method: 'GET',
      url: `${opts.baseUrl}${path}`,
      headers: await auth(),
      timeoutMs,
      fetchImpl: opts.fetchImpl,
    });
    const items = parseCampaignList(res.json);
    if (!items) {
      throw new ProviderError(
        'provider_unexpected',
        `Instantly answered the ${what} in a shape LeadPrep does not recognise.`,
        'instantly',
        res.status,
        null,
        null,
        false,
      );
    }
    return items;
  };

  /** POST /api/v2/leads/add: 1–1000 leads to one campaign or list. */
  const addLeads = async (
    leads: InstantlyLeadPayload[],
    options: InstantlyRequestOptions,
  ): Promise<InstantlyAddLeadsResponse> => {
    if (leads.length < 1 || leads.length > 1000)
      throw new RangeError(`Instantly takes 1–1000 leads per request, got ${leads.length}`);
    const res = await requestJson({
      provider: 'instantly',
      method: 'POST',
      url: `${opts.baseUrl}/api/v2/leads/add`,
      headers: await auth(),
      body: { ...options, leads },
      timeoutMs,
      fetchImpl: opts.fetchImpl,
    });
    return parseResponse('instantly', AddLeadsResponse, res.json, 'the lead upload');
  };

  return {
    listCampaigns: () => listNamed('/api/v2/campaigns?limit=100', 'campaign list'),
    listLeadLists: () => listNamed('/api/v2/lead-lists?limit=100', 'lead list list'),
    addLeads,
  };
}

export type InstantlyClient = ReturnType<typeof createInstantlyClient>;
