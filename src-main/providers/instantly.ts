import { parseCampaignList, type CampaignRef } from './campaigns';
import { DEFAULT_TIMEOUT_MS, type ClientOptions } from './keys';
import { ProviderError, requestJson } from './http';

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
      throw new ProviderError('provider_unexpected', `Instantly answered the ${what} in a shape LeadPrep does not recognise.`, 'instantly', res.status, null, null, false);
    }
    return items;
  };

  return {
    listCampaigns: () => listNamed('/api/v2/campaigns?limit=100', 'campaign list'),
    listLeadLists: () => listNamed('/api/v2/lead-lists?limit=100', 'lead list list'),
  };
}

export type InstantlyClient = ReturnType<typeof createInstantlyClient>;
