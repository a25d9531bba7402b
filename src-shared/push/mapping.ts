/**
 * Maps one LeadPrep lead (with its reviewed sequence) to what each destination accepts.
 *
 * Variable names (documented in src-shared/push/README.md so users can reference them in their
 * Instantly or Segmentflow templates):
 *   step_<n>_subject, step_<n>_body   every step of the lead's sequence (edited text when edited)
 *   title, linkedin_url               lead fields Instantly has no built-in field for
 *   <custom key>                      each custom column of the import, by its snake_case key;
 *                                     renamed lead_<key> if it collides with a name above
 * Segmentflow `data` additionally carries subject, body, body_html, step, email, first_name,
 * last_name, full_name, company, website, phone.
 */
import type { InstantlyOptions, PersonalizationMode, PushLead, SegmentflowProfileSettings } from './types';

const SALUTATION = /^(hi|hello|hey|dear|hiya|greetings|good (morning|afternoon|evening))\b[^\n]{0,60}$/i;

/**
 * The step-1 opener Instantly shows as {{personalization}}. A leading greeting line ("Hi Ana,") is
 * skipped: it is not an opener and Instantly templates usually carry their own greeting.
 */
export function opener(body: string, mode: PersonalizationMode): string | null {
  if (mode === 'none') return null;
  let text = body.replace(/\r\n?/g, '\n').trim();
  const firstLine = (text.split('\n', 1)[0] ?? '').trim();
  if (SALUTATION.test(firstLine) && firstLine.length <= 60)
    text = text.slice(text.indexOf(firstLine) + firstLine.length).trim();
  const unit = (mode === 'first_paragraph' ? text.split(/\n\s*\n/, 1)[0] : text.split('\n', 1)[0]) ?? '';
  const out = unit
    .split('\n')
    .map((l) => l.trim())
    .filter(Boolean)
    .join(' ')
    .trim();
  return out === '' ? null : out;
}

const STEP_VAR = /^step_\d+_(subject|body)$/;

/** Custom variables of the import, flat, with collisions against LeadPrep's own names renamed. */
function customVariables(lead: PushLead, reserved: ReadonlySet<string>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [key, value] of Object.entries(lead.custom)) {
    if (value === '') continue;
    const name = reserved.has(key) || STEP_VAR.test(key) ? `lead_${key}` : key;
    out[name] = value;
  }
  return out;
}

function stepVariables(lead: PushLead): Record<string, string> {
  const out: Record<string, string> = {};
  for (const s of [...lead.steps].sort((a, b) => a.step - b.step)) {
    out[`step_${s.step}_subject`] = s.subject;
    out[`step_${s.step}_body`] = s.body;
  }
  return out;
}

const put = (o: Record<string, string>, key: string, v: string | null) => {
  if (v !== null && v.trim() !== '') o[key] = v;
};

const INSTANTLY_RESERVED = new Set(['title', 'linkedin_url']);

export interface InstantlyLeadPayload {
  email: string;
  first_name?: string;
  last_name?: string;
  company_name?: string;
  website?: string;
  phone?: string;
  personalization?: string;
  custom_variables: Record<string, string>;
}

export function toInstantlyLead(
  lead: PushLead,
  options: Pick<InstantlyOptions, 'personalization'>,
): InstantlyLeadPayload {
  const out: Record<string, string> = {};
  put(out, 'first_name', lead.firstName);
  put(out, 'last_name', lead.lastName);
  put(out, 'company_name', lead.company);
  put(out, 'website', lead.website);
  put(out, 'phone', lead.phone);
  const step1 = lead.steps.find((s) => s.step === 1);
  put(out, 'personalization', step1 ? opener(step1.body, options.personalization) : null);
  const vars: Record<string, string> = {};
  put(vars, 'title', lead.title);
  put(vars, 'linkedin_url', lead.linkedinUrl);
  return {
    email: lead.email ?? '',
    ...out,
    custom_variables: { ...customVariables(lead, INSTANTLY_RESERVED), ...vars, ...stepVariables(lead) },
  };
}

export interface SendkitLeadPayload {
  email: string;
  firstName?: string;
  lastName?: string;
  companyName?: string;
}

/** Sendkit's endpoint (seed 004) takes only these fields: no custom variables, no sequence text. */
export function toSendkitLead(lead: PushLead): SendkitLeadPayload {
  const out: Record<string, string> = {};
  put(out, 'firstName', lead.firstName);
  put(out, 'lastName', lead.lastName);
  put(out, 'companyName', lead.company);
  return { email: lead.email ?? '', ...out };
}

/** Names a Segmentflow template can use from each email's `data` (README.md beside this file). */
export const SEGMENTFLOW_DATA_VARIABLES = [
  'subject',
  'body',
  'body_html',
  'step',
  'email',
  'first_name',
  'last_name',
  'full_name',
  'company',
  'title',
  'website',
  'linkedin_url',
  'phone',
] as const;

const SEGMENTFLOW_RESERVED = new Set<string>(SEGMENTFLOW_DATA_VARIABLES);

const escapeHtml = (s: string) =>
  s
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;');

/** Plain text -> safe HTML paragraphs, for templates that render HTML. */
export function bodyHtml(body: string): string {
  return body
    .replace(/\r\n?/g, '\n')
    .trim()
    .split(/\n\s*\n/)
    .map((p) => `<p>${escapeHtml(p.trim()).replace(/\n/g, '<br>')}</p>`)
    .join('');
}

export interface SegmentflowItemPayload {
  idempotencyKey: string;
  to: { email: string; externalId: string };
  subject: string;
  data: Record<string, string | number>;
}

export function toSegmentflowItem(
  lead: PushLead,
  step: number,
  idempotencyKey: string,
): SegmentflowItemPayload {
  const s = lead.steps.find((x) => x.step === step);
  if (!s) throw new RangeError(`lead ${lead.leadId} has no step ${step}`);
  const fields: Record<string, string> = {};
  put(fields, 'email', lead.email);
  put(fields, 'first_name', lead.firstName);
  put(fields, 'last_name', lead.lastName);
  put(fields, 'full_name', lead.fullName);
  put(fields, 'company', lead.company);
  put(fields, 'title', lead.title);
  put(fields, 'website', lead.website);
  put(fields, 'linkedin_url', lead.linkedinUrl);
  put(fields, 'phone', lead.phone);
  return {
    idempotencyKey,
    to: { email: lead.email ?? '', externalId: String(lead.leadId) },
    subject: s.subject,
    data: {
      ...customVariables(lead, SEGMENTFLOW_RESERVED),
      ...fields,
      step,
      subject: s.subject,
      body: s.body,
      body_html: bodyHtml(s.body),
    },
  };
}

export interface SegmentflowDefaultsPayload {
  templateId: string;
  senderProfileId?: string;
  from?: string;
  replyTo?: string;
  subscriptionGroupId?: string;
  tracking?: { clicks: boolean };
}

export function segmentflowDefaults(p: SegmentflowProfileSettings): SegmentflowDefaultsPayload {
  return {
    templateId: p.templateId,
    ...(p.senderProfileId ? { senderProfileId: p.senderProfileId } : {}),
    ...(p.from ? { from: p.from } : {}),
    ...(p.replyTo ? { replyTo: p.replyTo } : {}),
    ...(p.subscriptionGroupId ? { subscriptionGroupId: p.subscriptionGroupId } : {}),
    ...(p.trackClicks === undefined ? {} : { tracking: { clicks: p.trackClicks } }),
  };
}

export interface InstantlyRequestOptions {
  campaign_id?: string;
  list_id?: string;
  blocklist_id?: string;
  verify_leads_on_import: boolean;
  skip_if_in_workspace: boolean;
  skip_if_in_campaign: boolean;
  skip_if_in_list: boolean;
}

/** campaign_id XOR list_id, plus the import options (seed 003). */
export function instantlyRequestOptions(
  target: { kind: 'campaign' | 'list'; id: string },
  o: InstantlyOptions,
): InstantlyRequestOptions {
  return {
    ...(target.kind === 'campaign' ? { campaign_id: target.id } : { list_id: target.id }),
    ...(o.blocklistId ? { blocklist_id: o.blocklistId } : {}),
    verify_leads_on_import: o.verifyLeadsOnImport,
    skip_if_in_workspace: o.skipIfInWorkspace,
    skip_if_in_campaign: o.skipIfInCampaign,
    skip_if_in_list: o.skipIfInList,
  };
}
