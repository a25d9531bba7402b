import { describe, expect, it } from 'vitest';
import {
  bodyHtml,
  instantlyRequestOptions,
  opener,
  segmentflowDefaults,
  toInstantlyLead,
  toSegmentflowItem,
  toSendkitLead,
} from '../../../src-shared/push/mapping';
import { InstantlyOptions, type PushLead } from '../../../src-shared/push/types';

const lead = (over: Partial<PushLead> = {}): PushLead => ({
  leadId: 7,
  email: 'ana@acme.io',
  emailKey: 'ana@acme.io',
  firstName: 'Ana',
  lastName: 'Silva',
  fullName: 'Ana Silva',
  title: 'CTO',
  company: 'Acme',
  website: 'acme.io',
  linkedinUrl: 'https://www.linkedin.com/in/ana',
  phone: null,
  custom: { industry: 'SaaS', step_1_body: 'clash', title: 'clash too', empty: '' },
  steps: [
    { step: 2, subject: 'Re: idea', body: 'Hi Ana,\n\nFollowing up.' },
    {
      step: 1,
      subject: 'Idea for Acme',
      body: 'Hi Ana,\n\nSaw your launch last week.\nCongrats!\n\nBest,\nMe',
    },
  ],
  ...over,
});

describe('opener', () => {
  it.each([
    ['Hi Ana,\n\nSaw your launch.\nCongrats!\n\nBest', 'first_paragraph', 'Saw your launch. Congrats!'],
    ['Hi Ana,\n\nSaw your launch.\nCongrats!\n\nBest', 'first_line', 'Saw your launch.'],
    ['Hi Ana,\nSaw your launch.\n\nBest', 'first_paragraph', 'Saw your launch.'],
    ['Saw your launch.\r\n\r\nBest', 'first_paragraph', 'Saw your launch.'],
    ['Hello there Ana!\n\nX', 'first_line', 'X'],
    ['Highlights from Acme are great.\n\nX', 'first_paragraph', 'Highlights from Acme are great.'],
    ['Hi Ana,', 'first_paragraph', null],
    ['Anything', 'none', null],
    ['', 'first_line', null],
  ] as const)('%j (%s) -> %j', (body, mode, want) => {
    expect(opener(body, mode)).toBe(want);
  });
});

describe('toInstantlyLead', () => {
  it('maps fields, the opener and every step plus custom variables, renaming collisions', () => {
    const out = toInstantlyLead(lead(), { personalization: 'first_paragraph' });
    expect(out).toEqual({
      email: 'ana@acme.io',
      first_name: 'Ana',
      last_name: 'Silva',
      company_name: 'Acme',
      website: 'acme.io',
      personalization: 'Saw your launch last week. Congrats!',
      custom_variables: {
        industry: 'SaaS',
        lead_step_1_body: 'clash',
        lead_title: 'clash too',
        title: 'CTO',
        linkedin_url: 'https://www.linkedin.com/in/ana',
        step_1_subject: 'Idea for Acme',
        step_1_body: 'Hi Ana,\n\nSaw your launch last week.\nCongrats!\n\nBest,\nMe',
        step_2_subject: 'Re: idea',
        step_2_body: 'Hi Ana,\n\nFollowing up.',
      },
    });
    expect(Object.values(out.custom_variables).every((v) => typeof v === 'string')).toBe(true);
  });

  it('leaves personalization out when asked and when there is no step 1', () => {
    expect(toInstantlyLead(lead(), { personalization: 'none' })).not.toHaveProperty('personalization');
    expect(toInstantlyLead(lead({ steps: [] }), { personalization: 'first_line' })).not.toHaveProperty(
      'personalization',
    );
  });
});

describe('instantlyRequestOptions', () => {
  it('sends campaign_id xor list_id and the safe defaults', () => {
    const d = InstantlyOptions.parse({});
    expect(instantlyRequestOptions({ kind: 'campaign', id: 'c' }, d)).toEqual({
      campaign_id: 'c',
      verify_leads_on_import: false,
      skip_if_in_workspace: true,
      skip_if_in_campaign: false,
      skip_if_in_list: false,
    });
    const l = instantlyRequestOptions(
      { kind: 'list', id: 'l' },
      { ...d, blocklistId: '019cc043-e39c-7d91-a325-66171b5e6f00' },
    );
    expect(l).not.toHaveProperty('campaign_id');
    expect(l).toMatchObject({ list_id: 'l', blocklist_id: '019cc043-e39c-7d91-a325-66171b5e6f00' });
  });
});

describe('toSendkitLead', () => {
  it('carries only the four fields Sendkit accepts', () => {
    expect(toSendkitLead(lead())).toEqual({
      email: 'ana@acme.io',
      firstName: 'Ana',
      lastName: 'Silva',
      companyName: 'Acme',
    });
    expect(toSendkitLead(lead({ firstName: null, lastName: ' ', company: null }))).toEqual({
      email: 'ana@acme.io',
    });
  });
});

describe('toSegmentflowItem', () => {
  it('puts the step subject in subject and the body plus lead fields in data', () => {
    const item = toSegmentflowItem(lead(), 2, 'lp_k');
    expect(item.to).toEqual({ email: 'ana@acme.io', externalId: '7' });
    expect(item.subject).toBe('Re: idea');
    expect(item.idempotencyKey).toBe('lp_k');
    expect(item.data).toMatchObject({
      subject: 'Re: idea',
      body: 'Hi Ana,\n\nFollowing up.',
      body_html: '<p>Hi Ana,</p><p>Following up.</p>',
      step: 2,
      first_name: 'Ana',
      company: 'Acme',
      title: 'CTO',
      industry: 'SaaS',
      lead_title: 'clash too',
    });
    expect(item.data).not.toHaveProperty('phone');
  });

  it('refuses a step the lead does not have', () => {
    expect(() => toSegmentflowItem(lead(), 5, 'k')).toThrow(RangeError);
  });

  it('escapes HTML in the body', () => {
    expect(bodyHtml('a <b> & "c"\nd')).toBe('<p>a &lt;b&gt; &amp; &quot;c&quot;<br>d</p>');
  });

  it('builds defaults only from what the profile sets', () => {
    const t = '3c90c3cc-0d44-4b50-8888-8dd25736052a';
    expect(segmentflowDefaults({ templateId: t })).toEqual({ templateId: t });
    expect(segmentflowDefaults({ templateId: t, from: 'Me <me@x.com>', trackClicks: false })).toEqual({
      templateId: t,
      from: 'Me <me@x.com>',
      tracking: { clicks: false },
    });
  });
});
