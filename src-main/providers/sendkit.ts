import { z } from 'zod';
import type { SendkitLeadPayload } from '../../src-shared/push/mapping';
import type { SendkitAddResult } from '../../src-shared/push/results';
import { DEFAULT_TIMEOUT_MS, type ClientOptions } from './keys';
import { ProviderError, parseResponse, requestJson } from './http';

const count = z
  .number()
  .int()
  .nonnegative()
  .nullish()
  .transform((n) => n ?? 0);

const AddLeadsResponse = z
  .object({
    success: z.boolean().optional(),
    data: z
      .object({
        added: count,
        skipped: count,
        errors: z
          .array(
            z
              .object({
                entry: z.unknown(),
                message: z
                  .string()
                  .nullish()
                  .transform((m) => m ?? 'rejected without a message'),
              })
              .loose(),
          )
          .nullish()
          .transform((e) => e ?? []),
      })
      .loose(),
  })
  .loose();

/** Sendkit campaign leads (seed 004), Mode 1 "explicit leads" only. */
export function createSendkitClient(opts: ClientOptions) {
  const timeoutMs = opts.timeoutMs ?? DEFAULT_TIMEOUT_MS;

  /** POST /v1/campaigns/{id}/leads with up to 5000 leads; duplicates already in the campaign are skipped by Sendkit. */
  const addLeadsToCampaign = async (
    campaignId: string,
    leads: SendkitLeadPayload[],
  ): Promise<SendkitAddResult> => {
    if (leads.length < 1 || leads.length > 5000)
      throw new RangeError(`Sendkit takes 1–5000 leads per request, got ${leads.length}`);
    const key = await opts.key();
    const res = await requestJson({
      provider: 'sendkit',
      method: 'POST',
      url: `${opts.baseUrl}/v1/campaigns/${encodeURIComponent(campaignId)}/leads`,
      // The seed sends the key in both headers; either may be what a workspace checks.
      headers: { 'x-api-key': key, authorization: `Bearer ${key}` },
      body: { leads },
      timeoutMs,
      fetchImpl: opts.fetchImpl,
    });
    const body = parseResponse('sendkit', AddLeadsResponse, res.json, 'the lead upload');
    if (body.success === false) {
      throw new ProviderError(
        'provider_unexpected',
        'Sendkit answered the lead upload with success: false and no error. Nothing is assumed added; try again.',
        'sendkit',
        res.status,
        null,
        null,
        true,
      );
    }
    return {
      added: body.data.added,
      skipped: body.data.skipped,
      errors: body.data.errors.map((e) => ({ entry: e.entry, message: e.message })),
    };
  };

  return { addLeadsToCampaign };
}

export type SendkitClient = ReturnType<typeof createSendkitClient>;
