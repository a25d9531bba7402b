import { z } from 'zod';
import { parseCampaignList, type CampaignRef } from './campaigns';
import { DEFAULT_TIMEOUT_MS, type ClientOptions } from './keys';
import { ProviderError, parseResponse, requestJson } from './http';

/** MachFive API (seeds 000 generate-batch, 001 lists). Every answer is parsed tolerantly with zod. */

export interface BatchLead {
  email: string;
  name?: string;
  title?: string;
  company?: string;
  linkedin_url?: string;
  company_website?: string;
}

export interface BatchOptions {
  list_name?: string;
  email_count?: number;
  email_signature?: string;
  campaign_angle?: string;
  approved_ctas?: string[];
}

const Accepted = z
  .object({ list_id: z.string().min(1), status: z.string().optional(), message: z.string().optional() })
  .loose();

export const ListStatus = z.enum(['pending', 'processing', 'completed', 'failed']);
export type ListStatus = z.infer<typeof ListStatus>;

const ListSummary = z
  .object({
    id: z.string(),
    campaign_id: z.string().nullish(),
    custom_name: z.string().nullish(),
    // Unknown future states are kept as text so one odd list cannot break reconciliation.
    processing_status: z.string(),
    created_at: z.string().nullish(),
    completed_at: z.string().nullish(),
    failed_at: z.string().nullish(),
    leads_count: z.number().nullish(),
    emails_created: z.number().nullish(),
  })
  .loose();
export type ListSummary = z.infer<typeof ListSummary>;

const ListPage = z.object({ lists: z.array(ListSummary) }).loose();

const ExportStep = z
  .object({
    step: z.coerce.number().int(),
    subject: z
      .string()
      .nullish()
      .transform((s) => s ?? ''),
    body: z
      .string()
      .nullish()
      .transform((s) => s ?? ''),
  })
  .loose();
const ExportLead = z
  .object({
    email: z.string(),
    name: z.string().nullish(),
    company: z.string().nullish(),
    title: z.string().nullish(),
    sequence: z
      .array(ExportStep)
      .nullish()
      .transform((s) => s ?? []),
  })
  .loose();
const ExportBody = z.object({ leads: z.array(z.unknown()) }).loose();
export type ExportLead = z.infer<typeof ExportLead>;

export interface ExportResult {
  leads: ExportLead[];
  /** Entries that were not usable lead objects; logged by the caller, never fatal. */
  unreadable: number;
}

export const LISTS_PAGE_SIZE = 100;

const RejectDetail = z
  .object({
    detail: z
      .object({ index: z.coerce.number().int().nonnegative().nullish(), email: z.string().nullish() })
      .loose()
      .nullish(),
  })
  .loose();

/**
 * 400 on generate-batch: the batch itself is bad. MachFive's `detail` may name the offending lead
 * ({index, email}); it is kept so the caller can point the user at it instead of retrying blindly.
 */
export class BatchRejectedError extends ProviderError {
  constructor(
    base: ProviderError,
    readonly badLead: { index: number | null; email: string | null },
  ) {
    super(base.code, base.message, base.provider, base.status, base.providerCode, base.retryAfterMs, false);
    this.name = 'BatchRejectedError';
  }
}

function readRejectDetail(text: string): { index: number | null; email: string | null } {
  try {
    const parsed = RejectDetail.safeParse(JSON.parse(text));
    const d = parsed.success ? parsed.data.detail : null;
    return { index: d?.index ?? null, email: d?.email ?? null };
  } catch {
    return { index: null, email: null };
  }
}

export function createMachFiveClient(opts: ClientOptions) {
  const timeoutMs = opts.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  const get = async (path: string) =>
    requestJson({
      provider: 'machfive',
      method: 'GET',
      url: `${opts.baseUrl}${path}`,
      headers: { authorization: `Bearer ${await opts.key()}` },
      timeoutMs,
      fetchImpl: opts.fetchImpl,
    });

  const client = {
    async listCampaigns(): Promise<CampaignRef[]> {
      const res = await get('/api/v1/campaigns');
      const campaigns = parseCampaignList(res.json);
      if (!campaigns) {
        throw new ProviderError(
          'provider_unexpected',
          'MachFive answered the campaign list in a shape LeadPrep does not recognise (expected a list of campaigns with an id and a name). You can still paste a campaign ID by hand.',
          'machfive',
          res.status,
          null,
          null,
          false,
        );
      }
      return campaigns;
    },

    /** Not idempotent on MachFive's side: callers must persist a client reference in list_name first. */
    async generateBatch(
      campaignId: string,
      leads: BatchLead[],
      options: BatchOptions,
    ): Promise<{ listId: string }> {
      // The shared HTTP layer keeps only {error, message}; a 400's body is read here for its `detail`.
      let rejectedBody: string | null = null;
      const baseFetch = opts.fetchImpl ?? fetch;
      const capturingFetch: typeof fetch = async (input, init) => {
        const r = await baseFetch(input, init);
        if (r.status === 400)
          rejectedBody = await r
            .clone()
            .text()
            .catch(() => null);
        return r;
      };
      let res;
      try {
        res = await requestJson({
          provider: 'machfive',
          method: 'POST',
          url: `${opts.baseUrl}/api/v1/campaigns/${encodeURIComponent(campaignId)}/generate-batch`,
          headers: { authorization: `Bearer ${await opts.key()}` },
          body: { leads, options },
          timeoutMs,
          fetchImpl: capturingFetch,
        });
      } catch (e) {
        if (e instanceof ProviderError && e.status === 400)
          throw new BatchRejectedError(e, readRejectDetail(rejectedBody ?? ''));
        throw e;
      }
      const body = parseResponse('machfive', Accepted, res.json, 'the batch submission');
      return { listId: body.list_id };
    },

    async listListsPage(q: {
      campaignId?: string;
      status?: string;
      limit?: number;
      offset?: number;
    }): Promise<ListSummary[]> {
      const params = new URLSearchParams();
      if (q.campaignId) params.set('campaign_id', q.campaignId);
      if (q.status) params.set('status', q.status);
      params.set('limit', String(q.limit ?? LISTS_PAGE_SIZE));
      params.set('offset', String(q.offset ?? 0));
      const res = await get(`/api/v1/lists?${params.toString()}`);
      return parseResponse('machfive', ListPage, res.json, 'the list of lists').lists;
    },

    /** Walks every page; used to reconcile a submission whose answer was lost. */
    async listAllLists(campaignId?: string, maxPages = 200): Promise<ListSummary[]> {
      const all: ListSummary[] = [];
      for (let page = 0; page < maxPages; page++) {
        const lists = await client.listListsPage({
          campaignId,
          limit: LISTS_PAGE_SIZE,
          offset: page * LISTS_PAGE_SIZE,
        });
        all.push(...lists);
        if (lists.length < LISTS_PAGE_SIZE) return all;
      }
      throw new ProviderError(
        'provider_unexpected',
        `MachFive returned more than ${maxPages * LISTS_PAGE_SIZE} lists; LeadPrep stopped paging to stay safe.`,
        'machfive',
        null,
        null,
        null,
        false,
      );
    },

    async getList(listId: string): Promise<ListSummary> {
      const res = await get(`/api/v1/lists/${encodeURIComponent(listId)}`);
      return parseResponse('machfive', ListSummary, res.json, 'the list status');
    },

    async exportList(listId: string): Promise<ExportResult> {
      const res = await get(`/api/v1/lists/${encodeURIComponent(listId)}/export?format=json`);
      const body = parseResponse('machfive', ExportBody, res.json, 'the export');
      const leads: ExportLead[] = [];
      let unreadable = 0;
      for (const raw of body.leads) {
        const lead = ExportLead.safeParse(raw);
        if (lead.success) leads.push(lead.data);
        else unreadable++;
      }
      return { leads, unreadable };
    },
  };
  return client;
}

export type MachFiveClient = ReturnType<typeof createMachFiveClient>;
