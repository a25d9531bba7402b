import { z } from 'zod';

export const CampaignRef = z.object({ id: z.string(), name: z.string() });
export type CampaignRef = z.infer<typeof CampaignRef>;

const NAME_FIELDS = ['name', 'title', 'campaign_name', 'campaignName', 'label', 'display_name'] as const;
const LIST_FIELDS = ['campaigns', 'data', 'items', 'results', 'records'] as const;

const Item = z
  .object({ id: z.union([z.string().min(1), z.number()]) })
  .loose()
  .transform((o) => {
    const rec = o as Record<string, unknown>;
    const nameField = NAME_FIELDS.map((f) => rec[f]).find(
      (v): v is string => typeof v === 'string' && v.trim() !== '',
    );
    return { id: String(o.id), name: nameField?.trim() ?? String(o.id) };
  });

/**
 * Campaign lists whose exact shape is not documented: a bare array, or an object holding one under a
 * common key, with `id` and a name-like field. Returns null when the shape is not recognisable so
 * the caller can say so plainly instead of showing an empty picker.
 */
export function parseCampaignList(json: unknown): CampaignRef[] | null {
  let arr: unknown = json;
  if (!Array.isArray(arr) && arr && typeof arr === 'object') {
    const rec = arr as Record<string, unknown>;
    arr = LIST_FIELDS.map((f) => rec[f]).find((v) => Array.isArray(v));
  }
  if (!Array.isArray(arr)) return null;
  const items = z.array(Item).safeParse(arr);
  return items.success ? items.data : null;
}
